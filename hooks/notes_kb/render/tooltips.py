"""Glossary tooltips: every glossary term in a page's text shows its expansion on hover.

    term_spans(text, terms) -> [(start, end, expansion), ...]
    tooltips_html(text, terms) -> escaped HTML with `<abbr title="…">` around each term

A term is a whole word (`\\w+`) looked up in a dict, so a text costs the same whatever the size
of the glossary (Python-Markdown's `abbr` extension tries one pattern per term at every position:
+40% per page at 281 terms). The glue's Python-Markdown extension wraps terms in what Python-
Markdown converts (`glue.markdown.GlossaryTooltips`); the render stage wraps them in what it gives
as HTML itself (`render.html`). Both find terms here, so both show the same tooltips.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

_WORD = re.compile(r"\w+")


def term_spans(text: str, terms: Mapping[str, str]) -> Iterator[tuple[int, int, str]]:
    """Where each glossary term stands in `text`: (start, end, expansion), in order."""
    if not terms:
        return
    for match in _WORD.finditer(text):
        expansion = terms.get(match.group(0))
        if expansion is not None:
            yield match.start(), match.end(), expansion


def tooltips_html(text: str, terms: Mapping[str, str]) -> str:
    """Plain text as HTML (`&`, `<`, `>` escaped), each glossary term in an `<abbr>` with its
    expansion as title."""
    out: list[str] = []
    position = 0
    for start, end, expansion in term_spans(text, terms):
        out += [
            html.escape(text[position:start], quote=False),
            f'<abbr title="{html.escape(expansion)}">{html.escape(text[start:end], quote=False)}</abbr>',
        ]
        position = end
    out.append(html.escape(text[position:], quote=False))
    return "".join(out)
