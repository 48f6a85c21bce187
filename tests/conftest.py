"""Shared test fixtures: project paths, the real notes in ../shared, golden-file updating."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
CORPUS = SHARED / "corpus"
IN_CI = os.environ.get("CI") == "true"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected files under tests/golden/ from the current output (review with git diff)",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def require_corpus() -> Path:
    """The real notes corpus; skips where ../shared is absent, fails under CI where it must exist."""
    if not CORPUS.is_dir():
        if IN_CI:
            pytest.fail(f"CI must provide the real notes at {CORPUS}")
        pytest.skip(f"the real notes corpus is not at {CORPUS}")
    return CORPUS
