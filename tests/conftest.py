"""Shared test fixtures: project paths, the real notes in ../shared, golden-file updating."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitebuild import build_site, warnings_of

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


def require_shared(name: str) -> Path:
    """A folder of ../shared; skips where it is absent, fails under CI where it must exist."""
    folder = SHARED / name
    if not folder.is_dir():
        if IN_CI:
            pytest.fail(f"CI must provide {folder}")
        pytest.skip(f"{folder} is not here")
    return folder


def require_corpus() -> Path:
    """The real notes corpus; skips where ../shared is absent, fails under CI where it must exist."""
    if not CORPUS.is_dir():
        if IN_CI:
            pytest.fail(f"CI must provide the real notes at {CORPUS}")
        pytest.skip(f"the real notes corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def aws_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site (notes/aws.md), built once with `mkdocs build --strict`."""
    dest = tmp_path_factory.mktemp("aws-site")
    result = build_site(dest)
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == []
    assert "Traceback" not in result.stderr
    # Every link to an anchor finds it, ids in HTML parts included (MkDocs says so at INFO).
    assert "does not contain an anchor" not in result.stderr
    return dest
