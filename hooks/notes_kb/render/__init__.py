"""Render stage: knowledge base → generated pages (Markdown + HTML parts), nav and `kb.json`.

    render(kb, options) -> RenderedSite

One module per page kind under `pages/`; `blocks.py` and `inline.py` are the bridge that hands
Python-Markdown the notes with CommonMark's structure; `code.py` highlights code; HTML fragments
come from templates (`fragments.py`). Links between generated pages are relative `.md` links in
Markdown and `kb:` links in HTML parts, both resolved by the glue from MkDocs' own `File`s.
No MkDocs imports.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from ..extract.model import FragmentKind
from ..workers import render_all
from . import paths
from .code import Highlighter
from .fragments import Fragments
from .nav import NavEntry, site_nav
from .pages.common import Page
from .pages.graph import render_graph_page
from .pages.indexes import (
    render_categories_index,
    render_category_page,
    render_flow_page,
    render_layer_page,
    render_services_index,
)
from .pages.notes import SectionInfo, anchorable_lines, render_full_notes, render_section_page, section_infos
from .pages.reference import render_certifications, render_glossary
from .pages.service import render_service_page
from .pages.study import library_study_page, study_pages, topic_deck
from .pages.topic import render_home, render_topic_overview
from .previews import Preview, previews

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from pathlib import Path

    from ..extract.model import KnowledgeBase, Topic

__all__ = [
    "Page",
    "RenderOptions",
    "RenderedSite",
    "render",
    "render_site_pages",
    "render_topic_pages",
    "site_glossary",
]


@dataclass(frozen=True)
class RenderOptions:
    """What the render stage needs to know about the site."""

    site_name: str = "Study Notes"
    """Shown on the home page."""
    template_dirs: Sequence[Path | str] = ()
    """Where `kb/*.html` fragment templates are looked up, in order."""
    highlight: dict[str, object] = field(default_factory=dict)
    """The site's `pymdownx.highlight` options."""
    nav_sections: int = 40
    """A topic with more sections than this lists none in the nav (each page renders the nav:
    a page's cost must not grow with the notes); its overview and its pages link them all."""


@dataclass(frozen=True)
class RenderedSite:
    """Generated pages and what the glue needs to put them together."""

    pages: dict[str, Page]
    """Every generated page by its docs-relative path (`aws/notes.md`)."""
    nav: list[NavEntry]
    """MkDocs `nav` entries: titles are plain text, the glue escapes them."""
    sections: dict[str, SectionInfo]
    """Section pages by path, for showing them inside other pages."""
    abbreviations: dict[str, str]
    """Every glossary term and its expansion, shown as tooltips on every page."""
    previews: dict[str, Preview] = field(default_factory=dict)
    """Hover previews by link target (`render.previews`); the glue embeds those a page links to."""


def render(kb: KnowledgeBase, options: RenderOptions) -> RenderedSite:
    """Every generated page of the site, its nav, its sections and its glossary."""
    pages: dict[str, Page] = {}
    glossary = site_glossary(kb.topics)
    for topic in kb.topics:
        pages.update(render_topic_pages(topic, options, glossary))
    return render_site_pages(kb, options, pages)


def site_glossary(topics: Iterable[Topic]) -> dict[str, str]:
    """Every glossary term of the site and its expansion (a topic's first definition of a term
    wins, then the first topic's), sorted by term: the tooltips of every page."""
    glossary: dict[str, str] = {}
    for topic in topics:
        for term in topic.glossary:
            glossary.setdefault(term.term, term.expansion)
    return dict(sorted(glossary.items()))


def render_topic_pages(topic: Topic, options: RenderOptions, glossary: Mapping[str, str]) -> dict[str, Page]:
    """The pages of one topic (see `render_topic`); `glossary` is the site's (`site_glossary`)."""
    highlight, fragments = _tools(tuple(str(d) for d in options.template_dirs), json.dumps(options.highlight))
    return render_topic(topic, highlight, fragments, glossary)


def render_site_pages(kb: KnowledgeBase, options: RenderOptions, topic_pages: dict[str, Page]) -> RenderedSite:
    """The site around the topics' pages: the home page, the nav, the sections, the glossary."""
    pages = {paths.home_page(): render_home(kb, options.site_name), **topic_pages}
    highlight, fragments = _tools(tuple(str(d) for d in options.template_dirs), json.dumps(options.highlight))
    if (study := library_study_page(kb, highlight, fragments)) is not None:
        pages[paths.library_study_page()] = study
    sections: dict[str, SectionInfo] = {}
    for topic in kb.topics:
        sections.update(section_infos(topic))
    nav = site_nav(kb, pages, options.nav_sections)
    return RenderedSite(pages, nav, sections, site_glossary(kb.topics), previews(kb))


def forget_topics() -> None:
    """Let go of what the render stage keeps per topic (decks, anchorable lines) for the next
    build of the same notes: nothing renders after it in a single build."""
    topic_deck.cache_clear()
    anchorable_lines.cache_clear()


@functools.lru_cache(maxsize=8)
def _tools(template_dirs: tuple[str, ...], highlight: str) -> tuple[Highlighter, Fragments]:
    # One highlighter and one template environment per site configuration: templates compile once.
    return Highlighter(json.loads(highlight)), Fragments(template_dirs)


def render_topic(
    topic: Topic, highlight: Highlighter, fragments: Fragments, glossary: Mapping[str, str]
) -> dict[str, Page]:
    """The pages of one topic (knowledge pages only when the notes describe services); `glossary`
    gives the tooltips of what the render stage writes as HTML itself (the notes' blocks on
    section, full-notes and service pages)."""
    t = topic.slug
    anchored = anchorable_lines(topic.document)
    referenced = _referenced_lines(topic) & anchored
    # Every page is a pure function of the topic: thousands of them under `mkdocs build` are
    # rendered on every core (`notes_kb.workers`). Pages keep the jobs' order.
    jobs: list[_Job] = [
        (paths.topic_page(t), partial(render_topic_overview, topic)),
        (paths.notes_page(t), partial(render_full_notes, topic, highlight, referenced, fragments, glossary)),
    ]
    for index, section in enumerate(topic.document.sections):
        jobs.append(
            (
                paths.section_page(t, section.slug),
                partial(render_section_page, topic, index, highlight, referenced, glossary),
            )
        )
    if topic.services:
        jobs.append((paths.services_index(t), partial(render_services_index, topic)))
        for service in topic.services:
            job = partial(render_service_page, topic, service, highlight, fragments, referenced, glossary=glossary)
            jobs.append((paths.service_page(t, service.slug), job))
        jobs.append((paths.graph_page(t), partial(render_graph_page, topic, fragments)))
    if topic.categories:
        jobs.append((paths.categories_index(t), partial(render_categories_index, topic)))
        for category in topic.categories:
            jobs.append((paths.category_page(t, category.slug), partial(render_category_page, topic, category)))
    if topic.layers:
        jobs.append((paths.flow_page(t), partial(render_flow_page, topic)))
        for layer in topic.layers:
            jobs.append((paths.layer_page(t, layer.slug), partial(render_layer_page, topic, layer)))
    if topic.certifications:
        jobs.append((paths.certifications_page(t), partial(render_certifications, topic, referenced)))
    if topic.glossary:
        jobs.append((paths.glossary_page(t), partial(render_glossary, topic, referenced, glossary)))
    jobs.append((None, partial(study_pages, topic, highlight, fragments)))
    # Longest first: the study pages (every card) and the notes' pages take the longest, and the
    # last job to start sets when the workers are done. Pages keep the jobs' order all the same.
    heavy = {None, paths.notes_page(t), *(paths.section_page(t, s.slug) for s in topic.document.sections)}
    order = sorted(range(len(jobs)), key=lambda index: jobs[index][0] not in heavy)
    rendered = dict(zip(order, render_all(_rendered, [jobs[index] for index in order]), strict=True))
    pages: dict[str, Page] = {}
    for index in range(len(jobs)):
        pages.update(rendered[index])
    return pages


_Job = tuple["str | None", "Callable[[], Page | dict[str, Page]]"]
"""A page's path and how to render it, or None and how to render several pages by path."""


def _rendered(job: _Job) -> dict[str, Page]:
    path, render = job
    result = render()
    if isinstance(result, Page):
        assert path is not None
        return {path: result}
    return result


def _referenced_lines(topic: Topic) -> set[int]:
    """Lines other pages link to: where fragments start, every mention, glossary, ratings and cards."""
    lines = {f.line for s in topic.services for f in s.fragments if f.kind is not FragmentKind.SECTION}
    lines |= {m.line for s in topic.services for m in s.mentions}
    lines |= {t.line for t in topic.glossary} | {c.line for c in topic.certifications}
    return lines | {card.line for card in topic_deck(topic).cards}
