"""What the site's theme templates get from the knowledge base: `kb_once`.

    {{ kb_once("partials/kb-search.html") }}
    {{ kb_once("partials/some-partial.html", base_url) }}

renders the template with the page's context the first time it is asked for with those
arguments in a build, and gives the same text after that. For a partial whose text depends on
nothing but its arguments (the search dialog depends on the configuration only): Material renders
each partial anew on every page, and the search dialog alone was 4 % of building the pages of
2,000 services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jinja2 import pass_context
from markupsafe import Markup

if TYPE_CHECKING:
    from jinja2 import Environment
    from jinja2.runtime import Context


def add_globals(env: Environment) -> None:
    """Give the theme's templates `kb_once`, with nothing rendered yet (one build's environment)."""
    rendered: dict[tuple[Any, ...], Markup] = {}

    @pass_context
    def kb_once(context: Context, name: str, *key: Any) -> Markup:
        if (name, *key) not in rendered:
            # As `{% include %}` renders a template: with the context of the page that includes it.
            text = context.environment.get_template(name).render(context.get_all())
            rendered[(name, *key)] = Markup(text)
        return rendered[(name, *key)]

    env.globals["kb_once"] = kb_once
