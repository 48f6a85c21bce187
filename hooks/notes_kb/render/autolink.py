"""Auto-linking: a service named in generated pages links to its page.

First mention per section only (a heading starts a section), whole words only, never in code,
headings or the author's own links, never a service to itself. Links are raw `kb:` links the glue
resolves per page (`paths.kb_link`): as Markdown links, thousands of them would each cost
Python-Markdown's link pattern and MkDocs' link validation.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .inline import escape_text
from .paths import kb_link, service_page
from .tooltips import tooltips_html

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ..extract.names import NameFinder
    from .html import TextHtml

_escape = html.escape


@dataclass
class Linker:
    """Links service names on one page; `seen` resets at every section boundary."""

    finder: NameFinder
    """The topic's name index."""
    topic: str
    """The topic's slug (service pages are `topic/services/slug.md`)."""
    exclude: str | None = None
    """The page's own service, never linked."""
    seen: set[str] = field(default_factory=set)
    """Services already linked in the current section."""

    def new_section(self) -> None:
        """Start a section: the next mention of every service links again."""
        self.seen.clear()

    def markdown(self, text: str) -> str:
        """Plain text as escaped Python-Markdown inline source, first mentions linked."""
        return self._linked(text, escape_text)

    def html(self, text: str, escape: Callable[[str], str] = _escape) -> str:
        """Plain text as HTML, first mentions linked; `escape` gives each piece of it as HTML
        (the name a link shows included)."""
        return self._linked(text, escape, escape)

    def text_html(self, glossary: Mapping[str, str]) -> TextHtml:
        """Plain text of the notes as HTML, as Python-Markdown shows it once converted: first
        mentions linked, never inside the author's links, and glossary terms as tooltips (the
        glue's `GlossaryTooltips`, which gives link text tooltips too)."""

        def tooltips(text: str) -> str:
            return tooltips_html(text, glossary)

        def shown(text: str, in_link: bool) -> str:
            return tooltips(text) if in_link else self.html(text, tooltips)

        return shown

    def _linked(self, text: str, escape: Callable[[str], str], name: Callable[[str], str] = _escape) -> str:
        out: list[str] = []
        position = 0
        for hit in self.finder.find(text):
            if hit.key == self.exclude or hit.key in self.seen:
                continue
            self.seen.add(hit.key)
            target = kb_link(service_page(self.topic, hit.key))
            out += [
                escape(text[position : hit.start]),
                f'<a href="{target}">{name(text[hit.start : hit.end])}</a>',
            ]
            position = hit.end
        out.append(escape(text[position:]))
        return "".join(out)
