"""A build on every core writes the site a build in one process writes, file for file.

`mkdocs build` reads the notes in a process of its own, renders pages in forked workers, and
converts and builds pages in forked workers while MkDocs' own loop takes each page's result as it
reaches it (`notes_kb.glue.parallel`). `KB_BUILD_JOBS=1` does all of it in one process, as
`mkdocs serve` does. Notes large enough that every one of those pools forks are built both ways.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from conftest import PROJECT
from sitebuild import build_site, warnings_of

if TYPE_CHECKING:
    from pathlib import Path

SERVICES = 250
"""More pages than `render.workers.MIN_ITEMS` (200), so the render stage forks too."""


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_build_on_every_core_writes_what_one_process_writes(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    command = [sys.executable, str(PROJECT / "bench" / "synth.py"), "--services", str(SERVICES)]
    subprocess.run([*command, "--shape", "detailed", "--out", str(notes)], check=True, capture_output=True)
    sites = {}
    for jobs in ("1", "2"):
        sites[jobs] = tmp_path / f"site-{jobs}"
        result = build_site(sites[jobs], notes, env={"KB_BUILD_JOBS": jobs})
        assert result.returncode == 0, result.stderr
        assert warnings_of(result) == []
    alone, parallel = _files(sites["1"]), _files(sites["2"])
    assert len(alone) > SERVICES
    assert sorted(parallel) == sorted(alone)
    assert [name for name in alone if parallel[name] != alone[name]] == []
