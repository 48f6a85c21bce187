"""Links in HTML the render stage writes (`kb:aws/services/ec2.md#L12`), resolved per page.

Lists that would cost Python-Markdown most per page (a service's mentions and related services,
dozens of links each) are written as HTML and spliced in after conversion. MkDocs does not
rewrite links in such HTML, so they name the target page's source path and are resolved here
with MkDocs' own `File.url_relative_to`, for directory URLs or the offline bundle's `.html` alike.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

_KB_LINK = re.compile(r'href="kb:(?P<page>[^"#]*)(?P<anchor>#[^"]*)?"')
_KB_LINK_UTF8 = re.compile(rb'href="kb:(?P<page>[^"#]*)(?P<anchor>#[^"]*)?"')


def resolve_links(html: str, url_of: Callable[[str], str]) -> str:
    """Replace every `kb:` link target by `url_of(page)` (plus its anchor)."""
    if "kb:" not in html:
        return html
    return _KB_LINK.sub(lambda m: f'href="{url_of(m["page"])}{m["anchor"] or ""}"', html)


def resolve_links_utf8(html: bytes, url_of: Callable[[str], str]) -> str:
    """`resolve_links` on UTF-8 (`Parts.encoded`), decoded once done: a large part (a study deck
    of 5,000 services, 15 MB) costs half the memory this way, its text taking two bytes a
    character once decoded (`→`)."""

    def target(match: re.Match[bytes]) -> bytes:
        page = match["page"].decode(errors="surrogatepass")
        return b'href="' + url_of(page).encode(errors="surrogatepass") + (match["anchor"] or b"") + b'"'

    resolved = _KB_LINK_UTF8.sub(target, html) if b"kb:" in html else html
    return resolved.decode("utf-8", errors="surrogatepass")


_PART = re.compile(r"<!-- kb-part:(?P<name>[^ ]+) -->")
# A paragraph of markers alone (Python-Markdown wraps the lines below a heading in a tight list
# item in one): no paragraph at all, each part a block of its own.
_PARTS_ALONE = re.compile(r"<p>(?P<markers>(?:\s*<!-- kb-part:[^ ]+ -->)+)\s*</p>")


def splice_parts(html: str, parts: Mapping[str, str]) -> str:
    """Put each HTML part where its marker stands (a paragraph of markers alone is replaced by
    them); markers of other parts stay. One pass over the page, however many parts: a section
    page of hundreds of code blocks was scanned (and copied) once per block. Each part is read
    from `parts` once, when its marker is reached."""
    if "<!-- kb-part:" not in html:
        return html
    if "<p><!-- kb-part:" in html:
        html = _PARTS_ALONE.sub(lambda m: m["markers"].strip(), html)
    names = set(parts)

    def part(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in names:
            return match[0]
        names.discard(name)  # one place per part
        return parts[name]

    return _PART.sub(part, html)
