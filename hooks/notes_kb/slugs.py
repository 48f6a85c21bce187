"""Slugs: how titles and names become URL parts (one place, table-tested in tests/test_slugs.py)."""

from __future__ import annotations

import posixpath
import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+|_+")

RESERVED = frozenset({"index"})
"""Slugs a generated page cannot take: `services/index.md` is the services index."""


def slugify(text: str) -> str:
    """A lowercase, hyphenated slug; letters of any script survive, punctuation and emoji do not."""
    text = unicodedata.normalize("NFKC", text).lower()
    # `C++` and `C#` must not collapse into the same slug as `C`.
    text = text.replace("&", " and ").replace("+", " plus ").replace("#", " sharp ")
    return _NOT_WORD.sub("-", text).strip("-")


def unique_slug(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3` … whichever is free; records the result in `taken`."""
    candidate, counter = slug, 1
    if candidate in RESERVED:
        candidate, counter = f"{slug}-2", 2
    while candidate in taken:
        counter += 1
        candidate = f"{slug}-{counter}"
    taken.add(candidate)
    return candidate


def topic_slug(notes_path: str) -> str:
    """The URL folder of a topic: its notes file name without extension."""
    stem = posixpath.splitext(posixpath.basename(notes_path))[0]
    return slugify(stem) or "topic"
