"""Differential fidelity: every section shows the blocks a CommonMark/GFM renderer shows.

For every section of notes/aws.md, of each real notes file in ../shared/corpus, of the cases in
../shared/cases and of the fixtures here, three block signatures must be equal: (a) the reference
rendering of the section's own body (allowlist.py's departures applied), (b) the section page,
(c) the section's block on the full-notes page.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, require_corpus, require_shared
from fidelity.allowlist import reference_html
from fidelity.signature import Event, signature
from notes_kb.glue.compose import body
from notes_kb.render.paths import notes_page, section_page
from notes_kb.source.document import NotesDocument, Section
from pipeline import build_notes, converted_site

FIXTURES = Path(__file__).parent / "fixtures"


def section_source(lines: list[str], section: Section) -> str:
    """The section's body as the author wrote it, the repeated title blanked (the reference draws
    nested sections as `<details>`, which signatures leave out, as they leave out ours)."""
    hidden: set[int] = set()
    if section.repeated_title is not None:
        hidden.update(range(section.repeated_title.start, section.repeated_title.end + 1))
    last = section.end - 1 if section.closed else section.end
    return "\n".join("" if n in hidden else lines[n - 1] for n in range(section.start + 1, last + 1)) + "\n"


def full_notes_block(notes_html: str, slug: str) -> str:
    """The inner HTML of a section's collapsible block on the full-notes page (summary left out)."""
    soup = BeautifulSoup(notes_html, "html.parser")
    anchor = soup.find(id=slug)
    assert anchor is not None, f"no #{slug} on the full-notes page"
    details = anchor.find_parent("details")
    assert details is not None
    summary = details.find("summary")
    if summary is not None:
        summary.decompose()
    return details.decode_contents()


def show(events: list[Event]) -> list[str]:
    return [f"{'  ' * e.depth}{e.kind} {e.text!r}" for e in events]


def check_folder(folder: Path, files: list[Path]) -> tuple[int, list[str]]:
    """Sections checked and the differences found, for notes files in `folder`."""
    result = build_notes(folder)
    pages = converted_site(result)
    problems: list[str] = []
    checked = 0
    by_source = {topic.source: topic for topic in result.kb.topics}
    for file in files:
        topic = by_source[file.relative_to(folder).as_posix()]
        document: NotesDocument = topic.document
        lines = file.read_text(encoding="utf-8").splitlines()
        notes = pages[notes_page(topic.slug)]
        for section in document.sections:
            reference = signature(reference_html(section_source(lines, section)))
            page = signature(body(pages[section_page(topic.slug, section.slug)]))
            block = signature(full_notes_block(notes, section.slug))
            checked += 1
            for name, ours in [("section page", page), ("full notes", block)]:
                if ours != reference:
                    diff = "\n".join(difflib.unified_diff(show(reference), show(ours), "reference", name, lineterm=""))
                    problems.append(f"{file.name}:{section.start} {section.title!r} ({name}):\n{diff}")
    return checked, problems


def test_aws_notes() -> None:
    checked, problems = check_folder(PROJECT / "notes", [PROJECT / "notes" / "aws.md"])
    assert checked == 10
    assert problems == []


@pytest.mark.corpus
def test_real_notes_corpus() -> None:
    corpus = require_corpus()
    files = sorted(corpus.glob("*.md"))
    checked, problems = check_folder(corpus, files)
    print(f"corpus: {checked} sections checked in {len(files)} files, {len(problems)} differ")
    assert len(files) == 11
    assert checked > 200
    assert problems == [], "\n\n".join(problems)


@pytest.mark.corpus
def test_cases() -> None:
    cases = require_shared("cases")
    files = sorted(p for p in cases.glob("*.md") if p.name != "README.md")
    checked, problems = check_folder(cases, files)
    assert checked == len(files) + 1  # csharp.md has two sections
    assert problems == [], "\n\n".join(problems)


def test_fixtures() -> None:
    files = sorted(FIXTURES.glob("*.md"))
    checked, problems = check_folder(FIXTURES, files)
    assert checked >= 10
    assert problems == [], "\n\n".join(problems)
