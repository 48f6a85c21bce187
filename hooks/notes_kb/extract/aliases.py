"""A topic's alias file (`notes/aws.aliases.yml`): names no rule can infer, with their lines.

    ASG:
      - Auto Scaling
      - EC2 Auto Scaling

Read with PyYAML's node API, so a problem is reported at the line it is on.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..diagnostics import Check, Diagnostic


@dataclass(frozen=True)
class AliasEntry:
    """One service of the alias file and the other names it goes by."""

    name: str
    """The service as the notes name it."""
    aliases: tuple[str, ...]
    """Its other names."""
    line: int
    """Line of the service's name in the alias file."""


@dataclass(frozen=True)
class AliasFile:
    """A parsed alias file."""

    path: str
    """The file as the author knows it (`notes/aws.aliases.yml`)."""
    entries: tuple[AliasEntry, ...]
    """The entries, in file order."""


def read_aliases(text: str, path: str) -> tuple[AliasFile, list[Diagnostic]]:
    """Parse an alias file; entries that are not `name: [names]` are reported and skipped."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        message = f"cannot read the alias file: {str(error).splitlines()[0]}"
        return AliasFile(path, ()), [Diagnostic(path, line, message, Check.ALIAS_FILE)]
    if root is None:
        return AliasFile(path, ()), []
    if not isinstance(root, yaml.MappingNode):
        return AliasFile(path, ()), [Diagnostic(path, root.start_mark.line + 1, _SHAPE, Check.ALIAS_FILE)]
    entries: list[AliasEntry] = []
    diagnostics: list[Diagnostic] = []
    for key, value in root.value:
        line = key.start_mark.line + 1
        names = value.value if isinstance(value, yaml.SequenceNode) else None
        if not _is_text(key) or names is None or not all(_is_text(node) for node in names):
            bad = next((node for node in names or () if not _is_text(node)), value if names is None else key)
            diagnostics.append(Diagnostic(path, bad.start_mark.line + 1, _SHAPE, Check.ALIAS_FILE))
            continue
        entries.append(AliasEntry(str(key.value), tuple(str(node.value) for node in names), line))
    return AliasFile(path, tuple(entries)), diagnostics


_SHAPE = "an alias file maps a service name to a list of other names"


def _is_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and bool(str(node.value).strip())
