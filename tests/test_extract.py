"""Extract stage on the real AWS notes, against labelled truth, and on small cases."""

from __future__ import annotations

import pytest

from conftest import PROJECT, require_corpus
from labels import AWS_CATEGORIES, AWS_CERTIFICATIONS, AWS_LAYERS, AWS_NOT_SERVICES, AWS_SERVICES
from notes_kb.build import read_folder
from notes_kb.diagnostics import Check
from notes_kb.extract import extract
from notes_kb.extract.attach import text_lines
from notes_kb.extract.model import Service, Topic
from notes_kb.source import parse


@pytest.fixture(scope="module")
def aws() -> Topic:
    documents, aliases, problems = read_folder(PROJECT / "notes", PROJECT)
    kb, diagnostics = extract(documents, aliases)
    assert problems == []
    # The one thing the AWS notes say that does not add up (mkdocs.yml reports it as info).
    assert [(str(d), d.check) for d in diagnostics] == [
        ('notes/aws.md:47: flow layer "8️⃣ Flow / Orchestration" says 1 service but lists 2', Check.LAYER_COUNT)
    ]
    [topic] = kb.topics
    return topic


def section_title(topic: Topic, slug: str) -> str:
    return topic.document.section(slug).title


def by_name(topic: Topic, name: str) -> Service:
    matches = [s for s in topic.services if name in s.names()]
    assert len(matches) == 1, f"{name}: {[s.name for s in matches]}"
    return matches[0]


def test_services_precision_and_recall(aws: Topic) -> None:
    found = {s.name for s in aws.services}
    true_positives = found & AWS_SERVICES
    precision = len(true_positives) / len(found)
    recall = len(true_positives) / len(AWS_SERVICES)
    print(f"services: {len(found)} found, precision {precision:.2%}, recall {recall:.2%}")
    assert recall == 1.0, sorted(AWS_SERVICES - found)
    assert precision == 1.0, sorted(found - AWS_SERVICES)


@pytest.mark.parametrize("name", AWS_NOT_SERVICES)
def test_non_services_get_no_page(aws: Topic, name: str) -> None:
    assert all(s.name != name and s.slug != name.lower() for s in aws.services)


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (["ASG", "Auto Scaling Group", "Auto Scaling", "EC2 Auto Scaling"], "ASG"),
        (["ELB", "Elastic Load Balancing"], "Elastic Load Balancing"),
        (["AWS Lambda", "Lambda"], "Lambda"),
        (["DMS", "Data Migration", "Database Migration Service"], "DMS"),
        (["AWS Fargate", "Fargate"], "Fargate"),
    ],
)
def test_aliases_merge_into_one_service(aws: Topic, names: list[str], canonical: str) -> None:
    assert {by_name(aws, name).name for name in names} == {canonical}


def test_full_names(aws: Topic) -> None:
    assert by_name(aws, "EC2").title == "EC2 — Elastic Compute Cloud"
    assert by_name(aws, "DMS").full_name == "Database Migration Service"
    assert by_name(aws, "S3").full_name == "Simple Storage Service"


def test_categories_match_the_notes(aws: Topic) -> None:
    found = {c.name: {aws.service(slug).name for slug in c.services} for c in aws.categories}
    assert found == AWS_CATEGORIES


def test_flow_layers_in_order(aws: Topic) -> None:
    found = [(layer.name, [aws.service(slug).name for slug in layer.services]) for layer in aws.layers]
    assert found == AWS_LAYERS
    assert [layer.order for layer in aws.layers] == list(range(1, 9))
    # The notes say "1 Service" and list two: both are kept, and so is the count as written.
    assert aws.layers[-1].declared_count == 1


def test_a_category_and_a_layer_with_the_same_name_stay_distinct(aws: Topic) -> None:
    category = next(c for c in aws.categories if c.name == "Security")
    layer = next(layer for layer in aws.layers if layer.name == "Security")
    assert {aws.service(s).name for s in category.services} != {aws.service(s).name for s in layer.services}


def test_certifications_exactly_as_written(aws: Topic) -> None:
    assert [(c.name, c.rating, c.level) for c in aws.certifications] == AWS_CERTIFICATIONS
    sections = {c.name: c.sections for c in aws.certifications}
    assert sections["AWS Certified Developer Associate"] == ("aws-certified-developer-associate",)
    assert sections["AWS Certified Cloud Practitioner"] == ("aws-cloud-practitioner-essentials",)


def test_glossary(aws: Topic) -> None:
    terms = {t.term: t.expansion for t in aws.glossary}
    assert terms["VPC"] == "Virtual Private Cloud"
    assert terms["IaaS"] == "Infrastructure-as-a-Service"
    assert terms["MFA"] == "Multi-Factor Authentication"
    assert "GDPR" not in terms


def _sections_about(topic: Topic, name: str) -> set[str]:
    service = by_name(topic, name)
    return {section_title(topic, f.section) for f in service.fragments} | {
        section_title(topic, m.section) for m in service.mentions
    }


@pytest.mark.parametrize("name", ["Lambda", "S3", "EC2", "Cognito", "IAM", "ASG"])
def test_service_facts_come_from_three_sections_or_more(aws: Topic, name: str) -> None:
    assert len(_sections_about(aws, name)) >= 3, _sections_about(aws, name)


def test_lambda_gathers_everything(aws: Topic) -> None:
    lambda_ = by_name(aws, "Lambda")
    fragment_text = "\n".join(line.text for f in lambda_.fragments for line in text_lines(f.blocks))
    for fact in [
        "Maximum execution timeout: 15 minutes",
        "Ephemeral disk space: 512 MB",
        "Memory range: 128 MB to 10,240 MB",
        "retried at least three times",
        "Handler: Function configuration",
        "1 million free requests",
    ]:
        assert fact in fragment_text
    assert "AWS Lambda Launch - 2014" in [m.snippet for m in lambda_.mentions]
    sources = {section_title(aws, f.section) for f in lambda_.fragments}
    assert {"Core AWS Services", "AWS Services Details", "AWS Best Practices", "Serverless Development"} <= sources


def test_mentions_are_not_fragments(aws: Topic) -> None:
    for service in aws.services:
        for mention in service.mentions:
            assert not any(f.line <= mention.line <= f.end for f in service.fragments), service.name


def test_related_services(aws: Topic) -> None:
    assert "dax" in by_name(aws, "DynamoDB").related
    assert all(slug != "lambda" for slug in by_name(aws, "Lambda").related)


def test_real_notes_without_a_catalog_have_no_services() -> None:
    corpus = require_corpus()
    for file in sorted(corpus.glob("*.md")):
        document, _ = parse(file.read_text(encoding="utf-8"), file.name)
        topic = extract([document])[0].topics[0]
        assert topic.services == (), (file.name, [s.name for s in topic.services])
        assert topic.categories == ()
        assert topic.layers == ()
        assert topic.certifications == ()


def test_glossary_rejects_parentheses_that_are_not_expansions() -> None:
    document, _ = parse(
        '# T\n<expand title="A">\n- GDPR (Europe)\n- VPC (Virtual Private Cloud)\n- ACL (see above)\n</expand>\n',
        "t.md",
    )
    topic = extract([document])[0].topics[0]
    assert [(g.term, g.expansion) for g in topic.glossary] == [("VPC", "Virtual Private Cloud")]
