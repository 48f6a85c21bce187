"""Bytes → text: UTF-8 with an optional BOM, any line ending."""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def decode_notes(data: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Decode a notes file: UTF-8 with an optional BOM; bad bytes become U+FFFD with a warning."""
    try:
        text = data.decode("utf-8")
        diagnostics = []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        text = data.decode("utf-8", errors="replace")
        diagnostics = [Diagnostic(path, line, "invalid UTF-8 byte(s), shown as U+FFFD (save the file as UTF-8)")]
    return text.removeprefix("\ufeff"), diagnostics


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or CR only (`str.splitlines` also splits on form feeds and U+2028)."""
    lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
    if lines and lines[-1] == "":
        lines.pop()
    return lines
