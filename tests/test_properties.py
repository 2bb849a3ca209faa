"""Property tests over random valid facts files: whatever a curator writes within the format, the
file loads, every format builds, every question is fair and agrees with the oracle, and the same
seed gives the same bank."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bank_checks import oracle_disagreements, unfair
from conftest import run_quizgen
from facts_strategies import Data, facts_data, write_facts
from quizgen.exporters import exporter_names
from quizgen.facts.loader import load_facts
from quizgen.facts.model import Facts
from quizgen.questions.engine import generate_checked, generate_questions
from quizgen.questions.oracle import Oracle

# Derandomized and without an example database, so a run in CI tries the same files as on a laptop.
CHEAP = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Loading alone, and loading twice to compare: fewer files suffice.
LOADING = settings(CHEAP, max_examples=40)
# Building writes every format, the PDF among them: fewer files still.
COSTLY = settings(CHEAP, max_examples=25)
SEEDS = st.integers(min_value=0, max_value=2**31 - 1)
BUILD_EPOCH = "1700000000"
# What each format writes at least one of; the registry must hold exactly these formats.
OUTPUT_SUFFIXES = {
    "json": ".json",
    "anki": ".apkg",
    "pdf": ".pdf",
    "html": ".html",
    "moodle": "-moodle.xml",
    "gift": "-gift.txt",
    "qti": "-qti.zip",
}


@contextmanager
def loaded(data: Data) -> Iterator[tuple[Path, Facts]]:
    """The drawn file written into a fresh folder, with what the loader made of it."""
    with tempfile.TemporaryDirectory(prefix="quizgen-property-") as folder:
        path = write_facts(data, Path(folder))
        yield path, load_facts(path)


@contextmanager
def source_date_epoch(value: str) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set for one build, as a reproducible build sets it."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


NAME_KEYS = {
    "entities": "name",
    "groups": "name",
    "events": "name",
    "documents": "name",
    "people": "name",
    "terms": "term",
}


@LOADING
@given(data=facts_data())
def test_a_valid_file_loads_with_every_fact_as_written(data: Data) -> None:
    with loaded(data) as (_, facts):
        assert [s.id for s in facts.sources] == [s["id"] for s in data.get("sources", [])]
        for section, name_key in NAME_KEYS.items():
            drawn = data.get(section, [])
            assert [fact.id for fact in getattr(facts, section)] == [item["id"] for item in drawn]
            # Markup, quotes and non-Latin letters arrive as written: nothing escaped or dropped.
            assert [facts.name_of(item["id"]) for item in drawn] == [i[name_key] for i in drawn]
        for item, document in zip(data.get("documents", []), facts.documents, strict=True):
            assert str(document.signed) == item["signed"]
        for item, statement in zip(data.get("statements", []), facts.statements, strict=True):
            assert len(statement.blanks) == item["text"].count("{")


@CHEAP
@given(data=facts_data(), seed=SEEDS)
def test_every_question_is_fair_and_agrees_with_the_oracle(data: Data, seed: int) -> None:
    with loaded(data) as (_, facts):
        bank = generate_checked(facts, seed)
        oracle = Oracle(facts)
        questions = [checked.question for checked in bank]
        shapes = [f"{q.template}: {q.prompt!r}: {unfair(q)}" for q in questions if unfair(q)]
        assert shapes == []
        disagreements = [p for checked in bank for p in oracle_disagreements(oracle, checked)]
        assert disagreements == []
        assert len({q.id for q in questions}) == len(questions), "two questions share an id"


@LOADING
@given(data=facts_data(), seed=SEEDS)
def test_the_same_seed_gives_the_same_bank(data: Data, seed: int) -> None:
    with loaded(data) as (path, facts):
        first = generate_checked(facts, seed)
        # A second load, too: nothing may depend on the identity of the loaded objects.
        again = generate_checked(load_facts(path), seed)
        assert first == again


@COSTLY
@given(data=facts_data(), seed=SEEDS)
def test_the_cli_builds_every_format_from_any_valid_file(data: Data, seed: int) -> None:
    with loaded(data) as (path, facts), source_date_epoch(BUILD_EPOCH):
        decks = path.parent / "decks"
        decks.mkdir()
        out = path.parent / "output"
        result = run_quizgen(
            "build", "--facts", path, "--decks", decks, "--out", out, "--seed", str(seed), "-q"
        )
        # The whole-topic deck leaves out background questions (an article's number, say).
        expected_ids = [q.id for q in generate_questions(facts, seed) if not q.background]
        event("no question" if not expected_ids else "some questions")
        if not expected_ids:
            # Facts that support no question at all (two bare entities) make an empty deck: the
            # build refuses it in one clean line and writes nothing.
            assert result.exit_code == 1, result.output
            assert "selects no questions" in result.output
            assert not out.exists() or not any(out.iterdir())
            return
        assert result.exit_code == 0, result.output
        written = sorted(p.name for p in out.iterdir())
        assert set(OUTPUT_SUFFIXES) == set(exporter_names())
        for name, suffix in OUTPUT_SUFFIXES.items():
            assert any(w.endswith(suffix) for w in written), f"no {name} output in {written}"
        assert not [w for w in written if w.startswith(".quizgen-staging-")]
        listed = json.loads((out / "questions.json").read_text(encoding="utf-8"))
        assert [q["id"] for q in listed["questions"]] == expected_ids
