"""Edit-to-visible under `mkdocs serve --dirty`, as `make serve` runs it.

The server runs on a copy of a notes folder; each edit appends one bullet with a unique marker to
the first section of a notes file and saves it in place, and the time is measured from the save
to the first fetch of that file's full-notes page (`/<topic>/notes/`) that shows the marker,
polling every 10 ms. The first edit warms the server up and is not counted. Edits rotate through
the files given, so a library is measured on several files, not one.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from measure import CONFIG, ROOT, child_env, kill_group
from notes_kb.slugs import topic_slug

EDIT_TIMEOUT = 60.0
"""Seconds an edit may take to show before the measurement gives up."""


@dataclass
class ServeResult:
    """Edit-to-visible times under `mkdocs serve --dirty`."""

    edits: list[float] = field(default_factory=list)
    """Seconds from saving a notes file to its served page showing the edit, warm-up excluded."""
    files: list[str] = field(default_factory=list)
    """The notes file of each measured edit."""
    builds: list[float] = field(default_factory=list)
    """`Documentation built in N seconds` from the server log, per measured edit."""
    status: str = "ok"
    """`ok`, or what went wrong."""

    @property
    def median(self) -> float | None:
        return statistics.median(self.edits) if self.edits else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "edits": self.edits,
            "files": self.files,
            "median_seconds": self.median,
            "build_seconds": self.builds,
            "median_build_seconds": statistics.median(self.builds) if self.builds else None,
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 30.0) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def measure_serve(notes_dir: Path, files: list[Path], edits: int, log: Path, startup: float = 180.0) -> ServeResult:
    """Serve `notes_dir` (a copy the caller owns) and time `edits` edits, after one warm-up, to `files` in turn."""
    originals = {file: file.read_text(encoding="utf-8") for file in files}
    port = free_port()

    def url(file: Path) -> str:
        return f"http://127.0.0.1:{port}/{topic_slug(file.name)}/notes/"

    # mkdocs.yml watches notes/ only; the copy under KB_NOTES_DIR must be watched explicitly.
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(CONFIG), "-a", f"127.0.0.1:{port}"]
    cmd += ["-w", str(notes_dir)]
    result = ServeResult()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, env=child_env(notes_dir), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + startup
        while fetch(url(files[0]), timeout=5) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                result.status = "server did not start: " + " / ".join(_tail(log, 1))
                return result
            time.sleep(0.2)
        for number in range(edits + 1):
            file = files[number % len(files)]
            marker = f"kbbenchedit{os.getpid()}x{number}"
            seconds = _edit_and_wait(file, originals[file], marker, url(file))
            if seconds is None:
                result.status = f"edit {number} ({file.name}) never became visible within {EDIT_TIMEOUT:g} s"
                return result
            built = re.findall(r"Documentation built in ([0-9.]+) seconds", log.read_text(errors="replace"))
            if number > 0:  # the first edit is a warm-up
                result.edits.append(seconds)
                result.files.append(file.name)
                if built:
                    result.builds.append(float(built[-1]))
            # Let any rebuild triggered by the same save finish before the next edit.
            time.sleep(0.5)
    finally:
        _stop(proc)
    return result


def _edit_and_wait(notes_file: Path, original: str, marker: str, url: str) -> float | None:
    # The edit an author makes: one more bullet at the end of the first section, saved in place.
    edited = original.replace("\n</expand>", f"\n- Benchmark edit {marker}\n</expand>", 1)
    notes_file.write_text(edited, encoding="utf-8")
    start = time.perf_counter()
    while time.perf_counter() - start < EDIT_TIMEOUT:
        page = fetch(url)
        if page is not None and marker in page:
            return time.perf_counter() - start
        time.sleep(0.01)
    return None


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    kill_group(proc, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        proc.wait()


def _tail(log: Path, lines: int) -> list[str]:
    return log.read_text(errors="replace").splitlines()[-lines:] if log.exists() else []
