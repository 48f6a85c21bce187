"""Driving the site in Chromium: launch settings, the request log and the reader's search.

`search(page, query)` types a query into Material's search the way a reader does and returns the
result URLs in the order shown; tests that rank results (which page comes first for a query) use it
directly on a page opened with the `open_page` fixture.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response

PROJECT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI") == "true"
# Debian's Chromium: the tests never download a browser (`playwright install` is not used).
CHROMIUM = Path("/usr/bin/chromium")
# No sandbox because the tests may run as root; the rest keeps Chromium from phoning home (component
# updates, sync, safe-browsing lists), which would also muddy what "no request leaves" means.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
SHIM = PROJECT / "docs" / "assets" / "vendor" / "iframe-worker" / "shim.js"
MINISEARCH = PROJECT / "docs" / "assets" / "vendor" / "minisearch" / "minisearch.js"
CYTOSCAPE = PROJECT / "docs" / "assets" / "vendor" / "cytoscape" / "cytoscape.min.js"


def require(path: Path, what: str, how: str) -> Path:
    """`path`, or skip with the reason (fail under CI=true, where everything must be present)."""
    if not path.exists():
        message = f"{what} is not at {path}: {how}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def require_chromium() -> Path:
    return require(CHROMIUM, "Chromium", "install Debian's chromium package to run the browser tests")


def require_npm_assets() -> None:
    """The shim, MiniSearch and Cytoscape.js the site ships and axe-core the tests load come from npm (`make test`
    installs them)."""
    require(SHIM, "iframe-worker's shim", "run `make test` (or `make build`), which copies it from npm")
    require(MINISEARCH, "MiniSearch", "run `make test` (or `make build`), which copies it from npm")
    require(CYTOSCAPE, "Cytoscape.js", "run `make test` (or `make build`), which copies it from npm")
    require(AXE, "axe-core", "run `npm ci` (or `make test`)")


def stays_local(url: str) -> bool:
    """True for a request that does not leave the machine: file://, in-page data, or 127.0.0.1."""
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname == "127.0.0.1"


@dataclass
class RequestLog:
    """Everything a browser context asked for, and what went wrong on its pages."""

    urls: list[str] = field(default_factory=list)
    """Every request (documents, assets, worker and iframe loads), in order."""
    failures: list[str] = field(default_factory=list)
    """Requests that failed or answered 400 and up, as `url: reason`."""
    errors: list[str] = field(default_factory=list)
    """Uncaught page exceptions and console errors."""

    def attach(self, context: BrowserContext) -> None:
        # Context-wide, so requests made by workers and iframes (iframe-worker's search) count too.
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)

    def watch(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on("console", self._on_console)

    def external(self) -> list[str]:
        """Requests that would leave the machine."""
        return [url for url in self.urls if not stays_local(url)]

    def wait_until_quiet(self, page: Page, quiet_ms: int = 1000, timeout_ms: int = 30_000) -> None:
        """Wait until the context has asked for nothing new for `quiet_ms` (at most `timeout_ms`).

        Playwright's "networkidle" counts requests in flight, and a file:// load that iframe-worker's
        iframe drops under heavy load may never report its end: this counts requests made, which is
        what the checks on them need (a request that leaves is logged when it starts).
        """
        deadline = time.monotonic() + timeout_ms / 1000
        seen, since = len(self.urls), time.monotonic()
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)
            if len(self.urls) != seen:
                seen, since = len(self.urls), time.monotonic()
            elif time.monotonic() - since >= quiet_ms / 1000:
                return
        pytest.fail(f"requests went on for {timeout_ms} ms: {self.urls[-5:]}")

    def _on_request(self, request: Request) -> None:
        self.urls.append(request.url)

    def _on_failed(self, request: Request) -> None:
        self.failures.append(f"{request.url}: {request.failure}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.url}: HTTP {response.status}")

    def _on_console(self, message: ConsoleMessage) -> None:
        # "Failed to load resource" repeats a failed request, which `failures` already holds.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(f"console: {message.text}")


@dataclass
class Visit:
    """A page opened by the `open_page` fixture, with the log of its browser context."""

    page: Page
    log: RequestLog


# Material renders results as the worker answers, one render per keystroke and no debounce, so the
# results belong to the whole query once the list has stopped changing for a while.
_RESULTS_SETTLED = """([query, quietMs]) => {
  const input = document.querySelector("[data-md-component=search-query]");
  const result = document.querySelector("[data-md-component=search-result]");
  if (!input || !result || input.value !== query) return false;
  const signature = result.innerHTML;
  const now = performance.now();
  if (window.__kbResults !== signature) {
    window.__kbResults = signature;
    window.__kbResultsSince = now;
    return false;
  }
  const config = JSON.parse(document.getElementById("__config").textContent);
  const none = config.translations["search.result.none"];
  const meta = result.querySelector(".md-search-result__meta").textContent.trim();
  const rendered = result.querySelector(".md-search-result__list").children.length > 0;
  return (rendered || meta === none) && now - window.__kbResultsSince >= quietMs;
}"""

# Material's URLs made relative to the site root (its `base` in #__config), without `?h=` terms.
_RELATIVE = """(href) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base, location.href).href;
  const url = new URL(href);
  url.searchParams.delete("h");
  return url.href.startsWith(root) ? url.href.slice(root.length) : url.href;
}"""
_RESULT_URLS = f"""() => [...document.querySelectorAll(
  ".md-search-result__list a.md-search-result__link")].map(a => ({_RELATIVE})(a.href))"""
_FOCUSED_URL = f"""() => document.activeElement?.href ? ({_RELATIVE})(document.activeElement.href) : null"""
_PAGE_PATH = f"""() => ({_RELATIVE})(location.href)"""


def open_search(page: Page, key: str = "/") -> None:
    """Open search with its keyboard shortcut (`/`, `s` or `f`) and wait until the query box has focus."""
    page.keyboard.press(key)
    page.wait_for_function("document.activeElement?.matches('[data-md-component=search-query]')", timeout=5_000)


def wait_for_results(page: Page, query: str, quiet_ms: int = 300) -> None:
    """Wait until the results shown are those of the whole `query`."""
    page.wait_for_function(_RESULTS_SETTLED, arg=[query, quiet_ms], polling=50, timeout=15_000)


def result_urls(page: Page) -> list[str]:
    """The result links now shown, in display order (see `search`)."""
    urls: list[str] = page.evaluate(_RESULT_URLS)
    return urls


def search(page: Page, query: str) -> list[str]:
    """Search like a reader (keyboard shortcut, then typing) and return the result URLs in order.

    Each result is a page: its best-matching link first, then its other matching sections (those
    Material folds under "N more on this page" included). URLs are relative to the site root, as
    the build spells them (`aws/notes/#lambda` hosted, `aws/notes.html#lambda` offline; see
    `Site.path`), without Material's `?h=` highlight parameter. Material first shows the 10 best
    pages and adds the rest as the reader scrolls; this returns those shown. Pages in rank order:
    `list(dict.fromkeys(url.partition("#")[0] for url in urls))`.
    """
    box = page.locator("[data-md-component=search-query]")
    if box.evaluate("element => element === document.activeElement"):
        page.keyboard.press("Control+A")
    else:
        open_search(page)
    page.evaluate("window.__kbResults = undefined")
    page.keyboard.type(query)
    if not query.isascii():
        # Playwright types other scripts as text input without key events; an input method ends
        # a Chinese or Japanese word with one, and Material reads the query on key up.
        box.dispatch_event("keyup")
    wait_for_results(page, query)
    return result_urls(page)


def focused_url(page: Page) -> str | None:
    """The link that has keyboard focus, relative like `search` results; None when it is no link."""
    url: str | None = page.evaluate(_FOCUSED_URL)
    return url


def page_path(page: Page) -> str:
    """The current page's URL relative to the site root, without `?h=` (like `search` results)."""
    path: str = page.evaluate(_PAGE_PATH)
    return path


def axe_violations(page: Page, *, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """Run axe-core (from npm, injected from disk) on the page; one line per violation of those impacts."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + json.dumps([node["target"] for node in violation["nodes"]][:5])
        for violation in results["violations"]
        if violation["impact"] in impacts
    ]
