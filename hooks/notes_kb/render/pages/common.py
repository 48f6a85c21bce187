"""What every generated page shares: front matter for search, plain-text titles, the page record."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..inline import escape_line_start, escape_text

# Material leaves elements carrying this attribute out of the search index.
EXCLUDED = "data-search-exclude"


class Compressed(bytes):
    """A part already compressed the way `Parts` keeps it (`compressed`)."""


def compressed(chunks: Iterable[str]) -> Compressed:
    """The text of `chunks` joined, compressed for `Parts` without ever being whole in memory: a
    study deck of 5,000 services is 15 MB of HTML, and each whole copy adds to the build's peak."""
    compressor = zlib.compressobj(1)
    data = [compressor.compress(chunk.encode("utf-8", errors="surrogatepass")) for chunk in chunks]
    return Compressed(b"".join([*data, compressor.flush()]))


def _compressed(html: str | Compressed) -> bytes:
    return html if isinstance(html, Compressed) else zlib.compress(html.encode("utf-8", errors="surrogatepass"), 1)


class Parts(Mapping[str, str]):
    """HTML parts by name, held compressed (zlib) and given back as the text they were.

    A large site's parts (each service's graph, mentions and related services, the study deck)
    are a third of what its pages and model hold until each page is written, and compress about
    tenfold: at 5,000 services, 57 million characters. Each access decompresses anew.
    """

    __slots__ = ("_data",)

    def __init__(self, parts: Mapping[str, str | Compressed] | None = None) -> None:
        self._data = {name: _compressed(html) for name, html in (parts or {}).items()}

    def __getitem__(self, name: str) -> str:
        return zlib.decompress(self._data[name]).decode("utf-8", errors="surrogatepass")

    def encoded(self, name: str) -> bytes:
        """Part `name` as UTF-8, decompressed but not decoded: text of a few non-Latin-1 characters
        (`→`) takes two bytes a character once decoded, one here."""
        return zlib.decompress(self._data[name])

    def compressed(self, name: str) -> bytes:
        """Part `name` as kept: the same text always gives the same bytes (a content key)."""
        return self._data[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Parts({dict(self)!r})"


def part_utf8(parts: Mapping[str, str], name: str) -> bytes:
    """Part `name` as UTF-8: decompressed but not decoded where `parts` are `Parts`."""
    return parts.encoded(name) if isinstance(parts, Parts) else parts[name].encode("utf-8", errors="surrogatepass")


@dataclass(frozen=True)
class Page:
    """One generated page: its Markdown and the HTML parts spliced into it after conversion."""

    markdown: str
    """The page's Markdown source."""
    parts: Mapping[str, str] = field(default_factory=dict)
    """HTML by part name (`<!-- kb-part:name -->` marks where each goes), kept as `Parts`."""
    late: frozenset[str] = frozenset()
    """Parts search does not see, spliced in after the page is rendered (cheaper)."""

    def __post_init__(self) -> None:
        if not isinstance(self.parts, Parts):
            object.__setattr__(self, "parts", Parts(self.parts))  # frozen: set once, here


def text(value: str) -> str:
    """Markdown that shows `value` as plain text, on one line, wherever it stands."""
    return escape_line_start(escape_text(" ".join(value.split())))


def heading(level: int, value: str, attributes: str = "") -> str:
    """A heading line showing `value` as written (`C#` keeps its `#`)."""
    suffix = f" {{ {attributes} }}" if attributes else ""
    return f"{'#' * level} {escape_text(' '.join(value.split())).replace('#', chr(92) + '#')}{suffix}"


def cell(value: str) -> str:
    """Markdown for a table cell showing `value` (pipes escaped by `escape_text`)."""
    return escape_text(" ".join(value.split()))


def front_matter(
    *,
    boost: float | None = None,
    exclude: bool = False,
    tags: list[str] | None = None,
    scripts: list[str] | None = None,
    hide: list[str] | None = None,
) -> list[str]:
    """YAML front matter for search: a page boost, leaving the page out, names to find it by.

    `scripts` are site-relative paths of scripts only this page loads (`kb_scripts`, added by
    overrides/main.html after the site's own): the flashcards' and graphs' libraries are not
    worth loading on every page. `hide` names parts of Material's layout the page does without
    (`toc`: a page that is one wide drawing has no headings to list).

    Tags go to the search index's `tags` field, which the site's search worker weighs most
    (docs/assets/kb-search.js): a service is found by every name the notes give it. No tags
    plugin is enabled, so the page does not show them.
    """
    lines = ["---"]
    if boost is not None or exclude:
        lines.append("search:")
        lines += [f"  boost: {json.dumps(boost)}"] if boost is not None else []
        lines += ["  exclude: true"] if exclude else []
    if tags:
        lines += ["tags:", *(f"  - {json.dumps(tag, ensure_ascii=False)}" for tag in tags)]
    if scripts:
        lines += ["kb_scripts:", *(f"  - {json.dumps(script)}" for script in scripts)]
    if hide:
        lines += ["hide:", *(f"  - {json.dumps(part)}" for part in hide)]
    return [*lines, "---", ""]
