"""Flashcards and the quiz in Chromium, hosted and from the unpacked offline zip.

The deck's size comes from the notes (tests/test_study.py checks it by kind); here the reader's
side: the cards shown, a review that changes the schedule kept in localStorage, progress carried
from the hosted site to the offline bundle by export and import, the quiz's score, keys alone.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from browser.helpers import axe_violations

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser, Page

    from browser.helpers import Visit
    from browser.pages import Site

pytestmark = pytest.mark.browser

AWS_CARDS = 318
STORE = "kb-study:v1"


@pytest.fixture(params=["hosted", "offline"])
def site(request: pytest.FixtureRequest) -> Site:
    """The hosted site, then the unpacked offline bundle (file://)."""
    found: Site = request.getfixturevalue(f"{request.param}_site")
    return found


def open_study(site: Site, open_page: Callable[..., Visit], path: str = "aws/study/", **options: Any) -> Visit:
    visit = open_page(site.url(path), **options)
    visit.page.wait_for_selector(".kb-flashcard, .kb-study-done")
    return visit


def progress(page: Page) -> dict[str, Any]:
    raw = page.evaluate(f"localStorage.getItem({json.dumps(STORE)})")
    cards: dict[str, Any] = json.loads(raw)["cards"] if raw else {}
    return cards


def current_card(page: Page) -> str:
    card: str = page.locator(".kb-flashcard").get_attribute("data-card") or ""
    return card


def test_the_study_page_shows_every_card(site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_study(site, open_page)
    page = visit.page
    assert page.locator(".kb-deck > .kb-card").count() == AWS_CARDS
    assert page.locator(".kb-study-stats").inner_text().startswith(f"0 due · {AWS_CARDS} new")
    # The first session takes the first new cards in the notes' order.
    first = page.locator(".kb-deck > .kb-card").first.get_attribute("data-card")
    assert current_card(page) == first
    assert page.locator(".kb-flashcard .kb-card-back").is_hidden()
    assert visit.log.external() == []
    assert visit.log.errors == []


def test_a_review_changes_the_schedule(site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_study(site, open_page).page
    first = current_card(page)
    page.keyboard.press("Space")
    assert page.locator(".kb-flashcard .kb-card-back").is_visible()
    intervals = page.locator(".kb-grades button").all_inner_texts()
    assert [text.split()[1] for text in intervals] == ["Again", "Hard", "Good", "Easy"]
    page.keyboard.press("4")  # easy: days away
    saved = progress(page)
    assert list(saved) == [first]
    due = datetime.fromisoformat(saved[first]["due"].replace("Z", "+00:00"))
    assert due > datetime.now(UTC) + timedelta(days=1)
    assert saved[first]["reps"] == 1
    second = current_card(page)
    assert second != first
    page.keyboard.press("Space")
    page.keyboard.press("1")  # again: back within minutes, so later in this session
    assert progress(page)[second]["state"] == 1  # learning
    assert page.locator(".kb-study").get_attribute("data-queue") == "19"  # 20 new, the easy one done, the other back
    # The schedule survives a reload: the first card is no longer new, nothing is due yet.
    page.reload()
    page.wait_for_selector(".kb-flashcard")
    assert page.locator(".kb-study-stats").inner_text().startswith(f"0 due · {AWS_CARDS - 2} new · 2 seen")
    assert current_card(page) not in {first}


def test_progress_moves_from_the_hosted_site_to_the_offline_bundle(
    hosted_site: Site, offline_site: Site, open_page: Callable[..., Visit], tmp_path: Path
) -> None:
    hosted = open_study(hosted_site, open_page).page
    for grade in ["3", "4", "2"]:
        hosted.keyboard.press("Space")
        hosted.keyboard.press(grade)
    exported = progress(hosted)
    assert len(exported) == 3
    with hosted.expect_download() as download:
        hosted.get_by_role("button", name="Export progress").click()
    file = tmp_path / "study-progress.json"
    download.value.save_as(file)
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["format"] == "kb-study-progress"
    assert data["cards"] == exported

    offline = open_study(offline_site, open_page).page
    assert progress(offline) == {}
    offline.locator(".kb-import-file").set_input_files(str(file))
    offline.wait_for_function("document.querySelector('.kb-study-message').textContent.startsWith('Imported')")
    assert offline.locator(".kb-study-message").inner_text() == "Imported the progress of 3 cards."
    assert progress(offline) == exported
    assert offline.locator(".kb-study-stats").inner_text().startswith(f"0 due · {AWS_CARDS - 3} new · 3 seen")
    # A file that is not a progress file changes nothing and says so.
    bad = tmp_path / "other.json"
    bad.write_text('{"cards": 1}', encoding="utf-8")
    offline.locator(".kb-import-file").set_input_files(str(bad))
    offline.wait_for_function("document.querySelector('.kb-study-message').textContent.startsWith('Could not')")
    assert progress(offline) == exported


def test_the_quiz_counts_the_score(site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_study(site, open_page).page
    page.get_by_role("button", name="Quiz").click()
    for question in range(10):
        assert page.locator(".kb-quiz .kb-card-position").inner_text().startswith(f"Question {question + 1} of 10")
        options = page.locator(".kb-quiz-options button")
        assert options.count() == 4
        names = options.all_inner_texts()
        assert len(set(names)) == 4, names
        # Short names: "SES — Simple Email Service" would repeat "Email sending service".
        assert not any(" — " in name for name in names), names
        right = page.locator(".kb-quiz-options [data-answer]").get_attribute("data-option")
        wrong = next(o.get_attribute("data-option") for o in options.all() if not o.get_attribute("data-answer"))
        # Right on even questions, wrong on odd ones, answered with the number keys.
        page.keyboard.press(str(right if question % 2 == 0 else wrong))
        feedback = page.locator(".kb-quiz-feedback").inner_text()
        assert feedback == "Correct." if question % 2 == 0 else feedback.startswith("Not quite: it is ")
        page.keyboard.press("Enter")  # the focused "next" button
    assert page.locator(".kb-quiz-score").inner_text() == "Score: 5 of 10."


def test_wrong_answers_come_from_the_same_category_or_layer(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_study(hosted_site, open_page).page
    groups = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.kb-deck > .kb-card[data-service]')]
             .map(li => [li.dataset.name, li.dataset.groups.split(' ')]))"""
    )
    page.get_by_role("button", name="Quiz").click()
    shared = 0
    for _ in range(10):
        names = [name.split(" ", 1)[1] for name in page.locator(".kb-quiz-options button").all_inner_texts()]
        answer = page.locator(".kb-quiz-options [data-answer]").inner_text().split(" ", 1)[1]
        shared += sum(1 for name in names if name != answer and set(groups[name]) & set(groups[answer]))
        page.keyboard.press("1")
        page.keyboard.press("Enter")
    # Most wrong answers share a category or flow layer with the right one (AWS groups are small).
    assert shared >= 15


def test_a_card_links_to_its_line_in_the_notes(site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_study(site, open_page).page
    page.keyboard.press("Space")
    link = page.locator(".kb-flashcard .kb-card-source a")
    assert link.inner_text() == "notes/aws.md:50"
    link.click()
    page.wait_for_load_state()
    anchor = page.evaluate("location.hash")
    assert anchor == "#L50"
    # The line's anchor is an empty span at its start; the line is its parent's text.
    line = page.locator("[id='L50']").locator("xpath=..")
    assert (line.text_content() or "").startswith("IaaS (Infrastructure-as-a-Service): Take only infrastructure")
    assert line.is_visible()  # the collapsed section holding it opened


def test_a_certification_deck_holds_its_study_sections(site: Site, open_page: Callable[..., Visit]) -> None:
    topic = open_study(site, open_page).page
    deck = topic.get_by_role("link", name="AWS Certified Cloud Practitioner")
    assert deck.is_visible()  # the topic's study page leads to it
    deck.click()
    page = topic
    page.wait_for_selector(".kb-flashcard")
    assert page.locator(".kb-study-counts").inner_text().startswith("78 cards")
    # No service card in these sections: no quiz to offer.
    assert page.get_by_role("button", name="Quiz").count() == 0
    prompts = page.locator(".kb-deck > .kb-card .kb-card-prompt").all_text_contents()
    assert prompts
    assert "AWS Certified Cloud Practitioner" in prompts
    assert "General Points" not in prompts  # a section that is not about this certification


def test_space_on_a_control_is_the_controls(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_study(hosted_site, open_page).page
    browse = page.locator(".kb-browse > summary")
    browse.focus()
    page.keyboard.press("Space")
    assert page.locator(".kb-browse").evaluate("details => details.open")
    assert page.locator(".kb-flashcard .kb-card-back").is_hidden()
    page.get_by_role("button", name="Quiz").focus()
    page.keyboard.press("Space")
    assert page.locator(".kb-quiz").is_visible()


def test_twenty_new_cards_a_day(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_study(hosted_site, open_page).page
    for _ in range(20):
        page.keyboard.press("Space")
        page.keyboard.press("4")
    assert len(progress(page)) == 20
    page.reload()
    page.wait_for_selector(".kb-study-done")
    assert "You began 20 new cards today." in page.locator(".kb-study-done").inner_text()
    page.get_by_role("button", name="Study 20 more new cards").click()
    page.keyboard.press("Space")
    page.keyboard.press("4")
    assert len(progress(page)) == 21


def test_keys_alone_study_and_focus_follows(hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    page = open_study(hosted_site, open_page).page
    page.keyboard.press("Space")
    page.keyboard.press("3")
    # After grading, focus is on the next card's "Show answer": Enter works as well as Space.
    assert page.evaluate("document.activeElement.classList.contains('kb-reveal')")
    page.keyboard.press("Enter")
    assert page.locator(".kb-flashcard .kb-card-back").is_visible()
    # The live region reads the answer out.
    status = page.locator(".kb-study-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text().startswith("Answer: ")


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_study_and_quiz_have_no_serious_violation(
    hosted_site: Site, palette: str, open_page: Callable[..., Visit]
) -> None:
    page = open_study(hosted_site, open_page, color_scheme=palette).page
    page.keyboard.press("Space")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Quiz").click()
    page.keyboard.press("1")
    assert axe_violations(page) == []


def test_the_library_deck_holds_every_topic(search_hosted_site: Site, open_page: Callable[..., Visit]) -> None:
    visit = open_study(search_hosted_site, open_page, "study/")
    page = visit.page
    cards = page.locator(".kb-deck > .kb-card")
    topics = page.evaluate(
        "[...new Set([...document.querySelectorAll('.kb-deck > .kb-card')].map(li => li.dataset.topic))]"
    )
    assert topics[0] == "aws"
    assert len(topics) >= 2
    # New cards take turns between topics, and each card names its topic.
    prompts = []
    for _ in range(len(topics)):
        prompts.append(page.locator(".kb-flashcard .kb-card-prompt").inner_text())
        page.keyboard.press("Space")
        page.keyboard.press("3")
    titles = {prompt.split(" · ")[0] for prompt in prompts}
    assert len(titles) == len(topics), prompts
    assert cards.count() > AWS_CARDS
    assert axe_violations(page) == []
    assert visit.log.external() == []


def test_a_phone_studies_by_touch(hosted_site: Site, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(hosted_site.url("aws/study/"))
        page.wait_for_selector(".kb-flashcard")
        page.locator(".kb-reveal").tap()
        grades = page.locator(".kb-grades button")
        assert grades.count() == 4
        for button in grades.all():
            box = button.bounding_box()
            assert box is not None
            assert box["height"] >= 44  # a finger's target (WCAG 2.5.5)
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= 360
        grades.nth(2).tap()
        assert len(progress(page)) == 1
        # Nothing on the page is wider than the phone.
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    finally:
        context.close()
