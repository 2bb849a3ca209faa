"""Questions on categories: which of these belong to one (select all), which category an entity
belongs to, true or false, and when it came to belong. A wrong answer is only ever drawn from a
category the file declares complete, so that "not listed" means "not one"."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quizgen.facts.model import Category, CategoryMembership, Citation, Entity, PartialDate
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors, shuffled
from quizgen.questions.explanations import Why
from quizgen.questions.grammar import plural
from quizgen.questions.index import contains_word, text_key
from quizgen.questions.item_rules import content_words, shared_alike
from quizgen.questions.model import Kind
from quizgen.questions.subjects import spoken_name
from quizgen.questions.templates.base import MULTIPLE_OPTIONS, OPTION_COUNT, Context, Notes
from quizgen.questions.templates.common import type_plural
from quizgen.questions.wording import (
    according_to,
    as_of,
    capitalized,
    listed,
    on_date,
    role_is_verb,
)
from quizgen.questions.wording import with_article as a_noun

MAX_RIGHT = 3
MAX_TOLD_MEMBERS = 9
FEW_TOLD_MEMBERS = 3
INCLUDED = 4


def category_plural(category: Category) -> str:
    return category.plural or plural(category.name)


def checked_on(context: Context, category: Category) -> PartialDate | None:
    """The date a stem gives: only a category whose members change over time needs one."""
    if category.id not in context.index.subjects_index().changing_categories:
        return None
    return category.as_of or context.facts.topic.as_of


def opening(when: PartialDate | None) -> str:
    return f"{as_of(when)}, " if when is not None else ""


def on_text(when: PartialDate | None) -> str:
    """`` as of August 2006`` at a sentence's end, so that it never opens like its stem."""
    return f" as of {when.text}" if when is not None else ""


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
            # No true/false form: a wrong category is either absurd ("Mercury is an ice giant")
            # or a sibling whose line the learner may draw elsewhere; a choice shows them all.
            yield which_category(entity, category, when, context)
        if membership.span.since is not None:
            yield became_year(entity, category, membership, context)


def category_told(
    context: Context,
    category: Category,
    when: PartialDate | None,
    leave_out: str = "",
    must_include: str | Sequence[str] = "",
    brief: bool = False,
) -> str:
    """``Jupiter and Saturn are gas giants``: every member of a category the file lists in full
    (few enough to name), said without claiming they are all there are ("the epic poems are the
    Aeneid and the Divine Comedy" reads as if there were no others); else what the category is,
    from its description."""
    subjects = context.index.subjects_index()
    members = [
        entity_id
        for entity_id in dict.fromkeys(e for e, _ in subjects.members.get(category.id, []))
        if subjects.membership_verdict(entity_id, category.id, when) is True
        and entity_id != leave_out
    ]
    on = f" as of {when.text}" if when is not None else ""
    names = [spoken_name(context.index, m) for m in members]
    if brief and category.description and len(members) > FEW_TOLD_MEMBERS:
        # A wrong option's kind, told beside the right one: what it is says why the thing is
        # none; six plays named to one who took Emma for a play say nothing of Emma.
        return capitalized(
            f"{a_noun(category.name)} is {context.told.lowered(category.description)}"
        )
    if category.complete and 1 < len(members) <= MAX_TOLD_MEMBERS:
        told = f"{listed(names)} {'were' if on else 'are'} {category_plural(category)}{on}"
        if category.description:
            # What makes them so: "a Galilean moon is one of the four large moons of Jupiter..."
            told += f"; {a_noun(category.name)} is {context.told.lowered(category.description)}"
        return told
    if len(members) > 1:
        # A partial list, or a long one cut short: "include" claims no more than it names.
        # Where a question keys some, those are the ones told ("Frankenstein and The Scarlet
        # Letter are novels"): a member no option names reads as one the learner missed.
        first = [must_include] if isinstance(must_include, str) else list(must_include)
        first = [m for m in first if m in members]
        if first:
            names = [spoken_name(context.index, m) for m in first]
            several = len(names) > 1
            kind = category_plural(category) if several else a_noun(category.name)
            told = f"{listed(names)} {'are' if several else 'is'} {kind}{on}"
            if category.description:
                told += f"; {a_noun(category.name)} is {context.told.lowered(category.description)}"
            return told
        shown = [spoken_name(context.index, m) for m in members[:INCLUDED]]
        return f"The {category_plural(category)}{on} include {listed(shown)}"
    if category.description:
        what = context.told.lowered(category.description)
        return f"{capitalized(a_noun(category.name))} is {what}"
    return ""


def whose_line(context: Context, stem: str, categories: Sequence[Category]) -> str:
    """``According to NASA, which of these planets are gas giants?``: a stem on a category that
    is its source's own classification (or offers one) says whose line it follows, so that a
    learner taught the older one is not marked wrong by it."""
    # The loader holds an attributed category to a source of its own.
    for category in categories:
        if category.attributed:
            cite_as = context.cited_as(category.citation)
            return according_to(stem, cite_as, context.index.proper_words)
    return stem


def one_of(context: Context, category: Category, when: PartialDate | None, entity_id: str) -> str:
    """``Jupiter is a gas giant: a giant planet made mostly of hydrogen and helium``: the
    entity's category with what it is, else with the others in it (``Mercury is a terrestrial
    planet, as are Venus, Earth and Mars``; a few of them: "as are" claims no more than it
    names)."""
    subjects = context.index.subjects_index()
    others = [
        spoken_name(context.index, e)
        for e in dict.fromkeys(e for e, _ in subjects.members.get(category.id, []))
        if e != entity_id and subjects.membership_verdict(e, category.id, when) is True
    ]
    said = f"{spoken_name(context.index, entity_id)} is {a_noun(category.name)}{on_text(when)}"
    # What the kind is says why the thing is one: more than who else is.
    if category.description:
        return f"{said}: {context.told.lowered(category.description)}"
    if others:
        several = len(others[:INCLUDED]) > 1
        return f"{said}, as {'are' if several else 'is'} {listed(others[:INCLUDED])}"
    return said


def categories_named(
    context: Context, texts: Sequence[str], when: PartialDate | None, entity_id: str = ""
) -> str:
    """Why other categories are no answer: who belongs to each (``The ice giants are Uranus and
    Neptune``)."""
    subjects = context.index.subjects_index()
    told = []
    for text in texts:
        ids = subjects.resolve_category(text)
        category = subjects.categories.get(ids.pop()) if len(ids) == 1 else None
        if category is not None:
            told.append(category_told(context, category, when, entity_id, brief=True))
    return context.told.joined(told)


def categories_of(context: Context, texts: Sequence[str], asked: Category) -> str:
    """Why other entities are no answer: the category each belongs to instead, the narrowest
    one other than its type (``Mars and Venus are terrestrial planets``)."""
    subjects = context.index.subjects_index()
    by_category: dict[str, list[str]] = {}
    unclassed: dict[tuple[str, str], list[str]] = {}
    for text in texts:
        entity_id = context.told.option_ids(text)
        kind = context.index.type_of(entity_id)
        own = [
            m.category_id
            for m in subjects.categories_of.get(entity_id, [])
            if m.category_id != asked.id
            and subjects.category_name(m.category_id) != kind
            and m.span.until is None
        ]
        # The narrowest: one that no other of its categories lies within.
        narrowest = [c for c in own if not any(o != c and narrower(context, o, c) for o in own)]
        if narrowest:
            by_category.setdefault(narrowest[0], []).append(spoken_name(context.index, entity_id))
        else:
            # Of no other kind the facts name, it is told by what it is linked to instead
            # ("Titania and Miranda are moons of Uranus" among Galilean moons).
            link = next(
                (
                    (relation_id, objects[0])
                    for relation_id in subjects.relations
                    if (objects := subjects.objects.get((relation_id, entity_id)))
                ),
                None,
            )
            if link is not None:
                unclassed.setdefault(link, []).append(entity_id)
    told = []
    for category_id, names in by_category.items():
        category = subjects.categories[category_id]
        several = len(names) > 1
        what = category_plural(category) if several else a_noun(category.name)
        # Of the wider kind the asked one lies within, they are told to be outside the asked one:
        # "Don Quixote and Pride and Prejudice are novels" alone does not say why they are wrong.
        if narrower(context, asked.id, category_id):
            what += f", but not {category_plural(asked) if several else a_noun(asked.name)}"
        told.append(f"{listed(names)} {'are' if several else 'is'} {what}")
    linked = [context.told.linked_to(r, ids, o) for (r, o), ids in unclassed.items()]
    return context.told.joined([*told, *linked])


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
    """``What kind of planet is Jupiter?`` among categories it surely does not belong to."""
    draft = context.draft("category-of", Kind.SINGLE, [entity.id], qualifier=category.id)
    claim = Claim(Relation.CATEGORY_OF, entity.id, detail=category.id, when=when)
    subjects = context.index.subjects_index()
    name = spoken_name(context.index, entity.id)
    # "What kind of planet is Jupiter?" asks on its own, without the options; an entity with no
    # type of its own is asked "Which of these describes ...?".
    asked = (
        f"what kind of {entity.type} is {name}?"
        if entity.type
        else f"which of these describes {name}?"
    )
    candidates = widest(
        context,
        [c for c in other_categories(context, entity) if not nested(context, c, category.id)],
    )
    # "A Victorian novel" among "an epic poem" and "a play" is the one option qualified, and the
    # wider "a novel" would be as right: a narrower kind is asked only beside another kind within
    # the same wider one (an ice giant beside a gas giant, both giant planets).
    # (Its type named as a category, "planet" for a planet, is the stem's noun, not a kind.)
    wider = [
        m.category_id
        for m in entity.categories
        if m.category_id in subjects.categories
        and subjects.categories[m.category_id].name != entity.type
        and narrower(context, category.id, m.category_id)
        and m.category_id != category.id
    ]
    if wider and not any(narrower(context, c, w) for c in candidates for w in wider):
        return None
    # "The Spanish Tragedy" says what kind of work it is: a name that holds one of its own kinds
    # gives the answer away.
    own_kinds = [subjects.category_name(m.category_id) for m in entity.categories]
    if any(contains_word(text_key(entity.name), text_key(kind)) for kind in own_kinds):
        return None
    offered = [category, *(subjects.categories[c] for c in candidates)]
    described = what_it_is_besides(context, entity)
    told = one_of(context, category, when, entity.id) + (f". It {described}" if described else "")
    made = made_told(context, entity.id) if category.description and not described else []
    if made:
        # What its kind is says nothing of the thing itself; the author's account of its making
        # does ("Emma came out in December 1815, the last of Jane Austen's novels ...").
        told = " ".join([f"{told}.", *(text for text, _ in made)]).removesuffix(".")
    return draft.single(
        entity,
        whose_line(context, capitalized(f"{opening(when)}{asked}"), offered),
        a_noun(category.name),
        claim,
        [candidates],
        lambda category_id: a_noun(subjects.category_name(category_id)),
        Why(
            told,
            about=(entity.id,),
            wrong_of=lambda texts: categories_named(context, texts, when),
            cited_too=((described, entity.citation),)
            if described and entity.citation
            else tuple((text.rstrip("."), cite) for text, cite in made if cite is not None),
        ),
        Notes(dated=when is not None, citation=category.citation),
    )


def made_told(context: Context, entity_id: str) -> list[tuple[str, Citation | None]]:
    """The author's accounts of the links that end at a thing (who wrote it, and when), each
    once, with the source of each link."""
    subjects = context.index.subjects_index()
    told: dict[str, Citation | None] = {}
    for relation_id in subjects.relations:
        for subject_id in subjects.subjects.get((relation_id, entity_id), []):
            subject = context.index.by_id.get(subject_id)
            for link in getattr(subject, "links", ()):
                if (link.relation_id, link.object_id) == (relation_id, entity_id) and link.explain:
                    told.setdefault(
                        link.explain, link.citation or getattr(subject, "citation", None)
                    )
    return list(told.items())


def what_it_is_besides(context: Context, entity: Entity) -> str:
    """``is Dante's poem of a journey through Hell ...``: what the thing is, which tells a learner
    who took "the Divine Comedy" for a play why it is none; empty unless a noun phrase says it.
    Its facts' own sentence, with its article and tense, after the name it opens with."""
    if not entity.description or role_is_verb(entity.description):
        return ""
    told = context.told.description_of(entity.id)
    named = context.told.said(entity.id)
    return told[len(named) :].strip() if told.startswith(f"{named} ") else ""


def nested(context: Context, category_id: str, other_id: str) -> bool:
    """Whether one category lies within the other, either way round."""
    return narrower(context, category_id, other_id) or narrower(context, other_id, category_id)


def widest(context: Context, category_ids: list[str]) -> list[str]:
    """The categories no other of them lies within: "a giant planet" beside "an ice giant" would
    make two options true at once, or one of them a cue."""
    return [
        c for c in category_ids if not any(o != c and narrower(context, c, o) for o in category_ids)
    ]


def became_year(
    entity: Entity, category: Category, membership: CategoryMembership, context: Context
) -> CheckedQuestion | None:
    """``In which year did Pluto become a dwarf planet?``, cited by the membership's own source
    (the resolution that made it one), and told with what it ceased to be that day."""
    since = membership.span.since
    if since is None:
        return None
    draft = context.draft("category-since", Kind.YEAR, [entity.id], qualifier=category.id)
    name = spoken_name(context.index, entity.id)
    subjects = context.index.subjects_index()
    ended = [
        subjects.categories[m.category_id].name
        for m in entity.categories
        if m.span.until == since and m.category_id in subjects.categories
    ]
    told = f"{name} became {a_noun(category.name)} {on_date(since)}"
    if ended:
        told += f", when it ceased to be classed as {a_noun(ended[0])}"
    return draft.year(
        entity,
        f"In which year did {name} become {a_noun(category.name)}?",
        since.year,
        Claim(Relation.CATEGORY_SINCE, entity.id, detail=category.id),
        Why(told, about=(entity.id,)),
        Notes(citation=membership.citation) if membership.citation else Notes(),
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
    # A member whose name says its kind ("The Spanish Tragedy" among tragedies) is a cue: the
    # others are keyed where there are enough of them.
    kind_words = content_words(category.name)
    plain = [
        h for h in same_type if not shared_alike(content_words(context.index.name(h)), kind_words)
    ]
    same_type = plain if len(plain) >= min(2, len(same_type)) else same_type
    # Where every holder also belongs to a wider category (every tragedy here is a play), the
    # wrong options are its other members only: a novel offered as "not a tragedy" is one a
    # reader of Moby-Dick could defend, and one a learner rules out by its kind alone.
    subjects = context.index.subjects_index()
    wider = set.intersection(
        *({m.category_id for m in subjects.categories_of.get(h, [])} for h in holders)
    ) - {category.id}
    # Members of the wider category then (today, without a date): Pluto, a planet until 2006,
    # is no planet that is "not a gas giant".
    # The narrowest wider category first: Jupiter and Saturn, giant planets, before Mercury and
    # Mars, planets only, as ice giants' wrong options.
    tiers = [
        [
            e
            for e, membership in subjects.members.get(wide, [])
            if e not in holders
            and (
                subjects.membership_verdict(e, wide, when) is True
                if when is not None
                else membership.span.until is None
            )
        ]
        for wide in sorted(wider, key=lambda c: (len(subjects.members.get(c, [])), c))
    ]
    siblings = [e for tier in tiers for e in tier]
    wrong = pick_distractors(
        draft.rng,
        MULTIPLE_OPTIONS - 1 if kind is Kind.MULTIPLE else OPTION_COUNT - 1,
        [list(dict.fromkeys(tier)) for tier in tiers]
        if siblings
        else [context.index.entity_ids_by_type.get(entity_type, [])],
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
    some = f"{listed([spoken_name(context.index, r) for r in right])} " + (
        f"are {category_plural(category)}" if len(right) > 1 else f"is {a_noun(category.name)}"
    )
    why = Why(
        category_told(context, category, when, must_include=right) or some + on_text(when),
        categories_of(context, wrong, category),
        about=tuple(right),
    )
    return draft.finish(
        fact,
        whose_line(context, capitalized(stem), [category]),
        right_texts,
        why,
        [claim],
        choices=shuffled(draft.rng, [*right_texts, *wrong]),
        tags=list(category.tags) or list(fact.tags),
        citation=category.citation,
        dated=when is not None,
        attribute=False,
    )
