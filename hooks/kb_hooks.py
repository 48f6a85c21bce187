"""MkDocs entry point of the knowledge base (registered under `hooks:` in mkdocs.yml).

MkDocs puts this folder on `sys.path` only while it executes this module, so the pipeline package
is imported here at the top. The events are those of one `KbPlugin` (`notes_kb.glue.plugin`),
which makes each build's state anew in `on_config`; this module only lends them to MkDocs.
"""

from __future__ import annotations

from notes_kb.glue.plugin import KbPlugin

_plugin = KbPlugin()

on_config = _plugin.on_config
on_files = _plugin.on_files
on_page_content = _plugin.on_page_content
on_env = _plugin.on_env
on_post_page = _plugin.on_post_page
on_serve = _plugin.on_serve
