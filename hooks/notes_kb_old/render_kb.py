"""Render stage, knowledge pages: services, categories, the flow, certifications and the glossary.

Every page links with relative `.md` targets, which MkDocs resolves for directory URLs and for
the offline bundle's `.html` URLs alike.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from . import paths
from .autolink import Linker
from .links import kb_link, part_marker
from .markdown_text import inline_text
from .model import Category, FlowLayer, Fragment, FragmentKind, Service, Topic
from .names import NameFinder, split_expansion
from .notes_md import body_lines, dedent, line_anchor


def service_finder(topic: Topic) -> NameFinder:
    """Finds every name of every service of the topic (built once per topic and build)."""
    finder = NameFinder()
    for service in topic.services:
        for name in service.names():
            finder.add(name, service.slug)
    return finder


def linker_for(topic: Topic, finder: NameFinder, exclude: str | None = None) -> Linker:
    """A linker for one page; its `kb:` links are resolved for that page by the glue."""
    return Linker(finder, lambda slug: paths.service_page(topic.slug, slug), exclude)


def referenced_lines(topic: Topic) -> set[int]:
    """Lines a service page links to: where fragments start and every mention."""
    lines = {f.line for s in topic.services for f in s.fragments if f.kind is not FragmentKind.SECTION}
    lines |= {m.line.number for s in topic.services for m in s.mentions}
    return lines


HtmlParts = dict[str, dict[str, str]]
"""Page path → {part name: HTML} to splice in after Markdown conversion (see `links.py`)."""

SEARCHABLE_PARTS = frozenset({"chips"})
"""Parts search should see (a service's categories and layer help rank it); the rest go in later."""


def render_knowledge_pages(topic: Topic, finder: NameFinder) -> tuple[dict[str, str], HtmlParts]:
    """Service, category, flow, certification and glossary pages of one topic (none without services)."""
    pages: dict[str, str] = {}
    parts: HtmlParts = {}
    if topic.services:
        pages[paths.services_index(topic.slug)] = render_services_index(topic)
        for service in topic.services:
            page = paths.service_page(topic.slug, service.slug)
            pages[page], parts[page] = render_service_page(topic, service, finder)
    if topic.categories:
        pages[paths.categories_index(topic.slug)] = render_categories_index(topic)
        for category in topic.categories:
            pages[paths.category_page(topic.slug, category.slug)] = render_category_page(topic, category)
    if topic.layers:
        pages[paths.flow_page(topic.slug)] = render_flow_page(topic)
        for layer in topic.layers:
            pages[paths.layer_page(topic.slug, layer.slug)] = render_layer_page(topic, layer)
    if topic.certifications:
        pages[paths.certifications_page(topic.slug)] = render_certifications(topic)
    if topic.glossary:
        pages[paths.glossary_page(topic.slug)] = render_glossary(topic)
    return pages, parts


class _Links:
    """Relative link targets from one page."""

    def __init__(self, here: str) -> None:
        self.here = here

    def __call__(self, to: str, anchor: str = "") -> str:
        return paths.relative_link(self.here, to, anchor)


_link = _Links


def chips_html(topic: Topic, service: Service) -> str:
    """Links to a service's categories and flow layers, styled as chips ('' when it has none)."""
    by_name = {c.name: c for c in topic.categories}
    layers = {layer.name: layer for layer in topic.layers}
    out = [
        f'<a class="kb-chip" href="{kb_link(paths.category_page(topic.slug, by_name[name].slug))}">'
        f"{html.escape(name)}</a>"
        for name in service.categories
    ]
    out += [
        f'<a class="kb-chip kb-chip--layer" href="{kb_link(paths.layer_page(topic.slug, layers[name].slug))}">'
        f"{layers[name].order} · {html.escape(name)}</a>"
        for name in service.layers
    ]
    return f'<p class="kb-chips">{" ".join(out)}</p>' if out else ""


def render_service_page(topic: Topic, service: Service, finder: NameFinder) -> tuple[str, dict[str, str]]:
    """Everything the notes say about one service, wherever the author wrote it.

    Returns the page's Markdown and its HTML parts: the mentions and related services, written
    as HTML because as Markdown their links cost a third of a large site's build.
    """
    parts: dict[str, str] = {}
    out = [*front_matter(boost=3), f"# {inline_text(service.title)}", ""]
    if chip_line := chips_html(topic, service):
        parts["chips"] = chip_line
        out += [part_marker("chips"), ""]
    if service.aliases:
        out += ["**Also called:** " + ", ".join(inline_text(a) for a in service.aliases), "{: .kb-aliases }", ""]
    if service.summary:
        out += [inline_text(service.summary), "{: .kb-summary }", ""]
    linker = linker_for(topic, finder, exclude=service.slug)
    if service.fragments:
        out += ["## What the notes say", ""]
        for number, fragment in enumerate(service.fragments, start=1):
            out += _fragment(topic, fragment, linker)
            # Where it comes from: links in HTML, like the lists below (see the docstring).
            out += [part_marker(f"source-{number}"), ""]
            parts[f"source-{number}"] = _source_html(topic, fragment)
    if service.mentions:
        # Lines of other pages, and other services' summaries, would make this page a search hit
        # for what the notes say about those: the reader finds them where they belong.
        out += [f"## Mentioned in {{ {EXCLUDED} }}", "", part_marker("mentions"), ""]
        parts["mentions"] = _mentions_html(topic, service, linker)
    if not service.fragments and not service.mentions:
        out += ["The notes name this service only in lists.", ""]
    if service.related:
        out += [f"## Related services {{ {EXCLUDED} }}", "", part_marker("related"), ""]
        parts["related"] = _related_html(topic, service)
    return "\n".join(out), parts


def front_matter(*, boost: float | None = None, exclude: bool = False, tags: list[str] | None = None) -> list[str]:
    """YAML front matter for Material's search: a page boost, leaving the page out, search tags.

    Tags go to Material's `tags` search field (the strongest one), so a service's names and
    aliases find its page first; no tags plugin is enabled, so they are not shown on the page.
    """
    lines = ["---"]
    if boost is not None or exclude:
        lines.append("search:")
        lines += [f"  boost: {boost}"] if boost is not None else []
        lines += ["  exclude: true"] if exclude else []
    if tags:
        lines.append("tags:")
        lines += [f"  - {json.dumps(tag, ensure_ascii=False)}" for tag in tags]
    return [*lines, "---", ""]


def _title(topic: Topic, what: str) -> str:
    """An index page's title: `AWS certifications` (the short name keeps other words out of search)."""
    return inline_text(f"{split_expansion(topic.title)[0]} {what}")


# Material leaves elements carrying this attribute out of the search index.
EXCLUDED = "data-search-exclude"


def _source(topic: Topic, line: int) -> str:
    # Plain link text: code inside a link fails WCAG contrast in the dark palette.
    return inline_text(f"{topic.source}:{line}")


def _where(fragment_section_title: str, heading: str | None) -> str:
    return inline_text(fragment_section_title) + (f" › {inline_text(heading)}" if heading else "")


def _fragment(topic: Topic, fragment: Fragment, linker: Linker) -> list[str]:
    section = fragment.section
    lines = fragment.lines
    heading = fragment.heading
    if fragment.kind is FragmentKind.SUBSECTION:
        lines = lines[1:]  # the sub-heading is this fragment's own heading below
    linker.new_section()
    out = [f"### {_where(section.title, heading)}", ""]
    out += body_lines(dedent(lines), linker=linker, min_heading=4)
    return [*out, ""]


def _source_html(topic: Topic, fragment: Fragment) -> str:
    section = fragment.section
    anchor = line_anchor(fragment.lines[0]) if fragment.kind is not FragmentKind.SECTION else None
    to_section = kb_link(paths.section_page(topic.slug, section.slug))
    to_line = kb_link(paths.notes_page(topic.slug), anchor or section.slug)
    return (
        f'<p class="kb-source" {EXCLUDED}><a href="{to_section}">{html.escape(section.title)}</a> · '
        f'<a href="{to_line}">{html.escape(f"{topic.source}:{fragment.line}")}</a></p>'
    )


def _mentions_html(topic: Topic, service: Service, linker: Linker) -> str:
    items = []
    for mention in service.mentions:
        linker.new_section()
        where = html.escape(mention.section.title + (f" › {mention.heading}" if mention.heading else ""))
        quote = linker.html_line(mention_snippet(mention.line.text, mention.start, mention.end))
        target = kb_link(paths.notes_page(topic.slug), line_anchor(mention.line) or mention.section.slug)
        source = html.escape(f"{topic.source}:{mention.line.number}")
        items.append(f'<li><strong>{where}</strong>: {quote} <a href="{target}" title="{source}">↗</a></li>')
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def _related_html(topic: Topic, service: Service) -> str:
    items = []
    for slug in service.related:
        other = topic.service(slug)
        summary = f": {html.escape(other.summary)}" if other.summary else ""
        target = kb_link(paths.service_page(topic.slug, slug))
        items.append(f'<li><a href="{target}">{html.escape(other.title)}</a>{summary}</li>')
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


_SNIPPET_RADIUS = 70
_MARKUP = re.compile(r"\*\*|`+|^\s*(?:[-*+]|\d+[.)])\s+")


def mention_snippet(text: str, start: int, end: int) -> str:
    """The part of a line around a name (at `start:end`), as plain text: `…CodePipeline, Lambda, Step…`.

    A mention in a list of hundreds of services would otherwise quote the whole list on each
    of their pages, and the site's size would grow with the square of the service count.
    """
    left = max(0, start - _SNIPPET_RADIUS)
    right = min(len(text), end + _SNIPPET_RADIUS)
    # Cut at spaces so no word (or name) is split.
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
        if not _MARKUP.sub("", text[:left]).replace("*", "").strip():
            left = 0  # only the list marker or emphasis would be cut
    if right < len(text):
        cut = text.rfind(" ", end, right)
        right = cut if cut > 0 else right
    plain = " ".join(_MARKUP.sub("", text[left:right]).split())
    return ("…" if left > 0 else "") + plain + ("…" if right < len(text) else "")


def render_services_index(topic: Topic) -> str:
    """All services A–Z with their summaries."""
    here = paths.services_index(topic.slug)
    out = [
        *front_matter(exclude=True),
        f"# {_title(topic, 'services')}",
        "",
        f"{len(topic.services)} services, A–Z.",
        "",
    ]
    out += _service_list(topic, [s.slug for s in topic.services], here)
    return "\n".join(out)


def render_categories_index(topic: Topic) -> str:
    """Every category with its service count."""
    here = paths.categories_index(topic.slug)
    link = _link(here)
    out = [f"# {_title(topic, 'categories')}", "", f"<div markdown {EXCLUDED}>", ""]
    out += ["| Category | Services | Count |", "| --- | --- | ---: |"]
    for category in topic.categories:
        names = _linked_names(topic, category.services, link, _cell)
        page = link(paths.category_page(topic.slug, category.slug))
        out.append(f"| [{_cell(category.name)}]({page}) | {names} | {len(category.services)} |")
    out += ["", "</div>", ""]
    return "\n".join(out)


def _linked_names(topic: Topic, slugs: list[str], link: _Links, escape: Callable[[str], str]) -> str:
    """`EC2, Lambda, …`, each name linked to its service page."""
    return ", ".join(f"[{escape(topic.service(s).name)}]({link(paths.service_page(topic.slug, s))})" for s in slugs)


def _cell(text: str) -> str:
    return inline_text(text).replace("|", "\\|")


def render_category_page(topic: Topic, category: Category) -> str:
    """One category: its services with summaries."""
    here = paths.category_page(topic.slug, category.slug)
    link = _link(here)
    out = [
        f"# {inline_text(category.name)}",
        "",
        f"Category of [{inline_text(topic.title)}]({link(paths.topic_page(topic.slug))}) · "
        f"{len(category.services)} services · [all categories]({link(paths.categories_index(topic.slug))})",
        "{: .kb-source }",
        "",
    ]
    out += _service_list(topic, category.services, here)
    return "\n".join(out)


def _service_list(topic: Topic, slugs: list[str], here: str) -> list[str]:
    """Services with their summaries, left out of search (each summary belongs to its service)."""
    link = _link(here)
    out = [f"<div markdown {EXCLUDED}>", ""]
    for slug in slugs:
        service = topic.service(slug)
        summary = f" — {inline_text(service.summary)}" if service.summary else ""
        out.append(f"- [{inline_text(service.title)}]({link(paths.service_page(topic.slug, slug))}){summary}")
    out += ["", "</div>", ""]
    return out


def flow_diagram(topic: Topic, here: str) -> list[str]:
    """The layers in order as a diagram: boxes joined by arrows, drawn by CSS (no script, no CDN)."""
    link = _link(here)
    out = [f'<div class="kb-flow" markdown {EXCLUDED}>', ""]
    for layer in topic.layers:
        names = _linked_names(topic, layer.services, link, inline_text)
        page = link(paths.layer_page(topic.slug, layer.slug))
        out.append(f"{layer.order}. **[{inline_text(layer.name)}]({page})**<br>{names}")
    out += ["", "</div>", ""]
    return out


def render_flow_page(topic: Topic) -> str:
    """The service flow: layers in order, each with its services."""
    here = paths.flow_page(topic.slug)
    link = _link(here)
    out = [*front_matter(boost=0.5), f"# {_title(topic, 'service flow')}", ""]
    out += flow_diagram(topic, here)
    for layer in topic.layers:
        page = link(paths.layer_page(topic.slug, layer.slug))
        out += [f"## {layer.order}. [{inline_text(layer.name)}]({page})", ""]
        if layer.description:
            out += [f"*{inline_text(layer.description)}*", ""]
        out += _service_list(topic, layer.services, here)
    return "\n".join(out)


def render_layer_page(topic: Topic, layer: FlowLayer) -> str:
    """One flow layer, with links to its neighbours."""
    here = paths.layer_page(topic.slug, layer.slug)
    link = _link(here)
    declared = (
        f" · the notes count {layer.declared_count}"
        if layer.declared_count is not None and layer.declared_count != len(layer.services)
        else ""
    )
    out = [
        f"# {inline_text(layer.name)}",
        "",
        f"Layer {layer.order} of {len(topic.layers)} in the [service flow]({link(paths.flow_page(topic.slug))}) · "
        f"{len(layer.services)} services{declared} · as written: {inline_text(layer.label)}",
        "{: .kb-source }",
        "",
    ]
    if layer.description:
        out += [f"*{inline_text(layer.description)}*", ""]
    out += _service_list(topic, layer.services, here)
    neighbours = []
    if layer.order > 1:
        before = topic.layers[layer.order - 2]
        neighbours.append(f"← [{inline_text(before.name)}]({link(paths.layer_page(topic.slug, before.slug))})")
    if layer.order < len(topic.layers):
        after = topic.layers[layer.order]
        neighbours.append(f"[{inline_text(after.name)}]({link(paths.layer_page(topic.slug, after.slug))}) →")
    if neighbours:
        out += [" · ".join(neighbours), ""]
    return "\n".join(out)


def render_certifications(topic: Topic) -> str:
    """The ratings exactly as the notes give them, in a table the reader can sort."""
    here = paths.certifications_page(topic.slug)
    link = _link(here)
    sections = {s.slug: s for s in topic.document.sections()}
    out = [
        f"# {_title(topic, 'certifications')}",
        "",
        "Ratings as the notes give them. Select a column heading to sort.",
        "",
        '<div class="kb-sortable" markdown>',
        "",
        "| Certification | Level | Rating | Study sections | Source |",
        "| --- | --- | ---: | --- | --- |",
    ]
    anchored = anchorable_lines(topic)
    for cert in topic.certifications:
        study = ", ".join(
            f"[{_cell(sections[s].title)}]({link(paths.section_page(topic.slug, s))})" for s in cert.sections
        )
        anchor = f"L{cert.line}" if cert.line in anchored else ""
        source = f"[{_source(topic, cert.line)}]({link(paths.notes_page(topic.slug), anchor)})"
        out.append(f"| {_cell(cert.name)} | {_cell(cert.level)} | {_cell(cert.rating)} | {study or '—'} | {source} |")
    out += ["", "</div>", ""]
    return "\n".join(out)


def render_glossary(topic: Topic) -> str:
    """Acronyms the notes expand, with where they first do."""
    here = paths.glossary_page(topic.slug)
    link = _link(here)
    out = [
        *front_matter(boost=0.5),
        f"# {_title(topic, 'glossary')}",
        "",
        "| Term | Stands for | First expanded |",
        "| --- | --- | --- |",
    ]
    anchored = anchorable_lines(topic)
    for term in topic.glossary:
        anchor = f"L{term.line}" if term.line in anchored else ""
        where = f"[{_source(topic, term.line)}]({link(paths.notes_page(topic.slug), anchor)})"
        out.append(f"| **{_cell(term.term)}** | {_cell(term.expansion)} | {where} |")
    out.append("")
    return "\n".join(out)


def anchorable_lines(topic: Topic) -> set[int]:
    """Lines of the notes that can carry an anchor on the full-notes page (the title line cannot)."""
    return {line.number for line in topic.document.source_lines() if line_anchor(line)}


def glossary_lines(topic: Topic) -> set[int]:
    """Lines the glossary and certifications pages link to."""
    return {t.line for t in topic.glossary} | {c.line for c in topic.certifications}


def abbreviations(topics: list[Topic]) -> dict[str, str]:
    """Every glossary term with its expansion (the first topic to expand a term wins)."""
    seen: dict[str, str] = {}
    for topic in topics:
        for term in topic.glossary:
            seen.setdefault(term.term, term.expansion)
    return dict(sorted(seen.items()))
