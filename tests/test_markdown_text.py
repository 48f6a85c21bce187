"""Escaping notes text so it shows exactly as written (table-driven), and the loss check itself."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from lossless import check_lines
from notes_kb_old.markdown_text import escape_line, inline_text


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables"])


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("- <ol>: ordered list", "<ol>: ordered list"),
        ('<div class="row">', '<div class="row">'),
        ("git reset --soft <commit>", "git reset --soft <commit>"),
        ("- `Promise<T>` stays code", "Promise<T> stays code"),
        ("Tom & Jerry &amp; friends", "Tom & Jerry &amp; friends"),
        ("- object { a: 1 }", "object { a: 1 }"),
        ("see <https://example.org>", "see https://example.org"),
        (
            "- Channel: https://www.youtube.com/@AWSEventsChannel.",
            "Channel: https://www.youtube.com/@AWSEventsChannel.",
        ),
        ("[docs](https://example.org/a_b)", "docs"),
        ("1. starts a list", "starts a list"),
    ],
)
def test_escape_line_shows_text_as_written(line: str, shown: str) -> None:
    html = render(escape_line(line))
    assert BeautifulSoup(html, "html.parser").get_text().strip() == shown


def test_bare_urls_become_links() -> None:
    html = render(escape_line("- see https://example.org/a_b?x=1, then"))
    assert '<a href="https://example.org/a_b?x=1">https://example.org/a_b?x=1</a>, then' in html


def test_markdown_meaning_stays() -> None:
    assert render(escape_line("- **bold** and *em*")) == "<ul>\n<li><strong>bold</strong> and <em>em</em></li>\n</ul>"


@pytest.mark.parametrize(
    "title", ["Promise<T>", "Tom & Jerry", "<script>x</script>", "*not em* [not link](x)", "a_b_c", "#1"]
)
def test_inline_text_is_literal(title: str) -> None:
    assert BeautifulSoup(render(inline_text(title)), "html.parser").get_text() == title


def test_loss_check_finds_a_missing_line() -> None:
    source = "- first line\n- second line\n- third line\n"
    assert check_lines(source, "<article><li>first line</li><li>third line</li></article>").missing == [
        (2, "- second line")
    ]
    assert check_lines(source, "<article>first line second line third line</article>").missing == []


def test_loss_check_sees_tags_rendered_as_html() -> None:
    source = '<div class="row">text</div>\n'
    assert check_lines(source, '<article><div class="row">text</div></article>').missing != []
