"""Questions on the history of states and bodies: their founding members, when they were
dissolved, and what took their place."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.facts.model import Entity, Group
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors, shuffled
from quizgen.questions.model import Kind
from quizgen.questions.subjects import spoken_name
from quizgen.questions.templates.base import MULTIPLE_OPTIONS, Context, Notes
from quizgen.questions.templates.common import type_plural
from quizgen.questions.wording import capitalized, listed, on_date, the

MAX_RIGHT = 3


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
    if fact.dissolved is not None:
        draft = context.draft("dissolved-year", Kind.YEAR, [fact.id])
        name = called(context, fact.id)
        yield draft.year(
            fact,
            f"In which year was {name} dissolved?",
            fact.dissolved.year,
            Claim(Relation.DISSOLVED_IN, fact.id),
            f"{capitalized(name)} was dissolved {on_date(fact.dissolved)}",
        )
    if fact.succeeded_by is not None:
        yield successor_choice(fact, context)
        yield succession_year(fact, context)


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
    several = len(right) > 1
    return draft.finish(
        group,
        f"Which of these {nouns} were founding members of {name}?",
        right_texts,
        f"{listed(right_said)} {'were founding members' if several else 'was a founding member'}"
        f" of {name}; {listed(wrong_said)} joined later",
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
        f"{called(context, succession.successor_id)} took the place of {name}{when}",
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
        f"{capitalized(successor)} took the place of {name} {on_date(succession.date)}",
        Notes(citation=succession.citation),
    )
