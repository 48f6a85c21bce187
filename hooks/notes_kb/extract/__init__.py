"""Extract stage: parsed notes documents → the knowledge model, and what was wrong on the way.

    extract_topic(document, slug, aliases) -> (Topic, [Diagnostic, ...])
    extract(documents, aliases) -> (KnowledgeBase, [Diagnostic, ...])

Services come from the notes' own lists (`lists.py`), their names merge through the registry
(`registry.py`), content attaches to them (`attach.py`), then related services, certifications
and the glossary (`facts.py`). Nothing here knows a vendor or a service: the same rules work for
any notes file of the same shape. No MkDocs imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..diagnostics import Check, Diagnostic
from ..slugs import topic_slug, unique_slug
from ..source.document import ListItem, Paragraph, walk
from .attach import attach, text_lines
from .facts import certifications, glossary, related
from .lists import read_catalogs, read_lists
from .model import Category, KnowledgeBase, Service, Topic
from .names import name_key, vendor_prefixes
from .outline import outline, split_label
from .registry import Registry, ServiceDraft

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..source.document import NotesDocument
    from .aliases import AliasFile

__all__ = ["extract", "extract_topic"]


def extract(
    documents: list[NotesDocument], aliases: Mapping[str, AliasFile] | None = None
) -> tuple[KnowledgeBase, list[Diagnostic]]:
    """The knowledge base of documents given in file-name order; `aliases` by document path."""
    taken: set[str] = set()
    topics: list[Topic] = []
    diagnostics: list[Diagnostic] = []
    for document in documents:
        slug = unique_slug(topic_slug(document.path), taken)
        topic, problems = extract_topic(document, slug, (aliases or {}).get(document.path))
        topics.append(topic)
        diagnostics += problems
    return KnowledgeBase(tuple(topics)), diagnostics


def extract_topic(document: NotesDocument, slug: str, aliases: AliasFile | None) -> tuple[Topic, list[Diagnostic]]:
    """Everything one notes file says: services and where they are discussed, categories, flow …"""
    outlines = [outline(section) for section in document.sections]
    registry = Registry(vendor_prefixes(document.title))
    diagnostics: list[Diagnostic] = []
    read_catalogs(outlines, registry)
    found = read_lists(outlines, registry, document.path)
    diagnostics += found.diagnostics
    if aliases is not None:
        # Reports the alias file's own conflicts (at its lines) and takes them off the list.
        diagnostics += _apply_aliases(aliases, registry, document.path)
    for line, name, holder, claimant in registry.conflicts:
        message = f'"{name}" names both {holder.name} and {claimant.name}; it stays with {holder.name}'
        diagnostics.append(Diagnostic(document.path, line, message, Check.NAME_CONFLICT))
    finder = registry.finder()
    # Every line of text of each section: mentions and the glossary both read them all.
    texts = [tuple(text_lines(out.blocks)) for out in outlines]
    attach(outlines, registry, finder, texts)

    drafts = sorted(registry.services, key=lambda s: name_key(s.name))
    categories = tuple(
        Category(c.name, c.slug, tuple(c.services), c.line)
        for c in sorted(registry.categories.values(), key=lambda c: c.line)
    )
    relations = related(drafts, list(categories), found.layers, finder)
    services = tuple(
        Service(
            name=d.name,
            slug=d.slug,
            full_name=d.full_name,
            aliases=tuple(a for a in d.aliases if name_key(a) not in {name_key(d.name), name_key(d.full_name or "")}),
            summary=d.summary or _first_bullet_text(d),
            categories=tuple(d.categories),
            layers=tuple(d.layers),
            fragments=tuple(d.fragments),
            mentions=tuple(d.mentions),
            related=relations[d.slug],
        )
        for d in drafts
    )
    topic = Topic(
        slug=slug,
        title=document.title,
        source=document.path,
        document=document,
        services=services,
        categories=categories,
        layers=tuple(found.layers),
        certifications=tuple(certifications(outlines, registry.vendors)),
        glossary=tuple(glossary(document, outlines, texts)),
        names=finder,
    )
    return topic, sorted(diagnostics)


def _apply_aliases(aliases: AliasFile, registry: Registry, notes: str) -> list[Diagnostic]:
    diagnostics = []
    for entry in aliases.entries:
        service = registry.resolve(entry.name)
        if service is None:
            message = f'"{entry.name}" is no service of {notes}: its names are not used'
            diagnostics.append(Diagnostic(aliases.path, entry.line, message, Check.ALIAS_TARGET))
            continue
        before = len(registry.conflicts)
        for other in entry.aliases:
            registry.alias(service, other, entry.line)
        for _line, name, holder, _claimant in registry.conflicts[before:]:
            message = f'"{name}" already names {holder.name}: it stays with {holder.name}, not {service.name}'
            diagnostics.append(Diagnostic(aliases.path, entry.line, message, Check.NAME_CONFLICT))
        del registry.conflicts[before:]
    return diagnostics


def _first_bullet_text(service: ServiceDraft) -> str:
    """A one-line summary for a service with no catalog bullet: the first item text about it."""
    for fragment in service.fragments:
        for node in walk(fragment.blocks, into_sections=False):
            if isinstance(node, ListItem) and node.children and isinstance(node.children[0], Paragraph):
                _label, _bold, rest = split_label(node.children[0].inline)
                if rest:
                    return rest
    return ""
