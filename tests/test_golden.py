"""Golden files at the stage boundaries: notes under tests/golden/<case>/notes/ against the
expected model, pages, HTML parts, nav, `kb.json` and diagnostics.

Regenerate with `make goldens` (pytest --update-goldens) and review the result with `git diff`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notes_kb.render.kbjson import kb_json
from pipeline import build_notes

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "notes").is_dir())


def actual_outputs(case: Path) -> dict[str, str]:
    """Every output of the pipeline for one case, as `{relative path: text}`."""
    result = build_notes(case / "notes", case)
    site = result.site
    outputs = {f"pages/{path}": page.markdown for path, page in site.pages.items()}
    for path, page in site.pages.items():
        for name, html in page.parts.items():
            outputs[f"parts/{path.removesuffix('.md')}.{name}.html"] = html + "\n"
    outputs["nav.json"] = json.dumps(site.nav, indent=2, ensure_ascii=False) + "\n"
    outputs["model.json"] = json.dumps(result.kb.as_dict(), indent=2, ensure_ascii=False) + "\n"
    # kb.json with page paths for URLs (the glue gives MkDocs' URLs; tests/test_kb_site.py checks them).
    outputs["kb.json"] = kb_json(result.kb.as_dict(), lambda page: page)
    outputs["glossary.json"] = json.dumps(site.abbreviations, indent=2, ensure_ascii=False) + "\n"
    outputs["diagnostics.txt"] = "".join(f"{d} [{d.check}]\n" for d in result.diagnostics)
    return outputs


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, update_goldens: bool) -> None:
    case = GOLDEN / name
    expected_dir = case / "expected"
    actual = actual_outputs(case)
    if update_goldens:
        for old in expected_dir.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, text in actual.items():
            target = expected_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(expected_dir.rglob("*"))
        if p.is_file()
    }
    assert sorted(actual) == sorted(expected), "pages added or removed: run `make goldens` and review"
    for path, text in actual.items():
        assert text == expected[path], f"{name}/{path} differs: run `make goldens` and review the diff"
