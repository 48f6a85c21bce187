"""Offline bundle: build the site for file:// and pack it into one deterministic zip.

`make bundle` runs this. The build is the ordinary `mkdocs build --strict` with `OFFLINE=true`, which
enables Material's offline plugin (page.html links instead of directory URLs, the search index
inlined as a script). The zip holds one folder, `<site-name>-offline/`, so unpacking it anywhere
gives `<site-name>-offline/index.html` to open. Entries are sorted and carry one fixed timestamp and
fixed permissions, so the same site gives the same bytes.

    python tools/offline_bundle.py [--config mkdocs.yml] [--out-dir dist] [--site-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from notes_kb.slugs import slugify

PROJECT = Path(__file__).resolve().parent.parent

# The earliest time a zip entry can record.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def left_out(name: str) -> bool:
    """Files of the built site that the bundle does not carry."""
    # 404.html links its assets from the server root (MkDocs gives error pages absolute URLs), which
    # means nothing under file://, and no file:// reader ever gets a 404 page. Source maps are for
    # debugging Material's scripts, not for reading: they would be 40% of the zip.
    return name == "404.html" or name.endswith(".map")


class BundleError(Exception):
    """The bundle cannot be made; the message says why and what to do."""


def bundle_name(site_name: str) -> str:
    """`Study Notes` → `study-notes-offline`: the zip's stem and its top folder."""
    return f"{slugify(site_name) or 'site'}-offline"


def site_name_of(config_file: Path) -> str:
    """`site_name` from mkdocs.yml, read with MkDocs' own loader (!ENV, INHERIT)."""
    with config_file.open("rb") as stream:
        config = yaml_load(stream)
    return str(config.get("site_name") or "site")


def build_offline(config_file: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` with the offline plugin on; raises BundleError with MkDocs' output."""
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BundleError(f"the offline build failed:\n{result.stderr}")


def check_polyfills(config_file: Path, site_dir: Path) -> None:
    """Every `extra.polyfills` script must be a file inside the site, or file:// search breaks."""
    with config_file.open("rb") as stream:
        extra = yaml_load(stream).get("extra") or {}
    for script in extra.get("polyfills") or []:
        url = str(script)
        if urlsplit(url).scheme or url.startswith("//"):
            raise BundleError(f"extra.polyfills loads {url} from another host; ship it inside the site")
        if not (site_dir / url).is_file():
            raise BundleError(f"{url} is missing from the site: run `make bundle`, which copies it from npm")


def zip_date() -> tuple[int, int, int, int, int, int]:
    """The one timestamp of every entry: SOURCE_DATE_EPOCH (UTC) when set, else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return ZIP_EPOCH
    moment = time.gmtime(int(epoch))
    return max(ZIP_EPOCH, (moment.tm_year, moment.tm_mon, moment.tm_mday, moment.tm_hour, moment.tm_min, moment.tm_sec))


def write_zip(site_dir: Path, zip_path: Path, top: str, date_time: tuple[int, int, int, int, int, int]) -> int:
    """Zip `site_dir` under the folder `top`, deterministically; returns the number of files."""
    files = sorted(
        (path.relative_to(site_dir).as_posix(), path)
        for path in site_dir.rglob("*")
        if path.is_file() and not left_out(path.relative_to(site_dir).as_posix())
    )
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for name, path in files:
            entry = zipfile.ZipInfo(f"{top}/{name}", date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            # Unix, rw-r--r--: the same on every machine that builds the bundle.
            entry.create_system = 3
            entry.external_attr = 0o100644 << 16
            archive.writestr(entry, path.read_bytes(), compresslevel=9)
    partial.replace(zip_path)
    return len(files)


def make_bundle(config_file: Path, out_dir: Path, site_dir: Path | None = None) -> Path:
    """Build the offline site (into `site_dir`, else a temporary folder) and zip it into `out_dir`."""
    name = bundle_name(site_name_of(config_file))
    with tempfile.TemporaryDirectory(prefix="offline-site-") as scratch:
        target = site_dir or Path(scratch) / name
        build_offline(config_file, target)
        check_polyfills(config_file, target)
        zip_path = out_dir / f"{name}.zip"
        write_zip(target, zip_path, name, zip_date())
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=PROJECT / "mkdocs.yml", help="the MkDocs config file")
    parser.add_argument("--out-dir", type=Path, default=PROJECT / "dist", help="where the zip goes")
    parser.add_argument("--site-dir", type=Path, help="keep the offline site here (default: a temporary folder)")
    args = parser.parse_args(argv)
    try:
        zip_path = make_bundle(args.config.resolve(), args.out_dir.resolve(), args.site_dir)
    except BundleError as error:
        print(f"offline_bundle: {error}", file=sys.stderr)
        return 1
    print(f"{zip_path} ({zip_path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
