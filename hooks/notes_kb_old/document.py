"""The parsed notes file: a tree of source lines, `<expand>` sections and group markers.

Every line of the source file lands in exactly one node of this tree, with its line number, so
later stages can point back at `notes/aws.md:123` and nothing the author wrote is dropped on the
way (`NotesDocument.source_lines()` walks them back in order; the parser's property tests rely on it).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


class Severity(enum.StrEnum):
    """How bad a diagnostic is."""

    WARNING = "warning"
    """Malformed input; the build goes on, `mkdocs build --strict` fails."""


@dataclass(frozen=True)
class Diagnostic:
    """A problem in a notes file, worded like a compiler message."""

    path: str
    """The notes file as the author knows it, e.g. `notes/aws.md`."""
    line: int
    """1-based line number of the problem."""
    message: str
    """What is wrong, in one sentence."""
    severity: Severity = Severity.WARNING
    """How bad it is."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class LineRole(enum.StrEnum):
    """What a source line is to the notes format."""

    TEXT = "text"
    """Ordinary Markdown outside code."""
    CODE = "code"
    """Inside a fenced code block, fences included: never parsed, never escaped."""
    MARKUP = "markup"
    """`<expand …>` / `</expand>` tags and the topic's `#` heading: format markup, shown otherwise."""
    REPEATED_TITLE = "repeated-title"
    """The `## Title` line that repeats the section title; the admonition title shows it."""
    GROUP = "group"
    """A `Primary Concepts` / `Secondary Concepts` marker."""


@dataclass(frozen=True)
class SourceLine:
    """One line of the notes file."""

    number: int
    """1-based line number in the source file."""
    text: str
    """The line without its line ending."""
    role: LineRole = LineRole.TEXT
    """What the line is to the notes format."""


@dataclass
class TextBlock:
    """Consecutive Markdown lines (text or code) inside or outside a section."""

    lines: list[SourceLine] = field(default_factory=list)
    """The lines, in source order."""


@dataclass
class GroupMarker:
    """`Primary Concepts` / `Secondary Concepts`: groups the sections that follow it."""

    title: str
    """The group name as written, e.g. `Secondary Concepts`."""
    line: SourceLine
    """The source line; role GROUP."""
    as_heading: bool
    """True when written as a heading (`## Primary Concepts`), False for a stray text line."""


@dataclass
class Section:
    """One `<expand title="…">` block."""

    title: str
    """The title as the author wrote it, quotes and angle brackets included."""
    slug: str
    """Unique within the topic; used for the section page and anchors."""
    open_line: SourceLine
    """The `<expand …>` line."""
    close_line: SourceLine | None
    """The `</expand>` line, or None when the block is never closed."""
    body: list[Node] = field(default_factory=list)
    """Text blocks, group markers and nested sections, in source order."""
    group: str | None = None
    """The group (`Primary Concepts` …) in force where the section opens."""
    parent: Section | None = field(default=None, repr=False)
    """The enclosing section for nested blocks."""

    @property
    def line(self) -> int:
        """Line number of the opening tag."""
        return self.open_line.number

    def subsections(self) -> list[Section]:
        """Directly nested sections."""
        return [node for node in self.body if isinstance(node, Section)]

    def walk(self) -> Iterator[Section]:
        """This section and every section nested in it, in source order."""
        yield self
        for child in self.subsections():
            yield from child.walk()


Node = TextBlock | GroupMarker | Section


@dataclass
class NotesDocument:
    """A parsed notes file: one topic."""

    path: str
    """The file as the author knows it, e.g. `notes/aws.md`."""
    title: str
    """The topic title: the leading `#` heading, else derived from the file name."""
    title_line: SourceLine | None
    """The `# Title` line when there is one."""
    nodes: list[Node] = field(default_factory=list)
    """Top-level nodes in source order (the title line is not among them)."""

    def sections(self) -> list[Section]:
        """Every section, nested ones included, in source order."""
        return [s for node in self.nodes if isinstance(node, Section) for s in node.walk()]

    def top_sections(self) -> list[Section]:
        """Sections that are not nested in another one."""
        return [node for node in self.nodes if isinstance(node, Section)]

    def source_lines(self) -> Iterator[SourceLine]:
        """Every source line held by the document, in source order."""
        lines: list[SourceLine] = [self.title_line] if self.title_line else []
        lines.extend(_node_lines(self.nodes))
        yield from sorted(lines, key=lambda line: line.number)


def _node_lines(nodes: list[Node]) -> Iterator[SourceLine]:
    for node in nodes:
        if isinstance(node, TextBlock):
            yield from node.lines
        elif isinstance(node, GroupMarker):
            yield node.line
        else:
            yield node.open_line
            yield from _node_lines(node.body)
            if node.close_line is not None:
                yield node.close_line
