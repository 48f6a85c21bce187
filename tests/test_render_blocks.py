"""The bridge to Python-Markdown: what the author wrote is what the page shows (small cases)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import require_corpus
from notes_kb.extract.names import NameFinder
from notes_kb.glue.links import resolve_links
from notes_kb.render.autolink import Linker
from notes_kb.render.blocks import BlockWriter
from notes_kb.render.code import Highlighter
from notes_kb.render.inline import code_span, escape_line_start, escape_text
from notes_kb.render.pages.common import Page, cell, text
from notes_kb.render.pages.notes import anchorable_lines
from notes_kb.render.paths import glossary_anchor, glossary_page, notes_page, relative_link, service_page
from notes_kb.source import parse
from pipeline import PROJECT, build_notes, convert, converted_site


def page_html(notes: str, linker: Linker | None = None) -> BeautifulSoup:
    document, diagnostics = parse(notes, "n.md")
    assert diagnostics == []
    writer = BlockWriter(
        Highlighter(),
        link_text=linker.markdown if linker else None,
        new_section=linker.new_section if linker else lambda: None,
    )
    lines = writer.write(document.children)
    return BeautifulSoup(convert(Page("\n".join(lines), writer.parts)), "html.parser")


@pytest.mark.parametrize(
    "line",
    [
        "<ol> is an ordered list",
        '<div class="row">',
        "git reset --soft <commit>",
        "Promise<T> & Map<K, V>",
        "a { color: red; }",
        "{: .not-attributes }",
        "!!! note not an admonition",
        "snake_case and 2*3*4 and [x] and `` ` ``",
        "\\# not a heading",
        "2006. not a list",
        "&copy; shows as ©",
        "tab\there",
    ],
)
def test_text_shows_as_written(line: str) -> None:
    shown = page_html(f"Intro:\n{line}\n").get_text()
    document, _ = parse(f"Intro:\n{line}\n", "n.md")
    [paragraph] = document.children
    assert " ".join(shown.split()) == " ".join(paragraph.inline.plain.split())  # type: ignore[union-attr]


def test_heading_keeps_its_hashes() -> None:
    soup = page_html("## C#\n### Generics in C#\n#### Closed ####\n")
    assert [h.get_text().rstrip("¶") for h in soup.select("h2, h3, h4")] == ["C#", "Generics in C#", "Closed"]


def test_list_right_under_a_label_is_a_list() -> None:
    soup = page_html("Classes:\n- Standard\n- Glacier\n")
    assert soup.select_one("p").get_text() == "Classes:"
    assert [li.get_text() for li in soup.select("ul > li")] == ["Standard", "Glacier"]


def test_numbers_as_written_and_a_bullet_after_numbers_is_a_new_list() -> None:
    soup = page_html("2006. S3\n2014. Lambda\n\nQuestions:\n\n5. Fifth\n6. Sixth\n- plain\n")
    first, second = soup.select("ol")
    assert first["start"] == "2006"
    assert [li.get("value") for li in first.select("li")] == [None, "2014"]
    assert second["start"] == "5"
    assert soup.select_one("ul > li").get_text() == "plain"


def test_a_section_below_a_nested_list_stays_in_the_outer_item() -> None:
    # Signatures leave nested sections out (tests/fidelity): where the block lands is checked here.
    notes = '- outer\n  - nested\n  <expand title="Inner">\n  inner text\n  </expand>\n- next\n'
    document, diagnostics = parse(notes, "n.md")
    assert diagnostics == []
    writer = BlockWriter(Highlighter(), section_marker=lambda section: f"<!-- kb-section:{section.slug} -->")
    html = convert(Page("\n".join(writer.write(document.children)), writer.parts))
    soup = BeautifulSoup(html, "html.parser")
    outer = soup.select("ul")[0].find_all("li", recursive=False)[0]
    nested = outer.find("ul").find("li")
    assert "kb-section:inner" in str(outer)
    assert "kb-section:inner" not in str(nested)


def test_a_list_given_as_html_keeps_the_sections_in_its_items(tmp_path: Path) -> None:
    # A table in one item sends the whole tight list to HTML (`html.py`); the section in the
    # other item must still show, on the section's parent and on the full notes.
    notes = (
        '# Topic\n\n<expand title="Outer">\n- item with a table below\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n'
        '- item with a section\n  <expand title="Inner">\n  inner text\n  </expand>\n</expand>\n'
    )
    (tmp_path / "t.md").write_text(notes, encoding="utf-8")
    pages = converted_site(build_notes(tmp_path))
    outer = BeautifulSoup(pages["t/sections/outer.md"], "html.parser")
    item = outer.select("ul > li")[1]
    assert item.find("details") is not None
    assert "inner text" in item.get_text()
    assert "inner text" in BeautifulSoup(pages["t/notes.md"], "html.parser").get_text()


def test_code_is_shown_byte_for_byte() -> None:
    soup = page_html("    if (a < b) { x(); }\n\t\ttab\n\n```\n\tindented\n\n\n```\n")
    codes = [code.get_text() for code in soup.select("pre code")]
    assert codes == ["if (a < b) { x(); }\n\ttab\n", "\tindented\n\n\n"]


def test_names_link_once_per_section_never_in_code_links_or_headings() -> None:
    names = NameFinder()
    names.add("EC2", "ec2")
    soup = page_html("EC2 and EC2 and `EC2`\n\n### EC2 heading\n\nEC2 [EC2](https://x/) again\n", Linker(names, "aws"))
    links = [a["href"] for a in soup.select("a:not(.headerlink)")]
    assert links == ["kb:aws/services/ec2.md", "kb:aws/services/ec2.md", "https://x/"]
    assert soup.select_one("h3").get_text().rstrip("¶") == "EC2 heading"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a*b_c", "a\\*b\\_c"),
        ("<x> & y", "&lt;x> & y"),
        ("&copy;", "&amp;copy;"),
        ("{.c}", "\\{.c\\}"),
        ("a|b", "a\\|b"),
    ],
)
def test_escape_text(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


@pytest.mark.parametrize(
    ("line", "escaped"),
    [("# x", "\\# x"), ("12. x", "12\\. x"), ("=== x", "&#61;== x"), ("??? x", "&#63;?? x"), ("plain", "plain")],
)
def test_escape_line_start(line: str, escaped: str) -> None:
    assert escape_line_start(line) == escaped


def test_code_span_fence_is_longer_than_any_backtick_run() -> None:
    assert code_span("a``b") == "```a``b```"
    assert code_span("`x") == "`` `x ``"


def shown(html: str) -> list[str]:
    """What a reader is shown: every element with its attributes and every text, whitespace
    collapsed (how Python-Markdown and markdown-it lay out the same HTML differs only there)."""
    out = []
    for node in BeautifulSoup(html, "html.parser").descendants:
        if isinstance(node, Tag):
            out.append(f"<{node.name} {sorted(node.attrs.items())}>")
        elif text := " ".join(str(node).split()):
            out.append(text)
    return out


@pytest.mark.parametrize("folder", ["aws", "corpus"])
def test_notes_given_as_html_show_what_python_markdown_shows(folder: str) -> None:
    """Section, full-notes and service pages give the notes' blocks as HTML (`BlockWriter.html_text`);
    every section of the real notes written that way shows what the Markdown path shows once
    converted: the same blocks, text, links to services, glossary tooltips and line ids."""
    result = build_notes(PROJECT / "notes" if folder == "aws" else require_corpus())
    glossary = result.site.abbreviations
    checked, shown_together = 0, []
    for topic in result.kb.topics:
        anchors = anchorable_lines(topic.document)
        for section in topic.document.sections:
            pages = []
            for as_html in (False, True):
                linker = Linker(topic.names, topic.slug)
                writer = BlockWriter(
                    Highlighter(),
                    link_text=linker.markdown,
                    new_section=linker.new_section,
                    anchors=anchors,
                    html_text=linker.text_html(glossary) if as_html else None,
                )
                lines = writer.write(section.children)
                pages.append(shown(convert(Page("\n".join(lines), writer.parts), glossary)))
            markdown_path, html_path = pages
            assert html_path == markdown_path, f"{topic.source}:{section.line} {section.title}"
            checked += 1
            shown_together += html_path
    # Every section, with what sets the two paths apart most: tooltips, links, lists and code (the
    # other notes name no services).
    assert checked >= (10 if folder == "aws" else 200)
    tags = ("<abbr", "<a [('href', 'kb:", "<span [('id', 'L", "<li", "<pre")
    for tag in tags if folder == "aws" else (*tags[2:], "<table"):
        assert any(line.startswith(tag) for line in shown_together), tag


def test_a_service_pages_intro_shows_what_python_markdown_made_of_its_names_and_summary() -> None:
    """The other names and the summary under a service's title go as HTML (`intro`): the same
    paragraphs, classes, text and glossary tooltips as the Markdown they replace, converted."""
    result = build_notes(PROJECT / "notes")
    glossary = result.site.abbreviations
    checked = []
    for topic in result.kb.topics:
        for service in topic.services:
            intro = result.site.pages[service_page(topic.slug, service.slug)].parts.get("intro", "")
            chips = BeautifulSoup(intro, "html.parser").find("p", class_="kb-chips")
            markdown = []
            if service.aliases:
                markdown += ["**Also called:** " + ", ".join(text(a) for a in service.aliases), "{: .kb-aliases }", ""]
            if service.summary:
                markdown += [text(service.summary), "{: .kb-summary }", ""]
            expected = shown(str(chips or "")) + shown(convert(Page("\n".join(markdown)), glossary))
            assert shown(intro) == expected, service.name
            checked += shown(intro)
    assert any(line.startswith("<p [('class', ['kb-aliases'])") for line in checked)
    assert any(line.startswith("<abbr") for line in checked)
    assert sum(line.startswith("<p [('class', ['kb-summary'])") for line in checked) >= 40


def test_a_source_marker_follows_the_blocks_inside_their_last_html_part() -> None:
    document, _ = parse("# T\n\n- one\n- two\n\n### Heading\n\ntext\n", "t.md")
    writer = BlockWriter(Highlighter(), html_text=lambda text, in_link: text)
    lines = writer.write(document.children, then="<!-- kb-part:source-1 -->")
    assert lines[-1] == "<!-- kb-part:html-2 -->"
    assert writer.parts["html-2"] == "<p>text</p>\n\n<!-- kb-part:source-1 -->"
    # After a heading (Markdown) the marker is a block of its own.
    document, _ = parse("# T\n\n- one\n\n### Heading\n", "t.md")
    writer = BlockWriter(Highlighter(), html_text=lambda text, in_link: text)
    lines = writer.write(document.children, then="<!-- kb-part:source-1 -->")
    assert lines[-2:] == ["", "<!-- kb-part:source-1 -->"]
    assert "source-1" not in "".join(writer.parts.values())


@pytest.mark.parametrize("folder", ["aws", "corpus"])
def test_the_glossary_table_shows_what_python_markdown_made_of_it(folder: str) -> None:
    """The glossary's table goes as HTML (`terms`): the same table, ids, links, text and tooltips
    as the Markdown table it replaces, converted with the site's Python-Markdown."""
    result = build_notes(PROJECT / "notes" if folder == "aws" else require_corpus())
    glossary = result.site.abbreviations
    rows = 0
    for topic in result.kb.topics:
        if not topic.glossary:
            continue
        here = glossary_page(topic.slug)
        anchors = anchorable_lines(topic.document)
        markdown = ["| Term | Stands for | First expanded |", "| --- | --- | --- |"]
        ids: set[str] = set()
        for term in topic.glossary:
            anchor = glossary_anchor(term.term)
            span = f'<span id="{anchor}"></span>' if anchor not in ids else ""
            ids.add(anchor)
            target = relative_link(here, notes_page(topic.slug), f"L{term.line}" if term.line in anchors else "")
            source = f"[{cell(f'{topic.source}:{term.line}')}]({target})"
            markdown.append(f"| {span}**{cell(term.term)}** | {cell(term.expansion)} | {source} |")
        table = resolve_links(result.site.pages[here].parts["terms"], partial(relative_link, here))
        assert shown(table) == shown(convert(Page("\n".join(markdown)), glossary)), topic.source
        rows += len(topic.glossary)
    assert rows >= (20 if folder == "aws" else 15)
