"""The site's nav: MkDocs `nav` entries for the generated pages.

Service, category and layer pages stay out of the nav, reached from their indexes: a nav that
grows with the service count makes every page's build cost grow with it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..source.document import sections_in
from . import paths

if TYPE_CHECKING:
    from collections.abc import Container

    from ..extract.model import KnowledgeBase, Topic
    from ..source.document import Section

NavEntry = str | dict[str, "str | list[NavEntry]"]
"""A page path, or `{title: path}`, or `{title: [entries]}` (MkDocs' `nav` format; titles plain text)."""


def site_nav(kb: KnowledgeBase, pages: Container[str], max_sections: int) -> list[NavEntry]:
    """Home, then each topic's pages (see `topic_nav`)."""
    entries: list[NavEntry] = [{"Home": paths.home_page()}]
    if paths.library_study_page() in pages:
        entries.append({"Study all topics": paths.library_study_page()})
    entries += [{topic.title: topic_nav(topic, pages, max_sections)} for topic in kb.topics]
    return entries


def topic_nav(topic: Topic, pages: Container[str], max_sections: int) -> list[NavEntry]:
    """Overview, full notes, the knowledge indexes, then the sections under their group.

    With Material's `navigation.prune` a page renders the topics and its own topic's entries;
    a topic of more than `max_sections` sections lists none of them, so that cost stays bounded
    (the overview lists them all, and each section page links its neighbours).
    """
    entries: list[NavEntry] = [paths.topic_page(topic.slug), {"Full notes": paths.notes_page(topic.slug)}]
    for title, page in [
        ("Services", paths.services_index(topic.slug)),
        ("Categories", paths.categories_index(topic.slug)),
        ("Service flow", paths.flow_page(topic.slug)),
        ("Certifications", paths.certifications_page(topic.slug)),
        ("Glossary", paths.glossary_page(topic.slug)),
        ("Study", paths.study_page(topic.slug)),
        ("Graph", paths.graph_page(topic.slug)),
    ]:
        if page in pages:
            entries.append({title: page})
    if len(topic.document.sections) > max_sections:
        return entries
    groups: dict[str, list[NavEntry]] = {}
    for section in topic.document.top_sections():
        entry = _section_nav(topic, section)
        if section.group is None:
            entries.append(entry)
        else:
            groups.setdefault(section.group, []).append(entry)
    entries.extend({name: children} for name, children in groups.items())
    return entries


def _section_nav(topic: Topic, section: Section) -> NavEntry:
    page = paths.section_page(topic.slug, section.slug)
    children = sections_in(section.children)
    if not children:
        return {section.title: page}
    return {section.title: [page, *(_section_nav(topic, child) for child in children)]}


def nav_pages(entries: list[NavEntry]) -> list[str]:
    """Every page path in nav entries."""
    found: list[str] = []
    for entry in entries:
        if isinstance(entry, str):
            found.append(entry)
            continue
        for value in entry.values():
            found += [value] if isinstance(value, str) else nav_pages(value)
    return found
