"""Hover previews of links, and the full notes' "Expand all" / "Collapse all" with sections kept
open or closed as the reader left them; hosted and offline (file://), with no request leaving."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from browser.helpers import axe_violations
from browser.pages import PAGE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Browser, Locator, Page

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
CARD = "#kb-preview"
SECTION_PAGE = "aws/sections/core-aws-services/"


@pytest.fixture(params=["hosted", "offline"])
def site(request: pytest.FixtureRequest) -> Site:
    """The hosted site and the offline bundle in turn."""
    found: Site = request.getfixturevalue(f"{request.param}_site")
    return found


def link_to(page: Page, site: Site, hosted_path: str) -> Locator:
    """The first link in the content to a page given by its hosted path (`aws/services/ec2/`)."""
    suffix = site.path(hosted_path).removeprefix("aws/")
    return page.locator(f'article a[data-kb-preview][href$="{suffix}"]').first


def card_text(page: Page) -> str:
    card = page.locator(CARD)
    card.wait_for(state="visible")
    text: str = card.inner_text()
    return text


def no_trouble(visit: Visit) -> None:
    assert visit.log.external() == []
    assert visit.log.failures == []
    assert visit.log.errors == []


def test_hovering_a_service_link_shows_its_summary(site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_page(site.url(SECTION_PAGE))
    page = visit.page
    link = link_to(page, site, "aws/services/ec2/")
    link.scroll_into_view_if_needed()
    link.hover()
    text = card_text(page)
    assert "EC2 — Elastic Compute Cloud" in text
    assert "Virtual servers in the cloud" in text
    assert "Instance types: General purpose" in text
    assert page.locator(CARD).get_attribute("role") == "tooltip"
    # The pointer moves from the link onto the card: it stays; then away from both: it goes.
    page.locator(CARD).hover()
    page.wait_for_timeout(400)
    assert page.locator(CARD).is_visible()
    page.mouse.move(1, 1)
    page.locator(CARD).wait_for(state="hidden")
    no_trouble(visit)


def test_keyboard_focus_shows_the_card_and_escape_hides_it(site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_page(site.url(SECTION_PAGE))
    page = visit.page
    link = link_to(page, site, "aws/services/lambda/")
    # Focus what comes before the link, then Tab: focus by keyboard, as a reader moves it.
    page.evaluate(
        """(link) => {
          const all = [...document.querySelectorAll("article a[href]")];
          all[all.indexOf(link) - 1].focus();
        }""",
        link.element_handle(),
    )
    page.keyboard.press("Tab")
    assert link.evaluate("element => element === document.activeElement")
    assert "Serverless compute service" in card_text(page)
    assert link.get_attribute("aria-describedby") == "kb-preview"
    page.keyboard.press("Escape")
    page.locator(CARD).wait_for(state="hidden")
    assert link.get_attribute("aria-describedby") is None
    # Focus moving on takes no card along unless the next link has one.
    page.keyboard.press("Tab")
    assert not link.evaluate("element => element === document.activeElement")
    no_trouble(visit)


def test_graph_nodes_reached_by_tab_show_no_card(site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_page(site.url("aws/services/ec2/")).page
    page.wait_for_selector(".kb-graph--ready")
    nodes = page.locator(".kb-graph a[href]")
    assert nodes.count() > 1
    # Tab from the first node link to the next: the graph names the node, no card floats elsewhere.
    nodes.first.focus()
    page.keyboard.press("Tab")
    assert nodes.nth(1).evaluate("element => element === document.activeElement")
    page.wait_for_timeout(600)  # longer than the card's delay
    assert page.locator(CARD).is_hidden()


def test_glossary_link_shows_the_term(site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_page(site.url(PAGE_KINDS["topic"]))
    page = visit.page
    link = link_to(page, site, "aws/glossary/#vpc")
    link.scroll_into_view_if_needed()
    link.hover()
    text = card_text(page)
    assert "VPC" in text
    assert "Virtual Private Cloud" in text
    assert "Glossary" in text
    no_trouble(visit)


def test_card_stays_inside_the_viewport(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_page(hosted_site.url(PAGE_KINDS["topic"])).page
    page.set_viewport_size({"width": 480, "height": 600})
    # The glossary links wrap across the narrow page: take the one reaching furthest right.
    links = page.locator("article .kb-glossary-terms a[data-kb-preview]")
    rightmost = max(range(links.count()), key=lambda i: links.nth(i).evaluate("a => a.getBoundingClientRect().right"))
    link = links.nth(rightmost)
    # Near the bottom edge first: the card flips above the link.
    link.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().bottom - window.innerHeight + 8)")
    box = link.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] > 480 * 0.6
    link.hover()
    card = page.locator(CARD)
    card.wait_for(state="visible")
    shown = card.bounding_box()
    assert shown is not None
    assert shown["x"] >= 0
    assert shown["x"] + shown["width"] <= 480
    assert shown["y"] >= 0
    assert shown["y"] + shown["height"] <= box["y"]
    assert card.get_attribute("data-side") == "above"
    # Near the top: below the link.
    page.mouse.move(1, 599)
    card.wait_for(state="hidden")
    link.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().top - 80)")
    link.hover()
    card.wait_for(state="visible")
    assert card.get_attribute("data-side") == "below"
    shown = card.bounding_box()
    assert shown is not None
    assert shown["x"] + shown["width"] <= 480
    assert shown["y"] + shown["height"] <= 600


def test_touch_shows_the_card_on_a_long_press_only(hosted_site: Site, browser: Browser) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 400, "height": 700})
    try:
        page = context.new_page()
        page.goto(hosted_site.url(SECTION_PAGE))
        assert page.evaluate("matchMedia('(hover: none)').matches")
        link = link_to(page, hosted_site, "aws/services/ec2/")
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        # A long press: the card, and the page stays.
        cdp = context.new_cdp_session(page)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        page.wait_for_timeout(800)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        assert "Virtual servers in the cloud" in card_text(page)
        page.wait_for_timeout(300)
        assert SECTION_PAGE in page.url
        # A tap elsewhere hides it; a tap on the link follows it, with no card on the way.
        page.tap("article h1")
        page.locator(CARD).wait_for(state="hidden")
        link.tap()
        page.wait_for_url("**/services/ec2/")
    finally:
        context.close()


@pytest.mark.parametrize("palette", SCHEMES)
def test_open_preview_has_no_serious_violation(
    hosted_site: Site, palette: str, open_page: Callable[..., Visit]
) -> None:
    page = open_page(hosted_site.url(SECTION_PAGE), color_scheme=palette).page
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[palette]
    link = link_to(page, hosted_site, "aws/services/ec2/")
    link.scroll_into_view_if_needed()
    link.hover()
    page.locator(CARD).wait_for(state="visible")
    assert axe_violations(page) == []
    assert page.locator(CARD).is_visible()


def test_pages_carry_only_the_previews_they_link_to(site: Site) -> None:
    html = site.file(PAGE_KINDS["service"]).read_text(encoding="utf-8")
    assert html.count('class="kb-previews"') == 1
    assert "Serverless compute service" in html  # Lambda, a related service
    glossary = site.file(PAGE_KINDS["glossary"]).read_text(encoding="utf-8")
    assert "Virtual servers in the cloud" not in glossary
    # Added after Material's search plugin read the page: no preview data in the search index.
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "kb-previews" not in index
    assert "Service · Compute · Servers" not in index


# --- Expand all / Collapse all, and sections kept open or closed -----------------------------

SECTIONS = "article details"


def open_states(page: Page) -> list[bool]:
    states: list[bool] = page.evaluate("[...document.querySelectorAll('article details')].map(d => d.open)")
    return states


def test_expand_all_and_collapse_all(site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_page(site.url(PAGE_KINDS["notes"]))
    page = visit.page
    assert not any(open_states(page))
    expand = page.get_by_role("button", name="Expand all")
    collapse = page.get_by_role("button", name="Collapse all")
    expand.click()
    assert all(open_states(page))
    assert page.locator(SECTIONS).last.locator(":scope > :not(summary)").first.is_visible()
    # By keyboard too.
    collapse.focus()
    page.keyboard.press("Enter")
    assert not any(open_states(page))
    expand.focus()
    page.keyboard.press("Space")
    assert all(open_states(page))
    no_trouble(visit)


def sections_restored(page: Page) -> None:
    """Wait until kb-details.js has shown its buttons, which it does as it restores the sections
    (the page's HTML has every section closed before that: too early to look under load)."""
    page.wait_for_selector(".kb-details-tools:not([hidden])")


def test_sections_stay_as_left_across_navigation(site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_page(site.url(PAGE_KINDS["notes"]))
    page = visit.page
    page.locator(f"{SECTIONS} > summary").nth(1).click()
    page.locator(f"{SECTIONS} > summary").nth(3).click()
    left = open_states(page)
    assert left[1:4:2] == [True, True]
    assert not left[0]
    # Away by a link, back with the browser's Back button.
    link_to(page, site, "aws/services/ec2/").evaluate("a => a.click()")  # in a closed section
    page.wait_for_url(re.compile(r"/services/ec2(/|\.html)$"))
    page.go_back()
    sections_restored(page)
    assert open_states(page) == left
    # Reached again by a link (a fresh load of the page): still as left.
    page.goto(site.url(PAGE_KINDS["topic"]))
    page.get_by_role("link", name="Read the full notes").click()
    sections_restored(page)
    assert open_states(page) == left
    # Collapse all, then away and back: all closed.
    page.get_by_role("button", name="Collapse all").click()
    page.goto(site.url(PAGE_KINDS["home"]))
    page.go_back()
    sections_restored(page)
    assert not any(open_states(page))
    # Leaving a page while it loads aborts its requests: only what must not happen is checked.
    assert visit.log.external() == []
    assert visit.log.errors == []


def test_printing_neither_keeps_nor_loses_the_readers_sections(
    hosted_site: Site, open_page: Callable[..., Visit]
) -> None:
    page = open_page(hosted_site.url(PAGE_KINDS["notes"])).page
    page.locator(f"{SECTIONS} > summary").nth(2).click()
    left = open_states(page)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(open_states(page))
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.wait_for_timeout(100)
    assert open_states(page) == left
    page.reload()
    sections_restored(page)
    assert open_states(page) == left
    # Print media alone (no events) still shows every section, as tests/browser/test_print.py checks.
    page.emulate_media(media="print")
    assert not page.locator(".kb-details-tools").is_visible()


@pytest.mark.parametrize("palette", SCHEMES)
def test_full_notes_with_tools_has_no_serious_violation(
    hosted_site: Site, palette: str, open_page: Callable[..., Visit]
) -> None:
    page = open_page(hosted_site.url(PAGE_KINDS["notes"]), color_scheme=palette).page
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[palette]
    assert page.get_by_role("button", name="Expand all").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Expand all").click()
    assert axe_violations(page) == []
