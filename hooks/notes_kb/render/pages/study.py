"""Study pages: a topic's flashcards, each certification's, and every topic's together.

The cards are an HTML part (`kb/deck.html`), spliced in after conversion: they quote the notes,
which search finds on their own pages, so study pages stay out of the index. The browser turns
the list into a review session scheduled by FSRS and a quiz (docs/assets/kb-study.js).
"""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING

from markupsafe import Markup

from ...slugs import slugify
from ...study import CardKind, Deck, deck
from .. import paths
from ..blocks import part_marker
from ..html import inline_html, node_html
from .common import Page, front_matter, heading, text
from .notes import anchorable_lines
from .service import line_target

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Sequence

    from ...extract.model import Certification, KnowledgeBase, Topic
    from ...source.document import Code
    from ...study import Card
    from ..fragments import Fragments

SCRIPTS = ["assets/vendor/ts-fsrs/ts-fsrs.umd.js", "assets/kb-study.js"]
"""What a study page loads besides the site's own scripts (ts-fsrs from npm, see the Makefile)."""

KIND_LABELS = {
    CardKind.TERM: "terms",
    CardKind.EXPANSION: "expansions",
    CardKind.SERVICE: "services",
    CardKind.CERTIFICATION: "certification parts",
}


@functools.lru_cache(maxsize=256)
def topic_deck(topic: Topic) -> Deck:
    """The topic's deck, made once per topic (topics of unchanged notes are reused between builds)."""
    return deck(topic)


def certification_slug(certification: Certification) -> str:
    """The slug of a certification's study page."""
    return slugify(certification.name) or "certification"


def study_pages(topic: Topic, highlight: Callable[[Code], str], fragments: Fragments) -> dict[str, Page]:
    """The topic's study page, and one per certification that has study sections."""
    cards = topic_deck(topic).cards
    if not cards:
        return {}
    items = deck_items(topic, highlight)
    pages = {paths.study_page(topic.slug): _page(f"Study: {topic.title}", topic.slug, items, fragments)}
    for certification in topic.certifications:
        sections = _with_subsections(topic, certification.sections)
        chosen = [item for card, item in zip(cards, items, strict=True) if card.section in sections]
        if chosen:
            # One rule for which cards a certification has: `certification_cards` counts these.
            page = paths.certification_study_page(topic.slug, certification_slug(certification))
            name = f"{topic.slug}/{certification_slug(certification)}"
            pages[page] = _page(f"Study: {certification.name}", name, chosen, fragments)
    return pages


def library_study_page(kb: KnowledgeBase, highlight: Callable[[Code], str], fragments: Fragments) -> Page | None:
    """Every topic's cards on one page (None when no topic has any)."""
    items = [item for topic in kb.topics for item in deck_items(topic, highlight)]
    return _page("Study all topics", "library", items, fragments) if items else None


@functools.lru_cache(maxsize=64)
def deck_items(topic: Topic, highlight: Callable[[Code], str]) -> tuple[dict[str, object], ...]:
    """What `kb/deck.html` shows of each card of the topic (made once per topic, for its study
    pages and the library's). A card's line has an id on the full notes whenever it can carry
    one: `render_topic` counts card lines among the lines other pages link to."""
    anchored = anchorable_lines(topic.document)
    return tuple(_item(topic, card, highlight, anchored) for card in topic_deck(topic).cards)


def _item(topic: Topic, card: Card, highlight: Callable[[Code], str], anchored: Collection[int]) -> dict[str, object]:
    section = card.section or (topic.document.sections[0].slug if topic.document.sections else "")
    groups = ""
    if card.service is not None:
        service = topic.service(card.service)
        # The quiz draws wrong answers from services that share a category or a flow layer.
        groups = " ".join([*(f"c:{c}" for c in service.categories), *(f"l:{layer}" for layer in service.layers)])
    return {
        "id": card.id,
        "kind": card.kind.value,
        "topic": card.topic,
        "prompt": card.prompt,
        "front": card.front,
        "back": Markup(_back(topic, card, highlight)),
        "href": line_target(topic, card.line, section, anchored)
        if card.line
        else paths.kb_link(paths.notes_page(topic.slug)),
        "source": f"{topic.source}:{card.line}",
        "service": card.service,
        "groups": groups,
    }


def _back(topic: Topic, card: Card, highlight: Callable[[Code], str]) -> str:
    if card.service is not None:
        href = paths.kb_link(paths.service_page(topic.slug, card.service))
        return f'<p><a href="{href}">{html.escape(card.back_text)}</a></p>'
    parts = [f"<p>{inline_html(card.back_inline)}</p>"] if card.back_inline is not None else []
    parts += [node_html(node, highlight) for node in card.back_blocks]
    return "\n".join(parts) if parts else f"<p>{html.escape(card.back_text)}</p>"


def certification_cards(topic: Topic, certification: Certification) -> int:
    """How many cards the certification's study page holds (0: it has none)."""
    sections = _with_subsections(topic, certification.sections)
    return sum(1 for card in topic_deck(topic).cards if card.section in sections)


def _with_subsections(topic: Topic, slugs: Sequence[str]) -> frozenset[str]:
    found: set[str] = set()
    for slug in slugs:
        section = topic.document.section(slug)
        found.add(slug)
        found |= {s.slug for s in topic.document.sections if section.start < s.start <= section.end}
    return frozenset(found)


def _page(title: str, name: str, items: Sequence[dict[str, object]], fragments: Fragments) -> Page:
    kinds = [(sum(1 for i in items if i["kind"] == kind.value), label) for kind, label in KIND_LABELS.items()]
    counts = [(count, label) for count, label in kinds if count]
    out = [
        *front_matter(exclude=True, scripts=SCRIPTS),
        heading(1, title),
        "",
        text(
            "Recall the back of each card, then grade yourself: the schedule brings a card back just "
            "before you would forget it. Progress stays in this browser; export it to carry it to another."
        ),
        "",
        part_marker("deck"),
        "",
    ]
    deck_html = fragments.render("deck", deck={"name": name, "counts": counts, "cards": list(items)})
    return Page("\n".join(out), {"deck": deck_html}, frozenset({"deck"}))
