"""Questions on quantities: a fact's value among near misses, typed to a stated step, true or
false, and across facts which is greatest or least and their order by the quantity."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence

from quizgen.facts.model import Citation, PartialDate, Quantity
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors, shuffled_out_of_order
from quizgen.questions.explanations import Why
from quizgen.questions.grammar import count_in_words, names_several, plural, possessive
from quizgen.questions.item_rules import content_words
from quizgen.questions.model import Kind
from quizgen.questions.oracle import Verdict
from quizgen.questions.profiles import count_told, counted
from quizgen.questions.subjects import (
    Measured,
    NamedFact,
    parse_number,
    quantity_key,
    spoken_name,
)
from quizgen.questions.templates.base import OPTION_COUNT, Context, Notes
from quizgen.questions.wording import (
    according_to,
    as_of,
    capitalized,
    listed,
    measure_text,
    number_text,
)

# Near misses: plausible scales of the value, none so close that it reads as a rounding of it.
# Made-up values, used only where too few other facts give one: none is half or double the
# value or another of them, a pattern that points at the key.
# Each with the factor used instead where its value falls next to a real one; none is half or
# double another.
NEAR_FACTORS = ((0.65, 0.55), (0.8, 0.88), (1.25, 1.15), (1.45, 1.55))
# Other facts' values of the same quantity make good distractors when of a similar scale.
PLAUSIBLE_RATIO = 3.0
# Where too few lie that near, a real value up to this factor away still beats a made-up one:
# Saturn's 1,432.0 million km beside Neptune's 4,515.0 is a figure a learner may have met.
FAR_RATIO = 4.0
# How far apart, as a factor, a made-up value stands from every real value offered beside it.
APART = 1.1

COMPARED = 4
NEARBY = 20
ORDERED = 5


def quantity_questions(fact: NamedFact, context: Context) -> Iterator[CheckedQuestion | None]:
    for quantity in fact.quantities:
        if quantity.value is None:
            continue  # a range is asked only in comparisons, which it can settle
        yield value_choice(fact, quantity, context)
        yield value_typed(fact, quantity, context)
        yield value_true_false(fact, quantity, context)


def value_text(quantity: Quantity, value: float | None = None) -> str:
    """``142,984 km``; a range as ``80–95 km``."""
    if value is not None:
        return measure_text(value, quantity.decimals, quantity.unit)
    if quantity.value is not None:
        return measure_text(quantity.value, quantity.decimals, quantity.unit)
    low = number_text(quantity.low, quantity.decimals)
    return f"{low}–{measure_text(quantity.high, quantity.decimals, quantity.unit)}"


def opening(when: PartialDate | None) -> str:
    return f"{as_of(when)}, " if when is not None else ""


def the_quantity(quantity: Quantity, fact_id: str, context: Context) -> str:
    """``Jupiter's equatorial diameter``; a property that has an "of" of its own reads
    ``the number of known moons of Mars`` instead."""
    name = spoken_name(context.index, fact_id)
    if " of " in f" {quantity.property} ":
        return f"the {quantity.property} of {name}"
    return f"{possessive(name)} {quantity.property}"


def asked_of(quantity: Quantity, fact_id: str, context: Context, nearest: str = "") -> str:
    """``how many chapters does Moby-Dick have`` for a count; ``what is Jupiter's equatorial
    diameter`` for any other quantity."""
    things = counted(quantity)
    if things and not nearest:
        name = spoken_name(context.index, fact_id)
        does = "do" if names_several(name) else "does"
        return f"how many {things} {does} {name} have"
    return f"what is {the_quantity(quantity, fact_id, context)}{nearest}"


def said_of(quantity: Quantity, fact_id: str, context: Context, value: str) -> str:
    """``Moby-Dick has 135 chapters`` for a count; ``Jupiter's equatorial diameter is 142,984
    km`` for any other quantity (and for a count of one, whose noun would need its singular)."""
    name = spoken_name(context.index, fact_id)
    return count_told(name, quantity, value) or (
        f"{the_quantity(quantity, fact_id, context)} is {value}"
    )


def claim_of(fact_id: str, quantity: Quantity) -> Claim:
    prop, unit = quantity_key(quantity)
    return Claim(Relation.QUANTITY, fact_id, other=unit, detail=prop, when=quantity.as_of)


def stated(fact: NamedFact, quantity: Quantity, context: Context, subject: str = "") -> str:
    """``Jupiter's equatorial diameter is 142,984 km`` (``It is ...`` given ``subject``); a
    value that changes is dated at the end, so that the sentence never opens like its stem."""
    said = subject or the_quantity(quantity, fact.id, context)
    subject_named = subject or spoken_name(context.index, fact.id)
    sentence = count_told(subject_named, quantity, value_text(quantity)) or (
        f"{said} is {value_text(quantity)}"
    )
    if quantity.value is not None and quantity.high > quantity.value:
        sentence += f" (± {value_text(quantity, quantity.high - quantity.value)})"
    if quantity.as_of is not None:
        sentence += f" as of {quantity.as_of.text}"
    return capitalized(sentence)


def alike(
    fact: NamedFact, quantity: Quantity, context: Context, any_kind: bool = False
) -> list[Measured]:
    """Other facts of the same kind measured by the same quantity, nearest in value first; of
    any kind with ``any_kind``, as the near misses are drawn (Pluto's diameter beside
    Triton's), so that every real value offered is told whose it is."""
    subjects = context.index.subjects_index()
    key = quantity_key(quantity)
    noun = subjects.noun_of(fact.id)
    at = subjects.measured_at.get((fact.id, key), 0)
    window = subjects.measured.get(key, [])[max(0, at - NEARBY) : at + NEARBY + 1]
    value = quantity.value if quantity.value is not None else quantity.low
    others = [
        m
        for m in window
        if m.fact_id != fact.id
        and m.quantity.value is not None
        and (any_kind or subjects.noun_of(m.fact_id) == noun)
    ]
    return sorted(others, key=lambda m: abs((m.quantity.value or 0.0) - value))


def compared(
    fact: NamedFact, quantity: Quantity, context: Context, shown: Sequence[str] = ()
) -> str:
    """``for comparison, Saturn's equatorial diameter is 120,536 km``: the nearest value of
    another fact of the same kind (none among the ``shown`` options, which the explanation tells
    apart anyway), so that the number means something. A value equal to this one compares
    nothing ("Venus has no known moons; for comparison, Mercury has no known moons")."""
    own = value_text(quantity)
    others = alike(fact, quantity, context)
    nearest = [m for m in others if value_text(m.quantity) not in (*shown, own)][:1]
    return "; ".join(
        f"for comparison, {said_of(m.quantity, m.fact_id, context, value_text(m.quantity))}"
        for m in nearest
    )


def whose_values(
    fact: NamedFact, quantity: Quantity, texts: Sequence[str], context: Context
) -> str:
    """Why other values are wrong where the facts give them to another fact (``120,536 km is
    Saturn's equatorial diameter``)."""
    told = []
    for m in alike(fact, quantity, context, any_kind=True):
        text = value_text(m.quantity)
        if text in texts:
            told.append(
                said_of(m.quantity, m.fact_id, context, text)
                if counted(m.quantity)
                else f"{text} is {the_quantity(m.quantity, m.fact_id, context)}"
            )
    return "; ".join(told)


def with_account(
    fact: NamedFact, quantity: Quantity, context: Context, answer: str, shown: Sequence[str]
) -> str:
    """``answer`` with the author's account of the figure (its volumes, its parts), which means
    more than another thing's figure beside it; else with the nearest other one, compared."""
    if quantity.explain:
        return f"{answer}. {quantity.explain}"
    # Where wrong options are other things' figures, they are told whose, and a figure of yet
    # another thing "for comparison" is one more number beside the point.
    others = {value_text(m.quantity) for m in alike(fact, quantity, context, any_kind=True)}
    if (set(shown) - {value_text(quantity)}) & others:
        return answer
    comparison = compared(fact, quantity, context, shown)
    return f"{answer}; {comparison}" if comparison else answer


def quantity_why(
    fact: NamedFact,
    quantity: Quantity,
    context: Context,
    answer: str = "",
    shown: Sequence[str] = (),
) -> Why:
    """The value with what the author says of it, or else with the nearest other fact's value;
    the wrong options given to other facts."""
    answer = answer or stated(fact, quantity, context)
    return Why(
        with_account(fact, quantity, context, answer, shown),
        about=(fact.id,),
        wrong_of=lambda texts: whose_values(fact, quantity, texts, context),
        cited_too=others_cited(fact, quantity, context),
    )


def others_cited(
    fact: NamedFact, quantity: Quantity, context: Context
) -> tuple[tuple[str, Citation], ...]:
    """Another thing's figure, told for comparison or as a wrong option's, is cited by its own
    source: Titan's diameter is on NASA's Saturnian sheet, not the Ganymede page."""
    return tuple(
        (value_text(m.quantity), citation)
        for m in alike(fact, quantity, context, any_kind=True)
        for citation in [m.quantity.citation or context.index.by_id[m.fact_id].citation]
        if citation is not None
    )


def distance(number: float | None, value: float) -> float:
    """How far, as a factor, an option stands from the answer; an unreadable or non-positive
    one last."""
    if number is None or number <= 0 or value <= 0:
        return math.inf
    return abs(math.log(number / value))


def made_up_step(value: float) -> int:
    """The step a made-up whole value is rounded to, so that it is as round as the real one:
    beside 100 cantos, 65 and 145 stand out as invented and 100 as the real count; 60 and 140
    do not. One place finer than the value's own roundness, so that the options stay apart."""
    whole = abs(int(value))
    if whole != abs(value) or whole == 0:
        return 1
    zeros = 0
    while whole % 10 == 0:
        whole //= 10
        zeros += 1
    step: int = 10 ** max(0, zeros - 1)
    return step


def near_misses(
    fact: NamedFact,
    quantity: Quantity,
    context: Context,
    rng: random.Random,
    count: int = OPTION_COUNT - 1,
    farther_too: bool = True,
) -> list[str]:
    """Wrong values of the same unit and a plausible scale: other facts' values first, then
    scaled values, each shown wrong by the oracle. ``farther_too``: real values up to
    ``FAR_RATIO`` off where the near ones do not fill the options (a false statement needs one
    value, and a near made-up one makes the better slip)."""
    value = quantity.value if quantity.value is not None else quantity.low
    subjects = context.index.subjects_index()
    key = quantity_key(quantity)
    # Facts near this one in the file measure things of its kind; a bounded window of them.
    at = subjects.measured_at.get((fact.id, key), 0)
    same = subjects.measured.get(key, [])[max(0, at - NEARBY) : at + NEARBY + 1]
    # Real values of other things, the nearest first: a learner who half knows the figure
    # confuses it with Saturn's, not with a multiple of its own.
    near = sorted(
        (
            m
            for m in same
            if m.fact_id != fact.id
            and m.quantity.value is not None
            and value
            and 1 / FAR_RATIO <= m.quantity.value / value <= FAR_RATIO
        ),
        key=lambda m: abs(math.log((m.quantity.value or value) / value)),
    )
    close = [m for m in near if distance(m.quantity.value, value) <= math.log(PLAUSIBLE_RATIO)]
    others = list(dict.fromkeys(value_text(quantity, m.quantity.value) for m in near))
    nearer = list(dict.fromkeys(value_text(quantity, m.quantity.value) for m in close))
    # Farther ones only where the near ones do not fill the options.
    farther = (
        [o for o in others if o not in nearer]
        if farther_too and len(nearer) < OPTION_COUNT - 1
        else []
    )
    others = [*nearer, *farther]
    real = [m.quantity.value for m in near[: count + 1] if m.quantity.value]
    scaled: list[str] = []
    for factors in NEAR_FACTORS:
        # A made-up value next to a real one (2,934.8 beside Uranus's 2,867.0) reads as one
        # option offered twice, and both are ruled out together: the factor's second is used.
        for tried in factors:
            candidate = round(value * tried, quantity.decimals)
            if quantity.decimals and value == int(value):
                # Beside 2,867.0, a made-up 3,583.8 is the one option with a tenth: 3,584.0.
                # Where rounding makes it the answer or an option already made (beside 2.0
                # km), the factor's second is tried, and failing that, none is made.
                candidate = float(round(candidate))
                taken = {value, *(parse_number(text) for text in scaled)}
                if candidate in taken:
                    continue
            elif quantity.decimals == 0:
                step = made_up_step(value)
                candidate = float(round(candidate / step) * step)
            if not any(
                candidate > 0 and abs(math.log(candidate / r)) < math.log(APART) for r in real
            ):
                break
        else:
            continue
        if candidate > 0 or value <= 0:
            scaled.append(value_text(quantity, candidate))
    claim = claim_of(fact.id, quantity)
    picked = pick_distractors(
        rng,
        count,
        [nearer[:count], farther, scaled],
        lambda text: text,
        context.is_wrong(claim),
        [value_text(quantity)],
    )
    # Real values before made-up ones, each the nearest first: where only some fit around the
    # answer, Uranus's 51,118 km stands beside Neptune's 49,528 km, not Jupiter's 142,984 km.
    return sorted(
        picked,
        key=lambda text: (
            text not in others,
            distance(parse_number(text), value),
        ),
    )


def around(
    quantity: Quantity, wrong: Sequence[str], rng: random.Random, real: Sequence[str] = ()
) -> list[str]:
    """Three wrong values around the right one, at the slot among the options in order that
    offers the most real values (other things' figures), since made-up ones beside the answer
    ("1.25 and 1.45 times it") leave a learner two real choices; among slots alike, one drawn
    at random, so that where the figures allow, the smallest or largest option is the answer
    as often as any other."""
    value = quantity.value if quantity.value is not None else quantity.low
    below = [w for w in wrong if (parse_number(w) or 0.0) < value]
    above = [w for w in wrong if (parse_number(w) or 0.0) > value]
    wanted = OPTION_COUNT - 1

    def taken(slot: int) -> list[str]:
        return [*below[:slot], *above[: wanted - slot]]

    slots = [s for s in range(wanted + 1) if s <= len(below) and wanted - s <= len(above)]
    if not slots:
        # Too few on one side: as many as there are, the rest from the other.
        slot = min(rng.randint(0, wanted), len(below))
        slot = max(slot, wanted - len(above))
        return taken(max(slot, 0))
    # Real figures within a factor of three count first, farther ones after: Moby-Dick's 135
    # chapters beside Don Quixote's 126 before Jane Eyre's 38.
    close = {t for t in real if distance(parse_number(t), value) <= math.log(PLAUSIBLE_RATIO)}

    def score(slot: int) -> tuple[int, int]:
        return sum(t in close for t in taken(slot)), sum(t in real for t in taken(slot))

    most_real = max(score(s) for s in slots)
    best = [s for s in slots if score(s) == most_real]
    return taken(rng.choice(best))


def by_number(texts: Sequence[str]) -> list[str]:
    return sorted(texts, key=lambda text: parse_number(text) or 0.0)


def whose(fact: NamedFact, quantity: Quantity, stem: str, context: Context) -> str:
    """The stem as a sentence, ``According to NASA's Planetary Fact Sheet, what is ...``: a
    measured value is its source's own (another source gives another figure), so the stem
    names the source where the facts give one."""
    citation = quantity.citation or fact.citation
    source = context.index.source_of(citation.source_id) if citation.source_id else None
    if source is None:
        return capitalized(stem)
    name = source.cite_as or source.publisher or source.title
    return capitalized(according_to(stem, name, context.index.proper_words))


def value_choice(fact: NamedFact, quantity: Quantity, context: Context) -> CheckedQuestion | None:
    draft = context.draft("quantity-choice", Kind.SINGLE, [fact.id], qualifier=quantity.property)
    right = value_text(quantity)
    real = [value_text(m.quantity) for m in alike(fact, quantity, context, any_kind=True)]
    wrong = around(quantity, near_misses(fact, quantity, context, draft.rng, 99), draft.rng, real)
    if len(wrong) < 2:
        return None
    asked = f"{opening(quantity.as_of)}{asked_of(quantity, fact.id, context)}?"
    stem = whose(fact, quantity, asked, context)
    return draft.finish(
        fact,
        stem,
        [right],
        quantity_why(fact, quantity, context, shown=wrong),
        [claim_of(fact.id, quantity)],
        choices=by_number([right, *wrong]),
        citation=quantity.citation,
        dated=quantity.as_of is not None,
    )


def value_typed(fact: NamedFact, quantity: Quantity, context: Context) -> CheckedQuestion | None:
    """Typed, to the step the author gives (the tolerance the stem states), or a whole count."""
    assert quantity.value is not None
    # A count (moons, chapters) has no unit; a measure in whole units (a diameter in km) is no
    # count a learner recalls to the unit.
    whole_count = quantity.decimals == 0 and quantity.low == quantity.high and not quantity.unit
    if not quantity.round_to and not whole_count:
        return None
    draft = context.draft("quantity-typed", Kind.SHORT, [fact.id], qualifier=quantity.property)
    step = quantity.round_to or 1.0
    step_decimals = 0 if step >= 1 else len(f"{step:g}".split(".")[-1])
    rounded = round(quantity.value / step) * step
    decimals = min(quantity.decimals, step_decimals)
    answer = measure_text(rounded, decimals, quantity.unit)
    step_text = measure_text(step, step_decimals, quantity.unit)
    nearest = f", to the nearest {step_text}" if quantity.round_to else ""
    forms = [
        number_text(rounded, decimals),
        f"{rounded:.{decimals}f}",
        number_text(rounded, decimals).replace(",", " "),
        value_text(quantity),
        number_text(quantity.value, quantity.decimals),
        f"{quantity.value:.{quantity.decimals}f}",
        *(count_in_words(int(rounded)) if whole_count else ()),
    ]
    asked = f"{opening(quantity.as_of)}{asked_of(quantity, fact.id, context, nearest)}?"
    stem = whose(fact, quantity, asked, context)
    return draft.finish(
        fact,
        stem,
        [answer],
        quantity_why(
            fact,
            quantity,
            context,
            stated(fact, quantity, context)
            + (
                f", or {answer} to the nearest {step_text}"
                if answer != value_text(quantity)
                else ""
            ),
        ),
        [claim_of(fact.id, quantity)],
        accept=forms,
        citation=quantity.citation,
        dated=quantity.as_of is not None,
    )


def value_true_false(
    fact: NamedFact, quantity: Quantity, context: Context
) -> CheckedQuestion | None:
    draft = context.draft(
        "quantity-true-false", Kind.TRUE_FALSE, [fact.id], qualifier=quantity.property
    )
    return draft.true_false(
        fact,
        claim_of(fact.id, quantity),
        value_text(quantity),
        lambda: near_misses(fact, quantity, context, draft.rng, farther_too=False)[:1],
        lambda value: whose(
            fact,
            quantity,
            f"{opening(quantity.as_of)}{said_of(quantity, fact.id, context, value)}",
            context,
        ),
        Notes(citation=quantity.citation, dated=quantity.as_of is not None),
        why=lambda value: statement_why(fact, quantity, context, value),
    )


def statement_why(fact: NamedFact, quantity: Quantity, context: Context, value: str) -> Why:
    """A true value is told with the nearest other fact's ("True. For comparison, Earth has 1
    known moon" alone never said Venus's); a false one gives way to the right value (``It is
    38``) and is told whose value it is, if another fact's (and then compared with no other:
    the wrong value's owner is the comparison)."""
    cited = others_cited(fact, quantity, context)
    # "It has 34 chapters", not the stem again ("Wuthering Heights has 34 chapters").
    answer = stated(fact, quantity, context, "it")
    told = with_account(fact, quantity, context, answer, shown=[value])
    if value == value_text(quantity) and told != answer:
        return Why(told, about=(fact.id,), cited_too=cited)
    return Why(
        told,
        whose_values(fact, quantity, [value], context),
        about=(fact.id,),
        cited_too=cited,
    )


# -- across facts ------------------------------------------------------------------------------


def comparison_questions(context: Context) -> Iterator[CheckedQuestion | None]:
    """For each quantity several facts of one kind share: which is greatest, which least, and
    their order by it."""
    subjects = context.index.subjects_index()
    for key, measured in subjects.measured.items():
        by_noun: dict[str, list[str]] = {}
        for item in measured:
            by_noun.setdefault(subjects.noun_of(item.fact_id), []).append(item.fact_id)
        for noun, fact_ids in by_noun.items():
            if len(fact_ids) < 3:
                continue
            yield extreme(context, key, noun, fact_ids, greatest=True)
            yield extreme(context, key, noun, fact_ids, greatest=False)
            yield ordered(context, key, noun, fact_ids)


def _quantities(context: Context, key: tuple[str, str], fact_ids: Sequence[str]) -> list[Quantity]:
    subjects = context.index.subjects_index()
    return [subjects.quantity_of[fact_id, key] for fact_id in fact_ids]


# How far the answer of "which is the greatest" may lie beyond the next option, as a factor.
CLOSE_CALL = 2.0


def _close_call(sizes: list[float], greatest: bool) -> bool:
    """Whether the extreme of ``sizes`` (in ascending order) is within ``CLOSE_CALL`` of the
    next one: a comparison a learner must know the values to answer."""
    first, second = (sizes[-1], sizes[-2]) if greatest else (sizes[1], sizes[0])
    if second <= 0:
        return first <= 0
    return first / second <= CLOSE_CALL


def _size(quantity: Quantity) -> float:
    return quantity.value if quantity.value is not None else quantity.low


def _latest(quantities: Sequence[Quantity]) -> PartialDate | None:
    dates = [q.as_of for q in quantities if q.as_of is not None]
    return max(dates) if dates else None


def extreme(
    context: Context, key: tuple[str, str], noun: str, fact_ids: list[str], greatest: bool
) -> CheckedQuestion | None:
    """``Which of these planets has the greatest equatorial diameter?``, or in the author's own
    word for it: ``Which of these planets is the largest by equatorial diameter?``"""
    word = "greatest" if greatest else "smallest"
    # The identity comes from the quantity, never from the options the seed draws.
    draft = context.draft(f"quantity-{word}", Kind.SINGLE, fact_ids[:1], qualifier="|".join(key))
    # A name that repeats the stem's noun ("the Moon" among "these moons") would be a cue, and the
    # item rules would drop the question for some draws only: keep it out of every draw instead.
    noun_words = content_words(plural(noun))
    pool = [i for i in fact_ids if not content_words(context.index.name(i)) & noun_words]
    if len(pool) < 3:
        return None
    # Neighbours in size, not a random draw: Mercury offered as "the largest" is no option anyone
    # would weigh. A run of consecutive values, drawn at random among the close calls.
    quantity_of = context.index.subjects_index().quantity_of
    by_value = sorted(pool, key=lambda i: _size(quantity_of[i, key]))
    count = min(COMPARED, len(by_value))
    runs = [by_value[start : start + count] for start in range(len(by_value) - count + 1)]
    # A run whose answer outstrips the rest (Neptune among Venus, Earth and Mars) is answered by
    # knowing which is a giant; runs where the answer is a close call come first.
    close = [
        run for run in runs if _close_call([_size(quantity_of[i, key]) for i in run], greatest)
    ]
    chosen = list(draft.rng.choice(close or runs))
    chosen.sort(key=fact_ids.index)
    draft.fact_ids = tuple(chosen)
    claim = Claim(
        Relation.MOST if greatest else Relation.LEAST, "|".join(chosen), other=key[1], detail=key[0]
    )
    names = [context.index.name(i) for i in chosen]
    right = [n for n in names if context.oracle.verdict(claim, n) is Verdict.TRUE]
    if len(right) != 1:
        return None
    quantities = _quantities(context, key, chosen)
    prop = quantities[0].property
    # The author's word may be written on any one of the measured things, drawn or not.
    every = _quantities(context, key, fact_ids)
    own_word = next((q.most if greatest else q.least for q in every if q.most or q.least), "")
    fact = context.index.by_id[chosen[0]]
    # Told in order of size, the answer first, so the reader sees why it is the answer.
    by_size = sorted(
        zip(names, quantities, strict=True), key=lambda pair: _size(pair[1]), reverse=greatest
    )
    values = "; ".join(f"{name}: {value_text(q)}" for name, q in by_size)
    when = _latest(quantities)
    winner = spoken_name(context.index, chosen[names.index(right[0])])
    if own_word:
        # "the largest" alone leaves open by what: by mass, by volume, by diameter?
        stem = f"{opening(when)}which of these {plural(noun)} is the {own_word} by {prop}?"
        explanation = f"{winner} is the {own_word} of these by {prop} ({values})"
    elif counted(quantities[0]):
        # A count is "the most chapters", "the fewest known moons", not "the smallest number".
        most = f"{'most' if greatest else 'fewest'} {counted(quantities[0])}"
        stem = f"{opening(when)}which of these {plural(noun)} has the {most}?"
        explanation = f"{winner} has the {most} of these ({values})"
    else:
        stem = f"{opening(when)}which of these {plural(noun)} has the {word} {prop}?"
        explanation = f"{winner} has the {word} {prop} of these ({values})"
    return draft.finish(
        fact,
        capitalized(stem),
        right,
        Why(
            explanation + (f" as of {when.text}" if when is not None else ""),
            about=tuple(chosen),
            citations=_citations(context, key, chosen),
        ),
        [claim],
        choices=draft.rng.sample(names, len(names)),
        tags=_tags(context, chosen),
        attribute=False,
        dated=when is not None,
    )


def ordered(
    context: Context, key: tuple[str, str], noun: str, fact_ids: list[str]
) -> CheckedQuestion | None:
    first = context.draft("quantity-order", Kind.ORDERING, fact_ids[:1], qualifier="|".join(key))
    chosen: list[str] = []
    for candidate in first.rng.sample(fact_ids, len(fact_ids)):
        claim = _less_claim(candidate, key)
        if (
            all(
                context.oracle.verdict(claim, context.index.name(other)) is not Verdict.UNKNOWN
                for other in chosen
            )
            and len(context.index.resolve(context.index.name(candidate))) == 1
        ):
            chosen.append(candidate)
        if len(chosen) == ORDERED:
            break
    if len(chosen) < 3:
        return None
    quantities = dict(zip(chosen, _quantities(context, key, chosen), strict=True))
    chosen.sort(key=lambda i: quantities[i].low)
    draft = first
    draft.fact_ids = tuple(sorted(chosen, key=fact_ids.index))
    order = [context.index.name(i) for i in chosen]
    prop = quantities[chosen[0]].property
    when = _latest(list(quantities.values()))
    fact = context.index.by_id[chosen[0]]
    in_order = listed(
        [
            f"{spoken_name(context.index, i)} ({value_text(quantities[i])})"
            for name, i in zip(order, chosen, strict=True)
        ]
    )
    dated = f" as of {when.text}" if when is not None else ""
    return draft.finish(
        fact,
        capitalized(
            f"{opening(when)}put these {plural(noun)} in order of {prop}, "
            f"{'fewest' if counted(quantities[chosen[0]]) else 'smallest'} first."
        ),
        order,
        Why(
            f"Their {plural(prop)}{dated} put them in this order: {in_order}",
            about=tuple(chosen),
            citations=_citations(context, key, chosen),
        ),
        [_less_claim(i, key) for i in chosen],
        order=order,
        choices=shuffled_out_of_order(first.rng, order),
        tags=_tags(context, chosen),
        attribute=False,
        dated=when is not None,
    )


def _citations(
    context: Context, key: tuple[str, str], fact_ids: Sequence[str]
) -> tuple[Citation, ...]:
    """The citation of each value compared: the quantity's own, else its fact's."""
    subjects = context.index.subjects_index()
    return tuple(
        subjects.quantity_of[i, key].citation or context.index.by_id[i].citation for i in fact_ids
    )


def _less_claim(fact_id: str, key: tuple[str, str]) -> Claim:
    return Claim(Relation.LESS_THAN, fact_id, other=key[1], detail=key[0])


def _tags(context: Context, fact_ids: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(tag for i in fact_ids for tag in context.index.by_id[i].tags))
