"""Every URL the site hands out is right with `use_directory_urls` on and off.

The AWS site in three builds:

- `directory`: `mkdocs build --strict` as `make build` runs it (`use_directory_urls: true` in mkdocs.yml):
  pages are `aws/services/ec2/index.html`, linked as `aws/services/ec2/`;
- `file`: the same with `--no-directory-urls`, MkDocs' command-line form of `use_directory_urls: false`:
  pages are `aws/services/ec2.html`, linked as such;
- `offline`: the zip `make bundle` writes (tools/offline_bundle.py; Material's offline plugin turns directory
  URLs off), unpacked: what a reader opens from file://.

In each, every `url` and `*_url` of kb.json names the page it stands for, every link of every HTML page
resolves to a file of the site and its `#fragment` to an id there (tests/browser/linkcheck.py), and so does
every location of the search index. Across the three, kb.json, the search index and the pages name the same
pages in the same order: only the form of their URLs may differ.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from browser.builds import build_hosted, make_offline_bundle
from browser.helpers import SHIM, require
from browser.linkcheck import SiteFiles, broken_links
from sitebuild import build_site, warnings_of

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

BUILDS = ["directory", "file", "offline"]
# The offline bundle's HTML links are checked by tests/browser/test_links.py; its build differs from the
# `file` one only by Material's offline plugin.
LINK_CHECKED = ["directory", "file"]
SITE_NAME = "Study Notes"


@dataclass(frozen=True)
class Build:
    """One build of the site and the URL form it must use."""

    name: str
    root: Path
    directory_urls: bool

    def file_of(self, url: str) -> str:
        """The file a site-relative URL (no fragment) names: a folder's `index.html`, else the file itself."""
        path = url + "index.html" if url == "" or url.endswith("/") else url
        return posixpath.normpath(path)

    def url_form_problem(self, url: str) -> str | None:
        """Why `url` has the wrong form for this build, if it has."""
        if url.startswith("/") or re.match(r"[a-z]+:", url):
            return "not relative to the site root"
        if self.directory_urls and not (url in ("", "./") or url.endswith("/")):
            return "not a directory URL"
        if not self.directory_urls and not url.endswith(".html"):
            return "not a file URL (file:// shows a folder as a listing)"
        return None

    def kb(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.root / "kb.json").read_text(encoding="utf-8"))
        return data

    def search_locations(self) -> list[tuple[str, str]]:
        """(location, title) of every search index entry, from the file the site loads."""
        search = self.root / "search"
        if self.name == "offline":
            # From file:// the index is a script: `var __index = {…}`.
            text = (search / "search_index.js").read_text(encoding="utf-8")
            index = json.loads(text[text.index("{") : text.rindex("}") + 1])
        else:
            index = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
        return [(str(entry["location"]), str(entry["title"])) for entry in index["docs"]]


def page_key(file: str) -> str:
    """The page a file is, whatever the URL form: `aws/ec2.html` and `aws/ec2/index.html` are `aws/ec2`; home is ""."""
    stem = file.removesuffix(".html")
    return "" if stem == "index" else stem.removesuffix("/index")


def build_directory(dest: Path) -> Build:
    build_hosted(dest)
    return Build("directory", dest, directory_urls=True)


def build_file(dest: Path) -> Build:
    result = build_site(dest, env={"SITE_URL": "", "OFFLINE": "false"}, extra_args=["--no-directory-urls"])
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == []
    return Build("file", dest, directory_urls=False)


def build_offline(dest: Path) -> Build:
    zip_path = make_offline_bundle(dest / "dist")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(dest / "unpacked")
    (root,) = (dest / "unpacked").iterdir()
    return Build("offline", root, directory_urls=False)


BUILDERS: dict[str, Callable[[Path], Build]] = {
    "directory": build_directory,
    "file": build_file,
    "offline": build_offline,
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """The three builds by name, made side by side once for the module."""
    # The hosted site links iframe-worker's shim (extra.polyfills), and the bundle refuses to go without it.
    require(SHIM, "iframe-worker's shim", "run `make build`, which copies it from npm")
    with ThreadPoolExecutor(2) as pool:
        made = {name: pool.submit(BUILDERS[name], tmp_path_factory.mktemp(f"urls-{name}")) for name in BUILDS}
        return {name: future.result() for name, future in made.items()}


def kb_urls(value: Any, where: str = "kb.json") -> Iterator[tuple[str, str]]:
    """(where in kb.json, URL) of every `url` and `*_url` key, at any depth; null ones left out."""
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "url" or key.endswith("_url")) and item is not None:
                assert isinstance(item, str), f"{where}.{key}"
                yield f"{where}.{key}", item
            else:
                yield from kb_urls(item, f"{where}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from kb_urls(item, f"{where}[{number}]")


def page_title(build: Build, file: str) -> str:
    match = re.search(r"<title>(.*?)</title>", (build.root / file).read_text(encoding="utf-8"), re.DOTALL)
    assert match, file
    return html.unescape(match.group(1)).strip()


def expected_titles(kb: dict[str, Any]) -> dict[str, str]:
    """kb.json's place of an entity's URL → the title its page must have (`<name> - <site name>`)."""
    titles = {}
    for number, topic in enumerate(kb["topics"]):
        where = f"kb.json.topics[{number}]"
        titles[f"{where}.url"] = topic["title"]
        for kind, field in [("sections", "title"), ("categories", "name"), ("layers", "name")]:
            for index, entity in enumerate(topic[kind]):
                titles[f"{where}.{kind}[{index}].url"] = entity[field]
        for index, service in enumerate(topic["services"]):
            full = f" — {service['full_name']}" if service["full_name"] else ""
            titles[f"{where}.services[{index}].url"] = service["name"] + full
    return {where: f"{title} - {SITE_NAME}" for where, title in titles.items()}


@pytest.mark.parametrize("name", BUILDS)
def test_kb_json_urls_name_their_pages(sites: dict[str, Build], name: str) -> None:
    build = sites[name]
    kb = build.kb()
    urls = list(kb_urls(kb))
    assert len(urls) > 80
    wrong_form = [f"{where}: {url!r} {problem}" for where, url in urls if (problem := build.url_form_problem(url))]
    assert wrong_form == []
    missing = [
        f"{where}: {url!r} → {build.file_of(url)}"
        for where, url in urls
        if not (build.root / build.file_of(url)).is_file()
    ]
    assert missing == []
    # Each names its own page: an entity's page has its name for title; a topic's pages are all different.
    titles = expected_titles(kb)
    wrong_page = [
        f"{where}: {url!r} is {page_title(build, build.file_of(url))!r}, not {titles[where]!r}"
        for where, url in urls
        if where in titles and page_title(build, build.file_of(url)) != titles[where]
    ]
    assert wrong_page == []
    topic_pages = [url for where, url in urls if re.fullmatch(r"kb\.json\.topics\[\d+\]\.\w+", where)]
    assert len(topic_pages) >= 7
    assert len(set(topic_pages)) == len(topic_pages), topic_pages


@pytest.mark.parametrize("name", LINK_CHECKED)
def test_every_link_of_every_page_resolves(sites: dict[str, Build], name: str) -> None:
    build = sites[name]
    # Without directory URLs the site must work from file://, where a link to a folder shows a listing.
    broken = broken_links(build.root, directory_index=build.directory_urls)
    assert [str(problem) for problem in broken] == []


def test_search_index_text_is_plain(sites: dict[str, Build]) -> None:
    # The site's search worker reads every tag as a space: the index carries none (glue.search).
    index = json.loads((sites[BUILDS[0]].root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(index["docs"]) > 150
    assert [entry["location"] for entry in index["docs"] if re.search(r"<[^>]*>", entry["text"])] == []


def test_search_index_names_each_page_once(sites: dict[str, Build]) -> None:
    # A page's tags and boost are on its first entry only (glue.search.for_the_site), and service
    # pages' headings that only group quotes are not entries (render.pages.service).
    index = json.loads((sites[BUILDS[0]].root / "search" / "search_index.json").read_text(encoding="utf-8"))
    firsts: dict[str, dict[str, Any]] = {}
    repeated = []
    for entry in index["docs"]:
        page = entry["location"].partition("#")[0]
        first = firsts.setdefault(page, entry)
        if first is not entry and any(key in entry for key in ("tags", "boost")):
            repeated.append(entry["location"])
    assert repeated == []
    assert firsts["aws/services/lambda/"]["tags"][:2] == ["Lambda", "AWS Lambda"]
    grouping = [entry["location"] for entry in index["docs"] if entry["title"] == "What the notes say"]
    assert grouping == []
    lambda_entries = [entry for entry in index["docs"] if entry["location"].startswith("aws/services/lambda/")]
    assert len(lambda_entries) > 3
    assert all(entry["text"] for entry in lambda_entries[1:])


@pytest.mark.parametrize("name", BUILDS)
def test_search_index_locations_resolve(sites: dict[str, Build], name: str) -> None:
    build = sites[name]
    files = SiteFiles(build.root)
    locations = build.search_locations()
    assert len(locations) > 150
    problems = []
    for location, _ in locations:
        url, _, fragment = location.partition("#")
        if problem := build.url_form_problem(url):
            problems.append(f"{location!r}: {problem}")
            continue
        file = build.file_of(url)
        if not (build.root / file).is_file():
            problems.append(f"{location!r}: no such file {file}")
        elif fragment and fragment not in files.ids(file):
            problems.append(f"{location!r}: no id {fragment!r} in {file}")
    assert problems == []


def test_url_forms_name_the_same_pages(sites: dict[str, Build]) -> None:
    def kb_pages(build: Build) -> list[tuple[str, str]]:
        return [(where, page_key(build.file_of(url))) for where, url in kb_urls(build.kb())]

    def search_pages(build: Build) -> list[tuple[str, str, str]]:
        entries = [(location.partition("#"), title) for location, title in build.search_locations()]
        return [(page_key(build.file_of(url)), fragment, title) for (url, _, fragment), title in entries]

    def html_pages(build: Build) -> list[str]:
        files = (path.relative_to(build.root).as_posix() for path in build.root.rglob("*.html"))
        # The bundle leaves out 404.html (tools/offline_bundle.py: no file:// reader gets one).
        return sorted(page_key(file) for file in files if file != "404.html")

    directory, others = sites["directory"], [sites["file"], sites["offline"]]
    for other in others:
        assert kb_pages(other) == kb_pages(directory), other.name
        assert html_pages(other) == html_pages(directory), other.name
    # The search index: the same entries in the same order. A page one build leaves out shows first.
    for other in others:
        here = {page for page, _, _ in search_pages(directory)}
        there = {page for page, _, _ in search_pages(other)}
        only_there = [page or "(the home page)" for page in sorted(there - here)]
        assert only_there == [], f"in the search index of the {other.name} build but not of the directory one"
        only_here = [page or "(the home page)" for page in sorted(here - there)]
        assert only_here == [], f"in the search index of the directory build but not of the {other.name} one"
        assert search_pages(other) == search_pages(directory), other.name
