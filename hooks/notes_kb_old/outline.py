"""The outline of a section: its `###` sub-headings and its bullets with their children.

Extraction reads notes as their author structures them, a heading or a bold-labelled bullet
owning everything indented or nested below it. Python-Markdown's block parser would give that
tree only after rendering, without source line numbers, so this small scanner works on lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import LineRole, Section, SourceLine, TextBlock

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d+[.)])[ \t]+(?P<text>.*)$")
_HEADING = re.compile(r"^[ \t]{0,3}(?P<hashes>#{1,6})[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$")
_BOLD_LABEL = re.compile(r"^\*\*(?P<label>.+?)\*\*(?P<rest>.*)$")
_COLON_LABEL = re.compile(r"^(?P<label>[^:*`]{1,80}?):(?:\s+(?P<rest>.*))?$")
_LEADING_PUNCTUATION = re.compile(r"^\s*(?:[:\-–—]\s*)?")


@dataclass(frozen=True)
class Heading:
    """A `##`–`######` heading inside a section, owning the lines up to the next one of its level."""

    level: int
    """Number of `#`."""
    title: str
    """Heading text."""
    start: int
    """Index of the heading line in the section's lines."""
    end: int
    """Index after the last line it owns."""


@dataclass(frozen=True)
class Bullet:
    """A list item with everything nested under it."""

    indent: int
    """Columns of indentation before the marker (tabs count 4)."""
    text: str
    """The item's text after the marker."""
    label: str | None
    """The bold label (`**Lambda**`), or the text before a colon; None when there is neither."""
    bold: bool
    """Whether the label is bold."""
    rest: str
    """The text after the label (the definition)."""
    start: int
    """Index of the bullet line in the section's lines."""
    end: int
    """Index after its last child line (trailing blank lines excluded)."""
    heading: str | None
    """The nearest sub-heading above it."""


@dataclass
class Outline:
    """A section's own lines (nested sections excluded) with their headings and bullets."""

    lines: list[SourceLine]
    headings: list[Heading]
    bullets: list[Bullet]
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def bullet_starts(self) -> list[int]:
        """Where each bullet starts, in order (for bisecting)."""
        if len(self._starts) != len(self.bullets):
            self._starts = [b.start for b in self.bullets]
        return self._starts

    def heading_at(self, index: int) -> str | None:
        """The title of the innermost sub-heading that owns line `index`."""
        owners = [h for h in self.headings if h.start <= index < h.end]
        return owners[-1].title if owners else None


def own_lines(section: Section) -> list[SourceLine]:
    """The section's content lines in order, without its tags, repeated title or nested sections."""
    return [
        line
        for node in section.body
        if isinstance(node, TextBlock)
        for line in node.lines
        if line.role in (LineRole.TEXT, LineRole.CODE, LineRole.GROUP)
    ]


def _indent(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def outline(section: Section) -> Outline:
    """Headings and bullets of one section."""
    lines = own_lines(section)
    headings = _headings(lines)
    result = Outline(lines, headings, [])
    for index, line in enumerate(lines):
        if line.role is not LineRole.TEXT:
            continue
        match = _BULLET.match(line.text)
        if not match:
            continue
        indent = _indent(line.text)
        label, bold, rest = split_label(match["text"])
        end = _bullet_end(lines, index, indent)
        result.bullets.append(Bullet(indent, match["text"], label, bold, rest, index, end, result.heading_at(index)))
    return result


def split_label(text: str) -> tuple[str | None, bool, str]:
    """`**Lambda**: Serverless compute` → (`Lambda`, True, `Serverless compute`)."""
    bold = _BOLD_LABEL.match(text)
    if bold:
        return bold["label"].strip(), True, _LEADING_PUNCTUATION.sub("", bold["rest"], count=1).strip()
    colon = _COLON_LABEL.match(text)
    if colon:
        return colon["label"].strip(), False, (colon["rest"] or "").strip()
    return None, False, text.strip()


def _headings(lines: list[SourceLine]) -> list[Heading]:
    found = []
    for index, line in enumerate(lines):
        match = _HEADING.match(line.text) if line.role is LineRole.TEXT else None
        if match:
            found.append((index, len(match["hashes"]), match["title"]))
    headings = []
    for position, (index, level, title) in enumerate(found):
        end = next((i for i, lvl, _ in found[position + 1 :] if lvl <= level), len(lines))
        headings.append(Heading(level, title, index, end))
    return headings


def _bullet_end(lines: list[SourceLine], index: int, indent: int) -> int:
    end = index + 1
    last_content = index
    while end < len(lines):
        line = lines[end]
        if not line.text.strip():
            end += 1
            continue
        if line.role is LineRole.CODE:
            # A fence belongs to the bullet when it opens indented under it; its body may be flush left.
            if _indent(line.text) <= indent and not _is_in_open_fence(lines, index, end):
                break
            last_content = end
            end += 1
            continue
        if _indent(line.text) <= indent or _HEADING.match(line.text):
            break
        last_content = end
        end += 1
    return last_content + 1


def _is_in_open_fence(lines: list[SourceLine], bullet: int, index: int) -> bool:
    # True when line `index` continues a run of code lines that started after the bullet.
    return index - 1 > bullet and lines[index - 1].role is LineRole.CODE
