"""Auto-linking: first mention per section, whole words, never code, links, headings or itself."""

from __future__ import annotations

from notes_kb_old.autolink import Linker
from notes_kb_old.document import LineRole, SourceLine
from notes_kb_old.names import NameFinder
from notes_kb_old.notes_md import body_lines


def linker(exclude: str | None = None) -> Linker:
    names = NameFinder()
    names.add("EC2", "ec2")
    names.add("Lambda", "lambda")
    return Linker(names, lambda slug: f"services/{slug}.md", exclude)


def test_first_mention_per_section_only() -> None:
    link = linker()
    assert link.line("EC2 and EC2") == '<a href="kb:services/ec2.md">EC2</a> and EC2'
    assert link.line("EC2 again") == "EC2 again"
    link.new_section()
    assert link.line("EC2 again") == '<a href="kb:services/ec2.md">EC2</a> again'


def test_never_in_code_links_or_urls_and_never_itself() -> None:
    link = linker(exclude="lambda")
    assert link.line("`EC2` [EC2 docs](https://x/EC2) https://example.org/EC2 Lambda") == (
        "`EC2` [EC2 docs](https://x/EC2) <https://example.org/EC2> Lambda"
    )


def test_html_lines_link_to_page_paths() -> None:
    assert linker().html_line("<b> EC2 & Lambda") == (
        '&lt;b&gt; <a href="kb:services/ec2.md">EC2</a> &amp; <a href="kb:services/lambda.md">Lambda</a>'
    )


def test_escaping_still_applies_around_links() -> None:
    assert linker().line("<ec2> EC2 <b>") == '&lt;ec2> <a href="kb:services/ec2.md">EC2</a> &lt;b>'


def test_headings_are_not_linked_and_start_a_section() -> None:
    lines = [
        SourceLine(1, "- EC2 first", LineRole.TEXT),
        SourceLine(2, "### EC2 heading", LineRole.TEXT),
        SourceLine(3, "- EC2 after the heading", LineRole.TEXT),
        SourceLine(4, "```", LineRole.CODE),
        SourceLine(5, "EC2 in code", LineRole.CODE),
        SourceLine(6, "```", LineRole.CODE),
    ]
    assert body_lines(lines, linker=linker()) == [
        '- <a href="kb:services/ec2.md">EC2</a> first',
        "### EC2 heading",
        '- <a href="kb:services/ec2.md">EC2</a> after the heading',
        "```",
        "EC2 in code",
        "```",
    ]
