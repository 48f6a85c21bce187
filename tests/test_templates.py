"""Template overrides that copy a block of Material's: each still matches Material's apart from our change."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material

from conftest import PROJECT

_CONFIG_BLOCK = re.compile(r"\{% block config %\}.*?\{% endblock %\}", re.DOTALL)


def changed_lines(theirs: str, ours: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(theirs.splitlines(), ours.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_config_block_is_materials_with_the_search_worker_of_the_site() -> None:
    # overrides/main.html copies Material's `config` block (no smaller block holds the worker URL):
    # when Material changes it, this says so, and the copy must be made again from the new one.
    ours = _CONFIG_BLOCK.search((PROJECT / "overrides" / "main.html").read_text(encoding="utf-8"))
    base = Path(material.__file__).parent / "templates" / "base.html"
    theirs = _CONFIG_BLOCK.search(base.read_text(encoding="utf-8"))
    assert ours is not None
    assert theirs is not None
    changed = changed_lines(theirs.group(0), ours.group(0))
    assert len(changed) == 2
    assert changed[0].startswith('-          "search": "assets/javascripts/workers/search.')
    assert changed[1] == '+          "search": "assets/kb-search.js" | url,'
