"""Extract stage: parsed notes documents → knowledge base (services, categories, flow, …).

Services come from the notes' own structure, strongest source first (design.md, "Finding
services"): bold bullets under `### … Services` catalog headings, then the overview and
"by Category" lists, then the flow list. Every later name resolves through aliases (expansions,
vendor prefixes, acronyms, the optional per-topic alias file) before it may create a service,
and `###` sub-headings only ever resolve. Then content attaches: a section, sub-heading or bold
bullet whose title names a service is a fragment of it; every other line naming it is a mention.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from .document import LineRole, NotesDocument, Section, SourceLine
from .model import (
    Category,
    Certification,
    FlowLayer,
    Fragment,
    FragmentKind,
    GlossaryTerm,
    KnowledgeBase,
    Mention,
    Service,
    Topic,
)
from .names import (
    NameFinder,
    NameHit,
    acronym_letters,
    initials,
    is_expansion,
    name_key,
    outside_code,
    split_expansion,
    strip_vendor,
    vendor_prefixes,
)
from .outline import Bullet, Outline, outline, split_label
from .paths import slugify, topic_slug, unique_slug

Aliases = Mapping[str, Sequence[str]]
"""Per-topic alias file: a service name → other names the notes use for it."""

_CATALOG_HEADING = re.compile(r"^(?P<category>.+?)\s+Services$", re.IGNORECASE)
_OVERVIEW = re.compile(r"\bservices\b.*:\s*$", re.IGNORECASE)
_BY_CATEGORY = re.compile(r"\bby\s+category\b", re.IGNORECASE)
_LAYER = re.compile(r"^(?P<count>\d+)\s+services?\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_LAYER_LABEL = re.compile(r"^[^A-Za-z]*(?P<name>.+)$")
_RATING = re.compile(r"^(?P<name>.+?)\s*\(\s*rating\s*:\s*(?P<rating>[^)]+?)\s*\)\s*$", re.IGNORECASE)
_LEVELS = [
    ("practitioner", "Foundational"),
    ("foundational", "Foundational"),
    ("associate", "Associate"),
    ("professional", "Professional"),
    ("specialty", "Specialty"),
    ("expert", "Expert"),
]
_FORWARD_EXPANSION = re.compile(r"(?<![\w-])(?P<term>[A-Z][A-Za-z0-9]{1,9})\s+\((?P<expansion>[^()]{3,80})\)")
_REVERSE_EXPANSION = re.compile(r"(?P<before>[\w][\w\s,&/-]{2,120}?)\s+\((?P<term>[A-Z][A-Za-z0-9]{1,9})\)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_RELATED_WINDOW = 6


def extract(documents: list[NotesDocument], aliases: Mapping[str, Aliases] | None = None) -> KnowledgeBase:
    """Build the knowledge base from parsed documents (given in file-name order).

    `aliases` maps a document's path to its alias file's content, when it has one.
    """
    taken: set[str] = set()
    topics = []
    for document in documents:
        slug = unique_slug(topic_slug(document.path), taken)
        topics.append(extract_topic(document, slug, (aliases or {}).get(document.path, {})))
    return KnowledgeBase(topics=topics)


def extract_topic(document: NotesDocument, slug: str, aliases: Aliases) -> Topic:
    """Everything one notes file says: services and where they are discussed, categories, flow …"""
    topic = Topic(slug=slug, title=document.title, source=document.path, document=document)
    outlines = [(section, outline(section)) for section in document.sections()]
    registry = _Registry(vendor_prefixes(document.title))

    _read_catalogs(outlines, registry)
    _read_lists(outlines, registry, topic)
    registry.add_alias_file(aliases)
    finder = registry.finder()
    _Attacher(outlines, {s.slug: s for s in registry.services}, finder).run()

    topic.services = sorted(registry.services, key=lambda s: name_key(s.name))
    for service in topic.services:
        own = {name_key(service.name), name_key(service.full_name or service.name)}
        service.aliases = [a for a in service.aliases if name_key(a) not in own]
        if not service.summary:
            service.summary = _fallback_summary(service)
    _relate(topic, finder)
    topic.certifications = _certifications(outlines, registry.vendors)
    topic.glossary = _glossary(document, outlines)
    return topic


@dataclass
class _Registry:
    """Services found so far, and the categories and layers they sit in."""

    vendors: list[str]

    def __post_init__(self) -> None:
        self.services: list[Service] = []
        self._by_key: dict[str, Service] = {}
        self._slugs: set[str] = set()
        self.categories: dict[str, Category] = {}
        # Acronym candidates by initials, so resolving a name does not scan every service.
        self._by_initials: dict[str, list[Service]] = {}
        self._by_name: dict[str, list[Service]] = {}

    def _index(self, service: Service) -> None:
        spelled = service.full_name or service.name
        words = [w for w in re.split(r"[\s\-/,&.]+", spelled) if w and w[0].isalpha()]
        for key in {initials(spelled).lower(), "".join(w[0] for w in words).lower()}:
            self._by_initials.setdefault(key, []).append(service)
        self._by_name.setdefault(service.name, []).append(service)

    def resolve(self, name: str) -> Service | None:
        """The known service called `name`, by any of its names, vendor prefix or acronym."""
        short, expansion = split_expansion(name)
        for candidate in (name, short, strip_vendor(short, self.vendors), expansion):
            if candidate and (service := self._by_key.get(name_key(candidate))) is not None:
                return service
        return self._by_acronym(strip_vendor(short, self.vendors))

    def _by_acronym(self, name: str) -> Service | None:
        # `ELB` ↔ `Elastic Load Balancing`, either way round; only when exactly one service fits.
        letters = acronym_letters(name)
        if letters is not None:
            candidates = self._by_initials.get(letters, [])
            fits = [s for s in candidates if s.full_name is None and initials(s.name).lower() == letters]
            fits += [s for s in candidates if s.full_name and is_expansion(name, s.full_name)]
        else:
            fits = [s for s in self._by_name.get(initials(name), []) if acronym_letters(s.name)]
        unique = {id(s): s for s in fits}
        return next(iter(unique.values())) if len(unique) == 1 else None

    def add(self, written: str) -> Service:
        """The service named `written` (`DMS (Data Migration)`), created when none resolves."""
        short, expansion = split_expansion(written)
        service = self.resolve(written)
        if service is None:
            service = Service(name=short, slug=unique_slug(slugify(strip_vendor(short, self.vendors)), self._slugs))
            service.full_name = expansion
            self.services.append(service)
            self._index(service)
        elif expansion and service.full_name is None and name_key(short) == name_key(service.name):
            service.full_name = expansion
            self._index(service)
        for alias in (written, short, expansion):
            if alias:
                self.alias(service, alias)
        # `Nimbus Functions` is also `Functions`: the vendor prefix is optional, not a new name.
        self.alias(service, strip_vendor(short, self.vendors), shown=False)
        return service

    def alias(self, service: Service, alias: str, *, shown: bool = True) -> None:
        """Record `alias` as a name of `service` (names already taken stay with their service)."""
        alias = " ".join(alias.split())
        key = name_key(alias)
        if key in self._by_key:
            if shown and self._by_key[key] is service:
                self._show(service, alias)
            return
        self._by_key[key] = service
        if shown:
            self._show(service, alias)

    def _show(self, service: Service, alias: str) -> None:
        if split_expansion(alias)[1] is None and name_key(alias) not in {name_key(n) for n in service.names()}:
            service.aliases.append(alias)

    def add_alias_file(self, aliases: Aliases) -> None:
        for name, others in aliases.items():
            service = self.resolve(name)
            if service is not None:
                for other in others:
                    self.alias(service, other)

    def categorize(self, service: Service, category_name: str, line: int) -> None:
        key = name_key(category_name)
        category = self.categories.get(key)
        if category is None:
            taken = {c.slug for c in self.categories.values()}
            category = Category(name=category_name, slug=unique_slug(slugify(category_name), taken), line=line)
            self.categories[key] = category
        category.line = min(category.line, line)
        if service.slug not in category.services:
            category.services.append(service.slug)
        if category.name not in service.categories:
            service.categories.append(category.name)

    def finder(self) -> NameFinder:
        """Finds every name of every service, with and without the vendor prefix."""
        # Every recorded key, grouped by its service in one pass (not one scan of all keys per service).
        keys: dict[int, list[str]] = {}
        for key, owner in self._by_key.items():
            if key != name_key(owner.name):
                keys.setdefault(id(owner), []).append(key)
        finder = NameFinder()
        for service in self.services:
            for name in [*service.names(), *keys.get(id(service), [])]:
                for variant in [name, strip_vendor(name, self.vendors), *(f"{v} {name}" for v in self.vendors)]:
                    finder.add(variant, service.slug)
        return finder


def _read_catalogs(outlines: list[tuple[Section, Outline]], registry: _Registry) -> None:
    """Bold bullets under `### Compute Services` headings: the strongest source of services."""
    for _section, out in outlines:
        for heading in out.headings:
            match = _CATALOG_HEADING.match(heading.title)
            if heading.level < 3 or not match:
                continue
            bullets = [b for b in out.bullets if heading.start < b.start < heading.end and b.bold and b.label]
            if not bullets:
                continue
            top = min(b.indent for b in bullets)
            for bullet in (b for b in bullets if b.indent == top):
                assert bullet.label is not None
                service = registry.add(bullet.label)
                service.summary = service.summary or bullet.rest
                registry.categorize(service, match["category"], out.lines[heading.start].number)


def _read_lists(outlines: list[tuple[Section, Outline]], registry: _Registry, topic: Topic) -> None:
    """The overview list, the "by Category" list and the flow list."""
    layers: list[FlowLayer] = []
    layer_slugs: set[str] = set()
    for _section, out in outlines:
        for bullet in out.bullets:
            children = _children(out, bullet)
            if not children:
                continue
            if _BY_CATEGORY.search(bullet.text):
                for child in children:
                    if child.label and child.bold:
                        for name in _split_names(child.rest):
                            registry.categorize(registry.add(name), child.label, out.lines[child.start].number)
            elif all(child.bold and child.label and _LAYER.match(child.rest) for child in children):
                for child in children:
                    layers.append(_layer(child, out, registry, len(layers) + 1, layer_slugs))
            elif _OVERVIEW.search(bullet.text) and all(not c.bold and len(_split_names(c.text)) > 2 for c in children):
                for child in children:
                    for name in _split_names(child.text):
                        registry.add(name)
    topic.layers = layers
    topic.categories = sorted(registry.categories.values(), key=lambda c: c.line)


def _layer(bullet: Bullet, out: Outline, registry: _Registry, order: int, taken: set[str]) -> FlowLayer:
    assert bullet.label is not None
    match = _LAYER.match(bullet.rest)
    assert match is not None
    name, description = split_expansion(_LAYER_LABEL.match(bullet.label)["name"])  # type: ignore[index]
    layer = FlowLayer(
        name=name,
        order=order,
        slug=unique_slug(slugify(name) or f"layer-{order}", taken),
        description=description or "",
        label=bullet.label,
        declared_count=int(match["count"]),
        line=out.lines[bullet.start].number,
    )
    for written in _split_names(match["names"]):
        service = registry.add(written)
        layer.services.append(service.slug)
        if layer.name not in service.layers:
            service.layers.append(layer.name)
    return layer


def _children(out: Outline, parent: Bullet) -> list[Bullet]:
    # Bullets are in line order: the ones inside the parent are a slice (bisect, not a scan).
    first = bisect.bisect_right(out.bullet_starts, parent.start)
    last = bisect.bisect_left(out.bullet_starts, parent.end)
    inside = out.bullets[first:last]
    if not inside:
        return []
    top = min(b.indent for b in inside)
    return [b for b in inside if b.indent == top]


def _split_names(text: str) -> list[str]:
    """`EC2, DMS (Data Migration), X-Ray` → names; commas inside parentheses do not split."""
    names, depth, current = [], 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [" ".join(n.split()).strip(" .") for n in names if n.strip(" .")]


class _Attacher:
    """Hands every line naming a service to that service: as a fragment, else as a mention."""

    def __init__(self, outlines: list[tuple[Section, Outline]], services: dict[str, Service], finder: NameFinder):
        self.outlines = outlines
        self.services = services
        self.finder = finder

    def run(self) -> None:
        for section, out in self.outlines:
            owned = self._fragments(section, out)
            self._mentions(section, out, owned)

    def _fragments(self, section: Section, out: Outline) -> dict[str, list[range]]:
        owned: dict[str, list[range]] = {}

        def attach(slug: str, kind: FragmentKind, span: range, heading: str | None) -> None:
            lines = out.lines[span.start : span.stop]
            if not lines or any(span.start in r for r in owned.get(slug, [])):
                return
            owned.setdefault(slug, []).append(span)
            self.services[slug].fragments.append(Fragment(kind, section, heading, lines))

        for slug in self.finder.slugs_in(section.title):
            attach(slug, FragmentKind.SECTION, range(len(out.lines)), None)
            self._note_alias(section.title)
        for heading in out.headings:
            for slug in self.finder.slugs_in(heading.title):
                attach(slug, FragmentKind.SUBSECTION, range(heading.start, heading.end), heading.title)
                self._note_alias(heading.title)
        for bullet in out.bullets:
            for slug in self._named_by_label(bullet):
                attach(slug, FragmentKind.BULLET, range(bullet.start, bullet.end), bullet.heading)
                self._note_alias(split_expansion(bullet.label or "")[0])
        return owned

    def _note_alias(self, title: str) -> None:
        """A heading or label that is exactly another name of a service (`AWS Lambda`) is an alias."""
        hits = self.finder.find(title)
        if len(hits) != 1 or hits[0].start != 0 or hits[0].end != len(title):
            return
        service = self.services[hits[0].key]
        if name_key(title) not in {name_key(n) for n in service.names()}:
            service.aliases.append(title)

    def _named_by_label(self, bullet: Bullet) -> list[str]:
        if bullet.label is None:
            return []
        if bullet.bold:
            return self.finder.slugs_in(bullet.label)
        # A plain `IAM (Identity and Access Management):` bullet is about IAM only when its label is
        # exactly a name; `AWS Console & IAM:` merely mentions it.
        label = split_expansion(bullet.label)[0]
        hits = self.finder.find(label)
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(label):
            return [hits[0].key]
        return []

    def _mentions(self, section: Section, out: Outline, owned: dict[str, list[range]]) -> None:
        for index, line in enumerate(out.lines):
            if line.role is not LineRole.TEXT or not line.text.strip():
                continue
            first: dict[str, NameHit] = {}
            for hit in self.finder.find(line.text):
                first.setdefault(hit.key, hit)
            for slug, hit in first.items():
                if not any(index in span for span in owned.get(slug, [])):
                    mention = Mention(section, out.heading_at(index), line, hit.start, hit.end)
                    self.services[slug].mentions.append(mention)


def _fallback_summary(service: Service) -> str:
    """A one-line summary for a service with no catalog bullet: the first bullet text about it."""
    for fragment in service.fragments:
        for line in fragment.lines:
            if line.role is LineRole.TEXT and _LIST_ITEM.match(line.text):
                _label, _bold, rest = split_label(_LIST_ITEM.sub("", line.text).strip())
                if rest:
                    return rest
    return ""


def _relate(topic: Topic, finder: NameFinder) -> None:
    """Related services: sharing a category or layer, or named in each other's fragments."""
    scores: dict[str, Counter[str]] = {s.slug: Counter() for s in topic.services}
    for group in [*(c.services for c in topic.categories), *(layer.services for layer in topic.layers)]:
        # Neighbours in the author's list, not every pair: a category of thousands of services
        # would otherwise cost its size squared, and the notes list related services together.
        for index, a in enumerate(group):
            for b in group[max(0, index - _RELATED_WINDOW) : index + _RELATED_WINDOW + 1]:
                if a != b:
                    scores[a][b] += 1
    for service in topic.services:
        for fragment in service.fragments:
            for line in fragment.lines:
                for other in finder.slugs_in(line.text) if line.role is LineRole.TEXT else []:
                    if other != service.slug:
                        scores[service.slug][other] += 2
                        scores[other][service.slug] += 2
    names = {s.slug: name_key(s.name) for s in topic.services}
    for service in topic.services:
        ranked = sorted(scores[service.slug].items(), key=lambda item: (-item[1], names[item[0]]))
        service.related = [slug for slug, _score in ranked[:8]]


def _certifications(outlines: list[tuple[Section, Outline]], vendors: list[str]) -> list[Certification]:
    """`AWS Certified Developer Associate (Rating: 4.67)` bullets, ratings exactly as written."""
    found: list[Certification] = []
    for _section, out in outlines:
        for bullet in out.bullets:
            match = _RATING.match(bullet.text.strip())
            if match:
                name = match["name"].strip()
                level = next((lvl for word, lvl in _LEVELS if word in name.lower().split()), "")
                found.append(Certification(name, match["rating"], level, out.lines[bullet.start].number))
    sections = [section for section, _out in outlines]
    for certification in found:
        core = name_key(strip_vendor(certification.name, vendors).replace("Certified ", ""))
        certification.sections = [
            s.slug for s in sections if core in name_key(s.title) or name_key(certification.name) in name_key(s.title)
        ]
    return found


def _glossary(document: NotesDocument, outlines: list[tuple[Section, Outline]]) -> list[GlossaryTerm]:
    """Acronyms the notes expand, either way round: `VPC (Virtual Private Cloud)`, `… Authentication (MFA)`."""
    terms: dict[str, GlossaryTerm] = {}
    located: list[tuple[SourceLine, str | None]] = [(document.title_line, None)] if document.title_line else []
    located += [(line, section.slug) for section, out in outlines for line in out.lines if line.role is LineRole.TEXT]
    for line, section_slug in sorted(located, key=lambda pair: pair[0].number):
        for term, expansion in _expansions(line.text):
            if term not in terms:
                terms[term] = GlossaryTerm(term, expansion, line.number, section_slug)
    return sorted(terms.values(), key=lambda t: t.term.casefold())


def _expansions(text: str) -> Iterator[tuple[str, str]]:
    for _offset, part in outside_code(text):
        plain = part.replace("**", "")
        for match in _FORWARD_EXPANSION.finditer(plain):
            expansion = match["expansion"].strip()
            if is_expansion(match["term"], expansion):
                yield match["term"], expansion
        for match in _REVERSE_EXPANSION.finditer(plain):
            words = match["before"].split()
            # The expansion is the shortest run of words just before `(TERM)` that spells it.
            for count in range(1, min(len(words), 12) + 1):
                candidate = " ".join(words[-count:]).strip(",:;")
                if is_expansion(match["term"], candidate):
                    yield match["term"], candidate
                    break
