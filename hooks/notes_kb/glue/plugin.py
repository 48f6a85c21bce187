"""The MkDocs events of the knowledge base, as a plugin object the hook file registers.

One object lives for the whole `mkdocs serve` session (the hook module does); what one build
knows is a `BuildState`, made anew in `on_config` and handed from event to event on `self`.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from watchdog.observers.polling import PollingObserver

from ..build import Build, BuildCache, BuildOptions, build, without_model
from ..render import RenderOptions
from ..render.fragments import Fragments
from ..render.kbjson import kb_json
from ..render.nav import nav_pages
from ..render.pages.common import part_utf8
from ..render.paths import notes_page
from .compose import Composer
from .config import KbConfig, load_options
from .headings import HeadingPages
from .headings import install as install_headings
from .links import resolve_links, resolve_links_utf8, splice_parts
from .markdown import NotesExtension
from .nav import SectionTree, escaped, section_tree, sections_toc
from .previews import PreviewEmbedder
from .search import SearchEntries, read_through
from .sources import sources_folder, strip_stamp, write_sources
from .templates import add_globals

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterator

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from ..diagnostics import Diagnostic

log = get_plugin_logger("kb")

_LOG_LEVEL = {"warn": logging.WARNING, "info": logging.INFO}
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass
class BuildState:
    """What one build (or one rebuild under `mkdocs serve`) knows."""

    options: KbConfig
    result: Build
    fragments: Fragments
    sources: Path
    """Where the generated pages' sources are written (`glue.sources`)."""
    stamps: dict[str, str] = field(default_factory=dict)
    """Each generated page's stamp (`glue.sources.stamps`); set once the sources are written (a
    single build writes them while reading the notes, see `_made_once`)."""
    files: Files = field(default_factory=lambda: Files([]))
    previews: PreviewEmbedder | None = None
    """Adds hover previews to each rendered page (made in `on_env`, when every URL is known)."""
    contents: dict[str, SectionTree] = field(default_factory=dict)
    """Each full-notes page's sections, for its table of contents."""
    facts: dict[str, Any] = field(default_factory=dict)
    """The model's facts (`KnowledgeBase.as_dict`), for `kb.json`."""


@dataclass(frozen=True)
class _Made:
    """What the glue keeps of reading the notes: the pipeline's result, and what it needs of the
    model beyond the pages (a single build does not keep the model itself, see `_made_once`)."""

    result: Build
    contents: dict[str, SectionTree]
    facts: dict[str, Any]
    stamps: dict[str, str] = field(default_factory=dict)
    """The pages' stamps once their sources are written (`glue.sources`); empty before."""


def _made(notes_dir: Path, options: BuildOptions, cache: BuildCache | None) -> _Made:
    result = build(notes_dir, options, cache)
    contents = {notes_page(topic.slug): section_tree(topic) for topic in result.kb.topics}
    return _Made(result, contents, result.kb.as_dict())


def _made_once(notes_dir: Path, options: BuildOptions, sources: Path, site_name: str, dirty: bool) -> _Made:
    """A single build's: its pages, nav and `kb.json` are made from the model once, so the model
    is not kept (and, run apart, never reaches the process that builds the site). The pages'
    sources are written here too, and their Markdown not kept: MkDocs reads it from there; only a
    `dirty` build needs their stamps."""
    made = _made(notes_dir, options, None)
    result = without_model(made.result)
    stamps = write_sources(result.site, sources, site_name, stamped=dirty)
    pages = {path: dataclasses.replace(page, markdown="") for path, page in result.site.pages.items()}
    result = dataclasses.replace(result, site=dataclasses.replace(result.site, pages=pages))
    return _Made(result, made.contents, made.facts, stamps)


class KbPlugin:
    """The knowledge base's MkDocs events (see `hooks/kb_hooks.py`).

    Between builds of one `mkdocs serve` session it keeps what is keyed by content: the topics and
    pages of unchanged notes (`BuildCache`) and each page's search entries (`SearchEntries`).
    """

    def __init__(self, apart: Callable[..., Any] | None = None) -> None:
        """`apart(scratch, function, *args)` gives `function(*args)`, possibly computed in another
        process with a temporary folder under `scratch` (`ParallelPages.apart`); a single build
        reads the notes through it."""
        self._apart = apart or (lambda scratch, function, *args: function(*args))
        self._state: BuildState | None = None
        self._cache = BuildCache()
        self._search = SearchEntries()
        self._outputs: set[str] = set()
        self._converted: dict[str, tuple[str, str]] = {}
        """Converted content of section pages by path, with the stamp it was converted for."""
        self._headings: list[HeadingPages] = []
        """Converters of pages of headings and parts, for the current Markdown configuration."""
        self._serving = True
        """Whether builds follow one another in this process (`mkdocs serve`): only then is
        anything kept from one build for the next."""
        self._dirty = True
        """Whether a build may skip pages whose source did not change (`--dirty`)."""

    @property
    def state(self) -> BuildState:
        """This build's state (a MkDocs event before `on_config` is a bug: RuntimeError)."""
        if self._state is None:
            raise RuntimeError("the kb hooks' on_config has not run")
        return self._state

    def on_startup(self, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Whether this process serves the site (and keeps a cache between its builds), and
        whether its builds are dirty (only then are the generated pages' sources stamped)."""
        self._serving = command == "serve"
        self._dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read and parse every notes file; report problems as `file:line: message`."""
        options = load_options(config.extra.get("kb"), config.config_file_path)
        root = Path(config.config_file_path).parent
        notes_dir = (root / options.notes_dir).resolve()
        # `mkdocs serve` rebuilds when the notes change, wherever the notes folder is.
        if notes_dir.is_dir() and all(Path(item).resolve() != notes_dir for item in config.watch):
            config.watch.append(str(notes_dir))
        template_dirs = [str(d) for d in config.theme.dirs]
        render_options = RenderOptions(
            site_name=config.site_name,
            template_dirs=template_dirs,
            highlight=dict(config.mdx_configs.get("pymdownx.highlight", {})),
            nav_sections=options.nav_sections,
        )
        build_options = BuildOptions(root=root, render=render_options)
        sources = sources_folder(root, notes_dir)
        if self._serving:
            made = _made(notes_dir, build_options, self._cache)
        else:
            made = self._apart(
                root / ".cache", _made_once, notes_dir, build_options, sources, config.site_name, self._dirty
            )
        result = made.result
        for diagnostic in result.diagnostics:
            _report(diagnostic, options)
        if not result.files:
            log.warning(f"no notes found: add Markdown files under {notes_dir}")
        self._state = BuildState(
            options,
            result,
            Fragments(template_dirs),
            sources=sources,
            stamps=made.stamps,
            contents=made.contents,
            facts=made.facts,
        )
        # Tooltips and list numbers on every page (an extension instance, as mkdocs-autorefs does).
        config.markdown_extensions.append(NotesExtension(result.site.abbreviations))  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages (never over a page the author wrote), `kb.json` and the nav."""
        state = self.state
        site = state.result.site
        in_nav = set(nav_pages(site.nav))
        if not state.stamps:  # not written yet (or no pages, which writes nothing)
            state.stamps = write_sources(site, state.sources, config.site_name)
        for path in site.pages:
            if files.get_file_from_path(path) is None:
                # Pages reached from the indexes (services, categories, layers) stay out of the nav.
                inclusion = InclusionLevel.INCLUDED if path in in_nav else InclusionLevel.NOT_IN_NAV
                file = File(path, str(state.sources), config.site_dir, config.use_directory_urls, inclusion=inclusion)
                file.edit_uri = None
                files.append(file)
            else:
                log.info(f"{path}: the author's page is kept; the generated one is skipped")
        state.files = files
        if files.get_file_from_path("kb.json") is None:
            files.append(File.generated(config, "kb.json", content=kb_json(state.facts, self._site_url)))
        own_pages = sorted(f.src_uri for f in files.documentation_pages() if f.src_uri not in site.pages)
        config.nav = [escaped(entry) for entry in site.nav] + own_pages
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's Markdown without the stamp its source file carries; one of headings
        and HTML parts only is converted heading by heading (`glue.headings`)."""
        if page.file.src_uri not in self.state.result.site.pages:
            return markdown
        install_headings(page, config, self._headings)
        return strip_stamp(markdown)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Splice in the HTML parts search should see (the notes' blocks, a service's intro, the
        glossary's terms), and tell MkDocs the ids they hold."""
        state = self.state
        path = page.file.src_uri
        generated = state.result.site.pages.get(path)
        if generated is None:
            return html
        early = {k: v for k, v in generated.parts.items() if k not in generated.late}
        html = splice_parts(html, early)
        # MkDocs checks links to anchors against the ids it saw converting the page: the parts'
        # are added (a glossary term's row, a line of the notes).
        ids = {anchor for part in early.values() if ' id="' in part for anchor in _ID.findall(part)}
        if ids:
            page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
        if path in state.result.site.sections:  # only sections are shown inside other pages
            self._converted[path] = (state.stamps[path], html)
        return html

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Every page is converted now: show sections inside their parents and the full notes,
        resolve `kb:` links for the page each ended up on; cache compiled templates on disk."""
        state = self.state
        site = state.result.site
        pages = {path: files.get_file_from_path(path) for path in site.pages}

        def content_of(path: str) -> str | None:
            file = pages.get(path)
            if file is None or file.page is None:
                return None
            if file.page.content is None:
                # A dirty build skipped this unchanged section; its parent is being rebuilt.
                return self._unchanged_content(file.page, config, files)
            return file.page.content

        composer = Composer(content_of, site.sections, state.fragments)
        converted = {
            path: file
            for path, file in pages.items()
            if file is not None and file.page is not None and file.page.content is not None
        }

        def composed(path: str, file: File) -> str:
            assert file.page is not None
            assert file.page.content is not None
            return composer.compose(file.page.content, anchors=path in state.contents)

        # Other pages show the sections as converted: sections change last, all composed first.
        # Every other page's content is replaced as soon as it is composed, so that no two copies
        # of all the site's content are alive together.
        for path, file in converted.items():
            if path not in site.sections:
                self._composed(file, composed(path, file), state.contents.get(path))
        sections = {path: composed(path, file) for path, file in converted.items() if path in site.sections}
        for path, content in sections.items():
            self._composed(converted[path], content, state.contents.get(path))
        targets = {key.partition("#")[0] for key in site.previews}
        urls = {file.url: path for path, file in pages.items() if path in targets and file is not None}
        state.previews = PreviewEmbedder(site.previews, urls)
        cache = Path(config.config_file_path).parent / ".cache" / "jinja"
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        add_globals(env)
        return env

    def _composed(self, file: File, content: str, sections: SectionTree | None) -> None:
        """A page's content, sections in, with its links resolved (`sections`: of a full-notes page)."""
        page = file.page
        assert page is not None
        if content is not page.content:
            # MkDocs checks links to anchors against the ids it saw at conversion, before sections were in.
            page.present_anchor_ids = (page.present_anchor_ids or set()) | set(_ID.findall(content))
        page.content = resolve_links(content, self._url_from(file))
        if sections is not None:
            page.toc = sections_toc(sections, page.toc)

    def _unchanged_content(self, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """A page MkDocs did not convert in this dirty build: from an earlier build of the same
        stamp, else converted now the way MkDocs converts pages (its public events and `render`)."""
        stamp = self.state.stamps.get(page.file.src_uri)
        cached = self._converted.get(page.file.src_uri)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        assert page.content is not None
        content: str = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        return content

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Splice in the other parts (mentions, related services, sources) once the page is rendered,
        then the hover previews of what the page links to (`glue.previews`).

        Search leaves them out anyway, and after rendering Material's search plugin does not parse
        them: a tenth of a large site's build.
        """
        generated = self.state.result.site.pages.get(page.file.src_uri)
        if generated is not None and generated.late:
            # Each part decompressed and resolved only when its marker is reached: a study deck
            # of 5,000 services is 15 MB of HTML, and each copy of it alive at once adds to the
            # build's peak memory.
            output = splice_parts(output, _Resolved(generated.parts, generated.late, self._url_from(page.file)))
        previews = self.state.previews
        return output if previews is None else previews.embed(output, page.file.url)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """A build begins: no page indexed for search yet; Material's index reads generated pages
        without the markup its parser reads through (`glue.search.read_through`)."""
        self._search.start()
        search = config.plugins.get("material/search")
        if search is not None and search.config.enabled:
            pages = self.state.result.site.pages
            read_through(search.search_index, lambda page: page.file.src_uri in pages)

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Keep the search entries Material has just made for this page (runs after its plugin)."""
        search = config.plugins.get("material/search")
        if search is not None:
            self._search.indexed(page.url, search.search_index.entries)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Before Material writes the search index: every page's entries, in clean-build order.

        Also removes the output of generated pages that are gone (a section deleted under serve).
        """
        files = self.state.files
        pages = [f for f in files.documentation_pages() if f.page is not None]
        search = config.plugins.get("material/search")
        if search is not None:
            index_file = Path(config.site_dir) / "search" / "search_index.json"
            search.search_index.entries = self._search.merged([f.page.url for f in pages if f.page], index_file)
            search.search_index_prev = None
        outputs = {f.abs_dest_path for f in pages if f.src_uri in self.state.result.site.pages}
        for gone in self._outputs - outputs:
            Path(gone).unlink(missing_ok=True)
        self._outputs = outputs
        current = self.state.result.site.pages
        self._converted = {path: value for path, value in self._converted.items() if path in current}

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        """Poll every 0.1 s under `mkdocs serve`, and build 0.02 s after a poll finds a change,
        so an edit shows within about half a second.

        MkDocs polls at 0.5 s (`LiveReloadServer`'s `polling_interval`, which `mkdocs serve` does
        not expose): alone half the one-second budget for seeing an edit. The paths MkDocs has
        watched so far (docs, mkdocs.yml, the theme) move to a faster observer through the
        server's public `unwatch`/`watch`; `watch:` paths are scheduled after this event. Which
        paths those are MkDocs keeps only in `_watched_paths` (mkdocs/livereload/__init__.py,
        no public accessor): read, never written, here.

        After a change MkDocs waits until no other change has come for `build_delay` (0.1 s) before
        building. A polling observer reports every change one poll finds at once, so that wait
        gathers nothing a shorter one would miss: a save written in two steps that straddle two
        polls is built twice either way (the second build shows the saved file). 0.02 s still
        gathers one poll's events.
        """
        watched: dict[str, int] = dict(getattr(server, "_watched_paths", {}))
        for path, count in watched.items():
            for _ in range(count):
                server.unwatch(path)
        server.observer = PollingObserver(timeout=0.1)
        for path, count in watched.items():
            for _ in range(count):
                server.watch(path)
        server.build_delay = 0.02
        return server

    def _url_from(self, file: File) -> Callable[[str], str]:
        # `kb:` links name pages by the `src_uri` the render stage gave them: looked up as they
        # are (`Files.get_file_from_path` would first normalise each through `PurePath`, a
        # tenth of post-processing a page).
        files = self.state.files.src_uris

        @functools.cache
        def url_of(path: str) -> str:
            target = files.get(path)
            if target is None:
                log.warning(f"{file.src_uri}: link to a page that was not generated: {path}")
                return "#"
            return target.url_relative_to(file)

        return url_of

    def _site_url(self, path: str) -> str | None:
        target = self.state.files.get_file_from_path(path)
        return target.url if target is not None else None


class _Resolved(Mapping[str, str]):
    """Some of a page's parts, each read with its `kb:` links resolved for the page when asked for."""

    def __init__(self, parts: Mapping[str, str], names: Collection[str], url_of: Callable[[str], str]) -> None:
        self._parts, self._names, self._url_of = parts, names, url_of

    def __getitem__(self, name: str) -> str:
        if name not in self._names:
            raise KeyError(name)
        return resolve_links_utf8(part_utf8(self._parts, name), self._url_of)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _report(diagnostic: Diagnostic, options: KbConfig) -> None:
    level = options.level(diagnostic.check)
    if level != "ignore":
        log.log(_LOG_LEVEL[level], str(diagnostic))
