"""What MkDocs shows around the generated pages: the nav titles and the full notes' contents."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..source.document import Section, sections_in

if TYPE_CHECKING:
    from ..extract.model import Topic
    from ..render.nav import NavEntry


SectionTree = tuple[tuple[str, str, "SectionTree"], ...]
"""Sections as (title, slug, subsections), nested as in the notes."""


def section_tree(topic: Topic) -> SectionTree:
    """The topic's sections, nested as in the notes: all its full-notes page's contents need."""

    def tree(sections: list[Section]) -> SectionTree:
        return tuple((s.title, s.slug, tree(sections_in(s.children))) for s in sections)

    return tree(topic.document.top_sections())


def sections_toc(sections: SectionTree, converted: TableOfContents) -> TableOfContents:
    """The full-notes page's table of contents: its title, then its sections nested as in the notes.

    The title stays first: Material's "Skip to content" link points at the first entry.
    """

    def links(tree: SectionTree, level: int) -> list[AnchorLink]:
        out = []
        for title, slug, children in tree:
            link = AnchorLink(title, slug, level)
            link.children = links(children, level + 1)
            out.append(link)
        return out

    entries = links(sections, 2)
    if not converted.items:
        return TableOfContents(entries)
    title = converted.items[0]
    title.children = entries
    return TableOfContents([title])


def escaped(entry: NavEntry) -> NavEntry:
    """A nav entry with its titles escaped: Material prints nav titles unescaped, and a section
    titled `<script>` must stay text."""
    if isinstance(entry, str):
        return entry
    return {
        html.escape(title, quote=True): value if isinstance(value, str) else [escaped(child) for child in value]
        for title, value in entry.items()
    }
