"""No request leaves the page: every page kind, hosted, under a sub-path and from file://."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from browser.helpers import search, stays_local
from browser.pages import PAGE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_request_leaves_the_page(any_site: Site, kind: str, open_page: Callable[..., Visit]) -> None:
    visit = open_page(any_site.url(PAGE_KINDS[kind]))
    page = visit.page
    # Checked at once too, so a page that hangs on another host fails here and says which.
    assert visit.log.external() == []
    # Use the page as a reader would, so what loads late loads too: the search worker and its index
    # (iframe-worker's iframe under file://), and everything inside the collapsed sections.
    query = page.locator("article h1").inner_text().split()[0].strip("¶")
    assert search(page, query), f"no result for {query!r}: the search index did not load"
    page.keyboard.press("Escape")
    page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true })")
    visit.log.wait_until_quiet(page)

    assert visit.log.external() == []
    assert visit.log.failures == []
    assert visit.log.errors == []
    # The log is not empty by accident: it saw the page's own stylesheet and search index.
    assert any("/assets/stylesheets/main." in url for url in visit.log.urls)
    assert any("/search/search_index." in url for url in visit.log.urls)


def test_request_log_sees_requests_to_other_hosts(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_page(hosted_site.url(""))
    with visit.page.expect_request(lambda request: "example.invalid" in request.url):
        visit.page.evaluate("new Image().src = 'https://example.invalid/pixel.png'")
    assert visit.log.external() == ["https://example.invalid/pixel.png"]


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/kb/", True),
        ("file:///tmp/site/index.html", True),
        ("data:image/svg+xml,<svg/>", True),
        ("https://unpkg.com/iframe-worker/shim", False),
        ("https://fonts.googleapis.com/css?family=Roboto", False),
        ("http://localhost:8000/", False),
        ("http://127.0.0.1.example.com/", False),
    ],
)
def test_what_counts_as_local(url: str, local: bool) -> None:
    assert stays_local(url) is local
