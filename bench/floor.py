"""Run `mkdocs build` in one process and write the CPU time spent inside the libraries that build
the site's pages: the least time any build of these pages can take, whatever our own code costs.

    python bench/floor.py OUT_FILE mkdocs build -f mkdocs.yml …

The build runs on one core (`KB_BUILD_JOBS=1`, set by the caller) so that every page's work is in
this process and `time.process_time` sees it. OUT_FILE gets JSON, in CPU seconds:
- `markdown_it`: reading the notes with markdown-it (`MarkdownIt.parse`); one notes file is read
  on one core, before anything that depends on it;
- `python_markdown`: converting the pages (`Markdown.convert`, its extensions included: ours add
  tooltips and list numbers inside it);
- `python_markdown_setup`: making a Python-Markdown instance for each page (`Markdown.__init__`),
  as MkDocs does; the workers of a build on several cores reuse one instance each instead
  (`glue.parallel`), so this is not part of the least time;
- `templates`: the theme's templates, one render per page (`Template.render` given MkDocs' page
  context, which has `nav`; the knowledge base's own fragment templates are not counted);
- `search`: Material's search plugin indexing each page (`SearchIndex.add_entry_from_context`);
- `total`: the whole process.
A call inside another counted call (say, a template converting Markdown) counts once, for the
outer one.
"""

from __future__ import annotations

import atexit
import importlib
import json
import runpy
import sys
import time
from pathlib import Path
from typing import Any

_WRAPPED = (
    ("markdown_it", "markdown_it", "MarkdownIt", "parse"),
    ("python_markdown", "markdown.core", "Markdown", "convert"),
    ("python_markdown_setup", "markdown.core", "Markdown", "__init__"),
    ("templates", "jinja2.environment", "Template", "render"),
    ("search", "material.plugins.search.plugin", "SearchIndex", "add_entry_from_context"),
)
_spent = {name: 0.0 for name, *_ in _WRAPPED}
_inside = [False]


def _is_page_render(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    if name != "templates":
        return True
    context = args[1] if len(args) > 1 and isinstance(args[1], dict) else kwargs
    return "nav" in context


def _counted(name: str, function: Any) -> Any:
    def counted(*args: Any, **kwargs: Any) -> Any:
        if _inside[0] or not _is_page_render(name, args, kwargs):
            return function(*args, **kwargs)
        _inside[0] = True
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _spent[name] += time.process_time() - start
            _inside[0] = False

    return counted


def _write(out: Path, started: float) -> None:
    result = {name: round(seconds, 3) for name, seconds in _spent.items()}
    result["total"] = round(time.process_time() - started, 3)
    out.write_text(json.dumps(result) + "\n", encoding="utf-8")


def main() -> None:
    out, module, *args = sys.argv[1:]
    for name, module_name, class_name, method in _WRAPPED:
        owner = getattr(importlib.import_module(module_name), class_name)
        setattr(owner, method, _counted(name, getattr(owner, method)))
    atexit.register(_write, Path(out), time.process_time())
    sys.path[0] = str(Path.cwd())  # as under `python -m` (see peak.py)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
