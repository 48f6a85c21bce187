"""Blocks → Python-Markdown source with the same structure as CommonMark gives them.

Pages of the notes (sections, full notes, a service's quotes) set `BlockWriter.html_text`: every
top-level block that holds no heading goes as HTML rendered by markdown-it itself (`html.py`), a
marker in its place, and only headings, and the blocks that hold one, go through Python-Markdown
(which gives headings their ids and the page its table of contents). For those, and for pages
written without `html_text`, this is the bridge between the two dialects, block by block
(`tests/fidelity` proves it against markdown-it's own rendering of every section of the real notes
and of the CommonMark spec; `tests/test_render_blocks.py`, that both paths show the same):
- Blocks are separated by a blank line, except inside the items of a tight list, where a blank
  line would make Python-Markdown wrap the item's text in `<p>` (it decides looseness per item,
  CommonMark per list): there the blocks follow each other directly.
- Everything nested is indented four spaces a level, the only nesting Python-Markdown reads.
- Two lists in a row (CommonMark starts a new list when the marker changes) are kept apart by
  an HTML comment, which Python-Markdown passes through and which ends a list.
- Numbers: the first item's number becomes the list's start (sane_lists); an item whose number
  the author wrote out of sequence carries it in a `kb-value` comment that the glue's
  `ListValues` postprocessor turns into `<li value>` (CommonMark keeps only the start: keeping
  every number is our documented departure, tests/fidelity/allowlist.py).
- Code blocks are not given to Python-Markdown at all: its whitespace normalisation expands tabs
  and its fences need blank lines around them (which would loosen a tight list). The writer
  highlights them itself (`code.py`) and leaves a marker that the glue replaces with the HTML.
- A nested `<expand>` section becomes a marker too, replaced by the section's own HTML (converted
  once, on its own page): sections inside list items stay inside the item, numbering unbroken.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..source.document import (
    Code,
    GroupMarker,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Section,
    StrayText,
    Table,
)
from ..source.inline import Inline
from .html import HtmlWriter
from .inline import escape_line_start, escape_text, inline_markdown

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from ..source.document import Node
    from .html import TextHtml
    from .inline import TextLinker

INDENT = "    "
EMPTY_PARAGRAPH = "<p></p>"
"""A paragraph with no text, as raw HTML (Python-Markdown passes a block of HTML through)."""


def part_marker(name: str) -> str:
    """The line the Markdown carries where HTML part `name` goes (an HTML comment passes through)."""
    return f"<!-- kb-part:{name} -->"


def value_marker(number: int) -> str:
    """Marks a list item whose number was written out of sequence (see the glue's `ListValues`)."""
    return f"<!-- kb-value:{number} -->"


@dataclass
class BlockWriter:
    """Writes the blocks of one page; collects the HTML parts (code blocks) the page needs."""

    highlight: Callable[[Code], str]
    """A code block as HTML (`code.Highlighter`)."""
    section_marker: Callable[[Section], str] | None = None
    """The marker for a nested section; None leaves nested sections out."""
    link_text: TextLinker | None = None
    """Links service names in text; None links nothing."""
    new_section: Callable[[], None] = lambda: None
    """Called at every heading: the next mention of each service links again."""
    anchors: Collection[int] = ()
    """Source lines to mark with an id (`L12`) where they start."""
    min_heading: int = 1
    """Headings are pushed down to at least this level (a quoted fragment nests under the page's)."""
    parts: dict[str, str] = field(default_factory=dict)
    """HTML parts by name, to splice in after conversion."""
    html_text: TextHtml | None = None
    """When set, top-level blocks holding no heading are given as HTML (`html.py`), their plain
    text through this; headings stay Markdown, for the page's table of contents."""
    _html_writer: HtmlWriter = field(init=False)

    def __post_init__(self) -> None:
        self._html_writer = HtmlWriter(self.highlight, self.section_marker, self.html_text, self.anchors)

    def write(self, nodes: tuple[Node, ...] | list[Node], *, then: str | None = None) -> list[str]:
        """The nodes as Markdown lines, at the top level of a page.

        `then`: a part marker to follow the nodes. When they end with an HTML part it goes at the
        end of that part (spliced in with it, then replaced by its own part in turn): a block of
        raw HTML costs Python-Markdown 40 µs to pass through, and a service page quoting four
        fragments had one after each.
        """
        lines = self._write(nodes)
        if then is None:
            return lines
        last = lines[-1] if lines else ""
        name = last.removeprefix("<!-- kb-part:").removesuffix(" -->")
        if part_marker(name) != last or name not in self.parts:
            return [*lines, "", then] if lines else [then]
        self.parts[name] += "\n\n" + then  # as Python-Markdown separates two blocks of HTML
        return lines

    def _write(self, nodes: tuple[Node, ...] | list[Node]) -> list[str]:
        if self.html_text is None:
            return self._sequence(list(nodes), tight=False)
        out: list[str] = []
        run: list[str] = []
        for node in nodes:
            if _has_heading(node):
                if run:
                    out += [self._part("\n".join(run)), ""]
                    run = []
                out += [*self._sequence([node], tight=False), ""]
            else:
                run.append(self._html_writer.node(node))
        if run:
            out.append(self._part("\n".join(run)))
        while out and not out[-1]:
            out.pop()
        return out

    def _sequence(self, nodes: list[Node | _Html], *, tight: bool) -> list[str]:
        out: list[str] = []
        previous: Node | _Html | None = None
        for node in nodes:
            lines = self._node(node)
            if not lines:
                continue
            if previous is not None:
                # Python-Markdown would join two lists (or quotes) in a row: a comment keeps them apart.
                if type(previous) is type(node) and isinstance(node, ListBlock | Quote):
                    out += ["", "<!-- -->"]
                if not tight:
                    out.append("")
            out += lines
            previous = node
        return out

    def _node(self, node: Node | _Html) -> list[str]:  # noqa: PLR0911 (one return per block kind)
        if isinstance(node, Paragraph):
            # A paragraph of Unicode spaces alone (a line of NBSP) has no text once markdown-it-py
            # strips it; an empty line would not be a paragraph to Python-Markdown at all.
            return self._inline(node.inline).split("\n") if node.inline.tokens else [EMPTY_PARAGRAPH]
        if isinstance(node, Heading):
            return [self._heading(node)]
        if isinstance(node, GroupMarker):
            return self._node(node.block)
        if isinstance(node, ListBlock):
            return self._list(node)
        if isinstance(node, _Html):
            return [self._html(node.block)]
        if isinstance(node, ListItem):  # a list item quoted on its own (a service fragment)
            return self._list(ListBlock(node.start, node.end, node.number is not None, True, (node,)))
        if isinstance(node, Quote):
            lines = self._sequence(list(node.children), tight=False) or ["<!-- -->"]
            return [f"> {line}" if line else ">" for line in lines]
        if isinstance(node, Code):
            return [self._part(self.highlight(node))]
        if isinstance(node, Table):
            return self._table(node)
        if isinstance(node, Rule):
            return ["***"]
        if isinstance(node, StrayText):
            return [escape_line_start(escape_text(node.text))]
        if self.section_marker is None:
            return []
        return [self.section_marker(node)]

    def _part(self, html: str) -> str:
        name = f"html-{len(self.parts) + 1}"
        self.parts[name] = html
        return part_marker(name)

    def _html(self, block: Node) -> str:
        """A block given as HTML (`html.py`), nested sections as their markers."""
        return self._part(self._html_writer.node(block))

    def _inline(self, inline: Inline, *, one_line: bool = False) -> str:
        return inline_markdown(
            inline, link_text=self.link_text, anchors=self.anchors, one_line=one_line, part=self._part
        )

    def _heading(self, heading: Heading) -> str:
        self.new_section()
        # Python-Markdown strips trailing `#`s from a heading: every `#` in its text is escaped.
        text = inline_markdown(heading.inline, anchors=self.anchors, one_line=True, line_start=False)
        text = text.replace("#", "\\#")
        return f"{'#' * min(6, max(heading.level, self.min_heading))} {text}"

    def _list(self, block: ListBlock) -> list[str]:
        if block.tight and not all(_tight_item_expressible(item) for item in block.items):
            return [self._html(block)]
        parts = dict(self.parts)
        try:
            return self._list_markdown(block)
        except _NeedsHtmlError:
            self.parts = parts
            return [self._html(block)]

    def _list_markdown(self, block: ListBlock) -> list[str]:
        out: list[str] = []
        expected = block.items[0].number if block.items else None
        for index, item in enumerate(block.items):
            if index and not block.tight:
                out.append("")
            marker = f"{item.number}. " if block.ordered else "- "
            value = ""
            if block.ordered and item.number is not None:
                if index and item.number != expected:
                    value = value_marker(item.number)
                expected = item.number + 1
            out += self._item(item, marker, value, tight=block.tight)
        return out

    def _item(self, item: ListItem, marker: str, value: str, *, tight: bool) -> list[str]:
        children = list(item.children)
        first: list[str] = []
        # Text, a heading or a marker starts on the marker line; a list, quote or table below it.
        # (A heading after a number's comment would not start its line: it goes below, on its own.)
        starts = children and isinstance(children[0], Paragraph | Heading | Code | Section)
        if starts and not (value and isinstance(children[0], Heading)):
            first = self._node(children.pop(0))
            if first == [EMPTY_PARAGRAPH]:
                first = []  # an item with nothing to show on its marker line (below)
        nodes: list[Node | _Html] = list(children)
        if tight:
            # A marker (code, a section, a list given as HTML) right below a nested list of a tight
            # item would be read as a line of that list's last item: the nested list goes as HTML,
            # a marker itself (so, from the last block up, the list above it too).
            for index in range(len(children) - 2, -1, -1):
                node = children[index]
                if isinstance(node, ListBlock) and isinstance(nodes[index + 1], Code | Section | _Html):
                    nodes[index] = _Html(node)
        rest = self._sequence(nodes, tight=tight)
        if tight and "" in rest:
            # A loose list nested in a tight item: Python-Markdown cannot say that in Markdown.
            raise _NeedsHtmlError
        if rest and not tight:
            # Below the marker line (its text, or the comment that stands in for none) as a block
            # of its own: a rule or a table right below would read as a line of that text.
            rest = ["", *rest]
        # An item with nothing on its marker line would leave a bare `- `, which Python-Markdown
        # reads as the setext underline of the line above: an empty comment keeps it an item.
        head = marker + value + (first[0] if first else "" if value else "<!-- -->")
        lines = [head, *first[1:], *rest]
        return [lines[0]] + [INDENT + line if line else "" for line in lines[1:]]

    def _table(self, table: Table) -> list[str]:
        if not table.rows:
            # Python-Markdown gives a table without body rows an empty one (`_build_empty_row` in
            # markdown/extensions/tables.py), which GFM does not: a row the author never wrote.
            return [self._html(table)]

        def row(cells: tuple[Inline, ...]) -> str:
            # GFM drops cells beyond the header's width (Python-Markdown pads the missing ones alike).
            # No line ids in cells: every cell of a row starts on the same line.
            shown = [
                inline_markdown(cell, link_text=self.link_text, one_line=True, part=self._part)
                for cell in cells[: len(table.header)]
            ]
            return "| " + " | ".join(shown) + " |"

        rule = {"": "---", "left": ":--", "center": ":-:", "right": "--:"}
        return [row(table.header), "| " + " | ".join(rule[a] for a in table.align) + " |", *map(row, table.rows)]


@dataclass(frozen=True)
class _Html:
    """A block the writer gives Python-Markdown as HTML (`html.py`), where its Markdown would be misread."""

    block: ListBlock


class _NeedsHtmlError(Exception):
    """A tight list that Python-Markdown cannot be given as Markdown (see `html.py`)."""


def _has_heading(node: Node) -> bool:
    if isinstance(node, Heading):
        return True
    if isinstance(node, GroupMarker):
        return _has_heading(node.block)
    if isinstance(node, ListBlock):
        return any(_has_heading(child) for item in node.items for child in item.children)
    if isinstance(node, ListItem | Quote):
        return any(_has_heading(child) for child in node.children)
    return False


def _tight_item_expressible(item: ListItem) -> bool:
    """Whether Python-Markdown keeps this tight item's blocks: after the item's first line it only
    finds nested lists (and our one-line markers) in the indented lines below."""
    children = item.children
    if children and isinstance(children[0], Heading):
        return False  # a heading on the marker line is text to Python-Markdown in a tight item
    rest = children[1:] if children and isinstance(children[0], Paragraph | Heading) else children
    return all(isinstance(node, ListBlock | Code | Section) for node in rest)
