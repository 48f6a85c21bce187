"""The home page (every topic with its counts and service map) and each topic's overview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...source.document import sections_in
from .. import paths
from .common import EXCLUDED, Page, heading, text
from .indexes import flow_diagram
from .study import topic_deck

if TYPE_CHECKING:
    from ...extract.model import KnowledgeBase, Topic
    from ...source.document import Section


def render_home(kb: KnowledgeBase, site_name: str) -> Page:
    """The home page: every topic with its counts and service map."""
    out = [heading(1, site_name), ""]
    if not kb.topics:
        out += ["No notes yet: add a Markdown file under `notes/` and rebuild.", ""]
    here = paths.home_page()
    for topic in kb.topics:
        out += [f"## [{text(topic.title)}]({paths.relative_link(here, paths.topic_page(topic.slug))})", ""]
        out += [_counts(topic, here), ""]
        out += _service_map(topic, here)
    return Page("\n".join(out))


def _counts(topic: Topic, here: str) -> str:
    """`10 sections · 50 services · 11 categories · 8 flow layers`, each linked to its index."""

    def link(page: str) -> str:
        return paths.relative_link(here, page)

    counts = [
        (len(topic.document.sections), "sections", paths.notes_page(topic.slug)),
        (len(topic.services), "services", paths.services_index(topic.slug)),
        (len(topic.categories), "categories", paths.categories_index(topic.slug)),
        (len(topic.layers), "flow layers", paths.flow_page(topic.slug)),
        (len(topic.certifications), "certifications", paths.certifications_page(topic.slug)),
        (len(topic.glossary), "glossary terms", paths.glossary_page(topic.slug)),
        (len(topic_deck(topic).cards), "flashcards", paths.study_page(topic.slug)),
    ]
    shown = [f"[{count} {what}]({link(page)})" for count, what, page in counts if count or what == "sections"]
    return " · ".join(shown)


def _service_map(topic: Topic, here: str) -> list[str]:
    """The flow as a diagram, then the categories with their counts."""
    out: list[str] = []
    if topic.layers:
        out += flow_diagram(topic, here)
    if topic.categories:
        links = [
            f"[{text(c.name)}]({paths.relative_link(here, paths.category_page(topic.slug, c.slug))})"
            f" ({len(c.services)})"
            for c in topic.categories
        ]
        out += [" · ".join(links), f"{{: .kb-categories {EXCLUDED} }}", ""]
    return out


def render_topic_overview(topic: Topic) -> Page:
    """A topic's overview: counts, the service map and every section, by group."""
    here = paths.topic_page(topic.slug)
    notes = paths.relative_link(here, paths.notes_page(topic.slug))
    out = [
        heading(1, topic.title),
        "",
        f"From {text(topic.source)} · [Read the full notes]({notes})",
        f"{{: {EXCLUDED} }}",
        "",
        _counts(topic, here),
        "",
        *_service_map(topic, here),
        *_glossary_terms(topic, here),
    ]
    top = topic.document.top_sections()
    if top:
        out += ["## Sections", ""]
    current_group: str | None = None
    for section in top:
        if section.group != current_group and section.group is not None:
            out += ["", heading(3, section.group), ""]
            current_group = section.group
        out += _section_items(topic, section, here, depth=0)
    out.append("")
    return Page("\n".join(out))


def _glossary_terms(topic: Topic, here: str) -> list[str]:
    """Every glossary term, linked to its row on the glossary page (hover shows what it stands for)."""
    if not topic.glossary:
        return []
    glossary = paths.glossary_page(topic.slug)
    links = [
        f"[{text(t.term)}]({paths.relative_link(here, glossary, paths.glossary_anchor(t.term))})"
        for t in topic.glossary
    ]
    return ["Glossary: " + " · ".join(links), f"{{: .kb-glossary-terms {EXCLUDED} }}", ""]


def _section_items(topic: Topic, section: Section, here: str, depth: int) -> list[str]:
    link = paths.relative_link(here, paths.section_page(topic.slug, section.slug))
    items = [f"{'    ' * depth}- [{text(section.title)}]({link})"]
    for child in sections_in(section.children):
        items += _section_items(topic, child, here, depth + 1)
    return items
