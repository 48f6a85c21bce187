"""Code blocks → highlighted HTML, exactly as written (tabs and blank lines included).

The writer hands code to Pygments itself, through pymdownx.highlight's own `Highlight` class and
the site's highlight settings, so the HTML is what pymdownx.superfences would give: Material's
copy button and styles apply. Python-Markdown never sees the code (see `blocks.py` for why).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pymdownx.highlight import Highlight  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..source.document import Code

# `Highlight` options that are ours to decide: code is shown byte for byte, so Pygments must not
# strip leading or trailing blank lines.
_FIXED = {"stripnl": False}
_KNOWN = {
    "guess_lang",
    "pygments_style",
    "use_pygments",
    "noclasses",
    "linenums",
    "linenums_special",
    "linenums_style",
    "linenums_class",
    "language_prefix",
    "code_attr_on_pre",
    "line_spans",
    "anchor_linenums",
    "line_anchors",
    "pygments_lang_class",
    "default_lang",
}


class Highlighter:
    """Highlights code blocks with the site's `pymdownx.highlight` settings."""

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        """`settings`: the `pymdownx.highlight` options of mkdocs.yml (unknown keys are ignored)."""
        options = {key: value for key, value in (settings or {}).items() if key in _KNOWN}
        # `md` is only used for titles and line-number anchors, which notes code does not use.
        self._highlight = Highlight(None, **{**options, **_FIXED})

    def __call__(self, code: Code) -> str:
        """The block as `<div class="highlight"><pre><code>…` HTML."""
        if not code.text:
            # Pygments would show an empty block as one blank line.
            return '<div class="highlight"><pre><span></span><code></code></pre></div>'
        html: str = self._highlight.highlight(code.text, code.info.split(maxsplit=1)[0] if code.info else "")
        return html
