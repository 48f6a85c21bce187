"""`make bench`: build times, memory and output sizes of the site, against plain MkDocs + Material.

What it measures (each build a fresh `mkdocs build` subprocess into a fresh temporary folder):

- the AWS site (notes/) and a generated library of 25 notes files (bench/library.py): warm-ups,
  then alternating runs of our build and of the baseline; medians and their ratio;
- one notes file of 100 / 500 / 1,500 sections (bench/library.py) and AWS-shaped synthetic notes
  of 500 / 2,000 / 5,000 services in each shape (bench/synth.py): seconds, ms per page, peak RSS,
  site and search-index size, and the baseline where its estimated time is below a cap;
- `mkdocs serve --dirty` (as `make serve` runs it) on copies of the AWS notes and of the library:
  wall time from saving an edit to the served page showing it, a different library file each time;
- search in headless Chromium at the largest synthetic size (bench/searchtime.py), and frames per
  second while panning the topic graph of 2,000 synthetic services (bench/graphfps.py).

The baseline is plain MkDocs + Material with `navigation.prune` building the pages our pipeline
generates (bench/baseline.py). Every target of the issue is checked (bench/report.py); results go
to stdout and to bench/results/latest.{json,md}. Modules: measure.py runs one build, cases.py the
cases, serve.py the serve measurement, profiling.py `--profile`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

import library
import synth
from baseline import DESCRIPTION, project_config
from cases import Runner, Settings
from graphfps import measure_graph_fps
from measure import AWS_NOTES, RESULTS, progress
from profiling import profile
from report import machine, markdown_report, targets
from searchtime import measure_search
from serve import ServeResult, measure_serve


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the site build (see the module docstring).")
    parser.add_argument("--quick", action="store_true", help="1 run each, small sizes, 2 serve edits")
    parser.add_argument("--sizes", help="comma-separated service counts (default 500,2000,5000)")
    parser.add_argument("--sections", help="comma-separated section counts of the long file (default 100,500,1500)")
    parser.add_argument("--shapes", help=f"comma-separated synthetic shapes (default {','.join(synth.SHAPES)})")
    parser.add_argument("--runs", type=int, help="AWS runs of each side after the warm-up (default 5)")
    parser.add_argument("--library-runs", type=int, help="library runs of each side after the warm-up (default 3)")
    parser.add_argument(
        "--synthetic-runs", type=int, help="runs of our build per long-file and synthetic size (default 3)"
    )
    parser.add_argument("--serve-edits", type=int, help="measured edits under mkdocs serve, per site (default 5)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurements")
    parser.add_argument("--no-baseline", action="store_true", help="skip every baseline build")
    parser.add_argument("--baseline-cap", type=float, default=120.0, help="skip baselines estimated above this (s)")
    parser.add_argument("--timeout", type=float, default=900.0, help="stop any one build of ours after this (s)")
    parser.add_argument(
        "--repeat-limit", type=float, default=180.0, help="no repeat runs of a size whose first run took longer (s)"
    )
    parser.add_argument("--profile", type=int, metavar="SERVICES", help="only profile one build at this size")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def _numbers(text: str | None, default: list[int]) -> list[int]:
    return [int(part) for part in text.split(",")] if text else default


def settings_from(args: argparse.Namespace) -> Settings:
    quick = args.quick
    shapes = args.shapes.split(",") if args.shapes else list(synth.SHAPES)
    unknown = [shape for shape in shapes if shape not in synth.SHAPES]
    if unknown:
        raise SystemExit(f"unknown shape(s) {', '.join(unknown)}; known: {', '.join(synth.SHAPES)}")
    return Settings(
        aws_runs=args.runs or (1 if quick else 5),
        library_runs=args.library_runs or (1 if quick else 3),
        series_runs=args.synthetic_runs or (1 if quick else 3),
        sizes=_numbers(args.sizes, [100, 500] if quick else [500, 2000, 5000]),
        sections=_numbers(args.sections, [100, 500] if quick else [100, 500, 1500]),
        shapes=shapes,
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
        settings = settings_from(args)
        if args.profile:
            profile(args.profile, work, synth.SHAPES[settings.shapes[0]])
            return 0
        return run_benchmark(settings, work)
    finally:
        if args.keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run_benchmark(settings: Settings, work: Path) -> int:
    started = dt.datetime.now(dt.UTC)
    info = machine()
    runner = Runner(settings, work, project_config())
    library_dir = work / "library"
    library.write_library(library_dir)
    cases = runner.paired("aws", AWS_NOTES, settings.aws_runs)
    cases += runner.paired("library", library_dir, settings.library_runs)
    cases += runner.series("long", settings.sections, library.write_long_notes)
    for name in settings.shapes:
        shape = synth.SHAPES[name]

        def write(folder: Path, services: int, shape: synth.Shape = shape) -> Path:
            return synth.write_notes(folder, services, shape=shape)

        cases += runner.series("synthetic", settings.sizes, write, name)
    serve = measure_serves(settings, work, library_dir) if settings.serve_edits else {}
    largest = max(settings.sizes)
    progress(f"search: query times on {largest:,} services (catalog) in Chromium")
    search = measure_search(
        synth.write_notes(work / "search-notes", largest, shape=synth.SHAPES["catalog"]).parent, work
    )
    graph_services = 2000
    progress(f"graph: frames per second panning the topic graph of {graph_services:,} services in Chromium")
    graph_notes = synth.write_notes(work / "graph-notes", graph_services, shape=synth.SHAPES["catalog"]).parent
    graph = {"services": graph_services, **measure_graph_fps(graph_notes, work).as_dict()}
    report = {
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": asdict(settings),
        "machine": info,
        "load_average_end": os.getloadavg(),
        "baseline_config": DESCRIPTION,
        "cases": [c.as_dict() for c in cases],
        "serve": {site: result.as_dict() for site, result in serve.items()},
        "search": {"services": largest, **search.as_dict()},
        "graph": graph,
        "targets": targets(cases, serve, settings.shapes, search.as_dict(), largest, graph_fps=graph),
    }
    text = markdown_report(report)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    progress(f"written to {RESULTS / 'latest.json'} and latest.md")
    return 0


def measure_serves(settings: Settings, work: Path, library_dir: Path) -> dict[str, ServeResult]:
    """Edit-to-visible on a copy of the AWS notes, then on a copy of the library."""
    results = {}
    for site, source in (("aws", AWS_NOTES), ("library", library_dir)):
        notes_dir = work / f"serve-{site}"
        shutil.copytree(source, notes_dir)
        # One file more than edits: the warm-up edit gets the smallest, each measured edit another,
        # the largest first.
        files = spread(sorted(notes_dir.glob("*.md")), settings.serve_edits + 1)
        files = files[-1:] + files[:-1]
        progress(f"serve {site}: editing {', '.join(f.name for f in files)}")
        log = work / f"serve-{site}.log"
        results[site] = measure_serve(notes_dir, files, settings.serve_edits, log)
        if results[site].status != "ok" and log.exists():
            RESULTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(log, RESULTS / log.name)
            results[site].status += f" (log: bench/results/{log.name})"
    return results


def spread(files: list[Path], count: int) -> list[Path]:
    """Up to `count` of `files`, largest first, spread evenly over their sizes down to the smallest."""
    by_size = sorted(files, key=lambda f: (-f.stat().st_size, f.name))
    if count >= len(by_size):
        return by_size
    if count == 1:
        return by_size[:1]
    return [by_size[round(i * (len(by_size) - 1) / (count - 1))] for i in range(count)]


if __name__ == "__main__":
    sys.exit(main())
