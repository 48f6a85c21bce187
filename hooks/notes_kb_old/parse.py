"""Parse stage: notes text → `NotesDocument` + diagnostics.

The notes format is Markdown plus `<expand title="…">` … `</expand>` blocks. Python-Markdown has
no notion of these blocks and real notes break them in ways a strict parser would reject (titles
with unescaped quotes, unclosed blocks, tags inside code fences), so this small line scanner is
hand-written: it recovers from every malformation with one `file:line` diagnostic and keeps every
line of the source in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from .document import (
    Diagnostic,
    GroupMarker,
    LineRole,
    Node,
    NotesDocument,
    Section,
    SourceLine,
    TextBlock,
)
from .paths import slugify, unique_slug

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FENCE_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_OPEN_TAG = re.compile(r"^[ \t]*<expand(?=[\s>/]|$)(?P<rest>.*)$", re.IGNORECASE)
_CLOSE_TAG = re.compile(r"^[ \t]*</expand[ \t]*>[ \t]*$", re.IGNORECASE)
# Greedy `.*` on purpose: `title=""D" flag"` means the title `"D" flag` (nodejs notes).
_TITLE_ATTR = re.compile(r"""^\s+title\s*=\s*(?P<q>["'])(?P<title>.*)(?P=q)\s*/?>\s*$""", re.DOTALL)
_BARE_OPEN = re.compile(r"^\s*/?>\s*$")
_TITLE_HINT = re.compile(r"""title\s*=?\s*["']?(?P<title>[^>]*)""", re.IGNORECASE)
_GROUP = re.compile(r"^[ \t]*(?P<hashes>#{1,6}[ \t]+)?(?P<name>(?:primary|secondary) concepts)[ \t]*:?[ \t]*$", re.I)
_TOPIC_HEADING = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,2}[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$")


def decode_notes(data: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Decode a notes file: UTF-8 with an optional BOM; bad bytes become U+FFFD with a warning."""
    try:
        text = data.decode("utf-8")
        diagnostics = []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        text = data.decode("utf-8", errors="replace")
        diagnostics = [Diagnostic(path, line, "invalid UTF-8 byte(s), shown as U+FFFD (save the file as UTF-8)")]
    return text.removeprefix("\ufeff"), diagnostics


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or CR only (`str.splitlines` also splits on form feeds and U+2028)."""
    lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse(text: str, path: str) -> tuple[NotesDocument, list[Diagnostic]]:
    """Parse one notes file into a document; `path` is how diagnostics name the file."""
    raw = split_lines(text)
    diagnostics: list[Diagnostic] = []
    in_code = _code_lines(raw, path, diagnostics)
    unclosed = _unclosed_openings(raw, in_code)
    builder = _Builder(path, diagnostics, unclosed)
    for index, line_text in enumerate(raw):
        builder.feed(SourceLine(index + 1, line_text, LineRole.CODE if in_code[index] else LineRole.TEXT))
    nodes, title_line = builder.finish()
    document = NotesDocument(path=path, title=_topic_title(title_line, path), title_line=title_line, nodes=nodes)
    # Slugs are handed out in source order, so the first of two same-titled sections keeps the plain one.
    taken: set[str] = set()
    for section in document.sections():
        section.slug = unique_slug(slugify(section.title) or "section", taken)
    return document, sorted(diagnostics, key=lambda d: d.line)


def _topic_title(title_line: SourceLine | None, path: str) -> str:
    if title_line is not None:
        match = _TOPIC_HEADING.match(title_line.text)
        if match:
            return match["title"]
    stem = PurePosixPath(path).stem
    return " ".join(word[:1].upper() + word[1:] for word in re.split(r"[-_\s]+", stem) if word) or stem


def _code_lines(raw: list[str], path: str, diagnostics: list[Diagnostic]) -> list[bool]:
    """Mark the lines inside fenced code blocks (fences included)."""
    in_code = [False] * len(raw)
    index = 0
    while index < len(raw):
        match = _FENCE_OPEN.match(raw[index])
        if not match or (match["fence"][0] == "`" and "`" in match["info"]):
            index += 1
            continue
        fence = match["fence"]
        close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((j for j in range(index + 1, len(raw)) if close.match(raw[j])), None)
        if end is None:
            # An unclosed fence would swallow every later section: report it and read on as text.
            diagnostics.append(Diagnostic(path, index + 1, f"code fence {fence} is never closed"))
            index += 1
            continue
        for j in range(index, end + 1):
            in_code[j] = True
        index = end + 1
    return in_code


def _unclosed_openings(raw: list[str], in_code: list[bool]) -> set[int]:
    """Line indexes of `<expand>` tags that no `</expand>` closes (bracket matching)."""
    stack: list[int] = []
    for index, line_text in enumerate(raw):
        if in_code[index]:
            continue
        if _OPEN_TAG.match(line_text):
            stack.append(index)
        elif _CLOSE_TAG.match(line_text) and stack:
            stack.pop()
    return set(stack)


@dataclass
class _Title:
    text: str
    problem: str | None


def _parse_title(rest: str) -> _Title:
    match = _TITLE_ATTR.match(rest)
    if match:
        if not match["title"].strip():
            return _Title("", '<expand title=""> has an empty title')
        return _Title(match["title"].strip(), None)
    if _BARE_OPEN.match(rest):
        return _Title("", "<expand> has no title attribute")
    hint = _TITLE_HINT.search(rest)
    recovered = hint["title"].strip().strip("\"'").strip() if hint else ""
    return _Title(recovered, f'<expand{rest.rstrip()} has a malformed title attribute (expected title="…">)')


class _Builder:
    """Builds the node tree line by line, recovering from unclosed and stray tags."""

    def __init__(self, path: str, diagnostics: list[Diagnostic], unclosed: set[int]) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.unclosed = unclosed
        self.root: list[Node] = []
        self.stack: list[Section] = []
        self.group: str | None = None
        self.title_line: SourceLine | None = None
        self.seen_content = False

    @property
    def container(self) -> list[Node]:
        return self.stack[-1].body if self.stack else self.root

    def feed(self, line: SourceLine) -> None:
        first_content = not self.seen_content and bool(line.text.strip())
        self.seen_content = self.seen_content or first_content
        if line.role is LineRole.CODE:
            self._append_line(line)
            return
        if (opening := _OPEN_TAG.match(line.text)) is not None:
            self._open(line, opening["rest"])
        elif _CLOSE_TAG.match(line.text):
            self._close(line)
        elif (group := _GROUP.match(line.text)) is not None:
            self.group = group["name"]
            marked = SourceLine(line.number, line.text, LineRole.GROUP)
            self.container.append(GroupMarker(group["name"], marked, as_heading=bool(group["hashes"])))
        elif first_content and _TOPIC_HEADING.match(line.text):
            # Only a leading `#` heading names the topic; a later one is content like any other.
            self.title_line = SourceLine(line.number, line.text, LineRole.MARKUP)
        else:
            self._append_line(line)

    def finish(self) -> tuple[list[Node], SourceLine | None]:
        while self.stack:
            self._finish_section(self.stack.pop())
        return self.root, self.title_line

    def _append_line(self, line: SourceLine) -> None:
        container = self.container
        if not container or not isinstance(container[-1], TextBlock):
            container.append(TextBlock())
        block = container[-1]
        assert isinstance(block, TextBlock)
        block.lines.append(line)

    def _open(self, line: SourceLine, rest: str) -> None:
        # A block known never to close ends where the next block begins, so one missing
        # `</expand>` does not swallow every later section as a nested one.
        if self.stack and self.stack[-1].open_line.number - 1 in self.unclosed:
            self._finish_section(self.stack.pop())
        title = _parse_title(rest)
        if title.problem:
            self._warn(line.number, title.problem)
        section = Section(
            title=title.text,
            slug="",
            open_line=SourceLine(line.number, line.text, LineRole.MARKUP),
            close_line=None,
            group=self.group,
            parent=self.stack[-1] if self.stack else None,
        )
        self.container.append(section)
        self.stack.append(section)

    def _close(self, line: SourceLine) -> None:
        markup = SourceLine(line.number, line.text, LineRole.MARKUP)
        if not self.stack:
            self._warn(line.number, "</expand> without a matching <expand>")
            self.container.append(TextBlock([markup]))
            return
        section = self.stack.pop()
        section.close_line = markup
        self._finish_section(section)

    def _finish_section(self, section: Section) -> None:
        if section.close_line is None:
            shown = section.title.replace('"', "&quot;")
            self._warn(section.line, f'<expand title="{shown}"> is never closed')
        heading = _leading_heading(section)
        if heading is not None:
            block, position, heading_title = heading
            if not section.title:
                section.title = heading_title
            if _same_title(heading_title, section.title):
                old = block.lines[position]
                block.lines[position] = SourceLine(old.number, old.text, LineRole.REPEATED_TITLE)
        if not section.title:
            section.title = f"Untitled section (line {section.line})"

    def _warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, message))


def _leading_heading(section: Section) -> tuple[TextBlock, int, str] | None:
    """The first non-blank body line when it is a `#`/`##` heading."""
    if not section.body or not isinstance(section.body[0], TextBlock):
        return None
    block = section.body[0]
    for position, line in enumerate(block.lines):
        if not line.text.strip():
            continue
        match = _HEADING.match(line.text) if line.role is LineRole.TEXT else None
        return (block, position, match["title"]) if match else None
    return None


def _same_title(heading: str, title: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()

    return norm(heading) == norm(title)
