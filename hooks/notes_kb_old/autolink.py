"""Auto-linking: a service named in generated Markdown links to its page.

First mention per section only, whole words only, never in code, headings or existing links,
never a service to itself. Linking happens on the author's text before it is escaped, so name
offsets are the author's; each piece between links is escaped on its own.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .markdown_text import escape_line

if TYPE_CHECKING:
    from collections.abc import Callable

    from .names import NameFinder

# Links, autolinks and bare URLs the author wrote: a name inside them is left alone.
_PROTECTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|<(?:https?|ftp)://[^>\s]+>|(?:https?|ftp)://\S+")


@dataclass
class Linker:
    """Links service names for one page; `seen` resets at every section boundary."""

    finder: NameFinder
    """Finds names and tells which service they belong to."""
    page_of: Callable[[str], str]
    """Service slug → its page's path (`aws/services/ec2.md`), for HTML links."""
    exclude: str | None = None
    """The page's own service, never linked."""
    seen: set[str] = field(default_factory=set)
    """Services already linked in the current section."""

    def new_section(self) -> None:
        """Start a section: the next mention of every service links again."""
        self.seen.clear()

    def line(self, text: str) -> str:
        """One line of the author's text as Markdown, escaped, with first mentions linked."""
        # Raw `kb:` links, resolved by the glue after conversion (links.py): thousands of Markdown
        # links would each cost Python-Markdown's link pattern and MkDocs' link validation.
        return self._linked(
            text, escape_line, lambda name, slug: f'<a href="kb:{self.page_of(slug)}">{html.escape(name)}</a>'
        )

    def html_line(self, text: str) -> str:
        """Plain text as HTML with first mentions linked to `kb:` page paths (see `links.py`)."""
        return self._linked(
            text, html.escape, lambda name, slug: f'<a href="kb:{self.page_of(slug)}">{html.escape(name)}</a>'
        )

    def _linked(self, text: str, escape: Callable[[str], str], link: Callable[[str, str], str]) -> str:
        protected = [m.span() for m in _PROTECTED.finditer(text)]
        out: list[str] = []
        position = 0
        for hit in self.finder.find(text):
            if hit.key == self.exclude or hit.key in self.seen:
                continue
            if any(start < hit.end and hit.start < end for start, end in protected):
                continue
            self.seen.add(hit.key)
            out += [escape(text[position : hit.start]), link(text[hit.start : hit.end], hit.key)]
            position = hit.end
        out.append(escape(text[position:]))
        return "".join(out)
