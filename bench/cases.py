"""The measured cases: our build of a notes folder and plain Material's build of the same pages.

- Paired cases (the AWS notes, the 25-file library): a warm-up of each side, then runs that
  alternate ours and the baseline (and the order within a pair), so that drift on a shared
  machine hits both alike.
- Series (the long notes file at N sections, synthetic notes at N services in a shape): our
  build several times per size, then one baseline build where its estimated time is below the
  cap; once a size of a series times out, its larger sizes are skipped.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baseline import BaselineEstimator, export_baseline
from measure import CONFIG, Build, Case, measure_build, progress


@dataclass
class Settings:
    """What to run."""

    aws_runs: int
    """Runs of each side of the AWS case after the warm-up."""
    library_runs: int
    """Runs of each side of the library case after the warm-up."""
    series_runs: int
    """Runs of our build per size of the long file and of the synthetic notes."""
    sizes: list[int]
    """Services of the synthetic notes."""
    sections: list[int]
    """Sections of the long notes file."""
    shapes: list[str]
    """Shapes of the synthetic notes (synth.SHAPES)."""
    serve_edits: int
    """Measured edits under `mkdocs serve --dirty`, per site; 0 skips serve."""
    baseline: bool
    """Whether to build the plain-Material baselines at all."""
    baseline_cap: float
    """Skip a baseline estimated to take longer than this (s)."""
    timeout: float
    """Stop any one build of ours after this (s)."""
    repeat_limit: float
    """No repeat runs of a size whose first run took longer than this (s)."""
    warmup: bool
    """Warm-up builds before the paired cases."""
    mode: str
    """`quick` or `full`."""


def _describe(build: Build) -> str:
    return f"{build.seconds:.2f} s, {build.pages} pages, {build.peak_rss_mb:.0f} MB"


class Runner:
    """Runs the cases of one benchmark in a work folder, learning the baseline's cost as it goes."""

    def __init__(self, settings: Settings, work: Path, project: dict[str, Any]) -> None:
        self.settings = settings
        self.work = work
        self.project = project
        self.estimator = BaselineEstimator()

    def paired(self, kind: str, notes_dir: Path, runs: int) -> list[Case]:
        """Our build of `notes_dir` and the baseline, alternating, `runs` times each."""
        timeout = self.settings.timeout
        ours, base = Case(kind, "ours"), Case(kind, "baseline")
        config = None
        if self.settings.baseline:
            config, _ = export_baseline(notes_dir, self.work / f"{kind}-baseline", self.project)
        else:
            base.status = "skipped: --no-baseline"
        if self.settings.warmup:
            progress(f"{kind}: warm-up")
            measure_build(CONFIG, notes_dir, self.work, timeout)
            if config is not None:
                measure_build(config, None, self.work, timeout)
        for run in range(runs):
            # Alternate the order too, so neither side always runs right after the other.
            order = [(ours, CONFIG, notes_dir), (base, config, None)]
            for case, cfg, notes in order if run % 2 == 0 else reversed(order):
                if cfg is not None:
                    build = measure_build(cfg, notes, self.work, timeout)
                    case.record(build, timeout)
                    progress(f"{kind} {case.variant} run {run + 1}: {_describe(build)}")
        seconds, pages = base.median("seconds"), base.median("pages")
        if seconds is not None and pages:
            self.estimator.learn(int(pages), seconds)
            if pages < 200:  # a small site is mostly start-up
                self.estimator.startup = seconds
        shutil.rmtree(self.work / f"{kind}-baseline", ignore_errors=True)
        return [ours, base]

    def series(
        self, kind: str, sizes: list[int], write: Callable[[Path, int], object], shape: str | None = None
    ) -> list[Case]:
        """`sized` for each size, smallest first, the notes written by `write(folder, size)`."""
        cases: list[Case] = []
        too_slow: int | None = None
        for size in sorted(sizes):
            if too_slow is not None:
                skipped = f"skipped: {too_slow:,} timed out"
                cases += [Case(kind, variant, size, shape, status=skipped) for variant in ("ours", "baseline")]
                continue
            notes_dir = self.work / f"notes-{kind}-{shape or 'x'}-{size}"
            write(notes_dir, size)
            pair = self.sized(kind, size, notes_dir, shape)
            cases += pair
            if pair[0].status.startswith("timed out"):
                too_slow = size
            shutil.rmtree(notes_dir, ignore_errors=True)
        return cases

    def sized(self, kind: str, size: int, notes_dir: Path, shape: str | None) -> list[Case]:
        """Our build of `notes_dir` `series_runs` times, then the baseline once if under the cap."""
        settings = self.settings
        ours = Case(kind, "ours", size, shape)
        for run in range(settings.series_runs):
            build = measure_build(CONFIG, notes_dir, self.work, settings.timeout)
            progress(f"{ours.name} ours run {run + 1}: {_describe(build)}")
            if not ours.record(build, settings.timeout):
                break
            if build.seconds > settings.repeat_limit and run + 1 < settings.series_runs:
                # Far off its target already; more runs would only spend the shared machine.
                ours.status = f"1 run only: it took > {settings.repeat_limit:g} s"
                break
        pages = ours.median("pages")
        return [ours, self._capped_baseline(Case(kind, "baseline", size, shape), notes_dir, int(pages or 0))]

    def _capped_baseline(self, base: Case, notes_dir: Path, pages: int) -> Case:
        """The baseline of `notes_dir`, unless its estimate for `pages` pages (ours, if known) is over the cap."""
        settings = self.settings
        if not settings.baseline:
            base.status = "skipped: --no-baseline"
            return base
        out = self.work / f"{base.name}-baseline"
        # Our page count decides before the export when known: the export alone takes seconds at
        # thousands of pages.
        config: Path | None = None
        if not pages or self.estimator.estimate(pages) <= settings.baseline_cap:
            config, pages = export_baseline(notes_dir, out, self.project)
        base.estimated_seconds = self.estimator.estimate(pages)
        if config is None or base.estimated_seconds > settings.baseline_cap:
            estimate = f"estimated {base.estimated_seconds:.0f} s for {pages} pages"
            base.status = f"skipped: > {settings.baseline_cap:g} s ({estimate})"
            progress(f"{base.name} baseline {base.status}")
        else:
            # A bad estimate must not stall the run: the build is stopped at 1.5× the cap.
            limit = settings.baseline_cap * 1.5
            build = measure_build(config, None, self.work, limit)
            progress(f"{base.name} baseline: {_describe(build)}")
            if base.record(build, limit):
                self.estimator.learn(build.pages, build.seconds)
        shutil.rmtree(out, ignore_errors=True)
        return base
