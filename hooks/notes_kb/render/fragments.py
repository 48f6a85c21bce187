"""HTML fragments from Jinja templates (`overrides/kb/*.html`), autoescaped.

As Material renders its own fragments (tags, blog listings) from templates, a user restyles a
service page's chips, sources, mentions or related services by overriding `kb/<name>.html` in the
theme's `custom_dir`, without touching Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


class Fragments:
    """Renders `kb/<name>.html` templates with autoescaping on."""

    def __init__(self, template_dirs: Sequence[Path | str]) -> None:
        """`template_dirs`: searched in order (the theme's `custom_dir` first)."""
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            undefined=jinja2.StrictUndefined,
        )

    def render(self, name: str, **context: Any) -> str:
        """The fragment `kb/<name>.html` rendered with `context` (TemplateNotFound when missing)."""
        html: str = self._env.get_template(f"kb/{name}.html").render(**context).strip()
        return html
