"""The services found so far, while extract reads the notes (mutable; frozen at the end).

A name resolves to a known service by any of its names, with or without the vendor prefix the
topic title gives (`AWS Lambda` is `Lambda`), or as an acronym of its full name (`ELB` is
`Elastic Load Balancing`, either way round); only names that resolve to nothing create a service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..slugs import slugify, unique_slug
from .model import Fragment, Mention
from .names import NameFinder, acronym_letters, initials, is_expansion, name_key, split_expansion, strip_vendor


@dataclass
class ServiceDraft:
    """A service being assembled (see `model.Service` for the fields)."""

    name: str
    slug: str
    full_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    summary: str = ""
    categories: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def names(self) -> list[str]:
        """Name, full name and aliases, without repeats."""
        return list(dict.fromkeys([self.name, *([self.full_name] if self.full_name else []), *self.aliases]))


@dataclass
class CategoryDraft:
    """A category being assembled."""

    name: str
    slug: str
    line: int
    services: list[str] = field(default_factory=list)


class Registry:
    """Services and categories found so far, and every name that resolves to each service."""

    def __init__(self, vendors: list[str]) -> None:
        self.vendors = vendors
        self.services: list[ServiceDraft] = []
        self.categories: dict[str, CategoryDraft] = {}
        self.conflicts: list[tuple[int, str, ServiceDraft, ServiceDraft]] = []
        """(line, name, holder, claimant): a name written for one service that another already has."""
        self._by_key: dict[str, ServiceDraft] = {}
        self._slugs: set[str] = set()
        # Acronym candidates by initials, so resolving a name does not scan every service.
        self._by_initials: dict[str, list[ServiceDraft]] = {}
        self._by_name: dict[str, list[ServiceDraft]] = {}

    def resolve(self, name: str) -> ServiceDraft | None:
        """The known service called `name`, by any of its names, vendor prefix or acronym."""
        short, expansion = split_expansion(name)
        for candidate in (name, short, strip_vendor(short, self.vendors), expansion):
            if candidate and (service := self._by_key.get(name_key(candidate))) is not None:
                return service
        return self._by_acronym(strip_vendor(short, self.vendors))

    def add(self, written: str, line: int) -> ServiceDraft:
        """The service named `written` (`DMS (Data Migration)`), created when none resolves."""
        short, expansion = split_expansion(written)
        service = self.resolve(written)
        if service is None:
            service = ServiceDraft(short, unique_slug(slugify(strip_vendor(short, self.vendors)), self._slugs))
            service.full_name = expansion
            self.services.append(service)
            self._index(service)
        elif expansion and service.full_name is None and name_key(short) == name_key(service.name):
            service.full_name = expansion
            self._index(service)
        for alias in (written, short, expansion):
            if alias:
                self.alias(service, alias, line)
        # `Nimbus Functions` is also `Functions`: the vendor prefix is optional, not a new name.
        self.alias(service, strip_vendor(short, self.vendors), line, shown=False)
        return service

    def alias(self, service: ServiceDraft, alias: str, line: int, *, shown: bool = True) -> None:
        """Record `alias` as a name of `service`; a name another service already has stays with it."""
        alias = " ".join(alias.split())
        key = name_key(alias)
        holder = self._by_key.get(key)
        if holder is not None:
            if holder is not service and shown:
                self.conflicts.append((line, alias, holder, service))
            elif shown:
                self._show(service, alias)
            return
        self._by_key[key] = service
        if shown:
            self._show(service, alias)

    def categorize(self, service: ServiceDraft, category_name: str, line: int) -> None:
        """Put `service` in the category named `category_name` (created at `line` when new)."""
        key = name_key(category_name)
        category = self.categories.get(key)
        if category is None:
            taken = {c.slug for c in self.categories.values()}
            category = CategoryDraft(category_name, unique_slug(slugify(category_name), taken), line)
            self.categories[key] = category
        category.line = min(category.line, line)
        if service.slug not in category.services:
            category.services.append(service.slug)
        if category.slug not in service.categories:
            service.categories.append(category.slug)

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

    def _index(self, service: ServiceDraft) -> None:
        spelled = service.full_name or service.name
        words = [w for w in re.split(r"[\s\-/,&.]+", spelled) if w and w[0].isalpha()]
        for key in {initials(spelled).lower(), "".join(w[0] for w in words).lower()}:
            self._by_initials.setdefault(key, []).append(service)
        self._by_name.setdefault(service.name, []).append(service)

    def _by_acronym(self, name: str) -> ServiceDraft | None:
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

    def _show(self, service: ServiceDraft, alias: str) -> None:
        if split_expansion(alias)[1] is None and name_key(alias) not in {name_key(n) for n in service.names()}:
            service.aliases.append(alias)
