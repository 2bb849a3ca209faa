"""A learner types an answer: every grader (Python, and the self-test's JavaScript run in node)
accepts the same forms, by one table of answers, accepted and rejected."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from conftest import PROJECT
from quizgen.questions.answers import answer_key, is_accepted

GRADING = Path(__file__).resolve().parent / "grading"
CASES_PATH = GRADING / "answer_cases.json"
CASES = json.loads(CASES_PATH.read_text(encoding="utf-8"))["cases"]
ANSWERS_JS = PROJECT / "src" / "quizgen" / "data" / "html" / "answers.js"

Grader = Callable[[str, Iterable[str]], bool]


def disagreements(grader: Grader) -> list[str]:
    return [
        f"{case['typed']!r} for {case['answer']!r} ({case['why']})"
        for case in CASES
        if grader(case["typed"], [case["answer"], *case["accept"]]) is not case["correct"]
    ]


def test_the_python_grader_agrees_with_every_case() -> None:
    assert disagreements(is_accepted) == []


def test_the_table_catches_a_grader_that_only_ignores_case() -> None:
    def naive(typed: str, accepted: Iterable[str]) -> bool:
        return any(typed.strip().casefold() == text.casefold() for text in accepted)

    found = disagreements(naive)
    assert "'1000' for 'up to 1,000' (digit grouping)" in found
    assert "'Kavkaz 2020' for 'Kavkaz-2020' (a hyphen or a space)" in found


def test_the_self_test_grader_agrees_with_every_case() -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("no node found: CI must install Debian's nodejs package")
        pytest.skip("no node found (install nodejs to check the self-test's grader)")
    run = subprocess.run(
        [node, str(GRADING / "check_answers.js"), str(ANSWERS_JS), str(CASES_PATH)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{len(CASES)} of {len(CASES)} agree" in run.stdout


def test_the_key_keeps_what_tells_answers_apart() -> None:
    assert answer_key("6.5") != answer_key("65")
    assert answer_key("Kavkaz-2020") != answer_key("Kavkaz-2016")
