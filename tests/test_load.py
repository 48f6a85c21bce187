"""Reading a notes folder: topics in file-name order, alias files, problems with them reported."""

from __future__ import annotations

from pathlib import Path

from notes_kb_old.load import build_knowledge_base, notes_files

CATALOG = '# V (Vendor)\n<expand title="Core">\n### Compute Services\n- **Alpha (Able Lamp)**: one\n</expand>\n'


def test_topics_in_file_name_order_and_hidden_files_skipped(tmp_path: Path) -> None:
    for name in ["b.md", "a.md", ".draft.md", "notes.txt"]:
        (tmp_path / name).write_text("# T\n", encoding="utf-8")
    assert [p.name for p in notes_files(tmp_path)] == ["a.md", "b.md"]


def test_alias_file_adds_names(tmp_path: Path) -> None:
    (tmp_path / "v.md").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "v.aliases.yml").write_text("Alpha:\n  - The Lamp\n", encoding="utf-8")
    loaded = build_knowledge_base(tmp_path, tmp_path)
    assert loaded.diagnostics == []
    [service] = loaded.kb.topics[0].services
    assert "The Lamp" in service.aliases


def test_malformed_alias_files_are_reported_and_ignored(tmp_path: Path) -> None:
    (tmp_path / "v.md").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "v.aliases.yml").write_text("Alpha: [unclosed\n", encoding="utf-8")
    loaded = build_knowledge_base(tmp_path, tmp_path)
    assert [str(d).split(":")[:2] for d in loaded.diagnostics] == [["v.aliases.yml", "2"]]
    assert loaded.kb.topics[0].services[0].name == "Alpha"
    (tmp_path / "v.aliases.yml").write_text("- just\n- a list\n", encoding="utf-8")
    loaded = build_knowledge_base(tmp_path, tmp_path)
    assert [str(d) for d in loaded.diagnostics] == [
        "v.aliases.yml:1: an alias file maps a service name to a list of names"
    ]
