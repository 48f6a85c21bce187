"""Render stage: knowledge base → `{page path: Markdown}` and the nav.

Notes text goes through `markdown_text.escape_line` so it shows as written; `<expand>` sections
become pymdownx.details admonitions (collapsed, nested by indentation) with the repeated
`## Title` line dropped, since the admonition title already shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import paths
from .document import GroupMarker, LineRole, Node, Section, TextBlock
from .markdown_text import escape_line, inline_text, quoted_title

if TYPE_CHECKING:
    from .model import KnowledgeBase, Topic

NavEntry = str | dict[str, "str | list[NavEntry]"]


@dataclass
class RenderedSite:
    """Generated pages and the nav that lists them."""

    pages: dict[str, str] = field(default_factory=dict)
    """Markdown source per page path (`aws/notes.md`)."""
    nav: list[NavEntry] = field(default_factory=list)
    """MkDocs `nav` entries: titles are plain text, the glue escapes them."""


def render_site(kb: KnowledgeBase, site_name: str) -> RenderedSite:
    """Every generated page of the site, and its nav."""
    site = RenderedSite()
    site.pages[paths.home_page()] = render_home(kb, site_name)
    site.nav.append({"Home": paths.home_page()})
    for topic in kb.topics:
        site.pages[paths.topic_page(topic.slug)] = render_topic_overview(topic)
        site.pages[paths.notes_page(topic.slug)] = render_full_notes(topic)
        for section in topic.document.sections():
            site.pages[paths.section_page(topic.slug, section.slug)] = render_section_page(topic, section)
        site.nav.append({topic.title: topic_nav(topic)})
    return site


def topic_nav(topic: Topic) -> list[NavEntry]:
    """Overview, full notes, then the sections under their group (`Primary Concepts` …)."""
    entries: list[NavEntry] = [paths.topic_page(topic.slug), {"Full notes": paths.notes_page(topic.slug)}]
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
    for topic in kb.topics:
        here = paths.home_page()
        sections = topic.document.sections()
        out += [
            f"## [{inline_text(topic.title)}]({paths.relative_link(here, paths.topic_page(topic.slug))})",
            "",
            f"{len(sections)} sections · [full notes]({paths.relative_link(here, paths.notes_page(topic.slug))})",
            "",
        ]
    return "\n".join(out)


def render_topic_overview(topic: Topic) -> str:
    """A topic's overview: links to the full notes and to every section, by group."""
    here = paths.topic_page(topic.slug)
    out = [
        f"# {inline_text(topic.title)}",
        "",
        f"From `{topic.source}` · [Read the full notes]({paths.relative_link(here, paths.notes_page(topic.slug))})",
        "",
    ]
    current_group: str | None = None
    for section in topic.document.top_sections():
        if section.group != current_group and section.group is not None:
            out += ["", f"## {inline_text(section.group)}", ""]
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


def render_full_notes(topic: Topic) -> str:
    """The whole notes file in source order, each section a collapsible admonition."""
    out = [f"# {inline_text(topic.title)}", ""]
    for node in topic.document.nodes:
        if isinstance(node, GroupMarker):
            out += ["", f"## {inline_text(node.title)}", ""]
        else:
            out += _render_node(node, depth=0, anchors=True)
    out.append("")
    return "\n".join(out)


def render_section_page(topic: Topic, section: Section) -> str:
    """One section as a page: its body in full, nested sections as admonitions."""
    notes_link = paths.relative_link(
        paths.section_page(topic.slug, section.slug), paths.notes_page(topic.slug), section.slug
    )
    trail = " › ".join(inline_text(s.title) for s in _ancestors(section))
    context = f"{inline_text(topic.title)}" + (f" › {trail}" if trail else "")
    out = [
        f"# {inline_text(section.title)}",
        "",
        f"{context} · [in the full notes]({notes_link}) · `{topic.source}:{section.line}`",
        "{: .kb-source }",
        "",
    ]
    for node in section.body:
        out += _render_node(node, depth=0, anchors=False)
    out.append("")
    return "\n".join(out)


def _ancestors(section: Section) -> list[Section]:
    chain = []
    parent = section.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return list(reversed(chain))


def _render_node(node: Node, depth: int, anchors: bool) -> list[str]:
    indent = "    " * depth
    if isinstance(node, TextBlock):
        return [_render_line(line.text, line.role, indent) for line in node.lines if _shown(line.role)]
    if isinstance(node, GroupMarker):
        return [_render_line(node.line.text, LineRole.TEXT, indent)]
    anchor = f'<span id="{node.slug}"></span>' if anchors else ""
    out = ["", f'{indent}??? note "{anchor}{quoted_title(node.title)}"', ""]
    for child in node.body:
        out += _render_node(child, depth + 1, anchors)
    out.append("")
    return out


def _shown(role: LineRole) -> bool:
    return role in (LineRole.TEXT, LineRole.CODE, LineRole.GROUP)


def _render_line(text: str, role: LineRole, indent: str) -> str:
    if not text.strip():
        return ""
    return indent + (text if role is LineRole.CODE else escape_line(text))
