"""The notes themselves: one page per `<expand>` section, and the topic's full-notes page.

Each section's own blocks are converted once, on its own page. A nested section is a marker
there (and on the full-notes page, which holds only the text outside sections and a marker per
top-level section): the glue fills each marker with the section's converted body as a collapsed
block (`glue.compose`), so the full notes cost no second conversion and show exactly what the
section pages show.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...source.document import Heading, Paragraph, walk
from .. import paths
from ..autolink import Linker
from ..blocks import BlockWriter
from .common import Page, front_matter, heading, text

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping

    from ...extract.model import Topic
    from ...source.document import Code, NotesDocument
    from ..fragments import Fragments

BODY_MARKER = "<!-- kb-body -->"
"""Where a page's own content starts: what the glue embeds of a section page."""


@dataclass(frozen=True)
class SectionInfo:
    """What the glue needs to show a section inside another page."""

    title: str
    """The section title as written."""
    anchor: str
    """Its id on the full-notes page (the section slug)."""


def section_marker(page: str) -> str:
    """The marker for the section whose page is `page` (`aws/sections/lambda.md`)."""
    return f"<!-- kb-section:{page} -->"


@functools.lru_cache(maxsize=64)
def anchorable_lines(document: NotesDocument) -> frozenset[int]:
    """Lines that carry an id (`L12`) when a page links to them: the start of a line of text in
    a paragraph or heading (table rows and code do not have a place for one)."""
    lines: set[int] = set()
    for node in walk(document.children):
        if isinstance(node, Paragraph | Heading):
            lines.update(line.number for line in node.inline.lines())
    return frozenset(lines)


def render_section_page(
    topic: Topic,
    index: int,
    highlight: Callable[[Code], str],
    anchors: Collection[int],
    glossary: Mapping[str, str],
) -> Page:
    """The `index`th section as a page: its own blocks, nested sections as markers the glue fills
    in; `glossary` (the site's) gives the tooltips of the blocks written as HTML."""
    section = topic.document.sections[index]
    here = paths.section_page(topic.slug, section.slug)
    notes_link = paths.relative_link(here, paths.notes_page(topic.slug), section.slug)
    trail = [s.title for s in topic.document.ancestors(section)]
    context = " › ".join([topic.title, *trail])
    writer = _writer(topic, highlight, anchors, glossary)
    out = [
        # Below service pages, which quote the same lines about one service each.
        *front_matter(boost=0.7),
        heading(1, section.title),
        "",
        f"{text(context)} · [in the full notes]({notes_link}) · {text(f'{topic.source}:{section.line}')}",
        # The trail and the neighbours name other pages: search finds those where they are.
        "{: .kb-source data-search-exclude }",
        "",
        *_neighbours(topic, index, here),
        BODY_MARKER,
        "",
        *writer.write(section.children),
        "",
    ]
    return Page("\n".join(out), writer.parts)


def _neighbours(topic: Topic, index: int, here: str) -> list[str]:
    """Links to the sections before and after the `index`th in the notes (the nav may not list them)."""
    order = topic.document.sections
    links = []
    if index > 0:
        before = order[index - 1]
        links.append(
            f"← [{text(before.title)}]({paths.relative_link(here, paths.section_page(topic.slug, before.slug))})"
        )
    if index + 1 < len(order):
        after = order[index + 1]
        links.append(
            f"[{text(after.title)}]({paths.relative_link(here, paths.section_page(topic.slug, after.slug))}) →"
        )
    return [" · ".join(links), "{: .kb-neighbours data-search-exclude }", ""] if links else []


def render_full_notes(
    topic: Topic,
    highlight: Callable[[Code], str],
    anchors: Collection[int],
    fragments: Fragments,
    glossary: Mapping[str, str],
) -> Page:
    """The whole notes file in source order, each section a collapsible block (filled in by the glue),
    under "Expand all" / "Collapse all" buttons (template `kb/details-tools.html`)."""
    writer = _writer(topic, highlight, anchors, glossary)
    # Every line of it is on a section page, the better search hit: indexing it again would double
    # the search index (and its build time) for no result a reader wants.
    out = [
        *front_matter(exclude=True),
        heading(1, topic.title),
        "",
        fragments.render("details-tools"),
        "",
        BODY_MARKER,
        "",
        *writer.write(topic.document.children),
        "",
    ]
    return Page("\n".join(out), writer.parts)


def _writer(
    topic: Topic, highlight: Callable[[Code], str], anchors: Collection[int], glossary: Mapping[str, str]
) -> BlockWriter:
    linker = Linker(topic.names, topic.slug)
    # Blocks without a heading go as HTML (`render.html`): Python-Markdown would parse again what
    # markdown-it parsed, and was the largest part of building a large topic's section pages.
    return BlockWriter(
        highlight=highlight,
        section_marker=lambda s: section_marker(paths.section_page(topic.slug, s.slug)),
        link_text=linker.markdown,
        new_section=linker.new_section,
        anchors=anchors,
        html_text=linker.text_html(glossary),
    )


def section_infos(topic: Topic) -> dict[str, SectionInfo]:
    """Every section page of the topic with its title and anchor."""
    return {paths.section_page(topic.slug, s.slug): SectionInfo(s.title, s.slug) for s in topic.document.sections}
