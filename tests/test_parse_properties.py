"""Property tests: the parser never raises and never drops a line, and rendering keeps all text."""

from __future__ import annotations

import re

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lossless import check_lines
from notes_kb_old.extract import extract
from notes_kb_old.parse import decode_notes, parse, split_lines
from notes_kb_old.render import render_full_notes
from notes_kb_old.render_kb import service_finder

# Fragments real notes are made of, so examples reach the interesting states (open and unclosed
# blocks, fences, headings, group markers, tag-like text) far more often than random text would.
FRAGMENTS = [
    '<expand title="General Points">',
    '<expand title=""D" flag">',
    "<expand>",
    '<expand title="">',
    '<expand title="Broken>',
    "</expand>",
    "```",
    "```json",
    "~~~",
    "## General Points",
    "# Title",
    "### EC2 Instance Types",
    "Primary Concepts",
    "## Secondary Concepts",
    "- **EC2 (Elastic Compute Cloud)**: Virtual servers",
    "  - nested bullet",
    "1. numbered",
    '<div class="row">',
    "git reset --soft <commit>",
    "| a | b |",
    "|---|---|",
    "+-----+",
    "",
    "   ",
]

words = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    ),
    max_size=40,
)
any_line = st.one_of(st.sampled_from(FRAGMENTS), words)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_line, max_size=40), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_parser_accounts_for_every_line(rows: list[str], newline: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + newline.join(rows)
    document, diagnostics = parse(text, "notes/p.md")
    held = list(document.source_lines())
    assert [line.number for line in held] == list(range(1, len(held) + 1))
    assert [line.text for line in held] == split_lines(text)
    assert all(d.line >= 1 for d in diagnostics)


@given(st.binary(max_size=300))
def test_decoding_never_raises(data: bytes) -> None:
    text, diagnostics = decode_notes(data, "notes/p.md")
    parse(text, "notes/p.md")
    assert len(diagnostics) <= 1


# Markdown's own link definitions (`[id]: url`) are meant to vanish from the page.
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]*\]:")
text_words = st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs", "Sm")), max_size=30).filter(
    lambda s: not _DEFINITION.match(s)
)
prose_line = st.one_of(st.sampled_from(FRAGMENTS), text_words, text_words.map(lambda s: f"- {s}"))

_MD = {
    "extensions": [
        "admonition",
        "attr_list",
        "tables",
        "toc",
        "pymdownx.details",
        "pymdownx.highlight",
        "pymdownx.superfences",
    ]
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(prose_line, max_size=25))
def test_rendered_full_notes_keep_every_line(rows: list[str]) -> None:
    text = "\n".join(rows)
    document, _ = parse(text, "notes/p.md")
    topic = extract([document]).topics[0]
    page = render_full_notes(topic, service_finder(topic))
    html = f"<article>{markdown.markdown(page, **_MD)}</article>"
    report = check_lines(text, html)
    assert report.missing == [], page
