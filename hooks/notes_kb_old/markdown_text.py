"""Turning the author's text into Markdown that shows exactly that text.

The notes format has no raw HTML: `<ol>` in a bullet, `<div class="row">` at column 0 or
`git reset --soft <commit>` are text about HTML and git. Python-Markdown would pass them through as
live HTML (swallowing words, or breaking the page), so `<` and entity-like `&` are escaped outside
code spans; Markdown's own syntax (emphasis, lists, tables, fences) keeps its meaning. `{` is
escaped too: the site enables attr_list for its own pages, and a notes line ending in `{ … }` (CSS,
JavaScript) would otherwise be eaten as an attribute list.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# Python-Markdown's backtick pattern: a run of N backticks up to the next run of exactly N.
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<(?:https?|ftp)://[^>\s]+>")
# A bare URL becomes an autolink here, so no page pays for pymdownx.magiclink's inline patterns;
# one that is already a Markdown link's target (`](https://…`) is left alone.
_BARE_URL = re.compile(r"(?<!\]\()(?<![<\w/])(?:https?|ftp)://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Characters that start Markdown markup anywhere in a line (all among Python-Markdown's
# ESCAPED_CHARS: escaping any other character would show the backslash). Escaping fewer keeps
# pages cheap to convert: every escape is an inline-pattern match.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#])")
# At the start of a line these begin a list, a heading or a quote.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+>])")


def escape_line(text: str) -> str:
    """One line of notes Markdown with tag-like text made literal; code spans are left alone."""
    return _between(_CODE_SPAN, text, _escape_outside_code)


def _escape_outside_code(text: str) -> str:
    return _between(_AUTOLINK, text, _escape_urls)


def _escape_urls(text: str) -> str:
    return _between(_BARE_URL, text, _escape_plain, lambda url: f"<{url}>")


def _between(
    pattern: re.Pattern[str], text: str, outside: Callable[[str], str], inside: Callable[[str], str] = str
) -> str:
    """`text` with `outside` applied between the matches of `pattern` and `inside` to each match."""
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        pieces += [outside(text[position : match.start()]), inside(match.group(0))]
        position = match.end()
    pieces.append(outside(text[position:]))
    return "".join(pieces)


def _escape_plain(text: str) -> str:
    return _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace("{", "\\{")


def inline_text(text: str) -> str:
    """Markdown for a title or name that must show as plain text, whatever it contains."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def html_text(text: str) -> str:
    """Text for places MkDocs and Material print without escaping (nav titles, raw HTML)."""
    return html.escape(text, quote=True)


def quoted_title(text: str) -> str:
    """The text of a `??? note "…"` title: plain text, on one line."""
    return inline_text(" ".join(text.split()))


_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>(?:[-*+]|\d+[.)])[ \t]+)")
_HEADING_LINE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]")


def indentation(text: str) -> int:
    """Leading columns, a tab counting four."""
    expanded = text.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def normalize_list_indentation(lines: list[tuple[str, bool]]) -> list[str | None]:
    """Re-indent nested lists to four columns a level; `lines` are (text, is_code) pairs.

    The notes nest lists by two spaces, as most editors do; Python-Markdown needs four and would
    flatten every nested list. Each list item's depth is taken from the items still open above it
    and it is re-indented to four columns a level; a fenced block moves with the item it sits in.
    Lines outside any list keep their indentation, so an indented code block stays one.

    A blank line between two items of a nested list becomes None (left out): Python-Markdown moves
    the parent item's text below such a loose nested list, out of the author's order.
    """
    out: list[str | None] = []
    open_items: list[int] = []
    shift: int | None = None  # for the lines of a fenced block: how far its opening line moved
    for index, (text, is_code) in enumerate(lines):
        if is_code and shift is not None:
            out.append(_shifted(text, shift))
            continue
        if not is_code:
            shift = None
        if not text.strip():
            out.append(None if open_items and _nested_item_follows(lines, index, open_items[0]) else text)
            continue
        indent = indentation(text)
        while open_items and indent <= open_items[-1]:
            open_items.pop()
        if _HEADING_LINE.match(text):
            open_items.clear()
            out.append(text)
            continue
        target = 4 * len(open_items) if open_items else indent
        if is_code:
            shift = target - indent
        elif _LIST_ITEM.match(text):
            open_items.append(indent)
        out.append(_shifted(text, target - indent))
    return out


def _nested_item_follows(lines: list[tuple[str, bool]], index: int, outer: int) -> bool:
    following = next((pair for pair in lines[index + 1 :] if pair[0].strip()), None)
    if following is None or following[1]:
        return False
    return bool(_LIST_ITEM.match(following[0])) and indentation(following[0]) > outer


def _shifted(text: str, by: int) -> str:
    if by >= 0:
        return " " * by + text.expandtabs(4) if by else text
    expanded = text.expandtabs(4)
    return expanded[min(-by, indentation(expanded)) :]


def split_marker(text: str) -> tuple[str, str]:
    """`  - **EC2**: x` → (`  - `, `**EC2**: x`); a heading keeps its hashes in the prefix."""
    item = _LIST_ITEM.match(text)
    if item:
        return item.group(0), text[item.end() :]
    heading = re.match(r"^[ \t]{0,3}#{1,6}[ \t]+", text)
    if heading:
        return heading.group(0), text[heading.end() :]
    stripped = text.lstrip()
    return text[: len(text) - len(stripped)], stripped


def is_heading(text: str) -> bool:
    """Whether a Markdown line is an ATX heading."""
    return bool(_HEADING_LINE.match(text))
