"""Source stage: the notes format and its real-world variants, and one warning per malformation."""

from __future__ import annotations

import pytest

from notes_kb.source import decode_notes, parse
from notes_kb.source.document import (
    Code,
    GroupMarker,
    Heading,
    ListBlock,
    NotesDocument,
    Paragraph,
    Section,
    StrayText,
    walk,
)


def parse_ok(text: str, path: str = "notes/t.md") -> NotesDocument:
    document, diagnostics = parse(text, path)
    assert diagnostics == []
    return document


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def titles(document: NotesDocument) -> list[str]:
    return [section.title for section in document.sections]


def texts(section: Section) -> list[str]:
    """The plain text of each paragraph or heading directly in the section."""
    return [n.inline.plain for n in section.children if isinstance(n, Paragraph | Heading)]


def test_basic_section_with_repeated_heading() -> None:
    document = parse_ok(lines("# AWS", "", '<expand title="General Points">', "## General Points", "- a", "</expand>"))
    assert document.title == "AWS"
    assert document.title_line == 1
    [section] = document.sections
    assert (section.title, section.slug, section.start, section.end, section.closed) == (
        "General Points",
        "general-points",
        3,
        6,
        True,
    )
    assert section.repeated_title is not None
    assert section.repeated_title.start == 4
    [bullets] = section.children
    assert isinstance(bullets, ListBlock)


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
    assert titles(parse_ok(lines(tag, "- x", "</expand>"))) == [title]


def test_heading_that_differs_from_title_is_kept() -> None:
    document = parse_ok(lines('<expand title="Crypto">', "## Crypto module in Node", "- x", "</expand>"))
    assert texts(document.sections[0]) == ["Crypto module in Node"]


def test_heading_that_differs_only_by_case_is_the_authors_wording_and_kept() -> None:
    document = parse_ok(lines('<expand title="Message Queues">', "## Message queues", "- x", "</expand>"))
    [section] = document.sections
    assert section.repeated_title is None
    assert texts(section) == ["Message queues"]


def test_missing_heading_and_empty_section() -> None:
    document = parse_ok(lines('<expand title="A">', "- only a bullet", "</expand>", '<expand title="B">', "</expand>"))
    assert titles(document) == ["A", "B"]
    assert document.sections[1].children == ()


@pytest.mark.parametrize("blank_before_close", [True, False])
def test_close_tag_with_or_without_blank_line(blank_before_close: bool) -> None:
    body = ["text", ""] if blank_before_close else ["text"]
    document = parse_ok(lines('<expand title="A">', *body, "</expand>", '<expand title="B">', "</expand>"))
    assert titles(document) == ["A", "B"]
    assert texts(document.sections[0]) == ["text"]


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
    document = parse_ok(lines("# T", "", marker, "", '<expand title="A">', "</expand>"))
    [section] = document.sections
    assert section.group == marker.lstrip("# ").rstrip(":")
    [group] = [node for node in document.children if isinstance(node, GroupMarker)]
    assert group.as_heading is as_heading


def test_stray_group_line_inside_a_section_switches_the_group_for_later_sections() -> None:
    document = parse_ok(
        lines(
            "## Primary Concepts",
            '<expand title="A">',
            "- a",
            "",
            "Secondary Concepts",
            "</expand>",
            '<expand title="B">',
            "</expand>",
        )
    )
    assert [s.group for s in document.sections] == ["Primary Concepts", "Secondary Concepts"]


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
    [code, _bullets] = document.sections[0].children
    assert isinstance(code, Code)
    assert code.text == '<expand title="not a section">\n</expand>\n'
    assert (code.start, code.end, code.info) == (2, 5, "html")


def test_fences_inside_list_items_keep_their_code() -> None:
    document = parse_ok(lines('<expand title="A">', "- x:", "    ~~~~", "    </expand>", "    ~~~~", "</expand>"))
    [section] = document.sections
    assert section.end == 6
    [code] = [n for n in walk(section.children) if isinstance(n, Code)]
    assert code.text == "</expand>\n"


def test_nested_sections_also_inside_list_items() -> None:
    document = parse_ok(
        lines(
            '<expand title="Outer">',
            "## Outer",
            "### Sub",
            '<expand title="Inner">',
            "- i",
            "</expand>",
            "1. first",
            '   <expand title="In an item">',
            "   - deep",
            "   </expand>",
            "2. second",
            "</expand>",
        )
    )
    outer, inner, in_item = document.sections
    assert (inner.parent, in_item.parent) == ("outer", "outer")
    assert document.subsections(outer) == [inner, in_item]
    assert document.top_sections() == [outer]
    [numbered] = [n for n in outer.children if isinstance(n, ListBlock)]
    assert [item.number for item in numbered.items] == [1, 2]
    assert in_item in numbered.items[0].children


def test_duplicate_titles_get_unique_slugs_in_source_order() -> None:
    text = lines(*['<expand title="Notes">', "</expand>"] * 3)
    assert [s.slug for s in parse_ok(text).sections] == ["notes", "notes-2", "notes-3"]


def test_crlf_bom_and_cr_line_endings() -> None:
    document = parse_ok('\ufeff# T\r\n<expand title="A">\r\n- x\r</expand>\r\n')
    assert document.title == "T"
    assert [s.end for s in document.sections] == [4]
    assert document.line_count == 4


def test_tag_like_lines_are_text() -> None:
    art = ["+-----+", "| box |", "+-----+", '<div class="row">', "<ol>"]
    document = parse_ok(lines('<expand title="A">', *art, "</expand>"))
    assert texts(document.sections[0]) == ["\n".join(art)]


def test_numbers_as_written_and_lists_under_a_label() -> None:
    document = parse_ok(
        lines('<expand title="A">', "Classes:", "- Standard", "", "2006. S3", "2014. Lambda", "</expand>")
    )
    paragraph, bullets, numbered = document.sections[0].children
    assert isinstance(paragraph, Paragraph)
    assert isinstance(bullets, ListBlock)
    assert isinstance(numbered, ListBlock)
    assert [item.number for item in numbered.items] == [2006, 2014]


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
    shown = [n.inline.plain for n in walk(document.children) if isinstance(n, Paragraph)]
    assert "kept" in shown


def test_an_unclosed_fence_does_not_swallow_later_sections() -> None:
    document, _ = parse(lines("# T", "```", "- kept", '<expand title="A">', "- a", "</expand>"), "n.md")
    assert titles(document) == ["A"]
    assert any(isinstance(n, Paragraph) and n.inline.plain == "```" for n in document.children)


def test_a_stray_close_tag_is_shown() -> None:
    document, _ = parse(lines("- a", "</expand>"), "n.md")
    assert [n.text for n in document.children if isinstance(n, StrayText)] == ["</expand>"]


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


def test_deep_nesting_is_shown_flat_with_one_warning() -> None:
    depth = 300
    text = lines(*[f'<expand title="L{i}">' for i in range(depth)], "- deepest", *["</expand>"] * depth)
    document, diagnostics = parse(text, "n.md")
    assert [str(d) for d in diagnostics] == [
        "n.md:21: sections nested more than 20 deep: the deeper ones are shown flat"
    ]
    assert max(s.depth for s in document.sections) == 19
    assert len(document.sections) == 20
    shown = [n.text for n in walk(document.children) if isinstance(n, StrayText)]
    assert shown[:2] == ["L20", "L21"]


def test_invalid_utf8_is_one_warning_with_its_line() -> None:
    text, diagnostics = decode_notes(b"# T\n- ok\n- bad \xff byte\n", "notes/t.md")
    assert [str(d) for d in diagnostics] == [
        "notes/t.md:3: invalid UTF-8 byte(s), shown as U+FFFD (save the file as UTF-8)"
    ]
    assert "- bad \ufffd byte" in text


def test_bom_is_dropped_when_decoding() -> None:
    assert decode_notes("\ufeff# T\n".encode(), "n.md") == ("# T\n", [])
