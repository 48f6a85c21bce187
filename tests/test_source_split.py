"""Long notes read in two parts (`source.read_raw`) give what reading them whole gives.

The parts are compared node for node with the whole: every block, tag, container and each
inline token markdown-it made, with its source lines. Real notes (AWS and the corpus), every
synthetic shape, and notes whose split would fall inside a fenced code block (read whole again).
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from pathlib import Path
from typing import Any

import pytest
from markdown_it.token import Token

from conftest import PROJECT, require_corpus
from notes_kb import workers
from notes_kb.source import decode_notes, read_part, read_raw, split, split_lines, syntax
from notes_kb.source.blocks import RawTag, read_blocks

BENCH = PROJECT / "bench"


def _synth() -> Any:
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module("synth")
    finally:
        sys.path.remove(str(BENCH))


def _shape(node: Any) -> Any:
    """A node as plain data, for comparing two readings."""
    if isinstance(node, Token):
        return {key: _shape(value) for key, value in node.as_dict().items()}
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        return (type(node).__name__, *(_shape(getattr(node, f.name)) for f in dataclasses.fields(node)))
    if isinstance(node, list | tuple):
        return [_shape(item) for item in node]
    if isinstance(node, dict):
        return {key: _shape(value) for key, value in node.items()}
    return node


def _whole(lines: list[str]) -> Any:
    tokens, unclosed = syntax.tokenize(lines)
    return _shape(read_blocks(tokens)), unclosed


def _notes() -> list[tuple[str, str]]:
    found = [("aws", (PROJECT / "notes" / "aws.md").read_bytes())]
    found += [(path.name, path.read_bytes()) for path in sorted(require_corpus().glob("*.md"))]
    texts = [(name, decode_notes(data, name)[0]) for name, data in found]
    synth = _synth()
    texts += [(f"synth-{shape}", synth.generate(150, shape=synth.SHAPES[shape]).text) for shape in synth.SHAPES]
    return texts


@pytest.mark.parametrize(("name", "text"), _notes(), ids=lambda value: value if len(value) < 40 else "")
def test_two_parts_read_as_the_whole(name: str, text: str) -> None:
    lines = split_lines(text)
    parts = split(lines, min_lines=0)
    if parts is None:
        pytest.skip(f"{name}: no <expand> line after a blank line in its middle half")
    first, second = (read_part(part) for part in parts)
    assert parts[1][1] > len(lines) // 4
    if first[1]:  # the first part ends inside a fence: read whole instead
        return
    joined = _shape([*first[0], *second[0]]), second[1]
    assert joined == _whole(lines)


_FENCED = """# Notes

<expand title="One">
## One

- a point

```text
a fence with a blank line and a tag line inside

<expand title="Not a section">
still code
```

</expand>

<expand title="Two">
## Two

- another point
</expand>
"""


def test_a_split_inside_a_fence_reads_the_whole_again(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = split_lines(_FENCED * 3)
    # The split looks past the middle: the second copy's fenced tag line is the nearest.
    fenced_tag = lines.index('<expand title="Not a section">', 30)
    monkeypatch.setattr("notes_kb.source._FIRST_SHARE", fenced_tag / len(lines))
    parts = split(lines, min_lines=0)
    assert parts is not None
    assert read_part(parts[0])[1]  # the first part's fence never closes within it
    monkeypatch.setattr("notes_kb.source.MIN_SPLIT_LINES", 0)
    assert _on_two_cores(lines) == _whole(lines)


def test_long_notes_read_on_two_cores_as_the_whole() -> None:
    synth = _synth()
    lines = split_lines(synth.generate(400, shape=synth.SHAPES["detailed"]).text)
    assert split(lines) is not None  # long enough to be split as it is
    assert _on_two_cores(lines) == _whole(lines)


def _on_two_cores(lines: list[str]) -> Any:
    """`read_raw` where workers are allowed (as under `mkdocs build`), as plain data."""
    workers.allow(2)
    try:
        raw, unclosed = read_raw(lines)
    finally:
        workers.allow(1)
    return _shape(raw), unclosed


def test_short_notes_are_read_whole() -> None:
    assert split(split_lines(_FENCED), min_lines=1000) is None
    assert split(["no", "tags", "at", "all"] * 10, min_lines=0) is None


def test_parts_number_lines_as_the_notes_do() -> None:
    path = Path(PROJECT / "notes" / "aws.md")
    lines = split_lines(decode_notes(path.read_bytes(), "aws.md")[0])
    parts = split(lines, min_lines=0)
    assert parts is not None
    raw, _unclosed = read_part(parts[1])
    first = raw[0]  # the `<expand …>` tag or heading the part starts with
    assert (first.line if isinstance(first, RawTag) else first.start) == parts[1][1] + 1  # 1-based
