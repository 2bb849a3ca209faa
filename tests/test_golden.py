"""Every wording change is visible: the question listing of each example facts file is kept
under tests/golden/ and compared line by line.

Regenerate them all after a deliberate change with:

    QUIZGEN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ASTRONOMY_FACTS, LITERATURE_FACTS, run_quizgen

GOLDEN = Path(__file__).resolve().parent / "golden"
LISTINGS = {
    "astronomy": ASTRONOMY_FACTS,
    "literature": LITERATURE_FACTS,
}


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_the_question_listing_matches_its_golden_file(name: str) -> None:
    result = run_quizgen("questions", "--facts", LISTINGS[name])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("QUIZGEN_UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert golden.exists(), f"run QUIZGEN_UPDATE_GOLDEN=1 python -m pytest {__file__}"
    assert result.output.splitlines() == golden.read_text(encoding="utf-8").splitlines()
