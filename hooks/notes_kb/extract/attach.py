"""Who the notes are talking about: every block naming a service goes to that service.

A section, sub-heading or bold-labelled list item whose title names a service is a fragment of
it (with everything it owns); every other line naming a service is a mention of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..source.document import Heading, Paragraph, Table, walk
from .model import Fragment, FragmentKind, Mention
from .names import NameHit, name_key, split_expansion

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from ..source.document import Node
    from ..source.inline import InlineLine
    from .names import NameFinder
    from .outline import Bullet, Outline
    from .registry import Registry, ServiceDraft

_SNIPPET_RADIUS = 70


def attach(
    outlines: list[Outline],
    registry: Registry,
    finder: NameFinder,
    texts: Sequence[Sequence[InlineLine]] | None = None,
) -> None:
    """Give every service its fragments and mentions, and note headings that are another name of it.

    `texts`: each outline's `text_lines`, when the caller has them already."""
    services = {s.slug: s for s in registry.services}
    for index, out in enumerate(outlines):
        owned = _fragments(out, services, finder, registry)
        _mentions(out, texts[index] if texts is not None else tuple(text_lines(out.blocks)), services, finder, owned)


def _fragments(
    out: Outline, services: dict[str, ServiceDraft], finder: NameFinder, registry: Registry
) -> dict[str, list[tuple[int, int]]]:
    section = out.section
    owned: dict[str, list[tuple[int, int]]] = {}

    def attach_one(slug: str, fragment: Fragment) -> None:
        if not fragment.blocks or any(start <= fragment.line <= end for start, end in owned.get(slug, [])):
            return
        owned.setdefault(slug, []).append((fragment.line, fragment.end))
        services[slug].fragments.append(fragment)

    for slug in finder.slugs_in(section.title):
        end = max((block.end for block in out.blocks), default=section.start)
        attach_one(slug, Fragment(FragmentKind.SECTION, section.slug, None, out.blocks, section.start, end))
        _note_alias(section.title, section.start, services, finder, registry)
    for heading in out.headings:
        for slug in finder.slugs_in(heading.title):
            kind = FragmentKind.SUBSECTION
            attach_one(slug, Fragment(kind, section.slug, heading.title, heading.blocks, heading.line, heading.end))
            _note_alias(heading.title, heading.line, services, finder, registry)
    for bullet in out.bullets:
        for slug in _named_by_label(bullet, finder):
            item = bullet.item
            attach_one(slug, Fragment(FragmentKind.BULLET, section.slug, bullet.heading, (item,), item.start, item.end))
            _note_alias(split_expansion(bullet.label or "")[0], bullet.line, services, finder, registry)
    return owned


def _note_alias(
    title: str, line: int, services: dict[str, ServiceDraft], finder: NameFinder, registry: Registry
) -> None:
    """A heading or label that is exactly another name of a service (`AWS Lambda`) is an alias."""
    hits = finder.find(title)
    if len(hits) != 1 or hits[0].start != 0 or hits[0].end != len(title):
        return
    service = services[hits[0].key]
    if name_key(title) not in {name_key(n) for n in service.names()}:
        registry.alias(service, title, line)


def _named_by_label(bullet: Bullet, finder: NameFinder) -> list[str]:
    if bullet.label is None:
        return []
    if bullet.bold:
        return finder.slugs_in(bullet.label)
    # A plain `IAM (Identity and Access Management):` item is about IAM only when its label is
    # exactly a name; `AWS Console & IAM:` merely mentions it.
    label = split_expansion(bullet.label)[0]
    hits = finder.find(label)
    if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(label):
        return [hits[0].key]
    return []


def text_lines(nodes: tuple[Node, ...]) -> Iterator[InlineLine]:
    """Every line of text in the blocks (headings and table cells too; code never), in order."""
    for node in walk(nodes, into_sections=False):
        if isinstance(node, Paragraph | Heading):
            yield from node.inline.lines()
        elif isinstance(node, Table):
            for row in (node.header, *node.rows):
                for cell in row:
                    yield from cell.lines()


def find_names(line: InlineLine, finder: NameFinder) -> list[NameHit]:
    """The service names in a line's searchable text, with offsets into `line.text`."""
    hits: list[NameHit] = []
    for offset, piece in line.searchable():
        hits += [NameHit(offset + h.start, offset + h.end, h.key) for h in finder.find(piece)]
    return hits


def _mentions(
    out: Outline,
    lines: Sequence[InlineLine],
    services: dict[str, ServiceDraft],
    finder: NameFinder,
    owned: dict[str, list[tuple[int, int]]],
) -> None:
    seen: set[tuple[str, int]] = set()
    for line in lines:
        text = line.text
        for hit in find_names(line, finder):
            key = (hit.key, line.number)
            if key in seen or any(start <= line.number <= end for start, end in owned.get(hit.key, [])):
                continue
            seen.add(key)
            snippet = mention_snippet(text, hit.start, hit.end)
            services[hit.key].mentions.append(
                Mention(out.section.slug, out.heading_at(line.number), line.number, snippet)
            )


def mention_snippet(text: str, start: int, end: int) -> str:
    """The part of a line around a name (at `start:end`): `…CodePipeline, Lambda, Step…`.

    A mention in a list of hundreds of services would otherwise quote the whole list on each
    of their pages, and the site's size would grow with the square of the service count.
    """
    left = max(0, start - _SNIPPET_RADIUS)
    right = min(len(text), end + _SNIPPET_RADIUS)
    # Cut at spaces so no word (or name) is split.
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        cut = text.rfind(" ", end, right)
        right = cut if cut > 0 else right
    plain = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + plain + ("…" if right < len(text) else "")
