"""Running and measuring one `mkdocs build`, and the records the benchmark keeps of them.

Each build is a fresh `mkdocs build` subprocess into a fresh temporary folder. Memory is measured
two ways, because a build forks workers that share most of their pages with it:
- peak RSS: the largest resident set of any one of its processes, as `ps` or `top` show it
  (bench/peak.py: the build's own `VmHWM` and its workers' `ru_maxrss`; the `ru_maxrss` that
  `os.wait4` returns would include the benchmark process's own peak, see peak.py);
- all processes: the peak of the sum of their proportional set sizes (PSS: a page shared by n
  processes counts 1/n in each), sampled every 0.2 s (`TreeMemory`, with psutil): what the build
  takes from the machine at its busiest, give or take what a sample misses.
Sizes are in MB = 10^6 bytes.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CONFIG = ROOT / "mkdocs.yml"
AWS_NOTES = ROOT / "notes"
PEAK = ROOT / "bench" / "peak.py"
MB = 1_000_000


@dataclass
class Build:
    """One `mkdocs build` subprocess."""

    seconds: float
    """Wall time from spawn to exit, Python start-up included."""
    peak_rss_mb: float
    """The peak resident set size of the build's largest process."""
    returncode: int | None
    """Exit code; None when killed for running past the timeout."""
    pages: int = 0
    """HTML pages written, without 404.html and assets."""
    site_mb: float = 0.0
    """Sum of the sizes of every file in the site folder."""
    search_mb: float = 0.0
    """Sum of the search index files (`search/*.json`)."""
    warnings: int = 0
    """`WARNING` lines in the build log."""
    total_mb: float | None = None
    """The peak of the summed PSS of all the build's processes (`TreeMemory`); None if unsampled."""
    log_tail: str = ""
    """Last lines of the log when the build failed."""

    @property
    def ok(self) -> bool:
        """The build finished and succeeded."""
        return self.returncode == 0


@dataclass
class Case:
    """Several builds of one site, ours or the baseline."""

    kind: str
    """`aws`, `library`, `long` (one notes file of N sections) or `synthetic` (N services)."""
    variant: str
    """`ours` or `baseline`."""
    size: int | None = None
    """Sections of the long file or services of the synthetic notes; None otherwise."""
    shape: str | None = None
    """The synthetic notes' shape (`catalog`, `detailed`, `dense`); None otherwise."""
    builds: list[Build] = field(default_factory=list)
    """The measured builds (warm-up excluded)."""
    status: str = "ok"
    """`ok`, `failed`, `timed out: > N s`, `1 run only: …` or `skipped: …`."""
    estimated_seconds: float | None = None
    """The baseline's estimate that decided whether to run it."""

    @property
    def name(self) -> str:
        """`aws`, `library`, `long-1500`, `synthetic-dense-2000`."""
        return "-".join(str(part) for part in (self.kind, self.shape, self.size) if part is not None)

    def median(self, attribute: str) -> float | None:
        values = [getattr(b, attribute) for b in self.builds if b.ok and getattr(b, attribute) is not None]
        return statistics.median(values) if values else None

    def record(self, build: Build, timeout: float) -> bool:
        """Keep a measured build; on failure set the status and return False."""
        self.builds.append(build)
        if not build.ok:
            self.status = "failed" if build.returncode is not None else f"timed out: > {timeout:g} s"
        return build.ok

    def summary(self) -> dict[str, Any]:
        seconds = self.median("seconds")
        pages = self.median("pages")
        ok_times = [b.seconds for b in self.builds if b.ok]
        return {
            "runs": len(ok_times),
            "seconds": seconds,
            "min_seconds": min(ok_times, default=None),
            "max_seconds": max(ok_times, default=None),
            "pages": int(pages) if pages is not None else None,
            "ms_per_page": seconds * 1000 / pages if seconds is not None and pages else None,
            "peak_rss_mb": self.median("peak_rss_mb"),
            "total_mb": self.median("total_mb"),
            "site_mb": self.median("site_mb"),
            "search_mb": self.median("search_mb"),
            "warnings": self.median("warnings"),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "variant": self.variant,
            "size": self.size,
            "shape": self.shape,
            "status": self.status,
            "estimated_seconds": self.estimated_seconds,
            "summary": self.summary(),
            "builds": [asdict(b) for b in self.builds],
        }


def progress(message: str) -> None:
    """A progress line on stderr (stdout carries the report)."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def child_env(notes_dir: Path | None) -> dict[str, str]:
    """The environment of a build: our notes folder, no site URL, no MkDocs 2 banner."""
    env = dict(os.environ)
    env.pop("SITE_URL", None)
    env.pop("KB_NOTES_DIR", None)
    env["NO_MKDOCS_2_WARNING"] = "1"
    if notes_dir is not None:
        env["KB_NOTES_DIR"] = str(notes_dir)
    return env


def kill_group(proc: subprocess.Popen[bytes], sig: signal.Signals = signal.SIGKILL) -> None:
    """Signal the child's whole process group (it was started in a session of its own)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and all its descendants until it exits; `peak_mb`."""

    INTERVAL = 0.2
    """Seconds between samples: reading a 500 MB process's page map costs a few milliseconds,
    and the build's memory rises and falls over seconds, not milliseconds."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._done.is_set():
            total = 0
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for process in processes:
                # A worker may exit between listing and reading: it holds nothing then.
                with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
                    total += process.memory_full_info().pss
            self.peak_mb = max(self.peak_mb, total / MB)
            self._done.wait(self.INTERVAL)

    def stop(self) -> None:
        """Stop sampling (call once the process has exited)."""
        self._done.set()
        self.join()


def run_measured(
    cmd: list[str], env: dict[str, str], log: Path, timeout: float
) -> tuple[float, float, int | None, float | None]:
    """Run `cmd`; return wall seconds, `ru_maxrss` in MB, exit code (None when killed at the
    timeout) and the peak summed PSS of its processes in MB (None when it was never sampled)."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    sampler = TreeMemory(proc.pid)
    sampler.start()
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        kill_group(proc)

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        # wait4, not Popen.wait: only wait4 returns the rusage of this one child.
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:
        kill()
        proc.wait()
        raise
    finally:
        timer.cancel()
        sampler.stop()
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    code = None if timed_out.is_set() else proc.returncode
    return seconds, usage.ru_maxrss * 1024 / MB, code, sampler.peak_mb or None


def measure_build(config: Path, notes_dir: Path | None, work: Path, timeout: float) -> Build:
    """Build `config` into a fresh folder under `work`, measure it, delete the output."""
    site = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    log, peak = site.with_suffix(".log"), site.with_suffix(".peak")
    cmd = [sys.executable, str(PEAK), str(peak), "mkdocs", "build", "-f", str(config), "-d", str(site)]
    seconds, rss, code, total = run_measured(cmd, child_env(notes_dir), log, timeout)
    if peak.exists():  # not when killed at the timeout; then the inflated rusage figure stands
        rss = int(peak.read_text(encoding="utf-8")) * 1024 / MB
        peak.unlink()
    text = log.read_text(encoding="utf-8", errors="replace")
    warnings = len(re.findall(r"^WARNING", text, re.M))
    build = Build(seconds=seconds, peak_rss_mb=rss, returncode=code, warnings=warnings, total_mb=total)
    if build.ok:
        build.pages, build.site_mb, build.search_mb = site_metrics(site)
    else:
        build.log_tail = "\n".join(text.splitlines()[-15:])
    shutil.rmtree(site, ignore_errors=True)
    log.unlink(missing_ok=True)
    return build


def site_metrics(site: Path) -> tuple[int, float, float]:
    """Pages, site size and search-index size of a built site."""
    pages = 0
    total = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        total += path.stat().st_size
        relative = path.relative_to(site)
        if path.suffix == ".html" and relative.parts[0] != "assets" and relative.as_posix() != "404.html":
            pages += 1
    # Material writes one search_index.json; should the index ever be split, every part counts.
    search = sum(p.stat().st_size for p in (site / "search").glob("*.json"))
    return pages, total / MB, search / MB
