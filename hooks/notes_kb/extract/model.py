"""The knowledge model: what the notes say, in the reader's words (services, categories, flow …).

Frozen: extract builds it (with mutable builders of its own) and every later stage only reads it.
Everything refers to everything else by slug; `as_dict()` is the one serialisation, used for the
golden files and, with URLs added by the render stage, for the site's `kb.json`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..source.document import Node, NotesDocument
    from .names import NameFinder


class FragmentKind(enum.StrEnum):
    """How a piece of the notes came to be about a service."""

    SECTION = "section"
    """A whole `<expand>` section whose title names the service."""
    SUBSECTION = "subsection"
    """A sub-heading naming the service, with the blocks up to the next heading of its level."""
    BULLET = "bullet"
    """A list item whose bold label names the service, with everything nested in it."""


@dataclass(frozen=True)
class Fragment:
    """A contiguous piece of the notes about one service."""

    kind: FragmentKind
    """Why it is about the service."""
    section: str
    """Slug of the `<expand>` section it sits in."""
    heading: str | None
    """The sub-heading it sits under (for a SUBSECTION: the heading naming the service)."""
    blocks: tuple[Node, ...] = field(compare=False, repr=False)
    """The blocks, in order (a SUBSECTION's heading is not among them)."""
    line: int = 0
    """Line where the fragment starts (the heading's for a SUBSECTION)."""
    end: int = 0
    """Last line it holds."""


@dataclass(frozen=True)
class Mention:
    """A line that names a service outside that service's own fragments."""

    section: str
    """Slug of the `<expand>` section the line sits in."""
    heading: str | None
    """The sub-heading it sits under, if any."""
    line: int
    """The line's number."""
    snippet: str
    """The plain text around the name (`…CodePipeline, Lambda, Step…`), never a whole long line."""


@dataclass(frozen=True)
class Service:
    """A named product of the topic (EC2, Lambda …): one page, however many names it goes by."""

    name: str
    """Canonical name as the strongest source writes it (`EC2`, `AWS Shield`)."""
    slug: str
    """Page slug (`ec2`)."""
    full_name: str | None
    """The expansion the notes give (`Elastic Compute Cloud`)."""
    aliases: tuple[str, ...]
    """Every other name the notes use for it (`ASG`, `Auto Scaling Group`, `EC2 Auto Scaling`)."""
    summary: str
    """One line about it, from its catalog bullet (else its first bullet)."""
    categories: tuple[str, ...]
    """Category slugs, in the order the notes give them."""
    layers: tuple[str, ...]
    """Flow layer slugs."""
    fragments: tuple[Fragment, ...]
    """Everything the notes say about it, in source order."""
    mentions: tuple[Mention, ...]
    """Other lines naming it, in source order."""
    related: tuple[str, ...]
    """Slugs of related services, most related first."""

    @property
    def title(self) -> str:
        """`EC2 — Elastic Compute Cloud`, or the name alone."""
        return f"{self.name} — {self.full_name}" if self.full_name else self.name

    def names(self) -> list[str]:
        """Name, full name and aliases, without repeats."""
        return list(dict.fromkeys([self.name, *([self.full_name] if self.full_name else []), *self.aliases]))


@dataclass(frozen=True)
class Category:
    """A group of services (`Compute`), from a `### Compute Services` heading or a "by Category" list."""

    name: str
    """As written."""
    slug: str
    """Page slug."""
    services: tuple[str, ...]
    """Service slugs, in the order the notes list them."""
    line: int
    """Where the notes first name the category."""


@dataclass(frozen=True)
class FlowLayer:
    """One step of the service flow (`1️⃣ Web (How users come in)`)."""

    name: str
    """Short name (`Web`)."""
    order: int
    """1-based position in the flow."""
    slug: str
    """Page slug."""
    description: str
    """The parenthesised gloss (`How users come in`)."""
    label: str
    """The label exactly as written."""
    declared_count: int | None
    """The service count the notes state, which may differ from the services listed."""
    services: tuple[str, ...]
    """Service slugs in the order listed."""
    line: int
    """Source line."""


@dataclass(frozen=True)
class Certification:
    """A certification with the rating the notes give it."""

    name: str
    """As written."""
    rating: str
    """The rating exactly as written (`7.72`): data, never corrected."""
    level: str
    """Foundational, Associate, Professional, Specialty or Expert, from the name; '' when unknown."""
    line: int
    """Source line."""
    sections: tuple[str, ...]
    """Slugs of the study sections about this certification."""


@dataclass(frozen=True)
class GlossaryTerm:
    """An acronym the notes expand (`VPC (Virtual Private Cloud)`)."""

    term: str
    """The acronym."""
    expansion: str
    """What it stands for, as first written."""
    line: int
    """Where the notes first expand it."""
    section: str | None
    """Slug of the section it is in (None: the topic title)."""


@dataclass(frozen=True, eq=False)
class Topic:
    """One notes file: a subject such as AWS."""

    slug: str
    """URL folder of the topic (`aws`)."""
    title: str
    """Topic title as written (`AWS (Amazon Web Services)`)."""
    source: str
    """The notes file as the author knows it (`notes/aws.md`)."""
    document: NotesDocument = field(repr=False)
    """The parsed notes."""
    services: tuple[Service, ...]
    """Services, A–Z by name."""
    categories: tuple[Category, ...]
    """Categories in the order the notes introduce them."""
    layers: tuple[FlowLayer, ...]
    """Flow layers in order."""
    certifications: tuple[Certification, ...]
    """Certifications in the order listed."""
    glossary: tuple[GlossaryTerm, ...]
    """Acronyms, alphabetical."""
    names: NameFinder = field(repr=False)
    """Every name of every service (built once here; render links names with it too)."""
    _index: dict[str, dict[str, Any]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Lookups by slug, derived once from the frozen tuples above.
        index = {
            "service": {s.slug: s for s in self.services},
            "category": {c.slug: c for c in self.categories},
            "layer": {layer.slug: layer for layer in self.layers},
        }
        object.__setattr__(self, "_index", index)

    def service(self, slug: str) -> Service:
        """The service with this slug (KeyError when there is none)."""
        found: Service = self._index["service"][slug]
        return found

    def category(self, slug: str) -> Category:
        """The category with this slug."""
        found: Category = self._index["category"][slug]
        return found

    def layer(self, slug: str) -> FlowLayer:
        """The flow layer with this slug."""
        found: FlowLayer = self._index["layer"][slug]
        return found

    def as_dict(self) -> dict[str, Any]:
        """The topic's facts as plain data (no page addresses: those are the render stage's)."""
        return {
            "title": self.title,
            "slug": self.slug,
            "source": self.source,
            "sections": [
                {"title": s.title, "slug": s.slug, "line": s.line, "parent": s.parent} for s in self.document.sections
            ],
            "services": [
                {
                    "name": s.name,
                    "slug": s.slug,
                    "full_name": s.full_name,
                    "aliases": list(s.aliases),
                    "summary": s.summary,
                    "categories": list(s.categories),
                    "layers": list(s.layers),
                    "fragments": [f"{f.kind.value}@{f.line}" for f in s.fragments],
                    "mentions": [m.line for m in s.mentions],
                    "related": list(s.related),
                }
                for s in self.services
            ],
            "categories": [{"name": c.name, "slug": c.slug, "services": list(c.services)} for c in self.categories],
            "layers": [
                {
                    "name": layer.name,
                    "order": layer.order,
                    "slug": layer.slug,
                    "description": layer.description,
                    "declared_count": layer.declared_count,
                    "services": list(layer.services),
                }
                for layer in self.layers
            ],
            "certifications": [
                {"name": c.name, "rating": c.rating, "level": c.level, "line": c.line, "sections": list(c.sections)}
                for c in self.certifications
            ],
            "glossary": [{"term": g.term, "expansion": g.expansion, "line": g.line} for g in self.glossary],
        }


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the site shows: the topics side by side."""

    topics: tuple[Topic, ...]
    """Topics in file-name order."""

    def as_dict(self) -> dict[str, Any]:
        """`{"topics": [...]}`: see `Topic.as_dict`."""
        return {"topics": [topic.as_dict() for topic in self.topics]}
