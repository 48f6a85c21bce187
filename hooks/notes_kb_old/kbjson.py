"""`kb.json`: the knowledge model for other tools, with site-root-relative URLs."""

from __future__ import annotations

import json
from typing import Any

from . import paths
from .model import KnowledgeBase


def kb_json(kb: KnowledgeBase) -> str:
    """The site's `kb.json` text (stable key order, so two builds give the same bytes)."""
    return json.dumps(kb_document(kb), indent=2, ensure_ascii=False) + "\n"


def kb_document(kb: KnowledgeBase) -> dict[str, Any]:
    """`{"topics": [...]}` as documented in the README."""
    url = paths.page_url
    topics = []
    for topic in kb.topics:
        t = topic.slug
        layers_by_name = {layer.name: layer for layer in topic.layers}
        topics.append(
            {
                "title": topic.title,
                "slug": t,
                "source": topic.source,
                "url": url(paths.topic_page(t)),
                "notes_url": url(paths.notes_page(t)),
                "flow_url": url(paths.flow_page(t)) if topic.layers else None,
                "certifications_url": url(paths.certifications_page(t)) if topic.certifications else None,
                "glossary_url": url(paths.glossary_page(t)) if topic.glossary else None,
                "sections": [
                    {"title": s.title, "url": url(paths.section_page(t, s.slug)), "line": s.line}
                    for s in topic.document.sections()
                ],
                "services": [
                    {
                        "name": s.name,
                        "full_name": s.full_name,
                        "aliases": s.aliases,
                        "url": url(paths.service_page(t, s.slug)),
                        "categories": s.categories,
                        "layers": [layers_by_name[name].name for name in s.layers],
                        "summary": s.summary,
                    }
                    for s in topic.services
                ],
                "categories": [
                    {
                        "name": c.name,
                        "url": url(paths.category_page(t, c.slug)),
                        "services": [topic.service(slug).name for slug in c.services],
                    }
                    for c in topic.categories
                ],
                "layers": [
                    {
                        "name": layer.name,
                        "order": layer.order,
                        "url": url(paths.layer_page(t, layer.slug)),
                        "services": [topic.service(slug).name for slug in layer.services],
                    }
                    for layer in topic.layers
                ],
                "certifications": [
                    {"name": c.name, "rating": c.rating, "level": c.level} for c in topic.certifications
                ],
            }
        )
    return {"topics": topics}
