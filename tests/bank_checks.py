"""Checks a generated question bank is fair: each question well shaped, and every option of every
question judged by the oracle as the question says (right ones true, wrong ones false)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.questions.claims import CheckedQuestion
from quizgen.questions.index import text_key
from quizgen.questions.model import Kind, Question
from quizgen.questions.oracle import Oracle, Verdict

ID_FORM = re.compile(r"^q-[0-9a-f]{12}$")
CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.YEAR)


def unfair(question: Question) -> str:
    """What is wrong with a question's shape, or "" when nothing is."""
    kind, choices, answer = question.kind, question.choices, question.answer
    if not question.prompt.strip() or not question.explanation.strip():
        return "an empty prompt or explanation"
    if not ID_FORM.match(question.id) or not question.fact_ids or not question.template:
        return "no stable identity"
    if not 1 <= question.difficulty <= 3:
        return "a difficulty outside 1-3"
    if len({text_key(c) for c in choices}) != len(choices):
        return "two options alike"
    if kind is Kind.SINGLE and not (len(answer) == 1 and 3 <= len(choices) <= 4):
        return "a single answer needs one right option among three or four"
    if kind is Kind.MULTIPLE and not (1 <= len(answer) < len(choices)):
        return "select-all needs at least one right and one wrong option"
    if kind is Kind.TRUE_FALSE and (choices != ("True", "False") or len(answer) != 1):
        return "true/false must offer True and False"
    if kind is Kind.YEAR and not (len(choices) >= 3 and list(choices) == sorted(choices, key=int)):
        return "a year needs three or more years, in order"
    if kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.YEAR) and not (
        set(answer) <= set(choices)
    ):
        return "an answer that is not an option"
    if kind is Kind.MATCHING and not (
        3 <= len(question.pairs) <= 6
        and sorted(choices) == sorted(r for _, r in question.pairs)
        and list(choices) != [r for _, r in question.pairs]
    ):
        return "matching needs 3-6 pairs with the right-hand texts out of order"
    if kind is Kind.ORDERING and not (
        3 <= len(question.order) <= 5
        and sorted(choices) == sorted(question.order)
        and choices != question.order
    ):
        return "ordering needs 3-5 items shown out of order"
    if kind is Kind.CLOZE and not (
        question.blanks and len(question.prompt_parts) == len(question.blanks) + 1
    ):
        return "a cloze needs its blanks and the text around them"
    if kind in (Kind.SHORT, Kind.CLOZE, Kind.YEAR) and not all(a.strip() for a in answer):
        return "an empty typed answer"
    return ""


def check_choices(oracle: Oracle, checked: CheckedQuestion) -> list[str]:
    question = checked.question
    wrong = []
    for choice in question.choices:
        expected = Verdict.TRUE if choice in question.answer else Verdict.FALSE
        found = oracle.verdict(checked.claim, choice)
        if found is not expected:
            wrong.append(f"{question.template}: {question.prompt!r} option {choice!r} is {found}")
    return wrong


def check_typed(oracle: Oracle, checked: CheckedQuestion) -> list[str]:
    question = checked.question
    if question.kind is Kind.CLOZE:
        pairs = [
            (claim, text)
            for claim, blank in zip(checked.claims, question.blanks, strict=True)
            for text in (blank.answer, *blank.accept)
        ]
    else:
        pairs = [(checked.claim, text) for text in (*question.answer, *question.accept)]
    return [
        f"{question.template}: {question.prompt!r} does not accept {text!r}"
        for claim, text in pairs
        if not oracle.is_true(claim, text)
    ]


def check_matching(oracle: Oracle, checked: CheckedQuestion) -> list[str]:
    question = checked.question
    wrong = []
    for claim, (left, right) in zip(checked.claims, question.pairs, strict=True):
        for _, other in question.pairs:
            expected = Verdict.TRUE if other == right else Verdict.FALSE
            if oracle.verdict(claim, other) is not expected:
                wrong.append(f"{question.template}: {left!r} and {other!r} is not {expected}")
    return wrong


def check_ordering(oracle: Oracle, checked: CheckedQuestion) -> list[str]:
    question = checked.question
    wrong = []
    for i, claim in enumerate(checked.claims):
        for j, other in enumerate(question.order):
            if i != j and oracle.verdict(claim, other) is not Verdict.of(i < j):
                wrong.append(f"{question.order[i]!r} and {other!r} are not in order")
    return wrong


def oracle_disagreements(oracle: Oracle, checked: CheckedQuestion) -> list[str]:
    """Every option, typed answer, pair or order of one question the oracle does not bear out."""
    kind = checked.question.kind
    problems: list[str] = []
    if kind in CHOICE_KINDS:
        problems += check_choices(oracle, checked)
    if kind in (Kind.SHORT, Kind.CLOZE, Kind.YEAR):
        problems += check_typed(oracle, checked)
    if kind is Kind.MATCHING:
        problems += check_matching(oracle, checked)
    if kind is Kind.ORDERING:
        problems += check_ordering(oracle, checked)
    return problems


def guessing_pays(questions: Sequence[Question], low: float = 0.4, high: float = 0.6) -> str:
    """What is wrong with a deck's true/false items as a whole: guessing "True" (or "False") must
    not pay, so between 40 % and 60 % of them are true. "" when fine or when there are none."""
    answers = [q.answer[0] for q in questions if q.kind is Kind.TRUE_FALSE]
    if not answers:
        return ""
    share = answers.count("True") / len(answers)
    if low <= share <= high:
        return ""
    return f"{answers.count('True')} of {len(answers)} true/false items are True ({share:.0%})"


def true_twins(questions: Sequence[Question]) -> list[str]:
    """True/false items keyed True that state a cloze of the bank word for word: each gives the
    other away."""
    cloze_texts = set()
    for q in questions:
        if q.kind is Kind.CLOZE:
            filled = [q.prompt_parts[0]]
            for blank, part in zip(q.blanks, q.prompt_parts[1:], strict=True):
                filled += [blank.answer, part]
            cloze_texts.add(text_key("".join(filled)))
    return [
        q.prompt
        for q in questions
        if q.kind is Kind.TRUE_FALSE
        and q.answer == ("True",)
        and text_key(q.prompt.removeprefix("True or false? ")) in cloze_texts
    ]


def unexplained_distractors(question: Question) -> list[str]:
    """Wrong options of a choice question that carry no reason for a teacher to audit."""
    if question.kind not in (Kind.SINGLE, Kind.MULTIPLE, Kind.YEAR):
        return []
    reasons = dict(question.distractor_reasons)
    return [c for c in question.choices if c not in question.answer and not reasons.get(c)]
