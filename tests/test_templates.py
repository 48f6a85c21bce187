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
    # overrides/partials/kb-config.html copies Material's `config` block (no smaller block holds
    # the worker URL), and overrides/main.html's `config` block renders it: when Material changes
    # the block, this says so, and the copy must be made again from the new one.
    main = (PROJECT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert '{% block config %}{{ kb_once("partials/kb-config.html", base_url) }}{% endblock %}' in main
    copy = (PROJECT / "overrides" / "partials" / "kb-config.html").read_text(encoding="utf-8")
    ours = _CONFIG_BLOCK.search("{% block config %}" + copy + "{% endblock %}")
    base = Path(material.__file__).parent / "templates" / "base.html"
    theirs = _CONFIG_BLOCK.search(base.read_text(encoding="utf-8"))
    assert ours is not None
    assert theirs is not None
    changed = changed_lines(theirs.group(0), ours.group(0))
    assert len(changed) == 2
    assert changed[0].startswith('-          "search": "assets/javascripts/workers/search.')
    assert changed[1] == '+          "search": "assets/kb-search.js" | url,'
