"""Fixtures: the site built once per session in its three forms, served over HTTP, and Chromium.

- `hosted_site`: `mkdocs build` as `make build` does, served at `http://127.0.0.1:PORT/`.
- `subpath_site`: built with `SITE_URL=http://127.0.0.1:PORT/kb/` and served only under `/kb/`, as
  on a host that puts the site below a path.
- `offline_site`: `tools/offline_bundle.py`'s zip, unzipped into a temporary folder, read via file://.

The servers answer a missing file with the site's 404.html and status 404, as static hosts do.
"""

from __future__ import annotations

import functools
import shutil
import sys
import threading
import zipfile
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from browser.builds import build_hosted, make_offline_bundle
from browser.helpers import BROWSER_ARGS, CHROMIUM, RequestLog, Visit, require_chromium, require_npm_assets
from browser.pages import Site
from conftest import PROJECT, require_corpus

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, BrowserContext

SITE_NAMES = ["hosted", "subpath", "offline"]


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves one folder below a URL prefix (`/` or `/kb/`); nothing outside the prefix exists."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(self.prefix):
            # A name no file of the site has, so the server answers 404.
            return str(Path(self.directory) / "__outside_the_prefix__" / "missing")
        return super().translate_path("/" + url_path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        inside = urlsplit(self.path).path.startswith(self.prefix)
        if code != HTTPStatus.NOT_FOUND or not inside or not page.is_file() or self.command != "GET":
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests report what matters."""


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # Chromium drops requests it no longer needs (a prefetch, the page a test leaves); the
        # broken connection is no error of the site's. Any other error is printed as usual.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """`ThreadingHTTPServer` on 127.0.0.1 and a free port, in a daemon thread."""

    def __init__(self, directory: Path, prefix: str) -> None:
        handler = type("Handler", (_SiteHandler,), {"prefix": prefix})
        self._server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self.base_url = f"http://127.0.0.1:{self._server.server_port}{prefix}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@pytest.fixture(scope="session")
def hosted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    require_npm_assets()
    root = tmp_path_factory.mktemp("hosted")
    build_hosted(root)
    server = SiteServer(root, "/")
    yield Site("hosted", root, server.base_url, directory_urls=True)
    server.close()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    require_npm_assets()
    root = tmp_path_factory.mktemp("subpath")
    # The server picks its port first: the build needs the URL it will be reached at.
    server = SiteServer(root, "/kb/")
    build_hosted(root, site_url=server.base_url)
    yield Site("subpath", root, server.base_url, directory_urls=True)
    server.close()


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_npm_assets()
    return make_offline_bundle(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def offline_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(unpacked)
    (root,) = unpacked.iterdir()
    return Site("offline", root, root.as_uri() + "/", directory_urls=False)


@pytest.fixture(scope="session")
def search_notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The search test site's notes: AWS, five real notes files of the author, two fixtures."""
    corpus = require_corpus()
    notes = tmp_path_factory.mktemp("search-notes")
    sources = [PROJECT / "notes" / "aws.md", PROJECT / "notes" / "aws.aliases.yml"]
    sources += [corpus / f"{name}.md" for name in ("nodejs", "git", "react", "html", "styling")]
    sources += sorted((PROJECT / "tests" / "fixtures" / "search").glob("*.md"))
    for source in sources:
        shutil.copyfile(source, notes / source.name)
    return notes


@pytest.fixture(scope="session")
def search_hosted_site(search_notes: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    require_npm_assets()
    root = tmp_path_factory.mktemp("search-hosted")
    build_hosted(root, notes_dir=search_notes)
    server = SiteServer(root, "/")
    yield Site("hosted", root, server.base_url, directory_urls=True)
    server.close()


@pytest.fixture(scope="session")
def search_offline_site(search_notes: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    require_npm_assets()
    zip_path = make_offline_bundle(tmp_path_factory.mktemp("search-dist"), env={"KB_NOTES_DIR": str(search_notes)})
    unpacked = tmp_path_factory.mktemp("search-unzipped")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(unpacked)
    (root,) = unpacked.iterdir()
    return Site("offline", root, root.as_uri() + "/", directory_urls=False)


@pytest.fixture(params=SITE_NAMES)
def any_site(request: pytest.FixtureRequest) -> Site:
    """Each form of the site in turn."""
    site: Site = request.getfixturevalue(f"{request.param}_site")
    return site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """`open_page(url, color_scheme="light")`: a fresh browser context (no stored palette or search
    state), its request log, and the page loaded."""
    contexts: list[BrowserContext] = []

    def _open(url: str, *, color_scheme: str = "light") -> Visit:
        context = browser.new_context(color_scheme=color_scheme)  # type: ignore[arg-type]
        context.set_default_timeout(15_000)
        contexts.append(context)
        log = RequestLog()
        log.attach(context)
        page = context.new_page()
        log.watch(page)
        page.goto(url)
        return Visit(page, log)

    yield _open
    for context in contexts:
        context.close()
