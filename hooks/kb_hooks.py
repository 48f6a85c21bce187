"""MkDocs entry point of the knowledge base (registered under `hooks:` in mkdocs.yml).

MkDocs puts this folder on `sys.path` only while it executes this module, so the pipeline package
is imported here at the top. The events are those of one `KbPlugin` (`notes_kb.glue.plugin`),
which makes each build's state anew in `on_config`; this module only lends them to MkDocs, and
orders two of them against Material's search plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from mkdocs.plugins import event_priority

from notes_kb.glue.parallel import ParallelPages
from notes_kb.glue.plugin import KbPlugin

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

_parallel = ParallelPages()
_plugin = KbPlugin(apart=_parallel.apart)


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """See `KbPlugin.on_startup` and `ParallelPages.on_startup`."""
    _plugin.on_startup(command, dirty)
    _parallel.on_startup(command, dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """See `KbPlugin.on_config` and `ParallelPages.long_lived`."""
    with _parallel.long_lived():
        return _plugin.on_config(config)


on_pre_build = _plugin.on_pre_build
on_files = _plugin.on_files
on_page_markdown = _plugin.on_page_markdown
on_page_content = _plugin.on_page_content


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """See `KbPlugin.on_env`; then the pages, final now, are built on every core
    (`ParallelPages.on_env`; hooks run after plugins of the same priority)."""
    env = _plugin.on_env(env, config, files)
    _parallel.on_env(config, files, env, _plugin.on_post_page)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """See `KbPlugin.on_post_page` (done already for a page a worker built) and
    `ParallelPages.written` (hooks run after plugins)."""
    if not _parallel.built(page):
        output = _plugin.on_post_page(output, page, config)
    _parallel.written(page)
    return output


on_serve = _plugin.on_serve


@event_priority(-100)  # after every other plugin has changed the nav and its pages
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Convert the pages on every core (`notes_kb.glue.parallel`)."""
    _parallel.on_nav(nav, config, files)
    return nav


@event_priority(-100)  # after Material's search plugin has indexed the page
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """See `ParallelPages.after_search` and `KbPlugin.on_page_context`. A worker building the
    page hands its search entries to MkDocs' loop, which keeps them when it reaches the page."""
    _parallel.after_search(page, config)
    if _parallel.in_worker():
        return context
    return _plugin.on_page_context(context, page, config, nav)


@event_priority(100)  # before Material's search plugin writes the index
def on_post_build(config: MkDocsConfig) -> None:
    """See `ParallelPages.finish` and `KbPlugin.on_post_build`."""
    _parallel.finish()
    _plugin.on_post_build(config)


def on_build_error(error: Exception) -> None:
    """No worker is left building pages of a failed build (`ParallelPages.finish`)."""
    _parallel.finish(cancel=True)
