"""The whole pipeline for a notes folder: read → source → extract → render, and every diagnostic.

    build(notes_dir, options) -> Build

Free of MkDocs (the glue calls it), so tests, the benchmark and other site engines can too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .extract import extract
from .extract.aliases import AliasFile, read_aliases
from .extract.model import KnowledgeBase
from .render import RenderedSite, RenderOptions, render
from .source import read_notes
from .source.document import NotesDocument


@dataclass(frozen=True)
class BuildOptions:
    """How to build."""

    root: Path = field(default_factory=Path.cwd)
    """The project folder: files inside it are named relative to it in pages and messages."""
    render: RenderOptions = field(default_factory=RenderOptions)
    """Options of the render stage."""


@dataclass(frozen=True)
class Build:
    """Everything a notes folder gives: the model, the pages and the problems found."""

    kb: KnowledgeBase
    """The knowledge model."""
    site: RenderedSite
    """The generated pages, nav and glossary."""
    diagnostics: tuple[Diagnostic, ...]
    """Every problem, by file and line."""
    files: tuple[Path, ...]
    """The notes files read, in order."""


def notes_files(notes_dir: Path) -> list[Path]:
    """Every `*.md` below the folder except hidden ones, in a stable order."""
    if not notes_dir.is_dir():
        return []
    return sorted(
        p
        for p in notes_dir.rglob("*.md")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(notes_dir).parts)
    )


def display_path(file: Path, root: Path) -> str:
    """How messages and pages name a file: relative to the project when inside it."""
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def read_folder(notes_dir: Path, root: Path) -> tuple[list[NotesDocument], dict[str, AliasFile], list[Diagnostic]]:
    """Parse every notes file and alias file of the folder."""
    documents: list[NotesDocument] = []
    aliases: dict[str, AliasFile] = {}
    diagnostics: list[Diagnostic] = []
    for file in notes_files(notes_dir):
        shown = display_path(file, root)
        document, problems = read_notes(file.read_bytes(), shown)
        documents.append(document)
        diagnostics += problems
        alias_file = file.with_suffix(".aliases.yml")
        if alias_file.is_file():
            text = alias_file.read_bytes().decode("utf-8", errors="replace")
            aliases[shown], problems = read_aliases(text, display_path(alias_file, root))
            diagnostics += problems
    return documents, aliases, diagnostics


def build(notes_dir: Path, options: BuildOptions | None = None) -> Build:
    """Read, parse, extract and render every notes file under `notes_dir`.

    Never raises on bad notes: each problem is a diagnostic (`path:line: message`) and the
    content around it is still on the pages. Raises OSError only when a file cannot be read.
    """
    options = options or BuildOptions()
    documents, aliases, diagnostics = read_folder(notes_dir, options.root)
    kb, problems = extract(documents, aliases)
    diagnostics += problems
    site = render(kb, options.render)
    ordered = sorted(diagnostics, key=lambda d: (d.path, d.line))
    return Build(kb, site, tuple(ordered), tuple(notes_files(notes_dir)))


def notes_dir_from(config_dir: Path, configured: str | None) -> Path:
    """The notes folder: the configured one (relative to mkdocs.yml), else `notes/`."""
    return (config_dir / (configured or "notes")).resolve()
