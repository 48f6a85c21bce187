"""`bench/run.py --profile N`: where the time of one full build at N services goes.

pyinstrument records the build; the summary books each function's own time to an area (our
hooks, the search index, templates, Markdown, MkDocs) and lists the costliest functions. The
same build is then timed without the profiler, and the pipeline's stages in process.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import synth
from baseline import project_config, render_options
from measure import CONFIG, RESULTS, ROOT, child_env, measure_build, progress
from notes_kb.build import read_folder
from notes_kb.extract import extract
from notes_kb.render import render
from synth import Shape


def profile(services: int, work: Path, shape: Shape) -> None:
    """Profile one full build at `services` services with pyinstrument; write a summary, text and HTML."""
    notes_dir = work / f"notes-{services}"
    synth.write_notes(notes_dir, services, shape=shape)
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
    site = render(kb, render_options(project_config()))
    rendered = time.perf_counter()
    summary = profile_summary(Path(f"{base}.pstats"), services)
    summary += (
        f"\nWithout the profiler: full build {plain.seconds:.1f} s for {plain.pages:,} pages; in process, "
        f"load + parse + extract {loaded - start:.2f} s, render_site {rendered - loaded:.2f} s "
        f"({len(site.pages):,} pages).\n"
    )
    Path(f"{base}.md").write_text(summary, encoding="utf-8")
    print(summary)
    progress(f"profile written to {base}.md, .txt (call tree), .html and .pstats")


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
