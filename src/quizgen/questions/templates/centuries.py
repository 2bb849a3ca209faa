"""Questions on dates known only roughly or to the century (``c. 1265``, ``the 11th century``),
asked at the precision they are known: "In which century was Dante Alighieri born?", among
neighbouring centuries, never as a year the facts do not name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from quizgen.facts.model import (
    Citation,
    Document,
    Entity,
    Event,
    Fact,
    Group,
    PartialDate,
    Person,
)
from quizgen.questions.centuries import century_of, century_text, next_century, years_of
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.explanations import Why
from quizgen.questions.model import Kind
from quizgen.questions.templates.base import MIN_SINGLE_OPTIONS, OPTION_COUNT, Context
from quizgen.questions.templates.events import label
from quizgen.questions.templates.history import called, handed_over
from quizgen.questions.wording import capitalized, document_in_sentence, on_date

FIRST_MILLENNIUM = 10
"""The last century whose number alone leaves its era open."""


def century_questions(fact: Fact, context: Context) -> Iterator[CheckedQuestion | None]:
    """A century question for each date of the fact that is approximate or a century."""
    if isinstance(fact, Person):
        yield from person_centuries(fact, context)
    elif isinstance(fact, Event) and not fact.recurring:
        phrase = label(fact)
        yield century_question(
            fact,
            Dated(fact.date, fact.end),
            "event-century",
            f"In which century did {phrase} take place?",
            Claim(Relation.HAPPENED_IN, fact.id),
            f"{phrase} took place",
            context,
        )
    elif isinstance(fact, Document):
        yield from document_centuries(fact, context)
    if isinstance(fact, Group) and fact.founded is not None:
        name = called(context, fact.id)
        yield century_question(
            fact,
            Dated(fact.founded),
            "founded-century",
            f"In which century was {name} founded?",
            Claim(Relation.FOUNDED_IN, fact.id),
            f"{name} was founded",
            context,
        )
    if isinstance(fact, Entity | Group) and fact.dissolved is not None and not handed_over(fact):
        name = called(context, fact.id)
        founded = fact.founded if isinstance(fact, Group) else None
        yield century_question(
            fact,
            Dated(fact.dissolved, floor=founded),
            "dissolved-century",
            f"In which century was {name} dissolved?",
            Claim(Relation.DISSOLVED_IN, fact.id),
            f"{name} was dissolved",
            context,
        )


def person_centuries(person: Person, context: Context) -> Iterator[CheckedQuestion | None]:
    # Only a life known roughly is asked, by its century ("c. 1265"): the year a discoverer
    # was born or died is trivia beside what he did. Neither date offers a century the other
    # rules out: no birth after the death, and the reverse, which would be absurd options.
    if person.born is not None:
        yield century_question(
            person,
            Dated(person.born, ceiling=person.died),
            "person-born-century",
            f"In which century was {person.name} born?",
            Claim(Relation.BORN_IN, person.id),
            f"{person.name} was born",
            context,
        )
    if person.died is not None:
        yield century_question(
            person,
            Dated(person.died, floor=person.born),
            "person-died-century",
            f"In which century did {person.name} die?",
            Claim(Relation.DIED_IN, person.id),
            f"{person.name} died",
            context,
        )


def document_centuries(document: Document, context: Context) -> Iterator[CheckedQuestion | None]:
    name = document_in_sentence(document.name)
    yield century_question(
        document,
        Dated(document.signed),
        "document-century",
        f"In which century was {name} {document.verb}?",
        Claim(Relation.SIGNED_IN, document.id),
        f"{name} was {document.verb}",
        context,
    )
    if document.in_force is not None:
        yield century_question(
            document,
            Dated(document.in_force, floor=document.signed),
            "document-in-force-century",
            f"In which century did {name} enter into force?",
            Claim(Relation.IN_FORCE_IN, document.id),
            f"{name} entered into force",
            context,
        )


@dataclass(frozen=True)
class Dated:
    """A date as a century question asks it: its start and end (a span for an event), and the
    dates no option may lie before (``floor``) or after (``ceiling``)."""

    when: PartialDate
    end: PartialDate | None = None
    floor: PartialDate | None = None
    ceiling: PartialDate | None = None

    @property
    def rough(self) -> bool:
        """Known only roughly or to the century: a year question cannot ask it."""
        return self.when.approximate or bool(self.when.century)

    def told(self) -> str:
        """``c. 1265``, ``in the 11th century``, ``from c. 1308 to 1321``: as the facts say it."""
        if self.end is not None and self.end != self.when:
            return f"from {self.when.text} to {self.end.text}"
        return self.when.text if self.when.approximate else on_date(self.when)


def century_question(
    fact: Fact,
    dated: Dated,
    template: str,
    stem: str,
    claim: Claim,
    explained: str,
    context: Context,
    qualifier: str = "",
    citation: Citation | None = None,
) -> CheckedQuestion | None:
    """The century a rough date falls in, among neighbouring centuries in order; none when the
    date may lie in either of two (``c. 1308``) or is known to the year (asked as a year).
    ``explained`` opens the explanation, which goes on with the date as the facts give it."""
    if not dated.rough:
        return None
    century = century_of(dated.when, dated.end)
    if century is None:
        return None
    draft = context.draft(template, Kind.SINGLE, [fact.id], qualifier)
    options = neighbours(century, dated, fact, context, claim)
    if options is None:
        return None
    window = draft.rng.choice(options)
    # "the 2nd century" of the first millennium may be read as BC by a learner who half knows
    # the date: its era is said, as it is beside BC centuries.
    say_ad = min(window) < 0 < max(window) or 0 < max(window) <= FIRST_MILLENNIUM
    choices = [century_text(c, say_ad=say_ad) for c in window]
    right = century_text(century, say_ad=say_ad)
    explanation = capitalized(explained)
    if not explained.endswith(dated.when.text):
        explanation += f" {dated.told()}"
    if not dated.when.century or dated.end is not None:
        explanation += f", in {century_text(century)}"
    if say_ad:
        # The explanation names the century as the options do.
        explanation = explanation.replace(century_text(century), right)
    if isinstance(fact, Person):
        # Who the person was: a life known only to its century says little else.
        described = context.told.description_of(fact.id)
        if described:
            explanation += f". {capitalized(described)}"
    return draft.finish(
        fact,
        stem,
        [right],
        # An event's explanation may tell of those who took part (who wrote the work).
        Why(explanation, about=(fact.id, *_taking_part(fact))),
        [claim],
        choices=choices,
        reasons=[(c, "a neighbouring century, wrong by the facts") for c in choices if c != right],
        citation=citation,
    )


def neighbours(
    century: int, dated: Dated, fact: Fact, context: Context, claim: Claim
) -> list[list[int]] | None:
    """The runs of consecutive centuries around ``century`` that a question may offer, the
    longest first: of the same era where there are enough (a BC date among BC centuries), each
    wrong one proven wrong, none after the facts were checked nor outside the date's bounds."""
    latest = context.index.latest_year(fact)
    floor = dated.floor.earliest[0] if dated.floor else None
    ceiling = dated.ceiling.latest[0] if dated.ceiling else None
    is_wrong = context.is_wrong(claim)

    def usable(candidate: int) -> bool:
        first, last = years_of(candidate)
        if latest is not None and first > latest:
            return False
        if (floor is not None and last < floor) or (ceiling is not None and first > ceiling):
            return False
        return candidate == century or is_wrong(century_text(candidate))

    around = [next_century(century, step) for step in range(1 - OPTION_COUNT, OPTION_COUNT)]
    kept = {c for c in around if usable(c)}
    for same_era in (True, False):
        for length in range(OPTION_COUNT, MIN_SINGLE_OPTIONS - 1, -1):
            runs = [around[start : start + length] for start in range(len(around) - length + 1)]
            fitting = [
                run
                for run in runs
                if century in run
                and kept.issuperset(run)
                and (not same_era or all((c > 0) == (century > 0) for c in run))
            ]
            # The key inside its run, not at an end: "the 2nd century AD" first of four later
            # ones is found by knowing only that Ptolemy was ancient.
            inside = [run for run in fitting if century not in (run[0], run[-1])]
            if inside:
                return inside
            if fitting and dated.floor is None and dated.ceiling is None:
                return fitting
    # Only a life's other end keeps the key at an end (no death before the birth): the options
    # would point at it, and the question is not asked.
    return None


def _taking_part(fact: Fact) -> tuple[str, ...]:
    if isinstance(fact, Event):
        return tuple(dict.fromkeys(p.entity_id for p in fact.participants))
    return ()
