"""Hover previews: what each target's card says (render stage) and what each page carries (glue)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from notes_kb.glue.previews import MAX_PER_PAGE, PreviewDigests, PreviewEmbedder, script_json
from notes_kb.render.previews import MAX_CHARS, MAX_LINES, Preview, previews
from pipeline import build_notes

PROJECT = Path(__file__).resolve().parent.parent
_SCRIPT = re.compile(r'<script type="application/json" class="kb-previews">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def aws() -> dict[str, Preview]:
    result = build_notes(PROJECT / "notes", PROJECT)
    assert result.site.previews == previews(result.kb)
    return result.site.previews


def test_ec2_preview_from_the_aws_notes(aws: dict[str, Preview]) -> None:
    ec2 = aws["aws/services/ec2.md"]
    assert ec2.kind == "service"
    assert ec2.title == "EC2 — Elastic Compute Cloud"
    assert ec2.meta == "Service · Compute · Servers"
    assert ec2.summary == "Virtual servers in the cloud"
    # Its first lines below the catalog line the summary comes from.
    assert ec2.lines == (
        "Instance types: General purpose, Compute optimized, Memory optimized, Accelerated computing, "
        "Storage optimized",
        "Steps to create EC2: Choose AMI → Choose instance type → Configure Instance → Add Storage → "
        "Add tags → Configure Security Groups → Review",
        "AMI (Amazon Machine Image): Provides information required to launch an instance",
    )


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("aws/sections/general-points.md", ("section", "General Points", "", "AWS (Amazon Web Services): ")),
        ("aws/categories/compute.md", ("category", "Compute", "", "EC2: Virtual servers in the cloud")),
        ("aws/flow/servers.md", ("layer", "Servers", "Where code runs", "EC2: Virtual servers in the cloud")),
        ("aws/glossary.md#vpc", ("term", "VPC", "Virtual Private Cloud", "VPC (Virtual Private Cloud): ")),
    ],
)
def test_previews_of_other_targets(aws: dict[str, Preview], key: str, expected: tuple[str, str, str, str]) -> None:
    kind, title, summary, first_line = expected
    preview = aws[key]
    assert (preview.kind, preview.title, preview.summary) == (kind, title, summary)
    assert preview.lines[0].startswith(first_line)


def test_every_preview_is_bounded(aws: dict[str, Preview]) -> None:
    kinds = {p.kind for p in aws.values()}
    assert kinds == {"service", "section", "category", "layer", "term"}
    for preview in aws.values():
        assert len(preview.lines) <= MAX_LINES
        assert all(0 < len(line) <= MAX_CHARS for line in preview.lines)
        assert len(preview.title) <= MAX_CHARS
        assert len(json.dumps(preview.as_dict(), ensure_ascii=False)) < 1000


def test_a_long_category_says_how_many_more(aws: dict[str, Preview]) -> None:
    assert aws["aws/categories/compute.md"].lines[-1] == "… and 6 more"
    assert aws["aws/categories/compute.md"].meta == "Category · 8 services"


# --- Embedding: each page carries the previews of what its content links to --------------------

EC2 = Preview("service", "EC2", "Service", "Virtual servers", ("a </script><!-- line",))
LAMBDA = Preview("service", "Lambda", "Service", "Serverless", ())
VPC = Preview("term", "VPC", "Glossary", "Virtual Private Cloud", ())
PREVIEWS = {"aws/services/ec2.md": EC2, "aws/services/lambda.md": LAMBDA, "aws/glossary.md#vpc": VPC}
HOSTED = {"aws/services/ec2/": "aws/services/ec2.md", "aws/services/lambda/": "aws/services/lambda.md"}
HOSTED["aws/glossary/"] = "aws/glossary.md"


def page(content: str, nav: str = "") -> str:
    return (
        f'<html><body><nav>{nav}</nav><article class="md-content__inner md-typeset">{content}</article>'
        "<footer></footer></body></html>"
    )


def embedded(html: str) -> dict[str, dict[str, object]]:
    (data,) = _SCRIPT.findall(html)
    found: dict[str, dict[str, object]] = json.loads(data)
    return found


def test_a_page_carries_what_its_content_links_to_keyed_as_written() -> None:
    content = (
        '<p><a href="../ec2/">EC2</a>, <a class="x" href="../ec2/#L12">again</a>, '
        '<a href="../../glossary/#vpc">VPC</a>, <a href="../../glossary/#nope">?</a>, '
        '<a href="https://example.org/">out</a>, <a href="#top">top</a></p>'
    )
    html = PreviewEmbedder(PREVIEWS, HOSTED).embed(
        page(content, nav='<a href="../lambda/">Lambda</a>'), "aws/services/x/"
    )
    data = embedded(html)
    # Lambda is only in the nav; the unknown term has no preview.
    assert list(data) == ["../ec2/", "../ec2/#L12", "../../glossary/#vpc"]
    assert data["../ec2/"] == EC2.as_dict()
    assert data["../../glossary/#vpc"]["s"] == "Virtual Private Cloud"
    # At the end of the article, where the page's content is swapped by instant navigation.
    assert html.index('class="kb-previews"') < html.index("</article>")
    assert "</script><!--" not in html.split('class="kb-previews">')[1].split("</script>")[0]


def test_offline_urls_and_no_preview_of_the_page_itself() -> None:
    urls = {"aws/services/ec2.html": "aws/services/ec2.md", "aws/services/lambda.html": "aws/services/lambda.md"}
    content = '<a href="ec2.html">self</a> <a href="lambda.html">Lambda</a> <a href="../services/lambda.html">L</a>'
    data = embedded(PreviewEmbedder(PREVIEWS, urls).embed(page(content), "aws/services/ec2.html"))
    assert list(data) == ["lambda.html", "../services/lambda.html"]


def test_a_page_without_such_links_is_left_alone() -> None:
    html = page('<a href="../other/">other</a>')
    assert PreviewEmbedder(PREVIEWS, HOSTED).embed(html, "aws/services/ec2/") == html
    assert PreviewEmbedder(PREVIEWS, HOSTED).embed("<p>no article</p>", "") == "<p>no article</p>"


def test_a_page_carries_at_most_max_per_page_targets() -> None:
    many = {f"s/{i}.md": Preview("service", str(i), "", "", ()) for i in range(MAX_PER_PAGE + 50)}
    urls = {f"s/{i}/": f"s/{i}.md" for i in range(MAX_PER_PAGE + 50)}
    content = "".join(f'<a href="../{i}/">{i}</a>' for i in range(MAX_PER_PAGE + 50))
    data = embedded(PreviewEmbedder(many, urls).embed(page(content), "s/index/"))
    assert len(data) == MAX_PER_PAGE
    assert next(iter(data)) == "../0/"


def test_script_json_cannot_close_its_script() -> None:
    text = script_json({"t": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert json.loads(text) == {"t": "</script><script>alert(1)</script> & <!--"}


def test_a_page_is_stamped_with_the_previews_it_will_carry() -> None:
    # Under `mkdocs serve --dirty`, a page is built again when a preview it carries changes.
    digests = PreviewDigests(PREVIEWS)
    markdown = "See [EC2](../services/ec2.md#L3) and [VPC](../glossary.md#vpc), [home](../index.md)."
    parts = ['<a href="kb:aws/services/lambda.md">Lambda</a>']
    text = digests.of("aws/sections/x.md", markdown, parts)
    for preview in (EC2, LAMBDA, VPC):
        assert script_json(preview.as_dict()) in text
    # Parts read as UTF-8 (`Parts.encoded`, not decoded for this) give the same digest.
    assert digests.of("aws/sections/x.md", markdown, [part.encode() for part in parts]) == text
    assert digests.of("aws/sections/x.md", "[out](https://example.org/a.md)", []) == ""
    changed = PreviewDigests({**PREVIEWS, "aws/services/ec2.md": LAMBDA})
    assert changed.of("aws/sections/x.md", markdown, parts) != text
