"""Hosting: SITE_URL, a site below a sub-path (`/kb/`), the 404 page and the sitemap."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from browser.helpers import page_path, search
from browser.pages import PAGE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from browser.helpers import Visit
    from browser.pages import Site

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def page_urls(site: Site) -> set[str]:
    """The directory URL of every page the build wrote (404.html is no page)."""
    urls = set()
    for html in site.root.rglob("*.html"):
        relative = html.relative_to(site.root).as_posix()
        if relative != "404.html":
            urls.add(relative.removesuffix("index.html"))
    return urls


def test_sitemap_lists_every_page_at_site_url(subpath_site: Site) -> None:
    root = ElementTree.parse(subpath_site.root / "sitemap.xml").getroot()
    locations = [loc.text or "" for loc in root.iter(f"{SITEMAP}loc")]
    assert all(location.startswith(subpath_site.base_url) for location in locations)
    assert {location.removeprefix(subpath_site.base_url) for location in locations} == page_urls(subpath_site)
    assert {subpath_site.url(path) for path in PAGE_KINDS.values()} <= set(locations)
    assert [status_of(location) for location in locations] == [200] * len(locations)
    with gzip.open(subpath_site.root / "sitemap.xml.gz") as packed:
        assert packed.read() == (subpath_site.root / "sitemap.xml").read_bytes()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_canonical_link_is_under_site_url(subpath_site: Site, kind: str) -> None:
    soup = BeautifulSoup(subpath_site.file(PAGE_KINDS[kind]).read_text(encoding="utf-8"), "html.parser")
    canonical = soup.select_one("link[rel=canonical]")
    assert canonical is not None
    assert canonical["href"] == subpath_site.url(PAGE_KINDS[kind])


def test_without_site_url_there_is_no_canonical_link(hosted_site: Site) -> None:
    soup = BeautifulSoup(hosted_site.file(PAGE_KINDS["home"]).read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("link[rel=canonical]") is None


def test_nothing_is_served_outside_the_sub_path(subpath_site: Site) -> None:
    origin = subpath_site.base_url.removesuffix("kb/")
    assert status_of(subpath_site.base_url) == 200
    assert status_of(origin) == 404
    assert status_of(origin + "assets/kb.css") == 404


@pytest.mark.browser
@pytest.mark.parametrize("site_name", ["hosted", "subpath"])
def test_404_page_works_below_its_path(
    site_name: str, request: pytest.FixtureRequest, open_page: Callable[..., Visit]
) -> None:
    site: Site = request.getfixturevalue(f"{site_name}_site")
    missing = site.url("no/such/page/")
    visit = open_page(missing)
    page = visit.page
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").inner_text().startswith("404")
    # Only the page itself is missing: its stylesheets, scripts and search index all load.
    assert visit.log.failures == [f"{missing}: HTTP 404"]
    assert visit.log.errors == []
    assert page.locator(".md-header").evaluate("header => getComputedStyle(header).position") == "sticky"
    assert search(page, "aws"), "search does not work on the 404 page"
    page.keyboard.press("Escape")
    # The header's home link leads back to the site, below its path.
    with page.expect_navigation():
        page.locator("a.md-header__button.md-logo").click()
    assert page.url == site.base_url
    assert page_path(page) == ""
