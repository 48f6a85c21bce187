"""Broken internal links and anchors in a built site, found from the HTML files alone.

Every `href`/`src` of every HTML file is resolved the way a browser resolves it (relative to the
page's URL; root-relative ones against the site's own URL path) and must name a file of the site,
and its `#fragment` an `id` in that file. Links to other hosts are not followed.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from pathlib import Path

# (tag, attribute) pairs that load or link something.
LINKING = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")]
# Not places: script URLs, mail, phone.
SKIPPED_SCHEMES = {"javascript", "mailto", "tel", "data"}


@dataclass(frozen=True)
class Broken:
    """One link that does not resolve."""

    page: str
    """The HTML file holding the link, relative to the site root."""
    link: str
    """The link as written."""
    problem: str
    """What is wrong."""

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.problem})"


class SiteFiles:
    """The HTML files of one built site; each is parsed once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._ids: dict[str, frozenset[str]] = {}

    def html_files(self) -> list[str]:
        return sorted(path.relative_to(self.root).as_posix() for path in self.root.rglob("*.html"))

    def links(self, page: str) -> list[str]:
        """Every link of the page; records its ids on the way."""
        soup = BeautifulSoup((self.root / page).read_text(encoding="utf-8"), "html.parser")
        self._ids[page] = _ids_of(soup)
        return [
            str(element[attribute])
            for tag, attribute in LINKING
            for element in soup.find_all(tag, attrs={attribute: True})
        ]

    def ids(self, page: str) -> frozenset[str]:
        if page not in self._ids:
            self._ids[page] = _ids_of(BeautifulSoup((self.root / page).read_text(encoding="utf-8"), "html.parser"))
        return self._ids[page]


def _ids_of(soup: BeautifulSoup) -> frozenset[str]:
    named = {str(a["name"]) for a in soup.find_all("a", attrs={"name": True})}
    return frozenset({str(element["id"]) for element in soup.find_all(id=True)} | named)


def broken_links(root: Path, *, site_url: str = "/", directory_index: bool = True) -> list[Broken]:
    """Every broken internal link or anchor in the site at `root`.

    Args:
        root: The built site.
        site_url: Where the site is served: a path (`/`, `/kb/`) or the full `site_url`. Root-relative
            links (`/kb/assets/…`, which MkDocs writes into 404.html) resolve against its path, and
            absolute links that start with it (canonical links, the sitemap) are internal.
        directory_index: Whether `aws/` means `aws/index.html`, as on a web server. False for
            file://, where a link to a folder shows a file listing instead of the page.
    """
    site = SiteFiles(root)
    site_path = urlsplit(site_url).path or "/"
    problems: list[Broken] = []
    for page in site.html_files():
        for link in site.links(page):
            problem = _check(site, site_path + page, link, site_url, directory_index=directory_index)
            if problem:
                problems.append(Broken(page, link, problem))
    return problems


def _check(site: SiteFiles, page_url: str, link: str, site_url: str, *, directory_index: bool) -> str | None:
    target = _resolve(page_url, link, site_url)
    if target is None:
        return None
    path, fragment = target
    site_path = urlsplit(site_url).path or "/"
    if not (path + "/").startswith(site_path):
        return f"leaves the site's path {site_path}"
    relative = path[len(site_path) :] or "."
    file = site.root / relative
    if file.is_dir():
        if not directory_index:
            return "names a folder, which file:// shows as a listing"
        file = file / "index.html"
        relative = posixpath.join(relative, "index.html").removeprefix("./")
    if not file.is_file():
        return "no such file"
    if fragment and relative.endswith(".html") and fragment not in site.ids(relative):
        return f"no id {fragment!r} in {relative}"
    return None


def _resolve(page_url: str, link: str, site_url: str) -> tuple[str, str] | None:
    """(URL path, fragment) a link leads to from `page_url`; None for links this check leaves alone."""
    parts = urlsplit(link)
    if parts.scheme in SKIPPED_SCHEMES:
        return None
    if parts.scheme or parts.netloc:
        if not (urlsplit(site_url).netloc and link.startswith(site_url)):
            return None  # another host: not this check's business
        parts = urlsplit((urlsplit(site_url).path or "/") + link[len(site_url) :])
    # Resolved by hand: urljoin drops the leading slash when `../` climbs above the root.
    if parts.path.startswith("/"):
        url_path = parts.path
    else:
        url_path = posixpath.join(posixpath.dirname(page_url), parts.path or posixpath.basename(page_url))
    # Browsers stop `../` at the root, as normpath does.
    return posixpath.normpath(unquote(url_path)), unquote(parts.fragment)
