"""The "nothing lost" check: every non-empty notes line, markup stripped, is in the built page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

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
