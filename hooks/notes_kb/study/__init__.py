"""Study stage: the knowledge model → flashcards, for the study pages and the quiz.

    deck(topic) -> Deck

Cards are read off what the notes state (`cards.py`); the render stage shows them and the
browser schedules them (docs/assets/kb-study.js). No MkDocs imports.
"""

from __future__ import annotations

from .cards import Card, CardKind, Deck, deck

__all__ = ["Card", "CardKind", "Deck", "deck"]
