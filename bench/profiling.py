"""`bench/run.py --profile N`: where the time of one full build at N services goes.

pyinstrument records the build; the summary books each function's own time to an area (our
hooks, the search index, templates, Markdown, MkDocs) and lists the costliest functions. The
same build is then timed without the profiler, and the pipeline's stages in process. Last, the
same build runs on one core with the libraries' CPU time counted (bench/floor.py): the least
time any build of these pages can take on this machine's cores, whatever our own code costs.
"""

from __future__ import annotations

import importlib
import json
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
from notes_kb.glue.parallel import workers
from notes_kb.render import render
from synth import Shape

FLOOR = ROOT / "bench" / "floor.py"


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
    summary += "\n" + floor_summary(library_cpu(notes_dir, work), plain.seconds)
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


def library_cpu(notes_dir: Path, work: Path) -> dict[str, float]:
    """CPU seconds by library of one build on one core (`KB_BUILD_JOBS=1`), from bench/floor.py."""
    out = work / "floor.json"
    env = {**child_env(notes_dir), "KB_BUILD_JOBS": "1"}
    cmd = [sys.executable, str(FLOOR), str(out), "mkdocs", "build", "-q", "-f", str(CONFIG), "-d", str(work / "floor")]
    subprocess.run(cmd, env=env, cwd=ROOT, check=True)
    spent: dict[str, float] = json.loads(out.read_text(encoding="utf-8"))
    return spent


def floor_summary(spent: dict[str, float], seconds: float) -> str:
    """The libraries' share of one build, and the least wall time it allows on this machine.

    The pages' work (Python-Markdown, templates, search) can spread over every worker the build
    uses (`glue.parallel.workers`: the cores this process may use); reading a notes file with
    markdown-it cannot (one file, one core, and everything else depends on it). So no build of
    these pages takes less than `markdown_it + (python_markdown + templates + search) / cores`,
    even if everything else cost nothing.
    """
    cores = workers()  # the processes the measured build used
    pages = spent["python_markdown"] + spent["templates"] + spent["search"]
    floor = spent["markdown_it"] + pages / cores
    rows = [
        ("markdown-it (reading the notes, one core)", spent["markdown_it"]),
        ("Python-Markdown (converting pages, extensions included)", spent["python_markdown"]),
        ("Material's templates (one render per page)", spent["templates"]),
        ("Material's search plugin (indexing each page)", spent["search"]),
        ("Python-Markdown set-up (an instance per page; workers reuse one)", spent["python_markdown_setup"]),
        (
            "everything else (our hooks, MkDocs, writing)",
            spent["total"] - pages - spent["markdown_it"] - spent["python_markdown_setup"],
        ),
        ("the whole build on one core", spent["total"]),
    ]
    out = ["| one core, CPU time | s |", "| --- | ---: |", *(f"| {name} | {value:.2f} |" for name, value in rows)]
    out += [
        "",
        f"Least wall time the libraries allow on {cores} cores: {floor:.1f} s "
        f"(markdown-it + the pages' library work / {cores}); the build took {seconds:.1f} s.",
    ]
    return "\n".join(out) + "\n"
