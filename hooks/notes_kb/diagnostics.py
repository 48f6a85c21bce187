"""Problems found in the notes, worded like a compiler's: `notes/aws.md:12: what is wrong`.

Every stage returns its diagnostics instead of logging them (as griffe does); the MkDocs glue
prints each as one warning, so `mkdocs build --strict` fails on any of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in a notes file or an alias file; the build goes on and shows the content anyway."""

    path: str
    """The file as the author knows it, e.g. `notes/aws.md`."""
    line: int
    """1-based line number of the problem."""
    message: str
    """What is wrong, in one sentence."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
