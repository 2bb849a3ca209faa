"""Questions on a group: who belonged when (as of its check date and in the past), when each
joined, when it was founded and what its abbreviation stands for."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from quizgen.facts.model import Citation, Group, Membership, PartialDate
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors, pick_with_reasons, shuffled
from quizgen.questions.explanations import Why
from quizgen.questions.index import KIN_OVERLAP
from quizgen.questions.item_rules import content_words, shared_alike
from quizgen.questions.model import Kind
from quizgen.questions.oracle import Verdict, surely_holds
from quizgen.questions.profiles import SUSPENDED_ONES, period_text
from quizgen.questions.templates.base import MULTIPLE_OPTIONS, Context, Notes
from quizgen.questions.templates.common import (
    abbreviated_as,
    abbreviated_first,
    full_name_typed,
    name_in_sentence,
    named_by_topic,
    short_name_wording,
    type_plural,
    what_it_is,
)
from quizgen.questions.wording import (
    as_of,
    capitalized,
    listed,
    status_phrase,
    statuses_phrase,
    the,
)

MAX_RIGHT_OPTIONS = 3
MAX_LISTED_HOLDERS = 9


def group_questions(group: Group, context: Context) -> Iterator[CheckedQuestion | None]:
    when = context.index.checked_until(group)
    statuses = list(dict.fromkeys(m.status for m in group.members))
    if when is not None:
        for status in statuses:
            yield members_on(group, status, when, context, "group-members", f"{as_of(when)}, ")
    history = past_date(group)
    if history is not None:
        status, year = history
        yield members_on(group, status, year, context, "group-members-history", f"In {year.text}, ")
    for entity_id, memberships in context.index.memberships.get(group.id, {}).items():
        if when is not None:
            yield membership_true_false(group, entity_id, memberships[0].status, when, context)
        yield joined_year(group, entity_id, memberships[0].status, context)
    yield founded_year(group, context)
    if group.short:
        yield abbreviation_short(group, context)
        yield abbreviation_single(group, context)


def past_date(group: Group) -> tuple[str, PartialDate] | None:
    """A year when someone who later left was still a member: a good test of the group's history."""
    for membership in group.members:
        span = membership.span
        if span.until is None:
            continue
        for year in (span.until.year - 1, span.until.year - 2):
            when = PartialDate(year)
            founded_before = group.founded is None or group.founded.year <= year
            if surely_holds(span, when) and founded_before:
                return membership.status, when
    return None


def members_on(
    group: Group, status: str, when: PartialDate, context: Context, template: str, opening: str
) -> CheckedQuestion | None:
    """Select all that apply (or, with one holder, choose one): who held ``status`` on ``when``."""
    claim = Claim(Relation.MEMBER_ON, group.id, detail=status, when=when)
    memberships = context.index.memberships.get(group.id, {})
    holders = [
        e
        for e in memberships
        if context.oracle.verdict(claim, context.index.name(e)) is Verdict.TRUE
    ]
    if not holders:
        return None
    kind = Kind.MULTIPLE if len(holders) > 1 else Kind.SINGLE
    draft = context.draft(template, kind, [group.id], qualifier=status)
    entity_type = context.index.type_of(holders[0])
    in_group = [e for e in memberships if context.index.type_of(e) == entity_type]
    neighbours = [
        e for e in context.index.co_members(holders[:8]) if context.index.type_of(e) == entity_type
    ]
    # As for a false member: where several groups tell neighbours apart, only kin of the group
    # are offered, never a state met in one distant body (China among 1998's Treaty parties).
    if len(context.index.memberships) > 1:
        kin = [e for e in context.index.kin(group.id) if context.index.type_of(e) == entity_type]
        outside = [kin]
        reasons: tuple[str, ...] = ("a member of a group made mostly of the members",)
    else:
        outside = [neighbours, context.index.entity_ids_by_type.get(entity_type, [])]
        reasons = (
            f"a {entity_type} sharing another group with the members",
            f"another {entity_type} of the topic",
        )
    picked = pick_with_reasons(
        draft.rng,
        MULTIPLE_OPTIONS - 1 if kind is Kind.MULTIPLE else 3,
        [in_group, *outside],
        context.index.name,
        context.is_wrong(claim),
        [context.index.name(e) for e in holders[:64]],
        (f"listed in the group at another time or in another status, not {status} then", *reasons),
    )
    wrong = [text for text, _ in picked]
    if len(wrong) < (1 if kind is Kind.MULTIPLE else 2):
        return None
    same_type = [e for e in holders if context.index.type_of(e) == entity_type]
    # Between one and three right options, more when few wrong ones exist, five options at most.
    count = max(draft.rng.randint(1, MAX_RIGHT_OPTIONS), MULTIPLE_OPTIONS - 1 - len(wrong))
    right = (
        draft.rng.sample(same_type, min(len(same_type), count))
        if kind is Kind.MULTIPLE
        else holders[:1]
    )
    wrong = wrong[: max(1, MULTIPLE_OPTIONS - len(right))] if kind is Kind.MULTIPLE else wrong
    right_texts = [context.index.name(e) for e in right]
    nouns = type_plural(context, right)
    name = context.index.short_name(group.id)
    if kind is Kind.MULTIPLE:
        stem = f"{opening}which of these {nouns} were {statuses_phrase(status, name)}?"
    else:
        stem = f"{opening}which of these {nouns} was {status_phrase(status, name)}?"
    on = context.after_colon(opening.rstrip(", "))
    why = Why(
        holders_told(group, status, holders, on, context)
        or f"{listed([name_in_sentence(context, t) for t in right_texts])} "
        + (
            f"were {statuses_phrase(status, name)}"
            if len(right) > 1
            else f"was {status_phrase(status, name)}"
        )
        + f" {on}",
        about=(group.id, *right),
        wrong_of=lambda texts: status_told(group, texts, status, context),
    )
    if template == "group-members-history":
        # A past year's members rest on the memberships that make it past (Uzbekistan's from
        # 2006 to 2012), not only on the group's source, which may list today's.
        own = [c for c in (_membership_citation(group, e) for e in holders) if c is not None]
        if own:
            why = replace(why, citations=(*dict.fromkeys(own), group.citation))
    return draft.finish(
        group,
        capitalized(stem),
        right_texts,
        why,
        [claim],
        choices=shuffled(draft.rng, [*right_texts, *wrong]),
        dated=True,
        reasons=picked,
    )


def holders_told(group: Group, status: str, holders: list[str], on: str, context: Context) -> str:
    """``The members of the CSTO as of October 2020 were ...``: every holder, where the group
    lists them all and they are few (a partial list would read as the whole)."""
    if not group.lists_all(status) or not 1 < len(holders) <= MAX_LISTED_HOLDERS:
        return ""
    said = listed([context.told.said(e) for e in holders])
    return f"The {statuses_phrase(status, context.index.short_name(group.id))} {on} were {said}"


def status_told(group: Group, texts: Sequence[str], status: str, context: Context) -> str:
    """Why entities are no holders of ``status``: their own spans in the group, in the status
    they held (``Georgia and Azerbaijan were parties to the Treaty from 1993 to 1999``), or that
    they never held it, where the group lists every holder."""
    by_status: dict[str, list[str]] = {}
    for text in texts:
        entity_id = context.told.option_ids(text)
        if not entity_id:
            continue
        held = [m.status for m in context.index.memberships.get(group.id, {}).get(entity_id, [])]
        for other in dict.fromkeys(held or [status]):
            by_status.setdefault(other, []).append(entity_id)
    told = [
        context.told.memberships_alike(group.id, ids, other) for other, ids in by_status.items()
    ]
    return context.told.joined(told)


def membership_story(group: Group, entity_id: str, status: str, context: Context) -> str:
    """``Uzbekistan was a member of the CSTO from 2006 to 2012`` from every span of that status."""
    return context.told.membership_story(group.id, entity_id, status)


def membership_true_false(
    group: Group, entity_id: str, status: str, when: PartialDate, context: Context
) -> CheckedQuestion | None:
    """ "As of October 2020, X was a member of the CSTO": true or false as the spans say. For a
    holder, the false form names a neighbouring state the facts prove was not one."""
    draft = context.draft(
        "membership-true-false", Kind.TRUE_FALSE, [group.id, entity_id], qualifier=status
    )
    name = context.index.name(entity_id)
    claim = Claim(Relation.MEMBER_ON, group.id, detail=status, when=when)
    truth = context.oracle.verdict(claim, name)
    if truth is Verdict.UNKNOWN:
        return None
    phrase = status_phrase(status, context.index.short_name(group.id))
    by_name = {context.index.name(e): e for e in context.index.memberships[group.id]}
    in_group = set(by_name.values())
    # Where every state of the file is listed in the group (nearly every state is a party to the
    # Berne Convention), a member's statement has no false twin: "True" would always be right.
    if truth is Verdict.TRUE and all(e in in_group for e in context.index.same_type(entity_id)):
        return None
    # A topic on "Russian-sponsored security organisations" has told that Russia is in them:
    # "Russia was a member of the CSTO" is true to anyone who read the title.
    if truth is Verdict.TRUE and named_by_topic(context, entity_id):
        return None

    def statement(value: str) -> str:
        return f"{as_of(when)}, {name_in_sentence(context, value)} was {phrase}"

    def wrong_values() -> list[str]:
        if truth is not Verdict.TRUE:
            return []  # the statement is already false
        # States sharing another group first (a near miss). A former member is not used: it
        # has a statement of its own, and the same false statement twice leaves the deck with
        # nothing but true ones.
        entity_type = context.index.type_of(entity_id)
        listed_ids = set(by_name.values())
        # A close neighbour first: "Tajikistan was a member of the EAEU" is the error a learner
        # makes; "Pakistan was", met with Kazakhstan in one distant body, is false on its face.
        close = [
            e
            for e in context.index.close_members(entity_id)
            if context.index.type_of(e) == entity_type and e not in listed_ids
        ]
        neighbours = [
            e
            for e in context.index.co_members([entity_id])
            if context.index.type_of(e) == entity_type and e not in listed_ids
        ]
        kin = [
            e
            for e in context.index.kin(group.id)
            if context.index.type_of(e) == entity_type and e not in listed_ids
        ]
        others = [e for e in context.index.same_type(entity_id) if e not in listed_ids]
        # Where the file has several groups to tell neighbours by, a stranger ("Pakistan was a
        # party to the Treaty") is no false statement worth a line; a file of one group cannot
        # tell, and takes any state.
        several_groups = len(context.index.memberships) > 1
        tiers = [close, kin] if several_groups else [neighbours, others]
        return pick_distractors(
            draft.rng,
            3,
            tiers,
            context.index.name,
            context.is_wrong(claim),
            [name],
        )

    holders = [n for n in by_name if context.oracle.verdict(claim, n) is Verdict.TRUE]
    held_ids = [by_name[n] for n in holders]
    on = f"as of {when.text}"

    def why(value: str) -> Why:
        # Every holder, where the group lists them all, says why without repeating the statement;
        # an entity that held no such status then is told by its own spans in the group.
        every = holders_told(group, status, held_ids, on, context)
        value_id = by_name.get(value) or context.told.option_ids(value)
        story = status_told(group, [value], status, context)
        own = _membership_citation(group, value_id) if value_id in by_name.values() else None
        cited = own or (group.citation if value_id != entity_id else None)
        if value in holders:
            told = every or story
            # What an observer of the assembly is, is said by what the assembly is: "of the
            # parliaments ..., in which the parliaments of other states may sit as observers".
            # Only a description that speaks of the status says it.
            if status != "member" and shared_alike(
                content_words(status), content_words(group.description)
            ):
                told = f"{told}. {capitalized(context.told.description_of(group.id))}"
            return Why(told, about=(value_id, group.id), citation=cited)
        # "Azerbaijan was never a member of the CSTO", beside a source that calls it a former
        # one, is squared with what it was: a party to the Treaty the CSTO grew from.
        kin: list[tuple[str, Citation]] = []
        if value_id and " never " in f" {story} ":
            earlier, kin = kin_memberships(group, value_id, None, context, named_in_it=True)
            if earlier:
                story = f"{story}, though {listed(earlier)}"
        return Why(
            every or story,
            story if every else "",
            about=(group.id,),
            citation=cited,
            cited_too=tuple(kin),
        )

    return draft.true_false(
        group,
        claim,
        name,
        wrong_values,
        statement,
        Notes(dated=True, citation=_membership_citation(group, entity_id)),
        why=why,
    )


def joined_year(
    group: Group, entity_id: str, status: str, context: Context
) -> CheckedQuestion | None:
    """The year an entity took up its one span of ``status`` (several spans would be ambiguous)."""
    held = [m for m in context.index.memberships[group.id][entity_id] if m.status == status]
    spans = [m.span for m in held]
    if len(spans) != 1 or spans[0].since is None:
        return None
    since = spans[0].since
    # A year the membership's note names ("its parliament ratified the accession in 2008") is
    # arguably when it joined: never a wrong option.
    # The year it left is no such year.
    left = spans[0].until.year if spans[0].until is not None else None
    arguable = frozenset(int(y) for y in re.findall(r"\b(\d{4})\b", held[0].note)) - {left}
    # A founding member joined when the group began: that is the group's founding year, asked
    # once; and no option may fall before the group's first year.
    first = min(
        (m.span.since.year for m in group.members if m.span.since is not None), default=None
    )
    start = group.founded.year if group.founded else first
    if start is not None and since.year <= start:
        return None
    draft = context.draft("membership-year", Kind.YEAR, [group.id, entity_id], qualifier=status)
    name = context.index.in_sentence(entity_id)
    phrase = status_phrase(status, context.index.short_name(group.id))
    return draft.year(
        group,
        f"In which year did {name} become {phrase}?",
        since.year,
        Claim(Relation.JOINED_IN, group.id, other=entity_id, detail=status),
        joined_after(group, entity_id, status, since, context),
        Notes(citation=_membership_citation(group, entity_id)),
        earliest=start,
        arguable=arguable,
    )


def kin_memberships(
    group: Group,
    entity_id: str,
    before: int | None,
    context: Context,
    named_in_it: bool = False,
) -> tuple[list[str], list[tuple[str, Citation]]]:
    """``it was a party to the Collective Security Treaty from 1992 to 1999``: the entity's
    ended spans in a body mostly made of this group's members (the Treaty the CSTO grew from),
    ended before the year ``before`` if given, each with its citation. ``named_in_it`` keeps
    only a body whose name shares words with the group's, as the Collective Security Treaty
    Organization's shares the Treaty's: a body beside it, the EAEU beside the CSTO, is no
    forerunner."""
    members = set(context.index.memberships[group.id])
    own_name = content_words(context.index.name(group.id))
    earlier: list[str] = []
    cited: list[tuple[str, Citation]] = []
    for other_id, other in context.index.memberships.items():
        if other_id == group.id or entity_id not in other:
            continue
        if len(members & other.keys()) / len(other) < KIN_OVERLAP:
            continue
        if named_in_it and len(content_words(context.index.name(other_id)) & own_name) < 2:
            continue
        for other_status in dict.fromkeys(m.status for m in other[entity_id]):
            ended = [
                m
                for m in other[entity_id]
                if m.status == other_status
                and m.span.until is not None
                and (before is None or m.span.until.year < before)
            ]
            phrase = status_phrase(other_status, context.index.short_name(other_id))
            for membership in ended:
                told = f"it was {phrase} {period_text(membership)}".replace(
                    SUSPENDED_ONES, "its membership was"
                )
                earlier.append(told)
                citation = membership.citation or context.index.by_id[other_id].citation
                if citation is not None:
                    cited.append((told, citation))
    return earlier, cited


def joined_after(
    group: Group, entity_id: str, status: str, since: PartialDate, context: Context
) -> Why:
    """``Uzbekistan was a member of the CSTO from June 2006 to 2012; before that, it was a party
    to the Collective Security Treaty from 1992 to 1999``: its own spans, and those it had ended
    before it joined in a body mostly made of this one's members (the Treaty the CSTO grew from),
    which a learner takes for the year it joined this one; each cited by its own source."""
    story = membership_story(group, entity_id, status, context)
    earlier, cited = kin_memberships(group, entity_id, since.year, context)
    about = (entity_id, group.id)
    if earlier:
        story = f"{story}; before that, {listed(earlier)}"
    # Why it joined then, where the author says: the date alone is the answer again.
    explained = [
        m.explain.rstrip(".")
        for m in context.index.memberships[group.id][entity_id]
        if m.status == status and m.explain
    ]
    told = ". ".join([story, *explained])
    return Why(told, about=about, cited_too=tuple(cited)) if cited else Why(told, about=about)


def founded_year(group: Group, context: Context) -> CheckedQuestion | None:
    if group.founded is None:
        return None
    # A body that came into being when its treaty entered into force, signed a year or more
    # before (the Berne Union, 1887, of the Berne Convention of 1886), has two defensible
    # founding years: the treaty's own questions ask both dates.
    for document in context.facts.documents:
        if document.in_force == group.founded and document.signed.year != group.founded.year:
            return None
    draft = context.draft("group-founded", Kind.YEAR, [group.id])
    name = the(context.index.short_name(group.id))
    return draft.year(
        group,
        f"In which year was {name} founded?",
        group.founded.year,
        Claim(Relation.FOUNDED_IN, group.id),
        Why(context.told.founded(group), about=(group.id,)),
        Notes(),
    )


def abbreviation_short(group: Group, context: Context) -> CheckedQuestion | None:
    return full_name_typed(group, "group-abbreviation", context)


def abbreviation_single(group: Group, context: Context) -> CheckedQuestion | None:
    """Choose the full name among other groups' names."""
    draft = context.draft("group-abbreviation-choice", Kind.SINGLE, [group.id])
    stem, explanation, _ = short_name_wording(
        group.name,
        group.short,
        context.index.in_sentence(group.id),
        what_it_is(context, group),
        group,
    )
    return draft.single(
        group,
        stem,
        group.name,
        Claim(Relation.NAME_OF, group.id),
        abbreviated_first(context, context.index.group_ids),
        context.index.name,
        Why(
            explanation,
            about=(group.id,),
            wrong_of=lambda texts: context.told.each(texts, lambda i: abbreviated_as(context, i)),
        ),
    )


def _membership_citation(group: Group, entity_id: str) -> Citation | None:
    memberships: list[Membership] = [m for m in group.members if m.entity_id == entity_id]
    return next((m.citation for m in memberships if m.citation is not None), None)
