"""The benchmark's generated notes: deterministic, the size and shape asked for, and clean notes.

Synthetic AWS-shaped notes (bench/synth.py) in every shape, the 25-file library and the long notes
file (bench/library.py): the same arguments give the same bytes, the knobs change what they say,
and the pipeline finds what was generated with no diagnostics. Also the report's verdicts.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from notes_kb.source import parse
from pipeline import build_notes

if TYPE_CHECKING:
    from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _bench_module(name: str) -> ModuleType:
    # bench/ is a folder of scripts that import each other by name (run.py runs with bench/ first
    # on sys.path); import them the same way, and leave sys.path as it was.
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH))


synth = _bench_module("synth")
library = _bench_module("library")
measure = _bench_module("measure")
report = _bench_module("report")
run = _bench_module("run")

SHAPES = list(synth.SHAPES)
_CATALOG_BULLET = re.compile(r"^- \*\*(?P<label>[^*]+)\*\*: ")


def _section(text: str, title: str) -> list[str]:
    """The lines of the `<expand>` section with this title (top level, no nesting)."""
    start = text.index(f'<expand title="{title}">\n')
    return text[start : text.index("\n</expand>", start)].splitlines()


def _catalog_labels(text: str) -> list[str]:
    """Bold labels of the bullets under `### … Services` headings of the catalog section."""
    labels: list[str] = []
    under_services = False
    for line in _section(text, "Core ZCP Services"):
        if line.startswith("### "):
            under_services = line.endswith(" Services")
        elif under_services and (match := _CATALOG_BULLET.match(line)):
            labels.append(match["label"])
    return labels


# Synthetic AWS-shaped notes -------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("services", [1, 7, 300])
def test_same_arguments_give_same_bytes(services: int, shape: str) -> None:
    first = synth.generate(services, seed=3, shape=synth.SHAPES[shape]).text
    assert first == synth.generate(services, seed=3, shape=synth.SHAPES[shape]).text


def test_different_seeds_differ() -> None:
    assert synth.generate(50, seed=1).text != synth.generate(50, seed=2).text


def test_catalog_is_the_default_shape() -> None:
    assert SHAPES[0] == "catalog"
    assert synth.SHAPES["catalog"] == synth.Shape("catalog")
    assert synth.generate(80, seed=5).text == synth.generate(80, seed=5, shape=synth.SHAPES["catalog"]).text


def test_shapes_write_the_same_services_differently() -> None:
    notes = [synth.generate(120, shape=synth.SHAPES[shape]) for shape in SHAPES]
    assert len(SHAPES) >= 3
    assert len({n.text for n in notes}) == len(notes)
    for other in notes[1:]:
        assert (other.services, other.categories, other.layers) == (
            notes[0].services,
            notes[0].categories,
            notes[0].layers,
        )
        assert other.certifications == notes[0].certifications


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("services", [1, 2, 40, 500])
def test_has_the_requested_number_of_services(services: int, shape: str) -> None:
    notes = synth.generate(services, shape=synth.SHAPES[shape])
    assert len(notes.services) == services
    assert len({s.name for s in notes.services}) == services
    assert _catalog_labels(notes.text) == [s.catalog_label for s in notes.services]


@pytest.mark.parametrize("shape", SHAPES)
def test_every_list_names_a_known_service(shape: str) -> None:
    notes = synth.generate(200, shape=synth.SHAPES[shape])
    names = {s.name for s in notes.services}
    names |= {s.full_name for s in notes.services if s.full_name}
    names |= {s.initials for s in notes.services}
    overview = re.search(r"Services Overview \((?P<count>\d+) Services\):\n  - (?P<list>.+)", notes.text)
    assert overview is not None
    listed = overview["list"].split(", ")
    assert len(listed) == int(overview["count"])
    for item in listed:
        bare = re.sub(r" \(.*\)$", "", item).removeprefix("ZCP ")
        assert bare in names
    flow = re.findall(r"^  - \*\*\S+ (?P<layer>.+?)\*\* - (?P<count>\d+) Services?: (?P<list>.*)$", notes.text, re.M)
    assert [layer for layer, _, _ in flow] == list(notes.layers)
    for _, count, members in flow:
        assert len(members.split(", ")) == int(count)
        assert {re.sub(r" \(.*\)$", "", m) for m in members.split(", ")} <= names


def test_detailed_gives_every_service_a_subsection_and_expands_lists() -> None:
    services = 90
    notes = synth.generate(services, shape=synth.SHAPES["detailed"])
    headings = [line for line in _section(notes.text, "ZCP Services Details") if line.startswith("### ")]
    assert len(headings) == services
    overview = re.search(r"Services Overview \(\d+ Services\):\n  - (?P<list>.+)", notes.text)
    assert overview is not None
    expanded = [n for n, item in enumerate(overview["list"].split(", ")) if item.endswith(")")]
    assert expanded
    assert all(n % 3 == 0 for n in expanded)
    flow = "\n".join(line for line in notes.text.splitlines() if "️⃣" in line)
    assert re.search(r"[A-Z]{2,} \([A-Z][a-z]+ [A-Z]", flow)


def test_dense_has_a_glossary_and_more_mentions() -> None:
    services = 200
    catalog = synth.generate(services)
    dense = synth.generate(services, shape=synth.SHAPES["dense"])
    assert len(catalog.terms) == 0
    assert len(dense.terms) == round(services * synth.SHAPES["dense"].glossary_per_service)
    terminology = _section(dense.text, "ZCP Terminology")
    assert [line for line in terminology if line.startswith("- **")] == [
        f"- **{acronym} ({expansion})**: {line.split(': ', 1)[1]}"
        for (acronym, expansion), line in zip(dense.terms, terminology[3:], strict=True)
    ]
    catalog_lines = _section(catalog.text, "Core ZCP Services")
    dense_lines = _section(dense.text, "Core ZCP Services")
    assert len(dense_lines) > 1.5 * len(catalog_lines)
    # Glossary terms are not services: their acronyms and expansions never name one.
    names = {s.name for s in dense.services} | {s.initials for s in dense.services}
    assert not names & {acronym for acronym, _ in dense.terms}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("services", [1, 3, 60, 1000])
def test_parses_without_diagnostics(services: int, shape: str) -> None:
    notes = synth.generate(services, shape=synth.SHAPES[shape])
    document, diagnostics = parse(notes.text, "notes/zcp.md")
    assert diagnostics == []
    assert document.title == "ZCP (Zenith Cloud Platform)"
    titles = [section.title for section in document.top_sections()]
    assert titles[:3] == ["Version History (Main Versions)", "General Points", "Core ZCP Services"]
    assert "ZCP Services Details" in titles
    assert len(titles) == len(set(titles))


def test_writes_the_file(tmp_path: Path) -> None:
    path = synth.write_notes(tmp_path / "notes", 25, seed=4, shape=synth.SHAPES["dense"])
    assert path == tmp_path / "notes" / "zcp.md"
    assert path.read_bytes() == synth.generate(25, seed=4, shape=synth.SHAPES["dense"]).text.encode("utf-8")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("services", [1, 60, 300])
def test_the_pipeline_finds_what_was_generated(tmp_path: Path, services: int, shape: str) -> None:
    # The benchmark's page counts mean something only if extraction sees the generated model.
    notes = synth.generate(services, shape=synth.SHAPES[shape])
    synth.write_notes(tmp_path, services, shape=synth.SHAPES[shape])
    loaded = build_notes(tmp_path)
    assert loaded.diagnostics == ()
    (topic,) = loaded.kb.topics
    assert len(topic.services) == services
    assert [c.name for c in topic.categories] == list(notes.categories)
    assert len(topic.layers) == len(notes.layers)
    assert len(topic.certifications) == len(notes.certifications)
    glossary = {term.term for term in topic.glossary}
    assert {acronym for acronym, _ in notes.terms} <= glossary


# The library and the long notes file ----------------------------------------------------------


def test_library_is_deterministic_and_sized_like_the_real_one() -> None:
    files = library.library()
    assert files == library.library()
    assert files != library.library(seed=1)
    assert len(files) == 25
    assert [text.count("<expand title=") for text in files.values()] == [n for _, _, n in library.LIBRARY]
    assert sum(text.count("<expand title=") for text in files.values()) == 430
    lines = [len(text.splitlines()) for text in files.values()]
    assert 8_000 <= sum(lines) <= 11_000
    assert max(lines) > 4 * min(lines)


def test_library_has_every_kind_of_block() -> None:
    text = "\n".join(library.library().values())
    for needle in ("\n### ", "\n```bash\n", "\n| --- |", "\n- **", "\n  - ", "\n    - ", "  1. ", "<commit>"):
        assert needle in text, needle
    assert "\n## Primary Concepts\n" in text
    assert "\nPrimary Concepts\n" in text
    assert "\nSecondary Concepts\n" in text
    # Nested sections: an `<expand>` opened before the previous one closed.
    assert re.search(r'<expand title="[^"]+">\n(?:(?!</expand>).*\n)*<expand title=', text)


def test_the_pipeline_reads_the_library(tmp_path: Path) -> None:
    paths = library.write_library(tmp_path)
    assert [p.name for p in paths] == list(library.library())
    loaded = build_notes(tmp_path)
    assert loaded.diagnostics == ()
    assert len(loaded.kb.topics) == 25
    by_file = {Path(topic.source).name: topic for topic in loaded.kb.topics}
    for path, (_, _, sections) in zip(paths, library.LIBRARY, strict=True):
        topic = by_file[path.name]
        assert len(topic.document.sections) == sections
        assert topic.services == ()


@pytest.mark.parametrize("sections", [1, 12, 100])
def test_long_notes_have_the_sections_asked_for(tmp_path: Path, sections: int) -> None:
    text = library.long_notes(sections)
    assert text == library.long_notes(sections)
    library.write_long_notes(tmp_path, sections)
    loaded = build_notes(tmp_path)
    assert loaded.diagnostics == ()
    (topic,) = loaded.kb.topics
    assert len(topic.document.sections) == sections
    if sections >= 100:
        # Sections of similar size: no top-level section more than three times the median.
        sizes = sorted(s.end - s.start for s in topic.document.top_sections())
        assert sizes[-1] <= 3 * sizes[len(sizes) // 2]
        assert any(s.depth > 0 for s in topic.document.sections)


# The report -----------------------------------------------------------------------------------


def _case(kind: str, seconds: float, pages: int, size: int | None = None, shape: str | None = None) -> object:
    case = measure.Case(kind, "ours", size, shape)
    case.builds.append(measure.Build(seconds=seconds, peak_rss_mb=300.0, returncode=0, pages=pages, search_mb=2.0))
    return case


def test_targets_give_verdicts_and_na_for_what_was_not_measured() -> None:
    cases = [
        _case("library", 4.0, 480),
        _case("long", 1.0, 100, size=100),
        _case("long", 14.0, 1500, size=1500),
        _case("synthetic", 3.0, 600, size=500, shape="catalog"),
        _case("synthetic", 16.0, 2100, size=2000, shape="catalog"),
    ]
    rows = {row["target"]: row["result"] for row in report.targets(cases, {}, ["catalog"])}
    assert rows["25-file library: full build"] == "pass"
    assert rows["One notes file of 1,500 sections: full build"] == "pass"
    assert rows["One notes file: ms per page at 1,500 sections / at 100"] == "pass"
    assert rows["2,000 services, catalog: full build"] == "FAIL"
    assert rows["catalog: ms per page at 5,000 services / at 500"] == "n/a"
    assert rows["AWS notes: edit-to-visible under make serve"] == "n/a"
    assert rows["catalog: peak RSS of the build's largest process, largest of any size"] == "pass"


@pytest.mark.parametrize(("fps", "verdict"), [([58.0, 57.5, 59.1], "pass"), ([31.0, 29.0, 12.0], "FAIL"), ([], "n/a")])
def test_graph_frame_rate_is_a_floor(fps: list[float], verdict: str) -> None:
    graph = {"services": 2000, "runs_fps": fps, "median_fps": sorted(fps)[len(fps) // 2] if fps else None}
    rows = report.targets([], {}, ["catalog"], graph_fps=graph)
    [row] = [row for row in rows if "topic graph" in row["target"]]
    assert row["result"] == verdict
    assert row["target"] == "2,000 services: frames per second panning the topic graph in Chromium"
    table = report.markdown_report(
        {
            "settings": {"mode": "quick"},
            "finished": "now",
            "targets": [row],
            "cases": [],
            "serve": {},
            "machine": {
                "cpu": "cpu",
                "nproc": 2,
                "usable_cpus": 2,
                "memory_gb": 4,
                "python": "3",
                "platform": "linux",
                "versions": {},
                "commit": "abc",
                "load_average_start": [0, 0, 0],
            },
            "load_average_end": [0, 0, 0],
            "baseline_config": "plain",
        }
    )
    assert "| ≥ 30 fps |" in table


def test_serve_edits_spread_over_file_sizes(tmp_path: Path) -> None:
    for size in range(1, 11):
        (tmp_path / f"f{size:02}.md").write_text("x" * size * 10, encoding="utf-8")
    files = sorted(tmp_path.glob("*.md"))
    assert [p.name for p in run.spread(files, 3)] == ["f10.md", "f06.md", "f01.md"]
    assert len(run.spread(files, 20)) == 10


def test_peak_wrapper_writes_the_child_s_own_peak(tmp_path: Path) -> None:
    out = tmp_path / "peak"
    _, _, code, _ = measure.run_measured(
        [sys.executable, str(measure.PEAK), str(out), "platform"], {}, tmp_path / "log", 60
    )
    assert code == 0
    assert 1_000 < int(out.read_text(encoding="utf-8")) < 500_000  # KiB: a Python process, not the test runner


_FORKER = """
import os, time
shared = bytearray(60_000_000)  # bytearray writes its zeros: every page is resident
pid = os.fork()
if pid == 0:
    own = bytearray(120_000_000)
    time.sleep(1.0)  # several of the sampler's 0.2 s intervals
    os._exit(0)
os.waitpid(pid, 0)
"""


def test_memory_counts_the_build_s_workers(tmp_path: Path) -> None:
    # A build whose forked worker is its largest process: peak RSS is the worker's (the 60 MB it
    # shares with its parent and its own 120 MB), and all processes together hold about 180 MB,
    # the shared 60 MB counted once.
    (tmp_path / "forker.py").write_text(_FORKER, encoding="utf-8")
    out = tmp_path / "peak"
    env = {"PYTHONPATH": str(tmp_path)}
    _, _, code, total = measure.run_measured(
        [sys.executable, str(measure.PEAK), str(out), "forker"], env, tmp_path / "log", 60
    )
    assert code == 0
    peak_mb = int(out.read_text(encoding="utf-8")) * 1024 / measure.MB
    assert 180 < peak_mb < 260
    assert total is not None
    assert 180 < total < 260
