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
from .blocks import read_blocks
from .decode import decode_notes, split_lines
from .document import Heading, NotesDocument
from .syntax import tokenize
from .tree import TreeBuilder

__all__ = ["decode_notes", "parse", "read_notes", "split_lines"]


def parse(text: str, path: str) -> tuple[NotesDocument, list[Diagnostic]]:
    """Parse one notes file; `path` is how diagnostics and pages name it (`notes/aws.md`).

    Never raises on any text: malformed notes give one diagnostic per problem, sorted by line,
    and every line still lands in the document.
    """
    lines = split_lines(text)
    tokens, unclosed = tokenize(lines)
    diagnostics = [Diagnostic(path, line + 1, f"code fence {fence} is never closed") for line, fence in unclosed]
    raw = read_blocks(tokens)
    title, title_line = _topic_title(raw, path)
    if title_line is not None:
        raw = raw[1:]
    builder = TreeBuilder(path, diagnostics)
    children = builder.sequence(raw, parent=None, depth=0)
    sections = tuple(sorted(builder.sections, key=lambda section: section.start))
    document = NotesDocument(path, title, title_line, tuple(children), sections, len(lines))
    return document, sorted(diagnostics, key=lambda d: d.line)


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
