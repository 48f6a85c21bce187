"""The knowledge model: what the notes say, in the reader's words (topics, sections …)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import NotesDocument


@dataclass
class Topic:
    """One notes file: a subject such as AWS."""

    slug: str
    """URL folder of the topic (`aws`)."""
    title: str
    """Topic title as written (`AWS (Amazon Web Services)`)."""
    source: str
    """The notes file as the author knows it (`notes/aws.md`)."""
    document: NotesDocument
    """The parsed notes."""


@dataclass
class KnowledgeBase:
    """Everything the site shows: the topics side by side."""

    topics: list[Topic] = field(default_factory=list)
    """Topics in file-name order."""
