"""Blocks → HTML directly, rendered by markdown-it (the parser that read the notes).

Two uses:
- Notes' blocks that hold no heading, on section, full-notes and service pages
  (`blocks.BlockWriter.html_text`): Python-Markdown would only parse again what markdown-it has
  parsed, and was the largest part of a large site's build. Service names are linked and glossary
  terms get tooltips in their text (`text`), source lines get their ids (`anchors`), as the
  Markdown path gives them; headings stay Markdown, for each page's table of contents.
- The few structures Python-Markdown cannot be given as Markdown, wherever they are: it reads a
  tight list item as its first line plus indented lines that are only searched for nested lists,
  so a block quote, a rule or a table inside a tight item, a tight item holding a loose list, a
  heading as a tight item's first line, or code or a section right below a nested list in a tight
  item have no Markdown it would render with CommonMark's structure. The same goes for a table of
  a header row alone, to which Python-Markdown adds an empty row.

Sections nested in a block stay markers, which the glue fills in as everywhere else.
"""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass
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
    from collections.abc import Callable, Collection

    from markdown_it.renderer import RendererHTML

    from ..source.document import Node

    TextHtml = Callable[[str, bool], str]
    """A piece of plain text as HTML, told whether it is inside a link (`HtmlWriter.text`)."""


@dataclass(frozen=True)
class HtmlWriter:
    """Writes blocks of one page as HTML."""

    highlight: Callable[[Code], str]
    """A code block as HTML (`code.Highlighter`)."""
    section: Callable[[Section], str] | None = None
    """The marker for a nested section; None leaves nested sections out."""
    text: TextHtml | None = None
    """Plain text as HTML; None: markdown-it's own escaping."""
    anchors: Collection[int] = ()
    """Source lines that get an empty `<span id="L12">` where they start, for links to that line
    (as `inline.inline_markdown` gives them)."""

    def inline(self, inline: Inline) -> str:
        """Inline content as HTML, as markdown-it renders it, with `text` and `anchors` applied."""
        parser = markdown_parser()
        renderer: RendererHTML = parser.renderer  # type: ignore[assignment]
        tokens = list(inline.tokens)
        text, anchors = self.text, self.anchors
        if text is None and not anchors:
            return renderer.renderInline(tokens, parser.options, {})
        # markdown-it's own `renderInline` loop, with text tokens through `text` and an id at lines' starts.
        line = inline.line
        out = [f'<span id="L{line}"></span>' if line in anchors else ""]
        rules, options, in_link = renderer.rules, parser.options, 0
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "text" and text is not None:
                out.append(text(token.content, in_link > 0))
                continue
            in_link += (kind == "link_open") - (kind == "link_close")
            rule = rules.get(kind)
            out.append(rule(tokens, index, options, {}) if rule else renderer.renderToken(tokens, index, options, {}))
            if kind in ("softbreak", "hardbreak"):
                line += 1
                if line in anchors:
                    out.append(f'<span id="L{line}"></span>')
        return "".join(out)

    def node(self, node: Node, *, tight: bool = False) -> str:  # noqa: PLR0911 (one return per block kind)
        """One block as HTML (`tight`: a paragraph directly in a tight list item shows without `<p>`)."""
        if isinstance(node, Paragraph):
            shown = self.inline(node.inline)
            return shown if tight else f"<p>{shown}</p>"
        if isinstance(node, Heading):
            return f"<h{node.level}>{self.inline(node.inline)}</h{node.level}>"
        if isinstance(node, GroupMarker):
            return self.node(node.block, tight=tight)
        if isinstance(node, ListBlock):
            return self._list(node)
        if isinstance(node, ListItem):
            return self._list(ListBlock(node.start, node.end, node.number is not None, True, (node,)))
        if isinstance(node, Quote):
            inner = "\n".join(self.node(child) for child in node.children)
            return f"<blockquote>\n{inner}\n</blockquote>"
        if isinstance(node, Code):
            return self.highlight(node)
        if isinstance(node, Table):
            return self._table(node)
        if isinstance(node, Rule):
            return "<hr>"
        if isinstance(node, StrayText):
            return f"<p>{html.escape(node.text)}</p>"
        assert isinstance(node, Section)
        return self.section(node) if self.section is not None else ""

    def _list(self, block: ListBlock) -> str:
        tag = "ol" if block.ordered else "ul"
        expected = block.items[0].number if block.items and block.ordered else None
        start = f' start="{expected}"' if expected not in (None, 1) else ""
        out = [f"<{tag}{start}>"]
        for item in block.items:
            # A number written out of sequence is kept (`blocks.py`: as the Markdown path keeps it).
            value = f' value="{item.number}"' if item.number is not None and item.number != expected else ""
            expected = item.number + 1 if item.number is not None else None
            inner = "\n".join(self.node(child, tight=block.tight) for child in item.children)
            out.append(f"<li{value}>{inner}</li>")
        out.append(f"</{tag}>")
        return "\n".join(out)

    def _table(self, table: Table) -> str:
        # No line ids in cells (as the Markdown path): every cell of a row starts on the same line.
        plain = dataclasses.replace(self, anchors=())

        def cells(tag: str, row: tuple[Inline, ...]) -> str:
            shown = []
            for index, cell in enumerate(row[: len(table.header)]):
                align = table.align[index] if index < len(table.align) else ""
                style = f' style="text-align: {align}"' if align else ""
                shown.append(f"<{tag}{style}>{plain.inline(cell)}</{tag}>")
            return "<tr>" + "".join(shown) + "</tr>"

        body = "".join(cells("td", row) for row in table.rows)
        return f"<table><thead>{cells('th', table.header)}</thead><tbody>{body}</tbody></table>"


def inline_html(inline: Inline) -> str:
    """Inline content as HTML, as markdown-it renders it."""
    return HtmlWriter(_no_code).inline(inline)


def node_html(node: Node, highlight: Callable[[Code], str]) -> str:
    """One block as HTML, as markdown-it renders it; nested sections left out."""
    return HtmlWriter(highlight).node(node)


def _no_code(code: Code) -> str:
    raise AssertionError("inline content holds no code block")
