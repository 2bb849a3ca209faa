"""Questions on dates that bound other facts: when a person was born and died, and when a
document entered into force."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.facts.model import Document, Person
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.model import Kind
from quizgen.questions.templates.base import Context
from quizgen.questions.wording import capitalized, on_date, the


def life_questions(person: Person, context: Context) -> Iterator[CheckedQuestion | None]:
    if person.born is not None:
        draft = context.draft("person-born", Kind.YEAR, [person.id])
        yield draft.year(
            person,
            f"In which year was {person.name} born?",
            person.born.year,
            Claim(Relation.BORN_IN, person.id),
            f"{person.name} was born {on_date(person.born)}",
        )
    if person.died is not None:
        draft = context.draft("person-died", Kind.YEAR, [person.id])
        yield draft.year(
            person,
            f"In which year did {person.name} die?",
            person.died.year,
            Claim(Relation.DIED_IN, person.id),
            f"{person.name} died {on_date(person.died)}",
        )


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
        f"{capitalized(name)} was {document.action} {on_date(document.signed)} and entered into "
        f"force {on_date(document.in_force)}",
    )
