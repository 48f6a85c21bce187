"""The one syntax layer: notes text → markdown-it tokens with source line maps.

Every stage that needs to know what a piece of the notes *is* (a heading, a list item, a code
span, a fence) reads these tokens; nothing else matches Markdown syntax with its own patterns.

Why markdown-it-py: the author writes GitHub-flavoured Markdown, so CommonMark plus GFM tables and
strikethrough decides what a block is, and markdown-it-py implements exactly that (it passes the
CommonMark spec) while giving every block token the source lines it came from. With `html=False`
raw HTML is not recognised at all, which is the notes format's own rule: tag-like text
(`<div class="row">`, `git reset --soft <commit>`) is text.

Two departures from CommonMark, both deliberate (see `tests/fidelity/allowlist.py`):
- Link reference definitions are not recognised (`[TODO]: pricing` is a line of notes, shown as
  written), since notes have no use for them and CommonMark would hide the line.
- `<expand title="…">` and `</expand>` lines are the notes format's section markup: a block rule
  turns each into an `expand_open` / `expand_close` token (inside list items and block quotes too).
  Pairing them into sections is `tree.py`'s job, which can recover from unbalanced tags.

Bare URLs become links as on GitHub (linkify, scheme required: `example.com` stays text).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.rules_block.fence import fence

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

# The notes format's own markup, matched on one line; Markdown syntax is markdown-it's business.
OPEN_TAG = re.compile(r"<expand(?=[\s>/]|$)(?P<rest>.*)$", re.IGNORECASE)
CLOSE_TAG = re.compile(r"</expand[ \t]*>[ \t]*$", re.IGNORECASE)

# Block rules a tag line or a fence may interrupt: it ends a paragraph, a list, a quote, a table.
_INTERRUPTS = ["paragraph", "blockquote", "list"]


def _expand_tag(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a line that is an `<expand …>` or `</expand>` tag becomes one token."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    line = state.src[begin : state.eMarks[start_line]]
    if not line.startswith("<"):
        return False
    closing = CLOSE_TAG.match(line)
    opening = None if closing else OPEN_TAG.match(line)
    if closing is None and opening is None:
        return False
    if silent:
        return True
    token = state.push("expand_close" if closing else "expand_open", "", 0)
    token.map = [start_line, start_line + 1]
    token.content = line
    token.meta = {"rest": opening["rest"]} if opening else {}
    state.line = start_line + 1
    return True


def _fence_or_text(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's fence rule, except that a fence never closed reads as a line of text.

    CommonMark runs an unclosed fence to the end of the file, which would swallow every later
    section of the notes; the fence line is reported (`env["unclosed_fences"]`) and the rest of
    the file reads on as Markdown. A fence cut short by the end of its list item or quote is
    CommonMark's ordinary rule and is kept.
    """
    mark, line = len(state.tokens), state.line
    if not fence(state, start_line, end_line, False):
        return False
    token = state.tokens[-1]
    assert token.map is not None
    closed = token.map[1] - token.map[0] - 2 == token.content.count("\n")
    unclosed = not closed and token.map[1] >= state.env["line_count"]
    if silent or unclosed:
        del state.tokens[mark:]
        state.line = line
    if unclosed:
        state.env.setdefault("unclosed_fences", set()).add((start_line, token.markup))
    return not unclosed


def _as_written(link: str) -> str:
    return link


def _schema_pretest(linkify: Any) -> Callable[[str], bool]:
    """linkify-it's `pretest`, first asking whether the text names a link schema at all.

    With fuzzy links, e-mails and IPs off, linkify-it finds only links that start with a schema
    (`http:`, `//`, `mailto:` …; its `schema_test`), and its own pretest (a large pattern for
    every kind of link, run on each paragraph, list item and heading) took 0.30 s of reading
    2,000 services' notes, where 2 of 33,164 texts passed. A text without any schema name
    cannot hold such a link; a text with one still goes through linkify-it's own pretest.
    """
    schemas = sorted((name for name in linkify._compiled if name), key=len, reverse=True)
    named = re.compile("|".join(re.escape(name) for name in schemas), re.IGNORECASE)
    pretest = linkify.pretest

    def schema_pretest(text: str) -> bool:
        return named.search(text) is not None and bool(pretest(text))

    return schema_pretest


@functools.cache
def markdown_parser() -> MarkdownIt:
    """The notes' CommonMark + GFM parser (one per process: building it compiles many patterns)."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    md.enable(["table", "strikethrough", "linkify"])
    md.disable("reference")
    assert md.linkify is not None  # linkify-it-py is installed (requirements.lock)
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
    md.linkify.pretest = _schema_pretest(md.linkify)
    # A bare URL shows as written: markdown-it would percent-decode its text (`%20` → ` `).
    md.normalizeLinkText = _as_written  # type: ignore[method-assign]
    md.block.ruler.at("fence", _fence_or_text, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.block.ruler.before("fence", "expand_tag", _expand_tag, {"alt": _INTERRUPTS})
    return md


def reference_parser() -> MarkdownIt:
    """GitHub's Markdown for differential tests: CommonMark + GFM tables, strikethrough and bare
    URLs as links, raw HTML off, plus the notes' `<expand>` tag lines (nothing else of ours)."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": True})
    md.enable(["table", "strikethrough", "linkify"])
    assert md.linkify is not None
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
    md.normalizeLinkText = _as_written  # type: ignore[method-assign]
    md.block.ruler.before("fence", "expand_tag", _expand_tag, {"alt": _INTERRUPTS})
    return md


def tokenize(lines: list[str]) -> tuple[list[Token], list[tuple[int, str]]]:
    """The block tokens of a notes file, and the fences never closed as (0-based line, fence).

    Inline tokens hang below each `inline` token's `children`; every block token's `map` gives
    its 0-based [first, after-last) source lines.
    """
    env: dict[str, object] = {"line_count": len(lines)}
    tokens = markdown_parser().parse("\n".join(lines) + "\n", env)
    unclosed = sorted(env.get("unclosed_fences", set()))  # type: ignore[call-overload]
    return tokens, unclosed
