"""End to end: strict builds of the real notes and of fixtures, checked on the built HTML."""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, require_corpus
from lossless import check_lines, check_structure
from notes_kb.build import display_path
from pipeline import build_notes
from sitebuild import build_site, warnings_of

if TYPE_CHECKING:
    from pathlib import Path

GOLDEN = PROJECT / "tests" / "golden"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_notes_copy_is_the_authors_file_byte_for_byte() -> None:
    shared = PROJECT.parent / "shared" / "notes" / "aws.md"
    if not shared.exists():
        pytest.skip(f"{shared} is not here")
    assert (PROJECT / "notes" / "aws.md").read_bytes() == shared.read_bytes()


def test_aws_site_pages(aws_site: Path) -> None:
    for page in ["index.html", "aws/index.html", "aws/notes/index.html", "aws/sections/general-points/index.html"]:
        assert (aws_site / page).is_file(), page
    sections = sorted(p.parent.name for p in (aws_site / "aws" / "sections").glob("*/index.html"))
    assert len(sections) == 10
    notes = soup(aws_site / "aws" / "notes" / "index.html")
    summaries = [s.get_text() for s in notes.select("article details > summary")]
    assert summaries[:3] == ["Version History (Main Versions)", "General Points", "Core AWS Services"]
    assert len(summaries) == 10
    # The repeated `## Title` is dropped inside the admonition.
    assert not notes.select("article details > h2")


def test_aws_site_loses_no_line(aws_site: Path) -> None:
    source = (PROJECT / "notes" / "aws.md").read_text(encoding="utf-8")
    html = (aws_site / "aws" / "notes" / "index.html").read_text(encoding="utf-8")
    report = check_lines(source, html)
    assert report.missing == []
    assert report.checked > 500
    structure = check_structure(source, html)
    assert structure.missing == []
    assert structure.headings > 20


def test_nav_lists_topic_groups_and_sections(aws_site: Path) -> None:
    page = soup(aws_site / "aws" / "sections" / "auto-scaling" / "index.html")
    labels = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    for expected in ["Full notes", "General Points", "Auto Scaling"]:
        assert expected in labels
    assert page.select_one("nav.md-nav--primary label.md-nav__link, nav.md-nav--primary span.md-nav__link")


def test_no_asset_from_another_host(aws_site: Path) -> None:
    for html in aws_site.rglob("*.html"):
        page = soup(html)
        for tag, attribute in [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")]:
            for element in page.find_all(tag):
                value = str(element.get(attribute) or "")
                assert not re.match(r"^(https?:)?//", value), f"{html}: {tag} loads {value}"


def test_strict_build_fails_on_malformed_notes_with_one_warning_each(tmp_path: Path) -> None:
    result = build_site(tmp_path / "site", GOLDEN / "malformed" / "notes")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    expected = [
        line.rsplit(" [", 1)[0]  # the golden file adds each diagnostic's kind
        for line in (GOLDEN / "malformed" / "expected" / "diagnostics.txt").read_text(encoding="utf-8").splitlines()
    ]
    prefix = "tests/golden/malformed/"
    assert warnings_of(result) == [f"kb: {prefix}{line}" for line in expected]


def test_malformed_notes_still_reach_the_site(tmp_path: Path) -> None:
    result = build_site(tmp_path / "site", GOLDEN / "malformed" / "notes", strict=False)
    assert result.returncode == 0, result.stderr
    for name in ["malformed", "latin1"]:
        source = (GOLDEN / "malformed" / "notes" / f"{name}.md").read_bytes().decode("utf-8", errors="replace")
        html = (tmp_path / "site" / name / "notes" / "index.html").read_text(encoding="utf-8")
        assert check_lines(source, html).missing == []


def test_titles_are_text(tmp_path: Path) -> None:
    result = build_site(tmp_path / "site", GOLDEN / "tricky" / "notes")
    assert result.returncode == 0, result.stderr
    page = soup(tmp_path / "site" / "tricky" / "sections" / "script-alert-1-script" / "index.html")
    assert page.title is not None
    assert page.title.get_text() == "<script>alert(1)</script> - Study Notes"
    assert page.select_one("article h1").get_text().rstrip("¶") == "<script>alert(1)</script>"
    # No script that runs says it; the hover-preview data (inert JSON) has it as text, escaped.
    assert not [s for s in page.find_all("script") if "alert" in s.get_text() and s.get("type") != "application/json"]
    (previews,) = page.select('script.kb-previews[type="application/json"]')
    assert "<" not in previews.get_text()
    shown = json.dumps(json.loads(previews.get_text()), ensure_ascii=False)
    assert "<script>alert(1)</script>" in shown  # a nested section's trail, shown as text by the card
    nav = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary .md-nav__link")]
    assert "Promise<T>" in nav
    assert "Tom & Jerry" in nav
    notes = soup(tmp_path / "site" / "tricky" / "notes" / "index.html")
    assert [s.get_text() for s in notes.select("article summary")][:3] == [
        "Promise<T>",
        "Tom & Jerry",
        "<script>alert(1)</script>",
    ]
    text = notes.select_one("article").get_text()
    for literal in [
        "<ol> is an ordered list",
        "git reset --soft <commit>",
        '<div class="row">',
        "<script>alert(2)</script>",
    ]:
        assert literal in text
    assert not notes.select("article ol, article div.row")


@pytest.mark.corpus
def test_real_notes_lose_no_line(tmp_path: Path) -> None:
    corpus = require_corpus()
    notes = tmp_path / "notes"
    notes.mkdir()
    sources = [*sorted(corpus.glob("*.md")), PROJECT / "notes" / "aws.md"]
    for source in sources:
        shutil.copyfile(source, notes / source.name)
    result = build_site(tmp_path / "site", notes)
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == []
    checked = 0
    numbers = headings = code = 0
    for source in sources:
        html = (tmp_path / "site" / source.stem / "notes" / "index.html").read_text(encoding="utf-8")
        report = check_lines(source.read_text(encoding="utf-8"), html)
        assert report.missing == [], f"{source.name}: lines missing from the site"
        structure = check_structure(source.read_text(encoding="utf-8"), html)
        assert structure.missing == [], f"{source.name}: structure missing from the site"
        checked += report.checked
        numbers, headings, code = numbers + structure.numbers, headings + structure.headings, code + structure.code
    print(f"lines checked for loss: {checked}; list numbers {numbers}, headings {headings}, code blocks {code}")
    assert checked > 4000
    assert (numbers, headings, code) >= (100, 100, 30)


def test_notes_outside_the_project_are_named_from_their_folder(tmp_path: Path) -> None:
    notes = tmp_path / "my-notes"
    assert display_path(notes / "aws.md", PROJECT, notes) == "my-notes/aws.md"
    assert display_path(PROJECT / "notes" / "aws.md", PROJECT, PROJECT / "notes") == "notes/aws.md"
    # Where the site was built never shows: the sources name the folder, not the machine's path.
    (notes / "sub").mkdir(parents=True)
    shutil.copyfile(PROJECT / "notes" / "aws.md", notes / "sub" / "aws.md")
    result = build_notes(notes, PROJECT)
    assert [topic.source for topic in result.kb.topics] == ["my-notes/sub/aws.md"]
    assert str(tmp_path) not in json.dumps([page.markdown for page in result.site.pages.values()])
