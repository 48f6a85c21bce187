"""Where each generated page lives, as a docs-relative source path (`aws/services/ec2.md`).

The one place that decides page paths (Quartz's `util/path.ts` plays this part there). URLs are
MkDocs' business: the glue turns these paths into URLs with `File.url`, which honours
`use_directory_urls` (the offline bundle has `ec2.html`, the hosted site `ec2/`).
"""

from __future__ import annotations

import functools
import posixpath

from ..slugs import slugify


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


def glossary_anchor(term: str) -> str:
    """The id of a term's row on the glossary page (`VPC` is `#vpc`), for links and previews."""
    return slugify(term) or "term"


def study_page(topic: str) -> str:
    """The topic's flashcards and quiz."""
    return f"{topic}/study/index.md"


def certification_study_page(topic: str, certification: str) -> str:
    """Flashcards from the sections the notes link to one certification."""
    return f"{topic}/study/{certification}.md"


def library_study_page() -> str:
    """Flashcards of every topic."""
    return "study.md"


def graph_page(topic: str) -> str:
    """The topic's knowledge graph: every service with its categories and flow layers."""
    return f"{topic}/graph.md"


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one source page to another (MkDocs resolves `.md` links)."""
    target = _relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=65536)
def _relpath(to_page: str, from_folder: str) -> str:
    # Pages link from a handful of folders to a few thousand pages: most calls repeat.
    return posixpath.relpath(to_page, from_folder)


def kb_link(page: str, anchor: str = "") -> str:
    """A link target in HTML the render stage writes: `kb:aws/services/ec2.md#L12`.

    MkDocs rewrites `.md` links only in Markdown; the glue resolves these for the page they end
    up on (`glue.links`), with directory URLs or without.
    """
    return f"kb:{page}#{anchor}" if anchor else f"kb:{page}"
