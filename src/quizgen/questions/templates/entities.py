"""Questions on an entity by itself: what its abbreviation stands for and which one a description
names. Its membership, places and roles are asked by the templates of the facts that cite it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from quizgen.facts.model import Entity
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.explanations import Why
from quizgen.questions.index import name_without_type, names_of
from quizgen.questions.model import Kind
from quizgen.questions.templates.base import Context
from quizgen.questions.templates.common import (
    abbreviated_as,
    abbreviated_first,
    full_name_typed,
    short_name_wording,
    what_it_is,
)
from quizgen.questions.wording import sentence


def entity_questions(entity: Entity, context: Context) -> Iterator[CheckedQuestion | None]:
    if entity.short:
        yield abbreviation_short(entity, context)
        yield abbreviation_single(entity, context)
    if entity.description:
        yield described_short(entity, context)
        yield described_single(entity, context)


def abbreviation_short(entity: Entity, context: Context) -> CheckedQuestion | None:
    return full_name_typed(entity, "entity-abbreviation", context)


def abbreviation_single(entity: Entity, context: Context) -> CheckedQuestion | None:
    """Choose the full name among entities of the same type (those with abbreviations first)."""
    draft = context.draft("entity-abbreviation-choice", Kind.SINGLE, [entity.id])
    same_type = context.index.same_type(entity.id)
    stem, explanation, _ = short_name_wording(
        entity.name,
        entity.short,
        context.index.in_sentence(entity.id),
        what_it_is(context, entity),
        entity,
    )
    return draft.single(
        entity,
        stem,
        entity.name,
        Claim(Relation.NAME_OF, entity.id),
        abbreviated_first(context, same_type),
        context.index.name,
        Why(
            explanation,
            about=(entity.id,),
            wrong_of=lambda texts: context.told.each(texts, lambda i: abbreviated_as(context, i)),
        ),
    )


def described_short(entity: Entity, context: Context) -> CheckedQuestion | None:
    """Typed: name the entity from its description; short names and aliases are accepted."""
    draft = context.draft("entity-description", Kind.SHORT, [entity.id])
    description = entity.description.rstrip(".")
    return draft.finish(
        entity,
        f"Name the {entity.type}: {context.after_colon(description)}.",
        [entity.name],
        beyond_description(entity),
        [Claim(Relation.NAME_OF, entity.id)],
        accept=[
            n for n in (*names_of(entity), name_without_type(entity)) if n and n != entity.name
        ],
        reverse=(f"What is {context.index.in_sentence(entity.id)}?", sentence(entity.description)),
    )


def described_single(entity: Entity, context: Context) -> CheckedQuestion | None:
    """Choose the entity a definite description names among others of its type."""
    draft = context.draft("entity-description-choice", Kind.SINGLE, [entity.id])
    description = entity.description.rstrip(".")
    places = context.index.places_by_type.get(entity.type, [])
    return draft.single(
        entity,
        f"Which {entity.type} is this: {context.after_colon(description)}?",
        entity.name,
        Claim(Relation.DESCRIBED_AS, entity.id),
        [places, context.index.same_type(entity.id)],
        context.index.name,
        replace(
            beyond_description(entity),
            wrong_of=lambda texts: context.told.each(texts, context.told.description_of),
        ),
        reasons=(
            f"a {entity.type} where another event or signing of the topic took place",
            f"another {entity.type} of the topic",
        ),
    )


def beyond_description(entity: Entity) -> Why:
    """The stem gave the description: the explanation is the author's ``explain``, else what
    else the facts hold about the entity (``Moscow is where the Agreement on the CRRF was signed
    in 2009``)."""
    return Why(entity.explain, about=(entity.id,))
