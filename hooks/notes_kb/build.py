"""The whole pipeline for a notes folder: read → source → extract → render, and every diagnostic.

    build(notes_dir, options, cache=None) -> Build

Free of MkDocs (the glue calls it), so tests, the benchmark and other site engines can too. With a
`BuildCache` (the glue keeps one for a `mkdocs serve` session), a notes file whose bytes did not
change is neither parsed nor extracted nor rendered again: its topic comes from the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .extract import extract_topic
from .extract.aliases import AliasFile, read_aliases
from .extract.model import KnowledgeBase, Topic
from .extract.outline import outline
from .render import (
    RenderedSite,
    RenderOptions,
    forget_topics,
    render_site_pages,
    render_topic_pages,
    site_glossary,
)
from .slugs import topic_slug, unique_slug
from .source import read_notes

if TYPE_CHECKING:
    from .diagnostics import Diagnostic
    from .render.pages.common import Page
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
    reused: int = 0
    """Topics taken from the cache unchanged (0 without a cache)."""


@dataclass
class BuildCache:
    """Topics and their pages by the content they come from, kept between builds."""

    topics: dict[str, tuple[Topic, tuple[Diagnostic, ...]]] = field(default_factory=dict)
    """Content key → the topic and the diagnostics of reading it."""
    pages: dict[str, dict[str, Page]] = field(default_factory=dict)
    """Content key + render options → the topic's pages."""


def notes_files(notes_dir: Path) -> list[Path]:
    """Every `*.md` below the folder except hidden ones, in a stable order."""
    if not notes_dir.is_dir():
        return []
    return sorted(
        p
        for p in notes_dir.rglob("*.md")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(notes_dir).parts)
    )


def display_path(file: Path, root: Path, notes_dir: Path | None = None) -> str:
    """How messages and pages name a file: relative to the project when inside it, else from
    its notes folder's name (`my-notes/aws.md`): the site never shows where it was built."""
    resolved = file.resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        if notes_dir is not None and resolved.is_relative_to(notes_dir.resolve().parent):
            return resolved.relative_to(notes_dir.resolve().parent).as_posix()
        return file.as_posix()


@dataclass(frozen=True)
class _Source:
    path: str
    data: bytes
    aliases_path: str | None
    aliases: bytes | None

    def key(self, slug: str) -> str:
        digest = hashlib.sha256()
        for part in (self.path, slug, self.aliases_path or ""):
            digest.update(part.encode() + b"\0")
        digest.update(self.data + b"\0" + (self.aliases or b""))
        return digest.hexdigest()


def read_folder(notes_dir: Path, root: Path) -> tuple[list[NotesDocument], dict[str, AliasFile], list[Diagnostic]]:
    """Parse every notes file and alias file of the folder."""
    documents: list[NotesDocument] = []
    aliases: dict[str, AliasFile] = {}
    diagnostics: list[Diagnostic] = []
    for source in _sources(notes_dir, root):
        document, alias_file, problems = _read_source(source)
        documents.append(document)
        diagnostics += problems
        if alias_file is not None:
            aliases[source.path] = alias_file
    return documents, aliases, diagnostics


def _sources(notes_dir: Path, root: Path) -> list[_Source]:
    sources = []
    for file in notes_files(notes_dir):
        alias_file = file.with_suffix(".aliases.yml")
        has_aliases = alias_file.is_file()
        sources.append(
            _Source(
                display_path(file, root, notes_dir),
                file.read_bytes(),
                display_path(alias_file, root, notes_dir) if has_aliases else None,
                alias_file.read_bytes() if has_aliases else None,
            )
        )
    return sources


def _read_source(source: _Source) -> tuple[NotesDocument, AliasFile | None, list[Diagnostic]]:
    """A notes file parsed, and its alias file when it has one."""
    document, diagnostics = read_notes(source.data, source.path)
    if source.aliases is None or source.aliases_path is None:
        return document, None, diagnostics
    aliases, problems = read_aliases(source.aliases.decode("utf-8", errors="replace"), source.aliases_path)
    return document, aliases, diagnostics + problems


def _topic(source: _Source, slug: str) -> tuple[Topic, tuple[Diagnostic, ...]]:
    document, aliases, diagnostics = _read_source(source)
    topic, problems = extract_topic(document, slug, aliases)
    return topic, tuple(diagnostics + problems)


def options_key(options: RenderOptions) -> str:
    """What of the render options changes pages: the settings and the fragment templates' text."""
    templates = sorted(
        (str(path), path.read_bytes().decode("utf-8", errors="replace"))
        for folder in options.template_dirs
        for path in Path(folder).glob("kb/*.html")
    )
    data: dict[str, Any] = {"highlight": options.highlight, "templates": templates}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def build(notes_dir: Path, options: BuildOptions | None = None, cache: BuildCache | None = None) -> Build:
    """Read, parse, extract and render every notes file under `notes_dir`.

    Never raises on bad notes: each problem is a diagnostic (`path:line: message`) and the
    content around it is still on the pages. Raises OSError only when a file cannot be read.
    """
    options = options or BuildOptions()
    cache = cache if cache is not None else BuildCache()
    topics: list[Topic] = []
    keys: list[str] = []
    diagnostics: list[Diagnostic] = []
    taken: set[str] = set()
    used_topics: dict[str, tuple[Topic, tuple[Diagnostic, ...]]] = {}
    reused = 0
    for source in _sources(notes_dir, options.root):
        slug = unique_slug(topic_slug(source.path), taken)
        key = source.key(slug)
        cached = cache.topics.get(key)
        reused += cached is not None
        topic, problems = cached if cached is not None else _topic(source, slug)
        used_topics[key] = (topic, problems)
        topics.append(topic)
        keys.append(key)
        diagnostics += problems
    # Every page shows the site's glossary as tooltips: a topic's pages are rendered again when
    # any topic's glossary changes.
    glossary = site_glossary(topics)
    render_key = options_key(options.render) + hashlib.sha256(json.dumps(glossary).encode()).hexdigest()
    pages: dict[str, Page] = {}
    used_pages: dict[str, dict[str, Page]] = {}
    for topic, key in zip(topics, keys, strict=True):
        topic_pages = cache.pages.get(key + render_key) or render_topic_pages(topic, options.render, glossary)
        used_pages[key + render_key] = topic_pages
        pages.update(topic_pages)
    # Only what this build used stays: an edited file's old topic is dropped, not piled up.
    cache.topics, cache.pages = used_topics, used_pages
    kb = KnowledgeBase(tuple(topics))
    site = render_site_pages(kb, options.render, pages)
    # Sections' outlines are shared by extraction and the flashcards, and the names found in each
    # line by extraction and rendering; nothing after them needs either: let them go before
    # MkDocs builds the pages, the build's busiest time for memory.
    outline.cache_clear()
    for topic in topics:
        topic.names.forget_hits()
    ordered = sorted(diagnostics, key=lambda d: (d.path, d.line))
    return Build(kb, site, tuple(ordered), tuple(notes_files(notes_dir)), reused)


def without_model(result: Build) -> Build:
    """`result` with an empty model, and nothing kept elsewhere for it: once a single build's
    pages and `kb.json` are made, no one reads the model again, and that of 5,000 services holds
    300 MB while MkDocs converts and builds the pages."""
    forget_topics()
    return dataclasses.replace(result, kb=KnowledgeBase(()))
