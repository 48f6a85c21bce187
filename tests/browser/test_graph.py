"""Knowledge graphs in Chromium: drawn from inline data hosted and offline, every node opens its
page by pointer and by keyboard, colours follow the palette, no serious axe violation, and
nothing is requested from another host."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from browser.helpers import axe_violations, page_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Browser, Page

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser

SERVICE = "aws/services/ec2/"
TOPIC_GRAPH = "aws/graph/"
# From the AWS notes (tests/test_graph.py counts them from the model).
COUNTS = {SERVICE: (17, 26), TOPIC_GRAPH: (69, 88)}
SITES = ["hosted", "offline"]

_READY = "document.querySelector('.kb-graph')?.kbGraph"
_COUNTS = """() => {
  const figure = document.querySelector(".kb-graph");
  const cy = figure.kbGraph;
  return { nodes: cy.nodes().length, edges: cy.edges().length,
           links: figure.querySelectorAll("a[data-kb-node]").length,
           ready: figure.classList.contains("kb-graph--ready") };
}"""
# Where the node labelled `label` is on the screen. The drawing is scrolled into the middle first,
# and two frames pass: Cytoscape learns where its container went from the scroll event, as it does
# when a reader scrolls before pointing.
_NODE_AT = """async (label) => {
  const figure = document.querySelector(".kb-graph");
  const cy = figure.kbGraph;
  const link = [...figure.querySelectorAll("a[data-kb-node]")].find((a) => a.textContent === label);
  const canvas = figure.querySelector(".kb-graph__canvas");
  canvas.scrollIntoView({ block: "center", behavior: "instant" });
  for (let i = 0; i < 2; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  const box = canvas.getBoundingClientRect();
  const at = cy.getElementById(link.dataset.kbNode).renderedPosition();
  return { x: box.left + at.x, y: box.top + at.y, href: link.getAttribute("href") };
}"""
_FOCUSED = """() => {
  const figure = document.querySelector(".kb-graph");
  const link = document.activeElement;
  if (!link || !link.matches("a[data-kb-node]")) return null;
  const cy = figure.kbGraph;
  const node = cy.getElementById(link.dataset.kbNode);
  const box = cy.extent(), at = node.position();
  return { label: link.textContent, marked: node.hasClass("kb-focus"),
           caption: figure.querySelector(".kb-graph__focus").textContent,
           inView: at.x >= box.x1 && at.x <= box.x2 && at.y >= box.y1 && at.y <= box.y2 };
}"""


def open_graph(open_page: Callable[..., Visit], url: str, color_scheme: str = "light") -> Visit:
    visit = open_page(url, color_scheme=color_scheme)
    visit.page.wait_for_function(_READY)
    return visit


def assert_quiet(visit: Visit) -> None:
    """Nothing requested from another host, nothing failed, no script error.

    A request the page still had running when a node opened another page (the search index, say)
    is cut short by the browser (`net::ERR_ABORTED`): that is leaving the page, not a failure.
    """
    assert visit.log.external() == []
    assert [failure for failure in visit.log.failures if not failure.endswith("net::ERR_ABORTED")] == []
    assert visit.log.errors == []


@pytest.mark.parametrize("site_name", SITES)
@pytest.mark.parametrize("path", [SERVICE, TOPIC_GRAPH])
def test_graph_draws_every_node_and_edge(
    site_name: str, path: str, request: pytest.FixtureRequest, open_page: Callable[..., Visit]
) -> None:
    site: Site = request.getfixturevalue(f"{site_name}_site")
    visit = open_graph(open_page, site.url(path))
    nodes, edges = COUNTS[path]
    assert visit.page.evaluate(_COUNTS) == {"nodes": nodes, "edges": edges, "links": nodes, "ready": True}
    # The links behind the nodes were resolved for this build (no `kb:` left, `.html` offline).
    hrefs: list[str] = visit.page.locator(".kb-graph a[data-kb-node]").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert not [href for href in hrefs if href.startswith("kb:")]
    assert all(href.endswith(".html") for href in hrefs) is (site_name == "offline")
    assert_quiet(visit)


@pytest.mark.parametrize("site_name", SITES)
@pytest.mark.parametrize(
    ("path", "label", "target"),
    [
        (SERVICE, "Compute", "aws/categories/compute/"),
        (SERVICE, "Lambda", "aws/services/lambda/"),
        (SERVICE, "General Points", "aws/sections/general-points/"),
        (TOPIC_GRAPH, "Lambda", "aws/services/lambda/"),
        (TOPIC_GRAPH, "2 · Servers", "aws/flow/servers/"),
    ],
)
def test_clicking_a_node_opens_its_page(
    site_name: str,
    path: str,
    label: str,
    target: str,
    *,
    request: pytest.FixtureRequest,
    open_page: Callable[..., Visit],
) -> None:
    site: Site = request.getfixturevalue(f"{site_name}_site")
    visit = open_graph(open_page, site.url(path))
    page = visit.page
    at: dict[str, Any] = page.evaluate(_NODE_AT, label)
    # The target's own load: scrolling may first update this page's URL (`navigation.tracking`),
    # a navigation of its own.
    with page.expect_navigation(url=lambda url: url == site.url(target)):
        page.mouse.click(at["x"], at["y"])
    assert page_path(page) == site.path(target)
    assert_quiet(visit)


def test_keyboard_reaches_every_node_and_enter_opens_it(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_graph(open_page, hosted_site.url(SERVICE))
    page = visit.page
    # From the "Graph" heading's permalink, Tab walks the graph's nodes in order.
    page.locator("#graph .headerlink").focus()
    labels: list[str] = []
    for _ in range(COUNTS[SERVICE][0]):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        assert focused is not None, f"Tab left the graph after {labels}"
        assert focused["marked"]
        assert focused["caption"] == focused["label"]
        labels.append(focused["label"])
    assert labels[:3] == ["EC2", "ASG", "EBS"]
    assert "Compute" in labels
    assert "2 · Servers" in labels
    # Back to Lambda, then Enter opens its page.
    while page.evaluate(_FOCUSED)["label"] != "Lambda":
        page.keyboard.press("Shift+Tab")
    target = hosted_site.url("aws/services/lambda/")
    with page.expect_navigation(url=lambda url: url == target):
        page.keyboard.press("Enter")
    assert page_path(page) == hosted_site.path("aws/services/lambda/")
    assert_quiet(visit)


def test_focusing_a_node_of_the_topic_graph_brings_it_into_view(
    offline_site: Site, open_page: Callable[..., Visit]
) -> None:
    visit = open_graph(open_page, offline_site.url(TOPIC_GRAPH))
    page = visit.page
    page.evaluate("() => document.querySelector('.kb-graph').kbGraph.zoom({ level: 3, position: { x: 0, y: 0 } })")
    page.locator(".kb-graph a[data-kb-node]", has_text="Trusted Advisor").focus()
    page.wait_for_function(f"({_FOCUSED})().inView")
    focused = page.evaluate(_FOCUSED)
    assert focused == {"label": "Trusted Advisor", "marked": True, "caption": "Trusted Advisor", "inView": True}
    # Focus moves on: the mark moves with it.
    page.keyboard.press("Tab")
    marked = page.evaluate(
        "() => document.querySelector('.kb-graph').kbGraph.nodes('.kb-focus').map(n => n.data('label'))"
    )
    assert marked == [page.evaluate(_FOCUSED)["label"]]
    assert marked != ["Trusted Advisor"]
    assert_quiet(visit)


def test_colours_follow_the_palette(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_graph(open_page, hosted_site.url(SERVICE)).page
    # Node 10 is the Servers flow layer, whose colour differs between the palettes.
    style = """() => {
      const node = document.querySelector('.kb-graph').kbGraph.getElementById('10');
      return [node.style('color'), node.style('background-color')];
    }"""
    light = page.evaluate(style)
    # Material switches palette by setting the scheme on <body>.
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function(f"({style})()[0] !== {light[0]!r}")
    dark = page.evaluate(style)
    assert light[0] != dark[0]  # label text
    assert light[1] != dark[1]  # the layer node's fill


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize("path", [SERVICE, TOPIC_GRAPH])
def test_graph_with_a_focused_node_has_no_serious_violation(
    hosted_site: Site, path: str, palette: str, open_page: Callable[..., Visit]
) -> None:
    page: Page = open_graph(open_page, hosted_site.url(path), color_scheme=palette).page
    page.locator(".kb-graph a[data-kb-node]").first.focus()
    # Focus scrolled the page: Material fades the page title into the header; let it finish, as
    # axe would otherwise judge the contrast of half-faded text.
    page.wait_for_timeout(500)
    assert axe_violations(page) == []


def test_without_javascript_the_links_are_the_graph(hosted_site: Site, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(hosted_site.url(SERVICE))
        assert page.locator(".kb-graph__canvas").is_hidden()
        links = page.locator(".kb-graph a[data-kb-node]")
        assert links.count() == COUNTS[SERVICE][0]
        assert links.first.is_visible()
        assert links.first.inner_text() == "EC2"
    finally:
        context.close()
