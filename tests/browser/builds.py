"""Building the site for these checks: the hosted build as `make build` does it, the bundle as
`make bundle` does it (both in subprocesses, from the project's own files)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from browser.helpers import PROJECT
from sitebuild import build_site

if TYPE_CHECKING:
    from pathlib import Path


def build_hosted(
    dest: Path, *, site_url: str = "", notes_dir: Path | None = None, env: dict[str, str] | None = None
) -> None:
    """`mkdocs build --strict` into `dest`, optionally for a `site_url` and of another notes folder."""
    # OFFLINE and SITE_URL from the caller's shell must not change what the hosted build is.
    result = build_site(dest, notes_dir, env={"SITE_URL": site_url, "OFFLINE": "false", **(env or {})})
    assert result.returncode == 0, result.stderr


def make_offline_bundle(out_dir: Path, *, env: dict[str, str] | None = None) -> Path:
    """`tools/offline_bundle.py --out-dir out_dir`; returns the zip it wrote."""
    command = [sys.executable, str(PROJECT / "tools" / "offline_bundle.py"), "--out-dir", str(out_dir)]
    environment = {**os.environ, "SITE_URL": "", **(env or {})}
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    (zip_path,) = out_dir.glob("*.zip")
    return zip_path
