"""MkDocs glue: thin event handlers around the `notes_kb_old` pipeline.

MkDocs puts this folder on `sys.path` only while it executes this module, so the pipeline package is
imported here at the top; every handler only moves data between MkDocs and pure functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from notes_kb_old.kbjson import kb_json
from notes_kb_old.links import resolve_links, splice_parts
from notes_kb_old.load import LoadedNotes, build_knowledge_base, notes_dir_from
from notes_kb_old.markdown_text import html_text
from notes_kb_old.render import NavEntry, RenderedSite, render_site
from notes_kb_old.render_kb import SEARCHABLE_PARTS
from notes_kb_old.tooltips import GlossaryExtension

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

log = get_plugin_logger("kb")


class _Build:
    """What one build (or one rebuild under `mkdocs serve`) knows."""

    def __init__(self, notes: LoadedNotes, site: RenderedSite) -> None:
        self.notes = notes
        self.site = site
        self.files = Files([])


_build: _Build | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read and parse every notes file; report problems as `file:line: message` warnings."""
    global _build
    root = Path(config.config_file_path).parent
    kb_options: dict[str, Any] = config.extra.get("kb") or {}
    notes_dir = notes_dir_from(root, kb_options.get("notes_dir"))
    # `mkdocs serve` rebuilds when the notes change, wherever KB_NOTES_DIR points.
    if notes_dir.is_dir() and all(Path(item).resolve() != notes_dir for item in config.watch):
        config.watch.append(str(notes_dir))
    notes = build_knowledge_base(notes_dir, root)
    for diagnostic in notes.diagnostics:
        log.warning(str(diagnostic))
    if not notes.files:
        log.warning(f"no notes found: add Markdown files under {notes_dir}")
    _build = _Build(notes, render_site(notes.kb, config.site_name))
    # Glossary terms become tooltips on every page (an extension instance, as mkdocs-autorefs does).
    config.markdown_extensions.append(GlossaryExtension(_build.site.abbreviations))  # type: ignore[arg-type]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (never over a page the author wrote) and the nav that lists them."""
    assert _build is not None, "on_config runs first"
    in_nav = set(_nav_pages(_build.site.nav))
    for path, markdown in _build.site.pages.items():
        if files.get_file_from_path(path) is None:
            # Pages reached from the indexes (services, categories, layers) stay out of the nav.
            inclusion = InclusionLevel.INCLUDED if path in in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=markdown, inclusion=inclusion))
        else:
            log.info(f"{path}: the author's page is kept; the generated one is skipped")
    _build.files = files
    if files.get_file_from_path("kb.json") is None:
        files.append(File.generated(config, "kb.json", content=kb_json(_build.notes.kb)))
    generated = set(_build.site.pages)
    own_pages = sorted(f.src_uri for f in files.documentation_pages() if f.src_uri not in generated)
    config.nav = [_escaped(entry) for entry in _build.site.nav] + own_pages
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Splice in the HTML parts search should see (a service's chips), links resolved for the page."""
    return _splice(html, page, searchable=True)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Splice in the other HTML parts (mentions, related services, sources) once the page is rendered.

    They are left out of search anyway, and after rendering Material's search plugin does not parse
    them: a tenth of a large site's build.
    """
    return _splice(output, page, searchable=False)


def _splice(html: str, page: Page, *, searchable: bool) -> str:
    assert _build is not None, "on_config runs first"
    parts = {
        name: part
        for name, part in _build.site.parts.get(page.file.src_uri, {}).items()
        if (name in SEARCHABLE_PARTS) == searchable
    }
    if not parts and not (searchable and "kb:" in html):
        return html
    files = _build.files

    def url_of(path: str) -> str:
        target = files.get_file_from_path(path)
        if target is None:
            log.warning(f"{page.file.src_uri}: link to a page that was not generated: {path}")
            return "#"
        return target.url_relative_to(page.file)

    if searchable:
        # The notes text's auto-links are `kb:` links too (autolink.py): resolve them with the parts.
        html = resolve_links(html, url_of)
    return splice_parts(html, parts, url_of)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    """Poll the notes every 0.1 s under `mkdocs serve`, so an edit shows within about half a second.

    MkDocs watches with watchdog's polling observer at 0.5 s intervals, which alone is half the
    one-second budget for seeing an edit. Folders watched after this event (`watch:` in
    mkdocs.yml: notes/, hooks/, overrides/) take the observer's interval when scheduled.
    """
    observer = server.observer
    if isinstance(getattr(observer, "_timeout", None), float):
        observer._timeout = 0.1
    return server


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Cache compiled templates on disk: `mkdocs serve` recompiles Material's every rebuild."""
    cache = Path(config.config_file_path).parent / ".cache" / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


def _nav_pages(entries: list[NavEntry]) -> list[str]:
    found: list[str] = []
    for entry in entries:
        if isinstance(entry, str):
            found.append(entry)
            continue
        for value in entry.values():
            found += [value] if isinstance(value, str) else _nav_pages(value)
    return found


def _escaped(entry: NavEntry) -> NavEntry:
    # Material prints nav titles unescaped: a section titled `<script>` must stay text.
    if isinstance(entry, str):
        return entry
    return {
        html_text(title): value if isinstance(value, str) else [_escaped(child) for child in value]
        for title, value in entry.items()
    }
