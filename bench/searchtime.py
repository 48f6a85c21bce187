"""How long a reader waits for search results, in headless Chromium, on a large synthetic site.

The site is built, served on 127.0.0.1 and opened in Debian's Chromium (Playwright, the same
browser as the tests). Material starts the search worker as the page loads, and the worker
loads the index: the time from the start of the page's load to the first answer to a query is
taken (search opened at once, as by a reader who starts typing right away), and, between the
page's load event and that answer, the longest the page's own thread went without running a
10 ms timer (a page that froze while the index loads would show it here).
Then each query is typed into Material's search box (set, then a key-up, as a keyboard does) and
the time is taken until the result list is replaced: the worker's answer, rendered. Every query
runs three times; the slowest run counts.
"""

from __future__ import annotations

import contextlib
import functools
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playwright.sync_api import sync_playwright

from measure import CONFIG, ROOT, child_env

if TYPE_CHECKING:
    from collections.abc import Iterator

CHROMIUM = Path("/usr/bin/chromium")
# As the browser tests start it: no background requests (the machine's network is closed).
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
QUERIES = [
    "lambda",
    "lamda",
    "storage",
    "object storage service",
    "queue",
    "serverless compute",
    "data warehouse",
    "5 TB",
    "cloud front",
    "authentication",
    "kinesiss",
    "ZCP",
    "real-time data streaming",
    "Maximum execution timeout",
    "cache",
]
# Set the query as typing does and wait for the worker's answer to be rendered.
# Material rewrites the result count (`.md-search-result__meta`) whenever an answer arrives, even
# an empty one; the box is emptied first, so that asking the same query again is a new query.
_TIME_QUERY = """async (query) => {
  const input = document.querySelector("[data-md-component=search-query]");
  const meta = document.querySelector(".md-search-result__meta");
  const answer = () => new Promise(resolve => {
    const seen = new MutationObserver(() => { seen.disconnect(); resolve(); });
    seen.observe(meta, { childList: true, characterData: true, subtree: true });
  });
  const ask = (value) => { input.value = value; input.dispatchEvent(new KeyboardEvent("keyup")); };
  let done = answer();
  ask("");
  await done;
  done = answer();
  const started = performance.now();
  ask(query);
  await done;
  return performance.now() - started;
}"""


@dataclass
class SearchTimes:
    """Milliseconds from a query to its results."""

    per_query: dict[str, float] = field(default_factory=dict)
    """The slowest of three runs, by query."""
    ready: float | None = None
    """From the start of the page's load to the worker's first answer (the index loaded)."""
    longest_pause: float | None = None
    """The longest the page's own thread did not run a 10 ms timer, from its load event until
    that first answer."""
    status: str = "ok"
    """`ok`, or what went wrong."""

    def as_dict(self) -> dict[str, Any]:
        values = list(self.per_query.values())
        return {
            "status": self.status,
            "per_query_ms": self.per_query,
            "ready_ms": self.ready,
            "longest_pause_ms": self.longest_pause,
            "max_ms": max(values) if values else None,
            "median_ms": statistics.median(values) if values else None,
        }


def measure_search(notes_dir: Path, work: Path) -> SearchTimes:
    """Build the site of `notes_dir`, serve it and time every query of `QUERIES`."""
    result = SearchTimes()
    if not CHROMIUM.exists():
        result.status = f"skipped: no Chromium at {CHROMIUM}"
        return result
    site, failure = build_site(notes_dir, work, "search-site-")
    if failure:
        result.status = failure
        return result
    with served(site) as url:
        _time_queries(url, result)
    return result


def build_site(notes_dir: Path, work: Path, prefix: str) -> tuple[Path, str | None]:
    """`mkdocs build` of `notes_dir` into a new folder of `work`: (the site, why it failed or None)."""
    site = Path(tempfile.mkdtemp(prefix=prefix, dir=work))
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(CONFIG), "-d", str(site)]
    built = subprocess.run(cmd, env=child_env(notes_dir), cwd=ROOT, capture_output=True, text=True, check=False)
    if built.returncode != 0:
        return site, "build failed: " + built.stderr.strip().splitlines()[-1]
    return site, None


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve the built `site` on 127.0.0.1 while the block runs; yields its URL (ending in `/`)."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def _time_queries(url: str, result: SearchTimes) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        page = browser.new_page()
        page.goto(url)
        page.evaluate(_WATCH_PAUSES)
        page.keyboard.press("s")  # opens search, as a reader who starts typing at once
        page.wait_for_function(_READY, timeout=120_000, polling=10)
        # Since the page started loading: Material starts the worker, which loads the index, then.
        result.ready = page.evaluate("() => performance.now()")
        result.longest_pause = page.evaluate(_LONGEST_PAUSE)
        for query in QUERIES:
            result.per_query[query] = max(page.evaluate(_TIME_QUERY, query) for _ in range(3))
        browser.close()


# A timer every 10 ms on the page's own thread, noting how long each took to come round.
_WATCH_PAUSES = """() => {
  window.__kbPauses = [];
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    window.__kbPauses.push(now - last);
    last = now;
    if (!window.__kbStop) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
}"""
_LONGEST_PAUSE = "() => { window.__kbStop = true; return Math.max(...window.__kbPauses); }"
# The worker is ready once a query gets an answer (Material keeps the box inert until then).
_READY = """() => {
  const input = document.querySelector("[data-md-component=search-query]");
  if (input.value !== "zcp") { input.value = "zcp"; input.dispatchEvent(new KeyboardEvent("keyup")); }
  return document.querySelectorAll(".md-search-result__list > li").length > 0;
}"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""
