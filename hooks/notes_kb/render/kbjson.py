"""`kb.json`: the knowledge model for other tools, with the URLs of the pages that show it.

The facts are the model's own serialisation (`KnowledgeBase.as_dict`, taken where the model
is: a single build makes it in a process of its own, see `glue.plugin`); this adds where each
thing is shown, through `url_of`, which the glue builds from MkDocs' `File.url` (right with and without
directory URLs: the offline bundle's `kb.json` points at `ec2.html`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from . import paths

if TYPE_CHECKING:
    from collections.abc import Callable


def kb_document(model: dict[str, Any], url_of: Callable[[str], str | None]) -> dict[str, Any]:
    """`{"topics": [...]}`: each thing of the model's facts (`KnowledgeBase.as_dict`) with the
    site-root-relative `url` of its page (added last, after the facts' own keys)."""

    def with_urls(items: list[dict[str, Any]], page: Callable[[str, str], str], t: str) -> list[dict[str, Any]]:
        return [{**item, "url": url_of(page(t, item["slug"]))} for item in items]

    topics = []
    for facts in model["topics"]:
        t = facts["slug"]
        topic = {**facts, "url": url_of(paths.topic_page(t)), "notes_url": url_of(paths.notes_page(t))}
        for key, page in [
            ("services_url", paths.services_index(t)),
            ("categories_url", paths.categories_index(t)),
            ("flow_url", paths.flow_page(t)),
            ("certifications_url", paths.certifications_page(t)),
            ("glossary_url", paths.glossary_page(t)),
        ]:
            topic[key] = url_of(page)
        topic["sections"] = with_urls(facts["sections"], paths.section_page, t)
        topic["services"] = with_urls(facts["services"], paths.service_page, t)
        topic["categories"] = with_urls(facts["categories"], paths.category_page, t)
        topic["layers"] = with_urls(facts["layers"], paths.layer_page, t)
        topics.append(topic)
    return {"topics": topics}


def kb_json(model: dict[str, Any], url_of: Callable[[str], str | None]) -> str:
    """The site's `kb.json` text (stable key order, so two builds give the same bytes)."""
    return json.dumps(kb_document(model, url_of), indent=2, ensure_ascii=False) + "\n"
