"""Golden files: notes under tests/golden/<case>/notes/ against the expected pages and warnings.

Regenerate with `make goldens` (pytest --update-goldens) and review the result with `git diff`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notes_kb_old.kbjson import kb_json
from notes_kb_old.load import build_knowledge_base
from notes_kb_old.render import render_site

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "notes").is_dir())


def actual_outputs(case: Path) -> dict[str, str]:
    """Every output of the pipeline for one case, as `{relative path: text}`."""
    loaded = build_knowledge_base(case / "notes", case)
    site = render_site(loaded.kb, "Golden Notes")
    outputs = {f"pages/{path}": text for path, text in site.pages.items()}
    for path, parts in site.parts.items():
        for name, html in parts.items():
            outputs[f"parts/{path.removesuffix('.md')}.{name}.html"] = html + "\n"
    outputs["nav.json"] = json.dumps(site.nav, indent=2, ensure_ascii=False) + "\n"
    outputs["model.json"] = json.dumps(loaded.kb.as_dict(), indent=2, ensure_ascii=False) + "\n"
    outputs["kb.json"] = kb_json(loaded.kb)
    outputs["glossary.json"] = json.dumps(site.abbreviations, indent=2, ensure_ascii=False) + "\n"
    outputs["diagnostics.txt"] = "".join(f"{d}\n" for d in loaded.diagnostics)
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
