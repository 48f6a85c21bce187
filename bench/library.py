"""Synthetic study notes like the author's library: 25 files of varied shapes, or one long file.

The real library (about 25 files, 430 sections, 9,000 lines; ../shared/corpus holds 11 of them)
is written in a few recognisable styles, and `STYLES` imitates each:

- `short` (Angular, HTML, OOP): many short sections of bullets nested by two spaces, `A => B`
  comparisons;
- `commands` (git): flat command bullets, `<placeholder>` arguments, tables, fenced shell code;
- `glossary` (5G, Agile): `**Term**: definition` bullets nested up to four deep, numbered lists;
- `article` (React, Generative AI): `###` sub-headings, paragraphs, fenced code, tables;
- `qa` (GraphQL): one huge section of numbered questions with nested answers.

Sections are `<expand title="…">` blocks that repeat their title as `## Title`, grouped under
`## Primary Concepts` / `## Secondary Concepts` (headings or plain lines, as the author writes
both); every twelfth section of a file sits nested in the one before it. Nothing here names
services, so the pipeline builds topic and section pages only, as it does for the real library.

`library(seed)` gives the 25 files, `long_notes(sections, seed)` one file of N sections of similar
size in a mix of the styles. Every choice comes from a seeded `random.Random` in a fixed order, so
the same arguments give the same bytes.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from pathlib import Path

from notes_kb.slugs import slugify


@dataclass(frozen=True)
class Style:
    """How the sections of one notes file are written."""

    name: str
    """`short`, `commands`, `glossary`, `article`, `qa`, or `mixed` (the long file: a bit of each)."""
    lines: int
    """Lines of blocks a section asks for, drawn between half and 1.6 times this; it ends with the
    block that reaches them, so sections come out longer (13, 24, 26, 31, 900 and 20 lines on average,
    as in the real files)."""
    blocks: dict[str, int]
    """Block kinds (`bullets`, `terms`, `numbered`, `h3`, `code`, `table`, `paragraph`, `qa`) → weight."""
    depth: int
    """Deepest bullet nesting (1: flat)."""
    group_headings: bool
    """`## Primary Concepts` as a heading (True) or as a plain line of text."""


STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        Style("short", 5, {"bullets": 6, "paragraph": 1, "terms": 1}, 2, group_headings=False),
        Style("commands", 15, {"bullets": 4, "table": 1, "code": 2}, 1, group_headings=False),
        Style("glossary", 16, {"terms": 5, "numbered": 1, "bullets": 2}, 4, group_headings=True),
        Style("article", 21, {"h3": 4, "paragraph": 2, "code": 2, "table": 1, "terms": 1}, 3, group_headings=True),
        Style("qa", 975, {"qa": 1}, 2, group_headings=True),
        Style(
            "mixed",
            10,
            {"bullets": 4, "terms": 2, "h3": 2, "code": 1, "table": 1, "paragraph": 1},
            3,
            group_headings=True,
        ),
    )
}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The library: (topic, style, sections). 430 sections and about 9,000 lines in all, sized like
# the real files (1 to 46 sections each).
LIBRARY: tuple[tuple[str, str, int], ...] = (
    ("Kubernetes", "short", 42),
    ("Git Workflows", "commands", 30),
    ("CSS Layout", "short", 32),
    ("TypeScript", "short", 31),
    ("React Patterns", "article", 24),
    ("Machine Learning", "article", 25),
    ("Networking", "glossary", 22),
    ("Python", "short", 22),
    ("Linux", "commands", 18),
    ("Security", "glossary", 18),
    ("SQL", "short", 17),
    ("System Design", "article", 16),
    ("Vue", "short", 16),
    ("Java", "short", 15),
    ("Agile Delivery", "glossary", 14),
    ("Docker", "commands", 14),
    ("Data Structures", "short", 13),
    ("Kafka", "article", 12),
    ("Statistics", "glossary", 12),
    ("Go", "short", 10),
    ("Observability", "article", 9),
    ("Edge Networks", "glossary", 6),
    ("Terraform", "commands", 6),
    ("Rust", "short", 5),
    ("GraphQL Interview", "qa", 1),
)

_SUBJECTS = _words(
    "Component Module Hook Query Schema Resolver Branch Commit Container Pod Volume Index Transaction Thread "
    "Promise Stream Token Router Reducer Selector Directive Decorator Middleware Handler Worker Pipeline Cache "
    "Session Cookie Template Fragment Context Provider Observer Iterator Generator Closure Prototype Interface "
    "Class Object Event Listener Request Response Socket Buffer Queue Sprint Backlog Release Deployment "
    "Artifact Runner Model Embedding Prompt Dataset Layer Tensor Antenna Spectrum"
)
_ASPECTS = _words(
    "Basics Lifecycle Patterns Configuration Performance Testing Security Internals Commands Examples "
    "Limitations Comparison State Types Debugging Deployment Overview Migration Tooling Architecture "
    "Versioning Scaling Monitoring Caching Errors Conventions Pitfalls Recipes Design Glossary"
)
_VERBS = (
    "stores", "returns", "renders", "updates", "validates", "caches", "schedules", "merges", "splits",
    "tracks", "wraps", "exposes", "creates", "removes", "listens to", "depends on", "replaces", "extends",
)  # fmt: skip
_OBJECTS = (
    "the current state", "each request", "the whole tree", "a new branch", "the result set", "every child",
    "the parent scope", "the previous value", "one record at a time", "the configuration", "the shared context",
    "the build output", "the user input", "a copy of the data",
)  # fmt: skip
_QUALIFIERS = (
    "before the first render", "on every change", "when the key changes", "in the background", "per user",
    "at build time", "only once", "after the promise settles", "without blocking the main thread", "", "", "",
)  # fmt: skip
_CODE = {
    "bash": ("git reset --soft <commit>", "git log --oneline --graph", "docker run --rm -p 8080:80 <image>",
             "kubectl get pods -n <namespace>", "npm install --save-dev <package>", "git rebase -i HEAD~3"),
    "javascript": ("const value = useMemo(() => compute(a, b), [a, b]);", "export default function App() {",
                   '  return <div className="row">{children}</div>;', "}", "await fetch(url).then((r) => r.json());"),
    "python": ("def handler(event, context):", '    return {"status": 200}', "items = [x for x in range(10) if x % 2]",
               "with open(path) as source:", "    data = source.read()"),
}  # fmt: skip


def library(seed: int = 0) -> dict[str, str]:
    """The 25 notes files of the library: file name (`git-workflows.md`) → text, in `LIBRARY` order."""
    files: dict[str, str] = {}
    for number, (topic, style, sections) in enumerate(LIBRARY):
        rng = random.Random(f"kb-library:{seed}:{number}")
        # The commands files start like git.md, without a `# Title`: the file name names the topic.
        files[f"{slugify(topic)}.md"] = _Notes(rng, STYLES[style]).file(topic, sections, title=style != "commands")
    return files


def long_notes(sections: int, seed: int = 0) -> str:
    """One notes file of `sections` sections of similar size, every style's blocks mixed."""
    if sections < 1:
        raise ValueError("sections must be at least 1")
    rng = random.Random(f"kb-long:{sections}:{seed}")
    return _Notes(rng, STYLES["mixed"], spread=(0.8, 1.2)).file("Long Notes", sections, title=True)


def write_library(out_dir: Path, seed: int = 0) -> list[Path]:
    """Write the library's files into `out_dir` (created if needed); return their paths in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in library(seed).items():
        paths.append(out_dir / name)
        paths[-1].write_text(text, encoding="utf-8", newline="\n")
    return paths


def write_long_notes(out_dir: Path, sections: int, seed: int = 0, filename: str = "long.md") -> Path:
    """Write `long_notes(sections, seed)` into `out_dir` (created if needed) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / filename
    path.write_text(long_notes(sections, seed), encoding="utf-8", newline="\n")
    return path


class _Notes:
    """Writes one notes file in one style."""

    def __init__(self, rng: random.Random, style: Style, spread: tuple[float, float] = (0.5, 1.6)) -> None:
        self.rng = rng
        self.style = style
        self.spread = spread
        self.lines: list[str] = []
        # Unique titles, in an order of their own: `Hook Caching`, `Stream Basics` …
        titles = [f"{subject} {aspect}" for subject, aspect in itertools.product(_SUBJECTS, _ASPECTS)]
        rng.shuffle(titles)
        self.titles = iter(titles)
        self.questions = itertools.count(1)

    def file(self, topic: str, sections: int, *, title: bool) -> str:
        self.lines = [f"# {topic}", ""] if title else []
        # The last quarter of the sections are `Secondary Concepts`, as in most real files.
        secondary = max(1, round(sections * 0.75)) if sections > 1 else sections
        self._group("Primary Concepts")
        number = 0
        while number < sections:
            if number >= secondary:
                self._group("Secondary Concepts")
                secondary = sections
            # Every twelfth section nests in the one before it (real notes do this now and then).
            nested = number + 1 < sections and number % 12 == 10
            self._section(nested=nested)
            number += 2 if nested else 1
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def _group(self, name: str) -> None:
        self.lines += [f"## {name}" if self.style.group_headings else name, ""]

    def _section(self, *, nested: bool) -> None:
        title = next(self.titles)
        self.lines += [f'<expand title="{title}">', f"## {title}", ""]
        target = len(self.lines) + round(self.style.lines * self.rng.uniform(*self.spread))
        kinds, weights = list(self.style.blocks), list(self.style.blocks.values())
        while len(self.lines) < target:
            getattr(self, f"_{self.rng.choices(kinds, weights)[0]}")()
            self.lines.append("")
        if nested:
            self._section(nested=False)
        self.lines += ["</expand>", ""]

    # Blocks --------------------------------------------------------------------------------------

    def _sentence(self) -> str:
        parts = [self.rng.choice(_SUBJECTS), self.rng.choice(_VERBS), self.rng.choice(_OBJECTS)]
        return " ".join([*parts, self.rng.choice(_QUALIFIERS)]).strip()

    def _bullets(self, depth: int = 0, indent: str = "") -> None:
        for _ in range(self.rng.randint(1, 3) if depth else self.rng.randint(2, 5)):
            roll = self.rng.random()
            if self.style.name == "commands" and roll < 0.3:
                self.lines.append(f"{indent}- {self.rng.choice(_CODE['bash'])}")
            elif self.style.name == "short" and roll < 0.2:
                self.lines.append(f"{indent}- {self.rng.choice(_SUBJECTS)}: {self._sentence()} => {self._sentence()}")
            else:
                self.lines.append(f"{indent}- {self._sentence()}")
            if depth + 1 < self.style.depth and self.rng.random() < 0.25:
                self._bullets(depth + 1, indent + "  ")

    def _terms(self) -> None:
        for _ in range(self.rng.randint(2, 4)):
            self.lines.append(f"- **{self.rng.choice(_SUBJECTS)} {self.rng.choice(_ASPECTS)}**: {self._sentence()}")
            if self.style.depth > 1 and self.rng.random() < 0.3:
                self._bullets(1, "  ")

    def _numbered(self) -> None:
        self.lines.append(f"- {self._sentence()}:")
        self.lines += [f"  {n}. **{self.rng.choice(_SUBJECTS)}**: {self._sentence()}" for n in range(1, 4)]

    def _h3(self) -> None:
        self.lines += [f"### {self.rng.choice(_SUBJECTS)} {self.rng.choice(_ASPECTS)}", ""]
        self._bullets()

    def _paragraph(self) -> None:
        self.lines.append(". ".join(self._sentence().capitalize() for _ in range(self.rng.randint(2, 4))) + ".")

    def _code(self) -> None:
        language = self.rng.choice(sorted(_CODE))
        self.lines += [f"**Example:** {self._sentence()}", f"```{language}"]
        code, start = _CODE[language], self.rng.randrange(len(_CODE[language]))
        self.lines += [code[(start + n) % len(code)] for n in range(self.rng.randint(3, len(code)))]
        self.lines.append("```")

    def _table(self) -> None:
        self.lines += ["| Name | What it does | Notes |", "| --- | --- | --- |"]
        for _ in range(self.rng.randint(3, 6)):
            self.lines.append(f"| {self.rng.choice(_SUBJECTS)} | {self._sentence()} | {self.rng.choice(_ASPECTS)} |")

    def _qa(self) -> None:
        subject = self.rng.choice(_SUBJECTS)
        self.lines.append(f"- Question {next(self.questions)}: What is a {subject} and when is it used?")
        self._bullets(1, "  ")
