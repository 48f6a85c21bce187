"""Pairing `<expand>` tags into sections and freezing the document.

Tags are paired within the container they stand in (the document, a list item, a quote), by
bracket matching, and real notes break them in every way: a block whose `</expand>` is missing
ends where the next `<expand>` of its container begins (so one missing tag does not swallow every
later section as a nested one); a stray `</expand>` stays visible as text; a missing or broken
title falls back to the leading heading. Each problem is one `file:line` diagnostic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..slugs import slugify, unique_slug
from .blocks import RawContainer, RawTag
from .document import Block, GroupMarker, Heading, ListBlock, ListItem, Node, Quote, Section, StrayText

MAX_DEPTH = 20
"""Sections nest at most this deep; deeper ones are shown flat (with one warning)."""

# Greedy `.*` on purpose: `title=""D" flag"` means the title `"D" flag` (nodejs notes).
_TITLE_ATTR = re.compile(r"""^\s+title\s*=\s*(?P<q>["'])(?P<title>.*)(?P=q)\s*/?>\s*$""", re.DOTALL)
_BARE_OPEN = re.compile(r"^\s*/?>\s*$")
_TITLE_HINT = re.compile(r"""title\s*=?\s*["']?(?P<title>[^>]*)""", re.IGNORECASE)


@dataclass
class _Open:
    """A section being read: its tag, title and the children met so far."""

    tag: RawTag
    title: str
    slug: str
    group: str | None
    parent: str | None
    depth: int
    unclosed: bool
    flat: bool
    children: list[Node] = field(default_factory=list)


class TreeBuilder:
    """Turns raw blocks and tags into frozen nodes, handing out slugs and groups in source order."""

    def __init__(self, path: str, diagnostics: list[Diagnostic]) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.sections: list[Section] = []
        self.group: str | None = None
        self._slugs: set[str] = set()
        self._too_deep_reported = False

    def sequence(self, raw: list[Block | RawContainer | RawTag], parent: str | None, depth: int) -> list[Node]:
        """The frozen nodes of one container's children."""
        unmatched = _unmatched_openings(raw)
        out: list[Node] = []
        stack: list[_Open] = []
        for index, node in enumerate(raw):
            here = stack[-1].children if stack else out
            if isinstance(node, RawTag) and node.opening:
                if stack and stack[-1].unclosed:
                    self._finish(stack.pop(), stack[-1].children if stack else out, node.line - 1)
                following = raw[index + 1] if index + 1 < len(raw) else None
                inner_parent, inner_depth = _innermost(stack, parent, depth)
                stack.append(self._open(node, following, inner_parent, inner_depth, unclosed=index in unmatched))
            elif isinstance(node, RawTag):
                if stack:
                    section = stack.pop()
                    self._finish(section, stack[-1].children if stack else out, node.line, closed=True)
                else:
                    self._warn(node.line, "</expand> without a matching <expand>")
                    here.append(StrayText(node.line, node.line, node.text))
            elif isinstance(node, RawContainer):
                here.append(self._container(node, *_innermost(stack, parent, depth)))
            else:
                if isinstance(node, GroupMarker):
                    self.group = node.title
                here.append(node)
        while stack:
            section = stack.pop()
            self._finish(section, stack[-1].children if stack else out, None)
        return out

    def _container(self, raw: RawContainer, parent: str | None, depth: int) -> Node:
        children = self.sequence(raw.children, parent, depth)
        if raw.kind == "list_item":
            return ListItem(raw.start, raw.end, raw.number, tuple(children))
        if raw.kind == "blockquote":
            return Quote(raw.start, raw.end, tuple(children))
        items = tuple(child for child in children if isinstance(child, ListItem))
        return ListBlock(raw.start, raw.end, raw.kind == "ordered_list", raw.tight, items)

    def _open(self, tag: RawTag, following: object, parent: str | None, depth: int, *, unclosed: bool) -> _Open:
        title, problem = _parse_title(tag.rest)
        if problem:
            self._warn(tag.line, problem)
        if not title and isinstance(following, Heading):
            title = following.inline.plain
        title = title or f"Untitled section (line {tag.line})"
        flat = depth >= MAX_DEPTH
        if flat and not self._too_deep_reported:
            self._too_deep_reported = True
            self._warn(tag.line, f"sections nested more than {MAX_DEPTH} deep: the deeper ones are shown flat")
        slug = "" if flat else unique_slug(slugify(title) or "section", self._slugs)
        if unclosed:
            shown = title.replace('"', "&quot;")
            self._warn(tag.line, f'<expand title="{shown}"> is never closed')
        return _Open(tag, title, slug, self.group, parent, depth, unclosed, flat)

    def _finish(self, open_: _Open, into: list[Node], end: int | None, *, closed: bool = False) -> None:
        children = open_.children
        if open_.flat:
            into.append(StrayText(open_.tag.line, open_.tag.line, open_.title))
            into.extend(children)
            return
        repeated = None
        first = children[0] if children else None
        if isinstance(first, Heading) and first.level <= 2 and _same_text(first.inline.plain, open_.title):
            repeated, children = first, children[1:]
        last = max((getattr(child, "end", open_.tag.line) for child in children), default=open_.tag.line)
        section = Section(
            title=open_.title,
            slug=open_.slug,
            start=open_.tag.line,
            end=end if end is not None else max(last, repeated.end if repeated else 0),
            closed=closed,
            group=open_.group,
            parent=open_.parent,
            depth=open_.depth,
            repeated_title=repeated,
            children=tuple(children),
        )
        self.sections.append(section)  # finished inner-first; `parse` sorts them into source order
        into.append(section)

    def _warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, message))


def _innermost(stack: list[_Open], parent: str | None, depth: int) -> tuple[str | None, int]:
    """The enclosing section's slug and the depth of what opens inside it (flat ones do not count)."""
    real = [s for s in stack if not s.flat]
    return (real[-1].slug if real else parent), depth + len(real)


def _unmatched_openings(raw: list[Block | RawContainer | RawTag]) -> set[int]:
    """Indexes of `<expand>` tags in one container that no `</expand>` of that container closes."""
    stack: list[int] = []
    for index, node in enumerate(raw):
        if isinstance(node, RawTag):
            if node.opening:
                stack.append(index)
            elif stack:
                stack.pop()
    return set(stack)


def _parse_title(rest: str) -> tuple[str, str | None]:
    """The title in what follows `<expand`, and what is wrong with it (None when nothing is)."""
    match = _TITLE_ATTR.match(rest)
    if match:
        if not match["title"].strip():
            return "", '<expand title=""> has an empty title'
        return match["title"].strip(), None
    if _BARE_OPEN.match(rest):
        return "", "<expand> has no title attribute"
    hint = _TITLE_HINT.search(rest)
    recovered = hint["title"].strip().strip("\"'").strip() if hint else ""
    return recovered, f'<expand{rest.rstrip()} has a malformed title attribute (expected title="…">)'


def _same_text(heading: str, title: str) -> bool:
    """The heading repeats the title: the same text, spacing aside (case counts: it is the author's wording)."""
    return " ".join(heading.split()) == " ".join(title.split())
