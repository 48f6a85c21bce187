"""Property tests of the source stage: any text parses without raising, every line is accounted
for, bare URLs link exactly as the reference parser links them, and what the site shows of a
section has the reference's structure (the differential check of `tests/fidelity`, on generated
notes instead of real ones).

Examples are drawn from the fragments real notes are made of, so that they reach the interesting
states (open and unclosed sections and fences, lists under labels, tables, tag-like text, bare
URLs) far more often than random text would. `derandomize`: CI runs the same examples every time
(a failure is the build's, never the draw's); `KB_HYPOTHESIS_EXAMPLES=N` draws N fresh examples instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fidelity.allowlist import reference_html
from fidelity.signature import signature
from fidelity.test_fidelity import full_notes_block, section_source
from notes_kb.glue.compose import body
from notes_kb.render.paths import notes_page, section_page
from notes_kb.source import decode_notes, parse, split_lines
from notes_kb.source.document import walk
from notes_kb.source.syntax import markdown_parser, reference_parser
from pipeline import build_notes, converted_site

EXAMPLES = int(os.environ.get("KB_HYPOTHESIS_EXAMPLES", "0"))


def examples(default: int) -> int:
    return EXAMPLES or default


STRUCTURE = [
    '<expand title="General Points">',
    '<expand title=""D" flag">',
    "<expand>",
    '<expand title="Broken>',
    "</expand>",
    "```",
    "```json",
    "~~~",
    "    indented code",
    "## General Points",
    "# Title",
    "### EC2 Instance Types",
    "Primary Concepts",
    "- **EC2 (Elastic Compute Cloud)**: Virtual servers",
    "  - nested bullet",
    "    - deeper bullet",
    "* star bullet",
    "1. numbered",
    "2006. S3 launched",
    "2) paren numbered",
    "> quoted line",
    "---",
    '<div class="row">',
    "git reset --soft <commit>",
    "| a | b |",
    "|---|---|",
    "| 1 | 2 |",
    "**Label**:",
    "Text with *emphasis*, `code` and ~~strike~~",
    "see https://example.com/a_b?x=1 or HTTP://EXAMPLE.ORG",
    "mail mailto:someone@example.com, //cdn.example.com/x or user@example.com",
    "- [ ] a task",
    "+ plus bullet",
    "  1. nested numbered",
    "    ```",
    "  > quote in an item",
    "  | x | y |",
    "Setext heading",
    "===",
    "***",
    "Line with a hard break  ",
    "Line with a backslash break\\",
    '[a link](https://example.com "title") and ![an image](img.png)',
    "<https://example.com/auto> and <mailto:a@b.c>",
    "&amp; &copy; &#35; &nbsp;x",
    "\\*not emphasis\\* and snake_case_name and 2*3*4",
    "***bold italic*** __strong__ _em_",
    "`` code with ` backtick ``",
    "\tindented with a tab",
    "    ",
    "#hashtag not a heading",
    "## Heading with trailing hashes ##",
    "1) one",
    "10. ten",
    "<!-- a comment -->",
    "$x$ | pipes | in text",
    "",
    "",
    "   ",
]
words = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    ),
    max_size=40,
)
any_line = st.one_of(st.sampled_from(STRUCTURE), words)


@settings(max_examples=examples(300), derandomize=not EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_line, max_size=40), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_parser_accounts_for_every_line(rows: list[str], newline: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + newline.join(rows)
    document, diagnostics = parse(text, "notes/p.md")
    lines = split_lines(text)
    assert document.line_count == len(lines)
    assert all(1 <= d.line <= max(1, len(lines)) for d in diagnostics)
    for node in walk(document.children):
        assert 1 <= node.start <= node.end <= max(1, len(lines))
    # Sections in source order, each inside the file.
    starts = [section.start for section in document.sections]
    assert starts == sorted(starts)


@settings(max_examples=examples(200), derandomize=not EXAMPLES)
@given(st.binary(max_size=300))
def test_decoding_never_raises(data: bytes) -> None:
    text, diagnostics = decode_notes(data, "notes/p.md")
    parse(text, "notes/p.md")
    assert len(diagnostics) <= 1


url_text = st.lists(
    st.one_of(
        st.sampled_from(["http", "HTTPS", "ftp", "mailto", ":", "//", "/", "@", ".", "www", "example.com", " ", "x"]),
        words,
    ),
    max_size=12,
).map("".join)


@settings(max_examples=examples(400), derandomize=not EXAMPLES)
@given(url_text)
def test_bare_urls_link_as_the_reference_links_them(text: str) -> None:
    """The notes' parser asks linkify-it only about texts that name a link schema; it must find
    the same links as the reference parser, which asks about every text."""
    ours = markdown_parser().parseInline(text)
    reference = reference_parser().parseInline(text)
    links = [[(t.type, t.attrGet("href")) for t in token.children or ()] for token in ours]
    expected = [[(t.type, t.attrGet("href")) for t in token.children or ()] for token in reference]
    assert links == expected


# Section bodies: what `tests/fidelity` checks on real notes, here on generated ones. No `<expand>`
# lines inside (nested sections are drawn apart by both sides) and no unclosed fences or link
# definitions (allowed departures, checked by the fixtures).
BODY = [line for line in STRUCTURE if "expand" not in line and line not in ("```", "```json", "~~~")]
# Lines at every depth: an indent, a container marker, then text or a block's own first line.
nested_line = st.builds(
    lambda indent, marker, text: f"{' ' * indent}{marker}{text}",
    st.sampled_from([0, 1, 2, 3, 4, 5, 6, 8]),
    st.sampled_from(["", "- ", "* ", "1. ", "3) ", "> ", "> - ", "- > ", "- 1. "]),
    st.sampled_from(["item", "**Label**:", "`code`", "| a | b |", "|---|---|", "## heading", "***", "", "text *em*"]),
)
body_line = st.one_of(
    st.sampled_from(BODY),
    nested_line,
    words.filter(lambda s: "expand" not in s.lower() and "]:" not in s),
)


def _fenced(lines: list[str]) -> list[str]:
    # A fence in the middle of the body, always closed: the body's structure around code.
    middle = len(lines) // 2
    return [*lines[:middle], "```", *lines[middle : middle + 2], "```", *lines[middle + 2 :]]


@settings(
    max_examples=examples(60),
    derandomize=not EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(body_line, min_size=1, max_size=14), st.booleans())
def test_sections_have_the_reference_structure(tmp_path: Path, rows: list[str], fence: bool) -> None:
    lines = _fenced(rows) if fence else rows
    text = "\n".join(["# Topic", "", '<expand title="Generated">', *lines, "</expand>", ""])
    (tmp_path / "p.md").write_text(text, encoding="utf-8")
    result = build_notes(tmp_path)
    pages = converted_site(result)
    topic = result.kb.topics[0]
    source = text.split("\n")
    notes = pages[notes_page(topic.slug)]
    for section in topic.document.sections:
        reference = signature(reference_html(section_source(source, section)))
        assert signature(body(pages[section_page(topic.slug, section.slug)])) == reference, text
        assert signature(full_notes_block(notes, section.slug)) == reference, text
