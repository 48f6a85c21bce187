"""markdown-it's flat token stream → the document's block tree (`document.py`).

Leaf blocks come out frozen; containers (lists, items, quotes) come out as `RawContainer`s holding
raw `<expand>` tags among their children, for `tree.py` to pair into sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from .document import Code, GroupMarker, Heading, Paragraph, Rule, Table
from .inline import Inline

if TYPE_CHECKING:
    from markdown_it.token import Token

    from .document import Block

_GROUP = re.compile(r"(?P<name>(?:primary|secondary) concepts)[ \t]*:?", re.IGNORECASE)
_ALIGN = re.compile(r"text-align:(?P<align>left|center|right)")


@dataclass(frozen=True)
class RawTag:
    """An `<expand …>` or `</expand>` line, not yet paired."""

    line: int
    """1-based line."""
    opening: bool
    """`<expand …>` (True) or `</expand>` (False)."""
    text: str
    """The line as written (indentation removed)."""
    rest: str
    """What follows `<expand` on an opening line."""


@dataclass
class RawContainer:
    """A list, list item or quote whose children may still hold raw tags."""

    kind: str
    """`bullet_list`, `ordered_list`, `list_item` or `blockquote`."""
    start: int
    """First source line."""
    end: int
    """Last source line."""
    children: list[Block | RawContainer | RawTag] = field(default_factory=list)
    """Blocks, containers and tags in order."""
    number: int | None = None
    """An ordered item's number as written."""
    tight: bool = True
    """For lists: CommonMark's tightness."""


RawNode = Union["Block", RawContainer, RawTag]
"""A top-level node as `read_blocks` gives it."""


def read_blocks(tokens: list[Token]) -> list[Block | RawContainer | RawTag]:
    """The top-level nodes of a token stream."""
    nodes, _end = _read(tokens, 0, len(tokens))
    return nodes


def _lines(token: Token) -> tuple[int, int]:
    assert token.map is not None
    return token.map[0] + 1, max(token.map[0] + 1, token.map[1])


def _read(tokens: list[Token], index: int, stop: int) -> tuple[list[Block | RawContainer | RawTag], int]:
    """Nodes from `index` until the closing token at nesting depth 0 (or `stop`); returns the index after."""
    nodes: list[Block | RawContainer | RawTag] = []
    while index < stop:
        token = tokens[index]
        kind = token.type
        if token.nesting == -1:
            return nodes, index
        if kind in ("paragraph_open", "heading_open"):
            nodes.append(_text_block(token, tokens[index + 1]))
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open", "list_item_open", "blockquote_open"):
            container = _container(token)
            start = index
            children, index = _read(tokens, index + 1, stop)
            container.children = children
            if kind.endswith("_list_open"):
                container.tight = _tight(tokens, token, start=start)
            nodes.append(container)
            index += 1
        elif kind == "table_open":
            table, index = _table(tokens, index)
            nodes.append(table)
        elif kind in ("fence", "code_block"):
            start, end = _lines(token)
            nodes.append(Code(start, end, token.content, token.info.strip() if kind == "fence" else ""))
            index += 1
        elif kind == "hr":
            start, end = _lines(token)
            nodes.append(Rule(start, end))
            index += 1
        elif kind in ("expand_open", "expand_close"):
            start, _end = _lines(token)
            opening = kind == "expand_open"
            nodes.append(RawTag(start, opening, token.content, token.meta.get("rest", "") if opening else ""))
            index += 1
        else:  # pragma: no cover - every block token markdown-it emits with our rules is handled above
            raise ValueError(f"unexpected token {kind}")
    return nodes, index


def _inline(token: Token, line: int) -> Inline:
    # markdown-it leaves empty text tokens around emphasis; they carry nothing.
    return Inline(tuple(t for t in token.children or () if t.type != "text" or t.content), line)


def _text_block(opening: Token, inline_token: Token) -> Block:
    start, end = _lines(opening)
    inline = _inline(inline_token, start)
    block: Heading | Paragraph = (
        Heading(start, end, int(opening.tag[1]), inline)
        if opening.type == "heading_open"
        else Paragraph(start, end, inline)
    )
    group = _GROUP.fullmatch(inline.plain.strip()) if "\n" not in inline.plain else None
    return block if group is None else GroupMarker(start, end, group["name"], block)


def _container(token: Token) -> RawContainer:
    start, end = _lines(token)
    kind = token.type.removesuffix("_open")
    number = int(token.info) if kind == "list_item" and token.info.isdigit() else None
    return RawContainer(kind, start, end, number=number)


def _tight(tokens: list[Token], opening: Token, start: int) -> bool:
    # markdown-it hides the paragraphs of a tight list (its `markTightParagraphs`): read that back.
    level = opening.level + 2
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.level < opening.level + 1:
            break
        if token.type == "paragraph_open" and token.level == level:
            return token.hidden
    return True


def _table(tokens: list[Token], index: int) -> tuple[Table, int]:
    start, end = _lines(tokens[index])
    align: list[str] = []
    header: list[Inline] = []
    rows: list[tuple[Inline, ...]] = []
    row: list[Inline] = []
    index += 1
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type in ("th_open", "td_open"):
            cell = tokens[index + 1]
            line = cell.map[0] + 1 if cell.map else start
            row.append(_inline(cell, line))
            if token.type == "th_open":
                match = _ALIGN.search(str(token.attrs.get("style", "")))
                align.append(match["align"] if match else "")
        elif token.type == "tr_close":
            if header:
                rows.append(tuple(row))
            else:
                header = row
            row = []
        index += 1
    return Table(start, end, tuple(align), tuple(header), tuple(rows)), index + 1
