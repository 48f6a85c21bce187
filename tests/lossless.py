"""The "nothing lost" check: every non-empty notes line, markup stripped, is in the built page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

from notes_kb.source import parse
from notes_kb.source.document import Code, Heading, ListBlock, walk

_TAG_LINE = re.compile(r"^\s*</?expand\b.*$", re.IGNORECASE)
# Nested markers too: `- 1. What is GraphQL?` renders as a list inside a list.
_LIST_MARKER = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)+")
_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
# Characters that are Markdown markup, or that the page may render differently (escapes, quotes).
_MARKUP = re.compile(r"[\s*_`#>|\\\-=~:]+")


def canonical(text: str) -> str:
    """Text with markup characters and whitespace removed, for comparing source with page text."""
    return _MARKUP.sub("", text)


def source_text(line: str) -> str:
    """What of a source line must show on the page."""
    if _TAG_LINE.match(line):
        title = re.search(r'title\s*=\s*"(.*)"', line)
        return canonical(title.group(1)) if title else ""
    if _FENCE.match(line):
        return ""
    line = _HEADING.sub("", line)
    line = _LIST_MARKER.sub("", line)
    return canonical(line)


def page_text(html: str) -> str:
    """The canonical text of a built page's article."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    return canonical(article.get_text(" "))


@dataclass
class LossReport:
    """Lines checked and the ones that could not be found, in order."""

    checked: int
    missing: list[tuple[int, str]]


def check_lines(source: str, html: str) -> LossReport:
    """Find each source line's text in the page, in source order."""
    page = page_text(html)
    cursor = 0
    checked = 0
    missing: list[tuple[int, str]] = []
    for number, line in enumerate(re.split(r"\r\n|\r|\n", source.removeprefix("\ufeff")), start=1):
        wanted = source_text(line)
        if not wanted:
            continue
        checked += 1
        found = page.find(wanted, cursor)
        if found < 0:
            missing.append((number, line))
        else:
            cursor = found
    return LossReport(checked, missing)


@dataclass
class StructureReport:
    """What of the notes' structure the page shows, and what it does not."""

    numbers: int
    """List-item numbers checked."""
    headings: int
    """Heading texts checked."""
    code: int
    """Code blocks checked."""
    missing: list[str]
    """What the page does not show, in order of the source."""


def check_structure(source: str, html: str) -> StructureReport:
    """The numbers written in front of list items, heading texts (a `#` inside included) and code
    blocks byte for byte, all on the page in source order.

    The text check (`check_lines`) cannot see `2006.` shown as `1.`, `C#` shown as `C` or code
    escaped twice: their text is still "there". Read with the site's own syntax layer.
    """
    document, _ = parse(source, "notes.md")
    numbers = [i.number for n in walk(document.children) if isinstance(n, ListBlock) and n.ordered for i in n.items]
    repeated = {s.repeated_title.start for s in document.sections if s.repeated_title}
    headings = [n.inline.plain for n in walk(document.children) if isinstance(n, Heading) and n.start not in repeated]
    code = [n.text for n in walk(document.children) if isinstance(n, Code)]

    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    shown_numbers: list[int | None] = []
    for ordered in article.select("ol"):
        number = int(str(ordered.get("start", "1")))
        for item in ordered.find_all("li", recursive=False):
            number = int(str(item.get("value", number)))
            shown_numbers.append(number)
            number += 1
    shown_headings = [" ".join(h.get_text().split()) for h in article.select("h1, h2, h3, h4, h5, h6")]
    shown_code = [c.get_text() for c in article.select("pre code")]

    missing = [f"list item number {n}" for n in _not_in_order(numbers, shown_numbers)]
    missing += [f"heading {h!r}" for h in _not_in_order([" ".join(h.split()) for h in headings], shown_headings)]
    missing += [f"code block {c[:40]!r}" for c in _not_in_order(code, shown_code)]
    return StructureReport(len(numbers), len(headings), len(code), missing)


def _not_in_order(wanted: list[object], shown: list[object]) -> list[object]:
    """The wanted items that are not in `shown` as a subsequence."""
    missing = []
    cursor = 0
    for item in wanted:
        try:
            cursor = shown.index(item, cursor) + 1
        except ValueError:
            missing.append(item)
    return missing
