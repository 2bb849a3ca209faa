"""The question engine: turns a facts model into the whole question bank, each question paired
with the claims the oracle checks. Templates live in ``questions.templates``, one per fact kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import Any

from quizgen.facts.model import Document, Entity, Event, Fact, Facts, Group, Person, Statement, Term
from quizgen.questions.claims import CheckedQuestion
from quizgen.questions.index import FactIndex, contains_word
from quizgen.questions.model import Kind, Question
from quizgen.questions.oracle import Oracle
from quizgen.questions.templates.base import Context
from quizgen.questions.templates.categories import (
    category_member_questions,
    entity_category_questions,
)
from quizgen.questions.templates.documents import document_questions
from quizgen.questions.templates.entities import entity_questions
from quizgen.questions.templates.events import event_questions
from quizgen.questions.templates.groups import group_questions
from quizgen.questions.templates.history import history_questions
from quizgen.questions.templates.lives import in_force_questions, life_questions
from quizgen.questions.templates.people import person_questions
from quizgen.questions.templates.quantities import comparison_questions, quantity_questions
from quizgen.questions.templates.relations import link_questions, relation_matching
from quizgen.questions.templates.sets import set_questions
from quizgen.questions.templates.statements import statement_questions
from quizgen.questions.templates.terms import term_questions

Template = Callable[[Any, Context], Iterator[CheckedQuestion | None]]

# Which templates a kind of fact gets, in the order their questions appear in the bank.
TEMPLATES: tuple[tuple[type | tuple[type, ...], Template], ...] = (
    (Entity, entity_questions),
    (Group, group_questions),
    (Event, event_questions),
    (Document, document_questions),
    (Person, person_questions),
    (Term, term_questions),
    (Statement, statement_questions),
    # What any named fact may carry besides its kind's own keys; nothing in files without them.
    (Entity, entity_category_questions),
    ((Entity, Group, Event, Document, Person), quantity_questions),
    ((Entity, Group, Event, Document, Person), link_questions),
    (Person, life_questions),
    (Document, in_force_questions),
    ((Entity, Group), history_questions),
)


def generate_questions(facts: Facts, seed: int) -> tuple[Question, ...]:
    """Every question the facts support, in fact file order, then template order."""
    return tuple(checked.question for checked in generate_checked(facts, seed))


def generate_checked(facts: Facts, seed: int) -> tuple[CheckedQuestion, ...]:
    """Like ``generate_questions``, each question with the claims the oracle can check it by."""
    index = FactIndex(facts)
    context = Context(facts, index, Oracle(facts, index), seed)
    # A question on several facts follows the questions of the first of them.
    sets_after: dict[str, list[CheckedQuestion]] = {}
    sets = chain(
        set_questions(context),
        comparison_questions(context),
        category_member_questions(context),
        relation_matching(context),
    )
    for checked in _kept(sets, context.oracle):
        sets_after.setdefault(checked.question.fact_ids[0], []).append(checked)
    bank: list[CheckedQuestion] = []
    for fact in facts.all_facts:
        bank += _kept(questions_for(fact, context), context.oracle)
        bank += sets_after.pop(fact.id, [])
    return _unique(bank)


def questions_for(fact: Fact, context: Context) -> Iterator[CheckedQuestion | None]:
    for fact_type, template in TEMPLATES:
        if isinstance(fact, fact_type):
            yield from template(fact, context)


def _kept(drafts: Iterable[CheckedQuestion | None], oracle: Oracle) -> list[CheckedQuestion]:
    kept = []
    for draft in drafts:
        checked = _settled_blanks(draft, oracle) if draft is not None else None
        if checked is not None and not gives_itself_away(checked.question):
            kept.append(checked)
    return kept


def _settled_blanks(checked: CheckedQuestion, oracle: Oracle) -> CheckedQuestion | None:
    """A cloze whose every blank the facts settle: an accepted spelling they do not settle is
    left out, and a cloze whose answer they do not is dropped. Two provisions of one document
    may share a label ("Article 1" twice, or "Article 1" and "Annex 1" both typed as "1")."""
    question = checked.question
    if question.kind is not Kind.CLOZE:
        return checked
    blanks = []
    for claim, blank in zip(checked.claims, question.blanks, strict=True):
        if not oracle.is_true(claim, blank.answer):
            return None
        settled_accept = tuple(a for a in blank.accept if oracle.is_true(claim, a))
        blanks.append(replace(blank, accept=settled_accept))
    settled = {a for blank in blanks for a in blank.accept}
    accept = tuple(a for a in question.accept if a in settled)
    return replace(checked, question=replace(question, blanks=tuple(blanks), accept=accept))


GIVEAWAY_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.YEAR, Kind.SHORT})


def gives_itself_away(question: Question) -> bool:
    """True when the stem already contains an answer or an accepted one: "In which year did
    Kavkaz-2020 take place?" teaches nothing, and a choice that the stem repeats is no test."""
    if question.kind not in GIVEAWAY_KINDS:
        return False
    prompt = question.prompt.casefold()
    answers = [text.casefold() for text in (*question.answer, *question.accept) if text.strip()]
    return any(contains_word(prompt, answer) for answer in answers)


def _unique(bank: list[CheckedQuestion]) -> tuple[CheckedQuestion, ...]:
    """The bank without repeats: a question asked twice about one fact (two true/false questions
    that swapped in the same wrong name) is kept once, the first time."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for checked in bank:
        question = checked.question
        options = tuple(sorted(question.choices))
        keys = {
            (question.id,),
            (question.fact_ids[0], question.kind.value, question.prompt, *options),
        }
        if not keys & seen:
            seen |= keys
            kept.append(checked)
    return tuple(kept)
