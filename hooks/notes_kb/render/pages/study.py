"""Study pages: a topic's flashcards, each certification's, and every topic's together.

The cards are an HTML part (`kb/deck.html`), spliced in after conversion: they quote the notes,
which search finds on their own pages, so study pages stay out of the index. The browser turns
the list into a review session scheduled by FSRS and a quiz (docs/assets/kb-study.js).
"""

from __future__ import annotations

import functools
import html
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from ...slugs import slugify
from ...study import CardKind, Deck, deck
from .. import paths
from ..blocks import part_marker
from ..html import inline_html, node_html
from .common import EXCLUDED, Page, Parts, compressed, front_matter, heading, text
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

_CARDS = Markup("\0kb-cards\0")
"""Where the cards go in the deck's template (text no template or card can hold)."""

KIND_LABELS = {
    CardKind.TERM: ("term", "terms"),
    CardKind.EXPANSION: ("expansion", "expansions"),
    CardKind.SERVICE: ("service", "services"),
    CardKind.CERTIFICATION: ("certification part", "certification parts"),
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
    titles = {topic.slug: topic.title}
    here = paths.study_page(topic.slug)
    pages: dict[str, Page] = {}
    decks = []
    for certification in topic.certifications:
        sections = _with_subsections(topic, certification.sections)
        chosen = [item for item in items if item.section in sections]
        if chosen:
            page = paths.certification_study_page(topic.slug, certification_slug(certification))
            name = f"{topic.slug}/{certification_slug(certification)}"
            pages[page] = _page(f"Study: {certification.name}", name, chosen, titles, fragments)
            decks.append(f"[{text(certification.name)}]({paths.relative_link(here, page)}) ({len(chosen)})")
    intro = ["Decks of one certification's study sections: " + " · ".join(decks)] if decks else []
    # The topic's own page first: pages keep the order they are listed in.
    return {here: _page(f"Study: {topic.title}", topic.slug, items, titles, fragments, intro=intro), **pages}


def library_study_page(kb: KnowledgeBase, highlight: Callable[[Code], str], fragments: Fragments) -> Page | None:
    """Every topic's cards on one page (None unless two topics or more have cards: with one, its
    own study page is the same deck)."""
    topics = [topic for topic in kb.topics if topic_deck(topic).cards]
    if len(topics) < 2:
        return None
    items = [item for topic in topics for item in deck_items(topic, highlight)]
    return _page("Study all topics", "library", items, {t.slug: t.title for t in topics}, fragments)


@dataclass(frozen=True)
class CardHtml:
    """One card as the deck lists it."""

    kind: str
    """Its `CardKind` value (the deck counts them)."""
    section: str | None
    """Slug of its section (certification decks choose by it)."""
    html: str
    """The `<li class="kb-card">`."""


def deck_items(topic: Topic, highlight: Callable[[Code], str]) -> tuple[CardHtml, ...]:
    """Every card of the topic as HTML, for its study pages (and the library's, made anew: a
    large topic's cards are tens of megabytes, not kept for the whole build).

    A card's line has an id on the full notes whenever it can carry one: `render_topic` counts
    card lines among the lines other pages link to.
    """
    anchored = anchorable_lines(topic.document)
    return tuple(
        CardHtml(card.kind.value, card.section, _card_html(topic, card, highlight, anchored))
        for card in topic_deck(topic).cards
    )


def _card_html(topic: Topic, card: Card, highlight: Callable[[Code], str], anchored: Collection[int]) -> str:
    # Written here rather than by a template: a large topic has ten thousand cards and more, and
    # a template call per card would cost seconds of every build (the deck around them is
    # `kb/deck.html`). Every value is escaped; the back is HTML from the notes' own blocks.
    section = card.section or (topic.document.sections[0].slug if topic.document.sections else "")
    attributes = f'data-card="{card.id}" data-kind="{card.kind.value}" data-topic="{html.escape(card.topic)}"'
    if card.service is not None:
        service = topic.service(card.service)
        # The quiz draws wrong answers from services that share a category or a flow layer, and
        # offers short names: a full name often repeats the question's words ("Simple Email Service").
        groups = " ".join([*(f"c:{c}" for c in service.categories), *(f"l:{layer}" for layer in service.layers)])
        attributes += (
            f' data-service="{html.escape(card.service)}" data-name="{html.escape(service.name)}"'
            f' data-groups="{html.escape(groups)}"'
        )
    href = (
        line_target(topic, card.line, section, anchored) if card.line else paths.kb_link(paths.notes_page(topic.slug))
    )
    return (
        f'<li class="kb-card" {attributes}>\n'
        f'<p class="kb-card-prompt">{html.escape(card.prompt)}</p>\n'
        f'<div class="kb-card-front"><p>{html.escape(card.front)}</p></div>\n'
        f'<div class="kb-card-back">{_back(topic, card, highlight)}</div>\n'
        f'<p class="kb-card-source"><a href="{html.escape(href)}">{html.escape(topic.source)}:{card.line}</a></p>\n'
        "</li>"
    )


def _back(topic: Topic, card: Card, highlight: Callable[[Code], str]) -> str:
    if card.service is not None:
        href = paths.kb_link(paths.service_page(topic.slug, card.service))
        return f'<p><a href="{href}">{html.escape(card.back_text)}</a></p>'
    parts = [f"<p>{inline_html(card.back_inline)}</p>"] if card.back_inline is not None else []
    parts += [node_html(node, highlight) for node in card.back_blocks]
    return "\n".join(parts) if parts else f"<p>{html.escape(card.back_text)}</p>"


def certification_cards(topic: Topic, certification: Certification) -> int:
    """How many cards the certification's study page holds (0: it has none), for other pages
    (the certifications table); the same rule as `study_pages`."""
    sections = _with_subsections(topic, certification.sections)
    return sum(1 for card in topic_deck(topic).cards if card.section in sections)


def _with_subsections(topic: Topic, slugs: Sequence[str]) -> frozenset[str]:
    found: set[str] = set()
    for slug in slugs:
        section = topic.document.section(slug)
        found.add(slug)
        found |= {s.slug for s in topic.document.sections if section.start < s.start <= section.end}
    return frozenset(found)


def _page(
    title: str,
    name: str,
    items: Sequence[CardHtml],
    topics: dict[str, str],
    fragments: Fragments,
    *,
    intro: Sequence[str] = (),
) -> Page:
    kinds = [(sum(1 for i in items if i.kind == kind.value), labels) for kind, labels in KIND_LABELS.items()]
    counts = [(count, labels[count != 1]) for count, labels in kinds if count]
    out = [
        *front_matter(exclude=True, scripts=SCRIPTS),
        heading(1, title),
        "",
        text(
            "Recall the back of each card, then grade yourself: the schedule brings a card back just "
            "before you would forget it. Progress stays in this browser; export it to carry it to another."
        ),
        "",
        *(line for paragraph in intro for line in (paragraph, f"{{: {EXCLUDED} }}", "")),
        part_marker("deck"),
        "",
    ]
    # The template renders around a placeholder; the cards go in as the deck is compressed, so the
    # deck's HTML is never whole in memory (15 MB at 5,000 services, three copies otherwise).
    deck = {"name": name, "counts": counts, "size": len(items), "topics": json.dumps(topics), "cards": _CARDS}
    before, after = fragments.render("deck", deck=deck).split(_CARDS)
    cards = (piece for index, item in enumerate(items) for piece in ((item.html,) if not index else ("\n", item.html)))
    return Page("\n".join(out), Parts({"deck": compressed([before, *cards, after])}), frozenset({"deck"}))
