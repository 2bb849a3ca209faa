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
from quizgen.questions.explanations import Why
from quizgen.questions.model import ClozeBlank, Kind
from quizgen.questions.templates.base import Context
from quizgen.questions.wording import quoted

GAP = "____"


def statement_questions(statement: Statement, context: Context) -> Iterator[CheckedQuestion | None]:
    yield cloze(statement, context)
    yield statement_true_false(statement, context)


def cloze(statement: Statement, context: Context) -> CheckedQuestion | None:
    draft = context.draft("statement-cloze", Kind.CLOZE, [statement.id])
    parts = list(statement.text_parts)
    if statement.attributed:
        lead = context.cite_as(statement)
        parts[0] = context.attributed(parts[0], statement) if parts[0] else f"According to {lead}, "
    # The sentence is the stem with its blanks filled: the explanation tells what the facts hold
    # about what the blanks name and what the statement is about.
    named = [
        fact_id
        for blank in statement.blanks
        for fact_id in sorted(context.index.resolve(blank.answer))
    ]
    return draft.finish(
        statement,
        GAP.join(parts),
        [blank.answer for blank in statement.blanks],
        Why(
            "",
            would_be_false(statement),
            about=(*named, *statement.about, *context.told.named_in(statement.text)),
            bearing=statement.text,
        ),
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
        why=lambda value: Why(
            f"The statement is true with {quoted(statement.blanks[index].answer)} in place of "
            f"{quoted(value)}",
            about=statement.about,
        ),
    )
    return both.false_form if both is not None else None


def would_be_false(statement: Statement) -> str:
    """``It would be false with “Belarus” in place of “Russia”``: the wrong values the author
    vouches for, the errors a learner who half knows the fact makes."""
    swaps = [
        f"{quoted(blank.wrong[0])} in place of {quoted(blank.answer)}"
        for blank in statement.blanks
        if blank.wrong
    ]
    return f"It would be false with {' or '.join(swaps)}" if swaps else ""


def _filled(statement: Statement, values: dict[int, str]) -> str:
    """The statement with its blanks filled, some of them by ``values`` instead of the answer."""
    pieces = [statement.text_parts[0]]
    for i, (blank, part) in enumerate(zip(statement.blanks, statement.text_parts[1:], strict=True)):
        pieces += [values.get(i, blank.answer), part]
    return "".join(pieces)
