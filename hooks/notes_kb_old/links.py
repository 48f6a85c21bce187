"""Links in HTML the render stage writes itself: `href="kb:aws/services/ec2.md#L12"` placeholders.

Lists that would cost Python-Markdown most per page (a service's mentions and related services,
dozens of links each) are written as HTML and spliced in after conversion. MkDocs does not
rewrite links in such HTML, so they name the target page's source path and the glue resolves them
for the page they end up on, with directory URLs or without (the offline bundle).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_KB_LINK = re.compile(r'href="kb:(?P<page>[^"#]*)(?P<anchor>#[^"]*)?"')


def kb_link(page: str, anchor: str = "") -> str:
    """The placeholder target for a link to a source page (and an anchor in it)."""
    return f"kb:{page}#{anchor}" if anchor else f"kb:{page}"


def part_marker(name: str) -> str:
    """The line the Markdown carries where HTML part `name` goes (an HTML comment passes through)."""
    return f"<!-- kb-part:{name} -->"


def resolve_links(html: str, url_of: Callable[[str], str]) -> str:
    """Replace every `kb:` link target by `url_of(page)` (plus its anchor)."""
    return _KB_LINK.sub(lambda m: f'href="{url_of(m["page"])}{m["anchor"] or ""}"', html)


def splice_parts(html: str, parts: dict[str, str], url_of: Callable[[str], str]) -> str:
    """Put each HTML part where its marker stands, with its links resolved."""
    for name, part in parts.items():
        html = html.replace(part_marker(name), resolve_links(part, url_of), 1)
    return html
