"""Search ranking: the page a reader expects is first (or in the top 3) for the query set.

Runs the site's real search (its worker, in Chromium) on the search test site hosted and from the
unzipped offline bundle, and reports hit@1, hit@3 and mean reciprocal rank over
`search_queries.QUERIES`: names, aliases, acronyms, descriptions, typos, joined and split names,
dotted and symbol terms, Chinese and Japanese words, numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote

import pytest

from browser.helpers import search
from browser.search_queries import QUERIES

if TYPE_CHECKING:
    from collections.abc import Callable

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser

# Each word of the tokenizing cases is findable: the page holding it is among the results.
FINDABLE = [
    ("libPaths", "symbols/sections/r-packages/"),
    ("paths", "symbols/sections/r-packages/"),
    ("lib", "symbols/sections/r-packages/"),
    ("js", "nodejs/sections/node-js-module-types/"),
    ("node", "nodejs/sections/node-js-module-types/"),
    ("Node.js", "symbols/sections/javascript-runtimes/"),
    ("json", "symbols/sections/javascript-runtimes/"),
    ("NET", "symbols/sections/microsoft-languages/"),
    (".NET", "symbols/sections/microsoft-languages/"),
    ("C#", "symbols/sections/microsoft-languages/"),
    ("C++", "symbols/sections/microsoft-languages/"),
    ("5 TB", "symbols/sections/storage-limits/"),
    ("x-ray", "symbols/sections/storage-limits/"),
    ("ray", "symbols/sections/storage-limits/"),
    ("4.3.2", "symbols/sections/r-packages/"),
    ("网关", "cjk/sections/物联网网关/"),
    ("数据", "cjk/sections/物联网网关/"),
]


def ranked_pages(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(unquote(url.partition("#")[0]) for url in urls))


@pytest.mark.parametrize("site_name", ["hosted", "offline"])
def test_expected_page_ranks_first(
    site_name: str, request: pytest.FixtureRequest, open_page: Callable[..., Visit]
) -> None:
    site: Site = request.getfixturevalue(f"search_{site_name}_site")
    visit = open_page(site.url(""))
    ranks: list[int | None] = []
    report = []
    for query, expected in QUERIES:
        pages = ranked_pages(search(visit.page, query))
        wanted = site.path(expected)
        rank = pages.index(wanted) + 1 if wanted in pages else None
        ranks.append(rank)
        if rank != 1:
            report.append(f"{query!r}: {expected} at {rank}; first {pages[:3]}")
    total = len(QUERIES)
    hit1 = sum(r == 1 for r in ranks) / total
    hit3 = sum(r is not None and r <= 3 for r in ranks) / total
    mrr = sum(1 / r for r in ranks if r) / total
    print(f"\n{site_name}: {total} queries, hit@1 {hit1:.1%}, hit@3 {hit3:.1%}, MRR {mrr:.3f}")
    print("\n".join(report))
    assert total >= 120
    assert hit3 == 1.0, report
    assert hit1 >= 0.95, report


@pytest.mark.parametrize("site_name", ["hosted", "offline"])
def test_every_word_is_findable(
    site_name: str, request: pytest.FixtureRequest, open_page: Callable[..., Visit]
) -> None:
    site: Site = request.getfixturevalue(f"search_{site_name}_site")
    visit = open_page(site.url(""))
    missing = []
    for query, expected in FINDABLE:
        if site.path(expected) not in ranked_pages(search(visit.page, query)):
            missing.append(query)
    assert missing == []
