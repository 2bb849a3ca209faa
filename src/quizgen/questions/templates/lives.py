"""Questions on dates that bound other facts: when a document entered into force. A person's
life known to the year is not asked (the year is trivia beside what the person did); it bounds
the person's roles and is told in explanations. One known roughly is asked by its century."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.facts.model import Document, PartialDate
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.explanations import Why
from quizgen.questions.model import Kind
from quizgen.questions.templates.base import Context
from quizgen.questions.wording import capitalized, document_in_sentence, on_date


def era_year(year: int) -> str:
    """``19 BC`` for -19, ``AD 800`` for 800, ``1992`` for 1992."""
    if year < 0:
        return f"{-year} BC"
    return f"AD {year}" if year < 1000 else str(year)


def year_text(when: PartialDate | None) -> str:
    """A date as a stem names it: its year (``1972``, ``AD 800``, ``44 BC``), or as written
    when it is known only roughly (``c. 1265``, ``the 11th century``)."""
    if when is None:
        return ""
    return when.text if when.approximate or when.century else era_year(when.year)


def in_force_questions(document: Document, context: Context) -> Iterator[CheckedQuestion | None]:
    # In force the year it was signed, the year is the one its signing question asks, and no
    # option may lie before it: the answer would always be the earliest one.
    if document.in_force is None or (
        document.signed.exact and document.in_force.year == document.signed.year
    ):
        return
    draft = context.draft("document-in-force", Kind.YEAR, [document.id])
    name = document_in_sentence(document.name)
    yield draft.year(
        document,
        f"In which year did {name} enter into force?",
        document.in_force.year,
        Claim(Relation.IN_FORCE_IN, document.id),
        Why(
            f"{capitalized(name)} was {document.verb} {on_date(document.signed)} and entered into "
            f"force {on_date(document.in_force)}",
            about=(document.id,),
        ),
    )
