"""Reference pages: the certification ratings and the glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import paths
from .common import Page, cell, front_matter, heading
from .indexes import index_title
from .study import certification_cards, certification_slug

if TYPE_CHECKING:
    from collections.abc import Collection

    from ...extract.model import Topic


def _source(topic: Topic, here: str, line: int, anchored: Collection[int]) -> str:
    # Plain link text: code inside a link fails WCAG contrast in the dark palette.
    target = paths.relative_link(here, paths.notes_page(topic.slug), f"L{line}" if line in anchored else "")
    return f"[{cell(f'{topic.source}:{line}')}]({target})"


def render_certifications(topic: Topic, anchored: Collection[int]) -> Page:
    """The ratings exactly as the notes give them, in a table the reader can sort."""
    here = paths.certifications_page(topic.slug)
    out = [
        heading(1, index_title(topic, "certifications")),
        "",
        "Ratings as the notes give them. Select a column heading to sort.",
        "",
        '<div class="kb-sortable" markdown>',
        "",
        "| Certification | Level | Rating | Study sections | Source |",
        "| --- | --- | ---: | --- | --- |",
    ]
    for cert in topic.certifications:
        study = ", ".join(
            f"[{cell(topic.document.section(s).title)}]({paths.relative_link(here, paths.section_page(topic.slug, s))})"
            for s in cert.sections
        )
        if study and (cards := certification_cards(topic, cert)):
            deck = paths.certification_study_page(topic.slug, certification_slug(cert))
            study += f" · [{cards} flashcards]({paths.relative_link(here, deck)})"
        source = _source(topic, here, cert.line, anchored)
        out.append(f"| {cell(cert.name)} | {cell(cert.level)} | {cell(cert.rating)} | {study or '—'} | {source} |")
    out += ["", "</div>", ""]
    return Page("\n".join(out))


def render_glossary(topic: Topic, anchored: Collection[int]) -> Page:
    """Acronyms the notes expand, with where they first do."""
    here = paths.glossary_page(topic.slug)
    out = [
        *front_matter(boost=0.5),
        heading(1, index_title(topic, "glossary")),
        "",
        "| Term | Stands for | First expanded |",
        "| --- | --- | --- |",
    ]
    ids: set[str] = set()
    for term in topic.glossary:
        # An empty span gives the row an id (`#vpc`) for links to the term and their previews.
        anchor = paths.glossary_anchor(term.term)
        span = f'<span id="{anchor}"></span>' if anchor not in ids else ""
        ids.add(anchor)
        source = _source(topic, here, term.line, anchored)
        out.append(f"| {span}**{cell(term.term)}** | {cell(term.expansion)} | {source} |")
    out.append("")
    return Page("\n".join(out))
