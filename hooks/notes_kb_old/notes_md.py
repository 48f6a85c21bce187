"""Markdown for runs of the author's lines: list re-indentation, escaping, auto-links, line anchors."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .document import LineRole, SourceLine
from .markdown_text import escape_line, is_heading, normalize_list_indentation, split_marker

if TYPE_CHECKING:
    from collections.abc import Collection

    from .autolink import Linker

_TABLE_ROW = re.compile(r"^\s*\|")
_HASHES = re.compile(r"^(\s*)(#{1,6})")


def line_anchor(line: SourceLine) -> str | None:
    """The id a line gets on the full-notes page when something links to it; None where none fits."""
    if line.role is not LineRole.TEXT or not line.text.strip() or _TABLE_ROW.match(line.text):
        return None
    return f"L{line.number}"


def body_lines(
    lines: list[SourceLine],
    *,
    linker: Linker | None = None,
    anchors: Collection[int] = (),
    min_heading: int = 1,
) -> list[str]:
    """The lines as Markdown that shows exactly the author's text, at the author's nesting.

    `anchors` are line numbers to mark with their `line_anchor` id; headings are pushed down to
    at least `min_heading` so a fragment nests under the heading of the page that quotes it.
    """
    texts = normalize_list_indentation([(line.text, line.role is LineRole.CODE) for line in lines])
    out: list[str] = []
    for line, text in zip(lines, texts, strict=True):
        if text is None:
            continue
        if line.role is LineRole.CODE or not text.strip():
            out.append(text if line.role is LineRole.CODE else "")
            continue
        prefix, content = split_marker(text)
        heading = is_heading(text)
        if heading:
            prefix = _HASHES.sub(lambda m: m[1] + "#" * max(len(m[2]), min_heading), prefix)
            if linker is not None:
                linker.new_section()
        body = escape_line(content) if heading or linker is None else linker.line(content)
        anchor = line_anchor(line) if line.number in anchors else None
        out.append(prefix + (f'<span id="{anchor}"></span>' if anchor else "") + body)
    return out


def dedent(lines: list[SourceLine]) -> list[SourceLine]:
    """Lines moved left so the first one starts at column 0 (a quoted bullet becomes top-level)."""
    if not lines:
        return lines
    first = lines[0].text.expandtabs(4)
    cut = len(first) - len(first.lstrip())
    moved = []
    for line in lines:
        text = line.text.expandtabs(4)
        drop = min(cut, len(text) - len(text.lstrip()))
        moved.append(SourceLine(line.number, text[drop:], line.role))
    return moved
