"""What else the notes state: related services, certification ratings, the glossary."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .attach import find_names, text_lines
from .model import Certification, GlossaryTerm
from .names import is_expansion, name_key, strip_vendor

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from ..source.document import NotesDocument
    from ..source.inline import InlineLine
    from .model import Category, FlowLayer
    from .names import NameFinder
    from .outline import Outline
    from .registry import ServiceDraft

_RELATED_WINDOW = 6
_RELATED_COUNT = 8
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


def related(
    services: list[ServiceDraft], categories: list[Category], layers: list[FlowLayer], finder: NameFinder
) -> dict[str, tuple[str, ...]]:
    """Related services by slug: sharing a category or layer, or named in each other's fragments."""
    scores: dict[str, Counter[str]] = {s.slug: Counter() for s in services}
    for group in [*(c.services for c in categories), *(layer.services for layer in layers)]:
        # Neighbours in the author's list, not every pair: a category of thousands of services
        # would otherwise cost its size squared, and the notes list related services together.
        for index, a in enumerate(group):
            for b in group[max(0, index - _RELATED_WINDOW) : index + _RELATED_WINDOW + 1]:
                if a != b:
                    scores[a][b] += 1
    for service in services:
        for fragment in service.fragments:
            for line in text_lines(fragment.blocks):
                for other in dict.fromkeys(hit.key for hit in find_names(line, finder)):
                    if other != service.slug:
                        scores[service.slug][other] += 2
                        scores[other][service.slug] += 2
    names = {s.slug: name_key(s.name) for s in services}
    return {
        slug: tuple(other for other, _ in sorted(counter.items(), key=lambda item: (-item[1], names[item[0]])))[
            :_RELATED_COUNT
        ]
        for slug, counter in scores.items()
    }


def certifications(outlines: list[Outline], vendors: list[str]) -> list[Certification]:
    """`AWS Certified Developer Associate (Rating: 4.67)` items, ratings exactly as written."""
    found: list[tuple[str, str, str, int]] = []
    for out in outlines:
        for bullet in out.bullets:
            match = _RATING.match(bullet.text.strip())
            if match:
                name = match["name"].strip()
                level = next((lvl for word, lvl in _LEVELS if word in name.lower().split()), "")
                found.append((name, match["rating"], level, bullet.line))
    sections = [out.section for out in outlines]
    result = []
    for name, rating, level, line in found:
        core = name_key(strip_vendor(name, vendors).replace("Certified ", ""))
        study = tuple(s.slug for s in sections if core in name_key(s.title) or name_key(name) in name_key(s.title))
        result.append(Certification(name, rating, level, line, study))
    return result


def glossary(
    document: NotesDocument, outlines: list[Outline], texts: Sequence[Sequence[InlineLine]] | None = None
) -> list[GlossaryTerm]:
    """Acronyms the notes expand, either way round: `VPC (Virtual Private Cloud)`, `… Authentication (MFA)`.

    `texts`: each outline's `text_lines`, when the caller has them already."""
    terms: dict[str, GlossaryTerm] = {}
    located: list[tuple[int, str, str | None]] = []
    if document.title_line is not None:
        located.append((document.title_line, document.title, None))
    for index, out in enumerate(outlines):
        lines = texts[index] if texts is not None else tuple(text_lines(out.blocks))
        # Only a line with a parenthesis can expand a term (`_expansions`), and its prose has one
        # only if its text has.
        located += [(line.number, _prose(line), out.section.slug) for line in lines if "(" in line.text]
    for number, text, section in sorted(located, key=lambda item: item[0]):
        for term, expansion in _expansions(text):
            if term not in terms:
                terms[term] = GlossaryTerm(term, expansion, number, section)
    return sorted(terms.values(), key=lambda t: t.term.casefold())


def _prose(line: InlineLine) -> str:
    # Code and link targets never expand an acronym: a NUL keeps the patterns from running across them.
    return "".join(text if searchable else "\0" for text, searchable in line.parts)


def _expansions(text: str) -> Iterator[tuple[str, str]]:
    # Both patterns need a parenthesis: running them over every line was a quarter of extraction
    # (2,000 detailed services: 1.70 s, 1.22 s with this).
    if "(" not in text:
        return
    for match in _FORWARD_EXPANSION.finditer(text):
        expansion = match["expansion"].strip()
        if is_expansion(match["term"], expansion):
            yield match["term"], expansion
    for match in _REVERSE_EXPANSION.finditer(text):
        words = match["before"].split()
        # The expansion is the shortest run of words just before `(TERM)` that spells it.
        for count in range(1, min(len(words), 12) + 1):
            candidate = " ".join(words[-count:]).strip(",:;")
            if is_expansion(match["term"], candidate):
                yield match["term"], candidate
                break
