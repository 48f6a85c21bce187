"""Notes → knowledge-base site: parse, extract and render stages, free of MkDocs.

`load.build_knowledge_base` runs parse and extract over a notes folder; `render.render_site` turns the
result into Markdown pages. Only `hooks/kb_hooks.py` talks to MkDocs.
"""
