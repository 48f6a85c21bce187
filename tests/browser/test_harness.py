"""The harness itself: a missing browser skips the browser tests, except under CI where it fails."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from browser import helpers

if TYPE_CHECKING:
    from pathlib import Path


def test_missing_browser_skips_with_a_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(helpers, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(helpers, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception, match=r"Chromium is not at .*no-chromium"):
        helpers.require_chromium()


def test_missing_browser_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(helpers, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(helpers, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="Chromium is not at"):
        helpers.require_chromium()


def test_present_browser_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "chromium").touch()
    monkeypatch.setattr(helpers, "CHROMIUM", tmp_path / "chromium")
    assert helpers.require_chromium() == tmp_path / "chromium"
