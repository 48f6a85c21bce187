"""The notes' lists that name services: catalogs, the overview, "by Category" and the flow.

Strongest source first (design.md, "Finding services"): bold list items under `### … Services`
catalog headings (the heading gives the category), then the overview list (`… Services …:` over a
comma-separated list), the "by Category" list (`**Compute**: EC2, Lambda`) and the flow
(`**1️⃣ Web (How users come in)** - 6 Services: Route 53, …`), which gives the layers in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..diagnostics import Check, Diagnostic
from ..slugs import slugify, unique_slug
from .model import FlowLayer
from .names import split_expansion

if TYPE_CHECKING:
    from .outline import Bullet, Outline
    from .registry import Registry

_CATALOG_HEADING = re.compile(r"^(?P<category>.+?)\s+Services$", re.IGNORECASE)
_OVERVIEW = re.compile(r"\bservices\b.*:\s*$", re.IGNORECASE)
_BY_CATEGORY = re.compile(r"\bby\s+category\b", re.IGNORECASE)
_LAYER = re.compile(r"^(?P<count>\d+)\s+services?\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_LAYER_LABEL = re.compile(r"^[^A-Za-z]*(?P<name>.+)$", re.DOTALL)


def read_catalogs(outlines: list[Outline], registry: Registry) -> None:
    """Bold items under `### Compute Services` headings: the strongest source of services."""
    for out in outlines:
        for heading in out.headings:
            match = _CATALOG_HEADING.match(heading.title)
            if heading.level < 3 or not match:
                continue
            bullets = [b for b in out.bullets if heading.line < b.line <= heading.end and b.bold and b.label]
            if not bullets:
                continue
            top = min(b.depth for b in bullets)
            for bullet in (b for b in bullets if b.depth == top):
                assert bullet.label is not None
                service = registry.add(bullet.label, bullet.line)
                service.summary = service.summary or bullet.rest
                registry.categorize(service, match["category"], heading.line)


@dataclass
class ListsFound:
    """The flow layers and the problems with them."""

    layers: list[FlowLayer]
    diagnostics: list[Diagnostic]


def read_lists(outlines: list[Outline], registry: Registry, path: str) -> ListsFound:
    """The overview list, the "by Category" list and the flow list."""
    found = ListsFound([], [])
    layer_slugs: set[str] = set()
    for out in outlines:
        for bullet in out.bullets:
            children = bullet.children
            if not children:
                continue
            if _BY_CATEGORY.search(bullet.text):
                for child in children:
                    if child.label and child.bold:
                        for name in split_names(child.rest):
                            registry.categorize(registry.add(name, child.line), child.label, child.line)
            elif all(child.bold and child.label and _LAYER.match(child.rest) for child in children):
                for child in children:
                    layer = _layer(child, registry, len(found.layers) + 1, layer_slugs)
                    found.layers.append(layer)
                    found.diagnostics += _count_check(layer, path)
            elif _OVERVIEW.search(bullet.text) and all(not c.bold and len(split_names(c.text)) > 2 for c in children):
                for child in children:
                    for name in split_names(child.text):
                        registry.add(name, child.line)
    return found


def _count_check(layer: FlowLayer, path: str) -> list[Diagnostic]:
    if layer.declared_count is None or layer.declared_count == len(layer.services):
        return []
    said = f"{layer.declared_count} service{'' if layer.declared_count == 1 else 's'}"
    message = f'flow layer "{layer.label}" says {said} but lists {len(layer.services)}'
    return [Diagnostic(path, layer.line, message, Check.LAYER_COUNT)]


def _layer(bullet: Bullet, registry: Registry, order: int, taken: set[str]) -> FlowLayer:
    assert bullet.label is not None
    match = _LAYER.match(bullet.rest)
    label = _LAYER_LABEL.match(bullet.label)
    assert match is not None
    assert label is not None
    name, description = split_expansion(label["name"])
    slug = unique_slug(slugify(name) or f"layer-{order}", taken)
    services: list[str] = []
    for written in split_names(match["names"]):
        service = registry.add(written, bullet.line)
        if service.slug not in services:
            services.append(service.slug)
        if slug not in service.layers:
            service.layers.append(slug)
    return FlowLayer(
        name=name,
        order=order,
        slug=slug,
        description=description or "",
        label=bullet.label,
        declared_count=int(match["count"]),
        services=tuple(services),
        line=bullet.line,
    )


def split_names(text: str) -> list[str]:
    """`EC2, DMS (Data Migration), X-Ray` → names; commas inside parentheses do not split."""
    names, depth, current = [], 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [" ".join(n.split()).strip(" .") for n in names if n.strip(" .")]
