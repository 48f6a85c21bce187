"""Problems found in the notes, worded like a compiler's: `notes/aws.md:12: what is wrong`.

Every stage returns its diagnostics instead of logging them (as griffe does); the MkDocs glue
prints each as one warning, so `mkdocs build --strict` fails on any of them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Check(enum.StrEnum):
    """What kind of problem a diagnostic is: the `kb.validation` option sets each kind's level."""

    NOTES = "notes"
    """The notes file itself is malformed (unclosed tags or fences, broken titles, bad bytes)."""
    ALIAS_FILE = "alias_file"
    """An alias file is not `name: [names]` YAML."""
    ALIAS_TARGET = "alias_target"
    """An alias-file entry names no service of its notes."""
    NAME_CONFLICT = "name_conflict"
    """One name is written for two services; it stays with the first."""
    LAYER_COUNT = "layer_count"
    """A flow layer states a service count other than the number of services it lists."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in a notes file or an alias file; the build goes on and shows the content anyway."""

    path: str
    """The file as the author knows it, e.g. `notes/aws.md`."""
    line: int
    """1-based line number of the problem."""
    message: str
    """What is wrong, in one sentence."""
    check: Check = Check.NOTES
    """What kind of problem it is."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
