"""Reading the notes folder: every `*.md` under it is one topic."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from .document import Diagnostic
from .extract import extract
from .parse import decode_notes, parse

if TYPE_CHECKING:
    from pathlib import Path

    from .document import NotesDocument
    from .extract import Aliases
    from .model import KnowledgeBase


@dataclass
class LoadedNotes:
    """The knowledge base of a notes folder, with every problem found on the way."""

    kb: KnowledgeBase
    """The extracted model."""
    diagnostics: list[Diagnostic]
    """Problems, as `path:line: message`."""
    files: list[Path]
    """The notes files read, sorted."""


def display_path(file: Path, root: Path) -> str:
    """How messages and pages name a notes file: relative to the project when inside it."""
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def notes_files(notes_dir: Path) -> list[Path]:
    """Every `*.md` below the folder, in a stable order."""
    if not notes_dir.is_dir():
        return []
    return sorted(p for p in notes_dir.rglob("*.md") if p.is_file() and not _hidden(p.relative_to(notes_dir)))


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def build_knowledge_base(notes_dir: Path, root: Path) -> LoadedNotes:
    """Parse and extract every notes file under `notes_dir`; paths in messages are relative to `root`."""
    documents: list[NotesDocument] = []
    diagnostics: list[Diagnostic] = []
    aliases: dict[str, Aliases] = {}
    files = notes_files(notes_dir)
    for file in files:
        shown = display_path(file, root)
        text, decode_problems = decode_notes(file.read_bytes(), shown)
        document, parse_problems = parse(text, shown)
        documents.append(document)
        diagnostics += decode_problems + parse_problems
        alias_file = file.with_suffix(".aliases.yml")
        if alias_file.is_file():
            aliases[shown], problems = read_aliases(alias_file, display_path(alias_file, root))
            diagnostics += problems
    return LoadedNotes(kb=extract(documents, aliases), diagnostics=diagnostics, files=files)


def read_aliases(file: Path, shown: str) -> tuple[Aliases, list[Diagnostic]]:
    """A topic's alias file: `Service name: [other name, …]`; a malformed one is reported and ignored."""
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return {}, [Diagnostic(shown, line, f"cannot read the alias file: {error}".splitlines()[0])]
    valid = isinstance(data, dict) and all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in data.items()
    )
    if not valid:
        return {}, [Diagnostic(shown, 1, "an alias file maps a service name to a list of names")]
    return data, []


def notes_dir_from(config_dir: Path, configured: str | None) -> Path:
    """The notes folder: `KB_NOTES_DIR` from the environment, else the configured one, else `notes/`."""
    chosen = os.environ.get("KB_NOTES_DIR") or configured or "notes"
    return (config_dir / chosen).resolve()
