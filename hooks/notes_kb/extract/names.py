"""Names: splitting `EC2 (Elastic Compute Cloud)`, matching acronyms, finding service names in text.

Nothing here knows a vendor or a service: the topic title supplies the vendor prefixes
(`AWS (Amazon Web Services)` → `AWS`, `Amazon`) and the notes supply every name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_EXPANSION = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
# Tokens are words joined by hyphens or dots (`X-Ray`, `Node.js`), so `lambda-specific` is not `lambda`.
_TOKEN = re.compile(r"\w+(?:[-.]\w+)*")
_MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
_WORD_SPLIT = re.compile(r"[\s\-/,&.]+")


def split_expansion(text: str) -> tuple[str, str | None]:
    """`EC2 (Elastic Compute Cloud)` → (`EC2`, `Elastic Compute Cloud`); other text → (text, None)."""
    text = " ".join(text.split())
    match = _EXPANSION.match(text)
    if not match:
        return text, None
    return match["name"], match["inner"]


def acronym_letters(acronym: str) -> str | None:
    """The letters an acronym stands for: `EC2` → `ecc`, `AZs` → `az`; None when it is not an acronym."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9]{1,9}", acronym):
        return None
    if sum(c.isupper() or c.isdigit() for c in acronym) < 2:
        return None
    if re.fullmatch(r"[A-Z0-9]+s", acronym):
        acronym = acronym[:-1]  # plural: `AZs`
    letters = ""
    for char in acronym:
        if char.isdigit():
            # `S3` is "Simple Storage Service": a digit repeats the letter before it.
            if not letters or char in "01":
                return None
            letters += letters[-1] * (int(char) - 1)
        else:
            letters += char.lower()
    return letters


def is_expansion(acronym: str, expansion: str) -> bool:
    """Whether `expansion` spells out `acronym` by word initials (`IaaS`, `Infrastructure-as-a-Service`)."""
    letters = acronym_letters(acronym)
    if letters is None:
        return False
    words = [w for w in _WORD_SPLIT.split(expansion) if w]
    if not words or not all(w[0].isalnum() for w in words):
        return False
    return _spells(letters, [w.lower() for w in words])


def _spells(letters: str, words: list[str]) -> bool:
    # Each word gives its initial, except minor words (`and`, `as`, `a`), which may also be skipped.
    if not letters:
        return all(w in _MINOR_WORDS for w in words)
    if not words:
        return False
    word, rest = words[0], words[1:]
    if word[0] == letters[0] and _spells(letters[1:], rest):
        return True
    return word in _MINOR_WORDS and _spells(letters, rest)


def initials(name: str) -> str:
    """Upper-case initials of the significant words: `Elastic Load Balancing` → `ELB`."""
    words = [w for w in _WORD_SPLIT.split(name) if w and w.lower() not in _MINOR_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def name_key(name: str) -> str:
    """How names compare: case and spacing do not matter."""
    return " ".join(name.split()).casefold()


def vendor_prefixes(topic_title: str) -> list[str]:
    """Names the topic's vendor goes by, from its title: `AWS (Amazon Web Services)` → AWS, Amazon."""
    short, expansion = split_expansion(topic_title)
    prefixes = [short]
    if expansion:
        prefixes += [expansion, expansion.split()[0]]
    # Longest first, so `Amazon Web Services X` strips whole; single words only when they are names.
    return sorted({p for p in prefixes if p and p[0].isupper()}, key=len, reverse=True)


def strip_vendor(name: str, vendors: Iterable[str]) -> str:
    """`AWS Lambda` → `Lambda`; a name that is only the vendor stays as it is."""
    for vendor in vendors:
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 1:
            return name[len(vendor) + 1 :]
    return name


@dataclass(frozen=True)
class NameHit:
    """A service name found in a line."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset after the last character."""
    key: str
    """The service it names (its slug)."""


@dataclass
class NameFinder:
    """Finds service names in plain text: whole words, longest name first (callers pass no code).

    One dictionary lookup per word n-gram instead of one big regular-expression alternation:
    with thousands of services an alternation is tried name by name at every position, while
    this costs the same per word whatever the number of names.
    """

    names: dict[str, str] = field(default_factory=dict)
    """Exact name → service slug."""
    longest: int = 1
    """The most words any name has."""
    first_words: set[str] = field(default_factory=set)
    """The first word of every name: most words start none, and are passed over at once."""
    _found: dict[str, list[NameHit]] = field(default_factory=dict, repr=False)
    """Hits by line: the same line is searched for the full notes, its section and its services."""

    def add(self, name: str, slug: str) -> None:
        """Let `name` find the service `slug` (the first service to claim a name keeps it)."""
        name = " ".join(name.split())
        if not name or name in self.names:
            return
        self._found.clear()
        self.names[name] = slug
        words = _TOKEN.findall(name)
        self.longest = max(self.longest, len(words) or 1)
        self.first_words.add(words[0] if words else name)

    def find(self, text: str) -> list[NameHit]:
        """Every name in `text` (plain text, no code), left to right, longest match at each place."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self._find(text)
        return found

    def _find(self, text: str) -> list[NameHit]:
        hits: list[NameHit] = []
        tokens = list(_TOKEN.finditer(text))
        index = 0
        while index < len(tokens):
            hit = self._match_at(text, tokens, index) if tokens[index].group(0) in self.first_words else None
            if hit is None:
                index += 1
                continue
            end_index, slug = hit
            hits.append(NameHit(tokens[index].start(), tokens[end_index].end(), slug))
            index = end_index + 1
        return hits

    def _match_at(self, part: str, tokens: list[re.Match[str]], index: int) -> tuple[int, str] | None:
        start = tokens[index].start()
        for end_index in range(min(len(tokens), index + self.longest) - 1, index - 1, -1):
            slug = self.names.get(part[start : tokens[end_index].end()])
            if slug is not None:
                return end_index, slug
        return None

    def forget_hits(self) -> None:
        """Let the hits found so far go (they are kept for lines searched again while a topic is
        extracted and rendered: at 5,000 services, 20 MB that nothing needs once its pages exist)."""
        self._found.clear()

    def slugs_in(self, text: str) -> list[str]:
        """The services named in `text`, each once, in order of first appearance."""
        return list(dict.fromkeys(hit.key for hit in self.find(text)))
