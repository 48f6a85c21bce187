"""Building the real site from tests: `mkdocs build` in a subprocess, as a user would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def build_site(
    dest: Path,
    notes_dir: Path | None = None,
    *,
    strict: bool = True,
    env: dict[str, str] | None = None,
    extra_args: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` of the project into `dest`, optionally on another notes folder."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if notes_dir is not None:
        environment["KB_NOTES_DIR"] = str(notes_dir)
    else:
        environment.pop("KB_NOTES_DIR", None)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(PROJECT / "mkdocs.yml"), "-d", str(dest)]
    if strict:
        command.append("--strict")
    command += extra_args or []
    return subprocess.run(command, cwd=PROJECT, env=environment, capture_output=True, text=True, check=False)


def warnings_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The `WARNING` lines MkDocs printed, without the level prefix."""
    return [line.split(" -  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("WARNING")]


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path inside it, with its bytes: two sites compare equal
    when they are the same file for file."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
