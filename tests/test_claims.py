"""Every question names the proposition it tests, so that a test can ask each fact once."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from conftest import BUNDLED_FACTS, EXAMPLE_FACTS
from quizgen.facts.loader import load_facts
from quizgen.questions.engine import generate_questions
from quizgen.questions.model import Kind, Question


def bank_of(path: Path, seed: int = 0) -> tuple[Question, ...]:
    return generate_questions(load_facts(path), seed)


def forms_by_claim(questions: tuple[Question, ...]) -> dict[str, list[Question]]:
    forms: dict[str, list[Question]] = defaultdict(list)
    for question in questions:
        forms[question.claim_id].append(question)
    return forms


@pytest.mark.parametrize("facts_path", EXAMPLE_FACTS)
def test_every_question_names_its_claim_and_the_name_does_not_depend_on_the_seed(
    facts_path: Path,
) -> None:
    first = {question.id: question.claim_id for question in bank_of(facts_path, seed=0)}
    other = {question.id: question.claim_id for question in bank_of(facts_path, seed=41)}
    assert all(first.values()), "a question without a claim"
    shared = first.keys() & other.keys()
    assert shared
    assert {qid: first[qid] for qid in shared} == {qid: other[qid] for qid in shared}


def test_the_choice_and_true_false_forms_of_one_participation_share_a_claim() -> None:
    forms = forms_by_claim(bank_of(BUNDLED_FACTS))
    armenia = forms["kavkaz-2020/participant/armenia"]
    assert {question.kind for question in armenia} == {Kind.SINGLE, Kind.TRUE_FALSE}
    assert all("Armenia" in q.prompt or "Armenia" in q.answer for q in armenia)


def test_a_term_asked_forwards_backwards_and_as_true_false_is_one_claim() -> None:
    bank = bank_of(BUNDLED_FACTS)
    terms = {q.fact_ids[0] for q in bank if q.template.startswith("term-")}
    assert terms
    kinds_seen = set()
    for term in terms:
        forms = [q for q in bank if q.fact_ids[0] == term and q.template.startswith("term-")]
        assert {q.claim_id for q in forms} == {f"{term}/name"}
        kinds_seen |= {q.kind for q in forms}
    # A term is asked among definitions only beside two more of its category.
    assert kinds_seen >= {Kind.SHORT, Kind.TRUE_FALSE}


def test_a_false_statement_tests_the_same_claim_as_the_question_asking_it_directly() -> None:
    """ "The Treaty was signed in Astana" (false) asks what "Where was the Treaty signed?" asks."""
    bank = bank_of(BUNDLED_FACTS)
    direct = {q.claim_id for q in bank if q.kind in (Kind.SINGLE, Kind.YEAR)}
    false_statements = [
        q
        for q in bank
        if q.kind is Kind.TRUE_FALSE
        and "False" in q.answer
        and q.template in ("event-true-false", "document-true-false")
    ]
    assert false_statements
    shared = [q for q in false_statements if q.claim_id in direct]
    assert shared, "some false statement shares its claim with a direct question"
    assert all(q.claim_id.endswith(("/place", "/year")) for q in false_statements)
