"""Generated pages as files on disk, so `mkdocs serve --dirty` rebuilds only what changed.

MkDocs decides what a dirty build converts and renders again by comparing a page's source file
with its output (`File.is_modified`); a page generated in memory (`File.generated`) always counts
as modified. So each generated page is written to a folder of its own under `.cache/kb/`, and
written only when its content changed, with a stamp line that also changes whenever something the
page shows but its Markdown does not say changes: the nav and the glossary (on every page), the
sections shown inside it (a section's parent and the full notes), and the hover previews of the
pages it links to. The stamp is removed again before conversion (`strip_stamp`), so it never
reaches a page.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from ..render.pages.common import Parts, part_utf8
from .previews import PreviewDigests

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ..render import RenderedSite
    from ..render.pages.common import Page

_STAMP = re.compile(r"\n<!-- kb-stamp:[0-9a-f]+ -->\n\Z")
_SECTION = re.compile(r"<!-- kb-section:(?P<page>[^ ]+) -->")
_SECTION_UTF8 = re.compile(rb"<!-- kb-section:(?P<page>[^ ]+) -->")


_RECORD = "notes-folder"


def sources_folder(project: Path, notes_dir: Path) -> Path:
    """`.cache/kb/<key>/pages` under `project` (the folder of mkdocs.yml): where the pages of
    `notes_dir` are written, one folder per notes folder, so that builds of other notes (tests,
    the benchmark) never mix their pages.

    Each folder records the notes folder it is for, and the folders of notes folders that are
    gone are removed: every test and benchmark build of temporary notes would otherwise leave
    its pages behind (10 MB for 2,000 services), gigabytes after a few benchmark runs. A folder
    without a record (being made right now, or older than records) is left alone.
    """
    cache = project / ".cache" / "kb"
    folder = cache / hashlib.sha256(str(notes_dir).encode()).hexdigest()[:12]
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / _RECORD
    if not record.is_file():
        record.write_text(str(notes_dir), encoding="utf-8")
    for other in cache.iterdir():
        try:
            named = Path((other / _RECORD).read_text(encoding="utf-8"))
        except OSError:
            continue
        if other != folder and not named.exists():
            shutil.rmtree(other, ignore_errors=True)
    return folder / "pages"


def _digest(*parts: str) -> str:
    return _digest_of(parts)


def _digest_of(parts: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _own(page: Page) -> str:
    # Parts by their compressed bytes (the same text gives the same bytes): a study deck of 5,000
    # services is 15 MB of HTML, 30 MB once decoded, and is not decompressed for this.
    parts = page.parts
    named: Iterable[tuple[str, str | bytes]] = (
        (name, parts.compressed(name) if isinstance(parts, Parts) else parts[name]) for name in sorted(parts)
    )
    return _digest_of(chain((page.markdown, ",".join(sorted(page.late))), chain.from_iterable(named)))


def _encoded(page: Page) -> Iterator[bytes]:
    """The page's parts one at a time, as UTF-8 (`part_utf8`)."""
    for name in page.parts:
        yield part_utf8(page.parts, name)


def stamps(site: RenderedSite, site_name: str) -> dict[str, str]:
    """Each generated page's stamp: what it shows, sections shown inside it included."""
    shared = _digest(site_name, json.dumps(site.nav), json.dumps(site.abbreviations))
    memo: dict[str, str] = {}
    # A page shows the hover previews of the pages it links to (`glue.previews`).
    previews = PreviewDigests(site.previews)

    def deep(path: str) -> str:
        if path not in memo:
            page = site.pages[path]
            # The sections shown inside: markers in the Markdown, and in the parts (a list given
            # as HTML keeps the sections of its items as markers), read as the previews read them.
            shown = [m["page"] for m in _SECTION.finditer(page.markdown)]

            def parts(page: Page = page) -> Iterator[bytes]:
                for part in _encoded(page):
                    shown.extend(m["page"].decode(errors="surrogatepass") for m in _SECTION_UTF8.finditer(part))
                    yield part

            read = parts()
            linked = previews.of(path, page.markdown, read)
            for _rest in read:  # parts the previews did not read are still searched for sections
                pass
            memo[path] = _digest(_own(page), linked, *(deep(section) for section in shown if section in site.pages))
        return memo[path]

    return {path: _digest(shared, deep(path)) for path in site.pages}


def write_sources(site: RenderedSite, folder: Path, site_name: str, *, stamped: bool = True) -> dict[str, str]:
    """Write each page's source (Markdown + stamp) under `folder`, touching only changed files;
    returns the stamps by page path.

    Without `stamped` (a clean build, which converts every page whatever its stamp), no stamp is
    worked out or written and every stamp returned is "": working them out reads every page and
    part again (0.44 s of a build of 2,000 services). A later dirty build finds every source
    changed, so it builds every page once, and stamps them.

    Raises OSError when the folder cannot be written.
    """
    written = stamps(site, site_name) if stamped else dict.fromkeys(site.pages, "")
    for path, stamp in written.items():
        target = folder / path
        text = f"{site.pages[path].markdown}\n<!-- kb-stamp:{stamp} -->\n" if stamp else site.pages[path].markdown
        data = text.encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            # Whole or not at all: two builds of the same notes (into two sites) may run at once.
            partial = target.with_name(f".{target.name}.{os.getpid()}")
            partial.write_bytes(data)
            partial.replace(target)
    return written


def strip_stamp(markdown: str) -> str:
    """The page's Markdown without the stamp line."""
    return _STAMP.sub("\n", markdown)
