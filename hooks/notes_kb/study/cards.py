"""Flashcards read off a topic: what the notes already state as question and answer.

Four kinds, each from something the author wrote (nothing is invented):

- TERM: a bullet `**Term**: definition` or `**Term:** definition`; front the term, back the
  definition with everything nested under the bullet.
- EXPANSION: a glossary acronym, both ways (`VPC` → `Virtual Private Cloud` and back).
- SERVICE: a service's one-line summary → which service it is (`Serverless compute service` →
  `Lambda`).
- CERTIFICATION: each part of a certification's study sections (their sub-headings, or the whole
  section when it has none); front the part's title, back its content.

A card whose back would be empty is not made, and a card showing the same front and back as an
earlier one of the topic is left out (a term defined twice alike is one card).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..extract.outline import Bullet, bold_label_end, outline
from ..source.document import Code, Heading, Paragraph, Section, StrayText, Table, walk
from ..source.inline import Inline

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it.token import Token

    from ..extract.model import Topic
    from ..source.document import Node


class CardKind(enum.StrEnum):
    """Where a card comes from (the deck reports its count by kind)."""

    TERM = "term"
    EXPANSION = "expansion"
    SERVICE = "service"
    CERTIFICATION = "certification"


@dataclass(frozen=True)
class Card:
    """One flashcard: a prompt and front to recall from, a back to check against, its source line."""

    id: str
    """Stable while the card's own words stay: a hash of topic, kind and front (never a line
    number, which moves when unrelated notes change). Progress is stored under it."""
    kind: CardKind
    """Where it comes from."""
    topic: str
    """Slug of the topic."""
    prompt: str
    """What the front asks for (`Term`, `Which service?`, a certification's name …)."""
    front: str
    """Plain text, as written."""
    back_text: str
    """The back as plain text (what makes two cards the same)."""
    back_inline: Inline | None = field(default=None, compare=False, repr=False)
    """Inline text the back starts with (a term's definition on its own line)."""
    back_blocks: tuple[Node, ...] = field(default=(), compare=False, repr=False)
    """Blocks of the back, shown as the notes show them."""
    line: int = 0
    """Source line the card comes from."""
    section: str | None = None
    """Slug of the `<expand>` section it sits in (None: outside every section)."""
    service: str | None = None
    """The service a SERVICE card asks for (its slug), for the quiz."""
    certification: str | None = None
    """The certification a CERTIFICATION card belongs to (its name)."""


@dataclass(frozen=True)
class Deck:
    """A topic's cards in source order of their kinds: terms, expansions, services, certifications."""

    topic: str
    """Topic slug."""
    cards: tuple[Card, ...]
    """Every card, no two alike."""

    def count(self, kind: CardKind) -> int:
        """How many cards of one kind."""
        return sum(1 for card in self.cards if card.kind is kind)


def deck(topic: Topic) -> Deck:
    """Every card of one topic (see the module docstring for the kinds)."""
    drafts = [*_term_cards(topic), *_expansion_cards(topic), *_service_cards(topic), *_certification_cards(topic)]
    seen: set[tuple[str, str]] = set()
    taken: set[str] = set()
    cards: list[Card] = []
    for card in drafts:
        key = (_key(card.front), _key(card.back_text))
        if not key[0] or not key[1] or key in seen:
            continue
        seen.add(key)
        identity = _card_id(card, taken)
        taken.add(identity)
        cards.append(dataclasses.replace(card, id=identity))
    return Deck(topic.slug, tuple(cards))


def _term_cards(topic: Topic) -> Iterator[Card]:
    for section in topic.document.sections:
        for bullet in outline(section).bullets:
            definition = _definition(bullet)
            if definition is None:
                continue
            term, rest = definition
            blocks = tuple(node for node in bullet.item.children[1:] if not isinstance(node, Section))
            back_text = " ".join([rest.plain, *(_plain(node) for node in blocks)]).strip()
            yield Card(
                id="",
                kind=CardKind.TERM,
                topic=topic.slug,
                prompt=bullet.heading or section.title,
                front=term,
                back_text=back_text,
                back_inline=rest if rest.plain.strip() else None,
                back_blocks=blocks,
                line=bullet.line,
                section=section.slug,
            )


def _definition(bullet: Bullet) -> tuple[str, Inline] | None:
    """(term, the definition's inline tokens) for `**Term**: …` / `**Term:** …`; else None."""
    first = bullet.item.children[0] if bullet.item.children else None
    if not bullet.bold or not isinstance(first, Paragraph):
        return None
    close = bold_label_end(first.inline)
    if close is None:
        return None
    tokens = first.inline.tokens
    label = Inline(tokens[1:close], first.inline.line).plain.strip()
    rest = list(tokens[close + 1 :])
    if label.endswith(":"):
        label = label.removesuffix(":").strip()
    elif rest and rest[0].type == "text" and rest[0].content.startswith(":"):
        rest[0] = _trimmed(rest[0], rest[0].content[1:])
    else:
        return None
    if rest and rest[0].type == "text":
        rest[0] = _trimmed(rest[0], rest[0].content.lstrip())
    return (label, Inline(tuple(rest), first.inline.line)) if label else None


def _trimmed(token: Token, content: str) -> Token:
    # markdown-it tokens are mutable and shared with the document: copy before changing one.
    return token.copy(content=content)


def _expansion_cards(topic: Topic) -> Iterator[Card]:
    for term in topic.glossary:
        for prompt, front, back in [("Stands for", term.term, term.expansion), ("Acronym", term.expansion, term.term)]:
            yield Card(
                id="",
                kind=CardKind.EXPANSION,
                topic=topic.slug,
                prompt=prompt,
                front=front,
                back_text=back,
                line=term.line,
                section=term.section,
            )


def _service_cards(topic: Topic) -> Iterator[Card]:
    for service in topic.services:
        if not service.summary or _key(service.summary) in {_key(name) for name in service.names()}:
            continue
        source = service.fragments[0] if service.fragments else None
        yield Card(
            id="",
            kind=CardKind.SERVICE,
            topic=topic.slug,
            prompt="Which service?",
            front=service.summary,
            back_text=service.title,
            line=source.line if source else (service.mentions[0].line if service.mentions else 0),
            section=source.section if source else (service.mentions[0].section if service.mentions else None),
            service=service.slug,
        )


def _certification_cards(topic: Topic) -> Iterator[Card]:
    for certification in topic.certifications:
        for slug in certification.sections:
            section = topic.document.section(slug)
            found = outline(section)
            # The section's first heading usually repeats its title and owns the rest: study
            # parts are the headings one level below it.
            parts = [h for h in found.headings if _key(h.title) != _key(section.title)]
            top = min((h.level for h in parts), default=0)
            parts = [h for h in parts if h.level == top]
            if not parts:
                blocks = tuple(b for b in found.blocks if not (found.headings and b.start == found.headings[0].line))
                parts_or_whole = [(section.title, section.line, blocks)]
            else:
                parts_or_whole = [(h.title, h.line, h.blocks) for h in parts]
            for title, line, blocks in parts_or_whole:
                yield Card(
                    id="",
                    kind=CardKind.CERTIFICATION,
                    topic=topic.slug,
                    prompt=certification.name,
                    front=title,
                    back_text=" ".join(_plain(node) for node in blocks).strip(),
                    back_blocks=blocks,
                    line=line,
                    section=slug,
                    certification=certification.name,
                )


def _plain(node: Node) -> str:
    """The text of a block and everything in it, for comparing backs."""
    pieces: list[str] = []
    for inner in walk((node,), into_sections=False):
        if isinstance(inner, Paragraph | Heading):
            pieces.append(inner.inline.plain)
        elif isinstance(inner, Table):
            pieces += [cell.plain for row in (inner.header, *inner.rows) for cell in row]
        elif isinstance(inner, Code | StrayText):
            pieces.append(inner.text)
    return " ".join(pieces)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _card_id(card: Card, taken: set[str]) -> str:
    base = f"{card.topic}\0{card.kind.value}\0{_key(card.front)}"
    identity = _digest(base)
    # Two cards of one front (a term defined differently in two places) tell apart by their backs.
    return identity if identity not in taken else _digest(f"{base}\0{_key(card.back_text)}")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]
