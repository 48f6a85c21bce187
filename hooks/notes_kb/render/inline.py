"""Inline content → Python-Markdown inline source that shows exactly the author's text.

markdown-it has already decided what is emphasis, code, a link or text (`source.syntax`); this
module only has to say the same thing in Python-Markdown's dialect, whose inline rules differ:
- Text is escaped so that nothing in it is markup to Python-Markdown: its escapable characters
  get a backslash, `<` and `&` become entities, and a line that Python-Markdown would read as the
  start of a block (`# `, `> `, `1. `, `!!! `, `===`) has its first character escaped.
- Emphasis, strikethrough, links and images become inline HTML tags (`<strong>`, `<a href>`),
  which Python-Markdown passes through while still converting the text between them: its own
  emphasis rules (`_` inside words, `***` runs) would otherwise disagree with CommonMark's.
- Code spans keep backticks, with a fence longer than any run of backticks inside.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from markdown_it.token import Token

    from ..source.inline import Inline

# Python-Markdown's escapable characters that are markup anywhere in a line (`|` with tables,
# `{` with attr_list); `&` and `<` have no escape there and become entities instead.
_ESCAPE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "{": "\\{",
        "}": "\\}",
        "|": "\\|",
        "<": "&lt;",
        # Line breaks and tabs inside text come from character references (`&#10;`): as raw
        # characters they would end the paragraph or start an indented code block.
        "\n": "&#10;",
        "\t": "&#9;",
    }
)
# First characters that would start a block in Python-Markdown (a heading, quote, list, hr,
# setext underline, admonition, fence or numbered item); those it cannot backslash-escape
# become character references.
_LINE_START = re.compile(r"^(?:[#>+\-]|!!!|\?\?\?|=|~| |\d+(?=\.))")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_ENTITY_START = {"=": "&#61;", "~": "&#126;", "?": "&#63;", " ": "&#32;"}
# In an attribute of the inline HTML we write, characters Python-Markdown's earlier inline
# patterns (code spans, escapes, links) would still act on become character references.
_ATTRIBUTE = str.maketrans({c: f"&#{ord(c)};" for c in "\\`[]*_{}!"})

_TAGS = {
    # Python-Markdown's own emphasis: with every `*` and `_` of the text escaped, the writer's are
    # the only ones, and one pattern match is cheaper than two raw tags.
    "strong_open": "**",
    "strong_close": "**",
    "em_open": "*",
    "em_close": "*",
    "s_open": "<s>",
    "s_close": "</s>",
    "link_close": "</a>",
}


def escape_text(text: str) -> str:
    """Plain text as Python-Markdown inline source that shows it as is (not at a line start)."""
    # A bare `&` shows as `&` (Python-Markdown escapes it); only one that starts a character
    # reference (`&copy;`) would turn into another character.
    if "&" in text:
        text = _ENTITY.sub("&amp;", text)
    return text.translate(_ESCAPE)


def escape_line_start(line: str) -> str:
    """Escape the first character of an already escaped line when it would start a block (or,
    for a line of Unicode spaces alone, such as a non-breaking space, end one: Python-Markdown
    strips them and sees a blank line, where CommonMark sees text)."""
    match = _LINE_START.match(line)
    if match is None:
        if line and not line.strip():
            return f"&#{ord(line[0])};{line[1:]}"
        return line
    first = match.group(0)[0]
    if first in _ENTITY_START:
        return _ENTITY_START[first] + line[1:]
    if first.isdigit():
        return match.group(0) + "\\" + line[match.end() :]
    return "\\" + line


def code_span(code: str) -> str:
    """A backtick code span holding `code` (Python-Markdown trims it, so padding is safe; code
    starting or ending with whitespace loses it: see `code_html`)."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def code_html(code: str) -> str | None:
    """The text of a code span as HTML where Python-Markdown cannot show it: code that starts or
    ends with whitespace (`` ` a` ``, a span broken over two lines), which its backtick pattern
    strips; None for any other code."""
    if code == code.strip():
        return None
    return html.escape(code, quote=False)


def attribute(value: str) -> str:
    """An HTML attribute value (quoted, escaped)."""
    return '"' + html.escape(value, quote=True).translate(_ATTRIBUTE) + '"'


def inline_markdown(
    inline: Inline,
    *,
    link_text: TextLinker | None = None,
    anchors: Collection[int] = (),
    one_line: bool = False,
    part: Callable[[str], str] | None = None,
    line_start: bool = True,
) -> str:
    """The inline content as Python-Markdown source; line breaks kept unless `one_line`.

    `link_text` links service names in plain text (never in code or links); `anchors` are source
    lines that get an empty `<span id="L…">` where they start, for links to that line; `part`
    turns HTML into a marker spliced in after conversion (`BlockWriter`), for the code spans
    Python-Markdown would change (`code_html`); without it they are written as backtick spans.
    `line_start`: the text starts a line (a heading's text does not: it follows `## `).
    """
    out: list[str] = []
    line = inline.line
    lines: list[str] = []
    in_link = 0

    def anchor(number: int) -> str:
        return f'<span id="L{number}"></span>' if number in anchors else ""

    out.append(anchor(line))
    for token in inline.tokens:
        kind = token.type
        if kind == "text":
            text = token.content
            out.append(link_text(text) if link_text is not None and in_link == 0 else escape_text(text))
        elif kind == "code_inline":
            shown = code_html(token.content) if part is not None else None
            # The tags around the marker keep it inline (alone on a line, a comment is a block).
            out.append(code_span(token.content) if shown is None or part is None else f"<code>{part(shown)}</code>")
        elif kind in ("softbreak", "hardbreak"):
            line += 1
            if one_line:
                out.append(" ")
                continue
            lines.append("".join(out) + ("  " if kind == "hardbreak" else ""))
            out = [anchor(line)]
        elif kind in _TAGS:
            out.append(_TAGS[kind])
            in_link -= kind == "link_close"
        elif kind == "link_open":
            in_link += 1
            out.append(_link_open(token))
        elif kind == "image":
            out.append(_image(token))
        else:  # markdown-it's other inline tokens carry their text in `content`
            out.append(escape_text(token.content))
    lines.append("".join(out))
    if not line_start:
        return "\n".join(lines)
    return "\n".join(escape_line_start(text) for text in lines)


def _link_open(token: Token) -> str:
    title = token.attrGet("title")
    extra = f" title={attribute(str(title))}" if title else ""
    return f"<a href={attribute(str(token.attrGet('href') or ''))}{extra}>"


def _image(token: Token) -> str:
    alt = "".join(child.content for child in token.children or ())
    title = token.attrGet("title")
    extra = f" title={attribute(str(title))}" if title else ""
    return f"<img src={attribute(str(token.attrGet('src') or ''))} alt={attribute(alt)}{extra}>"


class TextLinker(Protocol):
    """Turns a piece of plain text into escaped inline source with service names linked."""

    def __call__(self, text: str) -> str:
        """The escaped text with links."""
        ...
