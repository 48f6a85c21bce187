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

# Python-Markdown's backtick pattern: a run of N backticks up to the next run of exactly N.
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<(?:https?|ftp)://[^>\s]+>")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Exactly Python-Markdown's ESCAPED_CHARS: escaping any other character would show the backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def escape_line(text: str) -> str:
    """One line of notes Markdown with tag-like text made literal; code spans are left alone."""
    out: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_escape_outside_code(text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(_escape_outside_code(text[position:]))
    return "".join(out)


def _escape_outside_code(text: str) -> str:
    pieces: list[str] = []
    position = 0
    for match in _AUTOLINK.finditer(text):
        pieces.append(_escape_plain(text[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_escape_plain(text[position:]))
    return "".join(pieces)


def _escape_plain(text: str) -> str:
    return _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace("{", "\\{")


def inline_text(text: str) -> str:
    """Markdown for a title or name that must show as plain text, whatever it contains."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def html_text(text: str) -> str:
    """Text for places MkDocs and Material print without escaping (nav titles, raw HTML)."""
    return html.escape(text, quote=True)


def quoted_title(text: str) -> str:
    """The text of a `??? note "…"` title: plain text, on one line."""
    return inline_text(" ".join(text.split()))
