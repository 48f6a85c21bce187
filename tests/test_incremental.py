"""Under `mkdocs serve --dirty`, an edit rebuilds only what depends on it, and the site is then
exactly what a clean build gives: every file, byte for byte, search index included."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import CORPUS, PROJECT
from sitebuild import build_site, files_of

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    for source in [PROJECT / "notes" / "aws.md", PROJECT / "notes" / "aws.aliases.yml", *sorted(CORPUS.glob("g*.md"))]:
        shutil.copyfile(source, folder / source.name)
    return folder


@pytest.fixture
def notes_env(notes: Path) -> Iterator[None]:
    old = os.environ.get("KB_NOTES_DIR")
    os.environ["KB_NOTES_DIR"] = str(notes)
    yield
    if old is None:
        os.environ.pop("KB_NOTES_DIR")
    else:
        os.environ["KB_NOTES_DIR"] = old


def serve_build(site: Path, *, dirty: bool) -> list[str]:
    """One build as `mkdocs serve` runs it: the config loaded anew, the hooks' state kept.

    Returns the generated pages MkDocs converted in it."""
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(site))
    converted: list[str] = []
    original = config.plugins.on_page_markdown

    def record(markdown: str, **kwargs: object) -> str:
        page = kwargs["page"]
        converted.append(page.file.src_uri)  # type: ignore[attr-defined]
        return original(markdown, **kwargs)  # type: ignore[arg-type]

    config.plugins.on_page_markdown = record  # type: ignore[method-assign]
    # A `mkdocs serve --dirty` session (the hooks' plugin outlives configs: other tests in this
    # process may have started it as a single build).
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=dirty)
    return converted


@pytest.mark.usefixtures("notes_env")
def test_an_edit_rebuilds_what_depends_on_it_and_equals_a_clean_build(notes: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    first = serve_build(served, dirty=False)
    assert len(first) > 130

    aws = notes / "aws.md"
    text = aws.read_text(encoding="utf-8")
    edited = text.replace("Biggest client of AWS = Netflix", "Biggest client of AWS = Netflix (edited)")
    assert edited != text
    aws.write_text(edited, encoding="utf-8")
    again = serve_build(served, dirty=True)

    # The edited section and the full notes that show it; nothing of the other topics.
    assert "aws/sections/general-points.md" in again
    assert "aws/notes.md" in again
    assert not [page for page in again if page.startswith(("git/", "graphql/"))]
    assert len(again) < len(first) / 4

    clean = tmp_path / "clean"
    result = build_site(clean, notes)
    assert result.returncode == 0, result.stderr
    served_files, clean_files = files_of(served), files_of(clean)
    assert sorted(served_files) == sorted(clean_files)
    differing = [name for name in clean_files if served_files[name] != clean_files[name]]
    assert differing == []


def test_a_dirty_build_in_a_new_process_equals_a_clean_build(notes: Path, tmp_path: Path) -> None:
    # `mkdocs build --dirty` keeps nothing in memory: unchanged sections are read back from disk.
    site, clean = tmp_path / "site", tmp_path / "clean"
    assert build_site(site, notes).returncode == 0
    aws = notes / "aws.md"
    aws.write_text(aws.read_text(encoding="utf-8").replace("Pay only for compute", "Pay for compute"), encoding="utf-8")
    dirty = build_site(site, notes, strict=False, extra_args=["--dirty"])  # MkDocs warns of --dirty
    assert dirty.returncode == 0, dirty.stderr
    assert build_site(clean, notes).returncode == 0
    assert files_of(site) == files_of(clean)
