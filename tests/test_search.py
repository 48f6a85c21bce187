"""Material's search index reads the knowledge base's pages without the markup it reads through.

`glue.search.read_through` hands Material's parser each generated page without tooltips, plain
links, line ids, emphasis and permalinks, and with list tags as spaces (`searched`).
Differential: on every generated page of the AWS site and of the author's corpus, Material's own
indexing of the page's content and of the lighter content must give the same entries, as the
site's search reads them (`for_the_site`). Pages where lists shape the entries keep them.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import PROJECT, require_corpus
from notes_kb.glue import search
from notes_kb.glue.search import for_the_site, read_through, searched

if TYPE_CHECKING:
    from pathlib import Path

    from mkdocs.structure.pages import Page

_TAG = re.compile(r"<[a-zA-Z]")


def _indexed(notes: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Page, str]]:
    """Each generated page Material indexed in a build of `notes`, with the content it had."""
    monkeypatch.setenv("KB_NOTES_DIR", str(notes))
    monkeypatch.setenv("KB_BUILD_JOBS", "1")  # every page indexed in this process
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(site))
    seen: list[tuple[Page, str]] = []

    def recorded(content: str) -> str:
        seen.append((config._current_page, content))  # the page MkDocs is building
        return searched(content)

    monkeypatch.setattr(search, "searched", recorded)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    monkeypatch.setattr(search, "searched", searched)  # nothing more to record
    return seen


def _entries(config: dict[str, Any], page: Page, content: str, *, through: bool = False) -> list[dict[str, Any]]:
    """Material's entries for the page with `content`, as the site's search reads them; with
    `through`, from an index the site's build wraps (`read_through`)."""
    index = SearchIndex(**config)
    if through:
        read_through(index, lambda _page: True)
    view = SimpleNamespace(content=content, toc=page.toc, url=page.url, meta=page.meta, title=page.title)
    index.add_entry_from_context(view)
    return for_the_site(index.entries)


@pytest.mark.parametrize("notes", ["aws", "corpus"])
def test_material_indexes_pages_read_through_as_it_indexes_them_whole(
    notes: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = PROJECT / "notes" if notes == "aws" else require_corpus()
    seen = _indexed(folder, tmp_path / "site", monkeypatch)
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [], "fields": {}}
    assert len(seen) > (80 if notes == "aws" else 200)
    differ = [
        page.file.src_uri
        for page, content in seen
        if _entries(config, page, content) != _entries(config, page, searched(content))
    ]
    assert differ == []
    # The wrapped index (lighter content, headings looked up by id) gives the same entries.
    differ = [
        page.file.src_uri
        for page, content in seen
        if _entries(config, page, content) != _entries(config, page, content, through=True)
    ]
    assert differ == []
    # The lighter content is lighter: a fair share of the tags Material would parse is gone.
    tags = sum(len(_TAG.findall(content)) for _page, content in seen)
    kept = sum(len(_TAG.findall(searched(content))) for _page, content in seen)
    assert kept < 0.8 * tags


def test_what_search_keeps_is_not_read_through() -> None:
    html = (
        '<h2 id="limits">Limits <abbr title="Elastic Compute Cloud">EC2</abbr>'
        '<a class="headerlink" href="#limits" title="Permanent link">&para;</a></h2>\n'
        '<p><span id="L12"></span><strong>Max</strong> <a href="../s3/">S3</a> '
        '<a href="https://x.test/" title="t">site</a> <code>5 TB</code></p>\n'
        "<div data-search-exclude><p><em>hidden</em></p></div>"
    )
    assert searched(html) == (
        '<h2 id="limits">Limits EC2</h2>\n'
        '<p>Max S3 <a href="https://x.test/" title="t">site</a> <code>5 TB</code></p>\n'
        "<div data-search-exclude><p>hidden</p></div>"
    )


_HEADING_IN_LIST = '<h2 id="a">A</h2>\n<ul>\n<li>\n<h3 id="x">X</h3>\n<p>in</p>\n</li>\n</ul>\n<p>after</p>'
_EXCLUDED_LIST = '<h2 id="a">A</h2>\n<ul data-search-exclude>\n<li>secret</li>\n</ul>\n<ul>\n<li>shown</li>\n</ul>'
_NUMBERED = '<h2 id="a">A</h2>\n<ol start="2006">\n<li>one</li>\n<li value="2014">two</li>\n</ol>'


@pytest.mark.parametrize("html", [_HEADING_IN_LIST, _EXCLUDED_LIST, _NUMBERED])
def test_lists_that_shape_the_entries_are_kept(html: str) -> None:
    # A heading's section ends with the list item holding it; a list's attributes say what
    # search leaves out, or the number the author wrote.
    assert searched(html) == html
    more = html + "\n<ul>\n<li>more</li>\n</ul>"  # a plain list on the same page is kept too
    assert searched(more) == more


@pytest.mark.parametrize("html", [_HEADING_IN_LIST, _EXCLUDED_LIST])
def test_taking_those_lists_out_would_change_the_entries(html: str) -> None:
    config: dict[str, Any] = {}
    page = SimpleNamespace(toc=[], url="t/", meta={}, title="T")
    spaced = re.sub(r"</?(?:ul|ol|li)>", " ", html)
    assert _entries(config, page, spaced) != _entries(config, page, html)


def test_plain_lists_are_read_as_spaces() -> None:
    html = '<h2 id="a">A</h2>\n<ul>\n<li>one</li>\n<li>two <code>x</code></li>\n</ul>'
    assert searched(html) == '<h2 id="a">A</h2>\n \n one \n two <code>x</code> \n '
    config: dict[str, Any] = {}
    page = SimpleNamespace(toc=[], url="t/", meta={}, title="T")
    assert _entries(config, page, searched(html)) == _entries(config, page, html)


def test_headings_are_looked_up_as_material_looks_them_up() -> None:
    # Two headings share an id: Material's walk finds the first in its order (a parent before its
    # children), and so must the dict.
    def link(id_: str, title: str, *children: Any) -> SimpleNamespace:
        return SimpleNamespace(id=id_, title=title, url=f"#{id_}", children=list(children))

    toc = [link("a", "A", link("b", "B1", link("c", "C"))), link("b", "B2"), link("d", "D")]
    index = SearchIndex()
    found = search._TocIds(index, toc)
    for id_ in ("a", "b", "c", "d", "zz", None):
        assert found(toc, id_) is SearchIndex._find_toc_by_id(index, toc, id_)
    other = [link("b", "B3")]
    assert found(other, "b") is other[0]
