"""axe-core finds no serious or critical problem on any page kind, in light and dark palettes.

axe-core comes from npm (node_modules/axe-core/axe.min.js) and is injected from disk, never from a CDN.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

import material
import pytest

from browser.helpers import PROJECT, axe_violations, search
from browser.pages import PAGE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

    from browser.helpers import Visit
    from browser.pages import Site

# The palettes of mkdocs.yml, chosen by the reader's `prefers-color-scheme`.
SCHEMES = {"light": "default", "dark": "slate"}


def open_in(open_page: Callable[..., Visit], url: str, palette: str) -> Page:
    page = open_page(url, color_scheme=palette).page
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[palette]
    return page


@pytest.mark.browser
@pytest.mark.parametrize("palette", SCHEMES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_kind_has_no_serious_violation(
    hosted_site: Site, kind: str, palette: str, open_page: Callable[..., Visit]
) -> None:
    page = open_in(open_page, hosted_site.url(PAGE_KINDS[kind]), palette)
    # Open every section, so axe also checks what collapsed sections hold.
    page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true })")
    assert axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("palette", SCHEMES)
def test_open_search_with_results_has_no_serious_violation(
    hosted_site: Site, palette: str, open_page: Callable[..., Visit]
) -> None:
    page = open_in(open_page, hosted_site.url(PAGE_KINDS["home"]), palette)
    assert search(page, "aws")
    assert axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("palette", SCHEMES)
def test_404_page_has_no_serious_violation(subpath_site: Site, palette: str, open_page: Callable[..., Visit]) -> None:
    page = open_in(open_page, subpath_site.url("no/such/page/"), palette)
    assert axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("palette", SCHEMES)
def test_footer_text_keeps_its_contrast(hosted_site: Site, palette: str, open_page: Callable[..., Visit]) -> None:
    # The footer is empty until the site sets `copyright:`; put text where Material would.
    page = open_in(open_page, hosted_site.url(PAGE_KINDS["home"]), palette)
    page.evaluate("document.querySelector('.md-copyright').append('Notes by the author, shared under CC BY')")
    assert axe_violations(page) == []


def test_search_partial_is_materials_plus_a_dialog_name() -> None:
    # overrides/partials/kb-search.html is a copy (no block reaches that element): when Material
    # changes its partial, this says so, and the copy must be made again from the new one.
    ours = (PROJECT / "overrides" / "partials" / "kb-search.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    ours_body = ours.split("-#}\n", 1)[1]
    theirs_body = theirs.split("-#}\n", 1)[1]
    changed = [
        line
        for line in difflib.unified_diff(theirs_body.splitlines(), ours_body.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        '-<div class="md-search" data-md-component="search" role="dialog">',
        '+<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
    ]
