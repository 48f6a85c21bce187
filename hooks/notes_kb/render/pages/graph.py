"""A topic's graph page: every service with its categories and flow layers, drawn and as links.

The graph is one late HTML part (search does not see it: every name in it has a page of its own
that is the better hit), built by `render.graph` and drawn by docs/assets/kb-graph.js.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..blocks import part_marker
from ..graph import SCRIPTS, NodeKind, graph_html, topic_graph
from .common import Page, front_matter, heading
from .indexes import index_title

if TYPE_CHECKING:
    from ...extract.model import Topic
    from ..fragments import Fragments


def render_graph_page(topic: Topic, fragments: Fragments) -> Page:
    """Title, a line saying what the graph shows and how to use it, then the graph."""
    graph = topic_graph(topic)
    title = index_title(topic, "graph")
    services = sum(1 for node in graph.nodes if node.kind is NodeKind.SERVICE)
    # No table of contents: the drawing gets its width.
    out = [*front_matter(exclude=True, scripts=SCRIPTS, hide=["toc"]), heading(1, title), ""]
    out += [
        f"{services:,} services around their categories, joined to their flow layers. Drag to move, "
        "scroll or pinch to zoom, select a node (or Tab to it and press Enter) to open its page.",
        "",
        part_marker("graph"),
        "",
    ]
    label = f"Graph of the {services:,} services, their categories and flow layers"
    return Page("\n".join(out), {"graph": graph_html(graph, fragments, label)}, frozenset({"graph"}))
