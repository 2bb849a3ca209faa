"""Builds a self-test of about 1,000 questions; times how soon Chromium shows the first one."""

from __future__ import annotations

import statistics
from pathlib import Path

from synthetic import write_synthetic_facts

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIRST_QUESTION = "#question-screen:not([hidden]) fieldset[data-question-id]"


def write_thousand_question_selftest(folder: Path, questions: int) -> Path:
    """The HTML page of one deck holding ``questions`` questions of a synthetic topic."""
    from quizgen.build import BuildRequest, run_build

    facts = write_synthetic_facts(folder / "facts.yaml", questions // 3, seed=5)
    decks = folder / "decks"
    decks.mkdir()
    # No count: the page keeps every question of the deck for practice, as the probe wants.
    (decks / "all.yaml").write_text(
        "name: Probe\ntitle: Probe\ndescription: One large self-test.\nseed: 1\n",
        encoding="utf-8",
    )
    run_build(BuildRequest(facts, decks, folder / "out", ("html",), seed=1))
    return folder / "out" / "probe.html"


def first_question_seconds(page_path: Path, chromium: str, repeats: int = 5) -> float:
    """Median time from navigation start until the first question is on screen."""
    from playwright.sync_api import sync_playwright

    samples = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for _ in range(repeats):
                context = browser.new_context()
                page = context.new_page()
                page.goto(page_path.as_uri())
                page.wait_for_selector(FIRST_QUESTION)
                milliseconds = page.evaluate("performance.now()")
                samples.append(milliseconds / 1000)
                context.close()
        finally:
            browser.close()
    return statistics.median(samples)
