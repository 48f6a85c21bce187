"""The site's `extra.kb` options, as a typed MkDocs config schema (errors name the option).

extra:
  kb:
    notes_dir: !ENV [KB_NOTES_DIR, notes]
    validation:
      layer_count: info   # warn (default: fails --strict), info or ignore, per kind of problem
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from ..diagnostics import Check

LEVELS = ("warn", "info", "ignore")


class ValidationConfig(base.Config):  # type: ignore[no-untyped-call]
    """How each kind of problem is reported: `warn` (fatal under `--strict`), `info` or `ignore`.

    Malformed notes are always warnings: their content is shown, but not as the author meant it.
    """

    alias_file = c.Choice(LEVELS, default="warn")
    alias_target = c.Choice(LEVELS, default="warn")
    name_conflict = c.Choice(LEVELS, default="warn")
    layer_count = c.Choice(LEVELS, default="warn")


class KbConfig(base.Config):  # type: ignore[no-untyped-call]
    """`extra.kb`."""

    notes_dir = c.Type(str, default="notes")
    """The notes folder, relative to mkdocs.yml."""
    validation = c.SubConfig(ValidationConfig)
    """Levels of the diagnostics."""
    nav_sections = c.Type(int, default=40)
    """A topic with more sections lists none in the nav (see `render.nav.topic_nav`)."""

    def level(self, check: Check) -> str:
        """`warn`, `info` or `ignore` for this kind of problem."""
        if check is Check.NOTES:
            return "warn"
        level: str = getattr(self.validation, check.value)
        return level


def load_options(raw: Any, config_file: str | None) -> KbConfig:
    """Validate `extra.kb`; raises PluginError naming the option when it is wrong."""
    options = KbConfig(config_file_path=config_file)
    if raw is not None and not isinstance(raw, dict):
        raise PluginError("extra.kb: expected a mapping of options")
    options.load_dict(raw or {})
    errors, warnings = options.validate()
    for name, error in [*errors, *warnings]:
        raise PluginError(f"extra.kb.{name}: {error}")
    return options
