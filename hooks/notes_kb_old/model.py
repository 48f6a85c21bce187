"""The knowledge model: what the notes say, in the reader's words (services, categories, flow …)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from .document import NotesDocument, Section, SourceLine


class FragmentKind(enum.StrEnum):
    """How a piece of the notes came to be about a service."""

    SECTION = "section"
    """A whole `<expand>` section whose title names the service."""
    SUBSECTION = "subsection"
    """A `###` sub-heading naming the service, down to the next heading of its level."""
    BULLET = "bullet"
    """A bullet whose bold label names the service, with all its children."""


@dataclass
class Fragment:
    """A contiguous piece of the notes about one service."""

    kind: FragmentKind
    """Why it is about the service."""
    section: Section
    """The `<expand>` section it sits in."""
    heading: str | None
    """The `###` sub-heading it sits under, if any (`Compute Services`)."""
    lines: list[SourceLine]
    """The source lines, in order, indentation kept."""

    @property
    def line(self) -> int:
        """Line number where the fragment starts."""
        return self.lines[0].number


@dataclass
class Mention:
    """A line that names a service outside that service's own fragments."""

    section: Section
    """The `<expand>` section the line sits in."""
    heading: str | None
    """The `###` sub-heading it sits under, if any."""
    line: SourceLine
    """The line itself."""
    start: int = 0
    """Offset in the line where the service's name starts."""
    end: int = 0
    """Offset in the line just after the name."""


@dataclass
class Service:
    """A named product of the topic (EC2, Lambda …): one page, however many names it goes by."""

    name: str
    """Canonical name as the strongest source writes it (`EC2`, `AWS Shield`)."""
    slug: str
    """Page slug (`ec2`)."""
    full_name: str | None = None
    """The expansion the notes give (`Elastic Compute Cloud`)."""
    aliases: list[str] = field(default_factory=list)
    """Every other name the notes use for it (`ASG`, `Auto Scaling Group`, `EC2 Auto Scaling`)."""
    summary: str = ""
    """One line about it, from its catalog bullet."""
    categories: list[str] = field(default_factory=list)
    """Category names, in the order the notes give them."""
    layers: list[str] = field(default_factory=list)
    """Flow layer names."""
    fragments: list[Fragment] = field(default_factory=list)
    """Everything the notes say about it, in source order."""
    mentions: list[Mention] = field(default_factory=list)
    """Other lines naming it, in source order."""
    related: list[str] = field(default_factory=list)
    """Slugs of related services, most related first."""

    @property
    def title(self) -> str:
        """`EC2 — Elastic Compute Cloud`, or the name alone."""
        return f"{self.name} — {self.full_name}" if self.full_name else self.name

    def names(self) -> list[str]:
        """Name, full name and aliases, without repeats."""
        return list(dict.fromkeys([self.name, *([self.full_name] if self.full_name else []), *self.aliases]))


@dataclass
class Category:
    """A group of services (`Compute`), from a `### Compute Services` heading or a "by Category" list."""

    name: str
    """As written."""
    slug: str
    """Page slug."""
    services: list[str] = field(default_factory=list)
    """Service slugs, in the order the notes list them."""
    line: int = 0
    """Where the notes first name the category."""


@dataclass
class FlowLayer:
    """One step of the service flow (`1️⃣ Web (How users come in)`)."""

    name: str
    """Short name (`Web`)."""
    order: int
    """1-based position in the flow."""
    slug: str
    """Page slug."""
    description: str = ""
    """The parenthesised gloss (`How users come in`)."""
    label: str = ""
    """The label exactly as written."""
    declared_count: int | None = None
    """The service count the notes state, which may differ from the services listed."""
    services: list[str] = field(default_factory=list)
    """Service slugs in the order listed."""
    line: int = 0
    """Source line."""


@dataclass
class Certification:
    """A certification with the rating the notes give it."""

    name: str
    """As written."""
    rating: str
    """The rating exactly as written (`7.72`): data, never corrected."""
    level: str
    """Foundational, Associate, Professional or Specialty, from the name; empty when unknown."""
    line: int
    """Source line."""
    sections: list[str] = field(default_factory=list)
    """Slugs of the study sections about this certification."""


@dataclass
class GlossaryTerm:
    """An acronym the notes expand (`VPC (Virtual Private Cloud)`)."""

    term: str
    """The acronym."""
    expansion: str
    """What it stands for, as first written."""
    line: int
    """Where the notes first expand it."""
    section: str | None = None
    """Slug of the section it is in."""


@dataclass
class Topic:
    """One notes file: a subject such as AWS."""

    slug: str
    """URL folder of the topic (`aws`)."""
    title: str
    """Topic title as written (`AWS (Amazon Web Services)`)."""
    source: str
    """The notes file as the author knows it (`notes/aws.md`)."""
    document: NotesDocument
    """The parsed notes."""
    services: list[Service] = field(default_factory=list)
    """Services by canonical name."""
    categories: list[Category] = field(default_factory=list)
    """Categories in the order the notes introduce them."""
    layers: list[FlowLayer] = field(default_factory=list)
    """Flow layers in order."""
    certifications: list[Certification] = field(default_factory=list)
    """Certifications in the order listed."""
    glossary: list[GlossaryTerm] = field(default_factory=list)
    """Acronyms, alphabetical."""
    _by_slug: dict[str, Service] = field(default_factory=dict, init=False, repr=False, compare=False)

    def service(self, slug: str) -> Service:
        """The service with this slug."""
        if len(self._by_slug) != len(self.services):
            self._by_slug = {s.slug: s for s in self.services}
        return self._by_slug[slug]


@dataclass
class KnowledgeBase:
    """Everything the site shows: the topics side by side."""

    topics: list[Topic] = field(default_factory=list)
    """Topics in file-name order."""

    def as_dict(self) -> dict[str, Any]:
        """A plain summary of the model for golden files (not the site's `kb.json`)."""
        return {
            "topics": [
                {
                    "title": t.title,
                    "slug": t.slug,
                    "services": [
                        {
                            "name": s.name,
                            "full_name": s.full_name,
                            "aliases": s.aliases,
                            "slug": s.slug,
                            "summary": s.summary,
                            "categories": s.categories,
                            "layers": s.layers,
                            "fragments": [f"{f.kind.value}@{f.line}" for f in s.fragments],
                            "mentions": [m.line.number for m in s.mentions],
                            "related": s.related,
                        }
                        for s in t.services
                    ],
                    "categories": [{"name": c.name, "slug": c.slug, "services": c.services} for c in t.categories],
                    "layers": [
                        {"name": layer.name, "order": layer.order, "slug": layer.slug, "services": layer.services}
                        for layer in t.layers
                    ],
                    "certifications": [
                        {"name": c.name, "rating": c.rating, "level": c.level, "sections": c.sections}
                        for c in t.certifications
                    ],
                    "glossary": [{"term": g.term, "expansion": g.expansion, "line": g.line} for g in t.glossary],
                }
                for t in self.topics
            ]
        }
