"""Generated pages that are nothing but headings and HTML parts, converted heading by heading.

A service page's Markdown is its headings and one placeholder line per HTML part
(`render.pages.service`): Python-Markdown spent about a millisecond on each such page, most of it
on machinery a heading and an HTML comment do not need (the 2,000 service pages of 2,000 detailed
services: 2.6 CPU-s with one instance reused), and the same headings ("What the notes say", a
section's title) come back on page after page. The workers converted that site's pages in 6.9
CPU-s, and in 3.3 with this. Here each distinct heading line is converted once
per process by Python-Markdown itself, with the site's extensions and MkDocs' own title and anchor
processors, and a page is its headings' HTML and its placeholders, joined as Python-Markdown joins
blocks (a raw HTML block is followed by a blank line), each heading with the id the toc extension
gives it on the whole page (`unique`, in page order), the table of contents nested as the toc
extension nests it (`nest_toc_tokens`), and what MkDocs' `Page.render` records: the title (the
first block, when it is a `#` heading), the anchors and the permalinks as links to anchors.

Python-Markdown has no way to convert a page from pieces, and MkDocs none to skip converting a
page, so `Page.render` is replaced on such a page alone (`install`). Any page of another shape, or
with a heading that holds a link, an id of its own, an HTML tag or more than one element, is
converted by `Page.render` as usual. tests/test_headings.py converts every page of this shape in
the real notes both ways and compares content, table of contents, title, anchors and links.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# The class itself, bound now: in a worker, `markdown.Markdown` is at times another function
# (`glue.parallel._reused_markdown`).
from markdown import Markdown
from markdown.extensions.toc import nest_toc_tokens, unique

from .engine import engine_module

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_PART = re.compile(r"<!-- kb-part:[\w-]+ -->")
# A heading as the render stage writes one: no HTML, and no attribute list but the one that keeps
# a heading's section out of search (an id given there would change every later heading's id).
_HEADING = re.compile(r"#{1,6}[ \t](?P<text>[^<{}\n]*?)(?: \{ data-search-exclude \})?")
_HREF = re.compile(r'\shref="(?P<href>[^"]*)"')
_ONE_HEADING = re.compile(r"<h[1-6][\s>][^\n]*</h[1-6]>")


@dataclass(frozen=True)
class _Heading:
    """One heading line converted alone."""

    html: str
    id: str
    token: dict[str, Any] | None
    """Its table-of-contents token (None when the toc extension leaves its level out)."""
    title: str | None
    """MkDocs' page title from it, when it is a page's first block."""
    permalink: bool
    """Whether it links to its own id (the toc extension's permalink)."""


@dataclass(frozen=True)
class Converted:
    """What `Page.render` would set for a page of headings and parts."""

    content: str
    tokens: list[dict[str, Any]]
    """Python-Markdown's `toc_tokens`, nested."""
    title: str | None
    anchors: set[str]
    links: dict[str, str]
    """Links to anchors of the page itself, anchor → link as written (`#what-the-notes-say`)."""


def blocks(markdown: str) -> list[str] | None:
    """The page's blocks when each is one heading line or one part placeholder line, blocks apart
    by blank lines; else None."""
    found = []
    for chunk in markdown.split("\n\n"):
        line = chunk.strip("\n")
        if not line:
            continue
        if "\n" in line or not (_HEADING.fullmatch(line) or _PART.fullmatch(line)):
            return None
        found.append(line)
    return found or None


class HeadingPages:
    """Converts pages of headings and parts for one Markdown configuration (one build's)."""

    def __init__(self, config: MkDocsConfig) -> None:
        pages = engine_module(config, "structure.pages")
        self.extensions, self.extension_configs = config["markdown_extensions"], config["mdx_configs"]
        self._md = Markdown(extensions=self.extensions, extension_configs=self.extension_configs or {})
        self._title = pages._ExtractTitleTreeprocessor()
        self._title._register(self._md)
        # MkDocs' anchor processor reads nothing of the page it is made for but the tree.
        self._anchors = pages._ExtractAnchorsTreeprocessor(None, None, config)
        self._anchors._register(self._md)
        self._headings: dict[str, _Heading | None] = {}

    def convert(self, markdown: str) -> Converted | None:
        """The page converted, or None when it is not only headings and parts (or a heading is
        not one this can convert alone)."""
        found = blocks(markdown)
        if found is None:
            return None
        used: set[str] = set()
        counters: dict[str, int] = {}
        pieces: list[str] = []
        flat: list[dict[str, Any]] = []
        links: dict[str, str] = {}
        title = None
        for index, block in enumerate(found):
            if block.startswith("<!--"):
                pieces.append(block + "\n")  # Python-Markdown ends a raw HTML block with a newline
                continue
            heading = self._heading(block)
            if heading is None:
                return None
            own = unique(heading.id, used, counters)
            html = heading.html
            if own != heading.id:
                html = html.replace(f' id="{heading.id}"', f' id="{own}"', 1)
                html = html.replace(f' href="#{heading.id}"', f' href="#{own}"', 1)
            pieces.append(html)
            if heading.token is not None:
                flat.append({**heading.token, "id": own, "children": []})
            if heading.permalink:
                links.setdefault(own, f"#{own}")
            if index == 0:
                title = heading.title
        nested: list[Any] = nest_toc_tokens(flat)  # type: ignore[arg-type]  # the toc extension's own tokens
        return Converted("\n".join(pieces).strip(), nested, title, used, links)

    def _heading(self, line: str) -> _Heading | None:
        if line not in self._headings:
            self._headings[line] = self._convert(line)
        return self._headings[line]

    def _convert(self, line: str) -> _Heading | None:
        self._md.reset()
        self._title.title = None
        self._anchors.present_anchor_ids = set()
        html = self._md.convert(line)
        tokens: list[dict[str, Any]] = getattr(self._md, "toc_tokens", [])  # as `Page.render` reads them
        anchors = self._anchors.present_anchor_ids
        if len(anchors) != 1 or not _ONE_HEADING.fullmatch(html):
            return None
        (own,) = anchors
        hrefs = _HREF.findall(html)
        # The one link a heading may hold is its permalink: any other would be resolved against
        # the page it is on (MkDocs' `_RelativePathTreeprocessor`).
        if html.count(f' id="{own}"') != 1 or any(href != f"#{own}" for href in hrefs) or len(hrefs) > 1:
            return None
        if html.count("<a ") != len(hrefs) or "<img" in html or len(tokens) > 1:
            return None
        token = tokens[0] if tokens else None
        if token is not None and (token["children"] or token["id"] != own):
            return None
        return _Heading(html, own, token, self._title.title, bool(hrefs))


def install(page: Page, config: MkDocsConfig, converters: list[HeadingPages]) -> None:
    """Replace `Page.render` on this page alone, for its next conversion, by `converted` (then
    `Page.render` itself when the page is not of that shape); `converters` keeps the
    `HeadingPages` of the current Markdown configuration."""
    if "render" in vars(page):  # its conversion is already taken care of (`glue.parallel`)
        return
    real_render = page.render

    def render(config: MkDocsConfig, files: Files) -> None:
        del page.render  # the page's own method again, for any later conversion
        if not converted(page, config, converters):
            real_render(config, files)

    # An instance attribute over the method: only this page, only its next conversion.
    page.render = render  # type: ignore[method-assign]


def converted(page: Page, config: MkDocsConfig, converters: list[HeadingPages]) -> bool:
    """Set on `page` what `Page.render` sets, if its Markdown is of headings and parts only;
    whether it was."""
    # Each build (each rebuild under `mkdocs serve`) has a configuration of its own, glossary
    # tooltips included: headings converted for another are not this one's.
    current = converters[0] if converters else None
    if (
        current is None
        or current.extensions is not config["markdown_extensions"]
        or current.extension_configs is not config["mdx_configs"]
    ):
        converters[:] = [HeadingPages(config)]
    result = converters[0].convert(page.markdown) if page.markdown is not None else None
    if result is None:
        return False
    pages = engine_module(config, "structure.pages")
    page.content = result.content
    page.toc = engine_module(config, "structure.toc").get_toc(result.tokens)
    page._title_from_render = result.title
    page.present_anchor_ids = result.anchors
    # As `Page.render` sets them: the permalinks are links to anchors of the page itself.
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {page.file: result.links} if result.links else {}
    return True
