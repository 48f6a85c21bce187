"""No broken internal link or anchor anywhere in the built site, in each of its forms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from browser.linkcheck import broken_links

if TYPE_CHECKING:
    from pathlib import Path

    from browser.pages import Site


def test_hosted_site_has_no_broken_link(hosted_site: Site) -> None:
    assert [str(problem) for problem in broken_links(hosted_site.root)] == []


def test_site_below_a_sub_path_has_no_broken_link(subpath_site: Site) -> None:
    assert [str(problem) for problem in broken_links(subpath_site.root, site_url=subpath_site.base_url)] == []


def test_offline_bundle_has_no_broken_link(offline_site: Site) -> None:
    # file:// shows a folder as a listing: every link must name a file.
    assert [str(problem) for problem in broken_links(offline_site.root, directory_index=False)] == []


def test_the_checker_finds_each_kind_of_broken_link(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.html").write_text('<h2 id="here">Here</h2>', encoding="utf-8")
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        """
        <link rel="stylesheet" href="style.css"><script src="missing.js"></script>
        <a href="docs/#here">fine</a> <a href="docs/index.html#here">fine</a> <a href="#top" id="top">fine</a>
        <a href="https://example.org/">another host</a> <a href="javascript:void(0)">script</a>
        <a href="docs/#gone">anchor</a> <a href="nothing/">file</a> <a href="../up.html">above</a>
        <a href="/kb/docs/">root-relative</a> <img src="docs/pic%201.png">
        <link rel="canonical" href="http://127.0.0.1:1/kb/docs/#gone">
        """,
        encoding="utf-8",
    )
    found = {(problem.link, problem.problem) for problem in broken_links(tmp_path)}
    assert found == {
        ("missing.js", "no such file"),
        ("docs/#gone", "no id 'gone' in docs/index.html"),
        ("nothing/", "no such file"),
        ("../up.html", "no such file"),
        ("/kb/docs/", "no such file"),
        ("docs/pic%201.png", "no such file"),
    }
    offline = {(problem.link, problem.problem) for problem in broken_links(tmp_path, directory_index=False)}
    assert ("docs/#here", "names a folder, which file:// shows as a listing") in offline
    # Served below /kb/ with that site_url: root-relative links and its own absolute URLs count.
    below = {(problem.link, problem.problem) for problem in broken_links(tmp_path, site_url="http://127.0.0.1:1/kb/")}
    assert ("/kb/docs/", "no such file") not in below
    assert ("../up.html", "leaves the site's path /kb/") in below
    assert ("http://127.0.0.1:1/kb/docs/#gone", "no id 'gone' in docs/index.html") in below
