"""Every writer reads a question's answers from one view; the view says the same as the question."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE_FACTS
from quizgen.build import BuildRequest, make_bank
from quizgen.questions.answer_view import answer_view, with_unaccented, without_accents
from quizgen.questions.model import ClozeBlank, Kind, Question, SourceNote


def bank_questions(facts: Path) -> tuple[Question, ...]:
    return make_bank(BuildRequest(facts, facts.parent / "decks", Path("unused"), ())).questions


@pytest.mark.parametrize("facts", EXAMPLE_FACTS)
def test_the_view_of_every_question_agrees_with_the_question(facts: Path) -> None:
    kinds_seen = set()
    for question in bank_questions(facts):
        view = answer_view(question)
        kinds_seen.add(question.kind)
        assert view.kind is question.kind
        assert view.correct == question.answer
        if question.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.YEAR):
            assert [option.text for option in view.options] == list(question.choices)
            assert set(view.correct_options) == set(question.answer) & set(question.choices)
            assert view.correct_options, question.id
        else:
            assert view.options == ()
        if question.kind is Kind.SINGLE or question.kind is Kind.TRUE_FALSE:
            assert len(view.correct_options) == 1
        if question.kind in (Kind.SHORT, Kind.YEAR):
            assert view.typed == (*question.answer, *question.accept)
            assert set(view.typed) <= set(view.typed_forms)
        else:
            assert view.typed == ()
        if question.kind is Kind.YEAR:
            assert view.year == int(question.answer[0])
        if question.kind is Kind.CLOZE:
            assert [blank.answer for blank in view.blanks] == list(question.answer)
            assert len(view.sentence_parts) >= len(view.blanks)
        if question.kind is Kind.MATCHING:
            assert sorted(view.match_options) == sorted(right for _, right in question.pairs)
        if question.kind is Kind.ORDERING:
            assert sorted(view.order_items) == sorted(view.order)
            assert [view.position_of[item] for item in view.order] == list(
                range(1, len(view.order) + 1)
            )
    assert kinds_seen


def test_a_typed_answer_counts_with_or_without_its_accents() -> None:
    assert without_accents("Chișinău") == "Chisinau"
    assert without_accents("Azərbaycan") == "Azərbaycan"  # schwa is a letter, not an accent
    assert with_unaccented(("Bakı", "Baku", "Türkiye")) == ("Bakı", "Baku", "Türkiye", "Turkiye")


def test_a_blank_accepts_its_answer_then_its_alternatives() -> None:
    question = Question(
        id="q-1",
        kind=Kind.CLOZE,
        prompt="____ signed in ____.",
        answer=("Tashkent", "1992"),
        explanation="",
        source=SourceNote(title="t"),
        fact_ids=("f",),
        template="test",
        prompt_parts=("", " signed in ", "."),
        blanks=(ClozeBlank("Tashkent", ("Toshkent",)), ClozeBlank("1992")),
    )
    view = answer_view(question)
    assert [blank.accepted for blank in view.blanks] == [("Tashkent", "Toshkent"), ("1992",)]
    assert view.typed == ()
