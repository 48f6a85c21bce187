"""Parse stage: the notes format and its real-world variants, and one warning per malformation."""

from __future__ import annotations

import pytest

from notes_kb_old.document import GroupMarker, LineRole, NotesDocument, Section, TextBlock
from notes_kb_old.parse import decode_notes, parse


def parse_ok(text: str, path: str = "notes/t.md") -> NotesDocument:
    document, diagnostics = parse(text, path)
    assert diagnostics == []
    return document


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def titles(document: NotesDocument) -> list[str]:
    return [section.title for section in document.sections()]


def body_texts(section: Section) -> list[str]:
    return [line.text for node in section.body if isinstance(node, TextBlock) for line in node.lines]


def test_basic_section_with_repeated_heading() -> None:
    document = parse_ok(lines("# AWS", "", '<expand title="General Points">', "## General Points", "- a", "</expand>"))
    assert document.title == "AWS"
    [section] = document.sections()
    assert section.title == "General Points"
    assert section.slug == "general-points"
    assert section.line == 3
    assert section.close_line is not None
    assert section.close_line.number == 6
    roles = {line.text: line.role for line in document.source_lines()}
    assert roles["## General Points"] is LineRole.REPEATED_TITLE
    assert roles["- a"] is LineRole.TEXT


@pytest.mark.parametrize(
    ("tag", "title"),
    [
        ('<expand title=""D" flag">', '"D" flag'),
        ('<expand title="Pushing the Files"">', 'Pushing the Files"'),
        (
            '<expand title="Scenarios where we need to use "-f" with git push">',
            'Scenarios where we need to use "-f" with git push',
        ),
        ("<expand title='Single quoted'>", "Single quoted"),
        ('<expand  title = "Spaced" >', "Spaced"),
        ('<expand title="Promise<T>">', "Promise<T>"),
    ],
)
def test_titles_with_quotes_and_brackets(tag: str, title: str) -> None:
    document = parse_ok(lines(tag, "- x", "</expand>"))
    assert titles(document) == [title]


def test_heading_that_differs_from_title_is_kept() -> None:
    document = parse_ok(lines('<expand title="Crypto">', "## Crypto module in Node", "- x", "</expand>"))
    [section] = document.sections()
    assert body_texts(section)[0] == "## Crypto module in Node"
    assert all(line.role is not LineRole.REPEATED_TITLE for line in document.source_lines())


def test_missing_heading_and_empty_section() -> None:
    document = parse_ok(lines('<expand title="A">', "- only a bullet", "</expand>", '<expand title="B">', "</expand>"))
    assert titles(document) == ["A", "B"]
    assert document.sections()[1].body == []


@pytest.mark.parametrize("blank_before_close", [True, False])
def test_close_tag_with_or_without_blank_line(blank_before_close: bool) -> None:
    body = ["- x", ""] if blank_before_close else ["- x"]
    document = parse_ok(lines('<expand title="A">', *body, "</expand>", '<expand title="B">', "</expand>"))
    assert titles(document) == ["A", "B"]


@pytest.mark.parametrize(
    ("marker", "as_heading"),
    [
        ("## Primary Concepts", True),
        ("# Primary Concepts", True),
        ("Primary Concepts", False),
        ("Secondary Concepts:", False),
    ],
)
def test_group_markers_as_headings_or_stray_lines(marker: str, as_heading: bool) -> None:
    document = parse_ok(lines("# T", marker, '<expand title="A">', "</expand>"))
    [section] = document.sections()
    assert section.group == marker.lstrip("# ").rstrip(":")
    [group] = [node for node in document.nodes if isinstance(node, GroupMarker)]
    assert group.as_heading is as_heading


def test_stray_group_line_inside_a_section_switches_the_group_for_later_sections() -> None:
    document = parse_ok(
        lines(
            "## Primary Concepts",
            '<expand title="A">',
            "- a",
            "Secondary Concepts",
            "</expand>",
            '<expand title="B">',
            "</expand>",
        )
    )
    assert [s.group for s in document.sections()] == ["Primary Concepts", "Secondary Concepts"]
    assert "Secondary Concepts" in [line.text for line in document.source_lines()]


def test_topic_heading_falls_back_to_file_name() -> None:
    document = parse_ok(
        lines("# Primary Concepts", '<expand title="A">', "</expand>"), path="notes/5g-edge-computing.md"
    )
    assert document.title == "5g Edge Computing"
    assert document.title_line is None


def test_code_fence_content_is_never_parsed() -> None:
    document = parse_ok(
        lines(
            '<expand title="A">',
            "```html",
            '<expand title="not a section">',
            "</expand>",
            "```",
            "- after",
            "</expand>",
        )
    )
    assert titles(document) == ["A"]
    code = [line for line in document.source_lines() if line.role is LineRole.CODE]
    assert [line.number for line in code] == [2, 3, 4, 5]


def test_indented_and_tilde_fences() -> None:
    document = parse_ok(lines('<expand title="A">', "- x:", "    ~~~~", "    </expand>", "    ~~~~", "</expand>"))
    [section] = document.sections()
    assert section.close_line is not None
    assert section.close_line.number == 6


def test_nested_sections_and_headings_inside() -> None:
    document = parse_ok(
        lines(
            '<expand title="Outer">',
            "## Outer",
            "### Sub",
            '<expand title="Inner">',
            "- i",
            "</expand>",
            "- o",
            "</expand>",
        )
    )
    outer, inner = document.sections()
    assert inner.parent is outer
    assert outer.subsections() == [inner]
    assert document.top_sections() == [outer]


def test_duplicate_titles_get_unique_slugs_in_source_order() -> None:
    text = lines(*['<expand title="Notes">', "</expand>"] * 3)
    assert [s.slug for s in parse_ok(text).sections()] == ["notes", "notes-2", "notes-3"]


def test_crlf_bom_and_cr_line_endings() -> None:
    text = '\ufeff# T\r\n<expand title="A">\r\n- x\r</expand>\r\n'
    document = parse_ok(text)
    assert document.title == "T"
    assert [line.text for line in document.source_lines()] == ["# T", '<expand title="A">', "- x", "</expand>"]


def test_ascii_art_and_raw_html_lines_are_text() -> None:
    art = ["+-----+", "| box |", "+-----+", '<div class="row">', "<ol>"]
    document = parse_ok(lines('<expand title="A">', *art, "</expand>"))
    assert body_texts(document.sections()[0]) == art


# Malformed input: exactly one diagnostic each, worded like a compiler, with the content kept.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (lines("# T", '<expand title="X">', "- kept"), 'notes/t.md:2: <expand title="X"> is never closed'),
        (lines("# T", "- a", "</expand>", "- kept"), "notes/t.md:3: </expand> without a matching <expand>"),
        (lines("<expand>", "## Heading", "- kept", "</expand>"), "notes/t.md:1: <expand> has no title attribute"),
        (lines('<expand title="">', "- kept", "</expand>"), 'notes/t.md:1: <expand title=""> has an empty title'),
        (
            lines('<expand title="Broken>', "- kept", "</expand>"),
            'notes/t.md:1: <expand title="Broken> has a malformed title attribute (expected title="…">)',
        ),
        (
            lines("<expand titel=Broken>", "- kept", "</expand>"),
            'notes/t.md:1: <expand titel=Broken> has a malformed title attribute (expected title="…">)',
        ),
        (
            lines("# T", "```", "- kept", '<expand title="A">', "</expand>"),
            "notes/t.md:2: code fence ``` is never closed",
        ),
    ],
)
def test_malformed_input_gives_one_located_warning(text: str, expected: str) -> None:
    document, diagnostics = parse(text, "notes/t.md")
    assert [str(d) for d in diagnostics] == [expected]
    assert "- kept" in [line.text for line in document.source_lines()]


def test_unclosed_section_ends_where_the_next_one_begins() -> None:
    document, diagnostics = parse(
        lines('<expand title="A">', "- a", '<expand title="B">', "- b", "</expand>", '<expand title="C">', "</expand>"),
        "notes/t.md",
    )
    assert [str(d) for d in diagnostics] == ['notes/t.md:1: <expand title="A"> is never closed']
    assert [s.title for s in document.top_sections()] == ["A", "B", "C"]


def test_missing_title_falls_back_to_heading_then_line() -> None:
    document, _ = parse(lines("<expand>", "## From Heading", "</expand>", "<expand>", "- x", "</expand>"), "n.md")
    assert titles(document) == ["From Heading", "Untitled section (line 4)"]


def test_invalid_utf8_is_one_warning_with_its_line() -> None:
    text, diagnostics = decode_notes(b"# T\n- ok\n- bad \xff byte\n", "notes/t.md")
    assert [str(d) for d in diagnostics] == [
        "notes/t.md:3: invalid UTF-8 byte(s), shown as U+FFFD (save the file as UTF-8)"
    ]
    assert "- bad \ufffd byte" in text


def test_bom_is_dropped_when_decoding() -> None:
    text, diagnostics = decode_notes("\ufeff# T\n".encode(), "n.md")
    assert (text, diagnostics) == ("# T\n", [])
