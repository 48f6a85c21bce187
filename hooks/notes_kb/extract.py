"""Extract stage: parsed notes documents → knowledge base."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import KnowledgeBase, Topic
from .paths import topic_slug, unique_slug

if TYPE_CHECKING:
    from .document import NotesDocument


def extract(documents: list[NotesDocument]) -> KnowledgeBase:
    """Build the knowledge base from parsed documents (given in file-name order)."""
    taken: set[str] = set()
    topics = [
        Topic(slug=unique_slug(topic_slug(doc.path), taken), title=doc.title, source=doc.path, document=doc)
        for doc in documents
    ]
    return KnowledgeBase(topics=topics)
