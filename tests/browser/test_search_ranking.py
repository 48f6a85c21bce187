"""Search ranking: the page a reader expects is first (or in the top 3) for the query set.

Runs Material's real search in Chromium, on the hosted site and from the unzipped offline bundle,
and reports hit@1, hit@3 and mean reciprocal rank over `search_queries.QUERIES`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from browser.helpers import search
from browser.search_queries import QUERIES

if TYPE_CHECKING:
    from collections.abc import Callable

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser


def ranked_pages(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(url.partition("#")[0] for url in urls))


@pytest.mark.parametrize("site_name", ["hosted", "offline"])
def test_expected_page_ranks_high(
    site_name: str, request: pytest.FixtureRequest, open_page: Callable[..., Visit]
) -> None:
    site: Site = request.getfixturevalue(f"{site_name}_site")
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
    assert total >= 40
    assert hit3 >= 0.95, report
    assert hit1 >= 0.80, report
