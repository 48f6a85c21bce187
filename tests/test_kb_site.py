"""End to end: the built knowledge pages of the AWS notes and of a second cloud's notes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT
from labels import AWS_CERTIFICATIONS, AWS_SERVICES
from sitebuild import build_site, warnings_of

SCHEMA = json.loads((Path(__file__).parent / "kb.schema.json").read_text(encoding="utf-8"))
NIMBUS = PROJECT / "tests" / "golden" / "nimbus" / "notes"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(path: Path) -> BeautifulSoup:
    page = soup(path).select_one("article")
    assert page is not None
    return page


def test_one_page_per_service(aws_site: Path) -> None:
    pages = sorted((aws_site / "aws" / "services").glob("*/index.html"))
    titles = {article(p).select_one("h1").get_text().rstrip("¶").split(" — ")[0] for p in pages}
    assert titles == AWS_SERVICES
    assert (aws_site / "aws" / "services" / "index.html").is_file()


def test_service_page_has_title_chips_fragments_mentions_related(aws_site: Path) -> None:
    page = article(aws_site / "aws" / "services" / "ec2" / "index.html")
    assert page.select_one("h1").get_text().rstrip("¶") == "EC2 — Elastic Compute Cloud"
    chips = [a.get_text() for a in page.select(".kb-chips a.kb-chip")]
    assert chips == ["Compute", "2 · Servers"]
    hrefs = [a["href"] for a in page.select(".kb-chips a")]
    assert hrefs == ["../../categories/compute/", "../../flow/servers/"]
    headings = [h.get_text().rstrip("¶") for h in page.select("h2")]
    assert headings == ["What the notes say", "Mentioned in", "Related services", "Graph"]
    graph = [a["href"] for a in page.select(".kb-graph a[data-kb-node]")]
    assert graph[:2] == ["./", "../asg/"]  # the page itself first, then its related services
    assert "../../categories/compute/" in graph
    assert "../../sections/general-points/" in graph
    assert "Virtual servers in the cloud" in page.select_one(".kb-summary").get_text()
    sources = [a["href"] for a in page.select(".kb-source a")]
    assert "../../notes/#L97" in sources
    assert not [a for a in page.select("a") if a.get("href", "").endswith("/services/ec2/")]


def test_lambda_page_holds_facts_from_every_part_of_the_notes(aws_site: Path) -> None:
    text = " ".join(article(aws_site / "aws" / "services" / "lambda" / "index.html").get_text(" ").split())
    for fact in ["15 minutes", "512 MB", "128 MB to 10,240 MB", "retried at least three times",
                 "Handler", "Controller", "1 million free requests", "AWS Lambda Launch - 2014"]:  # fmt: skip
        assert fact in text


def test_links_back_to_the_line_in_the_full_notes(aws_site: Path) -> None:
    notes = soup(aws_site / "aws" / "notes" / "index.html")
    page = article(aws_site / "aws" / "services" / "lambda" / "index.html")
    anchors = {a["href"].split("#")[1] for a in page.select("a[href*='notes/#']")}
    assert anchors
    for anchor in anchors:
        assert notes.find(id=anchor) is not None, anchor
    target = notes.find(id="L11")
    assert target is not None
    assert "AWS Lambda Launch - 2014" in target.parent.get_text()


def test_category_and_layer_named_security_are_distinct_pages(aws_site: Path) -> None:
    category = article(aws_site / "aws" / "categories" / "security" / "index.html").get_text(" ")
    layer = article(aws_site / "aws" / "flow" / "security" / "index.html").get_text(" ")
    assert "GuardDuty" in category
    assert "GuardDuty" not in layer
    assert "Cognito" in layer


def test_categories_index_counts(aws_site: Path) -> None:
    rows = article(aws_site / "aws" / "categories" / "index.html").select("tbody tr")
    counts = {r.select("td")[0].get_text(): int(r.select("td")[2].get_text()) for r in rows}
    assert counts["Compute"] == 8
    assert len(counts) == 11


def test_flow_page_lists_layers_in_order_with_a_diagram(aws_site: Path) -> None:
    page = article(aws_site / "aws" / "flow" / "index.html")
    boxes = page.select(".kb-flow > ol > li")
    assert [b.select_one("strong").get_text() for b in boxes][:3] == ["Web", "Servers", "Security"]
    assert len(boxes) == 8


def test_certifications_table_as_written(aws_site: Path) -> None:
    page = article(aws_site / "aws" / "certifications" / "index.html")
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select(".kb-sortable tbody tr")]
    assert [(r[0], r[2], r[1]) for r in rows] == AWS_CERTIFICATIONS
    study = page.select(".kb-sortable tbody tr")[2].select("td")[3].select("a")
    # The study section, then the certification's flashcards.
    assert [a["href"] for a in study] == [
        "../sections/aws-certified-developer-associate/",
        "../study/aws-certified-developer-associate/",
    ]
    assert study[1].get_text() == "5 flashcards"


def test_glossary_page_and_tooltips_everywhere(aws_site: Path) -> None:
    glossary = article(aws_site / "aws" / "glossary" / "index.html").get_text(" ")
    assert "Virtual Private Cloud" in glossary
    section = article(aws_site / "aws" / "sections" / "core-aws-services" / "index.html")
    abbr = section.find("abbr", string="VPC")
    assert abbr is not None
    assert abbr["title"] == "Virtual Private Cloud"
    assert not section.select("code abbr, pre abbr")


def test_full_notes_link_first_mentions(aws_site: Path) -> None:
    notes = article(aws_site / "aws" / "notes" / "index.html")
    # General Points has no sub-headings: one section, so EC2 links once however often it is named.
    general = next(d for d in notes.select("details") if d.summary.get_text() == "General Points")
    links = [a["href"] for a in general.select("a[href*='/services/']")]
    assert links.count("../services/ec2/") == 1
    assert general.get_text().count("EC2") > 3
    assert not notes.select("h1 a[href*='/services/'], h2 a[href*='/services/'], h3 a[href*='/services/']")
    assert not notes.select("code a[href*='/services/']")


def test_kb_json_validates_and_matches_the_site(aws_site: Path) -> None:
    data = json.loads((aws_site / "kb.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    [topic] = data["topics"]
    assert topic["source"] == "notes/aws.md"
    assert {s["name"] for s in topic["services"]} == AWS_SERVICES
    for thing in [*topic["services"], *topic["sections"], *topic["categories"], *topic["layers"]]:
        assert (aws_site / thing["url"] / "index.html").is_file()
    for key in ["url", "notes_url", "services_url", "categories_url", "flow_url", "certifications_url", "glossary_url"]:
        assert (aws_site / topic[key] / "index.html").is_file()
    asg = next(s for s in topic["services"] if s["name"] == "ASG")
    assert {"Auto Scaling", "EC2 Auto Scaling"} <= set(asg["aliases"])


def test_service_pages_are_out_of_the_nav_but_reachable(aws_site: Path) -> None:
    page = soup(aws_site / "aws" / "index.html")
    nav = [a["href"] for a in page.select("nav.md-nav--primary a")]
    assert not [href for href in nav if "/services/" in href and not href.rstrip("/").endswith("services")]
    assert any(href.endswith("services/") for href in nav)


@pytest.fixture(scope="module")
def nimbus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("nimbus")
    result = build_site(dest, NIMBUS)
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == []
    return dest


def test_a_second_cloud_builds_the_same_kind_of_site(nimbus_site: Path) -> None:
    data = json.loads((nimbus_site / "kb.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    [topic] = data["topics"]
    assert len(topic["services"]) == 19
    assert [layer["name"] for layer in topic["layers"]] == ["Entry", "Run", "Keep", "Guard", "Flow"]
    assert [(c["name"], c["rating"]) for c in topic["certifications"]][-1] == (
        "NCP Certified Security Specialty",
        "9.99",
    )
    fleet = next(s for s in topic["services"] if s["name"] == "Fleet")
    assert fleet["aliases"] == ["Autoscale Groups"]
    functions = article(nimbus_site / "nimbus" / "services" / "functions" / "index.html").get_text(" ")
    for fact in ["Maximum run time: 9 minutes", "retried 5 times", "Cold start under 200 ms"]:
        assert fact in functions
    code = article(nimbus_site / "nimbus" / "notes" / "index.html").select("pre code")
    assert code
    assert not [c for c in code if c.select("a[href*='/services/']")]
    assert "<Vault>" in code[0].get_text()
