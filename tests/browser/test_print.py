"""Collapsed sections print expanded."""

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

# For every <details> in the content: [open, number of body elements, how many of them are visible].
_SECTIONS = """() => [...document.querySelectorAll("article details")].map(details => {
  const body = [...details.children].filter(child => child.tagName !== "SUMMARY");
  return [details.open, body.length, body.filter(child => child.checkVisibility()).length];
})"""


def sections(page: Page) -> list[list[int | bool]]:
    found: list[list[int | bool]] = page.evaluate(_SECTIONS)
    assert found, "the page has no collapsible section"
    assert all(body > 0 for _, body, _ in found)
    return found


def test_print_media_shows_collapsed_sections(any_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_page(any_site.url(PAGE_KINDS["notes"])).page
    assert all(visible == 0 for _, _, visible in sections(page)), "sections start collapsed on screen"
    # Print media without a `beforeprint` event (what print emulation and some PDF tools give): only
    # the print stylesheet can show the content, and it must, while the sections stay closed.
    page.emulate_media(media="print")
    printed = sections(page)
    assert not any(is_open for is_open, _, _ in printed)
    assert all(visible == body for _, body, visible in printed)
    page.emulate_media(media="screen")
    assert all(visible == 0 for _, _, visible in sections(page))


def test_printing_opens_collapsed_sections_and_restores_them(
    hosted_site: Site, open_page: Callable[..., Visit]
) -> None:
    page = open_page(hosted_site.url(PAGE_KINDS["notes"])).page
    first = page.locator("article details > summary").first
    first.click()  # one section the reader opened stays open after printing
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(is_open and visible == body for is_open, body, visible in sections(page))
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    after = sections(page)
    assert after[0][0] is True
    assert not any(is_open for is_open, _, _ in after[1:])
