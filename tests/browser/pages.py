"""Which pages the site-wide checks visit, and where a page lives in each build of the site.

`PAGE_KINDS` is the one list of page kinds: every check that runs "on every page kind" (no request
leaves the page, accessibility, links, sub-path hosting) is parametrized over it. Add a kind by
adding its hosted URL path here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# kind -> URL path of one such page on the hosted site, relative to the site root (directory URLs,
# as in `use_directory_urls: true`). The offline bundle maps them to `.html` files (`Site.url`).
PAGE_KINDS: dict[str, str] = {
    "home": "",
    "topic": "aws/",
    "notes": "aws/notes/",
    "section": "aws/sections/general-points/",
    "service": "aws/services/ec2/",
    "services": "aws/services/",
    "category": "aws/categories/compute/",
    "categories": "aws/categories/",
    "flow": "aws/flow/",
    "layer": "aws/flow/security/",
    "certifications": "aws/certifications/",
    "glossary": "aws/glossary/",
    "study": "aws/study/",
    "certification study": "aws/study/aws-certified-cloud-practitioner/",
    "graph": "aws/graph/",
}


@dataclass(frozen=True)
class Site:
    """One build of the site and the base URL the browser reaches it at."""

    name: str
    """`hosted` (served at `/`), `subpath` (served at `/kb/`) or `offline` (the unzipped bundle)."""
    root: Path
    """The folder holding the built files (`index.html` …)."""
    base_url: str
    """The URL of the site root, ending in `/`: `http://127.0.0.1:PORT/kb/`, `file:///…/`."""
    directory_urls: bool
    """False for the offline bundle, whose links name `page.html` files."""

    def path(self, hosted_path: str) -> str:
        """A hosted URL path (`aws/notes/#x`) as this build spells it (`aws/notes.html#x` offline)."""
        if self.directory_urls:
            return hosted_path
        path, hash_mark, fragment = hosted_path.partition("#")
        if path == "":
            path = "index.html"
        elif path.endswith("/"):
            # `aws/index.md` gives `aws/index.html`, `aws/notes.md` gives `aws/notes.html`.
            folder = path.rstrip("/")
            path = f"{folder}/index.html" if (self.root / folder / "index.html").is_file() else f"{folder}.html"
        return path + hash_mark + fragment

    def url(self, hosted_path: str) -> str:
        """The absolute URL of a page given by its hosted URL path."""
        return self.base_url + self.path(hosted_path)

    def file(self, hosted_path: str) -> Path:
        """The HTML file of a page given by its hosted URL path."""
        path = self.path(hosted_path).partition("#")[0]
        return self.root / (path + "index.html" if path == "" or path.endswith("/") else path)
