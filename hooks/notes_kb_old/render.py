"""Render stage: knowledge base → `{page path: Markdown}` and the nav.

Notes text goes through `markdown_text.escape_line` so it shows as written; `<expand>` sections
become pymdownx.details admonitions (collapsed, nested by indentation) with the repeated
`## Title` line dropped, since the admonition title already shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import paths
from .autolink import Linker
from .document import GroupMarker, LineRole, Node, Section, TextBlock
from .markdown_text import inline_text, quoted_title
from .model import KnowledgeBase, Topic
from .names import NameFinder
from .notes_md import body_lines
from .render_kb import (
    EXCLUDED,
    HtmlParts,
    abbreviations,
    flow_diagram,
    front_matter,
    glossary_lines,
    linker_for,
    referenced_lines,
    render_knowledge_pages,
    service_finder,
)

NavEntry = str | dict[str, "str | list[NavEntry]"]


@dataclass
class RenderedSite:
    """Generated pages and the nav that lists them."""

    pages: dict[str, str] = field(default_factory=dict)
    """Markdown source per page path (`aws/notes.md`)."""
    nav: list[NavEntry] = field(default_factory=list)
    """MkDocs `nav` entries: titles are plain text, the glue escapes them."""
    parts: HtmlParts = field(default_factory=dict)
    """HTML to splice into pages after conversion, by page path (see `links.py`)."""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """Every glossary term and its expansion, shown as tooltips on every page."""


def render_site(kb: KnowledgeBase, site_name: str) -> RenderedSite:
    """Every generated page of the site, and its nav."""
    site = RenderedSite()
    site.pages[paths.home_page()] = render_home(kb, site_name)
    site.nav.append({"Home": paths.home_page()})
    for topic in kb.topics:
        finder = service_finder(topic)
        site.pages[paths.topic_page(topic.slug)] = render_topic_overview(topic)
        site.pages[paths.notes_page(topic.slug)] = render_full_notes(topic, finder)
        for section in topic.document.sections():
            site.pages[paths.section_page(topic.slug, section.slug)] = render_section_page(topic, section, finder)
        pages, parts = render_knowledge_pages(topic, finder)
        site.pages.update(pages)
        site.parts.update(parts)
        site.nav.append({topic.title: topic_nav(topic, site.pages)})
    site.abbreviations = abbreviations(kb.topics)
    return site


def topic_nav(topic: Topic, pages: dict[str, str]) -> list[NavEntry]:
    """Overview, full notes, the knowledge indexes, then the sections under their group.

    Service, category and layer pages stay out of the nav, reached from these indexes: a nav
    that grows with the service count makes every page's build cost grow with it too.
    """
    entries: list[NavEntry] = [paths.topic_page(topic.slug), {"Full notes": paths.notes_page(topic.slug)}]
    for title, page in [
        ("Services", paths.services_index(topic.slug)),
        ("Categories", paths.categories_index(topic.slug)),
        ("Service flow", paths.flow_page(topic.slug)),
        ("Certifications", paths.certifications_page(topic.slug)),
        ("Glossary", paths.glossary_page(topic.slug)),
    ]:
        if page in pages:
            entries.append({title: page})
    groups: dict[str, list[NavEntry]] = {}
    for section in topic.document.top_sections():
        entry = _section_nav(topic, section)
        if section.group is None:
            entries.append(entry)
        else:
            groups.setdefault(section.group, []).append(entry)
    entries.extend({name: children} for name, children in groups.items())
    return entries


def _section_nav(topic: Topic, section: Section) -> NavEntry:
    page = paths.section_page(topic.slug, section.slug)
    children = section.subsections()
    if not children:
        return {section.title: page}
    return {section.title: [page, *(_section_nav(topic, child) for child in children)]}


def render_home(kb: KnowledgeBase, site_name: str) -> str:
    """The home page: every topic with its sections."""
    out = [f"# {inline_text(site_name)}", ""]
    if not kb.topics:
        out += ["No notes yet: add a Markdown file under `notes/` and rebuild.", ""]
    here = paths.home_page()
    for topic in kb.topics:
        out += [f"## [{inline_text(topic.title)}]({paths.relative_link(here, paths.topic_page(topic.slug))})", ""]
        out += [_counts(topic, here), ""]
        out += _service_map(topic, here)
    return "\n".join(out)


def _counts(topic: Topic, here: str) -> str:
    """`10 sections · 50 services · 11 categories · 8 flow layers`, each linked to its index."""

    def link(page: str) -> str:
        return paths.relative_link(here, page)

    parts = [f"[{len(topic.document.sections())} sections]({link(paths.notes_page(topic.slug))})"]
    if topic.services:
        parts.append(f"[{len(topic.services)} services]({link(paths.services_index(topic.slug))})")
    if topic.categories:
        parts.append(f"[{len(topic.categories)} categories]({link(paths.categories_index(topic.slug))})")
    if topic.layers:
        parts.append(f"[{len(topic.layers)} flow layers]({link(paths.flow_page(topic.slug))})")
    if topic.certifications:
        parts.append(f"[{len(topic.certifications)} certifications]({link(paths.certifications_page(topic.slug))})")
    if topic.glossary:
        parts.append(f"[{len(topic.glossary)} glossary terms]({link(paths.glossary_page(topic.slug))})")
    return " · ".join(parts)


def _service_map(topic: Topic, here: str) -> list[str]:
    """The flow as a diagram, then the categories with their counts."""
    out: list[str] = []
    if topic.layers:
        out += flow_diagram(topic, here)
    if topic.categories:
        out += [
            " · ".join(
                f"[{inline_text(c.name)}]({paths.relative_link(here, paths.category_page(topic.slug, c.slug))})"
                f" ({len(c.services)})"
                for c in topic.categories
            ),
            f"{{: .kb-categories {EXCLUDED} }}",
            "",
        ]
    return out


def render_topic_overview(topic: Topic) -> str:
    """A topic's overview: links to the full notes and to every section, by group."""
    here = paths.topic_page(topic.slug)
    out = [
        f"# {inline_text(topic.title)}",
        "",
        f"From `{topic.source}` · [Read the full notes]({paths.relative_link(here, paths.notes_page(topic.slug))})",
        "",
        _counts(topic, here),
        "",
        *_service_map(topic, here),
    ]
    if topic.services or topic.document.top_sections():
        out += ["## Sections", ""]
    current_group: str | None = None
    for section in topic.document.top_sections():
        if section.group != current_group and section.group is not None:
            out += ["", f"### {inline_text(section.group)}", ""]
            current_group = section.group
        out += _section_list_items(topic, section, here, depth=0)
    out.append("")
    return "\n".join(out)


def _section_list_items(topic: Topic, section: Section, here: str, depth: int) -> list[str]:
    link = paths.relative_link(here, paths.section_page(topic.slug, section.slug))
    items = [f"{'    ' * depth}- [{inline_text(section.title)}]({link})"]
    for child in section.subsections():
        items += _section_list_items(topic, child, here, depth + 1)
    return items


def render_full_notes(topic: Topic, finder: NameFinder) -> str:
    """The whole notes file in source order, each section a collapsible admonition."""
    anchors = referenced_lines(topic) | glossary_lines(topic)
    writer = _NodeWriter(linker_for(topic, finder), anchors, section_anchors=True)
    # The same text is on the section and service pages: those are the better search hits.
    out = [*front_matter(boost=0.5), f"# {inline_text(topic.title)}", ""]
    for node in topic.document.nodes:
        if isinstance(node, GroupMarker):
            out += ["", f"## {inline_text(node.title)}", ""]
        else:
            out += writer.node(node, depth=0)
    out.append("")
    return "\n".join(out)


def render_section_page(topic: Topic, section: Section, finder: NameFinder) -> str:
    """One section as a page: its body in full, nested sections as admonitions."""
    here = paths.section_page(topic.slug, section.slug)
    notes_link = paths.relative_link(here, paths.notes_page(topic.slug), section.slug)
    trail = " › ".join(inline_text(s.title) for s in _ancestors(section))
    context = f"{inline_text(topic.title)}" + (f" › {trail}" if trail else "")
    out = [
        # Below service pages, which quote the same lines about one service each.
        *front_matter(boost=0.7),
        f"# {inline_text(section.title)}",
        "",
        f"{context} · [in the full notes]({notes_link}) · `{topic.source}:{section.line}`",
        "{: .kb-source }",
        "",
    ]
    writer = _NodeWriter(linker_for(topic, finder), anchors=(), section_anchors=False)
    for node in section.body:
        out += writer.node(node, depth=0)
    out.append("")
    return "\n".join(out)


def _ancestors(section: Section) -> list[Section]:
    chain = []
    parent = section.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return list(reversed(chain))


@dataclass
class _NodeWriter:
    """Writes document nodes as Markdown: text blocks as the author's lines, sections as admonitions."""

    linker: Linker
    anchors: set[int] | tuple[()]
    section_anchors: bool

    def node(self, node: Node, depth: int) -> list[str]:
        indent = "    " * depth
        if isinstance(node, TextBlock):
            lines = [line for line in node.lines if line.role in _SHOWN]
            return [
                indent + text if text else "" for text in body_lines(lines, linker=self.linker, anchors=self.anchors)
            ]
        if isinstance(node, GroupMarker):
            return [indent + text for text in body_lines([node.line], anchors=self.anchors)]
        anchor = f'<span id="{node.slug}"></span>' if self.section_anchors else ""
        self.linker.new_section()
        out = ["", f'{indent}??? note "{anchor}{quoted_title(node.title)}"', ""]
        for child in node.body:
            out += self.node(child, depth + 1)
        out.append("")
        self.linker.new_section()
        return out


_SHOWN = (LineRole.TEXT, LineRole.CODE, LineRole.GROUP)
