"""The self-test as a learner uses it: opened from disk in headless Chromium, mouse or keyboard."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import CHROMIUM_ARGS
from test_html import sample_bank, write_sample

pytestmark = pytest.mark.browser

Question = dict[str, Any]


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-built bank: one question of every kind, with hostile text."""
    folder = tmp_path_factory.mktemp("sample-site")
    write_sample(folder, sample_bank())
    return folder


@dataclass
class Visit:
    """One learner's tab: the page, and everything it logged or asked the network for."""

    page: Page
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def questions(self) -> list[Question]:
        data = json.loads(self.page.text_content("#quiz-data") or "{}")
        questions: list[Question] = data["questions"]
        return questions

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q["id"] == question_id)

    def shown_question(self) -> Question:
        self.page.wait_for_selector("#question-screen:not([hidden]) fieldset[data-question-id]")
        question_id = self.page.get_attribute("fieldset[data-question-id]", "data-question-id")
        return self.question(question_id or "")

    def text(self, selector: str) -> str:
        return " ".join((self.page.text_content(selector) or "").split())

    def scroll_width(self) -> int:
        width: int = self.page.evaluate("document.documentElement.scrollWidth")
        return width


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Opens a page from disk; at the end, asserts it logged no error and fetched nothing."""
    contexts = []
    visits: list[Visit] = []

    def open_page(path: Path, width: int = 1280, color_scheme: str = "light") -> Visit:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, color_scheme=color_scheme
        )
        contexts.append(context)
        page = context.new_page()
        opened = Visit(page=page, url=path.as_uri())
        page.on(
            "console",
            lambda message: (
                opened.errors.append(message.text) if message.type in ("error", "warning") else None
            ),
        )
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("request", lambda request: opened.requests.append(request.url))
        page.goto(opened.url)
        visits.append(opened)
        return opened

    yield open_page
    for opened in visits:
        assert opened.errors == [], opened.errors
        documents = {p.as_uri() for p in Path(opened.url[len("file://") :]).parent.glob("*.html")}
        assert set(opened.requests) <= documents, opened.requests
    for context in contexts:
        context.close()


# ---- Answering, the way a learner does -------------------------------------------------------


def wrong_choice(question: Question) -> str:
    return next(c for c in question["choices"] if c not in question["answer"])


def typed_kind(question: Question) -> bool:
    return question["kind"] == "short" or (
        question["kind"] == "year" and not question.get("choices")
    )


def answer_with_mouse(page: Page, question: Question, correctly: bool = True) -> None:
    kind = question["kind"]
    if typed_kind(question):
        page.fill("#typed-answer", question["answer"][0] if correctly else "nothing like it")
    elif kind == "multiple":
        chosen = question["answer"] if correctly else [wrong_choice(question)]
        for choice in chosen:
            page.get_by_label(choice, exact=True).check()
    elif kind == "cloze":
        for i, blank in enumerate(question["blanks"]):
            page.fill(f"#blank-{i}", blank["answer"] if correctly else "wrong")
    elif kind == "matching":
        rights = [pair[1] for pair in question["pairs"]]
        if not correctly:
            rights = rights[1:] + rights[:1]
        for i, right in enumerate(rights):
            page.select_option(f"#match-{i}", right)
    elif kind == "ordering":
        target = question["order"] if correctly else list(reversed(question["order"]))
        for position, text in enumerate(target):
            while (current := shown_order(page)).index(text) > position:
                page.get_by_role("button", name=f"Move “{text}” up", exact=True).click()
            assert current.index(text) == position
    else:
        choice = question["answer"][0] if correctly else wrong_choice(question)
        page.get_by_label(choice, exact=True).check()
    page.click("#check-button")


def shown_order(page: Page) -> list[str]:
    texts: list[str] = page.eval_on_selector_all(
        ".ordering .order-text", "items => items.map(item => item.textContent)"
    )
    return texts


def go_on(page: Page) -> None:
    page.click("#next-button")


def answer_deck_with_mouse(site: Visit, wrong_ids: frozenset[str] = frozenset()) -> list[str]:
    """Answers every question of the round, wrongly those named; returns the ids in shown order."""
    shown: list[str] = []
    while not site.page.is_visible("#summary-screen"):
        question = site.shown_question()
        shown.append(question["id"])
        answer_with_mouse(site.page, question, correctly=question["id"] not in wrong_ids)
        go_on(site.page)
    return shown


# ---- The journeys ----------------------------------------------------------------------------


def test_answering_every_question_correctly_scores_100_percent(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    shown = answer_deck_with_mouse(site)

    assert sorted(shown) == sorted(q["id"] for q in site.questions)
    assert "100%" in site.text("#summary-score")
    assert site.page.is_hidden("#retry-button")


def test_a_wrong_answer_is_told_the_right_one_with_the_explanation_and_source(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    while not site.page.is_visible("#summary-screen"):
        question = site.shown_question()
        answer_with_mouse(site.page, question, correctly=False)
        feedback = site.page.text_content("#feedback") or ""
        assert "Not quite" in feedback, question["kind"]
        assert question["answer_text"] in feedback, question["kind"]
        assert question["explanation"] in feedback
        assert question["source_text"] in feedback
        go_on(site.page)
    assert "0 of 9 right: 0%" in site.text("#summary-score")


def test_retry_holds_exactly_the_missed_questions(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    ids = [q["id"] for q in site.questions]
    missed = {ids[1], ids[4], ids[7]}
    answer_deck_with_mouse(site, wrong_ids=frozenset(missed))
    assert site.text("#summary-score").startswith(f"You got {len(ids) - 3} of {len(ids)} right")

    site.page.get_by_role("button", name="Retry the ones I missed").click()
    retried = answer_deck_with_mouse(site)

    assert sorted(retried) == sorted(missed)
    assert "3 of 3 right: 100%" in site.text("#summary-score")


def test_start_again_reshuffles_and_asks_every_question(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    first_round = answer_deck_with_mouse(site)
    site.page.get_by_role("button", name="Start again (reshuffled)").click()
    second_round = answer_deck_with_mouse(site)

    assert sorted(second_round) == sorted(first_round)
    assert second_round != first_round
    assert "100%" in site.text("#summary-score")


def test_a_reload_resumes_where_the_learner_was(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    for _ in range(2):
        answer_with_mouse(site.page, site.shown_question(), correctly=True)
        go_on(site.page)
    third = site.shown_question()
    answer_with_mouse(site.page, third, correctly=False)

    site.page.reload()

    assert site.shown_question()["id"] == third["id"]
    assert "Not quite" in site.text("#feedback")
    assert site.text("#question-heading") == "Question 3 of 9"
    assert site.text("#score-text") == "Right so far: 2 of 3"
    go_on(site.page)
    site.page.reload()
    assert site.text("#question-heading") == "Question 4 of 9"


def test_without_local_storage_the_test_still_works_and_says_progress_is_not_kept(
    browser: Browser, visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-choices.html")
    site.page.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('The operation is insecure.', 'SecurityError'); }});"
    )
    site.page.reload()
    assert site.page.is_visible("#storage-note")
    answer_deck_with_mouse(site)
    assert "100%" in site.text("#summary-score")


def test_typed_answers_ignore_case_accents_and_extra_spaces(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    typed = {"short": "  ELISE   o'brien-łukasz ", "cloze": ["<BR/>", " NBSP "]}
    while not site.page.is_visible("#summary-screen"):
        question = site.shown_question()
        if question["kind"] == "short":
            site.page.fill("#typed-answer", typed["short"])
            site.page.click("#check-button")
            assert "Correct" in site.text("#feedback")
        elif question["kind"] == "cloze":
            for i, text in enumerate(typed["cloze"]):
                site.page.fill(f"#blank-{i}", text)
            site.page.click("#check-button")
            assert "Correct" in site.text("#feedback")
        else:
            answer_with_mouse(site.page, question)
        go_on(site.page)


def test_hostile_text_shows_literally_and_runs_nothing(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    assert site.text("h1") == "Every kind <of> question & more"
    while not site.page.is_visible("#summary-screen"):
        question = site.shown_question()
        assert site.page.text_content("legend") == question["prompt"]
        for choice in question.get("choices", []):
            if question["kind"] not in ("matching", "ordering"):
                assert site.page.get_by_label(choice, exact=True).count() == 1
        answer_with_mouse(site.page, question, correctly=False)
        go_on(site.page)
    assert site.page.evaluate("typeof window.__pwned") == "undefined"
    assert site.page.locator("#quiz img, #quiz script").count() == 0


def test_at_phone_width_nothing_scrolls_sideways(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html", width=360)
    assert site.scroll_width() <= 360
    while not site.page.is_visible("#summary-screen"):
        question = site.shown_question()
        assert site.scroll_width() <= 360, question["kind"]
        answer_with_mouse(site.page, question, correctly=False)
        assert site.scroll_width() <= 360, question["kind"]
        go_on(site.page)
    assert site.scroll_width() <= 360
    index = visit(sample_site / "index.html", width=360)
    assert index.scroll_width() <= 360


def test_saved_progress_that_does_not_fit_is_ignored(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    key = site.page.get_attribute("#quiz-data", "data-storage-key")
    site.page.evaluate(
        "([key]) => localStorage.setItem(key, JSON.stringify({order: ['gone'], index: 0,"
        " results: {}, phase: 'question'}))",
        [key],
    )
    site.page.reload()
    assert site.text("#question-heading") == f"Question 1 of {len(site.questions)}"
    site.page.evaluate("([key]) => localStorage.setItem(key, '{not json')", [key])
    site.page.reload()
    assert site.text("#question-heading") == f"Question 1 of {len(site.questions)}"


def test_printing_shows_the_question_and_feedback_without_controls(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
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
        assert page.eval_on_selector_all(
            "input:checked", "inputs => inputs.map(input => input.value)"
        ) == [
            c
            for c in page.eval_on_selector_all(
                "input[type=checkbox]", "inputs => inputs.map(input => input.value)"
            )
            if c in question["answer"]
        ]
    elif kind == "cloze":
        for i, blank in enumerate(question["blanks"]):
            tab_until(page, f"el.id === 'blank-{i}'")
            keyboard.type(blank["answer"])
    elif kind == "matching":
        for i, pair in enumerate(question["pairs"]):
            tab_until(page, f"el.id === 'match-{i}'")
            steps = question["choices"].index(pair[1]) + 1
            for _ in range(steps):
                keyboard.press("ArrowDown")
            assert focused(page, "el.value") == pair[1]
    elif kind == "ordering":
        for position, text in enumerate(question["order"]):
            if shown_order(page).index(text) == position:
                continue
            tab_until(page, f"el.getAttribute('aria-label') === {json.dumps(f'Move “{text}” up')}")
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


def test_the_whole_journey_works_with_the_keyboard_alone(
    visit: Callable[..., Visit], sample_site: Path
) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    page = site.page
    answered = 0
    while not page.is_visible("#summary-screen"):
        question = site.shown_question()
        answer_with_keyboard(page, question)
        assert "Correct" in site.text("#feedback"), question["kind"]
        # After a check, focus is on the way on.
        assert focused(page, "el.id") == "next-button"
        page.keyboard.press("Enter")
        answered += 1
    assert answered == len(site.questions)
    assert "100%" in site.text("#summary-score")
    tab_until(page, "el.id === 'restart-button'")
    page.keyboard.press("Space")
    assert site.text("#question-heading") == f"Question 1 of {answered}"


def test_focus_is_visible_on_every_control(visit: Callable[..., Visit], sample_site: Path) -> None:
    site = visit(sample_site / "hostile-every-kind.html")
    outline_of_focused = (
        "getComputedStyle(el).outlineStyle + ' ' + parseFloat(getComputedStyle(el).outlineWidth)"
    )
    seen = set()
    for _ in range(12):
        site.page.keyboard.press("Tab")
        tag = focused(site.page, "el.tagName + (el.type ? ':' + el.type : '')")
        if tag == "BODY":  # past the last control
            break
        seen.add(tag)
        assert focused(site.page, outline_of_focused) in ("solid 3",), tag
    assert seen == {"A", "INPUT:radio", "BUTTON:submit"}


# ---- Accessibility ---------------------------------------------------------------------------


def axe_violations(page: Page) -> str:
    results = Axe().run(page)
    return "" if results.violations_count == 0 else results.generate_report()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_screen(
    visit: Callable[..., Visit], sample_site: Path, color_scheme: str
) -> None:
    index = visit(sample_site / "index.html", color_scheme=color_scheme)
    assert axe_violations(index.page) == ""

    site = visit(sample_site / "hostile-every-kind.html", color_scheme=color_scheme)
    assert axe_violations(site.page) == "", "start screen"
    while not site.page.is_visible("#summary-screen"):
        question = site.shown_question()
        assert axe_violations(site.page) == "", question["kind"]
        answer_with_mouse(site.page, question, correctly=question["kind"] != "single")
        assert axe_violations(site.page) == "", f"{question['kind']} checked"
        go_on(site.page)
    assert axe_violations(site.page) == "", "summary"
