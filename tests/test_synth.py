"""The benchmark's synthetic notes: deterministic, the size asked for, and clean AWS-shaped notes."""

from __future__ import annotations

import importlib.util
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


def _load_synth() -> ModuleType:
    # bench/ is a folder of scripts, not a package on pytest's path; load the module by file.
    spec = importlib.util.spec_from_file_location("kb_bench_synth", BENCH / "synth.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up in sys.modules while the class body is processed.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


synth = _load_synth()

_CATALOG_BULLET = re.compile(r"^- \*\*(?P<label>[^*]+)\*\*: ")


def _catalog_labels(text: str) -> list[str]:
    """Bold labels of the bullets under `### … Services` headings of the catalog section."""
    labels: list[str] = []
    in_catalog = under_services = False
    for line in text.splitlines():
        if line.startswith(("<expand ", "</expand>")):
            in_catalog = line == '<expand title="Core ZCP Services">'
            under_services = False
        elif line.startswith("### "):
            under_services = in_catalog and line.endswith(" Services")
        elif under_services and (match := _CATALOG_BULLET.match(line)):
            labels.append(match["label"])
    return labels


@pytest.mark.parametrize("services", [1, 7, 300])
def test_same_seed_gives_same_bytes(services: int) -> None:
    assert synth.generate(services, seed=3).text == synth.generate(services, seed=3).text


def test_different_seeds_differ() -> None:
    assert synth.generate(50, seed=1).text != synth.generate(50, seed=2).text


@pytest.mark.parametrize("services", [1, 2, 40, 500])
def test_has_the_requested_number_of_services(services: int) -> None:
    notes = synth.generate(services)
    assert len(notes.services) == services
    assert len({s.name for s in notes.services}) == services
    labels = _catalog_labels(notes.text)
    assert labels == [s.catalog_label for s in notes.services]


def test_every_list_names_a_known_service() -> None:
    notes = synth.generate(200)
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
        assert set(members.split(", ")) <= names


@pytest.mark.parametrize("services", [1, 3, 60, 1000])
def test_parses_without_diagnostics(services: int) -> None:
    notes = synth.generate(services)
    document, diagnostics = parse(notes.text, "notes/zcp.md")
    assert diagnostics == []
    assert document.title == "ZCP (Zenith Cloud Platform)"
    titles = [section.title for section in document.top_sections()]
    assert titles[:3] == ["Version History (Main Versions)", "General Points", "Core ZCP Services"]
    assert "ZCP Services Details" in titles
    assert len(titles) == len(set(titles))


def test_writes_the_file(tmp_path: Path) -> None:
    path = synth.write_notes(tmp_path / "notes", 25, seed=4)
    assert path == tmp_path / "notes" / "zcp.md"
    assert path.read_bytes() == synth.generate(25, seed=4).text.encode("utf-8")


@pytest.mark.parametrize("services", [1, 60, 400])
def test_the_pipeline_finds_what_was_generated(tmp_path: Path, services: int) -> None:
    # The benchmark's page counts mean something only if extraction sees the generated model.
    notes = synth.generate(services)
    synth.write_notes(tmp_path, services)
    loaded = build_notes(tmp_path)
    assert loaded.diagnostics == ()
    (topic,) = loaded.kb.topics
    assert len(topic.services) == services
    assert [c.name for c in topic.categories] == list(notes.categories)
    assert len(topic.layers) == len(notes.layers)
    assert len(topic.certifications) == len(notes.certifications)
