"""Reference pages: the certification ratings and the glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import paths
from ..blocks import part_marker
from ..tooltips import tooltips_html
from .common import Page, cell, front_matter, heading
from .indexes import index_title
from .study import certification_cards, certification_slug

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

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


def render_glossary(topic: Topic, anchored: Collection[int], glossary: Mapping[str, str]) -> Page:
    """Acronyms the notes expand, with where they first do.

    The table goes as HTML (part `terms`), as Python-Markdown made it of the Markdown table it
    replaces, glossary tooltips included (`glossary`: the site's, `render.site_glossary`): a
    notes file of 1,400 terms spent 0.65 s in Python-Markdown's tables on this one page.
    """
    rows = []
    ids: set[str] = set()
    for term in topic.glossary:
        # An empty span gives the row an id (`#vpc`) for links to the term and their previews.
        anchor = paths.glossary_anchor(term.term)
        span = f'<span id="{anchor}"></span>' if anchor not in ids else ""
        ids.add(anchor)
        source = paths.kb_link(paths.notes_page(topic.slug), f"L{term.line}" if term.line in anchored else "")
        cells = (
            f"{span}<strong>{_shown(term.term, glossary)}</strong>",
            _shown(term.expansion, glossary),
            f'<a href="{source}">{_shown(f"{topic.source}:{term.line}", glossary)}</a>',
        )
        rows.append("<tr>\n" + "".join(f"<td>{cell_html}</td>\n" for cell_html in cells) + "</tr>")
    head = "<tr>\n<th>Term</th>\n<th>Stands for</th>\n<th>First expanded</th>\n</tr>"
    table = f"<table>\n<thead>\n{head}\n</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    out = [*front_matter(boost=0.5), heading(1, index_title(topic, "glossary")), "", part_marker("terms"), ""]
    return Page("\n".join(out), {"terms": table})


def _shown(value: str, glossary: Mapping[str, str]) -> str:
    """A table cell's text as HTML: whitespace collapsed, as `cell` gives it, with tooltips."""
    return tooltips_html(" ".join(value.split()), glossary)
