"""Blocks → HTML directly, for the few structures Python-Markdown cannot be given as Markdown.

Python-Markdown reads a tight list item as its first line plus indented lines that are only
searched for nested lists: a block quote, a rule or a table inside a tight item, a tight item
holding a loose list, a heading as a tight item's first line, or code or a section right below a
nested list in a tight item have no Markdown that it would render with CommonMark's structure.
`blocks.BlockWriter` renders such a list here instead (found in no real notes file; the
CommonMark spec has a handful), with markdown-it's own inline renderer; sections nested in it
stay markers, which the glue fills in as everywhere else. The same goes for a table of a header
row alone, to which Python-Markdown adds an empty row.
"""

from __future__ import annotations

import html
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
from ..source.syntax import markdown_parser

if TYPE_CHECKING:
    from markdown_it.renderer import RendererHTML

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..source.document import Node


def inline_html(inline: Inline) -> str:
    """Inline content as HTML, as markdown-it renders it."""
    parser = markdown_parser()
    renderer: RendererHTML = parser.renderer  # type: ignore[assignment]
    return renderer.renderInline(list(inline.tokens), parser.options, {})


def node_html(  # noqa: PLR0911 (one return per block kind)
    node: Node,
    highlight: Callable[[Code], str],
    *,
    tight: bool = False,
    section: Callable[[Section], str] | None = None,
) -> str:
    """One block as HTML (`tight`: a paragraph directly in a tight list item shows without `<p>`);
    a nested section is `section(it)`, the marker the glue fills in, or left out without it."""
    if isinstance(node, Paragraph):
        text = inline_html(node.inline)
        return text if tight else f"<p>{text}</p>"
    if isinstance(node, Heading):
        return f"<h{node.level}>{inline_html(node.inline)}</h{node.level}>"
    if isinstance(node, GroupMarker):
        return node_html(node.block, highlight, tight=tight, section=section)
    if isinstance(node, ListBlock):
        return _list_html(node, highlight, section)
    if isinstance(node, ListItem):
        return _list_html(ListBlock(node.start, node.end, node.number is not None, True, (node,)), highlight, section)
    if isinstance(node, Quote):
        inner = "\n".join(node_html(child, highlight, section=section) for child in node.children)
        return f"<blockquote>\n{inner}\n</blockquote>"
    if isinstance(node, Code):
        return highlight(node)
    if isinstance(node, Table):
        return _table_html(node)
    if isinstance(node, Rule):
        return "<hr>"
    if isinstance(node, StrayText):
        return f"<p>{html.escape(node.text)}</p>"
    assert isinstance(node, Section)
    return section(node) if section is not None else ""


def _list_html(block: ListBlock, highlight: Callable[[Code], str], section: Callable[[Section], str] | None) -> str:
    tag = "ol" if block.ordered else "ul"
    first = block.items[0].number if block.items and block.ordered else None
    start = f' start="{first}"' if first not in (None, 1) else ""
    out = [f"<{tag}{start}>"]
    for item in block.items:
        value = f' value="{item.number}"' if item.number is not None else ""
        inner = "\n".join(node_html(child, highlight, tight=block.tight, section=section) for child in item.children)
        out.append(f"<li{value}>{inner}</li>")
    out.append(f"</{tag}>")
    return "\n".join(out)


def _table_html(table: Table) -> str:
    def cells(tag: str, row: tuple[Inline, ...]) -> str:
        shown = []
        for index, cell in enumerate(row[: len(table.header)]):
            align = table.align[index] if index < len(table.align) else ""
            style = f' style="text-align: {align}"' if align else ""
            shown.append(f"<{tag}{style}>{inline_html(cell)}</{tag}>")
        return "<tr>" + "".join(shown) + "</tr>"

    body = "".join(cells("td", row) for row in table.rows)
    return f"<table><thead>{cells('th', table.header)}</thead><tbody>{body}</tbody></table>"
