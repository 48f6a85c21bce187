"""Deterministic output: the same notes give the same bytes, site and offline zip alike."""

from __future__ import annotations

import re
import struct
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from mkdocs.utils.yaml import yaml_load

from browser.builds import build_hosted, make_offline_bundle
from browser.helpers import PROJECT, require_npm_assets
from notes_kb.slugs import slugify

if TYPE_CHECKING:
    from pathlib import Path

# MkDocs dates the sitemap from SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/).
EPOCH = 1_700_000_000
EPOCH_TIME = datetime.fromtimestamp(EPOCH, UTC)
# Different hash seeds: anything that follows set or dict-of-set order shows up as a difference.
SEEDS = ("1", "2")
# With a site_url, so the sitemap lists the pages with their dates.
SITE_URL = "https://notes.example.org/kb/"


def files_of(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    require_npm_assets()
    folders = [tmp_path / f"site-{seed}" for seed in SEEDS]
    with ThreadPoolExecutor(len(SEEDS)) as pool:
        builds = [
            pool.submit(
                build_hosted, folder, site_url=SITE_URL, env={"SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": seed}
            )
            for folder, seed in zip(folders, SEEDS, strict=True)
        ]
        for build in builds:
            build.result()
    first, second = (files_of(folder) for folder in folders)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []

    lastmods = re.findall(r"<lastmod>(.*?)</lastmod>", first["sitemap.xml"].decode())
    assert lastmods
    assert set(lastmods) == {EPOCH_TIME.date().isoformat()}
    # The gzip header's own timestamp: midnight (UTC) of that day, not the time of the build.
    (gzip_mtime,) = struct.unpack("<I", first["sitemap.xml.gz"][4:8])
    assert gzip_mtime == int(datetime.combine(EPOCH_TIME.date(), datetime.min.time(), UTC).timestamp())


def test_two_bundles_are_byte_identical(tmp_path: Path) -> None:
    require_npm_assets()
    folders = [tmp_path / f"dist-{seed}" for seed in SEEDS]
    with ThreadPoolExecutor(len(SEEDS)) as pool:
        bundles = [
            pool.submit(make_offline_bundle, folder, env={"SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": seed})
            for folder, seed in zip(folders, SEEDS, strict=True)
        ]
        first, second = (bundle.result() for bundle in bundles)
    assert first.read_bytes() == second.read_bytes()

    with (PROJECT / "mkdocs.yml").open("rb") as config:
        site_name = yaml_load(config)["site_name"]
    top = f"{slugify(site_name)}-offline"
    assert first.name == f"{top}.zip"
    with zipfile.ZipFile(first) as archive:
        entries = archive.infolist()
    names = [entry.filename for entry in entries]
    assert names == sorted(names)
    assert all(name.startswith(f"{top}/") for name in names)
    assert {f"{top}/index.html", f"{top}/search/search_index.js"} <= set(names)
    assert {entry.date_time for entry in entries} == {EPOCH_TIME.timetuple()[:6]}
    assert {entry.external_attr >> 16 for entry in entries} == {0o100644}
