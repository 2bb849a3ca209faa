"""Questions on the history of states and bodies: their founding members, when they were
dissolved, and what took their place."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.facts.model import Entity, Group
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors, shuffled
from quizgen.questions.explanations import Why
from quizgen.questions.model import Kind
from quizgen.questions.subjects import spoken_name
from quizgen.questions.templates.base import MULTIPLE_OPTIONS, Context, Notes
from quizgen.questions.templates.common import type_plural
from quizgen.questions.wording import capitalized, listed, on_date, the

MAX_RIGHT = 3
MAX_TOLD = 9


def called(context: Context, fact_id: str) -> str:
    """A state or body in a sentence: a group by its full name (``the World Intellectual
    Property Organization``), which always takes "the", where its short form may not (UNESCO)."""
    fact = context.index.by_id.get(fact_id)
    if isinstance(fact, Group):
        return the(fact.name)
    return spoken_name(context.index, fact_id)


def history_questions(fact: Entity | Group, context: Context) -> Iterator[CheckedQuestion | None]:
    if isinstance(fact, Group) and any(m.founding for m in fact.members):
        yield founding_members(fact, context)
    if fact.dissolved is not None and not handed_over(fact):
        draft = context.draft("dissolved-year", Kind.YEAR, [fact.id])
        name = called(context, fact.id)
        yield draft.year(
            fact,
            f"In which year was {name} dissolved?",
            fact.dissolved.year,
            Claim(Relation.DISSOLVED_IN, fact.id),
            Why(dissolution(fact, context), about=(fact.id,)),
        )
    if fact.succeeded_by is not None:
        yield successor_choice(fact, context)
        yield succession_year(fact, context)


def handed_over(fact: Entity | Group) -> bool:
    """Whether a body's successor took its place the day it ended: it was handed over, not
    simply dissolved (BIRPI's staff went on as WIPO's), and its year is asked as the
    succession's."""
    return fact.succeeded_by is not None and fact.succeeded_by.date == fact.dissolved


def founding_members(group: Group, context: Context) -> CheckedQuestion | None:
    """``Which of these states were founding members of the Berne Union?``"""
    claim = Claim(Relation.FOUNDING_MEMBER, group.id)
    founders = list(dict.fromkeys(m.entity_id for m in group.members if m.founding))
    draft = context.draft("founding-members", Kind.MULTIPLE, [group.id])
    later = list(dict.fromkeys(m.entity_id for m in group.members if not m.founding))
    wrong = pick_distractors(
        draft.rng,
        MULTIPLE_OPTIONS - 1,
        [later],
        context.index.name,
        context.is_wrong(claim),
        [context.index.name(f) for f in founders],
    )
    if not wrong:
        return None
    count = max(draft.rng.randint(1, MAX_RIGHT), MULTIPLE_OPTIONS - 1 - len(wrong))
    right = draft.rng.sample(founders, min(len(founders), count))
    wrong = wrong[: max(1, MULTIPLE_OPTIONS - len(right))]
    right_texts = [context.index.name(f) for f in right]
    right_said = [called(context, f) for f in right]
    wrong_said = [called(context, i) for w in wrong for i in sorted(context.index.resolve(w))]
    name = called(context, group.id)
    nouns = type_plural(context, right)
    every = [called(context, f) for f in founders]
    if len(founders) <= MAX_TOLD:
        founded = f" {on_date(group.founded)}" if group.founded else ""
        answer = f"The founding members of {name}{founded} were {listed(every)}"
    else:
        founders_said = "were founding members" if len(right) > 1 else "was a founding member"
        answer = f"{listed(right_said)} {founders_said} of {name}"
    return draft.finish(
        group,
        f"Which of these {nouns} were founding members of {name}?",
        right_texts,
        Why(
            answer,
            joined_later(group, wrong, context) or f"{listed(wrong_said)} joined later",
            about=(group.id,),
        ),
        [claim],
        choices=shuffled(draft.rng, [*right_texts, *wrong]),
    )


def successor_choice(fact: Entity | Group, context: Context) -> CheckedQuestion | None:
    """``What took the place of the League of Nations in 1946?`` among bodies of its kind."""
    assert fact.succeeded_by is not None
    succession = fact.succeeded_by
    draft = context.draft("successor", Kind.SINGLE, [fact.id, succession.successor_id])
    name = called(context, fact.id)
    successor = context.index.name(succession.successor_id)
    when = f" {on_date(succession.date)}" if succession.date else ""
    pool = (
        context.index.group_ids
        if isinstance(context.index.by_id.get(succession.successor_id), Group)
        else context.index.same_type(succession.successor_id)
    )
    return draft.single(
        fact,
        f"What took the place of {name}{when}?",
        successor,
        Claim(Relation.SUCCEEDED_BY, fact.id),
        [[i for i in pool if i != fact.id]],
        context.index.name,
        Why(
            f"{called(context, succession.successor_id)} took the place of {name}{when}",
            about=(succession.successor_id, fact.id),
            wrong_of=lambda texts: context.told.each(texts, lambda i: first_told(context, i)),
        ),
        Notes(citation=succession.citation),
    )


def succession_year(fact: Entity | Group, context: Context) -> CheckedQuestion | None:
    assert fact.succeeded_by is not None
    succession = fact.succeeded_by
    if succession.date is None:
        return None
    draft = context.draft("succession-year", Kind.YEAR, [fact.id, succession.successor_id])
    name = called(context, fact.id)
    successor = called(context, succession.successor_id)
    return draft.year(
        fact,
        f"In which year did {successor} take the place of {name}?",
        succession.date.year,
        Claim(Relation.SUCCEEDED_IN, fact.id),
        Why(
            f"{capitalized(successor)} took the place of {name} {on_date(succession.date)}",
            about=(succession.successor_id, fact.id),
        ),
        Notes(citation=succession.citation),
        # Neither body can have taken or given a place before it existed: UNESCO, founded in
        # 1945, took over no committee in 1940.
        earliest=max(
            (
                year
                for year in map(
                    _founded_year, [fact, context.index.by_id.get(succession.successor_id)]
                )
                if year
            ),
            default=None,
        ),
    )


def _founded_year(fact: object) -> int | None:
    founded = getattr(fact, "founded", None)
    return founded.year if founded is not None else None


def dissolution(fact: Entity | Group, context: Context) -> str:
    """``The ICIC was dissolved in 1946, and UNESCO took its place``."""
    told = f"{capitalized(called(context, fact.id))} was dissolved {on_date(fact.dissolved)}"  # type: ignore[arg-type]
    if fact.succeeded_by is not None:
        told += f", and {called(context, fact.succeeded_by.successor_id)} took its place"
    return told


def joined_later(group: Group, texts: list[str], context: Context) -> str:
    """``China joined in 1992 and Japan in 1899``: when each later member joined."""
    told: list[str] = []
    for text in texts:
        entity_id = context.told.option_ids(text)
        spans = [
            m.span.since
            for m in context.index.memberships.get(group.id, {}).get(entity_id, [])
            if m.span.since is not None
        ]
        if spans:
            verb = "joined " if not told else ""
            told.append(f"{called(context, entity_id)} {verb}{on_date(min(spans))}")
    return listed(told)


def first_told(context: Context, fact_id: str) -> str:
    """What another body is: its description, when it was founded, or what became of it."""
    told = context.told
    fact = context.index.by_id.get(fact_id)
    founded = told.founded(fact) if isinstance(fact, Group) else ""
    ending = told.ending(fact) if isinstance(fact, Entity | Group) else ""
    return told.description_of(fact_id) or founded or ending
