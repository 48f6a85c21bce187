"""Names: expansions, acronyms, vendor prefixes and the name finder (table-driven)."""

from __future__ import annotations

import pytest

from notes_kb.extract.attach import find_names, text_lines
from notes_kb.extract.names import (
    NameFinder,
    acronym_letters,
    initials,
    is_expansion,
    split_expansion,
    strip_vendor,
    vendor_prefixes,
)
from notes_kb.source import parse


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("EC2 (Elastic Compute Cloud)", ("EC2", "Elastic Compute Cloud")),
        ("DMS (Data Migration)", ("DMS", "Data Migration")),
        ("Lambda", ("Lambda", None)),
        ("  ASG   (Auto Scaling Group) ", ("ASG", "Auto Scaling Group")),
        ("A (b) c", ("A (b) c", None)),
    ],
)
def test_split_expansion(text: str, parts: tuple[str, str | None]) -> None:
    assert split_expansion(text) == parts


@pytest.mark.parametrize(
    ("acronym", "expansion", "expected"),
    [
        ("VPC", "Virtual Private Cloud", True),
        ("IaaS", "Infrastructure-as-a-Service", True),
        ("EC2", "Elastic Compute Cloud", True),
        ("S3", "Simple Storage Service", True),
        ("IAM", "Identity and Access Management", True),
        ("IAM", "Identity Access and Management", True),
        ("ETL", "Extract, Transform, Load", True),
        ("AZs", "Availability Zones", True),
        ("GDPR", "Europe", False),
        ("DMS", "Data Migration", False),
        ("DAX", "DynamoDB Accelerator", False),
        ("Europe", "Every Unit", False),
    ],
)
def test_is_expansion(acronym: str, expansion: str, expected: bool) -> None:
    assert is_expansion(acronym, expansion) is expected


@pytest.mark.parametrize(("text", "letters"), [("EC2", "ecc"), ("AZs", "az"), ("Lambda", None), ("K0", None)])
def test_acronym_letters(text: str, letters: str | None) -> None:
    assert acronym_letters(text) == letters


def test_initials() -> None:
    assert initials("Elastic Load Balancing") == "ELB"
    assert initials("Identity and Access Management") == "IAM"


def test_vendor_prefixes_come_from_the_topic_title() -> None:
    assert vendor_prefixes("AWS (Amazon Web Services)") == ["Amazon Web Services", "Amazon", "AWS"]
    assert strip_vendor("AWS Lambda", ["AWS"]) == "Lambda"
    assert strip_vendor("AWS", ["AWS"]) == "AWS"


def finder() -> NameFinder:
    names = NameFinder()
    for name, slug in [("EC2", "ec2"), ("EC2 Auto Scaling", "asg"), ("Lambda", "lambda"), ("X-Ray", "x-ray")]:
        names.add(name, slug)
    return names


@pytest.mark.parametrize(
    ("text", "slugs"),
    [
        ("EC2 Auto Scaling adds EC2 instances", ["asg", "ec2"]),
        ("lambda-specific code in Lambda.", ["lambda"]),
        ("EC2s and XEC2 are not names", []),
        ("X-Ray traces", ["x-ray"]),
    ],
)
def test_name_finder_whole_words_longest_first(text: str, slugs: list[str]) -> None:
    assert [hit.key for hit in finder().find(text)] == slugs


def test_names_in_code_or_links_are_not_found() -> None:
    document, _ = parse("- `EC2` in code, [EC2 docs](https://x/EC2) and Lambda outside\n", "n.md")
    [line] = list(text_lines(document.children))
    assert [hit.key for hit in find_names(line, finder())] == ["lambda"]
