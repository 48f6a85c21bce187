"""Collapsible sections (pymdownx.details admonitions) open and close by mouse and by keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from browser.pages import PAGE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser

FIRST_SECTION = "article details"


def state(details: Locator) -> tuple[bool, bool]:
    """(open, body visible) of a <details>: the attribute and what the reader sees must agree."""
    is_open = details.evaluate("element => element.open")
    body_visible = details.locator(":scope > :not(summary)").first.is_visible()
    return is_open, body_visible


def test_mouse_opens_and_closes_a_section(any_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_page(any_site.url(PAGE_KINDS["notes"])).page
    details = page.locator(FIRST_SECTION).first
    assert state(details) == (False, False)
    details.locator("summary").click()
    assert state(details) == (True, True)
    details.locator("summary").click()
    assert state(details) == (False, False)


def tab_to_first_summary(page: Page) -> None:
    """Reach the first section's summary with Tab alone, the way a keyboard user does."""
    is_target = "document.activeElement === document.querySelector('article details > summary')"
    # Material's "Skip to content" link comes first; following it starts the next Tab at the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(is_target):
            return
    pytest.fail("30 Tab presses after the skip link do not reach the first section")


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_keyboard_opens_and_closes_a_section(any_site: Site, key: str, open_page: Callable[..., Visit]) -> None:
    page = open_page(any_site.url(PAGE_KINDS["notes"])).page
    details = page.locator(FIRST_SECTION).first
    tab_to_first_summary(page)
    assert state(details) == (False, False)
    page.keyboard.press(key)
    assert state(details) == (True, True)
    page.keyboard.press(key)
    assert state(details) == (False, False)
