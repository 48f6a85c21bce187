"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site as MkDocs.

Material for MkDocs reaches end of life on 2027-05-05 (its own notice, material/templates/__init__.py).
ProperDocs (PyPI `properdocs`) carries MkDocs 1.6 on under its own name; users must be able to move to it with
this project's mkdocs.yml and hooks as they are. These tests build the AWS site with both engines and require
the same bytes in every file, apart from the generator line, and the same diagnostics.

How ProperDocs runs the project unchanged (read from the properdocs 1.6.7 wheel):

- It is the package `properdocs`, run as `properdocs` or `python -m properdocs`. Its command line imports
  `properdocs/replacement.py`, which sets `sys.modules["mkdocs"]` to `properdocs` and puts a finder first on
  `sys.meta_path` that serves every `mkdocs.*` import from `properdocs.*`: the hooks' `mkdocs.plugins`,
  `mkdocs.structure.files`, `mkdocs.config`… and Material's and pymdown-extensions' imports all get
  ProperDocs' modules, in the ProperDocs process only.
- Plugins come from the `mkdocs.plugins` and `properdocs.plugins` entry points (MkDocs' own built-ins
  skipped) and themes from `mkdocs.themes`, so `material` and its `material/search` plugin load as before.
- Material requires `mkdocs>=1.6,<2`, so MkDocs 1.6.1 is installed next to ProperDocs wherever Material is;
  the two packages do not share files, and a `properdocs build` runs none of MkDocs' code.
- ProperDocs reads mkdocs.yml with a notice asking to rename it to properdocs.yml; `-f mkdocs.yml` is quiet.

ProperDocs runs from its own venv, .venv-properdocs (`make properdocs`, from requirements-properdocs.lock:
ProperDocs pinned, every other package held to its version in requirements.lock), so the venv the rest of
the tests use is exactly requirements.lock and the ProperDocs one is what a user who moves installs.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser.helpers import require
from conftest import PROJECT
from sitebuild import files_of, warnings_of

PROPERDOCS_VENV = PROJECT / ".venv-properdocs"
PROPERDOCS_PYTHON = PROPERDOCS_VENV / "bin" / "python"
CONFIG = PROJECT / "mkdocs.yml"
MALFORMED = PROJECT / "tests" / "golden" / "malformed" / "notes"
# Sitemap dates and the sitemap.xml.gz header come from it; any fixed value gives both builds the same.
EPOCH = "1700000000"
# Without a site_url (`make build`) and with one, which adds canonical links and the sitemap's URLs.
SITE_URLS = {"no-site-url": "", "site-url": "https://notes.example.org/kb/"}
# The one difference allowed. Material's base.html writes
#     <meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-X.Y.Z">
# MkDocs sets `mkdocs_version` to its version ("1.6.1"); ProperDocs sets it to "ProperDocs 1.6.7"
# (`get_context` in properdocs/commands/build.py). So only the text between `content="mkdocs-` and the
# comma is the engine's; Material's version after it must match like everything else.
GENERATOR = '<meta name="generator" content="mkdocs-{engine}, '
PLACEHOLDER = b'<meta name="generator" content="mkdocs-ENGINE, '

_VERSIONS = (
    "import importlib.metadata, json;"
    "print(json.dumps({d.metadata['Name']: d.version for d in importlib.metadata.distributions()}))"
)


@dataclass(frozen=True)
class EngineBuilds:
    """The same site built by each engine, and what each printed."""

    mkdocs_site: Path
    properdocs_site: Path
    mkdocs: subprocess.CompletedProcess[str]
    properdocs: subprocess.CompletedProcess[str]


def properdocs_python() -> Path:
    return require(
        PROPERDOCS_PYTHON,
        "ProperDocs' venv",
        "run `make properdocs`, which makes it from requirements-properdocs.lock",
    )


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def versions_in(python: Path | str) -> dict[str, str]:
    """Every installed distribution of that interpreter's environment, by normalized name."""
    result = subprocess.run([python, "-c", _VERSIONS], capture_output=True, text=True, check=True)
    return {normalized(name): version for name, version in json.loads(result.stdout).items()}


def engine_build(
    python: Path | str, engine: str, dest: Path, *, site_url: str = "", notes_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`<engine> build --strict` of the project into `dest`; the same command and environment for both."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": EPOCH,
        # The caller's shell must not change what is built.
        "SITE_URL": site_url,
        "OFFLINE": "false",
    }
    env.pop("KB_NOTES_DIR", None)
    if notes_dir is not None:
        env["KB_NOTES_DIR"] = str(notes_dir)
    command = [str(python), "-m", engine, "build", "--strict", "-f", str(CONFIG), "-d", str(dest)]
    return subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, check=False)


def both_engines(
    tmp: Path, *, site_url: str = "", notes_dir: Path | None = None
) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """MkDocs (this venv) into tmp/mkdocs and ProperDocs (its venv) into tmp/properdocs, side by side."""
    engines: list[tuple[Path | str, str]] = [(sys.executable, "mkdocs"), (properdocs_python(), "properdocs")]
    with ThreadPoolExecutor(len(engines)) as pool:
        mkdocs, properdocs = (
            pool.submit(engine_build, python, engine, tmp / engine, site_url=site_url, notes_dir=notes_dir)
            for python, engine in engines
        )
        return mkdocs.result(), properdocs.result()


def without_generator(content: bytes, engine: str, name: str) -> bytes:
    """`content` with its generator line's engine part replaced; checks it names `engine` if present."""
    if not name.endswith(".html"):
        return content
    assert content.count(b'<meta name="generator"') <= 1, name
    generator = GENERATOR.format(engine=engine).encode()
    if b'<meta name="generator"' in content:
        assert generator in content, f"{name}: the generator line does not name {engine}"
    return content.replace(generator, PLACEHOLDER)


def first_difference(name: str, first: bytes, second: bytes) -> str:
    diff = difflib.unified_diff(
        first.decode("utf-8", "replace").splitlines(),
        second.decode("utf-8", "replace").splitlines(),
        "mkdocs/" + name,
        "properdocs/" + name,
        n=0,
        lineterm="",
    )
    return "\n".join(line[:300] for line in list(diff)[:6])


def kb_diagnostics(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The hooks' own log lines (`kb: notes/aws.md:47: …`), level included."""
    return [line for line in result.stderr.splitlines() if " -  kb: " in line]


@pytest.fixture(scope="module")
def engine_versions() -> tuple[str, str]:
    """(MkDocs' version here, ProperDocs' version in its venv), after checking the two venvs agree.

    Both builds must differ only in the engine: every package the two venvs share (Material,
    pymdown-extensions, Markdown, Jinja2, this project…) must have the same version in both.
    """
    theirs = versions_in(properdocs_python())
    ours = versions_in(sys.executable)
    assert "properdocs" in theirs, f"{PROPERDOCS_VENV} has no ProperDocs: run `make properdocs`"
    # pip is upgraded to the newest on creation of each venv and builds nothing here.
    shared = (theirs.keys() & ours.keys()) - {"pip"}
    drift = {name: (ours[name], theirs[name]) for name in sorted(shared) if ours[name] != theirs[name]}
    assert drift == {}, f"{PROPERDOCS_VENV} is out of date (package: (here, there)); run `make properdocs`"
    return importlib.metadata.version("mkdocs"), theirs["properdocs"]


@pytest.fixture(scope="module", params=list(SITE_URLS), ids=list(SITE_URLS))
def builds(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, engine_versions: tuple[str, str]
) -> EngineBuilds:
    """The AWS site built by MkDocs and by ProperDocs, both with --strict (once the venvs are checked)."""
    tmp = tmp_path_factory.mktemp(f"engines-{request.param}")
    mkdocs, properdocs = both_engines(tmp, site_url=SITE_URLS[request.param])
    for result in (mkdocs, properdocs):
        assert result.returncode == 0, result.stderr
        assert warnings_of(result) == []
        assert "Traceback" not in result.stderr
    return EngineBuilds(tmp / "mkdocs", tmp / "properdocs", mkdocs, properdocs)


def test_properdocs_writes_the_same_files(builds: EngineBuilds) -> None:
    mkdocs_site, properdocs_site = builds.mkdocs_site, builds.properdocs_site
    mkdocs_files = sorted(path.relative_to(mkdocs_site).as_posix() for path in mkdocs_site.rglob("*"))
    properdocs_files = sorted(path.relative_to(properdocs_site).as_posix() for path in properdocs_site.rglob("*"))
    assert len(mkdocs_files) > 100
    assert properdocs_files == mkdocs_files


def test_properdocs_writes_the_same_bytes_apart_from_the_generator(
    builds: EngineBuilds, engine_versions: tuple[str, str]
) -> None:
    mkdocs_site, properdocs_site = builds.mkdocs_site, builds.properdocs_site
    mkdocs_version, properdocs_version = engine_versions
    mkdocs_files, properdocs_files = files_of(mkdocs_site), files_of(properdocs_site)
    differing = []
    for name in sorted(mkdocs_files.keys() & properdocs_files.keys()):
        first = without_generator(mkdocs_files[name], mkdocs_version, name)
        second = without_generator(properdocs_files[name], f"ProperDocs {properdocs_version}", name)
        if first != second:
            differing.append(name)
    details = "\n".join(first_difference(name, mkdocs_files[name], properdocs_files[name]) for name in differing[:5])
    assert differing == [], details
    # The comparison was not vacuous: the pages carry the generator line the exception is made for.
    assert PLACEHOLDER in without_generator(mkdocs_files["index.html"], mkdocs_version, "index.html")


def test_properdocs_reports_what_mkdocs_reports(builds: EngineBuilds) -> None:
    # The hooks log through `mkdocs.plugins.get_plugin_logger`; ProperDocs must show those lines too.
    assert kb_diagnostics(builds.mkdocs)
    assert kb_diagnostics(builds.properdocs) == kb_diagnostics(builds.mkdocs)


@pytest.mark.usefixtures("engine_versions")
def test_properdocs_strict_mode_stops_on_the_notes_warnings(tmp_path: Path) -> None:
    # Notes with mistakes: --strict must stop the ProperDocs build on the hooks' warnings as it stops MkDocs'.
    mkdocs, properdocs = both_engines(tmp_path, notes_dir=MALFORMED)
    assert mkdocs.returncode != 0
    assert properdocs.returncode != 0
    assert warnings_of(mkdocs)
    assert warnings_of(properdocs) == warnings_of(mkdocs)
    assert "Traceback" not in properdocs.stderr
    # "Aborted with 7 warnings in strict mode!", on stdout.
    aborted = [line for line in mkdocs.stdout.splitlines() if "in strict mode" in line]
    assert aborted
    assert [line for line in properdocs.stdout.splitlines() if "in strict mode" in line] == aborted
