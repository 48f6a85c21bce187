"""Pages converted from Markdown on every core, before MkDocs' own (sequential) loop reaches them.

MkDocs converts page after page in one process (`_populate_page` in mkdocs/commands/build.py), and
Python-Markdown is a third of a large site's build. After `on_nav`, when every page and URL is
known, a pool of forked processes does for each page what `_populate_page` does up to and
including `Page.render`: `on_pre_page`, `read_source`, the `on_page_markdown` events and
`render`, on the forked copy of the page. What `render` sets (content, table of contents, title,
anchors, log records) comes back; MkDocs' loop then runs as usual in this process, every event
included, and only `render` itself is replaced, on that page object alone, by taking the
result, provided the Markdown it is asked to convert is the Markdown the worker converted (else
the page is converted here, as MkDocs would). Going around MkDocs here is the one way to use a
second core: MkDocs has no event that converts pages in bulk.

Messages a worker logs (a broken link, a Markdown warning) are replayed here, at the point
MkDocs would have logged them, so `--strict` counts them and the log reads as a sequential
build's. Only `mkdocs build` (not `serve`, whose server threads a fork would copy, nor `--dirty`)
takes this path; the site is the same file for file.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from ..render import workers as render_workers

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.toc import TableOfContents

log = logging.getLogger("mkdocs.plugins.kb")

_ABSENT = object()
MIN_PAGES = 40
"""Fewer pages than this are converted in this process: forking costs more than it saves."""
_CHUNK = 8


@dataclass
class Converted:
    """What `Page.render` set on a worker's copy of a page."""

    markdown: bytes
    """A digest of the Markdown it converted (after every `on_page_markdown` event)."""
    content: str
    toc: TableOfContents
    title: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    """`Page.links_to_anchors` with each target file by its `src_uri`."""
    records: list[logging.LogRecord]
    """What was logged while converting, in order."""


@dataclass
class _Job:
    config: MkDocsConfig
    files: Files
    pages: list[Page]
    search: Any = None
    """Material's `SearchIndex`, when the job is indexing."""


_T = TypeVar("_T")
_job: _Job | None = None
"""The pages of the build being converted; set before the fork, so each worker inherits it."""
_captured: list[logging.LogRecord] = []


class _Capture(logging.Handler):
    """A worker's only log handler: keeps each record once, made picklable."""

    def emit(self, record: logging.LogRecord) -> None:
        if any(seen is record for seen in _captured):  # reached through several loggers
            return
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
        _captured.append(record)


def _start_worker() -> None:
    capture = _Capture()
    loggers = [
        logging.getLogger(),
        *(lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)),
    ]
    for logger in loggers:
        if logger.handlers:
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            logger.addHandler(capture)


def _convert(index: int) -> Converted | None:
    """Convert one page the way `_populate_page` does; None when anything fails (MkDocs then
    converts it itself and reports the error in its own words)."""
    assert _job is not None
    config, files, page = _job.config, _job.files, _job.pages[index]
    _captured.clear()
    config._current_page = page  # as `_populate_page` sets it; extensions read it
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
    except Exception:  # converted again in the main process, which reports it
        return None
    finally:
        config._current_page = None
    assert page.content is not None
    anchors = None
    if page.links_to_anchors is not None:
        anchors = {file.src_uri: links for file, links in page.links_to_anchors.items()}
    return Converted(
        markdown=_digest(page.markdown),
        content=page.content,
        toc=page.toc,
        title=page._title_from_render,  # what `render` found (no public accessor)
        present_anchor_ids=page.present_anchor_ids,
        links_to_anchors=anchors,
        records=list(_captured),
    )


def workers() -> int:
    """How many processes convert pages: `KB_BUILD_JOBS` if set (1: none), else the cores this
    process may use."""
    wanted = os.environ.get("KB_BUILD_JOBS", "")
    if wanted.isdigit():
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def convert_pages(pages: list[Page], config: MkDocsConfig, files: Files) -> None:
    """Convert `pages` in forked workers and let each page's `render` take its result."""
    results = _in_workers(_convert, _Job(config, files, pages))
    for page, converted in zip(pages, results or (), strict=False):
        if converted is not None:
            _take_result(page, converted, files)


def _in_workers(work: Callable[[int], _T], job: _Job) -> list[_T] | None:
    """`work(i)` for every page of `job`, in forked workers; None when not worth a fork."""
    global _job  # inherited by the forked workers; cleared right after
    count = workers()
    if count < 2 or len(job.pages) < MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        return None
    # The forked workers do not copy the memory a full pass of the collector would touch.
    gc.freeze()
    _job = job
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context, initializer=_start_worker) as pool:
            return list(pool.map(work, range(len(job.pages)), chunksize=_CHUNK))
    finally:
        _job = None


def _index(index: int) -> list[dict[str, Any]] | None:
    """The search entries of one page, as Material's search plugin makes them in `on_page_context`."""
    assert _job is not None
    assert _job.search is not None
    page = _job.pages[index]
    search_index = type(_job.search)(**_job.search.config)
    try:
        search_index.add_entry_from_context(page)
    except Exception:  # indexed again in the main process, which reports it
        return None
    entries: list[dict[str, Any]] = search_index.entries
    return entries


def _take_result(page: Page, converted: Converted, files: Files) -> None:
    real_render = page.render

    def render(config: MkDocsConfig, files_now: Files) -> None:
        del page.render  # the page's own method again, for any later conversion (`mkdocs serve`)
        if page.markdown is None or _digest(page.markdown) != converted.markdown or files_now is not files:
            real_render(config, files_now)
            return
        for record in converted.records:
            logging.getLogger(record.name).handle(record)
        page.content = converted.content
        page.toc = converted.toc
        page._title_from_render = converted.title
        page.present_anchor_ids = converted.present_anchor_ids
        if converted.links_to_anchors is not None:
            page.links_to_anchors = _files_of(converted.links_to_anchors, files)

    # An instance attribute over the method: only this page, only its next conversion.
    page.render = render  # type: ignore[method-assign,assignment]


def _digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode(errors="surrogatepass")).digest()


def _files_of(links: dict[str, dict[str, str]], files: Files) -> dict[File, dict[str, str]]:
    found: dict[File, dict[str, str]] = {}
    for src_uri, anchors in links.items():
        file = files.get_file_from_path(src_uri)
        if file is not None:
            found[file] = anchors
    return found


class ParallelPages:
    """The events of the work done on every core: `on_startup` says whether this is a plain
    `mkdocs build`; `on_nav`, after every other plugin's, converts the pages; `on_env` indexes
    them for search."""

    def __init__(self) -> None:
        self._enabled = False
        self._entries: dict[str, list[dict[str, Any]]] = {}
        """Search entries made in the workers, by page source path, until the page is indexed."""
        self._search_meta: dict[str, Any] = {}

    def on_startup(self, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Only a clean `mkdocs build` (or `gh-deploy`) converts in workers."""
        self._enabled = command != "serve" and not dirty
        render_workers.allow(workers() if self._enabled else 1)

    @contextmanager
    def long_lived(self) -> Iterator[None]:
        """Around reading the notes: what is made then (the model, the pages' Markdown) lives
        until the build ends and holds no garbage cycles, yet the cyclic garbage collector walked
        it again and again while it grew (a tenth of a large build, collecting nothing). Under
        `mkdocs build` the collector pauses meanwhile, and what was made leaves its sight
        (`gc.freeze`); objects are still freed as soon as nothing refers to them."""
        if not self._enabled or not gc.isenabled():
            yield
            return
        gc.disable()
        try:
            yield
        finally:
            gc.freeze()
            gc.enable()

    def on_nav(self, config: MkDocsConfig, files: Files) -> None:
        """Every page of the build, in MkDocs' order, converted ahead of MkDocs' loop."""
        if not self._enabled:
            return
        pages = []
        # The engine's own page class (MkDocs', or ProperDocs' when it runs these hooks).
        page_class = importlib.import_module(f"{type(config).__module__.split('.')[0]}.structure.pages").Page
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            if file.page is None and file.inclusion.value == InclusionLevel.NOT_IN_NAV.value:
                page_class(None, file, config)  # as MkDocs' loop does before `_populate_page`
            if file.page is not None:
                pages.append(file.page)
        convert_pages(pages, config, files)

    def on_env(self, config: MkDocsConfig, files: Files) -> None:
        """Once every page's content is final (after every other `on_env`): each page's search
        entries made in the workers, as Material's search plugin would make them.

        Material parses every page's HTML (`SearchIndex.add_entry_from_context` in
        material/plugins/search/plugin.py) in `on_page_context`, a seventh of a large build.
        The parse needs only what is final now: the content, table of contents, URL, title and
        front matter. Each page indexed in the workers is marked `search: exclude` (read by
        nothing but that plugin) until its `on_page_context`, where `after_search` restores
        its front matter and adds its entries in the plugin's place, in the same order.
        """
        self._entries, self._search_meta = {}, {}
        search = config.plugins.get("material/search")
        if not self._enabled or search is None or not search.config.enabled:
            return
        pages = [
            file.page
            for file in files.documentation_pages(inclusion=InclusionLevel.is_included)
            if file.page is not None and file.page.content is not None
        ]
        results = _in_workers(_index, _Job(config, files, pages, search.search_index))
        for page, entries in zip(pages, results or (), strict=False):
            if entries is not None:
                self._entries[page.file.src_uri] = entries
                self._search_meta[page.file.src_uri] = page.meta.get("search", _ABSENT)
                page.meta["search"] = {"exclude": True}

    def after_search(self, page: Page, config: MkDocsConfig) -> None:
        """The page's own front matter again, and its entries where Material would have put them."""
        entries = self._entries.pop(page.file.src_uri, None)
        meta = self._search_meta.pop(page.file.src_uri, _ABSENT)
        if entries is None:
            return
        if meta is _ABSENT:
            page.meta.pop("search", None)
        else:
            page.meta["search"] = meta
        search = config.plugins.get("material/search")
        if search is not None:
            search.search_index.entries.extend(entries)

    def written(self, page: Page) -> None:
        """A page is written: what only its own rendering needed (its Markdown and HTML) goes,
        so that the search index, written last, reuses that memory. MkDocs keeps every page
        until the build ends, for the anchors it checks then (`present_anchor_ids`), and a page's
        title needs its Markdown only before it is converted (`Page.title`)."""
        if self._enabled and page.content is not None and page.markdown is not None:
            page.content = ""
            page.markdown = ""
