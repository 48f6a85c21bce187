"""The parsed notes file: CommonMark blocks with their source lines, and `<expand>` sections.

Blocks are what markdown-it-py read (`syntax.py`), kept as a small typed tree so that extract and
render walk the author's structure (a list item owns its nested list, a heading its text) without
re-reading Markdown. Inline content stays as markdown-it's inline tokens (`Inline.tokens`): they
already say which text is code, which is a link, where a line breaks. Everything is frozen: the
document is read, never changed, by the later stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .inline import Inline

if TYPE_CHECKING:
    from collections.abc import Iterator


@dataclass(frozen=True, eq=False)
class Paragraph:
    """A paragraph."""

    start: int
    """First source line (1-based)."""
    end: int
    """Last source line (1-based, inclusive)."""
    inline: Inline
    """Its text."""


@dataclass(frozen=True, eq=False)
class Heading:
    """An ATX or setext heading; `inline.plain` is its exact text (`C#` keeps its `#`)."""

    start: int
    """Source line."""
    end: int
    """Last source line (a setext heading has two or more)."""
    level: int
    """1–6."""
    inline: Inline
    """Its text."""


@dataclass(frozen=True, eq=False)
class ListItem:
    """One item of a list with everything nested in it."""

    start: int
    """Line of its marker."""
    end: int
    """Last source line it holds."""
    number: int | None
    """The number the author wrote in front of it (`2006.`), None in a bullet list."""
    children: tuple[Node, ...]
    """Its blocks (and sections) in order."""


@dataclass(frozen=True, eq=False)
class ListBlock:
    """A bullet or ordered list."""

    start: int
    """First source line."""
    end: int
    """Last source line."""
    ordered: bool
    """Numbered (`1.`) or bullets (`-`)."""
    tight: bool
    """CommonMark's tight list: no blank line between items or their blocks (no `<p>`)."""
    items: tuple[ListItem, ...]
    """The items."""


@dataclass(frozen=True, eq=False)
class Quote:
    """A block quote."""

    start: int
    """First source line."""
    end: int
    """Last source line."""
    children: tuple[Node, ...]
    """Its blocks."""


@dataclass(frozen=True, eq=False)
class Code:
    """A fenced or indented code block: shown byte for byte, never parsed."""

    start: int
    """First source line (the opening fence, if any)."""
    end: int
    """Last source line."""
    text: str
    """The code exactly as written (indentation of its container removed), ending in a newline."""
    info: str
    """The fence's info string (`json`), '' for none or an indented block."""


@dataclass(frozen=True, eq=False)
class Table:
    """A GFM table."""

    start: int
    """Header row line."""
    end: int
    """Last row line."""
    align: tuple[str, ...]
    """Per column: '', 'left', 'center' or 'right'."""
    header: tuple[Inline, ...]
    """Header cells."""
    rows: tuple[tuple[Inline, ...], ...]
    """Body rows (each as many cells as written; GFM pads or cuts to the header's width)."""


@dataclass(frozen=True, eq=False)
class Rule:
    """A thematic break (`---`)."""

    start: int
    """Its line."""
    end: int
    """Its line."""


@dataclass(frozen=True, eq=False)
class StrayText:
    """A notes-format line shown as written because it means nothing where it stands (a stray `</expand>`)."""

    start: int
    """Its line."""
    end: int
    """Its line."""
    text: str
    """The line as written, without indentation."""


@dataclass(frozen=True, eq=False)
class GroupMarker:
    """`Primary Concepts` / `Secondary Concepts`: groups the sections that follow it."""

    start: int
    """Its line."""
    end: int
    """Its last line."""
    title: str
    """The group name as written, without a trailing colon (`Secondary Concepts`)."""
    block: Heading | Paragraph
    """The heading or paragraph it is written as, shown as such."""

    @property
    def as_heading(self) -> bool:
        """True when written as a heading (`## Primary Concepts`), False for a line of text."""
        return isinstance(self.block, Heading)


@dataclass(frozen=True, eq=False)
class Section:
    """One `<expand title="…">` block."""

    title: str
    """The title as the author wrote it, quotes and angle brackets included."""
    slug: str
    """Unique within the topic, handed out in source order; names the section page and anchors."""
    start: int
    """Line of the `<expand …>` tag."""
    end: int
    """Line of the `</expand>` tag, or of the last line it holds when never closed."""
    closed: bool
    """Whether a `</expand>` closes it."""
    group: str | None
    """The group (`Primary Concepts` …) in force where the section opens."""
    parent: str | None
    """Slug of the enclosing section."""
    depth: int
    """0 for a top-level section."""
    repeated_title: Heading | None
    """The leading `## Title` that repeats the title (the admonition shows it), or None."""
    children: tuple[Node, ...] = field(default=())
    """Blocks and nested sections in order (the repeated title left out)."""

    @property
    def line(self) -> int:
        """Line number of the opening tag."""
        return self.start


Block = Paragraph | Heading | ListBlock | ListItem | Quote | Code | Table | Rule | StrayText | GroupMarker
Node = Block | Section


def child_nodes(node: Node) -> tuple[Node, ...]:
    """The nodes directly inside `node` (list items of a list, blocks of an item, a quote, a section)."""
    if isinstance(node, ListBlock):
        return node.items
    if isinstance(node, ListItem | Quote | Section):
        return node.children
    return ()


def walk(nodes: tuple[Node, ...], *, into_sections: bool = True) -> Iterator[Node]:
    """Every node below `nodes`, in source order (pre-order)."""
    for node in nodes:
        yield node
        if into_sections or not isinstance(node, Section):
            yield from walk(child_nodes(node), into_sections=into_sections)


def sections_in(nodes: tuple[Node, ...]) -> list[Section]:
    """The sections directly in `nodes`, also inside list items and quotes, not inside other sections."""
    found: list[Section] = []
    for node in nodes:
        if isinstance(node, Section):
            found.append(node)
        else:
            found += sections_in(child_nodes(node))
    return found


@dataclass(frozen=True, eq=False)
class NotesDocument:
    """A parsed notes file: one topic."""

    path: str
    """The file as the author knows it, e.g. `notes/aws.md`."""
    title: str
    """The topic title: the leading `#` heading, else derived from the file name."""
    title_line: int | None
    """Line of the `# Title` heading when there is one."""
    children: tuple[Node, ...]
    """Top-level nodes in source order (the title heading is not among them)."""
    sections: tuple[Section, ...]
    """Every section, nested ones included, in source order."""
    line_count: int
    """Lines in the file."""
    _by_slug: dict[str, Section] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once from `sections`; frozen, so it can never go stale.
        object.__setattr__(self, "_by_slug", {s.slug: s for s in self.sections})

    def top_sections(self) -> list[Section]:
        """Sections that are not nested in another one."""
        return sections_in(self.children)

    def section(self, slug: str) -> Section:
        """The section with this slug (KeyError when there is none)."""
        return self._by_slug[slug]

    def subsections(self, section: Section) -> list[Section]:
        """Sections directly nested in `section`."""
        return sections_in(section.children)

    def ancestors(self, section: Section) -> list[Section]:
        """Enclosing sections, outermost first."""
        chain: list[Section] = []
        parent = section.parent
        while parent is not None:
            chain.append(self.section(parent))
            parent = chain[-1].parent
        return list(reversed(chain))
