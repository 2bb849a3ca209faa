"""Questions on an event: its year and place, who took part in which role, its stated figures."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from quizgen.facts.model import Citation, Event, Figure, Term
from quizgen.questions.answers import is_typable
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import (
    nearby_years,
    pick_distractors,
    pick_with_reasons,
    shuffled,
)
from quizgen.questions.explanations import Why
from quizgen.questions.grammar import count_in_words
from quizgen.questions.index import contains_word, names_of, text_key
from quizgen.questions.item_rules import content_words, shared_alike
from quizgen.questions.model import Kind
from quizgen.questions.oracle import Verdict
from quizgen.questions.profiles import label_of as label
from quizgen.questions.templates.base import MULTIPLE_OPTIONS, Context, Notes
from quizgen.questions.templates.common import (
    name_in_sentence,
    named_by_topic,
    place_choice,
    place_tiers,
    safe_place,
    type_plural,
)
from quizgen.questions.wording import (
    according_to,
    also_did,
    capitalized,
    dates_text,
    emphasised_not,
    listed,
    listed_actions,
    took_part,
)

NUMBER = re.compile(r"\d[\d,]*\d|\d")
# How many may hold a part told beside the asked one: more reads as a list, not a reason.
BESIDE_HOLDERS = 3


def event_questions(event: Event, context: Context) -> Iterator[CheckedQuestion | None]:
    yield event_year(event, context)
    if event.place_id:
        yield event_place(event, context)
    yield event_true_false(event, context)
    roles = list(dict.fromkeys(p.role for p in event.participants))
    for role in roles:
        # Two sides playing the one part of an event (a border clash between two states) are
        # what the event is: its name tells them ("Tavush/Tovuz"), and the wrong options can
        # only be states that were nowhere near.
        if len(roles) > 1 or holders(event, role) > 2:
            yield participants_in_role(event, role, context)
    seen: set[str] = set()
    for participation in event.participants:
        if participation.entity_id not in seen:
            seen.add(participation.entity_id)
            # Where all played one part together (two states fought), a wrong option can only
            # come from outside the event, a state no one would think of: the question on all
            # of them asks it.
            if len(roles) > 1 or holders(event, participation.role) < 2:
                yield participant_single(
                    event, participation.entity_id, participation.role, context
                )
            # With one role in the event, "In Russia's annexation of Crimea, Russia annexed
            # Crimea" could only be true and mostly restates the event's name: not asked.
            if len(roles) > 1:
                yield participant_true_false(
                    event, participation.entity_id, participation.role, context
                )
    for figure in event.figures:
        yield figure_short(event, figure, context)
    if event.description:
        yield named_from_description(event, context)


def happening(event: Event, context: Context) -> Why:
    """``Kavkaz-2020 took place in the Southern Military District from 21 to 26 September 2020``."""
    return Why(context.told.happening(event), about=(event.id,))


def held_where(event: Event, context: Context, value: str) -> Why:
    """``The Southern Military District is where Kavkaz-2020 took place, from 21 to 26 September
    2020``, and for a place swapped in, what happened there instead."""
    told = context.told
    right = (
        f"{told.said(event.place_id)} is where {label(event)} took place, "
        f"{dates_text(event.date, event.end)}"
    )
    wrong_id = told.option_ids(value)
    wrong = (
        told.where_or_what(wrong_id, event.id) if wrong_id and wrong_id != event.place_id else ""
    )
    return Why(right, wrong, about=(event.id,))


def held_when(event: Event) -> Why:
    """``On 11 September 2001, the 9/11 terrorist attacks took place``: the whole date first."""
    when = capitalized(dates_text(event.date, event.end))
    return Why(f"{when}, {label(event)} took place", about=(event.id,))


def roles_in(event: Event, entity_id: str) -> list[str]:
    return list(dict.fromkeys(p.role for p in event.participants if p.entity_id == entity_id))


def others_told(event: Event, role: str, texts: Sequence[str], context: Context) -> str:
    """Why the wrong options are wrong: the parts they did play (``Kazakhstan and Indonesia sent
    observers; Lord Byron was the host and proposed the contest``), or that they were not among
    the holders of the role."""
    by_parts: dict[tuple[str, ...], list[str]] = {}
    for text in texts:
        entity_id = context.told.option_ids(text)
        if entity_id:
            played = tuple(r for r in roles_in(event, entity_id) if r != role)
            by_parts.setdefault(played, []).append(context.told.said(entity_id))
    told = []
    for played, names in by_parts.items():
        several = len(names) > 1
        if played:
            did = [took_part(r, several, only=holders(event, r) == 1) for r in played]
            # Those in the role asked who played these parts too: "... took part as
            # contestants, as did Lord Byron" does not read as if the host wrote no story.
            also_ids = [
                entity_id
                for entity_id in dict.fromkeys(
                    p.entity_id for p in event.participants if p.role == role
                )
                if set(played) <= set(roles_in(event, entity_id))
            ]
            also = [context.told.said(entity_id) for entity_id in also_ids]
            # "..., as did Iran" after "Iran sent forces" reads as if it took back the answer:
            # said with the part asked ("as did Iran, which also sent forces").
            who = "who" if all(i in context.index.person_ids for i in also_ids) else "which"
            asked = also_did(took_part(role, several=len(also) > 1, only=holders(event, role) == 1))
            sole = took_part(role, only=True)
            if holders(event, role) == 1 and sole.startswith("was the "):
                # The one host is named by the answer already: "as did the host", not "as did
                # Lord Byron, who was also the host", which reads as going in a circle.
                as_did = f", as did {sole[4:]}" if also and len(played) == 1 else ""
            else:
                as_did = (
                    f", as did {listed(also)}, {who} {asked}" if also and len(played) == 1 else ""
                )
            told.append(f"{listed(names)} {listed_actions(did)}{as_did}")
        else:
            be = "were" if several else "was"
            sole = took_part(role, only=True)
            if holders(event, role) == 1 and sole.startswith("was "):
                # "Dunmere was not the host", not "among those who took part as hosts".
                told.append(f"{listed(names)} {be} not {sole[4:]}")
            else:
                among = f"not among those who {took_part(role, several=True)}"
                told.append(f"{listed(names)} {be} {among}")
    return context.told.joined(told)


def said_to_be_its_own(event: Event, name: str) -> bool:
    """Whether the event's name or description names a participant, by its name or a word that
    only adds up to two letters to it ("a Russian strategic exercise" names Russia; "Chinese" is
    not caught): asked what its leader did, the learner is told already."""
    said_of = content_words(f"{event.name} {event.description}")
    return bool(shared_alike(content_words(name), said_of))


def holders(event: Event, role: str) -> int:
    """How many participants the event lists in ``role``: one is "the host", several "hosts"."""
    return len({p.entity_id for p in event.participants if p.role == role})


def leads(event: Event) -> set[str]:
    """Who led the event: played a role alone, and another besides, where others played one
    together (the host of an exercise many states sent forces to, who sent forces too). Offered
    as one that "withdrew", or named the host in another's place ("Myanmar was the host"), it
    is absurd rather than a plausible error."""
    roles = {p.role for p in event.participants}
    if not any(holders(event, role) > 1 for role in roles):
        return set()
    parts: dict[str, set[str]] = {}
    for p in event.participants:
        parts.setdefault(p.entity_id, set()).add(p.role)
    return {
        entity_id
        for entity_id, played in parts.items()
        if len(played) > 1 and any(holders(event, role) == 1 for role in played)
    }


def event_year(event: Event, context: Context) -> CheckedQuestion | None:
    if event.recurring:
        return None  # which time? Its year is no question.
    draft = context.draft("event-year", Kind.YEAR, [event.id])
    year = event.date.year
    return draft.year(
        event,
        f"In which year did {label(event)} take place?",
        year,
        Claim(Relation.HAPPENED_IN, event.id),
        happening(event, context),
        Notes(),
    )


def event_place(event: Event, context: Context) -> CheckedQuestion | None:
    return place_choice(
        event,
        event.place_id,
        Relation.HAPPENED_AT,
        f"Where did {label(event)} take place?",
        happening(event, context),
        "event-place",
        context,
    )


def event_true_false(event: Event, context: Context) -> CheckedQuestion | None:
    """Where it took place (a wrong place swapped in half the time), else the year."""
    if event.place_id:
        draft = context.draft("event-true-false", Kind.TRUE_FALSE, [event.id, event.place_id])
        claim = Claim(Relation.HAPPENED_AT, event.id)
        place = context.index.name(event.place_id)
        wrong = safe_place(context, event, event.place_id, context.is_wrong(claim))
        return draft.true_false(
            event,
            claim,
            place,
            lambda: pick_distractors(
                draft.rng,
                1,
                place_tiers(context, event, event.place_id),
                context.index.name,
                wrong,
                [place],
            ),
            lambda value: f"{label(event)} took place in {name_in_sentence(context, value)}",
            why=lambda value: held_where(event, context, value),
        )
    if event.recurring:
        return None  # "... of 13 July 2020 took place in 2020" would answer itself
    draft = context.draft("event-true-false", Kind.TRUE_FALSE, [event.id])
    claim = Claim(Relation.HAPPENED_IN, event.id)
    latest = context.index.latest_year(event)
    return draft.true_false(
        event,
        claim,
        str(event.date.year),
        lambda: nearby_years(draft.rng, event.date.year, 1, latest, context.is_wrong(claim)),
        lambda value: f"{label(event)} took place in {value}",
        why=lambda _: held_when(event),
    )


def participants_in_role(event: Event, role: str, context: Context) -> CheckedQuestion | None:
    """Who took part in ``role``; the wrong options are participants listed in other roles only."""
    claim = Claim(Relation.PARTICIPANT_AS, event.id, detail=role)
    listed_ids = list(dict.fromkeys(p.entity_id for p in event.participants))
    holders = [i for i in listed_ids if context.is_right(claim, context.index.name(i))]
    listed_ids = [i for i in listed_ids if i in holders or i not in leads(event)]
    if len(holders) < 2:
        return None  # one holder: its own participant question asks it
    kind = Kind.MULTIPLE
    draft = context.draft("event-participants", kind, [event.id], qualifier=role)
    right = holders if len(holders) <= 3 else draft.rng.sample(holders, 3)
    right_texts = [context.index.name(i) for i in right]
    wanted = (MULTIPLE_OPTIONS if kind is Kind.MULTIPLE else 4) - len(right)
    # Of the keys' kind only: a general who directed an exercise is no option among states.
    kind_of_keys = {context.index.type_of(i) for i in right}
    alike = [i for i in listed_ids if context.index.type_of(i) in kind_of_keys]
    picked = pick_with_reasons(
        draft.rng,
        wanted,
        [alike, context.index.same_type(right[0])],
        context.index.name,
        context.is_wrong(claim),
        right_texts,
        (
            f"took part in {label(event)} in another role",
            "of the same type, and not in the role by the event's complete list",
        ),
    )
    wrong = [text for text, _ in picked]
    if len(wrong) < (1 if kind is Kind.MULTIPLE else 2):
        return None
    nouns = type_plural(context, right)
    predicate = took_part(role, several=kind is Kind.MULTIPLE)
    phrase = label(event)
    if kind is Kind.MULTIPLE:
        stem = f"In {phrase}, which of these {nouns} {emphasised_not(predicate)}?"
    else:
        stem = f"In {phrase}, which one of these {nouns} {emphasised_not(predicate)}?"
    said = [name_in_sentence(context, t) for t in right_texts]
    every = context.told.role_told(event, role)
    own = tuple(dict.fromkeys(participation_citation(event, i, role) for i in right))
    why = Why(
        with_reasons(
            event,
            role,
            right,
            every or f"{listed(said)} {took_part(role, len(right) > 1)}",
            context,
        ),
        others_told(event, role, wrong, context),
        about=(event.id,),
        # Where the right ones have sources of their own that differ (India's withdrawal in
        # its ministry's words, Azerbaijan's in its own), each is cited.
        citations=tuple(c for c in own if c) if len(own) > 1 and None not in own else (),
    )
    return draft.finish(
        event,
        stem,
        right_texts,
        why,
        [claim],
        choices=shuffled(draft.rng, [*right_texts, *wrong]),
        # The participants' own source, where every right one has the same.
        citation=shared(own),
        reasons=picked,
    )


def shared(citations: Iterable[Citation | None]) -> Citation | None:
    """The one citation all of ``citations`` are, or None when they differ or one is missing."""
    distinct = set(citations)
    return distinct.pop() if len(distinct) == 1 else None


def participant_single(
    event: Event, entity_id: str, role: str, context: Context
) -> CheckedQuestion | None:
    """Choose the participant in ``role`` among participants listed in other roles only."""
    draft = context.draft("participant-choice", Kind.SINGLE, [event.id, entity_id], qualifier=role)
    claim = Claim(Relation.PARTICIPANT_AS, event.id, detail=role)
    name = context.index.name(entity_id)
    # Other participants of the same type first; a state is no option among "organs".
    kind = context.index.type_of(entity_id)
    # The topic's own protagonist ("Russian-sponsored organisations") is guessed as the one who
    # signed and never as the one who declined: neither its key nor a wrong option.
    if named_by_topic(context, entity_id):
        return None
    led_by = leads(event) - {entity_id}
    listed_ids = [
        other
        for other in dict.fromkeys(p.entity_id for p in event.participants)
        if context.index.type_of(other) == kind
        and other not in led_by
        and not named_by_topic(context, other)
    ]
    # Its close neighbours among them first: Armenia or Belarus could have hosted an exercise of
    # Russia's; Myanmar or Indonesia would be no one's guess.
    close = set(context.index.close_members(entity_id))
    neighbours = [other for other in listed_ids if other in close]
    nouns = type_plural(context, [entity_id])
    predicate = took_part(role, only=holders(event, role) == 1)
    phrase = label(event)
    if entity_id in leads(event) and said_to_be_its_own(event, name):
        return None  # "Which state was the host?" of "a Russian exercise"
    return draft.single(
        event,
        f"In {phrase}, which one of these {nouns} {emphasised_not(predicate)}?",
        name,
        claim,
        [neighbours, listed_ids, context.index.same_type(entity_id)],
        context.index.name,
        Why(
            with_reasons(event, role, [entity_id], context.told.role_told(event, role), context)
            if holders(event, role) > 1 and context.told.role_told(event, role)
            else part_described(event, entity_id, role, context)
            or f"{name_in_sentence(context, name)} {predicate}{because(event, entity_id, role)}",
            about=(event.id,),
            wrong_of=lambda texts: others_told(event, role, texts, context),
        ),
        Notes(citation=participation_citation(event, entity_id, role)),
        reasons=(
            f"took part in {phrase} in another role",
            "of the same type, and not in the role by the event's complete list",
        ),
    )


MAX_TOLD_HOLDERS = 9


def with_reasons(
    event: Event, role: str, entity_ids: Sequence[str], told: str, context: Context
) -> str:
    """``Azerbaijan and India withdrew, India because of COVID-19 restrictions``: the holders of
    a role told, with the reason the facts give for the asked ones' part."""
    reasons = [
        f"{name_in_sentence(context, context.index.name(i))} {because(event, i, role)[2:]}"
        for i in entity_ids
        if because(event, i, role)
    ]
    return f"{told}, {'; '.join(reasons)}" if reasons else told


def who_did_what(event: Event, roles: list[str], entity_id: str, context: Context) -> str:
    """``Russia was the host; Russia, Armenia and Belarus sent forces``: every holder of each
    role, where the list is complete and short, so the explanation says more than the item."""
    told = []
    who = name_in_sentence(context, context.index.name(entity_id))
    for i, role in enumerate(dict.fromkeys(roles)):
        ids = list(dict.fromkeys(p.entity_id for p in event.participants if p.role == role))
        # A reason is the participant's own: it is told of that participant alone.
        reason = because(event, entity_id, role) if i == 0 else ""
        if event.lists_all(role) and len(ids) <= MAX_TOLD_HOLDERS and not reason:
            names = [name_in_sentence(context, context.index.name(i)) for i in ids]
            # Told of one who did not play the part, the whole list is why it is false:
            # "only Azerbaijan and India withdrew", not a list that may be read as partial.
            only = "only " if entity_id not in ids and len(ids) > 1 else ""
            told.append(
                f"{only}{listed(names)} {took_part(role, len(ids) > 1, only=len(ids) == 1)}"
            )
        elif entity_id in ids:
            part = took_part(role, only=len(ids) == 1)
            # The others known to have played it, without a claim that they were all: "Indonesia
            # sent observers, as did Kazakhstan and Tajikistan" teaches more than the stem.
            others = [
                name_in_sentence(context, context.index.name(o)) for o in ids if o != entity_id
            ]
            if others and not reason and len(others) < MAX_TOLD_HOLDERS:
                verb = ("were" if len(others) > 1 else "was") if part.startswith("was ") else "did"
                # An other who also played another part ("Iran sent observers" beside "Iran sent
                # forces") is told as doing both, last, lest the list read as all it did.
                others_ids = [o for o in ids if o != entity_id]
                doubled = {o: _other_parts(event, o, roles) for o in others_ids}
                order = sorted(others_ids, key=lambda o: bool(doubled[o]))
                names = [name_in_sentence(context, context.index.name(o)) for o in order]
                also = [
                    f"{name_in_sentence(context, context.index.name(o))} {also_did(p)}"
                    for o in order
                    for p in doubled[o]
                ]
                told.append(f"{who} {part}, as {verb} {listed(names)}")
                told.extend(also)
            else:
                told.append(f"{who} {part}{reason}")
    return "; ".join(told)


def told_roles(
    event: Event, role: str, asserted: str, entity_id: str, context: Context
) -> list[str]:
    """The parts a true/false item's explanation tells: the asked one and the one it asserts;
    for a true statement that its own part would only repeat ("Urbain Le Verrier predicted
    where the planet would be"), another part of the event besides: one the participant also
    played ("Russia was the host" with who sent forces), else the first complete one with few
    holders ("Johann Galle located the planet in the sky")."""
    roles = [role, asserted]
    if asserted != role:
        return roles
    stem = content_words(f"{context.index.name(entity_id)} {took_part(role)} {label(event)}")
    if content_words(who_did_what(event, [role], entity_id, context)) - stem:
        return roles
    played = {p.role for p in event.participants if p.entity_id == entity_id}
    others = [r for r in dict.fromkeys(p.role for p in event.participants) if r != role]
    also = [r for r in others if r in played and event.lists_all(r)]
    few = [
        r
        for r in others
        if r not in played
        and event.lists_all(r)
        and len({p.entity_id for p in event.participants if p.role == r}) <= BESIDE_HOLDERS
    ]
    return [*roles, *(also or few)[:1]]


def _other_parts(event: Event, entity_id: str, told: list[str]) -> list[str]:
    """The roles ``entity_id`` played in ``event`` besides those ``told``, as predicates (``sent
    forces``)."""
    roles = [p.role for p in event.participants if p.entity_id == entity_id and p.role not in told]
    return [
        took_part(r, only=len({p.entity_id for p in event.participants if p.role == r}) == 1)
        for r in dict.fromkeys(roles)
    ]


def because(event: Event, entity_id: str, role: str) -> str:
    """The words ", because of <reason>" when the facts say why the participant played a role."""
    reason = next(
        (p.reason for p in event.participants if (p.entity_id, p.role) == (entity_id, role)), ""
    )
    return f", because of {reason}" if reason else ""


def part_described(event: Event, entity_id: str, role: str, context: Context) -> str:
    """A person's own description where it says how they played their part ("Johann Galle
    located Neptune through the Berlin Observatory's telescope ..."): more than the part again.
    Only a description of what they did there: "Lord Byron was an English Romantic poet" says
    nothing of his being the host."""
    if entity_id not in context.index.person_ids:
        return ""
    described = context.told.description_of(entity_id)
    own_words = content_words(context.index.name(entity_id))
    event_words = content_words(f"{event.name} {event.description} {role}") - own_words
    return described if (content_words(described) - own_words) & event_words else ""


def participant_true_false(
    event: Event, entity_id: str, role: str, context: Context
) -> CheckedQuestion | None:
    """ "In X, India withdrew": its own role, with as its false form another role of the event
    that the facts prove it did not play. The statement always names its own participant."""
    draft = context.draft(
        "participant-true-false", Kind.TRUE_FALSE, [event.id, entity_id], qualifier=role
    )
    name = context.index.name(entity_id)
    who = name_in_sentence(context, name)
    phrase = label(event)
    citation = next(
        (p.citation for p in event.participants if p.entity_id == entity_id and p.citation), None
    )

    def played(other: str) -> Verdict:
        return context.oracle.verdict(Claim(Relation.PARTICIPANT_AS, event.id, detail=other), name)

    others = dict.fromkeys(p.role for p in event.participants if p.role != role)
    # A false statement swaps in a role that is (1) no denial: "Belarus did NOT sign", keyed
    # False, asks the learner to reject a negative; (2) not the leader's own ("Myanmar was the
    # host"); (3) played by a participant of the same kind: a state "announced that the session
    # was postponed", the CSTO Secretariat's part, reads as garbled, not as a claim.
    led_by = leads(event)
    sole = {p.role for p in event.participants if p.entity_id in led_by}
    kind = context.index.type_of(entity_id)
    alike = {p.role for p in event.participants if context.index.type_of(p.entity_id) == kind}
    wrong = [
        o
        for o in others
        if played(o) is Verdict.FALSE
        and "not" not in o.split()[:2]
        and o not in sole
        and o in alike
    ]
    if named_by_topic(context, entity_id) and entity_id not in led_by:
        return None  # "Russia declined to renew the Treaty" on Russian-sponsored bodies
    if entity_id in led_by:
        # "Russia withdrew" from the exercise it hosted is absurd: no false form. Nor a true one
        # where the event is said to be the leader's own ("a Russian strategic exercise"): "In
        # Kavkaz-2020, Russia was the host" is then true by what the learner was told.
        if said_to_be_its_own(event, name):
            return None
        wrong = []

    described = part_described(event, entity_id, role, context)
    told_by = context.index.by_id[entity_id]

    def form(asserted: str) -> CheckedQuestion | None:
        claim = Claim(Relation.PARTICIPANT_AS, event.id, detail=asserted, asserted=name)
        truth = context.oracle.verdict(claim, "True")
        if truth is Verdict.UNKNOWN:
            return None
        answer = "True" if truth is Verdict.TRUE else "False"
        claimed = emphasised_not(took_part(asserted, only=holders(event, asserted) == 1))
        return draft.finish(
            event,
            f"True or false? In {phrase}, {who} {claimed}.",
            [answer],
            Why(
                described
                if described and answer == "True"
                else who_did_what(
                    event, told_roles(event, role, asserted, entity_id, context), entity_id, context
                ),
                about=(event.id,),
                values=(name,),
                cited_too=((described, told_by.citation),)
                if described and told_by.citation
                else (),
            ),
            [claim],
            choices=["True", "False"],
            citation=citation,
            reasons=[]
            if asserted == role
            else [(asserted, f"a role of the event {who} did not play")],
        )

    true_form = form(role)
    false_form = form(draft.rng.choice(wrong)) if wrong else None
    if true_form is None or false_form is None:
        return true_form or false_form
    return replace(true_form, false_form=false_form)


def figure_short(event: Event, figure: Figure, context: Context) -> CheckedQuestion | None:
    """Typed: a number stated about the event; the digits alone are accepted. A range
    ("80,000-115,000") is not asked."""
    draft = context.draft("event-figure", Kind.SHORT, [event.id], qualifier=figure.label)
    # "about 80,000" accepts 80000; a range such as "80,000-115,000" has no one number to accept.
    numbers = NUMBER.findall(figure.value)
    if len(numbers) != 1:
        return None  # a learner cannot be expected to type a range word for word
    digits = numbers[0].replace(",", "")
    claim = Claim(Relation.FIGURE_OF, event.id, detail=figure.label)
    if context.oracle.verdict(claim, figure.value) is not Verdict.TRUE:
        return None
    # The event opens the stem, so that a label with a clause of its own ("personnel, according
    # to the ministry") does not run into it.
    phrase = label(event)
    what = context.after_colon(figure.label)
    stem = f"In {phrase}, what figure is given for {what}?"
    # A number is its source's own: the stem says whose, when the facts cite a source for it.
    source = context.index.source_of(figure.citation.source_id) if figure.citation else None
    if source is not None:
        stem = according_to(stem, source.cite_as or source.title, context.index.proper_words)
    given = f"{figure.value} is the figure given for {what}"
    # A small whole number may be typed in words, as the source may write it ("eighteen").
    in_words = count_in_words(int(digits)) if digits.isdigit() else ()
    return draft.finish(
        event,
        stem,
        [figure.value],
        Why(given, about=(event.id,)),
        [claim],
        accept=[a for a in (digits, *in_words) if a != figure.value],
        citation=figure.citation,
    )


def named_from_description(event: Event, context: Context) -> CheckedQuestion | None:
    """Typed: the event's name from its description. Not asked to choose: an event's description
    tells what kind of thing it was ("a request", "unannounced exercises"), and the other events
    of a topic are mostly of other kinds, so the options would give the answer away."""
    draft = context.draft("event-name", Kind.SHORT, [event.id])
    description = event.description.rstrip(".")
    # Only an event that recurred is dated (which time is meant?): a date would let a learner
    # who knows the events' dates pass over the description, the thing asked. It goes before
    # the description, which may be sentences of its own, unless the description says it.
    when = dates_text(event.date, event.end).split(" ", 1)[1]
    recurs = event.recurring and str(event.date.year) not in description
    dated = f" ({when})" if recurs else ""
    if not is_typable(event.name, event.aliases):
        return None
    # "Discovery of Neptune" is answered "Neptune", which names a planet, not the event: a name
    # built on another fact's is no name a learner gives for the event.
    if names_another(event, context):
        return None
    # A name that holds its year (Kavkaz-2020) names one of a series: the stem would need the
    # year to single it out, and the year is half the answer.
    if re.search(r"\b\d{3,4}\b", event.name):
        return None
    return draft.finish(
        event,
        f"Name the event{dated}: {context.after_colon(description)}.",
        [event.name],
        happening(event, context),
        [Claim(Relation.NAME_OF, event.id)],
        accept=event.aliases,
    )


def names_another(event: Event, context: Context) -> bool:
    """Whether the event's name holds the name of another thing the facts tell of, as a whole
    word or words: not its own place ("the Battle of Hastings" is named as battles are) nor a
    glossary term."""
    own = text_key(event.name)
    return any(
        fact_id not in (event.id, event.place_id)
        and not isinstance(fact, Term)
        and contains_word(own, text_key(name))
        for fact_id, fact in context.index.by_id.items()
        for name in names_of(fact)
        if len(text_key(name)) > 2
    )


def other_events(texts: Sequence[str], context: Context) -> str:
    """``Kavkaz-2020 took place in the Southern Military District in 2020; ...``."""

    def dated(event_id: str) -> str:
        event = context.index.by_id[event_id]
        return context.told.dated(event) if isinstance(event, Event) else ""

    return context.told.each(texts, dated)


def participation_citation(event: Event, entity_id: str, role: str) -> Citation | None:
    """A participant's own source for its part, where it has one."""
    return next(
        (
            p.citation
            for p in event.participants
            if (p.entity_id, p.role) == (entity_id, role) and p.citation
        ),
        None,
    )
