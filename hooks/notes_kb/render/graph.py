"""Knowledge graphs: which pages a reader can reach from a service, or from a whole topic.

    service_graph(topic, service) -> Graph   # the service, its categories and flow layers,
                                             # related services, the sections about or naming it
    topic_graph(topic) -> Graph              # every service with its categories and flow layers
    graph_html(graph, fragments, label) -> str

Pure functions over the frozen model. The HTML (template `kb/graph.html`) holds the graph twice:
a list of real links, one per node (`href="kb:…"`, resolved by the glue like every other HTML
part, for directory URLs or the offline bundle's `.html` pages alike), and the structure as inline
JSON (no request: the page works from file://). docs/assets/kb-graph.js draws the JSON with
Cytoscape.js and takes each node's label and address from its link, so the list is both what the
keyboard and screen readers use and what a reader without JavaScript sees.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, replace
from itertools import groupby
from typing import TYPE_CHECKING

from markupsafe import Markup

from . import paths

if TYPE_CHECKING:
    from ..extract.model import Service, Topic
    from .fragments import Fragments

COLOURS = 12
"""Category colours in docs/assets/kb.css (`--kb-graph-0` … `--kb-graph-11`); more categories
than that share colours, in order."""
NEUTRAL = -1
"""The colour index of nodes that belong to no category (flow layers, sections)."""
SCRIPTS = ["assets/vendor/cytoscape/cytoscape.min.js", "assets/kb-graph.js"]
"""What a page with a graph loads (front matter `kb_scripts`), in order."""


class NodeKind(enum.StrEnum):
    """What a node stands for; each kind has its own shape in the drawing and its own list."""

    SERVICE = "service"
    """A service page."""
    CATEGORY = "category"
    """A category page."""
    LAYER = "layer"
    """A flow layer page."""
    SECTION = "section"
    """A section page."""


GROUP_LABELS = {
    NodeKind.SERVICE: "Services",
    NodeKind.CATEGORY: "Categories",
    NodeKind.LAYER: "Flow layers",
    NodeKind.SECTION: "Sections",
}
"""How the link list names each kind's group."""


@dataclass(frozen=True)
class Node:
    """One page in a graph."""

    kind: NodeKind
    """What it stands for."""
    label: str
    """Drawn beside the node and the text of its link (`EC2`, `3 · Compute`)."""
    page: str
    """The page it opens (docs-relative source path, `aws/services/ec2.md`)."""
    colour: int
    """Index into the category colours, or `NEUTRAL`."""
    category: str | None = None
    """Slug of the category that gives the node its colour (the legend lists those)."""
    cluster: int = -1
    """Index of the category node a service is drawn around in a topic graph (-1: none)."""


@dataclass(frozen=True)
class Graph:
    """Nodes and undirected edges between them (pairs of node indexes, smaller first)."""

    nodes: tuple[Node, ...]
    """Grouped by kind (see `service_graph`, `topic_graph`), each group in the notes' order."""
    edges: tuple[tuple[int, int], ...]
    """Each once, sorted."""
    layout: str
    """`local` (one service in the middle) or `topic` (services around their categories)."""
    focus: int = -1
    """The node the graph is about (a service page's own service), -1 for none."""
    legend: tuple[tuple[str, int], ...] = ()
    """The categories whose colours the graph shows (name, colour), in the notes' order."""

    def data(self) -> dict[str, object]:
        """What kb-graph.js reads: kind, colour and cluster per node (by index), flat edge pairs."""
        return {
            "layout": self.layout,
            "focus": self.focus,
            "nodes": [[node.kind.value, node.colour, node.cluster] for node in self.nodes],
            "edges": [index for edge in self.edges for index in edge],
        }


class _Builder:
    """Collects nodes once each (by page) and edges once each."""

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.index: dict[str, int] = {}
        self.edges: set[tuple[int, int]] = set()

    def add(self, node: Node) -> str:
        """Add `node` unless its page is there already; returns its page (what edges name)."""
        if node.page not in self.index:
            self.index[node.page] = len(self.nodes)
            self.nodes.append(node)
        return node.page

    def link(self, a: str, b: str) -> None:
        i, j = self.index[a], self.index[b]
        if i != j:
            self.edges.add((min(i, j), max(i, j)))

    def graph(self, layout: str, focus: str | None, topic: Topic, kinds: tuple[NodeKind, ...]) -> Graph:
        # Kinds grouped in the order given, so that the link list reads as groups; indexes follow.
        order = sorted(range(len(self.nodes)), key=lambda i: kinds.index(self.nodes[i].kind))
        new = {old: position for position, old in enumerate(order)}
        nodes = tuple(self.nodes[old] for old in order)
        nodes = tuple(_recluster(node, new) for node in nodes)
        edges = tuple(sorted((min(new[i], new[j]), max(new[i], new[j])) for i, j in self.edges))
        shown = {node.category: node.colour for node in nodes if node.category is not None}
        legend = tuple((c.name, shown[c.slug]) for c in topic.categories if c.slug in shown)
        return Graph(nodes, edges, layout, new[self.index[focus]] if focus else -1, legend)


def _recluster(node: Node, new: dict[int, int]) -> Node:
    return node if node.cluster < 0 else replace(node, cluster=new[node.cluster])


def _colours(topic: Topic) -> dict[str, int]:
    return {category.slug: index % COLOURS for index, category in enumerate(topic.categories)}


def _service_node(topic: Topic, service: Service, colours: dict[str, int], cluster: int = -1) -> Node:
    # A service takes the colour of the first category the notes give it.
    category = service.categories[0] if service.categories else None
    colour = colours[category] if category else NEUTRAL
    page = paths.service_page(topic.slug, service.slug)
    return Node(NodeKind.SERVICE, service.name, page, colour, category, cluster)


def _category_node(topic: Topic, slug: str, colours: dict[str, int]) -> Node:
    page = paths.category_page(topic.slug, slug)
    return Node(NodeKind.CATEGORY, topic.category(slug).name, page, colours[slug], slug)


def _layer_node(topic: Topic, slug: str) -> Node:
    layer = topic.layer(slug)
    return Node(NodeKind.LAYER, f"{layer.order} · {layer.name}", paths.layer_page(topic.slug, slug), NEUTRAL)


def service_graph(topic: Topic, service: Service) -> Graph:
    """The service, its categories and layers, related services, and the sections about or naming it.

    Edges join the service to each of those; a related service is also joined to the categories
    and layers it shares with the service, which shows how it is related.
    """
    colours = _colours(topic)
    build = _Builder()
    centre = build.add(_service_node(topic, service, colours))
    shared = [build.add(_category_node(topic, slug, colours)) for slug in service.categories]
    shared += [build.add(_layer_node(topic, slug)) for slug in service.layers]
    for page in shared:
        build.link(centre, page)
    for slug in service.related:
        other = topic.service(slug)
        page = build.add(_service_node(topic, other, colours))
        build.link(centre, page)
        reach = {paths.category_page(topic.slug, c) for c in other.categories}
        reach |= {paths.layer_page(topic.slug, layer) for layer in other.layers}
        for target in shared:
            if target in reach:
                build.link(page, target)
    mentioned = {f.section for f in service.fragments} | {m.section for m in service.mentions}
    for section in topic.document.sections:
        if section.slug in mentioned:
            page = paths.section_page(topic.slug, section.slug)
            build.add(Node(NodeKind.SECTION, section.title, page, NEUTRAL))
            build.link(centre, page)
    return build.graph("local", centre, topic, tuple(NodeKind))


def topic_graph(topic: Topic) -> Graph:
    """Every service of the topic, joined to each of its categories and flow layers.

    Each service is drawn around the first category the notes give it (its `cluster`).
    """
    colours = _colours(topic)
    build = _Builder()
    # Categories go in first, in the notes' order: a category's node index is its position here.
    position = {slug: build.index[build.add(_category_node(topic, slug, colours))] for slug in colours}
    for layer in topic.layers:
        build.add(_layer_node(topic, layer.slug))
    for service in topic.services:
        cluster = position[service.categories[0]] if service.categories else -1
        page = build.add(_service_node(topic, service, colours, cluster))
        for slug in service.categories:
            build.link(page, paths.category_page(topic.slug, slug))
        for slug in service.layers:
            build.link(page, paths.layer_page(topic.slug, slug))
    # The few categories and layers first: a keyboard reaches them without passing every service.
    return build.graph("topic", None, topic, (NodeKind.CATEGORY, NodeKind.LAYER, NodeKind.SERVICE, NodeKind.SECTION))


def graph_html(graph: Graph, fragments: Fragments, label: str) -> str:
    """The graph's HTML part: drawing area, legend, one link per node and the inline data.

    `label` names the graph for assistive technology (`Graph of EC2 and the pages around it`).
    """
    # Nodes come grouped by kind (see `_Builder.graph`): one list per run of a kind.
    groups = [
        {
            "label": GROUP_LABELS[kind],
            "nodes": [
                {"index": i, "label": node.label, "href": paths.kb_link(node.page), "focus": i == graph.focus}
                for i, node in members
            ],
        }
        for kind, members in groupby(enumerate(graph.nodes), key=lambda pair: pair[1].kind)
    ]
    kinds = [kind for kind in NodeKind if any(node.kind is kind for node in graph.nodes)]
    # `</` cannot end the script element early: JSON allows `\/` for `/`.
    data = json.dumps(graph.data(), separators=(",", ":")).replace("</", "<\\/")
    return fragments.render(
        "graph",
        label=label,
        layout=graph.layout,
        groups=groups,
        legend=[{"name": name, "colour": colour} for name, colour in graph.legend],
        kinds=[{"kind": kind.value, "label": GROUP_LABELS[kind]} for kind in kinds],
        # JSON of numbers and fixed words, `</` escaped above: safe as it stands.
        data=Markup(data),
    )
