"""Knowledge graphs (render/graph.py): nodes and edges from the AWS notes, the HTML they become."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT
from notes_kb.build import read_folder
from notes_kb.extract import extract
from notes_kb.render import paths
from notes_kb.render.fragments import Fragments
from notes_kb.render.graph import (
    COLOURS,
    NEUTRAL,
    SCRIPTS,
    Graph,
    Node,
    NodeKind,
    graph_html,
    service_graph,
    topic_graph,
)
from pipeline import TEMPLATES, build_notes

if TYPE_CHECKING:
    from pathlib import Path

    from notes_kb.extract.model import Topic


@pytest.fixture(scope="module")
def aws() -> Topic:
    documents, aliases, _problems = read_folder(PROJECT / "notes", PROJECT)
    kb, _diagnostics = extract(documents, aliases)
    [topic] = kb.topics
    return topic


@pytest.fixture(scope="module")
def fragments() -> Fragments:
    return Fragments(TEMPLATES)


def kinds(graph: Graph) -> Counter[str]:
    return Counter(node.kind.value for node in graph.nodes)


def test_aws_topic_graph_counts(aws: Topic) -> None:
    graph = topic_graph(aws)
    # 50 services, 11 categories, 8 flow layers; an edge per category and per layer of a service.
    assert kinds(graph) == {"service": 50, "category": 11, "layer": 8}
    assert len(graph.nodes) == 69
    assert len(graph.edges) == 88 == sum(len(s.categories) + len(s.layers) for s in aws.services)
    assert graph.layout == "topic"
    assert graph.focus == -1
    assert [name for name, _colour in graph.legend] == [c.name for c in aws.categories]


def test_topic_graph_joins_each_service_to_its_categories_and_layers(aws: Topic) -> None:
    graph = topic_graph(aws)
    index = {node.page: i for i, node in enumerate(graph.nodes)}
    for service in aws.services:
        here = index[paths.service_page(aws.slug, service.slug)]
        joined = {graph.nodes[b if a == here else a].page for a, b in graph.edges if here in (a, b)}
        expected = {paths.category_page(aws.slug, c) for c in service.categories}
        expected |= {paths.layer_page(aws.slug, layer) for layer in service.layers}
        assert joined == expected, service.name
        node = graph.nodes[here]
        # Drawn around its first category, in that category's colour.
        if service.categories:
            anchor = graph.nodes[node.cluster]
            assert anchor.page == paths.category_page(aws.slug, service.categories[0])
            assert node.colour == anchor.colour
        else:
            assert (node.cluster, node.colour) == (-1, NEUTRAL)


def test_topic_graph_lists_categories_and_layers_before_services(aws: Topic) -> None:
    order = [node.kind for node in topic_graph(aws).nodes]
    assert order == sorted(order, key=[NodeKind.CATEGORY, NodeKind.LAYER, NodeKind.SERVICE].index)


def test_ec2_graph(aws: Topic) -> None:
    ec2 = aws.service("ec2")
    graph = service_graph(aws, ec2)
    # EC2, its 8 related services, Compute, the Servers layer and the 6 sections about or naming it.
    assert kinds(graph) == {"service": 9, "category": 1, "layer": 1, "section": 6}
    assert len(graph.nodes) == 17
    assert graph.nodes[graph.focus].label == "EC2"
    assert graph.focus == 0
    # 16 edges from EC2, and 10 from related services to Compute or Servers, which they share.
    assert len(graph.edges) == 26
    assert sum(1 for a, b in graph.edges if 0 in (a, b)) == 16
    labels = [node.label for node in graph.nodes if node.kind is NodeKind.SECTION]
    assert labels == ["Version History (Main Versions)", "General Points", "Core AWS Services", "Auto Scaling",
                      "AWS Cloud Practitioner Essentials", "AWS Services Details"]  # fmt: skip
    # The legend names every category whose colour is drawn: EBS is storage, ELB networking.
    assert [name for name, _colour in graph.legend] == ["Compute", "Storage", "Networking"]


@pytest.mark.parametrize("slug", ["ec2", "lambda", "s3", "asg", "x-ray"])
def test_service_graph_holds_everything_the_page_links(aws: Topic, slug: str) -> None:
    service = aws.service(slug)
    graph = service_graph(aws, service)
    pages = {node.page for node in graph.nodes}
    assert {paths.service_page(aws.slug, s) for s in (slug, *service.related)} <= pages
    assert {paths.category_page(aws.slug, c) for c in service.categories} <= pages
    assert {paths.layer_page(aws.slug, layer) for layer in service.layers} <= pages
    sections = {f.section for f in service.fragments} | {m.section for m in service.mentions}
    assert {paths.section_page(aws.slug, s) for s in sections} <= pages
    assert len(pages) == len(graph.nodes)  # each page once
    assert all(0 <= a < b < len(graph.nodes) for a, b in graph.edges)
    assert len(set(graph.edges)) == len(graph.edges)
    assert all(node.colour == NEUTRAL or 0 <= node.colour < COLOURS for node in graph.nodes)


def test_graph_html_has_a_link_per_node_and_the_data(aws: Topic, fragments: Fragments) -> None:
    graph = service_graph(aws, aws.service("ec2"))
    html = graph_html(graph, fragments, "Graph of EC2")
    page = BeautifulSoup(html, "html.parser")
    links = page.select("a[data-kb-node]")
    assert [int(str(a["data-kb-node"])) for a in links] == list(range(len(graph.nodes)))
    assert [a["href"] for a in links] == [paths.kb_link(node.page) for node in graph.nodes]
    assert [a.get_text() for a in links] == [node.label for node in graph.nodes]
    assert page.select('a[aria-current="page"]') == [links[0]]
    script = page.select_one("script.kb-graph__data")
    assert script is not None
    data = json.loads(script.get_text())
    assert data == json.loads(json.dumps(graph.data()))
    assert len(data["nodes"]) == 17
    assert len(data["edges"]) == 2 * 26
    root = page.select_one(".kb-graph")
    assert root is not None
    assert root["aria-label"] == "Graph of EC2"
    assert root.has_attr("data-search-exclude")
    legend = [li.get_text() for li in page.select(".kb-graph__legend li")]
    assert legend == ["Services", "Categories", "Flow layers", "Sections", "Compute", "Storage", "Networking"]


def test_graph_html_escapes_labels_and_cannot_end_its_script(fragments: Fragments) -> None:
    nodes = (Node(NodeKind.SECTION, "<script>alert(1)</script>", "t/sections/x.md", NEUTRAL),)
    graph = Graph(nodes, (), "</script><b>")
    html = graph_html(graph, fragments, "a <b> graph")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'aria-label="a &lt;b&gt; graph"' in html
    data = re.search(r'<script type="application/json" class="kb-graph__data">(.*?)</script>', html, re.S)
    assert data is not None
    assert json.loads(data[1])["layout"] == "</script><b>"


def test_graph_html_is_deterministic(aws: Topic, fragments: Fragments) -> None:
    assert graph_html(topic_graph(aws), fragments, "x") == graph_html(topic_graph(aws), fragments, "x")


def test_pages_with_graphs_load_the_graph_scripts(tmp_path: Path) -> None:
    site = build_notes(PROJECT / "notes", PROJECT).site
    graph_page = site.pages[paths.graph_page("aws")]
    service_page = site.pages[paths.service_page("aws", "ec2")]
    for page in (graph_page, service_page):
        assert "kb_scripts:\n" + "".join(f'  - "{script}"\n' for script in SCRIPTS) in page.markdown
        assert "graph" in page.late
        assert "<!-- kb-part:graph -->" in page.markdown
    assert graph_page.parts["graph"].count("data-kb-node=") == 69
    assert service_page.parts["graph"].count("data-kb-node=") == 17
    # A topic without services has no graph page.
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "git.md").write_text(
        '# Git\n\n<expand title="Basics">\n## Basics\n\n- `git status`\n</expand>\n', encoding="utf-8"
    )
    plain = build_notes(tmp_path / "notes", tmp_path).site
    assert paths.graph_page("git") not in plain.pages
    assert paths.topic_page("git") in plain.pages
