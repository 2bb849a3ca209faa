"""Questions on categories: which of these belong to one (select all), which category an entity
belongs to, true or false, and when it came to belong. A wrong answer is only ever drawn from a
category the file declares complete, so that "not listed" means "not one"."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.facts.model import Category, Entity, PartialDate
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors, shuffled
from quizgen.questions.grammar import plural
from quizgen.questions.model import Kind
from quizgen.questions.subjects import spoken_name
from quizgen.questions.templates.base import MULTIPLE_OPTIONS, OPTION_COUNT, Context, Notes
from quizgen.questions.templates.common import type_plural
from quizgen.questions.wording import as_of, capitalized, listed, on_date
from quizgen.questions.wording import with_article as a_noun

MAX_RIGHT = 3


def category_plural(category: Category) -> str:
    return category.plural or plural(category.name)


def checked_on(context: Context, category: Category) -> PartialDate | None:
    """The date a stem gives: only a category whose members change over time needs one."""
    if category.id not in context.index.subjects_index().changing_categories:
        return None
    return category.as_of or context.facts.topic.as_of


def opening(when: PartialDate | None) -> str:
    return f"{as_of(when)}, " if when is not None else ""


def entity_category_questions(entity: Entity, context: Context) -> Iterator[CheckedQuestion | None]:
    subjects = context.index.subjects_index()
    seen: set[str] = set()
    for membership in entity.categories:
        category = subjects.categories.get(membership.category_id)
        if category is None or category.id in seen:
            continue
        seen.add(category.id)
        when = checked_on(context, category)
        # "Jupiter is a planet" only restates the noun every stem calls it by.
        asked = category.name != entity.type
        if asked and subjects.membership_verdict(entity.id, category.id, when) is True:
            yield which_category(entity, category, when, context)
            yield category_true_false(entity, category, when, context)
        if membership.span.since is not None:
            yield became_year(entity, category, membership.span.since, context)


def other_categories(context: Context, entity: Entity) -> list[str]:
    """Category ids for distractors: those of entities of the same type only, so that a planet
    is never offered as "a moon"."""
    return list(context.index.subjects_index().categories_by_type.get(entity.type, {}))


def narrower(context: Context, category_id: str, than_id: str) -> bool:
    """Whether every member of one category is a member of another ("Victorian novel" and
    "novel"): offered beside its wider category, it would cue the wider one as the answer."""
    return context.index.subjects_index().narrower(category_id, than_id)


def which_category(
    entity: Entity, category: Category, when: PartialDate | None, context: Context
) -> CheckedQuestion | None:
    """``Which of these describes Jupiter?`` among categories it surely does not belong to."""
    draft = context.draft("category-of", Kind.SINGLE, [entity.id], qualifier=category.id)
    claim = Claim(Relation.CATEGORY_OF, entity.id, detail=category.id, when=when)
    subjects = context.index.subjects_index()
    name = spoken_name(context.index, entity.id)
    return draft.single(
        entity,
        capitalized(f"{opening(when)}which of these describes {name}?"),
        a_noun(category.name),
        claim,
        [[c for c in other_categories(context, entity) if not narrower(context, c, category.id)]],
        lambda category_id: a_noun(subjects.category_name(category_id)),
        capitalized(f"{opening(when)}{name} is {a_noun(category.name)}"),
        Notes(dated=when is not None),
    )


def category_true_false(
    entity: Entity, category: Category, when: PartialDate | None, context: Context
) -> CheckedQuestion | None:
    draft = context.draft(
        "category-true-false", Kind.TRUE_FALSE, [entity.id], qualifier=category.id
    )
    claim = Claim(Relation.CATEGORY_OF, entity.id, detail=category.id, when=when)
    subjects = context.index.subjects_index()
    name = spoken_name(context.index, entity.id)
    return draft.true_false(
        entity,
        claim,
        a_noun(category.name),
        lambda: pick_distractors(
            draft.rng,
            1,
            [other_categories(context, entity)],
            lambda category_id: a_noun(subjects.category_name(category_id)),
            context.is_wrong(claim),
            [a_noun(category.name)],
        ),
        lambda value: f"{opening(when)}{name} is {value}",
        Notes(dated=when is not None),
    )


def became_year(
    entity: Entity, category: Category, since: PartialDate, context: Context
) -> CheckedQuestion | None:
    """``In which year did Pluto become a dwarf planet?``"""
    draft = context.draft("category-since", Kind.YEAR, [entity.id], qualifier=category.id)
    name = spoken_name(context.index, entity.id)
    return draft.year(
        entity,
        f"In which year did {name} become {a_noun(category.name)}?",
        since.year,
        Claim(Relation.CATEGORY_SINCE, entity.id, detail=category.id),
        f"{name} became {a_noun(category.name)} {on_date(since)}",
    )


def category_member_questions(context: Context) -> Iterator[CheckedQuestion | None]:
    """Per category: which of these belong to it (select all, or choose one)."""
    subjects = context.index.subjects_index()
    for category in context.facts.categories:
        members = [entity_id for entity_id, _ in subjects.members.get(category.id, [])]
        types = {context.index.type_of(m) for m in members}
        if members and category.name not in types:
            yield which_belong(category, list(dict.fromkeys(members)), context)


def which_belong(
    category: Category, members: list[str], context: Context
) -> CheckedQuestion | None:
    when = checked_on(context, category)
    claim = Claim(Relation.IN_CATEGORY, category.id, when=when)
    holders = [m for m in members if context.is_right(claim, context.index.name(m))]
    if not holders:
        return None
    kind = Kind.MULTIPLE if len(holders) > 1 else Kind.SINGLE
    draft = context.draft("category-members", kind, holders[:1], qualifier=category.id)
    entity_type = context.index.type_of(holders[0])
    same_type = [h for h in holders if context.index.type_of(h) == entity_type]
    wrong = pick_distractors(
        draft.rng,
        MULTIPLE_OPTIONS - 1 if kind is Kind.MULTIPLE else OPTION_COUNT - 1,
        [context.index.entity_ids_by_type.get(entity_type, [])],
        context.index.name,
        context.is_wrong(claim),
        [context.index.name(h) for h in holders],
    )
    if len(wrong) < (1 if kind is Kind.MULTIPLE else 2):
        return None
    count = max(draft.rng.randint(1, MAX_RIGHT), MULTIPLE_OPTIONS - 1 - len(wrong))
    right = (
        draft.rng.sample(same_type, min(len(same_type), count))
        if kind is Kind.MULTIPLE
        else holders
    )
    wrong = wrong[: max(1, MULTIPLE_OPTIONS - len(right))] if kind is Kind.MULTIPLE else wrong
    right_texts = [context.index.name(h) for h in right]
    nouns = type_plural(context, right)
    fact = context.index.by_id[holders[0]]
    if kind is Kind.MULTIPLE:
        stem = f"{opening(when)}which of these {nouns} are {category_plural(category)}?"
    else:
        stem = f"{opening(when)}which of these {nouns} is {a_noun(category.name)}?"
    some = f"{listed(right_texts)} " + (
        f"are {category_plural(category)}" if len(right) > 1 else f"is {a_noun(category.name)}"
    )
    others = f"{listed(wrong)} {'are not' if len(wrong) > 1 else 'is not'}"
    return draft.finish(
        fact,
        capitalized(stem),
        right_texts,
        f"{opening(when)}{some}; {others}",
        [claim],
        choices=shuffled(draft.rng, [*right_texts, *wrong]),
        tags=list(category.tags) or list(fact.tags),
        citation=category.citation,
        dated=when is not None,
        attribute=False,
    )
