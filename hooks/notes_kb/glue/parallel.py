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
second core: MkDocs has no event that converts pages in bulk. `on_nav` returns as soon as the
workers have the pages (`Pending`): MkDocs' loop takes each page's result when it reaches the page,
so what the loop does itself (reading each source, the other events) overlaps the workers.

The same holds, after `on_env`, for building each page to its output (`ParallelPages.on_env`):
the theme's template, Material's search entries and the knowledge base's `on_post_page` run in
forked workers, and MkDocs' loop takes each page's output in place of rendering its template
(waiting for it if need be), while copying the theme's files and writing pages meanwhile.

Before all that, in `on_config`, the notes are read, extracted and rendered to pages in a forked
process of its own (`ParallelPages.apart`): the model is large and needed for nothing after, and
memory a process frees is not all given back to the system, so the process that builds the site
(and every worker forked from it) would carry it to the end.

Messages a worker logs (a broken link, a Markdown warning) are replayed here, at the point
MkDocs would have logged them, so `--strict` counts them and the log reads as a sequential
build's. Only `mkdocs build` (not `serve`, whose server threads a fork would copy, nor `--dirty`)
takes this path; the site is the same file for file.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import markdown
from jinja2 import Template
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from .. import workers as stage_workers
from .engine import engine_module

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.toc import TableOfContents

    PostPage = Callable[[str, Page, MkDocsConfig], str]

log = logging.getLogger("mkdocs.plugins.kb")

_ABSENT = object()
MIN_PAGES = 40
"""Fewer pages than this are converted in this process: forking costs more than it saves."""
_CHUNK = 8
_WRITE_CHUNK = 1 << 20


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
class _Render:
    """What building pages needs beyond converting them."""

    nav: Navigation
    doc_files: Sequence[File]
    env: Environment
    post_page: PostPage


@dataclass
class _Job:
    config: MkDocsConfig
    files: Files
    pages: list[Page]
    search: Any = None
    """Material's `SearchIndex`, when the job is building pages and search is on."""
    render: _Render | None = None
    """Set when the job is building pages."""


class _Written(Template):
    """The template of a page a worker is building: renders to the worker's output (read back
    from its file, once the worker is done), provided the worker built it from the page's content
    as it is now; else to what the page's own template gives, as if no worker had built it."""

    _results: Pending[Built]
    _index: int
    _name: str | Template
    _env: Environment
    _done: set[str]

    def __new__(
        cls, results: Pending[Built], index: int, name: str | Template, env: Environment, done: set[str]
    ) -> _Written:
        # Nothing to compile: the page's own template is looked up only when it is needed.
        written: _Written = object.__new__(cls)
        written._results, written._index, written._name, written._env = results, index, name, env
        written._done = done
        return written

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = dict(*args, **kwargs)
        page = context.get("page")
        built = self._results.get(self._index)
        self._results.forget(self._index)
        if built is None or page is None or page.content is None or _digest(page.content) != built.content:
            own: str = self._env.get_template(self._name).render(*args, **kwargs)
            return own
        for record in built.records:
            logging.getLogger(record.name).handle(record)
        html = Path(built.output).read_text(encoding="utf-8")
        self._done.add(page.file.src_uri)
        return html


class _SearchMeta(Mapping[str, Any]):
    """A page's `search` front matter while a worker builds it, as Material's search plugin reads
    it in `on_page_context` (`page.meta.get("search") or {}`, then `.get("exclude")`): excluded
    once the worker has indexed the page; the page's own, for the plugin to index it, if the
    worker could not build it. Each read waits for the worker's result."""

    def __init__(self, results: Pending[Built], index: int, own: Any) -> None:
        self._results, self._index, self._own = results, index, own

    def _meta(self) -> Mapping[str, Any]:
        if self._results.get(self._index) is not None:
            return {"exclude": True}
        # As the plugin reads it: `page.meta.get("search") or {}`.
        return self._own if isinstance(self._own, Mapping) else {}

    def __getitem__(self, key: str) -> Any:
        return self._meta()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._meta())

    def __len__(self) -> int:
        return len(self._meta())


_T = TypeVar("_T")
_in_worker = False
"""Whether this process is one of the workers forked here (set by `_start_worker`)."""
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
    global _in_worker  # this process's own copy, set once when it starts
    _in_worker = True
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


_instances: dict[tuple[int, int], markdown.Markdown] = {}
"""The Python-Markdown instance of this worker's conversions, by the identity of the extensions
and their settings it was made with."""


@contextmanager
def _reused_markdown() -> Iterator[None]:
    """Around `Page.render` in a worker: the `markdown.Markdown(...)` it makes is, from the second
    page on, the instance of the first, reset (`Markdown.reset`, Python-Markdown's way to convert
    another document with the same instance; each extension clears its state in its `reset`).

    MkDocs makes a new instance for every page, and a service page took 3.4 ms to convert with a
    new instance against 2.6 ms with a reset one (over 500 pages): a fifth of converting a site of
    thousands of small pages. The processors `Page.render` adds to the instance for its
    page replace the last page's (they are registered under the same names). Only the first
    instance asked for in one `render` is shared: one an extension would make while converting
    is its own.
    """
    made = markdown.Markdown
    handed = False

    def reused(*, extensions: Any = (), extension_configs: Any = None, **options: Any) -> markdown.Markdown:
        nonlocal handed
        if handed or options:
            return made(extensions=extensions, extension_configs=extension_configs or {}, **options)
        handed = True
        key = (id(extensions), id(extension_configs))
        instance = _instances.get(key)
        if instance is None:
            instance = _instances[key] = made(extensions=extensions, extension_configs=extension_configs or {})
            return instance
        return instance.reset()

    markdown.Markdown = reused  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        markdown.Markdown = made  # type: ignore[misc]


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
        with _reused_markdown():
            page.render(config, files)
    except Exception:  # converted again in the main process, which reports it
        return None
    finally:
        config._current_page = None
    assert page.content is not None
    anchors = None
    if page.links_to_anchors is not None:
        anchors = {file.src_uri: links for file, links in page.links_to_anchors.items()}
    converted = Converted(
        markdown=_digest(page.markdown),
        content=page.content,
        toc=page.toc,
        title=page._title_from_render,  # what `render` found (no public accessor)
        present_anchor_ids=page.present_anchor_ids,
        links_to_anchors=anchors,
        records=list(_captured),
    )
    # This copy of the page is done with: its Markdown and HTML would pile up in the worker.
    page.markdown = page.content = None
    return converted


def workers() -> int:
    """How many processes convert pages: `KB_BUILD_JOBS` if set (1: none), else the cores this
    process may use."""
    wanted = os.environ.get("KB_BUILD_JOBS", "")
    if wanted.isdigit():
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def convert_pages(pages: list[Page], config: MkDocsConfig, files: Files) -> Pending[Converted] | None:
    """Start converting `pages` in forked workers; each page's `render` takes its result, waiting
    for it if need be. The caller closes what is returned once MkDocs has converted every page."""
    results = _in_workers(_convert, _Job(config, files, pages))
    if results is not None:
        for index, page in enumerate(pages):
            _take_result(page, results, index, files)
    return results


class Pending(Generic[_T]):
    """The results of work on every page, in the pages' order, taken as MkDocs' loop reaches each
    page: the workers go on with the next pages meanwhile, so the loop's own work (reading each
    page, writing its output) overlaps theirs instead of following it.

    `get(i)` waits for the i-th page's result; `close()` waits for the workers to end (or, with
    `cancel`, drops what they have not started) and must be called once the loop is done.
    """

    def __init__(self, pool: ProcessPoolExecutor, results: Iterator[_T | None]) -> None:
        self._pool = pool
        self._results = results
        self._taken: list[_T | None] = []

    def get(self, index: int) -> _T | None:
        """Page `index`'s result, waiting for it: None where the worker failed on the page, and
        after `forget(index)`."""
        while len(self._taken) <= index:
            self._taken.append(next(self._results))
        return self._taken[index]

    def forget(self, index: int) -> None:
        """Page `index`'s result is taken: not kept to the end of the build."""
        if index < len(self._taken):
            self._taken[index] = None

    def close(self, *, cancel: bool = False) -> None:
        """Ends the workers once they are done; with `cancel`, pages they have not started are dropped."""
        self._pool.shutdown(wait=True, cancel_futures=cancel)
        self._taken = []


def _in_workers(work: Callable[[int], _T | None], job: _Job) -> Pending[_T] | None:
    """`work(i)` for every page of `job`, started in forked workers; None when not worth a fork."""
    global _job  # inherited by the forked workers; cleared right after
    count = workers()
    if count < 2 or len(job.pages) < MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        return None
    # The forked workers do not copy the memory a full pass of the collector would touch.
    gc.freeze()
    _job = job
    try:
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(count, mp_context=context, initializer=_start_worker)
        # `map` submits every page now, and a pool of forked workers forks them all at the first
        # submission (`_safe_to_dynamically_spawn_children` in concurrent/futures/process.py):
        # they have the job when it is cleared below.
        return Pending(pool, pool.map(work, range(len(job.pages)), chunksize=_CHUNK))
    finally:
        _job = None


def _call_apart(function: Callable[..., Any], args: tuple[Any, ...], out: Path) -> None:
    _captured.clear()
    result = function(*args)
    # Streamed to a file: the pool's own pipe would first pickle it whole into memory (the pages
    # of 5,000 services are 38 MB pickled, copied more than once on their way through).
    with out.open("wb") as file:
        pickle.dump((result, list(_captured)), file, protocol=pickle.HIGHEST_PROTOCOL)


@dataclass
class Built:
    """What building a page (`_build_page`, short of writing it) gave in a worker."""

    entries: str
    """The search entries Material's plugin made for it in `on_page_context`, as JSON: until
    the page's turn in MkDocs' loop, a fifth of the memory of the same entries as objects."""
    content: bytes
    """A digest of the content the template was given (after every `on_page_context` event)."""
    output: str
    """Where the page's HTML (after the knowledge base's `on_post_page`) was written: the page's
    own output file, which MkDocs' loop then writes again with the same bytes. The worker makes
    the page's folder and file: on a disk where each costs half a millisecond, two processes
    making them beat one."""
    records: list[logging.LogRecord]
    """What was logged while rendering the template and the knowledge base's `on_post_page`."""


def _build(index: int) -> Built | None:
    """Build one page the way MkDocs' `_build_page` does, to its output; None when anything fails
    (MkDocs then builds it itself and reports the error in its own words)."""
    assert _job is not None
    assert _job.render is not None
    config, page, render = _job.config, _job.pages[index], _job.render
    search = _job.search
    config._current_page = page  # as `_build_page` sets it; templates and extensions read it
    page.active = True  # the theme marks the current page, and its sections, in the nav
    try:
        context = engine_module(config, "commands.build").get_context(render.nav, render.doc_files, config, page)
        template = render.env.get_template(page.meta.get("template", "main.html"))
        before = len(search.entries) if search is not None else 0
        context = config.plugins.on_page_context(context, page=page, config=config, nav=render.nav)
        entries = search.entries[before:] if search is not None else []
        if search is not None:  # they go back to the main process; kept here, they would pile up
            del search.entries[before:]
        _captured.clear()  # the main process runs `on_page_context` again, and logs it then
        output = render.post_page(template.render(context), page, config)
        assert page.content is not None
        path = Path(page.file.abs_dest_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(output, path)
    except Exception:  # built again in the main process, which reports it
        return None
    finally:
        page.active = False
        config._current_page = None
    return Built(json.dumps(entries), _digest(page.content), str(path), list(_captured))


def _write(output: str, path: Path) -> None:
    """The bytes MkDocs writes for a page (`output.encode("utf-8", errors="xmlcharrefreplace")`),
    encoded a megabyte at a time: a study deck of 5,000 services is a 16 MB page, and its bytes
    whole would be a second copy of it in memory."""
    with path.open("w", encoding="utf-8", errors="xmlcharrefreplace", newline="") as file:
        for start in range(0, len(output), _WRITE_CHUNK):
            file.write(output[start : start + _WRITE_CHUNK])


def _take_result(page: Page, results: Pending[Converted], index: int, files: Files) -> None:
    real_render = page.render

    def render(config: MkDocsConfig, files_now: Files) -> None:
        del page.render  # the page's own method again, for any later conversion (`mkdocs serve`)
        converted = results.get(index)
        results.forget(index)
        if (
            converted is None
            or page.markdown is None
            or _digest(page.markdown) != converted.markdown
            or files_now is not files
        ):
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
        # Read only to be converted, it would stay until the build ends; "" (not None) keeps the
        # page's title from the conversion (`Page.title`).
        page.markdown = ""

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
    `mkdocs build`; `on_nav`, after every other plugin's, converts the pages; `on_env` builds
    them to their output, search entries included."""

    def __init__(self) -> None:
        self._enabled = False
        self._converting: Pending[Converted] | None = None
        """The pages being converted, from `on_nav` until every page is (`on_env`)."""
        self._building: Pending[Built] | None = None
        """The pages being built, from `on_env` until the build ends (`on_post_build`)."""
        self._index: dict[str, int] = {}
        """Each page built in a worker by source path: its place among `_building`'s results."""
        self._meta: dict[str, tuple[Any, Any]] = {}
        """The `search` and `template` front matter of each page built in a worker, until its
        `on_page_context`."""
        self._built: set[str] = set()
        """Pages whose output is a worker's, by source path."""
        self._nav: Navigation | None = None

    def on_startup(self, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Only a clean `mkdocs build` (or `gh-deploy`) converts in workers."""
        self._enabled = command != "serve" and not dirty
        stage_workers.allow(workers() if self._enabled else 1)

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

    def apart(self, scratch: Path, function: Callable[..., _T], *args: Any) -> _T:
        """`function(*args)`, under `mkdocs build` in a forked process of its own, whose memory
        goes back to the system when it ends: for reading the notes, whose model (300 MB at
        5,000 services) would otherwise leave this process fragmented for the rest of the build,
        and every worker forked from it after that larger. The result is pickled back; what
        the process logged is replayed here, so `--strict` counts it. Exceptions are raised here.
        The result goes through a file in a temporary folder under `scratch`."""
        if not self._enabled or workers() < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return function(*args)
        context = multiprocessing.get_context("fork")
        scratch.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="kb-apart-", dir=scratch) as folder:
            out = Path(folder) / "result.pickle"
            with ProcessPoolExecutor(1, mp_context=context, initializer=_start_worker) as pool:
                pool.submit(_call_apart, function, args, out).result()
            with out.open("rb") as file:  # written by the child process above
                loaded: tuple[_T, list[logging.LogRecord]] = pickle.load(file)
        result, records = loaded
        for record in records:
            logging.getLogger(record.name).handle(record)
        return result

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> None:
        """Every page of the build, in MkDocs' order, sent to be converted ahead of MkDocs' loop,
        which takes each page's result as it reaches the page."""
        self._nav = nav
        if not self._enabled:
            return
        pages = []
        page_class = engine_module(config, "structure.pages").Page
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            if file.page is None and file.inclusion.value == InclusionLevel.NOT_IN_NAV.value:
                page_class(None, file, config)  # as MkDocs' loop does before `_populate_page`
            if file.page is not None:
                pages.append(file.page)
        self._converting = convert_pages(pages, config, files)

    def on_env(self, config: MkDocsConfig, files: Files, env: Environment, post_page: PostPage) -> None:
        """Once every page's content is final (after every other `on_env`): each page sent to be
        built in the workers up to its output, as MkDocs' loop would build it, search entries
        included; the loop then takes each page's output as it reaches the page.

        MkDocs builds every page in its loop (`_build_page`), one after the other: the theme's
        template (a fifth of a large build) and, in `on_page_context`, Material's search plugin
        parsing the page's HTML (`SearchIndex.add_entry_from_context` in
        material/plugins/search/plugin.py, a seventh). All they need is final now: the content,
        table of contents, nav, URL, title and front matter. A worker runs, for each page, what
        `_build_page` runs up to writing the file: the context, every `on_page_context` event,
        the template, and `post_page` (the knowledge base's `on_post_page`, the one
        `on_post_page` event it runs: MkDocs' loop runs the others, as usual). For MkDocs' loop,
        each page sent to the workers gets a `search` front matter that excludes it once the
        worker has indexed it (`_SearchMeta`, read by nothing but that plugin) and as template one
        that gives the worker's output (Jinja's `get_template` returns a `Template` it is given):
        `after_search`, in `on_page_context`, restores the page's front matter and adds its
        entries in the plugin's place, in the same order; `built` tells the hook that the page's
        `on_post_page` is done. Should a worker fail on a page, the loop builds it as usual.
        """
        if self._converting is not None:  # MkDocs' loop has converted every page by now
            self._converting.close()
            self._converting = None
        self._index, self._meta, self._built = {}, {}, set()
        if not self._enabled or self._nav is None:
            return
        search = config.plugins.get("material/search")
        search_index = search.search_index if search is not None and search.config.enabled else None
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = [file.page for file in doc_files if file.page is not None and file.page.content is not None]
        render = _Render(self._nav, doc_files, env, post_page)
        results = _in_workers(_build, _Job(config, files, pages, search_index, render))
        if results is None:
            return
        self._building = results
        for index, page in enumerate(pages):
            path = page.file.src_uri
            own = (page.meta.get("search", _ABSENT), page.meta.get("template", _ABSENT))
            self._index[path], self._meta[path] = index, own
            if search_index is not None:
                page.meta["search"] = _SearchMeta(results, index, own[0])
            page.meta["template"] = _Written(results, index, page.meta.get("template", "main.html"), env, self._built)

    @staticmethod
    def in_worker() -> bool:
        """Whether this process is a worker (converting or building pages, or reading the notes),
        not the one MkDocs' loop runs in."""
        return _in_worker

    def after_search(self, page: Page, config: MkDocsConfig) -> None:
        """The page's own front matter again, and its entries where Material would have put them."""
        path = page.file.src_uri
        index = self._index.pop(path, None)
        if index is None or self._building is None:
            return
        built = self._building.get(index)
        search_meta, template_meta = self._meta.pop(path)
        for key, value in (("search", search_meta), ("template", template_meta)):
            if value is _ABSENT:
                page.meta.pop(key, None)
            else:
                page.meta[key] = value
        search = config.plugins.get("material/search")
        if built is not None and search is not None and search.config.enabled:
            search.search_index.entries.extend(json.loads(built.entries))

    def finish(self, *, cancel: bool = False) -> None:
        """The build is over (or failed, `cancel`): no worker is left running."""
        for results in (self._converting, self._building):
            if results is not None:
                results.close(cancel=cancel)
        self._converting = self._building = None

    def built(self, page: Page) -> bool:
        """Whether the page's output is a worker's, its `post_page` done there."""
        return page.file.src_uri in self._built

    def written(self, page: Page) -> None:
        """A page is written: what only its own rendering needed (its Markdown and HTML) goes,
        so that the search index, written last, reuses that memory. MkDocs keeps every page
        until the build ends, for the anchors it checks then (`present_anchor_ids`), and a page's
        title needs its Markdown only before it is converted (`Page.title`)."""
        if self._enabled and page.content is not None and page.markdown is not None:
            page.content = ""
            page.markdown = ""
