"""Hover previews: for each page a link may point to, the little a reader sees before following it.

    previews(kb) -> {"aws/services/ec2.md": Preview, "aws/glossary.md#vpc": Preview, …}

A preview is a title, a line saying what kind of page it is, a summary and the first few lines of
text, all plain text (the browser shows it with `textContent`, never as HTML). Targets are service,
section, category and flow-layer pages, keyed by docs path, and glossary terms, keyed by
`path#anchor` of their row on the glossary page.

Why here and as plain data: the render stage knows the model, the glue knows which links a page
ends up with. The glue embeds in each page only the previews of the targets its content links to
(`glue.previews`), so a page carries no more than it links to, whatever the size of the notes,
and the site needs no request to show them (it must work from `file://`, where fetch fails).
Each preview is bounded (`MAX_LINES` lines of at most `MAX_CHARS` characters), so a page's preview
data grows with its links only. Pure function of the frozen model; no MkDocs imports.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..source.document import Code, Heading, Paragraph, Section, StrayText, Table, child_nodes
from . import paths

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from ..extract.model import KnowledgeBase, Topic
    from ..source.document import Node

MAX_LINES = 3
"""Lines of text a preview shows below its summary."""
MAX_CHARS = 160
"""Characters of one line; longer lines end in `…`."""


@dataclass(frozen=True)
class Preview:
    """What a hover card shows for one link target."""

    kind: str
    """`service`, `section`, `category`, `layer` or `term` (a class name for styling)."""
    title: str
    """The target's title (`EC2 — Elastic Compute Cloud`)."""
    meta: str
    """What and where it is (`Service · Compute · Servers`), one short line."""
    summary: str
    """One line about it ('' when the notes give none)."""
    lines: tuple[str, ...]
    """Its first lines of text, at most `MAX_LINES`, each at most `MAX_CHARS` characters."""

    def as_dict(self) -> dict[str, object]:
        """Short keys: the data is embedded in every page that links to the target."""
        return {"k": self.kind, "t": self.title, "m": self.meta, "s": self.summary, "l": list(self.lines)}


def previews(kb: KnowledgeBase) -> dict[str, Preview]:
    """Every preview of the site, by docs path (`aws/services/ec2.md`) or `path#anchor` for terms."""
    found: dict[str, Preview] = {}
    for topic in kb.topics:
        found.update(topic_previews(topic))
    return found


def topic_previews(topic: Topic) -> dict[str, Preview]:
    """The previews of one topic's services, sections, categories, layers and glossary terms."""
    t = topic.slug
    found: dict[str, Preview] = {}
    for section in topic.document.sections:
        found[paths.section_page(t, section.slug)] = _section(topic, section)
    for service in topic.services:
        categories = [topic.category(c).name for c in service.categories]
        layers = [topic.layer(layer).name for layer in service.layers]
        # The first fragment usually opens with the catalog line the summary comes from.
        blocks = [block for fragment in service.fragments for block in fragment.blocks]
        found[paths.service_page(t, service.slug)] = Preview(
            "service",
            service.title,
            " · ".join(["Service", *categories, *layers]),
            _clip(service.summary),
            _first_lines(blocks, skip=service.summary),
        )
    for category in topic.categories:
        found[paths.category_page(t, category.slug)] = Preview(
            "category",
            category.name,
            f"Category · {_count(len(category.services), 'service')}",
            "",
            _service_lines(topic, category.services),
        )
    for layer in topic.layers:
        found[paths.layer_page(t, layer.slug)] = Preview(
            "layer",
            layer.name,
            f"Flow layer {layer.order} of {len(topic.layers)} · {_count(len(layer.services), 'service')}",
            _clip(layer.description),
            _service_lines(topic, layer.services),
        )
    if topic.glossary:
        text_of = _line_texts(topic.document.children, {term.line for term in topic.glossary})
        glossary = paths.glossary_page(t)
        for term in topic.glossary:
            where = topic.document.section(term.section).title if term.section else topic.title
            line = text_of.get(term.line, "")
            found.setdefault(
                f"{glossary}#{paths.glossary_anchor(term.term)}",
                Preview(
                    "term",
                    term.term,
                    f"Glossary · first expanded in {_clip(where)}",
                    _clip(term.expansion),
                    (_clip(line),) if line else (),
                ),
            )
    return found


def _section(topic: Topic, section: Section) -> Preview:
    trail = " › ".join([topic.title, *(s.title for s in topic.document.ancestors(section))])
    nested = len(topic.document.subsections(section))
    meta = f"Section of {trail}" + (f" · {_count(nested, 'section')} inside" if nested else "")
    return Preview("section", section.title, _clip(meta), "", _first_lines(section.children))


def _service_lines(topic: Topic, slugs: Iterable[str]) -> tuple[str, ...]:
    """`EC2: Virtual servers in the cloud` for the first services, then how many more."""
    slugs = list(slugs)
    shown = [topic.service(s) for s in slugs[:MAX_LINES]]
    lines = [_clip(f"{s.name}: {s.summary}" if s.summary else s.name) for s in shown]
    if len(slugs) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], f"… and {len(slugs) - (MAX_LINES - 1)} more"]
    return tuple(lines)


def _first_lines(nodes: Iterable[Node], *, skip: str = "") -> tuple[str, ...]:
    """The first lines of text of `nodes` (nested sections, code and tables left out)."""
    lines: list[str] = []
    for raw in _text_lines(nodes):
        line = " ".join(raw.split())
        if not line or (skip and line.endswith(skip)):
            continue
        lines.append(_clip(line))
        if len(lines) == MAX_LINES:
            break
    return tuple(lines)


def _text_lines(nodes: Iterable[Node]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, Section | Code | Table):
            continue
        if isinstance(node, Paragraph | Heading):
            yield from node.inline.plain.split("\n")
        elif isinstance(node, StrayText):
            yield node.text
        else:
            yield from _text_lines(child_nodes(node))


def _line_texts(nodes: Sequence[Node], wanted: set[int]) -> dict[int, str]:
    """The text of each `wanted` line that is a line of a paragraph or heading below `nodes`, by
    line number. Only nodes whose lines hold a wanted one are opened: the glossary's lines, not
    the whole notes (two thirds of making the previews of 2,000 services' notes, when every
    line's text was made)."""
    texts: dict[int, str] = {}
    lines = sorted(wanted)

    def read(nodes: Sequence[Node]) -> None:
        for node in nodes:
            at = bisect_left(lines, node.start)
            if at == len(lines) or lines[at] > node.end:
                continue
            if isinstance(node, Paragraph | Heading):
                texts.update((line.number, line.text) for line in node.inline.lines() if line.number in wanted)
            else:
                read(child_nodes(node))

    read(nodes)
    return texts


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1].rstrip() + "…"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
