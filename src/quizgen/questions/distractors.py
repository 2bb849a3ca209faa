"""Draws wrong options: plausible ones first, each shown wrong by the oracle, none repeated."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from quizgen.questions.index import text_key

T = TypeVar("T")

# How many candidates one tier may offer a question: bounds the work per question, so a huge
# pool (every state of a 100,000-fact file) costs no more than a small one.
DRAWS_PER_TIER = 40
YEAR_SPREAD = 6
# Gaps between year options, the closest first.
YEAR_STEPS = (2, 3)


def draw(rng: random.Random, items: Sequence[T], limit: int = DRAWS_PER_TIER) -> Iterator[T]:
    """Up to ``limit`` distinct items of ``items`` in random order, without copying a long list."""
    size = len(items)
    if size <= 2 * limit:
        order = list(range(size))
        rng.shuffle(order)
        for position in order[:limit]:
            yield items[position]
        return
    seen: set[int] = set()
    while len(seen) < limit:
        position = rng.randrange(size)
        if position not in seen:
            seen.add(position)
            yield items[position]


# Why a candidate from a tier with no reason of its own was chosen.
PROVEN_WRONG = "of the same kind as the answer, and wrong by the facts"


def pick_distractors(
    rng: random.Random,
    count: int,
    tiers: Sequence[Sequence[str]],
    text_of: Callable[[str], str],
    is_wrong: Callable[[str], bool],
    taken: Iterable[str],
) -> list[str]:
    """Up to ``count`` option texts from ``tiers`` (ids, most plausible tier first).

    A candidate is kept only when ``is_wrong`` proves it wrong and its text differs (ignoring case,
    spacing and accents) from every option already taken; fewer than ``count`` is a fine answer.
    """
    return [text for text, _ in pick_with_reasons(rng, count, tiers, text_of, is_wrong, taken)]


def pick_with_reasons(
    rng: random.Random,
    count: int,
    tiers: Sequence[Sequence[str]],
    text_of: Callable[[str], str],
    is_wrong: Callable[[str], bool],
    taken: Iterable[str],
    reasons: Sequence[str] = (),
) -> list[tuple[str, str]]:
    """Like ``pick_distractors``, each text with the reason of the tier it came from."""
    seen = {text_key(text) for text in taken}
    chosen: list[tuple[str, str]] = []
    for position, tier in enumerate(tiers):
        reason = reasons[position] if position < len(reasons) else PROVEN_WRONG
        for item in draw(rng, tier):
            if len(chosen) == count:
                return chosen
            text = text_of(item)
            key = text_key(text)
            if not key or key in seen:
                continue
            seen.add(key)
            if is_wrong(text):
                chosen.append((text, reason))
    return chosen


def nearby_years(
    rng: random.Random, year: int, count: int, latest: int | None, is_wrong: Callable[[str], bool]
) -> list[str]:
    """Up to ``count`` wrong years, evenly spaced around ``year``, none after ``latest``.

    The answer's place among the options is drawn at random, and the options are spaced alike on
    both sides of it: a key that always sits in the middle of its neighbours, or stands apart by a
    different gap, is found without knowing the year. The spacing is at least two years, because
    a signature and an entry into force, a decision and its agreement, often straddle two years,
    so the next year can be arguably right.
    """
    for step in YEAR_STEPS:
        places = list(range(count + 1))
        rng.shuffle(places)
        for place in places:
            others = [year + step * (slot - place) for slot in range(count + 1) if slot != place]
            if all(_possible(other, latest) and is_wrong(str(other)) for other in others):
                return [str(other) for other in others]
    # Too few evenly spaced years are wrong (a bound is near, or the event recurred): the
    # nearest wrong years, in order.
    candidates = [
        y
        for y in range(year - YEAR_SPREAD, year + YEAR_SPREAD + 1)
        if abs(y - year) >= 2 and _possible(y, latest)
    ]
    rng.shuffle(candidates)
    candidates.sort(key=lambda y: abs(y - year) // 3)
    chosen = [str(y) for y in candidates if is_wrong(str(y))][:count]
    return sorted(chosen, key=int)


def _possible(year: int, latest: int | None) -> bool:
    return year > 0 and (latest is None or year <= latest)


def shuffled(rng: random.Random, items: Sequence[T]) -> list[T]:
    result = list(items)
    rng.shuffle(result)
    return result


def shuffled_out_of_order(rng: random.Random, items: Sequence[T]) -> list[T]:
    """``items`` shuffled so that the result is never already in their original order."""
    result = shuffled(rng, items)
    if len(result) > 1 and result == list(items):
        result = result[1:] + result[:1]
    return result
