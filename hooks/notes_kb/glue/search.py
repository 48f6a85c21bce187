"""The search index after a dirty build: every page, in the order a clean build gives; and each
page's entries as the site's search reads them (`for_the_site`).

Under `mkdocs serve --dirty` Material's search plugin indexes only the pages MkDocs rebuilt, then
merges them with the previous index on the assumption that exactly one page changed
(`generate_search_index` in material/plugins/search/plugin.py: it drops the previous entries of
the first rebuilt page only, and appends). An edit to notes changes several pages (a section, the
full notes, the services it talks about), which would leave stale duplicates and an order no clean
build has. So the glue keeps each page's entries from the build that last indexed it (in memory,
else from the search index on disk) and hands the plugin the whole index in page order, with no
previous index to merge.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from mkdocs.structure.pages import Page


# As the site's search worker reads an entry's text (`TAG` in docs/assets/kb-search.js).
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")


def without_markup(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries with their text as the site's search worker reads it: every tag a space.

    Material keeps some HTML in each entry's text (`<p>`, `<ul>`, `<li>`, `<code>` …) for its own
    result list. The site's worker (docs/assets/kb-search.js) indexes, matches and shows the text
    with every tag read as a space, so the tags only made the index larger: a seventh of it at
    5,000 detailed services, which the reader's browser downloads and parses before the first
    search. New dicts: the entries given (Material's own) are not changed.
    """
    return [
        {**entry, "text": _SPACES.sub(" ", _TAG.sub(" ", entry["text"])).strip()} if "text" in entry else entry
        for entry in entries
    ]


# Inline markup Material's search parser reads through, keeping only its text: none of these
# tags is in `Parser.keep` (material/plugins/search/plugin.py), so an entry's title and text are
# the same with or without them. Only the forms the knowledge base writes, each on its own:
# glossary tooltips, links whose text is plain once tooltips are out, line ids, emphasis, and
# the toc extension's permalinks, whose text the parser leaves out of titles ("Ignore permalinks").
_READ_THROUGH = (
    (re.compile(r'<a class="headerlink" href="#[^"<>]*" title="Permanent link">&para;</a>'), ""),
    (re.compile(r'<abbr title="[^"<>]*">([^<]*)</abbr>'), r"\1"),
    (re.compile(r'<a href="[^"<>]*">([^<]*)</a>'), r"\1"),
    (re.compile(r'<span id="L\d+"></span>'), ""),
    (re.compile(r"</?(?:strong|em)>"), ""),
)


# Lists: Material keeps their tags in an entry's text for its own result list, and the site's
# search reads every tag as a space (`without_markup`), so they can go as spaces. Not where a list
# tag has attributes (`data-search-exclude`, a number as written), nor where a heading sits in a
# list: a section ends where the element holding its heading ends.
_LIST_ATTRIBUTES = re.compile(r"<(?:ul|ol|li)\s")
_LIST_OR_HEADING = re.compile(r"<(/?)(?:ul|ol|li)>|<h[1-6][\s>]")
_LIST = re.compile(r"</?(?:ul|ol|li)>")


def searched(content: str) -> str:
    """A page's HTML as Material's search parser reads it: the same sections and titles, and the
    same text as the site's search reads it, without the inline markup the parser reads through
    (tooltips, links, line ids, emphasis, permalinks) and with list tags as spaces."""
    for pattern, replacement in _READ_THROUGH:
        content = pattern.sub(replacement, content)
    if _LIST_ATTRIBUTES.search(content):
        return content
    depth = 0
    for match in _LIST_OR_HEADING.finditer(content):
        slash = match.group(1)
        if slash is None:  # a heading
            if depth:
                return content
        else:
            depth += -1 if slash else 1
    return _LIST.sub(" ", content)


def read_through(index: Any, generated: Callable[[Page], bool]) -> None:
    """Material's search index (`SearchIndex`) given each generated page's content `searched`.

    Material parses every page with Python's `html.parser` (`add_entry_from_context`), a sixth
    of a large site's build, and most tags of the knowledge base's pages are tooltips, links,
    line ids, emphasis and permalinks it reads through, or list tags the site's search reads as
    spaces: without them the same entries come out, as the site reads them (tests/test_search.py
    compares both on every page of the real notes), in a fifth of the time (2,104 pages of 2,000
    detailed services: 3.24 s whole, 0.15 + 0.08 s to take the markup out, 0.66 s to parse what
    is left). The page's own content is untouched: only the parser's input is lighter. Wraps the
    index's method on this instance (Material has no event between a page's context and its
    indexing).
    """
    add = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        search = page.meta.get("search") or {}
        if page.content is None or search.get("exclude") or not generated(page):
            add(page)
            return
        content = page.content
        page.content = searched(content)
        index._find_toc_by_id = _TocIds(index, page.toc)
        try:
            add(page)
        finally:
            page.content = content
            del index._find_toc_by_id

    index.add_entry_from_context = add_entry_from_context


class _TocIds:
    """Material's `SearchIndex._find_toc_by_id` for one page's table of contents, by a dict.

    Material looks each section's heading up by walking the whole table of contents again: the
    square of the headings of a page (2,077,119 calls for 10,869 sections of 2,000 detailed
    services). The same answer, the first item in the walk's order with that id, comes from one
    walk made on the first lookup. Any other table of contents goes to Material's method.
    """

    def __init__(self, index: Any, toc: Any) -> None:
        self._index, self._toc = index, toc
        self._items: dict[Any, Any] | None = None

    def __call__(self, toc: Any, id: Any) -> Any:
        if toc is not self._toc:
            return type(self._index)._find_toc_by_id(self._index, toc, id)
        if self._items is None:
            self._items = {}
            self._walk(toc)
        return self._items.get(id)

    def _walk(self, toc: Any) -> None:
        for item in toc:
            self._items.setdefault(item.id, item)  # type: ignore[union-attr]
            self._walk(item.children)


PAGE_FIELDS = ("tags", "boost")
"""Fields Material copies from a page's front matter into every entry of the page; the site's
search worker reads them from the page's first entry (`setup` in docs/assets/kb-search.js)."""


def for_the_site(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One page's entries (Material's, in its order: the page's own entry first) as the site's
    search worker reads them: each text `without_markup`, and the page's names (`tags`) and
    `boost` on the first entry only.

    Material repeats a page's tags and boost in each of its entries: on a service page of eight
    entries that was an eighth of the index at 5,000 services. The worker gives every entry the
    fields of its page's first entry when it has none of its own, so what it indexes is the same.
    A field is left where it differs from the first entry's (Material never writes that).
    """
    plain = without_markup(entries)
    if not plain:
        return plain
    first = plain[0]
    return [first] + [
        {key: value for key, value in entry.items() if key not in PAGE_FIELDS or first.get(key) != value}
        for entry in plain[1:]
    ]


class SearchEntries:
    """Search entries by page URL, across builds."""

    def __init__(self) -> None:
        self._by_page: dict[str, list[dict[str, Any]]] = {}
        self._seen = 0

    def start(self) -> None:
        """A build begins: nothing indexed yet in it."""
        self._seen = 0
        self._fresh: set[str] = set()

    def indexed(self, url: str, entries: list[dict[str, Any]]) -> None:
        """Material has just indexed the page at `url`; `entries` is its whole entry list so far.
        The page's entries are kept as the site reads them (`for_the_site`): page by page, as
        MkDocs' loop reaches each (in a build on several cores, while the workers build the next
        pages)."""
        self._by_page[url] = for_the_site(entries[self._seen :])
        self._seen = len(entries)
        self._fresh.add(url)

    def merged(self, urls: list[str], index_file: Path) -> list[dict[str, Any]]:
        """Every page's entries in the order of `urls`: fresh ones, else earlier builds' ones."""
        missing = [url for url in urls if url not in self._by_page]
        if missing and index_file.is_file():
            earlier: dict[str, list[dict[str, Any]]] = {}
            for entry in json.loads(index_file.read_text(encoding="utf-8")).get("docs", []):
                earlier.setdefault(str(entry["location"]).split("#")[0], []).append(entry)
            for url in missing:
                self._by_page[url] = earlier.get(url, [])
        # Pages that are gone are forgotten with their entries.
        self._by_page = {url: self._by_page.get(url, []) for url in urls}
        return [entry for url in urls for entry in self._by_page[url]]
