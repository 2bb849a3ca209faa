"""Phrases and distractor tiers more than one template needs: statuses, places and entity types."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from quizgen.facts.model import Document, Entity, Event, Fact, Group, PartialDate
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_with_reasons, shuffled
from quizgen.questions.explanations import Why
from quizgen.questions.grammar import a_or_an, plural
from quizgen.questions.index import contains_word, date_of, names_of, text_key
from quizgen.questions.item_rules import content_words
from quizgen.questions.model import Kind
from quizgen.questions.templates.base import Context, Notes
from quizgen.questions.templates.lives import year_text
from quizgen.questions.wording import is_abbreviation, the


def named_by_topic(context: Context, entity_id: str) -> bool:
    """Whether the topic's title or description makes the entity the one behind its subject,
    in a compound or a possessive of its one-word name ("Russian-sponsored security
    organisations", "Russia's wars"): its part in them is told before any question. "Russia was
    a member" is then given away, and "Russia declined to renew the Treaty" is no error a
    learner makes. A name merely in the text ("the Indian Ocean") makes no such claim."""
    name = context.index.name(entity_id)
    if not re.fullmatch(r"[A-Z][a-z]+", name):
        return False
    topic = context.index.facts.topic
    said = f"{topic.title} {topic.description}"
    return re.search(rf"\b{name}\w{{0,2}}(?:-\w|['’]s\b)", said) is not None


def name_in_sentence(context: Context, name: str) -> str:
    """An entity's or group's name (an option's text) as it reads in a sentence: ``the United
    States``, ``the CSTO``."""
    ids = context.index.resolve(name, (Entity, Group))
    return context.index.in_sentence(ids.pop()) if len(ids) == 1 else name


def short_name_wording(
    full_name: str, short: str, in_sentence: str, what: str = "", fact: Entity | Group | None = None
) -> tuple[str, str, str]:
    """The stem, the explanation and the reverse card's stem for what a short name stands for:
    "What does the abbreviation NATO stand for?", or for a shortened name that is no abbreviation,
    "What is the full name of the UN Security Council?". The explanation adds ``what`` the thing
    is. The reverse card is left out (empty) when the full name contains the short one and so
    would give it away. A body that is gone is asked in the past, with what it was or the years
    its name was borne: "ICIC" stands for many things today."""
    full_in_sentence = the(full_name) if in_sentence.startswith("the ") else full_name
    dissolved = getattr(fact, "dissolved", None)
    # The name's own years: the European Community bore that name only from 1993.
    former = getattr(fact, "former_names", ())
    began = former[-1].until if former else getattr(fact, "founded", None)
    gone = dissolved is not None
    does, stands, is_ = ("did", "stood", "was") if gone else ("does", "stands", "is")
    if is_abbreviation(short):
        asked = f"{does} the abbreviation {short} stand for?"
        explanation = f"{short} {stands} for {full_in_sentence}"
        reverse = f"What {is_} the abbreviation of {full_in_sentence}?"
    else:
        short_in_sentence = the(short) if in_sentence.startswith("the ") else short
        asked = f"{is_} the full name of {short_in_sentence}?"
        explanation = f"The full name of {short_in_sentence} {is_} {full_in_sentence}"
        reverse = f"What {is_} the short name of {full_in_sentence}?"
    head = what_it_was(fact, what, full_name) if gone else ""
    span = f"{year_text(began)}\u2013{year_text(dissolved)}" if gone and began else ""
    if head and is_abbreviation(short):
        # "What did ICIC, the League of Nations' advisory body of scholars and writers
        # (1922-1946), stand for?"
        stem = f"What did {short}, {head}{f' ({span})' if span else ''}, stand for?"
    elif span:
        stem = f"From {year_text(began)} to {year_text(dissolved)}, what {asked}"
    else:
        stem = f"What {asked}"
    if contains_word(text_key(full_name), text_key(short)):
        reverse = ""
    if what:
        explanation += f", {what}"
    return stem, explanation, reverse


def what_it_was(fact: Entity | Group | None, what: str, full_name: str) -> str:
    """What a body was, for a stem that asks its name: its description up to a relative clause
    ("the League of Nations' advisory body of scholars and writers", without ", whose work
    UNESCO took over"); nothing where that still holds a comma (a list would be cut short) or
    shares a word with the name it asks for (it would give the name away)."""
    if fact is None or not fact.description:
        return ""
    # Its first sentence only: "a council of merchants. It met in Bruges" is two.
    head = RELATIVE_CLAUSE.split(what.split(". ", 1)[0], maxsplit=1)[0].strip().rstrip(".")
    if "," in head or content_words(head) & content_words(full_name):
        return ""
    return head


RELATIVE_CLAUSE = re.compile(r",\s+(?:which|whose|who|whom|where|when)\b")


def what_it_is(context: Context, fact: Entity | Group) -> str:
    """``the CSTO's joint rapid reaction force``: a thing's description, else its type."""
    if fact.description:
        return context.told.lowered(fact.description)
    kind = fact.type if isinstance(fact, Entity) else ""
    return a_or_an(kind) if kind else ""


def abbreviated_first(context: Context, ids: Sequence[str]) -> list[list[str]]:
    """Wrong options for what a short name stands for: what other short names stand for first
    ("Berne Union", no expansion of anything, only where they run out)."""
    # The first few hundred are enough to find three, in a file of thousands.
    abbreviated = [i for i in ids[:200] if getattr(context.index.by_id.get(i), "short", "")]
    return [abbreviated, list(ids)]


def abbreviated_as(context: Context, fact_id: str) -> str:
    """Why another full name is no answer: ``EAEU stands for the Eurasian Economic Union``."""
    fact = context.index.by_id.get(fact_id)
    short = getattr(fact, "short", "")
    # A body that is gone is told in the past, as its own question asks it.
    stands = "stood" if getattr(fact, "dissolved", None) is not None else "stands"
    return f"{short} {stands} for {the(context.index.name(fact_id))}" if short else ""


def type_plural(context: Context, entity_ids: list[str]) -> str:
    """``states`` when every one is a state; ``of these`` alone when types are mixed."""
    people = set(context.index.person_ids)
    types = {
        context.index.type_of(i)
        or ("organisation" if i in context.index.memberships else "person" if i in people else "")
        for i in entity_ids
    }
    return plural(types.pop()) if len(types) == 1 and "" not in types else "options"


def full_name_typed(
    fact: Entity | Group, template: str, context: Context
) -> CheckedQuestion | None:
    """Typed: what the short name stands for; the reverse card asks for the short name. A name
    that keeps an abbreviation of its short name ("CSTO Parliamentary Assembly" for CSTO PA) is
    right with that abbreviation spelt out too, so it is asked only when the facts give that
    form among its names (an alias); one that keeps it is no answer, as it leaves "CSTO" as
    asked."""
    spelt_out = with_abbreviations_spelt_out(fact, context)
    claim = Claim(Relation.NAME_OF, fact.id)
    if spelt_out is None or not all(context.is_right(claim, name) for name in spelt_out):
        return None
    draft = context.draft(template, Kind.SHORT, [fact.id])
    # What "CSTO PA" stands for is the name with "CSTO" spelt out too: the name that keeps it
    # is accepted, not keyed.
    full = spelt_out[0] if spelt_out else fact.name
    short_words = {w for w in fact.short.split() if is_abbreviation(w)}
    stem, explanation, reverse = short_name_wording(
        full, fact.short, context.index.in_sentence(fact.id), what_it_is(context, fact), fact
    )
    if isinstance(fact, Entity):
        others = [i for i in context.index.same_type(fact.id) if i != fact.id]
    else:
        others = [g.id for g in context.facts.groups if g.id != fact.id]
    return draft.typed_or_chosen(
        fact,
        (stem, stem),
        full,
        claim,
        abbreviated_first(context, others),
        context.index.name,
        Why(
            explanation,
            about=(fact.id,),
            wrong_of=lambda texts: context.told.each(texts, lambda i: abbreviated_as(context, i)),
        ),
        Notes(
            # Another abbreviation (EEU for EAEU) is not what the short name stands for.
            accept=tuple(
                dict.fromkeys(
                    a
                    for a in (fact.name, *spelt_out, *fact.aliases)
                    if a not in (full, fact.short)
                    and not is_abbreviation(a)
                    and not set(a.split()) & short_words
                )
            ),
            reverse=(reverse, fact.short) if reverse else ("", ""),
        ),
        spelled_by=fact.short if is_abbreviation(fact.short) else "",
    )


def with_abbreviations_spelt_out(fact: Entity | Group, context: Context) -> list[str] | None:
    """The name with each abbreviation it shares with its short name written in full
    ("Collective Security Treaty Organization Parliamentary Assembly"), or None when the facts
    name nothing by that abbreviation."""
    in_name = fact.name.split()
    kept = [w for w in dict.fromkeys(fact.short.split()) if is_abbreviation(w) and w in in_name]
    name = fact.name
    for word in kept:
        meant = sorted(context.index.resolve(word) - {fact.id})
        if len(meant) != 1:
            return None
        name = re.sub(rf"\b{re.escape(word)}\b", context.index.name(meant[0]), name)
    return [name] if kept else []


def place_choice(
    fact: Event | Document,
    place_id: str,
    relation: Relation,
    stem: str,
    why: Why,
    template: str,
    context: Context,
) -> CheckedQuestion | None:
    """Where an event took place or a document was signed, among places of the same type; the
    explanation says what happened at each wrong place instead (or what the place is)."""
    draft = context.draft(template, Kind.SINGLE, [fact.id, place_id])
    claim = Claim(relation, fact.id)
    place = context.index.name(place_id)
    wrong = safe_place(context, fact, place_id, context.is_wrong(claim))
    picked = pick_with_reasons(
        draft.rng,
        3,
        place_tiers(context, fact, place_id),
        context.index.name,
        wrong,
        [place],
        PLACE_REASONS,
    )
    if len(picked) < 2:
        return None
    choices = shuffled(draft.rng, [place, *(text for text, _ in picked)])
    told = context.told
    why = replace(
        why, wrong_of=lambda texts: told.each(texts, lambda i: told.where_or_what(i, fact.id))
    )
    return draft.finish(fact, stem, [place], why, [claim], choices=choices, reasons=picked)


PLACE_REASONS = (
    "a place of the same type where an event or signing with the same parties took place",
    "a place of the same type where another event or signing of the topic took place",
    "a place of the same type",
)


def place_tiers(context: Context, fact: Fact, place_id: str) -> list[list[str]]:
    """Places of the same type: first those of other events and documents that share a party or
    participant with ``fact`` (the places of its own story, not of another continent's), then
    those of any event or document, then any."""
    kind = context.index.type_of(place_id)
    # A place only a background fact happened at (Washington, D.C., for the North Atlantic
    # Treaty) belongs to another story: no wrong option for a CSTO decision.
    taught = [
        p
        for p in context.index.places_by_type.get(kind, [])
        if any(not f.background for f in context.told.at_place.get(p, []))
    ]
    tiers = [
        [p for p in _places_sharing_a_party(context, fact) if context.index.type_of(p) == kind],
        taught,
        context.index.entity_ids_by_type.get(kind, []),
    ]
    # A place that went by another name then (Astana was Akmola until 1998) is no option for
    # what happened there before: the name did not exist.
    when = date_of(fact)
    if when is None:
        return tiers
    return [[p for p in tier if not _renamed_since(context, p, when)] for tier in tiers]


def _renamed_since(context: Context, place_id: str, when: PartialDate) -> bool:
    place = context.index.by_id.get(place_id)
    former = getattr(place, "former_names", ())
    return any(name.until.earliest > when.latest for name in former)


def _places_sharing_a_party(context: Context, fact: Fact) -> list[str]:
    own = _parties(fact)
    if not own:
        return []
    others: list[Event | Document] = [*context.facts.documents, *context.facts.events]
    return list(
        dict.fromkeys(
            other.place_id
            for other in others
            if other.id != fact.id and other.place_id and own & _parties(other)
        )
    )


def _parties(fact: Fact) -> set[str]:
    if isinstance(fact, Document):
        return set(fact.parties)
    if isinstance(fact, Event):
        return {p.entity_id for p in fact.participants}
    return set()


def safe_place(
    context: Context, fact: Fact, place_id: str, is_wrong: Callable[[str], bool]
) -> Callable[[str], bool]:
    """A wrong place must also not be named by the fact itself nor name the right place: two sides
    of one border, or a district and its region, would otherwise pass as distinct places."""
    fact_words = context.index.text_key_of(fact)
    place_names = [text_key(n) for n in _names(context, place_id)]

    def check(text: str) -> bool:
        if not is_wrong(text) or text_key(text) in fact_words:
            return False
        for candidate_id in context.index.resolve(text, (Entity,)):
            words = context.index.text_key_of(context.index.by_id[candidate_id])
            if any(name in words for name in place_names):
                return False
        return True

    return check


def _names(context: Context, fact_id: str) -> tuple[str, ...]:
    fact = context.index.by_id.get(fact_id)
    return names_of(fact) if fact is not None else ()
