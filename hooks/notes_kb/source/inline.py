"""Inline content of the notes: markdown-it's inline tokens, read as the text a reader sees.

A paragraph, heading or table cell keeps markdown-it's inline tokens (they already say which text
is code, which a link, where a line breaks); `Inline` reads them back as plain text and as source
lines, with the parts where service names may be found (never code or links).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it.token import Token


@dataclass(frozen=True, eq=False)
class Inline:
    """The inline content of a paragraph, heading or table cell."""

    tokens: tuple[Token, ...]
    """markdown-it inline tokens (`text`, `code_inline`, `strong_open`, `softbreak` …); read-only."""
    line: int
    """1-based source line of the first token."""

    @property
    def plain(self) -> str:
        """The text a reader sees, markup removed; a line break is `\\n`."""
        return "".join(piece for _line, piece, _searchable in self.pieces())

    def pieces(self) -> Iterator[tuple[int, str, bool]]:
        """(source line, text, searchable) in order; code, link targets and images are not searchable.

        Searchable text is where names may be found and linked: outside code spans and links.
        """
        line = self.line
        in_link = 0
        for token in self.tokens:
            kind = token.type
            if kind == "text":
                yield line, token.content, in_link == 0
            elif kind == "code_inline":
                yield line, token.content, False
            elif kind in ("softbreak", "hardbreak"):
                yield line, "\n", False
                line += 1
            elif kind == "link_open":
                in_link += 1
            elif kind == "link_close":
                in_link -= 1
            elif kind == "image":
                yield line, "".join(child.content for child in token.children or ()), False

    def lines(self) -> list[InlineLine]:
        """The content split at line breaks, one entry per source line."""
        out: list[InlineLine] = []
        current: list[tuple[str, bool]] = []
        number = self.line
        for line, piece, searchable in self.pieces():
            if piece == "\n" and not searchable:
                out.append(InlineLine(number, tuple(current)))
                current, number = [], line + 1
            else:
                current.append((piece, searchable))
        out.append(InlineLine(number, tuple(current)))
        return out


@dataclass(frozen=True)
class InlineLine:
    """One source line of inline content as plain text, with the parts where names may be found."""

    number: int
    """1-based source line."""
    parts: tuple[tuple[str, bool], ...]
    """(text, searchable) pieces in order."""

    @property
    def text(self) -> str:
        """The line's plain text."""
        return "".join(text for text, _searchable in self.parts)

    def searchable(self) -> Iterator[tuple[int, str]]:
        """(offset in `text`, piece) of each searchable piece."""
        offset = 0
        for text, searchable in self.parts:
            if searchable:
                yield offset, text
            offset += len(text)
