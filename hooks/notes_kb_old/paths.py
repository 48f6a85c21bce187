"""Slugs and site paths: the one place that decides where a generated page lives."""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+|_+")


def slugify(text: str) -> str:
    """A lowercase, hyphenated slug; letters of any script survive, punctuation and emoji do not."""
    text = unicodedata.normalize("NFKC", text).lower()
    # `C++` and `C#` must not collapse into the same slug as `C`.
    text = text.replace("&", " and ").replace("+", " plus ").replace("#", " sharp ")
    return _NOT_WORD.sub("-", text).strip("-")


RESERVED = frozenset({"index"})
"""Slugs a generated page cannot take: `services/index.md` is the services index."""


def unique_slug(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3` … whichever is free; records the result in `taken`."""
    candidate, counter = slug, 1
    if candidate in RESERVED:
        candidate, counter = f"{slug}-2", 2
    while candidate in taken:
        counter += 1
        candidate = f"{slug}-{counter}"
    taken.add(candidate)
    return candidate


def topic_slug(notes_path: str) -> str:
    """The URL folder of a topic: its notes file name without extension."""
    stem = posixpath.splitext(posixpath.basename(notes_path))[0]
    return slugify(stem) or "topic"


def home_page() -> str:
    """The site's home page."""
    return "index.md"


def topic_page(topic: str) -> str:
    """A topic's overview page."""
    return f"{topic}/index.md"


def notes_page(topic: str) -> str:
    """A topic's full-notes page."""
    return f"{topic}/notes.md"


def section_page(topic: str, section: str) -> str:
    """One section's page."""
    return f"{topic}/sections/{section}.md"


def services_index(topic: str) -> str:
    """All services of a topic, A–Z."""
    return f"{topic}/services/index.md"


def service_page(topic: str, service: str) -> str:
    """One service's page."""
    return f"{topic}/services/{service}.md"


def categories_index(topic: str) -> str:
    """All categories of a topic."""
    return f"{topic}/categories/index.md"


def category_page(topic: str, category: str) -> str:
    """One category's page."""
    return f"{topic}/categories/{category}.md"


def flow_page(topic: str) -> str:
    """The service flow, layers in order."""
    return f"{topic}/flow/index.md"


def layer_page(topic: str, layer: str) -> str:
    """One flow layer's page."""
    return f"{topic}/flow/{layer}.md"


def certifications_page(topic: str) -> str:
    """The certification ratings table."""
    return f"{topic}/certifications.md"


def glossary_page(topic: str) -> str:
    """Acronyms and their expansions."""
    return f"{topic}/glossary.md"


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one source page to another (MkDocs resolves `.md` links)."""
    target = _relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=65536)
def _relpath(to_page: str, from_folder: str) -> str:
    # Pages link from a handful of folders to a few thousand pages: most calls repeat.
    return posixpath.relpath(to_page, from_folder)


def page_url(page: str) -> str:
    """The directory URL a source page gets with `use_directory_urls`, relative to the site root."""
    if page == "index.md":
        return ""
    stem = page.removesuffix(".md")
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
