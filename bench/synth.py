"""Synthetic notes in the shape of `notes/aws.md`, scaled to any number of services.

The benchmark needs notes far larger than the real ones, so this module invents a cloud vendor
("ZCP (Zenith Cloud Platform)") and writes its notes exactly the way the AWS notes are written: a
`# Title`, `## Primary Concepts` / `## Secondary Concepts`, `<expand title="…">` sections that
repeat their title as `## Title`, a "General Points" section with certifications, an overview comma
list, a sequence flow and a by-category list, a catalog of `### <Category> Services` headings with
`- **ABC (Full Name)**: summary` bullets, a details section with one `### <Service>` per service
and study sections whose sentences mention other services.

A `Shape` (synth_vocab.py) says how the same services are written: `catalog` (the default) as
above, `detailed` (every service a `### Name` subsection, lists that expand names), `dense` (many
sentences naming services, a big glossary, more text per service). The services, categories,
layers and certifications depend only on `(services, seed)`; the shape changes the text.

Every name comes from a seeded `random.Random`, and nothing iterates a set or a hash-ordered
mapping, so the same `(services, shape, seed)` gives the same bytes on every machine and run.

Run it as a script (`python bench/synth.py --services 500 --shape dense --out DIR`) or import
`generate`.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from synth_vocab import (
    ADJECTIVES,
    BASE_CATEGORIES,
    BOILERPLATE_WORDS,
    CATEGORY_PREFIXES,
    CERT_LEVELS,
    CERT_ROLES,
    ENDINGS,
    HEADS,
    LAYERS,
    NOUNS,
    RESERVED_INITIALS,
    SHAPES,
    SYLLABLES,
    TERM_FIRST,
    TERM_SECOND,
    TERM_THIRD,
    VENDOR,
    VENDOR_WORD,
    Kind,
    Shape,
    SyntheticService,
)
from synth_writer import NotesWriter

__all__ = ["SHAPES", "VENDOR", "Kind", "Shape", "SyntheticNotes", "SyntheticService", "generate", "write_notes"]

CATALOG = SHAPES["catalog"]


@dataclass(frozen=True)
class SyntheticNotes:
    """A generated notes file and what it was generated from."""

    text: str
    """The notes file, LF line endings, ending with a newline."""
    services: tuple[SyntheticService, ...]
    """Every service, in catalog order."""
    categories: tuple[str, ...]
    """Categories in catalog order."""
    layers: tuple[str, ...]
    """Flow layers in order."""
    certifications: tuple[str, ...]
    """Certification names, in the order listed."""
    terms: tuple[tuple[str, str], ...] = ()
    """The shape's extra glossary terms as (acronym, expansion); none for `catalog`."""


def generate(services: int, seed: int = 0, shape: Shape = CATALOG) -> SyntheticNotes:
    """Invent `services` services and write their notes; the same arguments give the same text."""
    if services < 1:
        raise ValueError("services must be at least 1")
    rng = random.Random(f"kb-synth:{services}:{seed}")
    categories = _categories(services)
    names = _ServiceNames(rng)
    # Every category gets at least one service; the rest are spread unevenly, the first categories
    # (Compute, Storage …) holding the most, as in real catalogs.
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(categories))]
    invented: list[SyntheticService] = []
    for index in range(services):
        category = categories[index] if index < len(categories) else rng.choices(categories, weights)[0]
        invented.append(names.new(category))
    invented.sort(key=lambda s: categories.index(s.category))
    flow = _assign_layers(rng, invented, categories)
    certifications = _certifications(rng, services)
    # Drawn only when the shape has terms, so that `catalog` text stays what it always was.
    terms = [names.term() for _ in range(round(services * shape.glossary_per_service))]
    writer = NotesWriter(rng, shape, flow, categories, certifications=certifications, terms=terms)
    return SyntheticNotes(
        text=writer.notes(),
        services=tuple(flow),
        categories=tuple(categories),
        layers=tuple(writer.layers),
        certifications=tuple(name for name, _ in writer.certifications),
        terms=tuple(terms),
    )


def write_notes(out_dir: Path, services: int, seed: int = 0, filename: str = "zcp.md", shape: Shape = CATALOG) -> Path:
    """Write the notes file into `out_dir` (created if needed) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / filename
    path.write_text(generate(services, seed, shape).text, encoding="utf-8", newline="\n")
    return path


def _categories(services: int) -> list[str]:
    # AWS lists 9 categories for ~55 services; real catalogs grow categories far slower than services.
    wanted = min(services, max(4, round(1.2 * services**0.5)))
    pool = list(BASE_CATEGORIES)
    for prefix in CATEGORY_PREFIXES:
        pool += [f"{prefix} {base}" for base in BASE_CATEGORIES]
    return pool[:wanted]


class _ServiceNames:
    """Hands out unique names whose initials do not collide with another service's or term's."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = {VENDOR.casefold(), VENDOR_WORD.casefold(), *BOILERPLATE_WORDS}
        self.taken_initials: set[str] = {VENDOR, *RESERVED_INITIALS}

    def new(self, category: str) -> SyntheticService:
        roll = self.rng.random()
        kind = Kind.ACRONYM if roll < 0.55 else Kind.FULL_NAME if roll < 0.70 else Kind.WORD
        if kind is Kind.WORD:
            return SyntheticService(self._word(), None, kind, category, None)
        full_name = self._full_name((ADJECTIVES, NOUNS, HEADS))
        initials = "".join(word[0] for word in full_name.split())
        name = initials if kind is Kind.ACRONYM else full_name
        return SyntheticService(name, full_name, kind, category, None)

    def term(self) -> tuple[str, str]:
        """A glossary term that is no service: (`CRL`, `Cross Region Limit`)."""
        expansion = self._full_name((TERM_FIRST, TERM_SECOND, TERM_THIRD))
        return "".join(word[0] for word in expansion.split()), expansion

    def _word(self) -> str:
        while True:
            syllables = [self.rng.choice(SYLLABLES) for _ in range(self.rng.choice((2, 2, 3)))]
            word = ("".join(syllables) + self.rng.choice(ENDINGS)).capitalize()
            if word.casefold() not in self.taken and word.upper() not in self.taken_initials:
                self.taken.add(word.casefold())
                return word

    def _full_name(self, pools: tuple[Sequence[str], Sequence[str], Sequence[str]]) -> str:
        first, second, head = pools
        attempt = 0
        while True:
            attempt += 1
            # Three words (`Elastic Compute Cloud`) until the initials run out, then four.
            words = [self.rng.choice(first), self.rng.choice(second), self.rng.choice(head)]
            if attempt > 20:
                words.insert(1, self.rng.choice(first))
            if len(set(words)) < len(words):
                continue
            name = " ".join(words)
            initials = "".join(word[0] for word in words)
            if name.casefold() in self.taken or initials in self.taken_initials or initials.casefold() in self.taken:
                continue
            self.taken.add(name.casefold())
            self.taken_initials.add(initials)
            return name


def _assign_layers(
    rng: random.Random, services: list[SyntheticService], categories: list[str]
) -> list[SyntheticService]:
    # About 70% of the catalog is in the overview and the flow (34 of ~55 in the AWS notes); the
    # layer follows the category so that each layer reads like a family of services.
    out = []
    for service in services:
        if rng.random() < 0.7:
            layer = LAYERS[(categories.index(service.category) + rng.randrange(2)) % len(LAYERS)]
            out.append(replace(service, layer=layer))
        else:
            out.append(service)
    return out


def _certifications(rng: random.Random, services: int) -> list[tuple[str, float]]:
    count = min(len(CERT_ROLES) * len(CERT_LEVELS), 5 + services // 500)
    names = [f"{VENDOR} Certified Cloud Practitioner"]
    for level in CERT_LEVELS:
        names += [f"{VENDOR} Certified {role} {level}" for role in CERT_ROLES[1:]]
    return [(name, round(rng.uniform(4.0, 8.0), 2)) for name in names[:count]]


def main(argv: list[str] | None = None) -> None:
    """Command line: write `zcp.md` with N services into a folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, required=True, help="number of services to invent")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the notes file into")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random names (default 0)")
    parser.add_argument("--shape", choices=list(SHAPES), default="catalog", help="how the notes are written")
    parser.add_argument("--filename", default="zcp.md", help="notes file name (default zcp.md)")
    args = parser.parse_args(argv)
    path = write_notes(args.out, args.services, args.seed, args.filename, SHAPES[args.shape])
    print(f"{path}: {args.services} services ({args.shape}), {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
