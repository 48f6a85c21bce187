"""Where the site deliberately shows notes differently from CommonMark/GitHub, and why.

This is the one place such differences are listed. The differential tests render the reference
(markdown-it-py: CommonMark + GFM tables, strikethrough and bare-URL links, raw HTML off; the
notes' own `<expand>` tags drawn as `<details>`) with exactly these departures applied, and
require the site to match it block for block.

1. ITEM_NUMBERS — every number written in front of a list item is shown as written.
   `2006. S3 launched` / `2014. Lambda launched` shows 2006 and 2014; CommonMark keeps only the
   first number and counts on (2006, 2007). Numbers in notes are data (years, question numbers).
2. LINK_DEFINITIONS — a line like `[TODO]: pricing` is shown as a line of text. CommonMark reads
   it as a link reference definition and shows nothing; notes have no use for link definitions,
   and a line vanishing without a word is the one thing the site must never do.
3. UNCLOSED_FENCE — a code fence never closed is reported (`file:line: code fence ``` is never
   closed`) and its opening line is read as text. CommonMark runs it to the end of the file,
   which would swallow every later section of the notes into one code block.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from notes_kb.source.syntax import reference_parser

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ALLOWED = {
    "ITEM_NUMBERS": "every number written in front of a list item is shown as written",
    "LINK_DEFINITIONS": "a line like `[TODO]: pricing` is shown as text, not taken as a link definition",
    "UNCLOSED_FENCE": "a code fence never closed is reported and read as text, not run to the end of the file",
}


def _numbers_as_written(self: Any, tokens: list[Token], index: int, options: Any, env: Any) -> str:
    token = tokens[index]
    if token.info:
        token.attrSet("value", token.info)
    rendered: str = self.renderToken(tokens, index, options, env)
    return rendered


def _tag(self: Any, tokens: list[Token], index: int, options: Any, env: Any) -> str:
    return "<details>\n" if tokens[index].type == "expand_open" else "</details>\n"


@functools.cache
def reference(*, allowed: bool = True) -> MarkdownIt:
    """The reference renderer: plain CommonMark + GFM, with the allowed departures when `allowed`."""
    md = reference_parser()
    md.add_render_rule("expand_open", _tag)
    md.add_render_rule("expand_close", _tag)
    if allowed:
        md.disable("reference")
        md.add_render_rule("list_item_open", _numbers_as_written)
    return md


def reference_html(markdown: str, *, allowed: bool = True) -> str:
    """`markdown` rendered by the reference."""
    return reference(allowed=allowed).render(markdown)
