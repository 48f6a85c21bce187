"""The outline of a section: its sub-headings and its list items, read off the document's blocks.

Extraction reads notes as their author structures them: a heading owns the blocks up to the next
heading of its level, a bold-labelled list item owns everything nested in it. The blocks already
say which is which (`source.document`); this module only collects them with their labels.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..source.document import Heading, ListBlock, ListItem, Paragraph, Section, child_nodes
from ..source.inline import Inline

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..source.document import Node

# A plain label is the prose before a colon: `IAM (Identity and Access Management): …`.
_COLON_LABEL = re.compile(r"^(?P<label>[^:]{1,80}?):(?:\s+(?P<rest>.*))?$", re.DOTALL)
_LEADING_PUNCTUATION = re.compile(r"^\s*(?:[:\-–—]\s*)?")


@dataclass(frozen=True)
class OutlineHeading:
    """A heading at the top level of a section, owning the blocks up to the next one of its level."""

    level: int
    """1–6."""
    title: str
    """Its text."""
    line: int
    """Its line."""
    blocks: tuple[Node, ...]
    """The blocks it owns, itself excluded."""
    end: int
    """Last line it owns."""


@dataclass(frozen=True)
class Bullet:
    """A list item with what it says on its first line and the items nested under it."""

    item: ListItem
    """The item itself."""
    text: str
    """The plain text of its first paragraph ('' when it starts with something else)."""
    label: str | None
    """The bold label (`**Lambda**`), or the text before a colon; None when there is neither."""
    bold: bool
    """Whether the label is bold."""
    rest: str
    """The text after the label (the definition)."""
    heading: str | None
    """The nearest sub-heading above it."""
    children: tuple[Bullet, ...]
    """The items of the lists directly in it."""
    depth: int
    """How many list items enclose it (0 for a top-level item)."""

    @property
    def line(self) -> int:
        """Line of its marker."""
        return self.item.start


@dataclass(frozen=True)
class Outline:
    """A section's own blocks (nested sections excluded) with their headings and list items."""

    section: Section
    """The section."""
    blocks: tuple[Node, ...]
    """Its blocks in order, nested sections left out."""
    headings: tuple[OutlineHeading, ...]
    """Top-level headings."""
    bullets: tuple[Bullet, ...]
    """Every list item at any depth, in source order."""
    starts: tuple[int, ...]
    """The line of each heading, in order (for bisecting)."""

    def heading_at(self, line: int) -> str | None:
        """The title of the innermost top-level heading that owns `line`."""
        # The last heading starting at or before the line, stepping back past those that ended:
        # one bisection instead of a scan of every heading (thousands in a details section).
        index = bisect.bisect_right(self.starts, line) - 1
        while index >= 0:
            heading = self.headings[index]
            if heading.end >= line:
                return heading.title
            index -= 1
        return None


@functools.lru_cache(maxsize=8192)
def outline(section: Section) -> Outline:
    """Headings and list items of one section (made once per section: extraction and the
    flashcards both read them; sections compare by identity, so an edited file's are new)."""
    blocks = tuple(node for node in section.children if not isinstance(node, Section))
    headings = _headings(blocks)
    starts = tuple(h.line for h in headings)
    draft = Outline(section, blocks, headings, (), starts)
    bullets: list[Bullet] = []
    for block in blocks:
        for top in _items_of(block):
            bullets += _flatten(_bullet(top, draft, 0))
    return Outline(section, blocks, headings, tuple(bullets), starts)


def bold_label_end(inline: Inline) -> int | None:
    """Index of the token closing the bold label `inline` starts with (None: it starts otherwise)."""
    tokens = inline.tokens
    if not tokens or tokens[0].type != "strong_open":
        return None
    depth, index = 0, 0
    while index < len(tokens):
        depth += {"strong_open": 1, "strong_close": -1}.get(tokens[index].type, 0)
        if depth == 0:
            break
        index += 1
    return index


def split_label(inline: Inline) -> tuple[str | None, bool, str]:
    """`**Lambda**: Serverless compute` → (`Lambda`, True, `Serverless compute`)."""
    tokens = inline.tokens
    index = bold_label_end(inline)
    if index is not None:
        label = Inline(tokens[1:index], inline.line).plain
        rest = Inline(tokens[index + 1 :], inline.line).plain
        # `**Term:** definition` is the same label as `**Term**: definition`.
        return label.strip().removesuffix(":").strip(), True, _LEADING_PUNCTUATION.sub("", rest, count=1).strip()
    text = inline.plain
    first = tokens[0] if tokens else None
    colon = _COLON_LABEL.match(text) if first is not None and first.type == "text" and ":" in first.content else None
    if colon:
        return colon["label"].strip(), False, (colon["rest"] or "").strip()
    return None, False, text.strip()


def _headings(blocks: tuple[Node, ...]) -> tuple[OutlineHeading, ...]:
    # One pass with a stack of open headings: a heading closes every open one of its level or
    # deeper (a scan ahead per heading would cost the square of their number).
    stops: dict[int, int] = {}
    open_: list[tuple[int, Heading]] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            while open_ and open_[-1][1].level >= block.level:
                stops[open_.pop()[0]] = index
            open_.append((index, block))
    headings = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            owned = blocks[index + 1 : stops.get(index, len(blocks))]
            end = owned[-1].end if owned else block.end
            headings.append(OutlineHeading(block.level, block.inline.plain, block.start, owned, end))
    return tuple(headings)


def _items_of(node: Node) -> Iterator[ListItem]:
    """The outermost list items in `node` (not inside another item)."""
    if isinstance(node, ListItem):
        yield node
    elif not isinstance(node, Section):
        for child in child_nodes(node):
            yield from _items_of(child)


def _bullet(item: ListItem, draft: Outline, depth: int) -> Bullet:
    first = item.children[0] if item.children else None
    if isinstance(first, Paragraph):
        label, bold, rest = split_label(first.inline)
        text = first.inline.plain
    else:
        label, bold, rest, text = None, False, "", ""
    children = tuple(
        _bullet(child, draft, depth + 1)
        for node in item.children
        if not isinstance(node, Section)
        for child in (node.items if isinstance(node, ListBlock) else _items_of(node))
    )
    return Bullet(item, text, label, bold, rest, draft.heading_at(item.start), children, depth)


def _flatten(bullet: Bullet) -> list[Bullet]:
    out = [bullet]
    for child in sorted(bullet.children, key=lambda b: b.line):
        out += _flatten(child)
    return out
