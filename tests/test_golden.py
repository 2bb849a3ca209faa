"""The readable question listing of the example facts files (the bundled topic, histories and
sciences) is kept in tests/golden/, so that every change of wording shows in review as a diff.

After a deliberate change, regenerate the listings and read the diff:

    QUIZGEN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import (
    ASTRONOMY_FACTS,
    BUNDLED_DECKS,
    BUNDLED_FACTS,
    EU_FACTS,
    LITERATURE_FACTS,
    PLANETS_FACTS,
    run_quizgen,
)

GOLDEN = Path(__file__).resolve().parent / "golden"
LISTINGS = [
    pytest.param(BUNDLED_FACTS, BUNDLED_DECKS, "bundled.txt", id="bundled"),
    # Without a decks folder beside it, a facts file is one whole-topic deck.
    pytest.param(EU_FACTS, None, "eu.txt", id="eu"),
    pytest.param(PLANETS_FACTS, None, "planets.txt", id="planets"),
    pytest.param(ASTRONOMY_FACTS, None, "astronomy.txt", id="astronomy"),
    pytest.param(LITERATURE_FACTS, None, "literature.txt", id="literature"),
]


@pytest.mark.parametrize(("facts", "decks", "name"), LISTINGS)
def test_the_question_listing_matches_its_golden_file(
    facts: Path, decks: Path | None, name: str
) -> None:
    result = run_quizgen("questions", "--facts", facts, *(["--decks", decks] if decks else []))
    assert result.exit_code == 0, result.output
    golden = GOLDEN / name
    if os.environ.get("QUIZGEN_UPDATE_GOLDEN") == "1":
        golden.write_text(result.output, encoding="utf-8")
    assert golden.exists(), f"no {name}: run QUIZGEN_UPDATE_GOLDEN=1 python -m pytest {__file__}"
    assert result.output == golden.read_text(encoding="utf-8"), (
        f"the listing of {facts.name} changed: if on purpose, regenerate the golden files "
        "(QUIZGEN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py) and review the diff"
    )
