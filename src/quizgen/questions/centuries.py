"""Centuries as questions name them: which century a date falls in, how an option writes one
(``the 13th century``, ``the 2nd century BC``) and whether the facts settle an offered century.

A century is numbered as a historian numbers it, with no year 0: the 1st century runs from AD 1
to 100, the 13th from 1201 to 1300, the 2nd century BC from 200 BC to 101 BC. Here a century is
one signed number, so that centuries sort and neighbour across the eras: 13 is the 13th century,
-2 the 2nd century BC, and 1 follows -1.
"""

from __future__ import annotations

import re

from quizgen.facts.model import PartialDate, counted_across_zero, ordinal

CENTURY_TEXT = re.compile(
    r"^(?:the\s+)?(?P<number>\d{1,2})(?:st|nd|rd|th)\s+century(?:\s+(?P<era>AD|BC))?$",
    re.IGNORECASE,
)


def century_of_year(year: int) -> int:
    """The century a year falls in: 1265 -> 13, 1300 -> 13, 190 BC (-190) -> -2."""
    if year > 0:
        return (year - 1) // 100 + 1
    return -((-year - 1) // 100 + 1)


def years_of(century: int) -> tuple[int, int]:
    """The first and last year of a century: 13 -> (1201, 1300), -2 -> (-200, -101)."""
    if century > 0:
        return (century - 1) * 100 + 1, century * 100
    return century * 100, (century + 1) * 100 - 1


def next_century(century: int, step: int) -> int:
    """The century ``step`` centuries later (earlier when negative), across the missing 0."""
    return counted_across_zero(century, step)


def century_of(first: PartialDate, last: PartialDate | None = None) -> int | None:
    """The one century that surely holds the whole of a date (from ``first`` to ``last``, for a
    span): ``c. 1265`` lies in the 13th, ``c. 1308`` (1298 to 1318) in no one century."""
    start = century_of_year(first.earliest[0])
    end = century_of_year((last or first).latest[0])
    return start if start == end else None


def century_text(century: int, say_ad: bool = False) -> str:
    """``the 13th century``, ``the 2nd century BC``; ``the 1st century AD`` beside BC ones."""
    era = " BC" if century < 0 else " AD" if say_ad else ""
    return f"the {ordinal(abs(century))} century{era}"


def century_written(text: str) -> int | None:
    """The century an answer names (``the 13th century``, ``2nd century BC``), or None."""
    match = CENTURY_TEXT.match(" ".join(text.split()))
    if match is None or int(match.group("number")) == 0:
        return None
    number = int(match.group("number"))
    era = (match.group("era") or "").upper()
    return -number if era == "BC" else number


def century_verdict(first: PartialDate, last: PartialDate | None, century: int) -> bool | None:
    """Whether a date (or a span from ``first`` to ``last``) falls in ``century``: True when it
    surely lies wholly inside, False when it surely lies wholly outside, None when it may cross
    the boundary (``c. 1308`` and the 13th or the 14th century)."""
    low, high = years_of(century)
    earliest, latest = first.earliest[0], (last or first).latest[0]
    if low <= earliest and latest <= high:
        return True
    if latest < low or earliest > high:
        return False
    return None
