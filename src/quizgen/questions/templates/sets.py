"""Questions on several facts at once: matching (treaties and years, events and places, people and
roles) and chronological ordering. Sets are cut in file order within a tag, so that editing one
fact changes only the set that holds it; the oracle checks that every set is unambiguous."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from quizgen.facts.model import Citation, Document, Event, Fact, PartialDate, Person
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import shuffled_out_of_order
from quizgen.questions.explanations import Why
from quizgen.questions.index import date_of
from quizgen.questions.item_rules import content_words
from quizgen.questions.model import Kind
from quizgen.questions.oracle import Verdict
from quizgen.questions.templates.base import Context
from quizgen.questions.templates.centuries import FIRST_MILLENNIUM
from quizgen.questions.wording import listed

MIN_SET = 3
MAX_PAIRS = 6
MAX_ORDER = 5
# How far ahead a set looks for a fact that fits it; bounds the work on very large files.
LOOKAHEAD = 50


@dataclass(frozen=True)
class Item:
    """One line of a set: the fact, its left text, its right text, and its claim."""

    fact: Fact
    left: str
    right: str
    claim: Claim
    facts: tuple[str, ...]
    position: int = 0
    """Where the fact stands in the file, to keep pooled leftovers in file order."""
    citation: Citation | None = None
    """The line's own source, where it is not its fact's (a person's role)."""


def set_questions(context: Context) -> Iterator[CheckedQuestion | None]:
    # Background facts (context the topic needs but does not teach) are no line of a set: a
    # set is no background question, and would quiz them in every deck.
    index = context.index
    documents = [
        Item(d, d.name, str(d.signed.year), Claim(Relation.SIGNED_IN, d.id), (d.id,), n)
        for n, d in enumerate(context.facts.documents)
        if not d.background
    ]
    yield from matching(context, documents, "documents-years", documents_prompt)
    events = [
        Item(
            e,
            e.name,
            index.name(e.place_id),
            Claim(Relation.HAPPENED_AT, e.id),
            (e.id, e.place_id),
            n,
        )
        for n, e in enumerate(context.facts.events)
        if e.place_id and not e.background
    ]
    yield from matching(
        context, events, "events-places", "Match each event to the place where it took place."
    )
    people = [
        Item(
            p,
            p.name,
            index.role_label(p.roles[0]),
            Claim(Relation.ROLE_LABEL, p.id),
            (p.id,),
            n,
            p.roles[0].citation,
        )
        for n, p in enumerate(context.facts.people)
        if p.roles and not p.background
    ]
    yield from matching(
        context, people, "people-roles", "Match each person to a position they held."
    )
    dated_facts: tuple[Event | Document, ...] = (*context.facts.events, *context.facts.documents)
    dated = [
        Item(f, index.name(f.id), "", Claim(Relation.PRECEDES, f.id), (f.id,), n)
        for n, f in enumerate(dated_facts)
        if not f.background
    ]
    yield from ordering(context, dated)


def documents_prompt(chunk: Sequence[Item]) -> str:
    """``Match each document to the year it was signed.``, in the word of their one act."""
    verbs = {item.fact.verb for item in chunk if isinstance(item.fact, Document)}
    if len(verbs) == 1:
        return f"Match each document to the year it was {verbs.pop()}."
    return "Match each document to its year."


def cut(
    items: Sequence[Item], fits: Callable[[list[Item], Item], bool], largest: int
) -> list[list[Item]]:
    """Sets of MIN_SET to ``largest`` items, grouped by first tag, in file order; items that fit
    no set of their tag are pooled and cut once more."""
    by_tag: dict[str, list[Item]] = {}
    for item in items:
        by_tag.setdefault(item.fact.tags[0] if item.fact.tags else "", []).append(item)
    sets: list[list[Item]] = []
    pooled: list[Item] = []
    for group in by_tag.values():
        made, left = _cut_group(group, fits, largest)
        sets += made
        pooled += left
    pooled.sort(key=lambda item: item.position)
    sets += _cut_group(pooled, fits, largest)[0]
    return sets


def _cut_group(
    group: list[Item], fits: Callable[[list[Item], Item], bool], largest: int
) -> tuple[list[list[Item]], list[Item]]:
    pending = list(group)
    made: list[list[Item]] = []
    left: list[Item] = []
    while pending:
        chunk: list[Item] = []
        rest: list[Item] = []
        for position, item in enumerate(pending):
            if len(chunk) < largest and position < LOOKAHEAD and fits(chunk, item):
                chunk.append(item)
            else:
                rest.append(item)
        if len(chunk) >= MIN_SET:
            made.append(chunk)
        else:
            left += chunk
        # An item that fits not even an empty set (its own pair is not true) is dropped.
        pending = rest if chunk else rest[1:]
    return made, left


def matching(
    context: Context,
    items: list[Item],
    template: str,
    prompt: str | Callable[[Sequence[Item]], str],
) -> Iterator[CheckedQuestion | None]:
    def judged(item: Item, other: Item) -> Verdict:
        return context.oracle.verdict(item.claim, other.right)

    def fits(chunk: list[Item], item: Item) -> bool:
        # Each left must match its own right and no other: otherwise the match is ambiguous.
        if context.oracle.verdict(item.claim, item.right) is not Verdict.TRUE:
            return False
        return all(
            judged(item, other) is Verdict.FALSE and judged(other, item) is Verdict.FALSE
            for other in chunk
        )

    for chunk in cut(items, fits, MAX_PAIRS):
        fact_ids = tuple(dict.fromkeys(i for item in chunk for i in item.facts))
        draft = context.draft(template, Kind.MATCHING, fact_ids)
        pairs = [(item.left, item.right) for item in chunk]
        rights = [right for _, right in pairs]
        yield draft.finish(
            chunk[0].fact,
            prompt if isinstance(prompt, str) else prompt(chunk),
            rights,
            Why(
                "; ".join(line_told(context, item) for item in chunk),
                about=tuple(item.fact.id for item in chunk),
                citations=tuple(item.citation or item.fact.citation for item in chunk),
            ),
            [item.claim for item in chunk],
            pairs=pairs,
            choices=shuffled_out_of_order(draft.rng, rights),
            tags=_tags(chunk),
            attribute=False,
            dated=False,
        )


def ordering(context: Context, items: list[Item]) -> Iterator[CheckedQuestion | None]:
    def fits(chunk: list[Item], item: Item) -> bool:
        # Two dates that overlap ("July 2020" and "13 July 2020") have no order to ask for, and
        # two in one year (an annexation in March 2014, a treaty in May) only a month's trivia.
        year = _when(item.fact).earliest[:1]
        return (
            all(
                context.oracle.verdict(item.claim, other.left) is not Verdict.UNKNOWN
                and context.oracle.verdict(other.claim, item.left) is not Verdict.UNKNOWN
                and _when(other.fact).earliest[:1] != year
                and not _named_alike(item.left, other.left)
                for other in chunk
            )
            and len(context.index.resolve(item.left)) == 1
        )

    for chunk in cut(items, fits, MAX_ORDER):
        ordered = sorted(chunk, key=lambda item: _when(item.fact).earliest)
        draft = context.draft("chronology", Kind.ORDERING, tuple(item.fact.id for item in chunk))
        order = [item.left for item in ordered]
        in_order = listed(
            [
                f"{context.told.plain(item.fact.id)} ({_bracketed(_when(item.fact))})"
                for item in ordered
            ]
        )
        yield draft.finish(
            chunk[0].fact,
            "Put these in chronological order, earliest first.",
            order,
            Why(
                f"Their dates put them in this order: {in_order}",
                about=tuple(item.fact.id for item in ordered),
                citations=tuple(item.fact.citation for item in ordered),
            ),
            [item.claim for item in ordered],
            order=order,
            choices=shuffled_out_of_order(draft.rng, order),
            tags=_tags(chunk),
            attribute=False,
        )


# Names that share this many words tell their order by themselves: the renewal of a treaty comes
# after the treaty, the agreement on a force after the decision to create it.
NAMED_ALIKE = 2


def _named_alike(one: str, other: str) -> bool:
    return len(content_words(one) & content_words(other)) >= NAMED_ALIKE


def line_told(context: Context, item: Item) -> str:
    """One line of a matching with what its fact adds: a document's place and whole date, an
    event's, a person's span in the post."""
    fact = item.fact
    if isinstance(fact, Document):
        return context.told.signing(fact)
    if isinstance(fact, Event):
        return context.told.happening(fact)
    if isinstance(fact, Person) and fact.roles:
        return context.told.holding(fact, 0)
    return f"{item.left}: {item.right}"


def _when(fact: Fact) -> PartialDate:
    when = date_of(fact)
    assert when is not None, "only events and documents are ordered"
    return when


def _tags(chunk: list[Item]) -> list[str]:
    return list(dict.fromkeys(tag for item in chunk for tag in item.fact.tags))


def _bracketed(date: PartialDate) -> str:
    """A date as it stands in brackets after a name: ``23 September 1846``; a century without
    its article and, in the first millennium, with its era (``2nd century AD``), which "the 2nd
    century" leaves open."""
    text = date.text
    if not date.century:
        return text
    plain = text.removeprefix("the ")
    return f"{plain} AD" if date.year > 0 and date.century <= FIRST_MILLENNIUM else plain
