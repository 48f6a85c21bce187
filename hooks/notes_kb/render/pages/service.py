"""A service's page: everything the notes say about it, wherever the author wrote it.

Its Markdown holds the headings (Python-Markdown gives them their ids and the page its table of
contents); everything else goes as HTML parts spliced in after conversion: the intro (chips,
other names, summary), the quoted fragments (as markdown-it renders them, `render.html`), and
the sources, mentions, related services and graph from templates (`overrides/kb/`), their `kb:`
links resolved for the page.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from markupsafe import Markup

from ...extract.model import FragmentKind
from .. import paths
from ..autolink import Linker
from ..blocks import BlockWriter, part_marker
from ..graph import SCRIPTS, graph_html, service_graph
from ..tooltips import tooltips_html
from .common import EXCLUDED, Page, front_matter, heading

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping

    from ...extract.model import Fragment, Service, Topic
    from ...source.document import Code
    from ..fragments import Fragments

SEARCHABLE = frozenset({"intro"})
"""Parts search should see (a service's categories, layers, other names and summary help rank
its page)."""


def render_service_page(
    topic: Topic,
    service: Service,
    highlight: Callable[[Code], str],
    fragments: Fragments,
    anchored: Collection[int],
    *,
    glossary: Mapping[str, str],
) -> Page:
    """Title, chips, aliases, summary, the fragments by section, mentions and related services.

    `glossary` (term → expansion, every topic's): the tooltips of the quoted fragments' text.
    """
    linker = Linker(topic.names, topic.slug, exclude=service.slug)
    # The quotes go as HTML, not through Python-Markdown: on a site of thousands of services,
    # converting the notes quoted on their pages was the largest part of the build (3.5 ms of a
    # service page's 7 ms, measured at 2,000 services). Their headings stay Markdown (`html_text`).
    writer = BlockWriter(
        highlight=highlight,
        link_text=linker.markdown,
        new_section=linker.new_section,
        min_heading=5,
        html_text=linker.text_html(glossary),
    )
    parts: dict[str, str] = {}
    out = [*front_matter(boost=3, tags=service.names(), scripts=SCRIPTS), heading(1, service.title), ""]
    if intro := _intro(topic, service, fragments, glossary):
        parts["intro"] = intro
        out += [part_marker("intro"), ""]
    if service.fragments:
        # Headings that only group the quotes hold no text of their own: left out of search, where
        # thousands of service pages would each answer "What the notes say" or a section's title
        # (the section's own page answers that). The quotes under them are indexed as usual.
        out += [heading(2, "What the notes say", EXCLUDED), ""]
        # Fragments from one section sit under one heading, in source order.
        for section_slug, fragments_of_section in groupby(service.fragments, key=lambda f: f.section):
            section = topic.document.section(section_slug)
            group = list(fragments_of_section)
            out += [heading(3, section.title, EXCLUDED if group[0].heading else ""), ""]
            previous: str | None = None
            for fragment in group:
                linker.new_section()
                if fragment.heading and fragment.heading != previous:
                    out += [heading(4, fragment.heading), ""]
                previous = fragment.heading
                name = f"source-{len(parts)}"
                parts[name] = _source(topic, fragment, fragments, anchored)
                out += [*writer.write(fragment.blocks, then=part_marker(name)), ""]
    if service.mentions:
        # Lines of other pages would make this page a search hit for what the notes say about
        # those: the reader finds them where they belong.
        out += [heading(2, "Mentioned in", EXCLUDED), "", part_marker("mentions"), ""]
        parts["mentions"] = _mentions(topic, service, linker, fragments, anchored)
    if not service.fragments and not service.mentions:
        out += ["The notes name this service only in lists.", ""]
    if service.related:
        out += [heading(2, "Related services", EXCLUDED), "", part_marker("related"), ""]
        parts["related"] = _related(topic, service, fragments)
    # The graph last: the page's text comes first, the map of where else to go after it.
    out += [heading(2, "Graph", EXCLUDED), "", part_marker("graph"), ""]
    label = f"Graph of {service.name}: its categories, flow layers, related services and sections"
    parts["graph"] = graph_html(service_graph(topic, service), fragments, label)
    late = frozenset(name for name in parts if name not in SEARCHABLE)
    return Page("\n".join(out) + "\n", {**writer.parts, **parts}, late)


def _intro(topic: Topic, service: Service, fragments: Fragments, glossary: Mapping[str, str]) -> str:
    """The chips, other names and summary under the title, as HTML: what Python-Markdown made of
    `**Also called:** …` and the summary line with their attribute lists, glossary tooltips
    included (tests/test_render_blocks.py compares them on every service of the AWS notes),
    without two paragraphs of Markdown to convert on every service page."""
    html = [_chips(topic, service, fragments)] if service.categories or service.layers else []
    if service.aliases:
        names = ", ".join(tooltips_html(" ".join(alias.split()), glossary) for alias in service.aliases)
        also = tooltips_html("Also called:", glossary)
        html.append(f'<p class="kb-aliases"><strong>{also}</strong> {names}</p>')
    if service.summary:
        html.append(f'<p class="kb-summary">{tooltips_html(" ".join(service.summary.split()), glossary)}</p>')
    return "\n".join(html)


def _chips(topic: Topic, service: Service, fragments: Fragments) -> str:
    categories = [
        {"name": topic.category(slug).name, "href": paths.kb_link(paths.category_page(topic.slug, slug))}
        for slug in service.categories
    ]
    layers = [
        {
            "name": topic.layer(slug).name,
            "order": topic.layer(slug).order,
            "href": paths.kb_link(paths.layer_page(topic.slug, slug)),
        }
        for slug in service.layers
    ]
    return fragments.render("chips", categories=categories, layers=layers)


def line_target(topic: Topic, line: int, section: str, anchored: Collection[int]) -> str:
    """A `kb:` link to a line of the full notes, or to its section where the line has no id."""
    return paths.kb_link(paths.notes_page(topic.slug), f"L{line}" if line in anchored else section)


def _source(topic: Topic, fragment: Fragment, fragments: Fragments, anchored: Collection[int]) -> str:
    section = topic.document.section(fragment.section)
    target = (
        paths.kb_link(paths.notes_page(topic.slug), section.slug)
        if fragment.kind is FragmentKind.SECTION
        else line_target(topic, fragment.line, section.slug, anchored)
    )
    return fragments.render(
        "source",
        section_href=paths.kb_link(paths.section_page(topic.slug, section.slug)),
        section_title=section.title,
        line_href=target,
        source=topic.source,
        line=fragment.line,
    )


def _mentions(topic: Topic, service: Service, linker: Linker, fragments: Fragments, anchored: Collection[int]) -> str:
    items = []
    for mention in service.mentions:
        linker.new_section()
        section = topic.document.section(mention.section)
        items.append(
            {
                "where": section.title + (f" › {mention.heading}" if mention.heading else ""),
                "quote": Markup(linker.html(mention.snippet)),
                "href": line_target(topic, mention.line, section.slug, anchored),
                "source": f"{topic.source}:{mention.line}",
            }
        )
    return fragments.render("mentions", mentions=items)


def _related(topic: Topic, service: Service, fragments: Fragments) -> str:
    services = [
        {
            "title": topic.service(slug).title,
            "href": paths.kb_link(paths.service_page(topic.slug, slug)),
            "summary": topic.service(slug).summary,
        }
        for slug in service.related
    ]
    return fragments.render("related", services=services)
