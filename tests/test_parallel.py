"""A build on every core writes the site a build in one process writes, file for file.

`mkdocs build` reads the notes in a process of its own, renders pages in forked workers, and
converts and builds pages in forked workers while MkDocs' own loop takes each page's result as it
reaches it (`notes_kb.glue.parallel`). `KB_BUILD_JOBS=1` does all of it in one process, as
`mkdocs serve` does. Notes large enough that every one of those pools forks are built both ways,
and once more with workers that fail on a page, which MkDocs' loop must then build as usual.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import PROJECT
from notes_kb.glue import parallel
from sitebuild import build_site, files_of, warnings_of

if TYPE_CHECKING:
    from pathlib import Path

SERVICES = 250
"""More pages than `notes_kb.workers.MIN_ITEMS` (200), so the render stage forks too."""
FAILING = "zcp/services/"
"""Pages of this folder fail in the workers of the last test (every other one of them)."""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("notes")
    command = [sys.executable, str(PROJECT / "bench" / "synth.py"), "--services", str(SERVICES)]
    subprocess.run([*command, "--shape", "detailed", "--out", str(folder)], check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def one_process(notes: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    site = tmp_path_factory.mktemp("one-process")
    result = build_site(site, notes, env={"KB_BUILD_JOBS": "1"})
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == []
    return files_of(site)


def test_a_build_on_every_core_writes_what_one_process_writes(
    notes: Path, one_process: dict[str, bytes], tmp_path: Path
) -> None:
    result = build_site(tmp_path, notes, env={"KB_BUILD_JOBS": "2"})
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == []
    files = files_of(tmp_path)
    assert len(one_process) > SERVICES
    assert sorted(files) == sorted(one_process)
    assert [name for name in one_process if files[name] != one_process[name]] == []


_CONVERT, _BUILD = parallel._convert, parallel._build


def _fails(index: int) -> bool:
    assert parallel._job is not None
    return parallel._job.pages[index].file.src_uri.startswith(FAILING) and index % 2 == 1


# Module functions, not closures: the workers are sent them by name.
def _failing_convert(index: int) -> Any:
    return None if _fails(index) else _CONVERT(index)


def _failing_build(index: int) -> Any:
    return None if _fails(index) else _BUILD(index)


def test_pages_the_workers_fail_on_are_converted_built_and_indexed_as_usual(
    notes: Path, one_process: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In this process, so that the forked workers run the failing functions.
    monkeypatch.setenv("KB_NOTES_DIR", str(notes))
    monkeypatch.setenv("KB_BUILD_JOBS", "2")
    monkeypatch.setattr(parallel, "_convert", _failing_convert)
    monkeypatch.setattr(parallel, "_build", _failing_build)
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(tmp_path))
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    build(config)
    files = files_of(tmp_path)
    assert sorted(files) == sorted(one_process)
    assert [name for name in one_process if files[name] != one_process[name]] == []
