"""Study notes → knowledge base: the pipeline behind the site, one folder per stage.

    source/   notes text → document (CommonMark blocks with source lines, `<expand>` sections)
    extract/  document → knowledge model (services, categories, flow layers, certifications …)
    render/   model → pages (Markdown + HTML parts), nav and `kb.json`
    glue/     the MkDocs events that put the pages into a site

`build(notes_dir, options) -> Build` runs source, extract and render for a notes folder.
Only `glue/` imports MkDocs.
"""

from __future__ import annotations

from .build import Build, BuildOptions, build

__all__ = ["Build", "BuildOptions", "build"]
