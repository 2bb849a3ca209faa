"""A teacher reviews the question bank with ``quizgen questions``, as text or as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED_DECKS, BUNDLED_FACTS, HOSTILE_FACTS, run_quizgen
from quizgen.facts.loader import load_facts
from test_json import assert_is_questions_document

BUNDLED = ("--facts", BUNDLED_FACTS, "--decks", BUNDLED_DECKS)
BUNDLED_DECK_NAMES = [
    "CSTO::July 2020 escalation",
    "CSTO::Kavkaz-2020",
    "CSTO::Members and observers",
    "CSTO::Treaties and dates",
    "CSTO::Whole topic",
]


@pytest.fixture(autouse=True)
def fixed_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reproducible output is promised for a fixed SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")


def questions_json(*args: Any) -> dict[str, Any]:
    result = run_quizgen("questions", *args, "--json")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_the_bundled_bank_lists_every_deck_with_every_key_of_every_question() -> None:
    document = questions_json(*BUNDLED)

    assert_is_questions_document(document)
    assert [deck["name"] for deck in document["decks"]] == BUNDLED_DECK_NAMES
    whole_topic = document["decks"][-1]
    assert whole_topic["questions"] == [q["id"] for q in document["questions"]]
    fact_ids = {fact.id for fact in load_facts(BUNDLED_FACTS).all_facts}
    for question in document["questions"]:
        assert question["prompt"] and question["answer"], question["id"]
        assert set(question["facts"]) <= fact_ids, question["id"]


@pytest.mark.parametrize(
    ("deck", "tag", "facts"),
    [
        (
            "members",
            "membership",
            ("eaeu", "argument-2002-military-institution", "csto-charter-chisinau"),
        ),
        ("CSTO::Treaties and dates", "treaties", ()),
        (
            "csto-july-2020-escalation",
            "july-2020",
            (
                "azerbaijan-arms-from-russia",
                "azerbaijan-arms-sipri",
                "belarus-arms-supplier",
                "russian-base-gyumri",
                "gyumri-base-extension",
                "argument-crimea-discourse",
                "argument-multilateral-bilateral",
                "kavkaz-2020-snap-drills",
                "kavkaz-2020-third-party-denied",
            ),
        ),
        ("kavkaz-2020", "kavkaz-2020", ()),
    ],
)
def test_each_bundled_deck_holds_the_questions_of_its_tag_and_its_listed_facts(
    deck: str, tag: str, facts: tuple[str, ...]
) -> None:
    whole = questions_json(*BUNDLED)
    chosen = questions_json(*BUNDLED, "--deck", deck)

    (only_deck,) = chosen["decks"]
    tagged = [
        q["id"] for q in whole["questions"] if tag in q["tags"] or set(q["facts"]) & set(facts)
    ]
    assert tagged, f"the bundled facts have questions tagged {tag}"
    assert only_deck["questions"] == tagged
    assert [q["id"] for q in chosen["questions"]] == tagged
    assert all(q["decks"] == [only_deck["name"]] for q in chosen["questions"])


def test_the_same_seed_gives_byte_identical_json() -> None:
    first = run_quizgen("questions", *BUNDLED, "--json", "--seed", "11")
    again = run_quizgen("questions", *BUNDLED, "--json", "--seed", "11")

    assert first.exit_code == again.exit_code == 0
    assert first.stdout_bytes == again.stdout_bytes
    assert first.stdout_bytes.endswith(b"}\n")


def test_another_seed_keeps_every_question_id() -> None:
    one, other = questions_json(*BUNDLED, "--seed", "1"), questions_json(*BUNDLED, "--seed", "2")

    assert [q["id"] for q in one["questions"]] == [q["id"] for q in other["questions"]]
    assert [d["questions"] for d in one["decks"]] == [d["questions"] for d in other["decks"]]
    assert (one["seed"], other["seed"]) == (1, 2)


def test_the_text_listing_numbers_each_decks_questions_and_marks_the_correct_options() -> None:
    document = questions_json(*BUNDLED, "--deck", "treaties")
    result = run_quizgen("questions", *BUNDLED, "--deck", "treaties")

    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith(document["title"] + "\n")
    assert "== CSTO::Treaties and dates (csto-treaties-and-dates) ==" in text
    blocks = text.split("\n\n")[2:]  # after the title and the deck heading
    assert len(blocks) == len(document["questions"])
    for number, (block, question) in enumerate(zip(blocks, document["questions"], strict=True), 1):
        lines = block.splitlines()
        assert lines[0].startswith(f"{number}. [{question['kind']}, ")
        assert question["prompt"] in lines[0]
        marked = [line.split("] ", 1)[1] for line in lines if line.lstrip().startswith("[x] ")]
        assert marked == [c for c in question["choices"] if c in question["answer"]]
        assert lines[-2].strip() == f"Claim: {question['claim']}"
        assert lines[-1].strip() == f"Id: {question['id']}"


def test_hostile_text_is_listed_exactly_as_written(tmp_path: Path) -> None:
    (tmp_path / "no-decks").mkdir()
    hostile = ("--facts", HOSTILE_FACTS, "--decks", tmp_path / "no-decks")
    result = run_quizgen("questions", *hostile)
    document = questions_json(*hostile)

    assert result.exit_code == 0, result.output
    assert [deck["name"] for deck in document["decks"]] == ["Hostile <b>text</b> & friends"]
    assert document["decks"][0]["slug"] == "hostile-b-text-b-friends"
    text = json.dumps(document, ensure_ascii=False)
    for written in ("Azərbaycan", "Россия", "Ελλάδα", "Trinidad & Tobago", "Less<Than"):
        assert written in text
        assert written in result.output
    assert "&amp;lt;" not in result.output and "&lt;" not in result.output


def test_an_unknown_deck_is_a_usage_error() -> None:
    result = run_quizgen("questions", *BUNDLED, "--deck", "kavkas-2020")

    assert result.exit_code == 2
    assert "unknown deck 'kavkas-2020'" in result.output
    for name in BUNDLED_DECK_NAMES:
        assert f"'{name}'" in result.output
