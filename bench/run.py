"""`make bench`: build times, memory and output sizes of the site, against plain MkDocs + Material.

What it measures, each build a fresh `mkdocs build` subprocess into a fresh temporary folder:

- the AWS site (notes/): a warm-up, then alternating runs of our build and of the baseline, so
  that drift on a shared machine hits both alike; medians and their ratio;
- synthetic notes of the same shape (bench/synth.py) at several sizes: seconds, ms per page, peak
  RSS, site size, search-index size, and the baseline where its estimated time is below a cap;
- `mkdocs serve` on a copy of the AWS notes: wall time from saving an edit to the served page
  showing it.

The baseline is what plain MkDocs + Material costs for the same pages: the Markdown our hooks
generate is exported to a docs folder and built with a minimal mkdocs.yml (theme material, the
project's markdown_extensions and extra_css, the search plugin, MkDocs' default nav, no hooks).

Peak RSS comes from `os.wait4` (the child's own rusage; `ru_maxrss` is in KiB on Linux). Sizes are
in MB = 10^6 bytes. Results go to stdout and to bench/results/latest.{json,md}.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import types
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

import synth
from notes_kb.build import BuildOptions, build, read_folder
from notes_kb.extract import extract
from notes_kb.render import RenderOptions, render
from notes_kb.slugs import topic_slug

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CONFIG = ROOT / "mkdocs.yml"
AWS_NOTES = ROOT / "notes"

# The targets (same machine class, medians).
TARGET_AWS_RATIO = 1.25
TARGET_2000_SECONDS = 15.0
TARGET_PER_PAGE_GROWTH = 1.5
TARGET_RSS_MB = 500.0
TARGET_SEARCH_MB = 10.0
TARGET_SERVE_SECONDS = 1.0

# Plain Material measured on this machine class (design.md): 8 s at 500 pages, 86 s at 2,000,
# 494 s at 5,000. Every page renders the whole nav, so time grows as a + b·pages + c·pages².
# The fit below reproduces those three points within 2%; it is rescaled by every baseline this
# run measures, so a faster or slower machine corrects it as it goes.
_PLAIN_LINEAR_S = 0.007
_PLAIN_SQUARE_S = 1.8e-5

MB = 1_000_000


@dataclass
class Build:
    """One `mkdocs build` subprocess."""

    seconds: float
    """Wall time from spawn to exit, Python start-up included."""
    peak_rss_mb: float
    """The child's peak resident set size."""
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
    log_tail: str = ""
    """Last lines of the log when the build failed."""

    @property
    def ok(self) -> bool:
        """The build finished and succeeded."""
        return self.returncode == 0


@dataclass
class Case:
    """Several builds of one site, ours or the baseline."""

    name: str
    """`aws` or `synthetic-<N>`."""
    variant: str
    """`ours` or `baseline`."""
    services: int | None = None
    """Services in the synthetic notes; None for the AWS notes."""
    builds: list[Build] = field(default_factory=list)
    """The measured builds (warm-up excluded)."""
    status: str = "ok"
    """`ok`, `failed`, `timed out: > N s` or `skipped: …`."""
    estimated_seconds: float | None = None
    """The baseline's estimate that decided whether to run it."""

    def median(self, attribute: str) -> float | None:
        values = [getattr(b, attribute) for b in self.builds if b.ok]
        return statistics.median(values) if values else None

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
            "site_mb": self.median("site_mb"),
            "search_mb": self.median("search_mb"),
            "warnings": self.median("warnings"),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "variant": self.variant,
            "services": self.services,
            "status": self.status,
            "estimated_seconds": self.estimated_seconds,
            "summary": self.summary(),
            "builds": [asdict(b) for b in self.builds],
        }


@dataclass
class ServeResult:
    """Edit-to-visible times under `mkdocs serve`."""

    edits: list[float] = field(default_factory=list)
    """Seconds from saving the notes file to the served page showing the edit, warm-up excluded."""
    builds: list[float] = field(default_factory=list)
    """`Documentation built in N seconds` from the server log, per measured edit."""
    status: str = "ok"
    """`ok`, or what went wrong."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "edits": self.edits,
            "median_seconds": statistics.median(self.edits) if self.edits else None,
            "build_seconds": self.builds,
            "median_build_seconds": statistics.median(self.builds) if self.builds else None,
        }


# Running builds ------------------------------------------------------------------------------------


def child_env(notes_dir: Path | None) -> dict[str, str]:
    """The environment of a build: our notes folder, no site URL, no MkDocs 2 banner."""
    env = dict(os.environ)
    env.pop("SITE_URL", None)
    env.pop("KB_NOTES_DIR", None)
    env["NO_MKDOCS_2_WARNING"] = "1"
    if notes_dir is not None:
        env["KB_NOTES_DIR"] = str(notes_dir)
    return env


def run_measured(cmd: list[str], env: dict[str, str], log: Path, timeout: float) -> tuple[float, float, int | None]:
    """Run `cmd`; return wall seconds, peak RSS in MB and exit code (None when killed at the timeout)."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)

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
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss * 1024 / MB, None if timed_out.is_set() else proc.returncode


def measure_build(config: Path, notes_dir: Path | None, work: Path, timeout: float) -> Build:
    """Build `config` into a fresh folder under `work`, measure it, delete the output."""
    site = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    log = site.with_suffix(".log")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    seconds, rss, code = run_measured(cmd, child_env(notes_dir), log, timeout)
    text = log.read_text(encoding="utf-8", errors="replace")
    build = Build(seconds=seconds, peak_rss_mb=rss, returncode=code, warnings=len(re.findall(r"^WARNING", text, re.M)))
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


# The baseline ---------------------------------------------------------------------------------


def project_config() -> dict[str, Any]:
    """mkdocs.yml as data, `!ENV` tags resolved by MkDocs' own loader."""
    # Imported here so that `--help` works without MkDocs on the path.
    mkdocs_yaml = importlib.import_module("mkdocs.utils.yaml")
    with CONFIG.open(encoding="utf-8") as source:
        loaded: dict[str, Any] = mkdocs_yaml.yaml_load(source)
    return loaded


class _ConfigDumper(yaml.SafeDumper):
    """Dumps `!!python/name:` references (e.g. pymdownx.emoji's index) back as MkDocs reads them."""


def _represent_name(dumper: yaml.SafeDumper, value: Any) -> yaml.Node:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value.__module__}.{value.__qualname__}", "")


_ConfigDumper.add_multi_representer(types.FunctionType, _represent_name)
_ConfigDumper.add_multi_representer(types.BuiltinFunctionType, _represent_name)
_ConfigDumper.add_multi_representer(type, _represent_name)


def export_baseline(notes_dir: Path, out: Path, project: dict[str, Any]) -> tuple[Path, int]:
    """Write the generated pages of `notes_dir` and a minimal mkdocs.yml; return it and the page count."""
    docs = out / "docs"
    source_docs = ROOT / str(project.get("docs_dir", "docs"))
    if source_docs.is_dir():
        # The author's own pages and assets (kb.css), as our build sees them.
        shutil.copytree(source_docs, docs)
    docs.mkdir(parents=True, exist_ok=True)
    render_options = RenderOptions(
        site_name=project.get("site_name", "Study Notes"), template_dirs=[ROOT / "overrides"]
    )
    options = BuildOptions(root=ROOT, render=render_options)
    site = build(notes_dir, options).site
    for path, page in site.pages.items():
        target = docs / path
        if not target.exists():  # the hooks never overwrite a page the author wrote either
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
    config = {
        "site_name": project.get("site_name", "Study Notes"),
        "docs_dir": str(docs),
        "use_directory_urls": project.get("use_directory_urls", True),
        "theme": {"name": "material"},
        "plugins": ["search"],
        "markdown_extensions": project.get("markdown_extensions", []),
        "extra_css": project.get("extra_css", []),
    }
    config_file = out / "mkdocs.yml"
    config_file.write_text(yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False), encoding="utf-8")
    pages = sum(1 for p in docs.rglob("*.md"))
    return config_file, pages


def plain_material_model(pages: int) -> float:
    """Seconds plain Material needs for `pages` pages beyond start-up, before rescaling."""
    return _PLAIN_LINEAR_S * pages + _PLAIN_SQUARE_S * pages * pages


@dataclass
class BaselineEstimator:
    """Predicts a baseline build's time from the builds measured so far."""

    startup: float = 1.0
    """Seconds of a near-empty build (the AWS baseline, once measured)."""
    scale: float = 1.0
    """This machine's speed against the design's measurements."""

    def estimate(self, pages: int) -> float:
        return self.startup + self.scale * plain_material_model(pages)

    def learn(self, pages: int, seconds: float) -> None:
        # Only sizes where pages dominate start-up say anything about per-page cost.
        if pages >= 200 and seconds > self.startup:
            self.scale = (seconds - self.startup) / plain_material_model(pages)


# Serve ----------------------------------------------------------------------------------------


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


def measure_serve(work: Path, edits: int, startup_timeout: float = 180.0) -> ServeResult:
    """Edit a copy of the AWS notes under `mkdocs serve`; time each edit until the page shows it."""
    notes_dir = work / "serve-notes"
    shutil.copytree(AWS_NOTES, notes_dir)
    notes_file = notes_dir / "aws.md"
    original = notes_file.read_text(encoding="utf-8")
    slug = topic_slug("notes/aws.md")
    port = free_port()
    url = f"http://127.0.0.1:{port}/{slug}/notes/"
    log = work / "serve.log"
    # mkdocs.yml watches notes/ only; the copy under KB_NOTES_DIR must be watched explicitly.
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(CONFIG), "-a", f"127.0.0.1:{port}", "-w", str(notes_dir)]
    result = ServeResult()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, env=child_env(notes_dir), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + startup_timeout
        while fetch(url, timeout=5) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                result.status = "server did not start: " + " / ".join(_tail(log, 5))
                return result
            time.sleep(0.2)
        for number in range(edits + 1):
            marker = f"kbbenchedit{os.getpid()}x{number}"
            seconds = _edit_and_wait(notes_file, original, marker, url)
            if seconds is None:
                result.status = f"edit {number} never became visible within 60 s"
                return result
            built = re.findall(r"Documentation built in ([0-9.]+) seconds", log.read_text(errors="replace"))
            if number > 0:  # the first edit is a warm-up
                result.edits.append(seconds)
                if built:
                    result.builds.append(float(built[-1]))
            # Let any rebuild triggered by the same save finish before the next edit.
            time.sleep(0.5)
    finally:
        _stop(proc)
        notes_file.write_text(original, encoding="utf-8")
    return result


def _edit_and_wait(notes_file: Path, original: str, marker: str, url: str) -> float | None:
    # The edit an author makes: one more bullet in the first section, saved in place.
    edited = original.replace("\n</expand>", f"\n- Benchmark edit {marker}\n</expand>", 1)
    notes_file.write_text(edited, encoding="utf-8")
    start = time.perf_counter()
    while time.perf_counter() - start < 60:
        page = fetch(url)
        if page is not None and marker in page:
            return time.perf_counter() - start
        time.sleep(0.01)
    return None


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _tail(log: Path, lines: int) -> list[str]:
    return log.read_text(errors="replace").splitlines()[-lines:] if log.exists() else []


# The benchmark --------------------------------------------------------------------------------


@dataclass
class Settings:
    """What to run."""

    aws_runs: int
    synthetic_runs: int
    sizes: list[int]
    serve_edits: int
    baseline: bool
    baseline_cap: float
    timeout: float
    repeat_limit: float
    warmup: bool
    mode: str


def bench_aws(settings: Settings, work: Path, project: dict[str, Any], estimator: BaselineEstimator) -> list[Case]:
    ours = Case("aws", "ours")
    base = Case("aws", "baseline")
    config = None
    if settings.baseline:
        config, _ = export_baseline(AWS_NOTES, work / "aws-baseline", project)
    if settings.warmup:
        _progress("aws: warm-up")
        measure_build(CONFIG, AWS_NOTES, work, settings.timeout)
        if config is not None:
            measure_build(config, None, work, settings.timeout)
    for run in range(settings.aws_runs):
        # Alternate the order too, so neither side always runs right after the other.
        order = [(ours, CONFIG, AWS_NOTES), (base, config, None)]
        for case, cfg, notes in order if run % 2 == 0 else reversed(order):
            if cfg is None:
                continue
            build = measure_build(cfg, notes, work, settings.timeout)
            case.builds.append(build)
            _progress(f"aws {case.variant} run {run + 1}: {build.seconds:.2f} s")
    for case in (ours, base):
        failed = [b for b in case.builds if not b.ok]
        if any(b.returncode is not None for b in failed):
            case.status = "failed"
        elif failed:
            case.status = f"timed out: > {settings.timeout:g} s"
    if not settings.baseline:
        base.status = "skipped: --no-baseline"
    elif base.median("seconds") is not None:
        estimator.startup = base.median("seconds") or estimator.startup
    return [ours, base]


def bench_synthetic(
    services: int, settings: Settings, work: Path, project: dict[str, Any], estimator: BaselineEstimator
) -> list[Case]:
    notes_dir = work / f"notes-{services}"
    synth.write_notes(notes_dir, services)
    name = f"synthetic-{services}"
    ours = Case(name, "ours", services)
    for run in range(settings.synthetic_runs):
        build = measure_build(CONFIG, notes_dir, work, settings.timeout)
        ours.builds.append(build)
        _progress(f"{name} ours run {run + 1}: {build.seconds:.2f} s, {build.pages} pages, {build.peak_rss_mb:.0f} MB")
        if not build.ok:
            ours.status = "failed" if build.returncode is not None else f"timed out: > {settings.timeout:g} s"
            break
        if build.seconds > settings.repeat_limit and run + 1 < settings.synthetic_runs:
            # Far off its target already; more runs would only spend the shared machine.
            ours.status = f"1 run only: it took > {settings.repeat_limit:g} s"
            break
    base = Case(name, "baseline", services)
    if not settings.baseline:
        base.status = "skipped: --no-baseline"
        return [ours, base]
    config, pages = export_baseline(notes_dir, work / f"baseline-{services}", project)
    base.estimated_seconds = estimator.estimate(pages)
    if base.estimated_seconds > settings.baseline_cap:
        base.status = (
            f"skipped: > {settings.baseline_cap:g} s (estimated {base.estimated_seconds:.0f} s for {pages} pages)"
        )
        _progress(f"{name} baseline {base.status}")
        return [ours, base]
    # A bad estimate must not stall the run: the build is stopped at 1.5× the cap.
    limit = settings.baseline_cap * 1.5
    build = measure_build(config, None, work, limit)
    base.builds.append(build)
    _progress(f"{name} baseline: {build.seconds:.2f} s, {build.pages} pages")
    if build.returncode is None:
        base.status = f"timed out: > {limit:g} s"
    elif not build.ok:
        base.status = "failed"
    else:
        estimator.learn(build.pages, build.seconds)
    shutil.rmtree(work / f"baseline-{services}", ignore_errors=True)
    return [ours, base]


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# Reporting ------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) * 1024 / 1e9, 1)
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions[package] = importlib.metadata.version(package)
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "commit": commit,
        "load_average_start": os.getloadavg(),
    }


def targets(cases: list[Case], serve: ServeResult | None) -> list[dict[str, Any]]:
    """Each target of the issue with its measured value and verdict (`pass`, `FAIL`, `n/a`)."""
    found = {(c.name, c.variant): c.summary() for c in cases}
    rows: list[dict[str, Any]] = []

    def add(label: str, value: float | None, limit: float, shown: str) -> None:
        verdict = "n/a" if value is None else "pass" if value <= limit else "FAIL"
        rows.append({"target": label, "value": value, "limit": limit, "shown": shown, "result": verdict})

    ours, base = found.get(("aws", "ours"), {}), found.get(("aws", "baseline"), {})
    ratio = _ratio(ours.get("seconds"), base.get("seconds"))
    add(
        "AWS site: full build / plain-Material baseline",
        ratio,
        TARGET_AWS_RATIO,
        f"{_num(ratio, 2)}× ({_num(ours.get('seconds'), 2)} s / {_num(base.get('seconds'), 2)} s)",
    )
    mid = found.get(("synthetic-2000", "ours"), {})
    add("2,000 services: full build", mid.get("seconds"), TARGET_2000_SECONDS, f"{_num(mid.get('seconds'), 2)} s")
    small, large = found.get(("synthetic-500", "ours"), {}), found.get(("synthetic-5000", "ours"), {})
    growth = _ratio(large.get("ms_per_page"), small.get("ms_per_page"))
    add(
        "per-page cost, 5,000 / 500 services",
        growth,
        TARGET_PER_PAGE_GROWTH,
        f"{_num(growth, 2)}× ({_num(large.get('ms_per_page'), 1)} / {_num(small.get('ms_per_page'), 1)} ms/page)",
    )
    add("5,000 services: peak RSS", large.get("peak_rss_mb"), TARGET_RSS_MB, f"{_num(large.get('peak_rss_mb'), 0)} MB")
    search = large.get("search_mb")
    add("5,000 services: search index", search, TARGET_SEARCH_MB, f"{_num(search, 2)} MB")
    serve_median = statistics.median(serve.edits) if serve and serve.edits else None
    add("AWS site: serve rebuild (edit → visible)", serve_median, TARGET_SERVE_SECONDS, f"{_num(serve_median, 3)} s")
    return rows


def _ratio(top: float | None, bottom: float | None) -> float | None:
    return top / bottom if top is not None and bottom else None


def _num(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def markdown_report(report: dict[str, Any]) -> str:
    """The tables printed to stdout and written to latest.md."""
    m = report["machine"]
    out = [
        f"# Benchmark ({report['settings']['mode']}, {report['finished']})",
        "",
        "## Targets",
        "",
        "| target | measured | limit | result |",
        "| --- | --- | --- | --- |",
    ]
    units = {"AWS site: full build / plain-Material baseline": "×", "per-page cost, 5,000 / 500 services": "×"}
    for row in report["targets"]:
        unit = units.get(row["target"], " MB" if "RSS" in row["target"] or "index" in row["target"] else " s")
        out.append(f"| {row['target']} | {row['shown']} | ≤ {row['limit']:g}{unit} | {row['result']} |")
    out += [
        "",
        "## Builds",
        "",
        "Medians of `runs` successful builds; wall time of the `mkdocs build` process (start-up included).",
        "",
        "| site | build | runs | median s | min–max s | pages | ms/page | peak RSS MB | site MB | search index MB "
        "| warnings |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for case in report["cases"]:
        s = case["summary"]
        site = "AWS (notes/)" if case["name"] == "aws" else f"{case['services']:,} services"
        if case["status"] != "ok" and not s["runs"]:
            out.append(f"| {site} | {case['variant']} | 0 | {case['status']} | | | | | | | |")
            continue
        status = "" if case["status"] == "ok" else f" ({case['status']})"
        out.append(
            f"| {site} | {case['variant']}{status} | {s['runs']} | {_num(s['seconds'], 2)} "
            f"| {_num(s['min_seconds'], 2)}–{_num(s['max_seconds'], 2)} | {_num(s['pages'], 0)} "
            f"| {_num(s['ms_per_page'], 1)} | {_num(s['peak_rss_mb'], 0)} | {_num(s['site_mb'], 1)} "
            f"| {_num(s['search_mb'], 2)} | {_num(s['warnings'], 0)} |"
        )
    serve = report.get("serve")
    out += ["", "## Serve rebuild (AWS notes)", ""]
    if serve is None:
        out.append("Not run (`--no-serve`).")
    else:
        out += [
            "| edits | median edit → visible s | min–max s | median build s (server log) | status |",
            "| ---: | ---: | ---: | ---: | --- |",
            f"| {len(serve['edits'])} | {_num(serve['median_seconds'], 3)} "
            f"| {_num(min(serve['edits'], default=None), 3)}–{_num(max(serve['edits'], default=None), 3)} "
            f"| {_num(serve['median_build_seconds'], 2)} | {serve['status']} |",
        ]
    out += [
        "",
        "## Machine",
        "",
        f"- CPU: {m['cpu']}; {m['nproc']} CPUs ({m['usable_cpus']} usable); memory {m['memory_gb']} GB",
        f"- Python {m['python']} on {m['platform']}",
        "- " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"- commit {m['commit']}; load average at start {_loads(m['load_average_start'])}, "
        f"at end {_loads(report['load_average_end'])}",
        f"- baseline: {report['baseline_config']}",
        "",
    ]
    return "\n".join(out)


def _loads(values: list[float]) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


# Profile mode ---------------------------------------------------------------------------------


def profile(services: int, work: Path) -> None:
    """Profile one full build at `services` services with pyinstrument; write a summary, text and HTML."""
    notes_dir = work / f"notes-{services}"
    synth.write_notes(notes_dir, services)
    RESULTS.mkdir(parents=True, exist_ok=True)
    session = work / "build.pyisession"
    base = RESULTS / f"profile-{services}"
    cmd = [sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(session), "-m", "mkdocs", "build"]
    cmd += ["-q", "-f", str(CONFIG), "-d", str(work / "site")]
    subprocess.run(cmd, env=child_env(notes_dir), cwd=ROOT, check=True)
    load = [sys.executable, "-m", "pyinstrument", "--load", str(session)]
    subprocess.run([*load, "-r", "html", "-o", f"{base}.html"], check=True)
    subprocess.run([*load, "-r", "pstats", "-o", f"{base}.pstats"], check=True)
    # Library frames stay visible: MkDocs, Jinja and Markdown are where the time usually goes.
    subprocess.run([*load, "-r", "text", "--show-all", "--no-color", "-o", f"{base}.txt"], check=True)
    # pyinstrument's per-call hook weighs many small Python calls (our hooks) more than C-heavy
    # code, so the same build is also timed without it, stage by stage.
    plain = measure_build(CONFIG, notes_dir, work, 3600)
    start = time.perf_counter()
    documents, aliases, _problems = read_folder(notes_dir, ROOT)
    kb, _diagnostics = extract(documents, aliases)
    loaded = time.perf_counter()
    site = render(
        kb, RenderOptions(site_name=project_config().get("site_name", ""), template_dirs=[ROOT / "overrides"])
    )
    rendered = time.perf_counter()
    summary = profile_summary(Path(f"{base}.pstats"), services)
    summary += (
        f"\nWithout the profiler: full build {plain.seconds:.1f} s for {plain.pages:,} pages; in process, "
        f"load + parse + extract {loaded - start:.2f} s, render_site {rendered - loaded:.2f} s "
        f"({len(site.pages):,} pages).\n"
    )
    Path(f"{base}.md").write_text(summary, encoding="utf-8")
    print(summary)
    _progress(f"profile written to {base}.md, .txt (call tree), .html and .pstats")


# Where a function's own time is booked, first match wins.
_AREAS = (
    ("our hooks (hooks/)", ("/hooks/",)),
    ("search index (Material search plugin, html.parser)", ("material/plugins/search", "html/parser", "_markupbase")),
    ("templates (Jinja, Material and overrides/ templates)", ("jinja2/", ".html")),
    ("Markdown (Python-Markdown, pymdown-extensions, Pygments)", ("markdown/", "pymdownx/", "pygments/")),
    ("MkDocs (files, nav, config, writing)", ("mkdocs/",)),
)


def profile_summary(pstats_file: Path, services: int) -> str:
    """Self time by area and the costliest functions, from pyinstrument's pstats output."""
    pstats = importlib.import_module("pstats")
    stats: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(str(pstats_file)).stats
    total = max(entry[3] for entry in stats.values())
    areas: dict[str, float] = {}
    for (filename, _, _), entry in stats.items():
        area = next((name for name, marks in _AREAS if any(m in filename for m in marks)), "other (re, builtins …)")
        areas[area] = areas.get(area, 0.0) + entry[2]

    def where(key: tuple[str, int, str]) -> str:
        filename, line, function = key
        short = filename.split("site-packages/")[-1].removeprefix(f"{ROOT}/")
        short = re.sub(r"^.*/lib/python3\.\d+/", "", short)
        return f"`{function}` {short}:{line}"

    out = [
        f"# Profile: full build, {services:,} services ({total:.1f} s under pyinstrument)",
        "",
        "| area (self time) | s | share |",
        "| --- | ---: | ---: |",
    ]
    for area, seconds in sorted(areas.items(), key=lambda item: -item[1]):
        out.append(f"| {area} | {seconds:.2f} | {seconds / total:.0%} |")
    out += ["", "| costliest functions (self time) | s |", "| --- | ---: |"]
    by_self = sorted(stats.items(), key=lambda item: -item[1][2])[:15]
    out += [f"| {where(key)} | {entry[2]:.2f} |" for key, entry in by_self]
    ours = [(key, entry) for key, entry in stats.items() if "/hooks/" in key[0]]
    out += ["", "| our functions (inclusive time) | s |", "| --- | ---: |"]
    out += [f"| {where(key)} | {entry[3]:.2f} |" for key, entry in sorted(ours, key=lambda i: -i[1][3])[:12]]
    return "\n".join(out) + "\n"


# Main -----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the site build (see the module docstring).")
    parser.add_argument("--quick", action="store_true", help="1 run each, sizes 100 and 500, 2 serve edits")
    parser.add_argument("--sizes", help="comma-separated service counts (default 500,2000,5000)")
    parser.add_argument("--runs", type=int, help="AWS runs of each side after the warm-up (default 5)")
    parser.add_argument("--synthetic-runs", type=int, help="runs of our build per size (default 3)")
    parser.add_argument("--serve-edits", type=int, help="measured edits under mkdocs serve (default 5)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve rebuild measurement")
    parser.add_argument("--no-baseline", action="store_true", help="skip every baseline build")
    parser.add_argument("--baseline-cap", type=float, default=120.0, help="skip baselines estimated above this (s)")
    parser.add_argument("--timeout", type=float, default=900.0, help="stop any one build of ours after this (s)")
    parser.add_argument(
        "--repeat-limit", type=float, default=180.0, help="no repeat runs of a size whose first run took longer (s)"
    )
    parser.add_argument("--profile", type=int, metavar="SERVICES", help="only profile one build at this size")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def settings_from(args: argparse.Namespace) -> Settings:
    quick = args.quick
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [100, 500] if quick else [500, 2000, 5000]
    return Settings(
        aws_runs=args.runs or (1 if quick else 5),
        synthetic_runs=args.synthetic_runs or (1 if quick else 3),
        sizes=sizes,
        serve_edits=0 if args.no_serve else args.serve_edits or (2 if quick else 5),
        baseline=not args.no_baseline,
        baseline_cap=args.baseline_cap,
        timeout=args.timeout,
        repeat_limit=args.repeat_limit,
        warmup=not quick,
        mode="quick" if quick else "full",
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    try:
        if args.profile:
            profile(args.profile, work)
            return 0
        return run_benchmark(settings_from(args), work)
    finally:
        if args.keep:
            _progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run_benchmark(settings: Settings, work: Path) -> int:
    started = dt.datetime.now(dt.UTC)
    info = machine()
    project = project_config()
    estimator = BaselineEstimator()
    cases = bench_aws(settings, work, project, estimator)
    too_slow: int | None = None
    for services in sorted(settings.sizes):
        if too_slow is not None:
            cases += [
                Case(f"synthetic-{services}", variant, services, status=f"skipped: {too_slow:,} services timed out")
                for variant in ("ours", "baseline")
            ]
            continue
        cases += bench_synthetic(services, settings, work, project, estimator)
        if cases[-2].status.startswith("timed out"):
            too_slow = services
    serve = None
    if settings.serve_edits:
        _progress("serve: editing the AWS notes")
        serve = measure_serve(work, settings.serve_edits)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": asdict(settings),
        "machine": info,
        "load_average_end": os.getloadavg(),
        "baseline_config": "theme material (no features), plugins [search], default nav, no hooks; "
        "markdown_extensions and extra_css from mkdocs.yml",
        "cases": [c.as_dict() for c in cases],
        "serve": serve.as_dict() if serve else None,
        "targets": targets(cases, serve),
    }
    text = markdown_report(report)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    _progress(f"written to {RESULTS / 'latest.json'} and latest.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
