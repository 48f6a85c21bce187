"""The benchmark's report: the machine, each target of the issue with its verdict, and the tables.

`targets()` turns the measured cases into one row per target (`pass`, `FAIL`, or `n/a` when the
run did not measure it, e.g. sizes left out by `--quick`); `markdown_report()` renders what is
printed and written to bench/results/latest.md.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from measure import ROOT, Case
from serve import ServeResult

# The targets (same machine class, medians).
LIBRARY_SECONDS = 5.0
LIBRARY_SERVE_SECONDS = 1.0
AWS_SERVE_SECONDS = 0.5
AWS_RATIO = 1.25
LONG_SECONDS = 25.0
PER_PAGE_GROWTH = 1.3
SYNTHETIC_2000_SECONDS = 15.0
RSS_MB = 500.0
SEARCH_MB = 10.0
QUERY_MS = 100.0
"""Search results within this after a query, in headless Chromium, at the largest size."""
GRAPH_FPS = 30.0
"""At least this many frames per second while panning the topic graph of 2,000 services."""


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


def targets(
    cases: list[Case],
    serve: dict[str, ServeResult],
    shapes: list[str],
    search_times: dict[str, Any] | None = None,
    search_services: int = 5000,
    *,
    graph_fps: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Each target of the issue with its measured value and verdict (`pass`, `FAIL`, `n/a`)."""
    found = {(c.kind, c.variant, c.size, c.shape): c.summary() for c in cases}
    rows: list[dict[str, Any]] = []

    def ours(kind: str, size: int | None = None, shape: str | None = None) -> dict[str, Any]:
        return found.get((kind, "ours", size, shape), {})

    def add(label: str, value: float | None, limit: float, unit: str, shown: str, *, at_least: bool = False) -> None:
        # Most targets are ceilings (seconds, megabytes); a frame rate is a floor.
        met = value is not None and (value >= limit if at_least else value <= limit)
        verdict = "n/a" if value is None else "pass" if met else "FAIL"
        shown = "not measured" if value is None else shown
        row = {"target": label, "value": value, "limit": limit, "unit": unit, "shown": shown, "result": verdict}
        rows.append(row | ({"at_least": True} if at_least else {}))

    def seconds(label: str, summary: dict[str, Any], limit: float) -> None:
        add(label, summary.get("seconds"), limit, " s", f"{_num(summary.get('seconds'), 2)} s")

    def growth(label: str, large: dict[str, Any], small: dict[str, Any]) -> None:
        top, bottom = large.get("ms_per_page"), small.get("ms_per_page")
        ratio = _ratio(top, bottom)
        add(label, ratio, PER_PAGE_GROWTH, "×", f"{_num(ratio, 2)}× ({_num(top, 1)} / {_num(bottom, 1)} ms/page)")

    def edits(label: str, result: ServeResult | None, limit: float) -> None:
        median = result.median if result else None
        shown = f"{_num(median, 3)} s" + (f" (max {max(result.edits):.3f} s)" if result and result.edits else "")
        add(label, median, limit, " s", shown)

    seconds("25-file library: full build", ours("library"), LIBRARY_SECONDS)
    edits("25-file library: edit-to-visible under make serve", serve.get("library"), LIBRARY_SERVE_SECONDS)
    edits("AWS notes: edit-to-visible under make serve", serve.get("aws"), AWS_SERVE_SECONDS)
    aws, aws_base = ours("aws"), found.get(("aws", "baseline", None, None), {})
    ratio = _ratio(aws.get("seconds"), aws_base.get("seconds"))
    shown = f"{_num(ratio, 2)}× ({_num(aws.get('seconds'), 2)} s / {_num(aws_base.get('seconds'), 2)} s)"
    add("AWS notes: full build / plain Material of the same pages", ratio, AWS_RATIO, "×", shown)
    seconds("One notes file of 1,500 sections: full build", ours("long", 1500), LONG_SECONDS)
    growth("One notes file: ms per page at 1,500 sections / at 100", ours("long", 1500), ours("long", 100))
    for shape in shapes:
        seconds(f"2,000 services, {shape}: full build", ours("synthetic", 2000, shape), SYNTHETIC_2000_SECONDS)
    for shape in shapes:
        growth(
            f"{shape}: ms per page at 5,000 services / at 500",
            ours("synthetic", 5000, shape),
            ours("synthetic", 500, shape),
        )
    for shape in shapes:
        measured = [(c.median("peak_rss_mb"), c.size) for c in cases if c.shape == shape and c.variant == "ours"]
        peak, size = max(((mb, n) for mb, n in measured if mb is not None), default=(None, None))
        shown = f"{_num(peak, 0)} MB" + (f" (at {size:,} services)" if size else "")
        add(f"{shape}: peak RSS of the build's largest process, largest of any size", peak, RSS_MB, " MB", shown)
    for shape in shapes:
        search = ours("synthetic", 5000, shape).get("search_mb")
        add(f"5,000 services, {shape}: search index", search, SEARCH_MB, " MB", f"{_num(search, 2)} MB")
    slowest = (search_times or {}).get("max_ms")
    shown = f"{_num(slowest, 0)} ms (median {_num((search_times or {}).get('median_ms'), 0)} ms)"
    add(f"{search_services:,} services: slowest query to results in Chromium", slowest, QUERY_MS, " ms", shown)
    fps = (graph_fps or {}).get("median_fps")
    runs = ", ".join(f"{value:.0f}" for value in (graph_fps or {}).get("runs_fps", []))
    services = (graph_fps or {}).get("services", 2000)
    label = f"{services:,} services: frames per second panning the topic graph in Chromium"
    add(label, fps, GRAPH_FPS, " fps", f"{_num(fps, 1)} fps (median of {runs})", at_least=True)
    return rows


def _ratio(top: float | None, bottom: float | None) -> float | None:
    return top / bottom if top is not None and bottom else None


def _num(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def case_label(case: dict[str, Any]) -> str:
    """How the tables name a case."""
    kind, size = case["kind"], case["size"]
    if kind == "aws":
        return "AWS (notes/)"
    if kind == "library":
        return "library (25 files)"
    if kind == "long":
        return f"one file, {size:,} sections"
    return f"{case['shape']}, {size:,} services"


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
    for row in report["targets"]:
        bound = "≥" if row.get("at_least") else "≤"
        out.append(f"| {row['target']} | {row['shown']} | {bound} {row['limit']:g}{row['unit']} | {row['result']} |")
    out += [
        "",
        "## Builds",
        "",
        "Medians of `runs` successful builds; wall time of the `mkdocs build` process (start-up included).",
        "Peak RSS: the build's largest process (it or one of its workers). All processes: the peak of",
        "their summed proportional set sizes, sampled every 0.2 s (bench/measure.py).",
        "",
        "| site | build | runs | median s | min–max s | pages | ms/page | peak RSS MB | all processes MB "
        "| site MB | search index MB | warnings |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for case in report["cases"]:
        s = case["summary"]
        site = case_label(case)
        if case["status"] != "ok" and not s["runs"]:
            out.append(f"| {site} | {case['variant']} | 0 | {case['status']} | | | | | | | | |")
            continue
        status = "" if case["status"] == "ok" else f" ({case['status']})"
        out.append(
            f"| {site} | {case['variant']}{status} | {s['runs']} | {_num(s['seconds'], 2)} "
            f"| {_num(s['min_seconds'], 2)}–{_num(s['max_seconds'], 2)} | {_num(s['pages'], 0)} "
            f"| {_num(s['ms_per_page'], 1)} | {_num(s['peak_rss_mb'], 0)} | {_num(s.get('total_mb'), 0)} "
            f"| {_num(s['site_mb'], 1)} "
            f"| {_num(s['search_mb'], 2)} | {_num(s['warnings'], 0)} |"
        )
    search = report.get("search") or {}
    if search.get("ready_ms") is not None:
        out += [
            "",
            "## Search in Chromium",
            "",
            f"{search.get('services', 0):,} services: search first answered {_num(search['ready_ms'], 0)} ms "
            "after the page started loading (the worker loads the index meanwhile); from the page's load "
            f"event until then its own thread paused at most {_num(search.get('longest_pause_ms'), 0)} ms. "
            f"Slowest query {_num(search.get('max_ms'), 0)} ms, median {_num(search.get('median_ms'), 0)} ms.",
        ]
    out += ["", "## Edit to visible under `mkdocs serve --dirty`", ""]
    if not report["serve"]:
        out.append("Not run (`--no-serve`).")
    else:
        out += [
            "| site | edits | median s | min–max s | median build s (server log) | files edited | status |",
            "| --- | ---: | ---: | ---: | ---: | --- | --- |",
        ]
        for site, serve in report["serve"].items():
            times = serve["edits"]
            spread = f"{min(times):.3f}–{max(times):.3f}" if times else "–"
            out.append(
                f"| {site} | {len(times)} | {_num(serve['median_seconds'], 3)} | {spread} "
                f"| {_num(serve['median_build_seconds'], 2)} | {', '.join(serve['files'])} | {serve['status']} |"
            )
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
