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
    from collections.abc import Callable

    from markdown_it.renderer import RendererHTML

    from ..source.document import Node

    TextHtml = Callable[[str, bool], str]
    """A piece of plain text as HTML, told whether it is inside a link (`inline_html`)."""


def inline_html(inline: Inline, text: TextHtml | None = None) -> str:
    """Inline content as HTML, as markdown-it renders it; the plain text through `text`, when given."""
    parser = markdown_parser()
    renderer: RendererHTML = parser.renderer  # type: ignore[assignment]
    tokens = list(inline.tokens)
    if text is None:
        return renderer.renderInline(tokens, parser.options, {})
    # markdown-it's own `renderInline` loop, with its text tokens given by `text`.
    out: list[str] = []
    rules, options, in_link = renderer.rules, parser.options, 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "text":
            out.append(text(token.content, in_link > 0))
            continue
        in_link += (kind == "link_open") - (kind == "link_close")
        rule = rules.get(kind)
        out.append(rule(tokens, index, options, {}) if rule else renderer.renderToken(tokens, index, options, {}))
    return "".join(out)


def node_html(  # noqa: PLR0911 (one return per block kind)
    node: Node,
    highlight: Callable[[Code], str],
    *,
    tight: bool = False,
    section: Callable[[Section], str] | None = None,
    text: TextHtml | None = None,
) -> str:
    """One block as HTML (`tight`: a paragraph directly in a tight list item shows without `<p>`);
    a nested section is `section(it)`, the marker the glue fills in, or left out without it;
    plain text goes through `text` when given (`inline_html`)."""
    if isinstance(node, Paragraph):
        shown = inline_html(node.inline, text)
        return shown if tight else f"<p>{shown}</p>"
    if isinstance(node, Heading):
        return f"<h{node.level}>{inline_html(node.inline, text)}</h{node.level}>"
    if isinstance(node, GroupMarker):
        return node_html(node.block, highlight, tight=tight, section=section, text=text)
    if isinstance(node, ListBlock):
        return _list_html(node, highlight, section, text)
    if isinstance(node, ListItem):
        alone = ListBlock(node.start, node.end, node.number is not None, True, (node,))
        return _list_html(alone, highlight, section, text)
    if isinstance(node, Quote):
        inner = "\n".join(node_html(child, highlight, section=section, text=text) for child in node.children)
        return f"<blockquote>\n{inner}\n</blockquote>"
    if isinstance(node, Code):
        return highlight(node)
    if isinstance(node, Table):
        return _table_html(node, text)
    if isinstance(node, Rule):
        return "<hr>"
    if isinstance(node, StrayText):
        return f"<p>{html.escape(node.text)}</p>"
    assert isinstance(node, Section)
    return section(node) if section is not None else ""


def _list_html(
    block: ListBlock,
    highlight: Callable[[Code], str],
    section: Callable[[Section], str] | None,
    text: TextHtml | None,
) -> str:
    tag = "ol" if block.ordered else "ul"
    expected = block.items[0].number if block.items and block.ordered else None
    start = f' start="{expected}"' if expected not in (None, 1) else ""
    out = [f"<{tag}{start}>"]
    for item in block.items:
        # An item's number where the author wrote it out of sequence (`blocks.py`: as the Markdown path).
        value = f' value="{item.number}"' if item.number is not None and item.number != expected else ""
        expected = item.number + 1 if item.number is not None else None
        inner = "\n".join(
            node_html(child, highlight, tight=block.tight, section=section, text=text) for child in item.children
        )
        out.append(f"<li{value}>{inner}</li>")
    out.append(f"</{tag}>")
    return "\n".join(out)


def _table_html(table: Table, text: TextHtml | None) -> str:
    def cells(tag: str, row: tuple[Inline, ...]) -> str:
        shown = []
        for index, cell in enumerate(row[: len(table.header)]):
            align = table.align[index] if index < len(table.align) else ""
            style = f' style="text-align: {align}"' if align else ""
            shown.append(f"<{tag}{style}>{inline_html(cell, text)}</{tag}>")
        return "<tr>" + "".join(shown) + "</tr>"

    body = "".join(cells("td", row) for row in table.rows)
    return f"<table><thead>{cells('th', table.header)}</thead><tbody>{body}</tbody></table>"
