"""Flashcards: read off the AWS notes, the corpus and small cases; stable ids; the study pages."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, require_corpus
from notes_kb.build import read_folder
from notes_kb.extract import extract, extract_topic
from notes_kb.extract.model import Topic
from notes_kb.render.pages.study import certification_slug
from notes_kb.source import parse
from notes_kb.study import Card, CardKind, Deck, deck
from pipeline import build_notes, convert, converted_site

AWS_COUNTS = {CardKind.TERM: 201, CardKind.EXPANSION: 60, CardKind.SERVICE: 46, CardKind.CERTIFICATION: 11}
"""The AWS notes' deck by kind (the closing figures of the feature; change only with the notes)."""


def topic_of(text: str, path: str = "notes/t.md") -> Topic:
    document, _diagnostics = parse(text, path)
    topic, _problems = extract_topic(document, "t", None)
    return topic


@pytest.fixture(scope="module")
def aws() -> Topic:
    documents, aliases, _problems = read_folder(PROJECT / "notes", PROJECT)
    kb, _diagnostics = extract(documents, aliases)
    return kb.topics[0]


def assert_clean(cards: tuple[Card, ...]) -> None:
    """No card without a front or back, no two alike, no id twice."""
    assert all(card.front.strip() and card.back_text.strip() for card in cards)
    pairs = Counter((" ".join(c.front.split()).casefold(), " ".join(c.back_text.split()).casefold()) for c in cards)
    assert [pair for pair, n in pairs.items() if n > 1] == []
    ids = Counter(card.id for card in cards)
    assert [identity for identity, n in ids.items() if n > 1] == []


def test_aws_deck_by_kind(aws: Topic) -> None:
    found = deck(aws)
    counts = {kind: found.count(kind) for kind in CardKind}
    print("AWS deck:", {kind.value: n for kind, n in counts.items()}, "total", len(found.cards))
    assert counts == AWS_COUNTS
    assert_clean(found.cards)


def test_aws_cards_say_what_the_notes_say(aws: Topic) -> None:
    cards = {(c.kind, c.front): c for c in deck(aws).cards}
    lambda_ = cards[(CardKind.SERVICE, "Serverless compute service")]
    assert (lambda_.back_text, lambda_.service, lambda_.line) == ("Lambda", "lambda", 102)
    ec2 = cards[(CardKind.TERM, "EC2 (Elastic Compute Cloud)")]
    assert ec2.back_text.startswith("Virtual servers in the cloud")
    assert ec2.line == 97
    assert cards[(CardKind.EXPANSION, "VPC")].back_text == "Virtual Private Cloud"
    assert cards[(CardKind.EXPANSION, "Virtual Private Cloud")].back_text == "VPC"
    module9 = cards[(CardKind.CERTIFICATION, "Module 9: Migration and Innovation")]
    assert module9.certification == "AWS Certified Cloud Practitioner"
    assert "Rehosting" in module9.back_text
    assert "Retiring" in module9.back_text
    # A bold label with its definition in children: the children are the back.
    strategies = cards[(CardKind.TERM, "6 Migration Strategies")]
    assert strategies.back_inline is None
    assert strategies.back_text.split()[:2] == ["Rehosting", "Replatforming"]


def test_term_forms_and_what_makes_no_card() -> None:
    topic = topic_of(
        '# T\n\n<expand title="Terms">\n## Terms\n\n'
        "- **Alpha**: first letter\n"
        "- **Beta:** second letter\n"
        "- **Gamma** (third): not a term, the colon is not after the label\n"
        "- **Empty**:\n"
        "- **Parent**:\n  - child one\n  - child two\n"
        "- **Alpha**: first letter\n"
        "- **Alpha**: written again, differently\n"
        "- Plain: not bold\n"
        "\n</expand>\n"
    )
    cards = [(c.front, c.back_text) for c in deck(topic).cards if c.kind is CardKind.TERM]
    assert cards == [
        ("Alpha", "first letter"),
        ("Beta", "second letter"),
        ("Parent", "child one child two"),
        ("Alpha", "written again, differently"),
    ]
    assert_clean(deck(topic).cards)


def test_ids_stay_when_unrelated_notes_change(aws: Topic) -> None:
    text = (PROJECT / "notes" / "aws.md").read_text(encoding="utf-8")
    _documents, aliases, _problems = read_folder(PROJECT / "notes", PROJECT)
    before = {(c.kind, c.front, c.back_text): c.id for c in deck(aws).cards}
    # A new section at the top moves every line of the file.
    edited = text.replace(
        "## Primary Concepts\n",
        '## Primary Concepts\n\n<expand title="New">\n## New\n\n- **Brand new**: term\n\n</expand>\n',
        1,
    )
    document, _ = parse(edited, "notes/aws.md")
    topic, _ = extract_topic(document, "aws", aliases["notes/aws.md"])
    after = {(c.kind, c.front, c.back_text): c.id for c in deck(topic).cards}
    assert {key: after[key] for key in before if key in after} == before
    assert len(after) == len(before) + 1


def test_corpus_decks_are_clean() -> None:
    corpus = require_corpus()
    total = Counter[str]()
    for path in sorted(corpus.glob("*.md")):
        topic = topic_of(path.read_text(encoding="utf-8"), f"notes/{path.name}")
        found: Deck = deck(topic)
        assert_clean(found.cards)
        total.update(card.kind.value for card in found.cards)
    print("corpus decks:", dict(total))
    assert total["term"] > 300
    assert total["expansion"] > 0


def test_study_pages_of_the_aws_notes() -> None:
    result = build_notes(PROJECT / "notes", PROJECT)
    site = result.site
    aws = result.kb.topics[0]
    found = deck(aws)
    study = BeautifulSoup(convert(site.pages["aws/study/index.md"]), "html.parser")
    cards = study.select("li.kb-card")
    assert len(cards) == len(found.cards)
    assert [li["data-card"] for li in cards] == [c.id for c in found.cards]
    assert study.select_one(".kb-study-counts").get_text() == (
        "318 cards: 201 terms, 60 expansions, 46 services, 11 certification parts"
    )
    # Every card links to its line of the full notes, which carries that id.
    notes = converted_site(result)["aws/notes.md"]
    for li in cards:
        href = li.select_one(".kb-card-source a")["href"]
        page, _, anchor = href.removeprefix("kb:").partition("#")
        assert page == "aws/notes.md"
        assert re.search(rf'id="{re.escape(anchor)}"', notes), href
    # Each certification with study sections has a deck of its sections' cards.
    for certification in aws.certifications:
        path = f"aws/study/{certification_slug(certification)}.md"
        if not certification.sections:
            assert path not in site.pages
            continue
        page = BeautifulSoup(convert(site.pages[path]), "html.parser")
        ids = {li["data-card"] for li in page.select("li.kb-card")}
        expected = {c.id for c in found.cards if c.section in certification.sections}
        assert ids
        assert ids == expected
    # One topic: its own study page is the whole library's.
    assert "study.md" not in site.pages


def test_the_library_deck_holds_every_topic(tmp_path: Path) -> None:
    corpus = require_corpus()
    for source in [PROJECT / "notes" / "aws.md", corpus / "generative-ai.md", corpus / "git.md"]:
        (tmp_path / source.name).write_bytes(source.read_bytes())
    result = build_notes(tmp_path)
    decks = {topic.slug: [c.id for c in deck(topic).cards] for topic in result.kb.topics}
    assert decks["git"] == []  # no term bullets, no glossary: no deck, and no study page
    assert "git/study/index.md" not in result.site.pages
    library = BeautifulSoup(convert(result.site.pages["study.md"]), "html.parser")
    shown = [li["data-card"] for li in library.select("li.kb-card")]
    assert shown == decks["aws"] + decks["generative-ai"]
    assert {"Study all topics": "study.md"} in result.site.nav
