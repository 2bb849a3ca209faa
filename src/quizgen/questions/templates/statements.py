"""Questions on a free statement: a cloze with its blanks, and the statement to judge.

A statement is free text, so the oracle cannot prove a changed copy false by itself (swapping
"Tashkent" for another city may still be true of something): its false form swaps in a value the
author wrote as making it false (``{1993|!1992}``). The true statement is never asked: it is
the cloze word for word, so each would give the other away; without a wrong value there is no
true/false item.
"""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.facts.model import Statement
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.model import ClozeBlank, Kind
from quizgen.questions.templates.base import Context
from quizgen.questions.wording import sentence

GAP = "____"


def statement_questions(statement: Statement, context: Context) -> Iterator[CheckedQuestion | None]:
    yield cloze(statement, context)
    yield statement_true_false(statement, context)


def cloze(statement: Statement, context: Context) -> CheckedQuestion | None:
    draft = context.draft("statement-cloze", Kind.CLOZE, [statement.id])
    parts = list(statement.text_parts)
    explanation = sentence(statement.text)
    if statement.attributed:
        lead = context.cite_as(statement)
        parts[0] = context.attributed(parts[0], statement) if parts[0] else f"According to {lead}, "
        explanation = context.attributed(explanation, statement)
    return draft.finish(
        statement,
        GAP.join(parts),
        [blank.answer for blank in statement.blanks],
        explanation,
        [Claim(Relation.BLANK, statement.id, detail=str(i)) for i in range(len(statement.blanks))],
        prompt_parts=parts,
        blanks=[ClozeBlank(b.answer, b.accept) for b in statement.blanks],
        attribute=False,
    )


def statement_true_false(statement: Statement, context: Context) -> CheckedQuestion | None:
    draft = context.draft("statement-true-false", Kind.TRUE_FALSE, [statement.id])
    swaps = [(i, wrong) for i, blank in enumerate(statement.blanks) for wrong in blank.wrong]
    if not swaps:
        return None
    # One blank swapped for one wrong value: the item tests that one word.
    index, wrong = draft.rng.choice(swaps)
    both = draft.true_false(
        statement,
        Claim(Relation.BLANK, statement.id, detail=str(index)),
        statement.blanks[index].answer,
        lambda: [wrong],
        lambda value: _filled(statement, {index: value}),
    )
    return both.false_form if both is not None else None


def _filled(statement: Statement, values: dict[int, str]) -> str:
    """The statement with its blanks filled, some of them by ``values`` instead of the answer."""
    pieces = [statement.text_parts[0]]
    for i, (blank, part) in enumerate(zip(statement.blanks, statement.text_parts[1:], strict=True)):
        pieces += [values.get(i, blank.answer), part]
    return "".join(pieces)
