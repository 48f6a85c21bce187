"""The knowledge indexes: services A–Z, categories, the service flow and its layers.

Each lists services with their summaries, left out of search: a summary belongs to its
service's page, which is the better hit. Links are relative `.md` targets MkDocs resolves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...extract.names import split_expansion
from .. import paths
from .common import EXCLUDED, Page, cell, front_matter, heading, text

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...extract.model import Category, FlowLayer, Topic


def index_title(topic: Topic, what: str) -> str:
    """An index page's title: `AWS services` (the short name keeps other words out of search)."""
    return f"{split_expansion(topic.title)[0]} {what}"


def render_services_index(topic: Topic) -> Page:
    """All services A–Z with their summaries."""
    here = paths.services_index(topic.slug)
    out = [*front_matter(exclude=True), heading(1, index_title(topic, "services")), ""]
    out += [f"{len(topic.services)} services, A–Z.", ""]
    out += _service_list(topic, [s.slug for s in topic.services], here)
    return Page("\n".join(out))


def render_categories_index(topic: Topic) -> Page:
    """Every category with its services and their count."""
    here = paths.categories_index(topic.slug)
    out = [heading(1, index_title(topic, "categories")), "", f"<div markdown {EXCLUDED}>", ""]
    out += ["| Category | Services | Count |", "| --- | --- | ---: |"]
    for category in topic.categories:
        names = _linked_names(topic, category.services, here, cell)
        page = paths.relative_link(here, paths.category_page(topic.slug, category.slug))
        out.append(f"| [{cell(category.name)}]({page}) | {names} | {len(category.services)} |")
    out += ["", "</div>", ""]
    return Page("\n".join(out))


def render_category_page(topic: Topic, category: Category) -> Page:
    """One category: its services with summaries."""
    here = paths.category_page(topic.slug, category.slug)
    topic_link = paths.relative_link(here, paths.topic_page(topic.slug))
    index_link = paths.relative_link(here, paths.categories_index(topic.slug))
    out = [
        heading(1, category.name),
        "",
        f"Category of [{text(topic.title)}]({topic_link}) · {len(category.services)} services · "
        f"[all categories]({index_link})",
        "{: .kb-source }",
        "",
    ]
    out += _service_list(topic, category.services, here)
    return Page("\n".join(out))


def flow_diagram(topic: Topic, here: str) -> list[str]:
    """The layers in order as a diagram: boxes joined by arrows, drawn by CSS (no script, no CDN)."""
    out = [f'<div class="kb-flow" markdown {EXCLUDED}>', ""]
    for layer in topic.layers:
        names = _linked_names(topic, layer.services, here, text)
        page = paths.relative_link(here, paths.layer_page(topic.slug, layer.slug))
        out.append(f"{layer.order}. **[{text(layer.name)}]({page})**<br>{names}")
    out += ["", "</div>", ""]
    return out


def render_flow_page(topic: Topic) -> Page:
    """The service flow: layers in order, each with its services."""
    here = paths.flow_page(topic.slug)
    out = [*front_matter(boost=0.5), heading(1, index_title(topic, "service flow")), ""]
    out += flow_diagram(topic, here)
    for layer in topic.layers:
        page = paths.relative_link(here, paths.layer_page(topic.slug, layer.slug))
        out += [f"## {layer.order}. [{text(layer.name)}]({page})", ""]
        if layer.description:
            out += [f"*{text(layer.description)}*", ""]
        out += _service_list(topic, layer.services, here)
    return Page("\n".join(out))


def render_layer_page(topic: Topic, layer: FlowLayer) -> Page:
    """One flow layer, with links to its neighbours."""
    here = paths.layer_page(topic.slug, layer.slug)

    def link(to: FlowLayer) -> str:
        return paths.relative_link(here, paths.layer_page(topic.slug, to.slug))

    declared = (
        f" · the notes count {layer.declared_count}"
        if layer.declared_count is not None and layer.declared_count != len(layer.services)
        else ""
    )
    flow = paths.relative_link(here, paths.flow_page(topic.slug))
    out = [
        heading(1, layer.name),
        "",
        f"Layer {layer.order} of {len(topic.layers)} in the [service flow]({flow}) · "
        f"{len(layer.services)} services{declared} · as written: {text(layer.label)}",
        "{: .kb-source }",
        "",
    ]
    if layer.description:
        out += [f"*{text(layer.description)}*", ""]
    out += _service_list(topic, layer.services, here)
    neighbours = []
    if layer.order > 1:
        before = topic.layers[layer.order - 2]
        neighbours.append(f"← [{text(before.name)}]({link(before)})")
    if layer.order < len(topic.layers):
        after = topic.layers[layer.order]
        neighbours.append(f"[{text(after.name)}]({link(after)}) →")
    if neighbours:
        out += [" · ".join(neighbours), ""]
    return Page("\n".join(out))


def _service_list(topic: Topic, slugs: tuple[str, ...] | list[str], here: str) -> list[str]:
    """Services with their summaries, left out of search (each summary belongs to its service)."""
    out = [f"<div markdown {EXCLUDED}>", ""]
    for slug in slugs:
        service = topic.service(slug)
        summary = f" — {text(service.summary)}" if service.summary else ""
        link = paths.relative_link(here, paths.service_page(topic.slug, slug))
        out.append(f"- [{text(service.title)}]({link}){summary}")
    out += ["", "</div>", ""]
    return out


def _linked_names(topic: Topic, slugs: tuple[str, ...], here: str, escape: Callable[[str], str]) -> str:
    """`EC2, Lambda, …`, each name linked to its service page."""
    return ", ".join(
        f"[{escape(topic.service(s).name)}]({paths.relative_link(here, paths.service_page(topic.slug, s))})"
        for s in slugs
    )
