"""`kb.json`: the knowledge model for other tools, with the URLs of the pages that show it.

The facts are the model's own serialisation (`Topic.as_dict`); this adds where each thing is
shown, through `url_of`, which the glue builds from MkDocs' `File.url` (right with and without
directory URLs: the offline bundle's `kb.json` points at `ec2.html`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from . import paths

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..extract.model import KnowledgeBase


def kb_document(kb: KnowledgeBase, url_of: Callable[[str], str | None]) -> dict[str, Any]:
    """`{"topics": [...]}`: each thing of the model with the site-root-relative `url` of its page."""
    topics = []
    for topic, facts in zip(kb.topics, kb.as_dict()["topics"], strict=True):
        t = topic.slug
        facts["url"] = url_of(paths.topic_page(t))
        facts["notes_url"] = url_of(paths.notes_page(t))
        for key, page in [
            ("services_url", paths.services_index(t)),
            ("categories_url", paths.categories_index(t)),
            ("flow_url", paths.flow_page(t)),
            ("certifications_url", paths.certifications_page(t)),
            ("glossary_url", paths.glossary_page(t)),
        ]:
            facts[key] = url_of(page)
        for section in facts["sections"]:
            section["url"] = url_of(paths.section_page(t, section["slug"]))
        for service in facts["services"]:
            service["url"] = url_of(paths.service_page(t, service["slug"]))
        for category in facts["categories"]:
            category["url"] = url_of(paths.category_page(t, category["slug"]))
        for layer in facts["layers"]:
            layer["url"] = url_of(paths.layer_page(t, layer["slug"]))
        topics.append(facts)
    return {"topics": topics}


def kb_json(kb: KnowledgeBase, url_of: Callable[[str], str | None]) -> str:
    """The site's `kb.json` text (stable key order, so two builds give the same bytes)."""
    return json.dumps(kb_document(kb, url_of), indent=2, ensure_ascii=False) + "\n"
