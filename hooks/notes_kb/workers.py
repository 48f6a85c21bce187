"""Work of the pipeline done in forked worker processes, when the caller allows more than one.

Rendering a service page is a pure function of the topic, and a topic of thousands of services
spends seconds on them one after the other. `render_all` hands them to forked workers (they
inherit the topic, nothing is sent to them but an index) and returns the pages in order, the same
pages a loop gives (a loop it is where processes cannot fork, as on Windows). `beside` does the
same for a few large items, the first one in this process meanwhile (reading one long notes file
in two parts, `source.parse`). Only `mkdocs build` allows workers (`glue.parallel` sets `allow`):
`mkdocs serve` rebuilds in a thread of a running server, which a fork would copy.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_T = TypeVar("_T")
_R = TypeVar("_R")

MIN_ITEMS = 200
"""Fewer items than this are rendered in this process: forking costs more than it saves."""
_CHUNK = 16

_workers = 1
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""The function and items being rendered; set before the fork, so each worker inherits them."""


def allow(workers: int) -> None:
    """How many processes `render_all` and `beside` may use from now on (1: only this one)."""
    global _workers  # one setting per process, made by the glue at start-up
    _workers = max(1, workers)


def _run(index: int) -> Any:
    assert _job is not None
    function, items = _job
    return function(items[index])


def render_all(function: Callable[[_T], _R], items: Sequence[_T]) -> list[_R]:
    """`[function(item) for item in items]`, in forked workers when allowed and worth it."""
    global _job  # inherited by the forked workers; cleared right after
    if _workers < 2 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    _job = (function, items)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(_workers, mp_context=context) as pool:
            return list(pool.map(_run, range(len(items)), chunksize=_CHUNK))
    finally:
        _job = None


def beside(function: Callable[[_T], _R], items: Sequence[_T]) -> list[_R] | None:
    """`[function(item) for item in items]`, the first item in this process while forked workers
    do the others; None when workers are not allowed (the caller then does it its own way)."""
    global _job  # inherited by the forked workers; cleared right after
    if _workers < 2 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    _job = (function, items)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(_workers - 1, len(items) - 1), mp_context=context) as pool:
            # `map` submits every item now, and the pool forks its workers at the first submission.
            others = pool.map(_run, range(1, len(items)))
            first = function(items[0])
            return [first, *others]
    finally:
        _job = None
