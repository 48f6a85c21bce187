"""Search by keyboard alone, hosted and from file://, and search into collapsed sections."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from browser.helpers import focused_url, open_search, page_path, result_urls, search, wait_for_results
from browser.pages import PAGE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser

# Where a word stands, and whether the reader can see it: the first text node holding it.
_WORD_STATE = """(word) => {
  const pattern = new RegExp(`(^|[^\\\\p{L}\\\\p{N}])${word}($|[^\\\\p{L}\\\\p{N}])`, "iu");
  const article = document.querySelector("article");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!pattern.test(node.data)) continue;
    const element = node.parentElement;
    const details = element.closest("details");
    return {
      visible: element.checkVisibility(),
      inClosedDetails: details !== null && !details.open,
      highlighted: element.closest("mark") !== null || element.querySelector("mark") !== null,
    };
  }
  return null;
}"""


# Result links whose excerpt has the search term highlighted, relative like `search` results.
_RESULTS_SHOWING_A_MATCH = """() => {
  const root = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href).href;
  return [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
    .filter(a => a.querySelector("article mark"))
    .map(a => { const url = new URL(a.href); url.searchParams.delete("h"); return url.href.slice(root.length); });
}"""


def heading(page: Page) -> str:
    """The page's h1 as the reader reads it (without the permalink sign)."""
    text: str = page.locator("article h1").evaluate(
        "h1 => [...h1.childNodes].filter(n => !n.classList?.contains('headerlink')).map(n => n.textContent).join('')"
    )
    return text.strip()


def press_down_until(page: Page, wanted: Callable[[str | None], bool], limit: int) -> str | None:
    """Press ArrowDown until the focused result satisfies `wanted`; the focused URL, or None."""
    for _ in range(limit):
        page.keyboard.press("ArrowDown")
        url = focused_url(page)
        if wanted(url):
            return url
    return None


@pytest.mark.parametrize("key", ["/", "s"])
def test_keyboard_only_search_goes_to_the_chosen_result(
    any_site: Site, key: str, open_page: Callable[..., Visit]
) -> None:
    page = open_page(any_site.url(PAGE_KINDS["section"])).page
    query = heading(page)
    open_search(page, key)
    page.keyboard.type(query)
    wait_for_results(page, query)
    results = result_urls(page)
    assert len(results) >= 3, results

    # Arrow keys walk the result links in the order shown; a "N more on this page" toggle in
    # between takes focus too (focused_url gives None for it).
    sequence: list[str | None] = []
    while len([url for url in sequence if url]) < 3 or sequence[-1] is None:
        assert len(sequence) < 12, f"ArrowDown does not reach three results: {sequence}"
        page.keyboard.press("ArrowDown")
        sequence.append(focused_url(page))
    links = [url for url in sequence if url]
    assert links[0] == results[0]
    positions = [results.index(url) for url in links]
    assert positions == sorted(set(positions))

    # ArrowUp walks back the same way.
    page.keyboard.press("ArrowUp")
    assert focused_url(page) == sequence[-2]
    if sequence[-2] is None:
        page.keyboard.press("ArrowUp")
        assert focused_url(page) == sequence[-3]
    chosen = focused_url(page)
    assert chosen is not None
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page_path(page) == chosen
    assert query.casefold() in (page.locator("article").text_content() or "").casefold()


def test_search_lists_a_section_under_its_title(any_site: Site, open_page: Callable[..., Visit]) -> None:
    section = any_site.path(PAGE_KINDS["section"])
    title = BeautifulSoup(any_site.file(PAGE_KINDS["section"]).read_text(encoding="utf-8"), "html.parser")
    query = title.select_one("article h1").get_text(strip=True).removesuffix("¶")
    page = open_page(any_site.url(PAGE_KINDS["home"])).page
    results = search(page, query)
    assert section in [url.partition("#")[0] for url in results]
    # A second query replaces the first rather than appending to it.
    assert search(page, query.split()[0]) != []
    assert page.locator("[data-md-component=search-query]").input_value() == query.split()[0]


def word_only_in_a_collapsed_section(notes_html: str) -> str:
    """A word that the page has exactly once, in the body of a collapsed section."""
    article = BeautifulSoup(notes_html, "html.parser").select_one("article")
    assert article is not None
    everywhere = re.findall(r"[^\W\d_]+", article.get_text(" "), re.UNICODE)
    counts: dict[str, int] = {}
    for word in everywhere:
        counts[word.casefold()] = counts.get(word.casefold(), 0) + 1
    for details in article.select("details:not([open])"):
        for element in details.select("li, p"):
            if element.find_parent(["summary", "pre", "code"]):
                continue
            for word in re.findall(r"[^\W\d_]{8,}", element.get_text(" ")):
                if counts[word.casefold()] == 1:
                    return word
    pytest.fail("no word of the page stands only inside a collapsed section")


# A section with a section nested in it, which its page shows collapsed (tests/fixtures/search).
PARENT = "symbols/sections/r-packages/"


@pytest.mark.parametrize("site_name", ["hosted", "offline"])
def test_text_in_a_collapsed_section_is_found_and_shown(
    site_name: str, request: pytest.FixtureRequest, open_page: Callable[..., Visit]
) -> None:
    # The full notes are left out of search (their sections are the better hits); a section
    # nested in another is on its own page and, collapsed, on its parent's: both are found.
    any_site: Site = request.getfixturevalue(f"search_{site_name}_site")
    notes = any_site.path(PARENT)
    word = word_only_in_a_collapsed_section(any_site.file(PARENT).read_text(encoding="utf-8"))
    page = open_page(any_site.url(PARENT)).page
    assert page.evaluate(_WORD_STATE, word) == {"visible": False, "inClosedDetails": True, "highlighted": False}

    results = search(page, word)
    # The result to follow is the one whose excerpt shows the word: a page's title entry above
    # its sections carries no search terms when only a section matched.
    showing = page.evaluate(_RESULTS_SHOWING_A_MATCH)
    on_notes = [url for url in showing if url.partition("#")[0] == notes]
    assert on_notes, f"{word!r} is on {notes}, but search gives {results} (excerpts with it: {showing})"
    target = press_down_until(page, lambda url: url == on_notes[0], limit=len(results) + 10)
    assert target == on_notes[0]
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Material highlights the search terms once its index has loaded; by then the section is open.
    page.wait_for_function(f"({_WORD_STATE})({word!r})?.highlighted", timeout=10_000)
    assert page.evaluate(_WORD_STATE, word) == {"visible": True, "inClosedDetails": False, "highlighted": True}


# The site's search worker run on its own, on an index in the form the glue writes (a page's
# tags and boost on its first entry only, glue.search.for_the_site).
_WORKER_ANSWER = """async ([script, index, query]) => {
  const worker = new Worker(script);
  const answer = (message) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
  await answer({ type: 0, data: index });
  const result = await answer({ type: 2, data: query });
  worker.terminate();
  return result.data.items.map((group) => group.map((item) => item.location));
}"""


def test_every_entry_of_a_page_answers_to_the_pages_names(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    index = {
        "config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []},
        "docs": [
            {"location": "other/", "title": "Other", "text": "Messages of 256 KB about Zorblat"},
            {"location": "other/#more", "title": "More", "text": "Messages of 256 KB"},
            {"location": "q/", "title": "Qux", "text": "A queue", "tags": ["Zorblat"], "boost": 3},
            {"location": "q/#limits", "title": "Limits", "text": "Messages of 256 KB"},
        ],
    }
    page = open_page(hosted_site.url(PAGE_KINDS["home"])).page
    script = hosted_site.url("assets/kb-search.js")
    # Every entry of the page named Zorblat answers to the name, and that page comes first.
    assert page.evaluate(_WORKER_ANSWER, [script, index, "Zorblat"]) == [["q/", "q/#limits"], ["other/"]]
    # The page's boost reaches its sections too: the same text ranks its section above the other
    # page's, which comes first in the index.
    groups = page.evaluate(_WORKER_ANSWER, [script, index, "256"])
    assert groups[0][0] == "q/#limits"
