"""Sections inside other pages: each marker filled with the section's converted body.

A section's blocks are converted once, on its own page (`render.pages.notes`). Its parent's page
and the full-notes page carry a marker where it sits; here each marker becomes the section as a
collapsed block (template `kb/section.html`), holding that page's body. Heading ids of an
embedded body get the section's slug as prefix (`lambda--limits`): two sections may both have a
`### Summary`, and every id on a page must be unique. Line ids (`L12`) are unique already.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..render.pages.notes import BODY_MARKER

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ..render.fragments import Fragments
    from ..render.pages.notes import SectionInfo

_SECTION = re.compile(r"(?:<p>)?<!-- kb-section:(?P<page>[^ ]+) -->(?:</p>)?")
_HEADING_ID = re.compile(r'(<h[1-6] id=")(?P<id>[^"]+)"')
_PERMALINK = re.compile(r'(<a class="headerlink" href="#)(?P<id>[^"]+)"')


def body(content: str) -> str:
    """A page's own content: what follows its body marker."""
    _head, marker, rest = content.partition(BODY_MARKER)
    return rest if marker else content


def prefix_ids(html: str, prefix: str) -> str:
    """Heading ids and their permalinks with `prefix--` in front."""
    html = _HEADING_ID.sub(lambda m: f'{m[1]}{prefix}--{m["id"]}"', html)
    return _PERMALINK.sub(lambda m: f'{m[1]}{prefix}--{m["id"]}"', html)


class Composer:
    """Fills section markers from the converted section pages."""

    def __init__(
        self, content_of: Callable[[str], str | None], sections: Mapping[str, SectionInfo], fragments: Fragments
    ) -> None:
        """`content_of(page path)`: a section page's converted content (None when it is not built)."""
        self._content_of = content_of
        self._sections = sections
        self._fragments = fragments

    def compose(self, html: str, *, anchors: bool) -> str:
        """`html` with every section marker filled (`anchors`: give each section its id, as on the full notes)."""
        if "kb-section:" not in html:
            return html
        return _SECTION.sub(lambda m: self._block(m["page"], anchors=anchors), html)

    def _block(self, page: str, *, anchors: bool) -> str:
        info = self._sections.get(page)
        if info is None:
            return ""
        # Not kept for later: a section sits once in its parent and once in the full notes, each
        # time with other ids, and a large topic's bodies are as large as its whole notes.
        content = self._content_of(page) or ""
        composed = prefix_ids(self.compose(body(content), anchors=anchors), info.anchor)
        return self._fragments.render(
            "section", anchor=info.anchor if anchors else "", title=info.title, body=Markup(composed)
        )
