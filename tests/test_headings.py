"""Pages of headings and HTML parts, converted heading by heading (`glue.headings`), against
Python-Markdown converting them whole (MkDocs' own `Page.render`).

Every generated page of the AWS notes and of the corpus is built in this process; each page the
headings converter takes is converted again by `Page.render` on a copy, and everything `render`
sets must be the same: content byte for byte, table of contents (titles, ids, levels, nesting),
title, anchors and links to anchors.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from conftest import PROJECT, require_corpus
from notes_kb.glue import headings
from notes_kb.glue.headings import blocks

if TYPE_CHECKING:
    from pathlib import Path

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.toc import AnchorLink


def _toc(links: list[AnchorLink]) -> list[Any]:
    return [(link.title, link.id, link.level, _toc(link.children)) for link in links]


def _rendered(page: Page) -> dict[str, Any]:
    return {
        "content": page.content,
        "toc": _toc(list(page.toc)),
        "title": page._title_from_render,
        "anchors": page.present_anchor_ids,
        "links": page.links_to_anchors,
    }


def _compared(notes: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, set[str], list[str]]:
    """How many pages a build of `notes` converted heading by heading, their ids, and the pages
    that differ."""
    monkeypatch.setenv("KB_NOTES_DIR", str(notes))
    monkeypatch.setenv("KB_BUILD_JOBS", "1")  # every page converted in this process
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(site))
    taken: list[str] = []
    ids: set[str] = set()
    differ: list[str] = []
    original = headings.converted

    def compared(page: Page, config: MkDocsConfig, converters: list[Any]) -> bool:
        whole = copy.copy(page)
        done = original(page, config, converters)
        if done:
            taken.append(page.file.src_uri)
            ids.update(page.present_anchor_ids or ())
            Page.render(whole, config, config._kb_files)  # Python-Markdown, the whole page
            if _rendered(page) != _rendered(whole):
                differ.append(page.file.src_uri)
        return done

    monkeypatch.setattr(headings, "converted", compared)
    config.plugins.on_startup(command="build", dirty=False)

    def keep_files(files: Any, config: MkDocsConfig) -> Any:
        config._kb_files = files
        return files

    config.plugins.events["files"].append(keep_files)
    build(config)
    return len(taken), ids, differ


# Headings a page holds twice ("Graph" is also the page's own), a heading with no letters (its id
# is `_1`), `&` and a glossary term in headings.
_MADE = """# ZCP (Zenith Cloud Platform)

<expand title="General Points">
## General Points

- ZCP Services Overview (3 Services):
  - Alpha, Beta, Gamma
- ZCP Services by Category:
  - **Compute**: Alpha, Beta
  - **Storage**: Gamma
</expand>

<expand title="Core ZCP Services">
## Core ZCP Services

### Compute & More Services

- **Alpha**: runs things & more on ZCP
- **Beta**: runs other things

### ???

- **Gamma**: stores things
</expand>

<expand title="Patterns">
## Patterns

### Related services

- **Beta**: pairs with Alpha

### Graph

- **Gamma**: drawn with Beta
</expand>
"""


@pytest.mark.parametrize("notes", ["aws", "corpus", "made"])
def test_pages_of_headings_convert_as_python_markdown_converts_them_whole(
    notes: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if notes == "made":
        folder = tmp_path / "notes"
        folder.mkdir()
        (folder / "zcp.md").write_text(_MADE, encoding="utf-8")
    else:
        folder = PROJECT / "notes" if notes == "aws" else require_corpus()
    taken, ids, differ = _compared(folder, tmp_path / "site", monkeypatch)
    assert differ == []
    # Every service page is of this shape (the AWS notes describe about 50 services, the corpus
    # few: it is mostly other subjects).
    assert taken >= {"aws": 45, "corpus": 5, "made": 3}[notes]
    if notes == "made":
        assert {"_1", "graph_1", "related-services_1"} <= ids


def test_only_headings_and_parts_make_such_a_page() -> None:
    page = "# EC2\n\n<!-- kb-part:intro -->\n\n## Graph { data-search-exclude }\n\n<!-- kb-part:graph -->\n"
    assert blocks(page) == [
        "# EC2",
        "<!-- kb-part:intro -->",
        "## Graph { data-search-exclude }",
        "<!-- kb-part:graph -->",
    ]
    for other in (
        "# EC2\n\ntext\n",  # a paragraph
        "# EC2\n## Graph\n",  # two lines in one block
        "# EC2 { #own-id }\n",  # an id of its own changes the ids after it
        "# <b>EC2</b>\n",  # HTML
        "    # EC2\n",  # code
    ):
        assert blocks(other) is None, other
