"""The site's page conversion without a full MkDocs build, for fast tests of the render stage.

Python-Markdown with mkdocs.yml's own extensions and settings plus the notes extension, HTML
parts spliced and sections composed exactly as the glue does (`notes_kb.glue`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config

from notes_kb.build import Build, BuildOptions, build
from notes_kb.glue.compose import Composer
from notes_kb.glue.links import splice_parts
from notes_kb.glue.markdown import NotesExtension
from notes_kb.render import RenderOptions
from notes_kb.render.fragments import Fragments
from notes_kb.render.pages.common import Page
from notes_kb.render.paths import notes_page

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = [PROJECT / "overrides"]


@functools.cache
def site_markdown_config() -> tuple[tuple[Any, ...], dict[str, Any]]:
    """mkdocs.yml's `markdown_extensions` and their settings."""
    config = load_config(str(PROJECT / "mkdocs.yml"))
    return tuple(config.markdown_extensions), dict(config.mdx_configs)


def render_options() -> RenderOptions:
    """The render options the site uses."""
    _extensions, configs = site_markdown_config()
    return RenderOptions(template_dirs=TEMPLATES, highlight=dict(configs.get("pymdownx.highlight", {})))


def build_notes(notes_dir: Path, root: Path | None = None) -> Build:
    """`notes_kb.build` of a folder, with the site's render options."""
    return build(notes_dir, BuildOptions(root=root or notes_dir, render=render_options()))


def convert(page: Page, abbreviations: dict[str, str] | None = None) -> str:
    """One generated page as HTML: converted, every part spliced in (sections still markers)."""
    extensions, configs = site_markdown_config()
    md = markdown.Markdown(extensions=[*extensions, NotesExtension(abbreviations or {})], extension_configs=configs)
    return splice_parts(md.convert(page.markdown), page.parts)


def converted_site(result: Build) -> dict[str, str]:
    """Every generated page as HTML, sections composed into their parents and the full notes."""
    site = result.site
    raw = {path: convert(page, site.abbreviations) for path, page in site.pages.items()}
    composer = Composer(raw.get, site.sections, Fragments(TEMPLATES))
    notes = {notes_page(topic.slug) for topic in result.kb.topics}
    return {path: composer.compose(html, anchors=path in notes) for path, html in raw.items()}
