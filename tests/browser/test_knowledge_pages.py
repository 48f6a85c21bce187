"""Knowledge pages in the browser: the sortable ratings table, tooltips, anchors into closed sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from browser.pages import PAGE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser


def column(page: Page, index: int) -> list[str]:
    cells: list[str] = page.locator(".kb-sortable tbody tr").evaluate_all(
        f"rows => rows.map(row => row.cells[{index}].textContent.trim())"
    )
    return cells


def test_ratings_table_sorts_by_mouse(any_site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_page(any_site.url(PAGE_KINDS["certifications"]))
    page = visit.page
    assert column(page, 2) == ["4.72", "7.72", "4.67", "4.69", "4.71"]  # the notes' order
    rating = page.get_by_role("button", name="Sort by Rating")
    rating.click()
    assert column(page, 2) == ["4.67", "4.69", "4.71", "4.72", "7.72"]
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "ascending"
    rating.click()
    assert column(page, 2) == ["7.72", "4.72", "4.71", "4.69", "4.67"]
    page.get_by_role("button", name="Sort by Certification").click()
    assert column(page, 0)[0] == "AWS Certified Cloud Practitioner"
    assert visit.log.errors == []


def test_ratings_table_sorts_by_keyboard(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_page(hosted_site.url(PAGE_KINDS["certifications"])).page
    page.get_by_role("button", name="Sort by Level").focus()
    page.keyboard.press("Enter")
    assert column(page, 1) == sorted(column(page, 1))
    page.keyboard.press("Space")
    assert column(page, 1) == sorted(column(page, 1), reverse=True)


def test_glossary_terms_are_tooltips(any_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_page(any_site.url(PAGE_KINDS["section"])).page
    vpc = page.locator("article abbr", has_text="VPC").first
    assert vpc.get_attribute("title") == "Virtual Private Cloud"


def test_a_link_to_a_line_opens_its_closed_section(any_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_page(any_site.url(PAGE_KINDS["service"])).page
    link = page.locator("article a[href*='#L']").first
    anchor = (link.get_attribute("href") or "").rpartition("#")[2]
    link.click()
    page.wait_for_load_state()
    target = page.locator(f"[id='{anchor}']")
    assert target.evaluate("element => element.closest('details').open")
    assert target.evaluate("element => element.parentElement.checkVisibility()")
