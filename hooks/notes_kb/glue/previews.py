"""Hover previews in each page: the previews of the pages its content links to, as JSON.

Once a page is rendered (`on_post_page`: mentions and related services are in by then, and the
search plugin has already read the content, so the data never reaches the search index), one
pass of a compiled regex over the page's `<article>` finds its links. Each link whose target has
a preview (`render.previews`) adds that preview under the href exactly as the page writes it
(`../services/ec2/`, `../services/ec2.html` offline, `../glossary/#vpc`), and the page gets

    <script type="application/json" class="kb-previews">{"../services/ec2/": {...}}</script>

at the end of its article, for `docs/assets/kb-previews.js`. A page carries only what it links
to, at most `MAX_PER_PAGE` targets (an index of thousands of services stays a few dozen KB
heavier, not megabytes), and no request is needed to show a card: it works from `file://`.
Each preview is serialised once per build, whatever the number of pages linking to it.
"""

from __future__ import annotations

import json
import posixpath
import re
from itertools import chain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..render.previews import Preview

MAX_PER_PAGE = 200
"""Targets whose previews one page carries (the first ones its content links to)."""

_ARTICLE = '<article class="md-content__inner md-typeset">'
_ARTICLE_END = "</article>"
_LINK = re.compile(r'<a\s[^>]*?href="(?P<path>[^"#?:]*)(?P<anchor>#[^"]*)?"')
# JSON inside <script>: no `</script>`, `<!--` or entity can end or change it.
_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data: object) -> str:
    """Compact JSON that is safe as the text of a `<script>` element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_UNSAFE)


class PreviewEmbedder:
    """Adds to each page the previews of its links' targets (one per build: URLs are the build's)."""

    def __init__(self, previews: Mapping[str, Preview], urls: Mapping[str, str]) -> None:
        """`previews` by docs path (or `path#anchor`); `urls`: site URL of a page -> its docs path
        (`aws/services/ec2/` or `aws/services/ec2.html` -> `aws/services/ec2.md`)."""
        self._previews = previews
        self._urls = urls
        self._json: dict[str, str] = {}
        self._targets: dict[tuple[str, str], str | None] = {}

    def embed(self, html: str, page_url: str) -> str:
        """`html` (a whole rendered page) with its article's previews added, if it links to any."""
        start = html.find(_ARTICLE)
        end = html.rfind(_ARTICLE_END)
        if start < 0 or end < start:
            return html
        folder = posixpath.dirname(page_url)
        found: dict[str, str] = {}
        for match in _LINK.finditer(html, start, end):
            path, anchor = match["path"], match["anchor"] or ""
            href = path + anchor
            if not path or href in found:
                continue
            key = self._key(folder, path, anchor)
            if key is not None and self._urls.get(page_url) != key:  # not the page itself
                found[href] = self._preview_json(key)
                if len(found) == MAX_PER_PAGE:
                    break
        if not found:
            return html
        data = ",".join(f"{script_json(href)}:{preview}" for href, preview in found.items())
        script = f'<script type="application/json" class="kb-previews">{{{data}}}</script>'
        if html.count(_ARTICLE_END) == 1:  # one copy of the page made, where slicing makes three
            return html.replace(_ARTICLE_END, script + _ARTICLE_END, 1)
        return html[:end] + script + html[end:]

    def _key(self, folder: str, path: str, anchor: str) -> str | None:
        """The preview key of a link: its target page's docs path, `#anchor` added for a term."""
        cache_key = (folder, path)
        if cache_key not in self._targets:
            self._targets[cache_key] = self._urls.get(_join(folder, path))
        target = self._targets[cache_key]
        if target is None:
            return None
        if anchor and f"{target}{anchor}" in self._previews:
            return f"{target}{anchor}"
        return target if target in self._previews else None

    def _preview_json(self, key: str) -> str:
        if key not in self._json:
            self._json[key] = script_json(self._previews[key].as_dict())
        return self._json[key]


# Links the render stage writes: `[text](../services/ec2.md#L12)` in Markdown (our own output,
# never the notes' syntax: the notes' links are to other sites) and `href="kb:…"` in HTML, in
# parts and in the Markdown (names linked in the notes' text).
_MD_TARGET = re.compile(r"\]\((?P<path>[^()\s:]+?\.md)(?P<anchor>#[^()\s]*)?\)")
_KB_TARGET = re.compile(r'href="kb:(?P<path>[^"#]*)(?P<anchor>#[^"]*)?"')
_KB_TARGET_UTF8 = re.compile(rb'href="kb:(?P<path>[^"#]*)(?P<anchor>#[^"]*)?"')


class PreviewDigests:
    """What a page's previews will say, as a digest, before the page is converted.

    A page carries the previews of the pages it links to, so under `mkdocs serve --dirty` it must
    be built again when one of those previews changes, even if its own Markdown did not
    (`glue.sources.stamps` adds this digest to the page's stamp).
    """

    def __init__(self, previews: Mapping[str, Preview]) -> None:
        self._previews = previews
        self._json: dict[str, str] = {}

    def of(self, path: str, markdown: str, parts: Iterable[str | bytes]) -> str:
        """The previews of every target the page at docs path `path` links to, as one string;
        `parts` as text or as UTF-8 (`Parts.encoded`)."""
        folder = posixpath.dirname(path)
        keys: set[str] = set()
        for match in _MD_TARGET.finditer(markdown):
            keys.add(self._key(posixpath.normpath(posixpath.join(folder, match["path"])), match["anchor"]))
        # Linked names in the Markdown are `kb:` links too; parts one at a time (each is
        # decompressed as it is reached, see `Parts`).
        # Each distinct target once (a page links most of its targets more than once).
        for text in chain((markdown,), parts):
            if isinstance(text, bytes):
                for target, anchor in set(_KB_TARGET_UTF8.findall(text)):
                    decoded = anchor.decode(errors="surrogatepass") or None
                    keys.add(self._key(target.decode(errors="surrogatepass"), decoded))
                continue
            for target, anchor in set(_KB_TARGET.findall(text)):
                keys.add(self._key(target, anchor or None))
        return "".join(self._preview_json(key) for key in sorted(keys) if key in self._previews)

    def _key(self, target: str, anchor: str | None) -> str:
        return f"{target}{anchor}" if anchor and f"{target}{anchor}" in self._previews else target

    def _preview_json(self, key: str) -> str:
        if key not in self._json:
            self._json[key] = script_json(self._previews[key].as_dict())
        return self._json[key]


def _join(folder: str, path: str) -> str:
    """A relative link resolved against the page's folder, spelled like MkDocs' `File.url`."""
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".":
        return "./" if path.endswith("/") else ""
    return f"{joined}/" if path.endswith(("/", "/.", "/..")) or path in (".", "..") else joined
