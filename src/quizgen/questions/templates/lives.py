"""Questions on dates that bound other facts: when a person was born and died, and when a
document entered into force."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.facts.model import Document, PartialDate, Person
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import nearby_years
from quizgen.questions.explanations import Why
from quizgen.questions.model import Kind
from quizgen.questions.templates.base import OPTION_COUNT, Context
from quizgen.questions.wording import capitalized, on_date, the


def life_questions(person: Person, context: Context) -> Iterator[CheckedQuestion | None]:
    if person.born is not None:
        yield year_question(
            person,
            person.born,
            "person-born",
            f"In which year was {person.name} born?",
            Claim(Relation.BORN_IN, person.id),
            Why(f"{person.name} was born {on_date(person.born)}", about=(person.id,)),
            context,
        )
    if person.died is not None:
        yield year_question(
            person,
            person.died,
            "person-died",
            f"In which year did {person.name} die?",
            Claim(Relation.DIED_IN, person.id),
            Why(f"{person.name} died {on_date(person.died)}", about=(person.id,)),
            context,
        )


def year_question(
    fact: Person,
    when: PartialDate,
    template: str,
    stem: str,
    claim: Claim,
    why: Why,
    context: Context,
) -> CheckedQuestion | None:
    """A year to choose or type; a year before Christ is chosen among years written the same
    way (``19 BC``, ``23 BC``), in order. An approximate date or a century is not asked."""
    if when.exact:
        draft = context.draft(template, Kind.YEAR, [fact.id])
        return draft.year(fact, stem, when.year, claim, why)
    if when.year > 0 or when.approximate or when.century:
        return None
    draft = context.draft(template, Kind.SINGLE, [fact.id])
    right = era_year(when.year)
    wrong = nearby_years(
        draft.rng, -when.year, OPTION_COUNT - 1, None, lambda y: context.is_wrong(claim)(f"{y} BC")
    )
    if len(wrong) < 2:
        return None
    choices = sorted([right, *(f"{y} BC" for y in wrong)], key=lambda t: -int(t.split()[0]))
    return draft.finish(fact, stem, [right], why, [claim], choices=choices)


def era_year(year: int) -> str:
    """``19 BC`` for -19, ``AD 800`` for 800, ``1992`` for 1992."""
    if year < 0:
        return f"{-year} BC"
    return f"AD {year}" if year < 1000 else str(year)


def in_force_questions(document: Document, context: Context) -> Iterator[CheckedQuestion | None]:
    if document.in_force is None:
        return
    draft = context.draft("document-in-force", Kind.YEAR, [document.id])
    name = the(document.name)
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
