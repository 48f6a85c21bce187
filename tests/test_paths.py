"""Slugs and page paths (table-driven)."""

from __future__ import annotations

import pytest

from notes_kb.render import paths
from notes_kb.slugs import slugify, topic_slug, unique_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("General Points", "general-points"),
        ("Version History (Main Versions)", "version-history-main-versions"),
        ("Monitoring & Management", "monitoring-and-management"),
        ('"D" flag', "d-flag"),
        ("Promise<T>", "promise-t"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("C", "c"),
        ("1️⃣ Web (How users come in)", "1-web-how-users-come-in"),
        ("Über Größe", "über-größe"),
        ("snake_case_name", "snake-case-name"),
        ("???", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_unique_slug() -> None:
    taken: set[str] = set()
    assert [unique_slug("a", taken) for _ in range(3)] == ["a", "a-2", "a-3"]
    assert unique_slug("index", taken) == "index-2"


@pytest.mark.parametrize(
    ("src", "dst", "anchor", "link"),
    [
        ("aws/sections/a.md", "aws/notes.md", "a", "../notes.md#a"),
        ("index.md", "aws/index.md", "", "aws/index.md"),
        ("aws/index.md", "aws/notes.md", "", "notes.md"),
    ],
)
def test_relative_link(src: str, dst: str, anchor: str, link: str) -> None:
    assert paths.relative_link(src, dst, anchor) == link


@pytest.mark.parametrize(
    ("page", "anchor", "link"),
    [("aws/services/ec2.md", "", "kb:aws/services/ec2.md"), ("aws/notes.md", "L12", "kb:aws/notes.md#L12")],
)
def test_kb_link(page: str, anchor: str, link: str) -> None:
    assert paths.kb_link(page, anchor) == link


def test_topic_slug() -> None:
    assert topic_slug("notes/sub/5G Edge.md") == "5g-edge"
