"""Source stage: notes text → `NotesDocument` + diagnostics, on the one syntax layer (`syntax.py`).

    parse(text, "notes/aws.md") -> (NotesDocument, [Diagnostic, ...])

`syntax` tokenizes with markdown-it-py (CommonMark + GFM tables and strikethrough, HTML off),
`blocks` turns tokens into a block tree, `tree` pairs `<expand>` tags into sections. Nothing in
this package imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePosixPath

from ..diagnostics import Diagnostic
from ..workers import beside
from .blocks import RawNode, read_blocks
from .decode import decode_notes, split_lines
from .document import Heading, NotesDocument
from .syntax import OPEN_TAG, tokenize
from .tree import TreeBuilder

__all__ = ["decode_notes", "parse", "read_notes", "split_lines"]


def parse(text: str, path: str) -> tuple[NotesDocument, list[Diagnostic]]:
    """Parse one notes file; `path` is how diagnostics and pages name it (`notes/aws.md`).

    Never raises on any text: malformed notes give one diagnostic per problem, sorted by line,
    and every line still lands in the document.
    """
    lines = split_lines(text)
    raw, unclosed = read_raw(lines)
    diagnostics = [Diagnostic(path, line + 1, f"code fence {fence} is never closed") for line, fence in unclosed]
    title, title_line = _topic_title(raw, path)
    if title_line is not None:
        raw = raw[1:]
    builder = TreeBuilder(path, diagnostics)
    children = builder.sequence(raw, parent=None, depth=0)
    sections = tuple(sorted(builder.sections, key=lambda section: section.start))
    document = NotesDocument(path, title, title_line, tuple(children), sections, len(lines))
    return document, sorted(diagnostics, key=lambda d: d.line)


_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
MIN_SPLIT_LINES = 8000
"""Notes shorter than this are read in one piece: forking costs more than reading in two saves."""
_FIRST_SHARE = 0.55
"""Where to look for the split: this process also takes in the other part's result."""


def read_raw(lines: list[str]) -> tuple[list[RawNode], list[tuple[int, str]]]:
    """The top-level nodes of the notes (`read_blocks`) and the fences never closed, as (0-based
    line, fence).

    Long notes are read in two parts on two cores where workers are allowed (`notes_kb.workers`):
    the second part starts at an `<expand …>` tag or a `#` heading at the start of a line after a
    blank line, where CommonMark has nothing open but a fenced code block (a list, a quote or a
    paragraph ends at a blank line followed by such a line), so the parts give what the whole
    gives, unless the first part ends inside a fence: then the whole is read again in one piece.
    Reading 2,000 detailed services' notes (44,000 lines) took 1.4 s in one piece.
    """
    parts = split(lines)
    if parts is not None:
        read = beside(read_part, parts)
        if read is not None and not read[0][1]:
            return [*read[0][0], *read[1][0]], read[1][1]
    tokens, unclosed = tokenize(lines)
    return read_blocks(tokens), unclosed


def split(lines: list[str], min_lines: int | None = None) -> list[tuple[list[str], int]] | None:
    """The notes in two parts as (lines, index of the part's first line in the notes), split at
    the `<expand …>` tag or `#` heading line after a blank line nearest to `_FIRST_SHARE` of
    them; None when shorter than `min_lines` (`MIN_SPLIT_LINES` unless given) or without such a
    line in their middle half."""
    if len(lines) < (MIN_SPLIT_LINES if min_lines is None else min_lines):
        return None
    target = int(len(lines) * _FIRST_SHARE)
    for distance in range(len(lines) // 4):
        for at in (target + distance, target - distance):
            line = lines[at]
            if line[:1] in "#<" and (_ATX.match(line) or OPEN_TAG.match(line)) and not lines[at - 1].strip():
                return [(lines[:at], 0), (lines[at:], at)]
    return None


def read_part(part: tuple[list[str], int]) -> tuple[list[RawNode], list[tuple[int, str]]]:
    """`read_raw` of one part, lines numbered as in the whole notes."""
    lines, first = part
    tokens, unclosed = tokenize(lines)
    if first:
        for token in tokens:
            if token.map is not None:
                token.map = [token.map[0] + first, token.map[1] + first]
            for child in token.children or ():
                if child.map is not None:
                    child.map = [child.map[0] + first, child.map[1] + first]
    return read_blocks(tokens), [(line + first, fence) for line, fence in unclosed]


def read_notes(data: bytes, path: str) -> tuple[NotesDocument, list[Diagnostic]]:
    """Decode and parse a notes file's bytes (see `decode_notes` and `parse`)."""
    text, problems = decode_notes(data, path)
    document, diagnostics = parse(text, path)
    return document, sorted(problems + diagnostics, key=lambda d: d.line)


def _topic_title(raw: Sequence[object], path: str) -> tuple[str, int | None]:
    """The leading `# Title` heading names the topic; without one, the file name does."""
    first = raw[0] if raw else None
    if isinstance(first, Heading) and first.level == 1:
        return first.inline.plain, first.start
    stem = PurePosixPath(path).stem
    return " ".join(word[:1].upper() + word[1:] for word in re.split(r"[-_\s]+", stem) if word) or stem, None
