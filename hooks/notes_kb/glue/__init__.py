"""MkDocs glue: the events that move data between MkDocs and the pipeline (`KbPlugin`).

`hooks/kb_hooks.py` registers these events; everything here is thin: options (`config.py`),
resolving `kb:` links and splicing HTML parts (`links.py`), showing sections inside other pages
(`compose.py`), and the Python-Markdown extension for tooltips and list numbers (`markdown.py`).
"""
