"""The self-test as a learner uses it: built by the CLI, opened from disk in headless Chromium."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import (
    ASTRONOMY_FACTS,
    BUNDLED_DECKS,
    BUNDLED_FACTS,
    CHROMIUM_ARGS,
    FIXTURES,
    HOSTILE_FACTS,
    PROJECT,
    run_quizgen,
)
from quizgen.build import BuildRequest, make_bank
from quizgen.questions.assembly import form_problems
from quizgen.questions.model import Deck
from test_html import sample_bank, write_sample

pytestmark = pytest.mark.browser

Question = dict[str, Any]
SWISS_FACTS = FIXTURES / "html" / "facts.yaml"
SWISS_DECKS = FIXTURES / "html" / "decks"
PHONE_WIDTH = 360
DESKTOP_WIDTH = 1280
# Set to regenerate the README's screenshots in docs/ from the bundled facts.
UPDATE_SCREENSHOTS = os.environ.get("QUIZGEN_UPDATE_SCREENSHOTS") == "1"


# ---- Sites built the way a teacher builds them -----------------------------------------------


def build_site(folder: Path, facts: Path, decks: Path) -> Path:
    result = run_quizgen(
        "build", "--facts", facts, "--decks", decks, "--out", folder, "--format", "html", "--quiet"
    )
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile facts as one whole-topic deck: every kind of question, text that bites."""
    no_decks = tmp_path_factory.mktemp("no-decks")
    return build_site(tmp_path_factory.mktemp("hostile-site"), HOSTILE_FACTS, no_decks)


@pytest.fixture(scope="module")
def swiss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small German topic: accents to leave out, a web source, two decks."""
    return build_site(tmp_path_factory.mktemp("swiss-site"), SWISS_FACTS, SWISS_DECKS)


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("bundled-site"), BUNDLED_FACTS, BUNDLED_DECKS)


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hand-built bank, for what the facts cannot yet produce: a year typed without options."""
    folder = tmp_path_factory.mktemp("sample-site")
    write_sample(folder, sample_bank())
    return folder


def only_deck(site: Path) -> Path:
    (page,) = [path for path in site.glob("*.html") if path.name != "index.html"]
    return page


# ---- A learner's tab -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Visit:
    """One learner's tab: the page, and everything it logged or asked the network for."""

    page: Page
    folder: Path
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def questions(self) -> list[Question]:
        """The deck's questions with their right answers, read from the JSON in the page."""
        data = json.loads(self.page.text_content("#quiz-data") or "{}")
        questions: list[Question] = data["questions"]
        return questions

    @property
    def first_round(self) -> list[Question]:
        """The questions of the first round, as the page embeds it (one per claim)."""
        data = json.loads(self.page.text_content("#quiz-data") or "{}")
        by_id = {q["id"]: q for q in data["questions"]}
        return [by_id[question_id] for question_id in data["rounds"][0]]

    def shown_question(self) -> Question:
        self.page.wait_for_selector("#question-screen:not([hidden]) fieldset[data-question-id]")
        question_id = self.page.get_attribute("fieldset[data-question-id]", "data-question-id")
        return next(q for q in self.questions if q["id"] == question_id)

    def text(self, selector: str) -> str:
        return " ".join((self.page.text_content(selector) or "").split())

    def at_summary(self) -> bool:
        return self.page.is_visible("#summary-screen")

    def scroll_width(self) -> int:
        width: int = self.page.evaluate("document.documentElement.scrollWidth")
        return width


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Opens a page from disk; at the end, asserts it logged no error and fetched nothing."""
    visits: list[Visit] = []
    contexts = []

    def open_page(path: Path, width: int = DESKTOP_WIDTH, color_scheme: str = "light") -> Visit:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, color_scheme=color_scheme
        )
        contexts.append(context)
        page = context.new_page()
        opened = Visit(page=page, folder=path.parent)
        page.on("console", lambda message: opened.errors.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("request", lambda request: opened.requests.append(request.url))
        page.goto(path.as_uri())
        visits.append(opened)
        return opened

    yield open_page
    for opened in visits:
        assert opened.errors == [], opened.errors
        # Only the self-test's own pages, opened from disk; nothing else, from nowhere else.
        own_pages = {path.as_uri() for path in opened.folder.glob("*.html")}
        assert set(opened.requests) <= own_pages, opened.requests
    for context in contexts:
        context.close()


# ---- Answering, the way a learner does -------------------------------------------------------


def typed_kind(question: Question) -> bool:
    return question["kind"] == "short" or (
        question["kind"] == "year" and not question.get("choices")
    )


def wrong_choice(question: Question) -> str:
    return next(c for c in question["choices"] if c not in question["answer"])


def shown_order(page: Page) -> list[str]:
    texts: list[str] = page.eval_on_selector_all(
        ".ordering .order-text", "items => items.map(item => item.textContent)"
    )
    return texts


def answer_with_mouse(page: Page, question: Question, correctly: bool = True) -> None:
    kind = question["kind"]
    if typed_kind(question):
        page.fill("#typed-answer", question["answer"][0] if correctly else "nothing like it")
    elif kind == "multiple":
        for choice in question["answer"] if correctly else [wrong_choice(question)]:
            page.get_by_label(choice, exact=True).check()
    elif kind == "cloze":
        for i, blank in enumerate(question["blanks"]):
            page.fill(f"#blank-{i}", blank["answer"] if correctly else "wrong")
    elif kind == "matching":
        # A wrong answer leaves the first item unmatched, which is wrong whatever the pairs.
        for i, (_, right) in enumerate(question["pairs"]):
            if correctly or i > 0:
                page.select_option(f"#match-{i}", right)
    elif kind == "ordering":
        target = question["order"] if correctly else list(reversed(question["order"]))
        for position, text in enumerate(target):
            while shown_order(page).index(text) > position:
                page.get_by_role("button", name=f"Move “{text}” up", exact=True).click()
        assert shown_order(page) == target
    else:
        choice = question["answer"][0] if correctly else wrong_choice(question)
        page.get_by_label(choice, exact=True).check()
    page.click("#check-button")


def answer_round_with_mouse(site: Visit, wrong_ids: frozenset[str] = frozenset()) -> list[str]:
    """Answers every question of the round, wrongly those named; returns the ids as shown."""
    shown: list[str] = []
    while not site.at_summary():
        question = site.shown_question()
        shown.append(question["id"])
        answer_with_mouse(site.page, question, correctly=question["id"] not in wrong_ids)
        site.page.click("#next-button")
    return shown


# ---- The journeys ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("site_name", "deck_file"),
    [
        ("swiss_site", "schweiz-alles.html"),
        ("hostile_site", None),
        ("bundled_site", "csto-kavkaz-2020.html"),
        ("sample_site", "hostile-every-kind.html"),
    ],
)
def test_answering_every_question_correctly_scores_100_percent(
    visit: Callable[..., Visit],
    request: pytest.FixtureRequest,
    site_name: str,
    deck_file: str | None,
) -> None:
    folder: Path = request.getfixturevalue(site_name)
    site = visit(folder / deck_file if deck_file else only_deck(folder))
    shown = answer_round_with_mouse(site)

    assert sorted(shown) == sorted(q["id"] for q in site.first_round)
    total = len(shown)
    assert site.text("#summary-score") == f"You got {total} of {total} right: 100%."
    assert site.page.is_hidden("#retry-button")


def test_a_wrong_answer_is_told_the_right_one_with_the_explanation_and_source(
    visit: Callable[..., Visit], hostile_site: Path
) -> None:
    site = visit(only_deck(hostile_site))
    site.page.get_by_role("button", name="Practise every question").click()
    kinds_seen = set()
    while not site.at_summary():
        question = site.shown_question()
        kinds_seen.add(question["kind"])
        answer_with_mouse(site.page, question, correctly=False)
        feedback = site.page.text_content("#feedback") or ""
        assert "Not quite" in feedback, question["kind"]
        assert f"The right answer: {question['answer_text']}" in feedback, question["kind"]
        assert question["explanation"] in feedback
        assert question["source_text"] in feedback
        site.page.click("#next-button")
    assert len(kinds_seen) == 8
    total = len(site.questions)
    assert site.text("#summary-score") == f"You got 0 of {total} right: 0%."


def test_a_missed_fact_comes_back_in_the_next_round_asked_another_way(
    visit: Callable[..., Visit], bundled_site: Path
) -> None:
    """Round 1 misses one fact; round 2 asks it again, in another form where there is one, and
    is itself a fair test: one question per fact, no answer given away, a third true/false."""
    site = visit(bundled_site / "csto-kavkaz-2020.html")
    data = json.loads(site.page.text_content("#quiz-data") or "{}")
    by_id = {q["id"]: q for q in data["questions"]}
    forms = {}
    for q in data["questions"]:
        forms.setdefault(q["claim"], []).append(q["id"])
    first = site.first_round
    conflicts = data["conflicts"]

    def fewest_conflicts_of_another_form(question: Question) -> int:
        others = [i for i in forms[question["claim"]] if i != question["id"]]
        return min(len(conflicts.get(i, [])) for i in others)

    missed = min(
        (q for q in first if len(forms[q["claim"]]) > 1), key=fewest_conflicts_of_another_form
    )
    answer_round_with_mouse(site, wrong_ids=frozenset({missed["id"]}))
    assert site.page.locator("#missed-list li").count() == 1
    assert "kavkaz-2020: " in site.text("#theme-list")

    site.page.get_by_role("button", name="Next round: what I missed first").click()
    second = answer_round_with_mouse(site)

    claims = [by_id[qid]["claim"] for qid in second]
    assert missed["claim"] in claims, "the missed fact comes back"
    again = second[claims.index(missed["claim"])]
    assert again != missed["id"], "asked another way"
    assert len(second) == len(first) and len(set(claims)) == len(claims)
    deck = next(d for d in kavkaz_decks() if d.slug == "csto-kavkaz-2020")
    asked = [next(q for q in deck.questions if q.id == qid) for qid in second]
    problems = form_problems(asked, replace(deck.blueprint, kind_quotas=()))
    assert problems == [], problems
    assert "100%" in site.text("#summary-score")


def kavkaz_decks() -> tuple[Deck, ...]:
    return make_bank(BuildRequest(BUNDLED_FACTS, BUNDLED_DECKS, Path("unused"), ())).decks


def test_practice_asks_every_question_of_the_deck(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    site = visit(swiss_site / "schweiz-alles.html")
    answer_round_with_mouse(site)
    site.page.get_by_role("button", name="Practise every question").click()
    practised = answer_round_with_mouse(site)
    assert sorted(practised) == sorted(q["id"] for q in site.questions)


def test_start_again_reshuffles_and_asks_every_question(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    site = visit(swiss_site / "schweiz-alles.html")
    first_round = answer_round_with_mouse(site)
    site.page.get_by_role("button", name="Start a new round").click()
    second_round = answer_round_with_mouse(site)

    assert sorted(second_round) == sorted(first_round)
    assert second_round != first_round
    assert "100%" in site.text("#summary-score")


def test_a_reload_resumes_where_the_learner_was(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    site = visit(swiss_site / "schweiz-alles.html")
    total = len(site.first_round)
    for _ in range(2):
        answer_with_mouse(site.page, site.shown_question(), correctly=True)
        site.page.click("#next-button")
    third = site.shown_question()
    answer_with_mouse(site.page, third, correctly=False)
    site.page.wait_for_timeout(500)  # see below: the write reaches storage a moment later

    site.page.reload()

    assert site.shown_question()["id"] == third["id"]
    assert "Not quite" in site.text("#feedback")
    assert site.text("#question-heading") == f"Question 3 of {total}"
    assert site.text("#score-text") == "Right so far: 2 of 3"
    site.page.click("#next-button")
    assert site.text("#question-heading") == f"Question 4 of {total}"
    # Chromium hands localStorage writes to its storage process a moment later: a learner does
    # not reload within that moment, and a loaded test machine should not either.
    site.page.wait_for_timeout(500)
    site.page.reload()
    assert site.text("#question-heading") == f"Question 4 of {total}"


def test_without_local_storage_the_test_still_works_and_says_progress_is_not_kept(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    site = visit(swiss_site / "schweiz-daten-vertrage.html")
    assert site.page.is_hidden("#storage-note")
    site.page.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('The operation is insecure.', 'SecurityError'); }});"
    )
    site.page.reload()
    assert site.page.is_visible("#storage-note")
    answer_round_with_mouse(site)
    assert "100%" in site.text("#summary-score")


def test_saved_progress_that_does_not_fit_is_ignored(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    site = visit(swiss_site / "schweiz-alles.html")
    key = site.page.get_attribute("#quiz-data", "data-storage-key")
    first_heading = f"Question 1 of {len(site.first_round)}"
    for saved in ('{"order": ["gone"], "index": 0, "results": {}, "phase": "question"}', "{no"):
        site.page.evaluate("([key, saved]) => localStorage.setItem(key, saved)", [key, saved])
        site.page.reload()
        assert site.text("#question-heading") == first_heading


def test_typed_answers_ignore_case_accents_spaces_and_punctuation(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    site = visit(swiss_site / "schweiz-alles.html")
    site.page.get_by_role("button", name="Practise every question").click()
    typed = {"Zürich": "  zurich ", "Genève": "GENEVE", "Bern": "bern"}
    blanks = {"Limmat": "LIMMAT", "Zürichsee": "Zurich-see"}
    checked = 0
    while not site.at_summary():
        question = site.shown_question()
        if question["kind"] == "short" and question["answer"][0] in typed:
            site.page.fill("#typed-answer", typed[question["answer"][0]])
            site.page.click("#check-button")
            assert site.text("#feedback").startswith("✓ Correct."), question["prompt"]
            checked += 1
        elif question["kind"] == "cloze":
            for i, blank in enumerate(question["blanks"]):
                site.page.fill(f"#blank-{i}", blanks.get(blank["answer"], blank["answer"]))
            site.page.click("#check-button")
            # "Zurich-see" is "Zürichsee": a hyphen or a space is no mistake.
            assert site.text("#feedback").startswith("✓ Correct."), question["prompt"]
            checked += 1
        else:
            answer_with_mouse(site.page, question)
        site.page.click("#next-button")
    # Three typed names, and the Limmat sentence's two blanks, each a cloze of its own.
    assert checked == 5


def test_a_year_can_be_typed_when_there_are_no_options(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    while not site.at_summary():
        question = site.shown_question()
        if typed_kind(question) and question["kind"] == "year":
            assert site.page.get_attribute("#typed-answer", "inputmode") == "numeric"
            site.page.fill("#typed-answer", f" {question['answer'][0]} ")
            site.page.click("#check-button")
            assert site.text("#feedback").startswith("✓ Correct.")
            return
        answer_with_mouse(site.page, question)
        site.page.click("#next-button")
    pytest.fail("the sample deck has no typed year")


def test_the_page_speaks_the_topics_language_and_links_only_web_sources(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    site = visit(swiss_site / "schweiz-alles.html")
    assert site.page.get_attribute("html", "lang") == "en-GB"
    links_seen = set()
    while not site.at_summary():
        question = site.shown_question()
        answer_with_mouse(site.page, question)
        links = site.page.eval_on_selector_all("#feedback a", "links => links.map(a => a.href)")
        links_seen.update(links)
        site.page.click("#next-button")
    # The notes' "javascript:" address stays text; the lexicon's web address is a link.
    assert links_seen == {"https://example.org/lexikon"}
    assert site.page.evaluate("typeof window.__pwned") == "undefined"


def test_the_index_leads_to_every_deck_with_its_count(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    index = visit(swiss_site / "index.html")
    cards = index.page.locator(".deck-card")
    assert cards.count() == 2
    assert "Daten & Verträge" in index.text(".deck-list")
    index.page.get_by_role("link", name="Daten & Verträge").click()
    deck = Visit(page=index.page, folder=swiss_site)
    assert deck.text("h1") == "Daten & Verträge"
    count = len(deck.questions)
    index.page.go_back()
    card = index.page.locator(".deck-card", has_text="Daten & Verträge")
    assert f"{count} questions" in (card.text_content() or "")


def test_hostile_text_shows_literally_and_runs_nothing(
    visit: Callable[..., Visit], hostile_site: Path
) -> None:
    index = visit(hostile_site / "index.html")
    assert index.text("h1") == "Hostile <b>text</b> & friends"
    site = visit(only_deck(hostile_site))
    assert site.page.title().startswith("Hostile <b>text</b> & friends")
    while not site.at_summary():
        question = site.shown_question()
        if question["kind"] != "cloze":
            assert site.page.text_content("legend") == question["prompt"]
        else:
            shown = site.page.text_content(".cloze") or ""
            assert shown == "".join(question["prompt_parts"])
        if question["kind"] not in ("matching", "ordering"):
            for choice in question.get("choices", []):
                assert site.page.get_by_label(choice, exact=True).count() == 1
        answer_with_mouse(site.page, question, correctly=False)
        site.page.click("#next-button")
    assert site.page.evaluate("typeof window.__pwned") == "undefined"
    assert site.page.locator("img, iframe").count() == 0
    assert site.page.locator("script").count() == 2  # the data block and the page's own script
    # The summary lists every missed prompt, as text.
    missed = site.page.locator("#missed-list li").all_text_contents()
    assert len(missed) == len(site.first_round)
    marked_up = [q["prompt"] for q in site.first_round if "<" in q["prompt"] or "&" in q["prompt"]]
    assert marked_up, "the hostile deck's first round should hold prompts with markup in them"
    for prompt in marked_up:
        assert any(prompt in text for text in missed), prompt


def test_at_phone_width_nothing_scrolls_sideways(
    visit: Callable[..., Visit], hostile_site: Path, bundled_site: Path
) -> None:
    for page_path in (only_deck(hostile_site), bundled_site / "csto-treaties-and-dates.html"):
        site = visit(page_path, width=PHONE_WIDTH)
        while not site.at_summary():
            question = site.shown_question()
            assert site.scroll_width() <= PHONE_WIDTH, question["prompt"]
            answer_with_mouse(site.page, question, correctly=False)
            assert site.scroll_width() <= PHONE_WIDTH, question["prompt"]
            site.page.click("#next-button")
        assert site.scroll_width() <= PHONE_WIDTH
    for index_path in (hostile_site / "index.html", bundled_site / "index.html"):
        assert visit(index_path, width=PHONE_WIDTH).scroll_width() <= PHONE_WIDTH


def test_printing_shows_the_question_and_feedback_without_controls(
    visit: Callable[..., Visit], swiss_site: Path
) -> None:
    site = visit(swiss_site / "schweiz-alles.html")
    answer_with_mouse(site.page, site.shown_question(), correctly=False)
    site.page.emulate_media(media="print")
    assert site.page.is_visible("legend")
    assert site.page.is_visible("#feedback")
    assert site.page.locator("button:visible, progress:visible").count() == 0


# ---- Keyboard only ---------------------------------------------------------------------------


def focused(page: Page, expression: str) -> Any:
    return page.evaluate(f"(el => {expression})(document.activeElement)")


def tab_until(page: Page, expression: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, expression):
            return
    raise AssertionError(f"Tab never reached an element where {expression}")


def answer_with_keyboard(page: Page, question: Question) -> None:
    kind = question["kind"]
    keyboard = page.keyboard
    if typed_kind(question):
        tab_until(page, "el.id === 'typed-answer'")
        keyboard.type(question["answer"][0])
    elif kind == "multiple":
        for _ in question["choices"]:
            tab_until(page, "el.type === 'checkbox'")
            if focused(page, "el.value") in question["answer"]:
                keyboard.press("Space")
        checked = page.eval_on_selector_all("input:checked", "inputs => inputs.map(i => i.value)")
        assert sorted(checked) == sorted(question["answer"])
    elif kind == "cloze":
        for i, blank in enumerate(question["blanks"]):
            tab_until(page, f"el.id === 'blank-{i}'")
            keyboard.type(blank["answer"])
    elif kind == "matching":
        for i, (_, right) in enumerate(question["pairs"]):
            tab_until(page, f"el.id === 'match-{i}'")
            for _ in range(question["choices"].index(right) + 1):
                keyboard.press("ArrowDown")
            assert focused(page, "el.value") == right
    elif kind == "ordering":
        for position, text in enumerate(question["order"]):
            if shown_order(page).index(text) == position:
                continue
            label = json.dumps(f"Move “{text}” up")
            tab_until(page, f"el.getAttribute('aria-label') === {label}")
            while shown_order(page).index(text) > position:
                keyboard.press("Enter")
                # Focus follows the moved item, so the next Enter moves it again.
                assert text in focused(page, "el.getAttribute('aria-label')")
    else:
        tab_until(page, "el.type === 'radio'")
        answer = question["answer"][0]
        for _ in question["choices"]:
            if focused(page, "el.value") == answer:
                break
            keyboard.press("ArrowDown")
        keyboard.press("Space")
        assert page.eval_on_selector("input:checked", "input => input.value") == answer
    if not focused(page, "el.tagName === 'INPUT' && el.type === 'text'"):
        tab_until(page, "el.id === 'check-button'")
    keyboard.press("Enter")


@pytest.mark.parametrize(
    ("site_name", "deck_file"),
    [("hostile_site", None), ("sample_site", "hostile-every-kind.html")],
)
def test_the_whole_journey_works_with_the_keyboard_alone(
    visit: Callable[..., Visit],
    request: pytest.FixtureRequest,
    site_name: str,
    deck_file: str | None,
) -> None:
    folder: Path = request.getfixturevalue(site_name)
    site = visit(folder / deck_file if deck_file else only_deck(folder))
    page = site.page
    # Practice asks every question of the deck, so every kind comes up.
    tab_until(page, "el.id === 'practice-button'")
    page.keyboard.press("Enter")
    kinds = set()
    while not site.at_summary():
        question = site.shown_question()
        kinds.add(question["kind"])
        answer_with_keyboard(page, question)
        assert site.text("#feedback").startswith("✓ Correct."), question["kind"]
        # After a check, focus waits on the way on.
        assert focused(page, "el.id") == "next-button"
        page.keyboard.press("Enter")
    assert len(kinds) == 8
    total = len(site.questions)
    assert site.text("#summary-score") == f"You got {total} of {total} right: 100%."
    tab_until(page, "el.id === 'restart-button'")
    page.keyboard.press("Space")
    assert site.text("#question-heading") == f"Question 1 of {len(site.first_round)}"


def test_focus_is_visible_on_every_control(visit: Callable[..., Visit], swiss_site: Path) -> None:
    site = visit(swiss_site / "schweiz-alles.html")
    outline_of_focused = (
        "getComputedStyle(el).outlineStyle + ' ' + parseFloat(getComputedStyle(el).outlineWidth)"
    )
    seen = set()
    for _ in range(20):
        site.page.keyboard.press("Tab")
        tag = focused(site.page, "el.tagName + (el.type ? ':' + el.type : '')")
        if tag == "BODY":  # past the last control
            break
        seen.add(tag)
        assert focused(site.page, outline_of_focused) == "solid 3", tag
    assert {"A", "BUTTON:submit"} <= seen and len(seen) >= 3


# ---- Accessibility ---------------------------------------------------------------------------


def axe_report(page: Page) -> str:
    results = Axe().run(page)
    return "" if results.violations_count == 0 else results.generate_report()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_screen(
    visit: Callable[..., Visit], hostile_site: Path, color_scheme: str
) -> None:
    index = visit(hostile_site / "index.html", color_scheme=color_scheme)
    assert axe_report(index.page) == "", "index"

    site = visit(only_deck(hostile_site), color_scheme=color_scheme)
    assert axe_report(site.page) == "", "first question"
    kinds_checked = set()
    while not site.at_summary():
        question = site.shown_question()
        first_of_its_kind = question["kind"] not in kinds_checked
        kinds_checked.add(question["kind"])
        if first_of_its_kind:
            assert axe_report(site.page) == "", question["kind"]
        answer_with_mouse(site.page, question, correctly=len(kinds_checked) % 2 == 0)
        if first_of_its_kind:
            assert axe_report(site.page) == "", f"{question['kind']}, checked"
        site.page.click("#next-button")
    assert axe_report(site.page) == "", "summary"


# ---- Screenshots for the README --------------------------------------------------------------


@pytest.mark.parametrize(("width", "name"), [(PHONE_WIDTH, "phone"), (DESKTOP_WIDTH, "desktop")])
def test_screenshots_of_a_checked_question(
    visit: Callable[..., Visit], bundled_site: Path, tmp_path: Path, width: int, name: str
) -> None:
    site = visit(bundled_site / "csto-members-and-observers.html", width=width)
    for _ in range(3):
        answer_with_mouse(site.page, site.shown_question(), correctly=True)
        site.page.click("#next-button")
    question = site.shown_question()
    answer_with_mouse(site.page, question, correctly=False)
    target = (PROJECT / "docs" if UPDATE_SCREENSHOTS else tmp_path) / f"selftest-{name}.png"
    site.page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000


def test_years_and_figures_keep_their_order_when_a_new_round_shuffles_the_options(
    visit: Callable[..., Visit], tmp_path: Path
) -> None:
    """A later round shuffles a question's options, but never 1,432.0 before 778.5 million km:
    numbers are offered in their order, as any test writer would."""
    no_decks = tmp_path / "no-decks"
    no_decks.mkdir()
    folder = build_site(tmp_path / "site", ASTRONOMY_FACTS, no_decks)
    site = visit(next(folder.glob("the-solar-system.html")))
    answer_round_with_mouse(site)
    site.page.get_by_role("button", name="Start a new round").click()
    checked = 0
    while not site.at_summary():
        question = site.shown_question()
        if question.get("in_order"):
            labels = site.page.locator("fieldset[data-question-id] label").all_text_contents()
            shown = [" ".join(label.split()) for label in labels]
            assert shown == question["choices"], (question["prompt"], shown)
            checked += 1
        answer_with_mouse(site.page, question)
        site.page.click("#next-button")
    assert checked
