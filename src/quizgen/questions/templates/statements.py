"""Questions on a free statement: a cloze with its blanks, and the statement to judge true.

A statement is free text, so the oracle cannot prove a changed copy false (swapping "Tashkent" for
another city may still be true of something); its true/false question is therefore always true.
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
    claim = Claim(Relation.STATEMENT, statement.id)
    return draft.true_false(statement, claim, statement.text, lambda: [], lambda value: value)
