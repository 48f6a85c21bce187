"""Block signatures of rendered HTML: what a reader sees as structure, whoever rendered it.

A signature is the pre-order list of block events `(depth, kind, text)`: lists and their items
with the number each item shows, paragraphs, text directly in a list item (a tight list), headings
with their exact text, code with its exact content, table cells, quotes, rules. Two renderings
with equal signatures show the same blocks in the same nesting with the same words; what differs
(ids, tooltips, links, highlighting spans) is not structure.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "div", "table", "blockquote", "hr", "details"}


class Event(NamedTuple):
    """One block as a reader sees it."""

    depth: int
    kind: str
    text: str


def normalize(text: str) -> str:
    """Whitespace collapsed: HTML shows any run of it as one space."""
    return " ".join(text.split())


def _text(node: Tag | NavigableString) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return str(node)
    if "headerlink" in (node.get("class") or []):
        return ""
    return "".join(_text(child) for child in node.children)


def signature(html: str, *, skip_details: bool = True) -> list[Event]:
    """The block events of an HTML fragment (`skip_details`: leave nested sections out)."""
    soup = BeautifulSoup(html, "html.parser")
    events: list[Event] = []
    _walk(soup, 0, events, skip_details)
    return events


def _walk(container: Tag, depth: int, events: list[Event], skip_details: bool) -> None:
    run: list[str] = []

    def flush() -> None:
        text = normalize("".join(run))
        if text:
            events.append(Event(depth, "text", text))
        run.clear()

    for child in container.children:
        if isinstance(child, Tag) and child.name in _BLOCK:
            flush()
            _block(child, depth, events, skip_details)
        elif isinstance(child, Tag | NavigableString):
            run.append(_text(child))
    flush()


def _block(tag: Tag, depth: int, events: list[Event], skip_details: bool) -> None:
    name = tag.name
    if name == "p" or re.fullmatch(r"h[1-6]", name):
        events.append(Event(depth, name, normalize(_text(tag))))
    elif name in ("ul", "ol"):
        events.append(Event(depth, name, ""))
        number = int(str(tag.get("start", "1"))) if name == "ol" else 0
        for item in tag.find_all("li", recursive=False):
            if name == "ol" and item.get("value") is not None:
                number = int(str(item["value"]))
            events.append(Event(depth + 1, "li", str(number) if name == "ol" else "-"))
            _walk(item, depth + 2, events, skip_details)
            number += 1
    elif name == "pre":
        code = tag.find("code")
        events.append(Event(depth, "code", _text(code if isinstance(code, Tag) else tag)))
    elif name == "table":
        for row in tag.find_all("tr"):
            cells = [normalize(_text(cell)) for cell in row.find_all(["th", "td"])]
            events.append(Event(depth, "row", " | ".join(cells)))
    elif name == "blockquote":
        events.append(Event(depth, "quote", ""))
        _walk(tag, depth + 1, events, skip_details)
    elif name == "hr":
        events.append(Event(depth, "hr", ""))
    elif name == "details":
        if not skip_details:
            events.append(Event(depth, "section", normalize(_text(tag.find("summary") or tag))))
            _walk(tag, depth + 1, events, skip_details)
    else:  # a wrapper (`div.highlight`): its blocks count, not the wrapper
        _walk(tag, depth, events, skip_details)
