"""The site's own Python-Markdown extension: glossary tooltips and list numbers as written.

Tooltips: every glossary term in a page's text becomes `<abbr title="…">`, found the way the
render stage finds them in the HTML it writes itself (`render.tooltips`). Python-Markdown's `abbr`
extension would try one regular expression per term at every position of every page, and its
definitions appended to each page's Markdown cost the square of their number in the block parser.

List numbers: Python-Markdown numbers an ordered list from its start only; the render stage marks
an item the author numbered out of sequence (`2014.` after `2006.`) with a `kb-value` comment,
which becomes that item's `value` here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from ..render.tooltips import term_spans

if TYPE_CHECKING:
    from collections.abc import Mapping

    from markdown import Markdown

# Links keep their tooltips (`<a><abbr>`), as with Python-Markdown's abbr; code never gets one.
_SKIP = frozenset({"code", "pre", "abbr", "script", "style", "kbd", "samp"})
# The comment may stand alone in the item, as a block of its own (an item with nothing after its number).
_VALUE = re.compile(r"<li>(?P<p>\s*<p>)?(?P<space>\s*)<!-- kb-value:(?P<number>\d+) -->")


class GlossaryTooltips(Treeprocessor):
    """Wraps glossary terms in `abbr` elements outside code and existing abbreviations."""

    def __init__(self, md: Markdown, terms: Mapping[str, str]) -> None:
        super().__init__(md)
        self.terms = dict(terms)

    def run(self, root: etree.Element) -> None:
        if self.terms:
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        for child in list(element):
            if child.tag not in _SKIP:
                self._walk(child)
            if child.tail:
                self._split_tail(element, child)
        if element.tag not in _SKIP and element.text:
            self._split_text(element)

    def _pieces(self, text: str) -> list[str | etree.Element] | None:
        pieces: list[str | etree.Element] = []
        position = 0
        for start, end, title in term_spans(text, self.terms):
            pieces.append(text[position:start])
            abbr = etree.Element("abbr", {"title": title})
            abbr.text = text[start:end]
            pieces.append(abbr)
            position = end
        if not pieces:
            return None
        pieces.append(text[position:])
        return pieces

    def _split_text(self, element: etree.Element) -> None:
        pieces = self._pieces(element.text or "")
        if pieces is None:
            return
        element.text = pieces[0] if isinstance(pieces[0], str) else ""
        self._insert(element, 0, pieces[1:])

    def _split_tail(self, parent: etree.Element, child: etree.Element) -> None:
        pieces = self._pieces(child.tail or "")
        if pieces is None:
            return
        child.tail = pieces[0] if isinstance(pieces[0], str) else ""
        self._insert(parent, list(parent).index(child) + 1, pieces[1:])

    @staticmethod
    def _insert(parent: etree.Element, index: int, pieces: list[str | etree.Element]) -> None:
        # Pieces alternate abbr, text, abbr, text …: each text becomes the tail of the abbr before it.
        previous: etree.Element | None = None
        for piece in pieces:
            if isinstance(piece, str):
                if previous is not None:
                    previous.tail = (previous.tail or "") + piece
            else:
                parent.insert(index, piece)
                index += 1
                previous = piece


class ListValues(Postprocessor):
    """`<li><!-- kb-value:2014 -->` → `<li value="2014">`: the number the author wrote."""

    def run(self, text: str) -> str:
        if "kb-value:" not in text:
            return text
        return _VALUE.sub(lambda m: f'<li value="{m["number"]}">{m["p"] or ""}{m["space"]}', text)


class NotesExtension(Extension):
    """Registers the tooltips treeprocessor and the list-number postprocessor."""

    def __init__(self, terms: Mapping[str, str]) -> None:
        super().__init__()
        self.terms = terms

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        # Priority 7: after inline patterns (20) and prettify (10), before toc (5) reads headings.
        md.treeprocessors.register(GlossaryTooltips(md, self.terms), "kb_glossary_tooltips", 7)
        # After raw HTML is restored (30), where the comment is in the text.
        md.postprocessors.register(ListValues(md), "kb_list_values", 25)
