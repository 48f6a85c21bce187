"""Alias files and the problems extract reports: each at its file and line, with its kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from notes_kb.build import read_folder
from notes_kb.diagnostics import Check
from notes_kb.extract import extract
from notes_kb.extract.aliases import read_aliases

if TYPE_CHECKING:
    from pathlib import Path

CATALOG = (
    "# V (Vendor)\n"
    '<expand title="Core">\n'
    "### Compute Services\n"
    "- **Alpha (Able Lamp)**: one\n"
    "- **Beta**: two\n"
    "</expand>\n"
)


def problems(folder: Path, aliases: str) -> list[tuple[str, Check]]:
    (folder / "v.md").write_text(CATALOG, encoding="utf-8")
    (folder / "v.aliases.yml").write_text(aliases, encoding="utf-8")
    documents, alias_files, read = read_folder(folder, folder)
    _kb, found = extract(documents, alias_files)
    return [(str(d), d.check) for d in [*read, *found]]


def test_alias_file_adds_names(tmp_path: Path) -> None:
    (tmp_path / "v.md").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "v.aliases.yml").write_text("Alpha:\n  - The Lamp\n", encoding="utf-8")
    documents, alias_files, read = read_folder(tmp_path, tmp_path)
    kb, found = extract(documents, alias_files)
    assert (read, found) == ([], [])
    alpha = next(s for s in kb.topics[0].services if s.name == "Alpha")
    assert "The Lamp" in alpha.aliases


def test_an_entry_naming_no_service_is_reported_at_its_line(tmp_path: Path) -> None:
    assert problems(tmp_path, "Alpha:\n  - The Lamp\nGamma:\n  - G\n") == [
        ('v.aliases.yml:3: "Gamma" is no service of v.md: its names are not used', Check.ALIAS_TARGET)
    ]


def test_a_name_of_another_service_stays_with_it(tmp_path: Path) -> None:
    assert problems(tmp_path, "Alpha:\n  - Beta\n") == [
        ('v.aliases.yml:1: "Beta" already names Beta: it stays with Beta, not Alpha', Check.NAME_CONFLICT)
    ]


def test_shape_errors_are_reported_at_their_real_line(tmp_path: Path) -> None:
    text = "Alpha:\n  - The Lamp\nBeta: just a string\nGamma:\n  - [nested]\n"
    file, found = read_aliases(text, "v.aliases.yml")
    assert [(str(d), d.check) for d in found] == [
        ("v.aliases.yml:3: an alias file maps a service name to a list of other names", Check.ALIAS_FILE),
        ("v.aliases.yml:5: an alias file maps a service name to a list of other names", Check.ALIAS_FILE),
    ]
    assert [entry.name for entry in file.entries] == ["Alpha"]


def test_a_file_that_is_not_yaml_is_reported_where_it_breaks(tmp_path: Path) -> None:
    assert problems(tmp_path, "Alpha:\n  - The Lamp\n  - [unclosed\n") == [
        ("v.aliases.yml:4: cannot read the alias file: while parsing a flow sequence", Check.ALIAS_FILE)
    ]
