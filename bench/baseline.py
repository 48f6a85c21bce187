"""The baseline: what plain MkDocs + Material costs for the same pages as our build.

The Markdown our pipeline generates for a notes folder (`notes_kb.build`) is exported to a docs
folder and built with a minimal mkdocs.yml: theme material with `navigation.prune`, the project's
markdown_extensions and extra_css, the search plugin, MkDocs' default nav, no hooks.

Plain Material's cost grows with the square of the page count (every page renders the nav), so a
baseline of thousands of pages can take many minutes; `BaselineEstimator` predicts each one from
those measured before it, and the benchmark skips what would run past its cap.
"""

from __future__ import annotations

import importlib
import shutil
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from measure import CONFIG, ROOT
from notes_kb.build import BuildOptions, build
from notes_kb.render import RenderOptions

DESCRIPTION = (
    "theme material with features [navigation.prune], plugins [search], default nav, no hooks; "
    "markdown_extensions and extra_css from mkdocs.yml"
)
"""The baseline's configuration in words, for the report."""

# Plain Material measured on this machine class (design.md), without navigation.prune: 8 s at 500
# pages, 86 s at 2,000, 494 s at 5,000; time grows as a + b·pages + c·pages². The fit below
# reproduces those points within 2%. Prune changes the factor more than the shape, and the
# estimator rescales the fit by every baseline this run measures, so it corrects itself.
_PLAIN_LINEAR_S = 0.007
_PLAIN_SQUARE_S = 1.8e-5


def project_config() -> dict[str, Any]:
    """mkdocs.yml as data, `!ENV` tags resolved by MkDocs' own loader."""
    # Imported here so that `--help` works without MkDocs on the path.
    mkdocs_yaml = importlib.import_module("mkdocs.utils.yaml")
    with CONFIG.open(encoding="utf-8") as source:
        loaded: dict[str, Any] = mkdocs_yaml.yaml_load(source)
    return loaded


def render_options(project: dict[str, Any]) -> RenderOptions:
    """The render options of the site: its name, the templates of overrides/."""
    return RenderOptions(site_name=project.get("site_name", "Study Notes"), template_dirs=[ROOT / "overrides"])


class _ConfigDumper(yaml.SafeDumper):
    """Dumps `!!python/name:` references (e.g. pymdownx.emoji's index) back as MkDocs reads them."""


def _represent_name(dumper: yaml.SafeDumper, value: Any) -> yaml.Node:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value.__module__}.{value.__qualname__}", "")


_ConfigDumper.add_multi_representer(types.FunctionType, _represent_name)
_ConfigDumper.add_multi_representer(types.BuiltinFunctionType, _represent_name)
_ConfigDumper.add_multi_representer(type, _represent_name)


def export_baseline(notes_dir: Path, out: Path, project: dict[str, Any]) -> tuple[Path, int]:
    """Write the generated pages of `notes_dir` and a minimal mkdocs.yml; return it and the page count."""
    docs = out / "docs"
    source_docs = ROOT / str(project.get("docs_dir", "docs"))
    if source_docs.is_dir():
        # The author's own pages and assets (kb.css), as our build sees them.
        shutil.copytree(source_docs, docs)
    docs.mkdir(parents=True, exist_ok=True)
    site = build(notes_dir, BuildOptions(root=ROOT, render=render_options(project))).site
    for path, page in site.pages.items():
        target = docs / path
        if not target.exists():  # the hooks never overwrite a page the author wrote either
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
    config = {
        "site_name": project.get("site_name", "Study Notes"),
        "docs_dir": str(docs),
        "use_directory_urls": project.get("use_directory_urls", True),
        "theme": {"name": "material", "features": ["navigation.prune"]},
        "plugins": ["search"],
        "markdown_extensions": project.get("markdown_extensions", []),
        "extra_css": project.get("extra_css", []),
    }
    config_file = out / "mkdocs.yml"
    config_file.write_text(yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False), encoding="utf-8")
    pages = sum(1 for _ in docs.rglob("*.md"))
    return config_file, pages


def plain_material_model(pages: int) -> float:
    """Seconds plain Material needs for `pages` pages beyond start-up, before rescaling."""
    return _PLAIN_LINEAR_S * pages + _PLAIN_SQUARE_S * pages * pages


@dataclass
class BaselineEstimator:
    """Predicts a baseline build's time from the builds measured so far."""

    startup: float = 1.0
    """Seconds of a near-empty build (the AWS baseline, once measured)."""
    scale: float = 1.0
    """This machine's and this configuration's speed against the design's measurements."""

    def estimate(self, pages: int) -> float:
        return self.startup + self.scale * plain_material_model(pages)

    def learn(self, pages: int, seconds: float) -> None:
        # Only sizes where pages dominate start-up say anything about per-page cost.
        if pages >= 200 and seconds > self.startup:
            self.scale = (seconds - self.startup) / plain_material_model(pages)
