"""The questions JSON document: every key a reading tool relies on, the same bytes each time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED_DECKS, BUNDLED_FACTS, HOSTILE_FACTS, run_quizgen
from quizgen.exporters import BuildOptions, get_exporter
from quizgen.exporters.json_export import bank_as_json
from quizgen.questions.model import ClozeBlank, Deck, Kind, Question, QuestionBank, SourceNote

# What docs/json-format.md promises about every question, and about each kind's own structure.
QUESTION_KEYS = {
    "id": str,
    "decks": list,
    "kind": str,
    "prompt": str,
    "choices": list,
    "answer": list,
    "accept": list,
    "explanation": str,
    "source": dict,
    "tags": list,
    "difficulty": int,
    "facts": list,
    "template": str,
    "claim": str,
    "distractors": list,
}
KIND_KEYS = {"cloze": {"prompt_parts", "blanks"}, "matching": {"pairs"}, "ordering": {"order"}}
SOURCE_KEYS = {"title", "quote", "reference", "url", "text"}
DOCUMENT_KEYS = ["format", "version", "title", "description", "slug", "language",
                 "generated_at", "seed", "decks", "questions"]  # fmt: skip
DECK_KEYS = {"name", "slug", "title", "description", "seed", "questions"}


def assert_is_questions_document(document: dict[str, Any]) -> None:
    """Checks the document against docs/json-format.md, key by key and reference by reference."""
    assert list(document) == DOCUMENT_KEYS
    assert (document["format"], document["version"]) == ("quizgen-questions", 1)
    ids = [question["id"] for question in document["questions"]]
    assert len(ids) == len(set(ids)), "question ids are unique"
    deck_names = [deck["name"] for deck in document["decks"]]
    for deck in document["decks"]:
        assert set(deck) == DECK_KEYS
        assert set(deck["questions"]) <= set(ids), f"deck {deck['name']} names unknown questions"
    for question in document["questions"]:
        kind = question["kind"]
        assert kind in {k.value for k in Kind}
        assert set(question) - {"reverse"} == set(QUESTION_KEYS) | KIND_KEYS.get(kind, set())
        for key, expected_type in QUESTION_KEYS.items():
            assert isinstance(question[key], expected_type), (question["id"], key)
        assert set(question["source"]) == SOURCE_KEYS
        assert question["decks"], f"{question['id']} is in no deck"
        for name in question["decks"]:
            assert name in deck_names
            deck = document["decks"][deck_names.index(name)]
            assert question["id"] in deck["questions"]
        if kind in ("single", "multiple", "true_false"):
            assert question["answer"] and set(question["answer"]) <= set(question["choices"])
        if kind in ("single", "multiple", "year"):
            wrong = [c for c in question["choices"] if c not in question["answer"]]
            reasons = question["distractors"]
            assert [d["option"] for d in reasons] == wrong or not reasons, question["id"]
            assert all(set(d) == {"option", "reason"} and d["reason"] for d in reasons)
        if kind == "cloze":
            assert len(question["prompt_parts"]) == len(question["blanks"]) + 1
            assert all(set(blank) == {"answer", "accept"} for blank in question["blanks"])
        if kind == "matching":
            assert all(len(pair) == 2 for pair in question["pairs"])


def hostile_bank(seed: int = 0) -> QuestionBank:
    """A bank with every kind, whose text would break naive JSON or HTML writers."""
    source = SourceNote(title='Notes "quoted" & <i>marked</i>', quote="x < y && y > z")
    common: dict[str, Any] = {"explanation": "Because \\ and \n and \t.", "source": source}
    questions = (
        Question(
            "q-single",
            Kind.SINGLE,
            "Which is <b>bold</b>?",
            ("Azərbaycan",),
            fact_ids=("azerbaijan",),
            template="t1",
            choices=("Россия", "Azərbaycan"),
            tags=("membership",),
            **common,
        ),  # fmt: skip
        Question(
            "q-multiple",
            Kind.MULTIPLE,
            "Which & which?",
            ("A", "C"),
            fact_ids=("a", "c"),
            template="t2",
            choices=("A", "B", "C"),
            difficulty=2,
            **common,
        ),  # fmt: skip
        Question(
            "q-true-false",
            Kind.TRUE_FALSE,
            "Ελλάδα is a state.",
            ("True",),
            fact_ids=("greece",),
            template="t3",
            choices=("True", "False"),
            **common,
        ),  # fmt: skip
        Question(
            "q-year",
            Kind.YEAR,
            "When?",
            ("1992",),
            fact_ids=("treaty",),
            template="t4",
            choices=("1991", "1992", "1993"),
            reverse_prompt="1992?",
            reverse_answer="The treaty",
            **common,
        ),  # fmt: skip
        Question(
            "q-short",
            Kind.SHORT,
            "Name it.",
            ("&amp;",),
            fact_ids=("term",),
            template="t5",
            accept=("ampersand",),
            **common,
        ),  # fmt: skip
        Question(
            "q-cloze",
            Kind.CLOZE,
            "In markup, ____ breaks a line.",
            ("<br/>",),
            fact_ids=("stmt",),
            template="t6",
            prompt_parts=("In markup, ", " breaks a line."),
            blanks=(ClozeBlank("<br/>", ("<br>",)),),
            **common,
        ),  # fmt: skip
        Question(
            "q-matching",
            Kind.MATCHING,
            "Match.",
            ("1992", "2002"),
            fact_ids=("a", "b"),
            template="t7",
            choices=("2002", "1992"),
            pairs=(("Treaty", "1992"), ("Charter", "2002")),
            **common,
        ),  # fmt: skip
        Question(
            "q-ordering",
            Kind.ORDERING,
            "Order.",
            ("First", "Second"),
            fact_ids=("a",),
            template="t8",
            choices=("Second", "First"),
            order=("First", "Second"),
            **common,
        ),  # fmt: skip
    )
    decks = (
        Deck("Hostile::<All>", "hostile-all", "All & more", "Every kind.", questions, seed),
        Deck("Hostile::Two", "hostile-two", "Two", "", questions[:2], seed),
    )
    return QuestionBank("Hostile <b>text</b> & friends", "", questions, decks, seed,
                        slug="hostile-b-text-b-friends", generated_at=1_600_000_000)  # fmt: skip


def test_every_kind_is_written_with_every_key_the_format_promises() -> None:
    document = json.loads(bank_as_json(hostile_bank()))

    assert_is_questions_document(document)
    by_id = {question["id"]: question for question in document["questions"]}
    assert by_id["q-cloze"]["blanks"] == [{"answer": "<br/>", "accept": ["<br>"]}]
    assert by_id["q-cloze"]["prompt_parts"] == ["In markup, ", " breaks a line."]
    assert by_id["q-matching"]["pairs"] == [["Treaty", "1992"], ["Charter", "2002"]]
    assert by_id["q-ordering"]["order"] == ["First", "Second"]
    assert by_id["q-year"]["reverse"] == {"prompt": "1992?", "answer": "The treaty"}
    assert by_id["q-single"]["decks"] == ["Hostile::<All>", "Hostile::Two"]
    assert by_id["q-year"]["decks"] == ["Hostile::<All>"]
    source_text = 'Notes "quoted" & <i>marked</i> — “x < y && y > z”'
    assert by_id["q-single"]["source"]["text"] == source_text


def test_text_is_written_as_it_is_and_reads_back_unchanged() -> None:
    text = bank_as_json(hostile_bank())
    document = json.loads(text)

    assert "Azərbaycan" in text and "Россия" in text, "non-ASCII letters are not escaped"
    assert "<b>bold</b>" in text and "&amp;" in text, "JSON is plain text, not HTML"
    assert document["title"] == "Hostile <b>text</b> & friends"
    assert document["questions"][0]["explanation"] == "Because \\ and \n and \t."
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "\r" not in text


def test_the_same_bank_gives_the_same_bytes() -> None:
    assert bank_as_json(hostile_bank()) == bank_as_json(hostile_bank())
    assert bank_as_json(hostile_bank(seed=1)) != bank_as_json(hostile_bank(seed=2))


def test_the_json_exporter_writes_the_listing_document(tmp_path: Path) -> None:
    bank = hostile_bank()
    exporter = get_exporter("json")
    written = exporter.write(bank, tmp_path, BuildOptions(seed=bank.seed))

    assert written == [tmp_path / "questions.json"]
    assert written[0].read_bytes() == bank_as_json(bank).encode("utf-8")


@pytest.mark.parametrize("topic", ["bundled", "hostile"])
def test_build_writes_questions_json_equal_to_the_questions_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, topic: str
) -> None:
    if topic == "bundled":
        inputs = ("--facts", BUNDLED_FACTS, "--decks", BUNDLED_DECKS)
    else:
        (tmp_path / "no-decks").mkdir()
        inputs = ("--facts", HOSTILE_FACTS, "--decks", tmp_path / "no-decks")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    out = tmp_path / "out"
    built = run_quizgen("build", *inputs, "--out", out, "--format", "json", "--seed", "4")
    listed = run_quizgen("questions", *inputs, "--json", "--seed", "4")

    assert built.exit_code == 0, built.output
    assert listed.exit_code == 0, listed.output
    assert sorted(path.name for path in out.iterdir()) == ["questions.json"]
    assert (out / "questions.json").read_bytes() == listed.stdout_bytes
    document = json.loads(listed.stdout)
    assert_is_questions_document(document)
    assert (document["generated_at"], document["seed"]) == (1_600_000_000, 4)


def test_a_deck_that_opts_out_of_json_is_left_out_of_questions_json(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "members.yaml").write_text(
        "name: CSTO::Members\ntags: [membership]\nformats: [anki]\n", encoding="utf-8"
    )
    (decks / "treaties.yaml").write_text(
        "name: CSTO::Treaties\ntags: [treaties]\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run_quizgen(
        "build", "--facts", BUNDLED_FACTS, "--decks", decks, "--out", out, "--format", "json"
    )

    assert result.exit_code == 0, result.output
    document = json.loads((out / "questions.json").read_text(encoding="utf-8"))
    assert_is_questions_document(document)
    (treaties,) = document["decks"]
    assert treaties["name"] == "CSTO::Treaties"
    assert [q["id"] for q in document["questions"]] == treaties["questions"]
    assert all("treaties" in q["tags"] for q in document["questions"])
