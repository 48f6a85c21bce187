"""The engine running the hooks: MkDocs, or ProperDocs (MkDocs 1.x continued under another name)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def engine_module(config: MkDocsConfig, module: str) -> Any:
    """`module` (`structure.pages`) of the engine whose configuration `config` is."""
    return importlib.import_module(f"{type(config).__module__.split('.')[0]}.{module}")
