"""English grammar the question wording needs and no facts file can carry: "a" or "an" before a
word, and the plural of a noun, from the ``inflect`` package rather than lists of our own."""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import Any

import typeguard


def _inflect_without_runtime_checks() -> ModuleType:
    """The ``inflect`` module, imported with typeguard's ``@typechecked`` as a no-op.

    inflect wraps its engine in typeguard's run-time type checks, which parse and recompile the
    module's source on import: more than a second on every start, longer than the whole rest of
    a build of the bundled facts. quizgen passes it plain non-empty strings, so the checks add
    nothing here; typeguard itself skips them the same way under ``python -O``.
    """

    def unchecked(target: Any = None, **_: Any) -> Any:
        return target if target is not None else (lambda function: function)

    checked = typeguard.typechecked
    typeguard.typechecked = unchecked
    try:
        return importlib.import_module("inflect")
    finally:
        typeguard.typechecked = checked


_ENGINE = _inflect_without_runtime_checks().engine()


@functools.cache
def a_or_an(phrase: str) -> str:
    """``a union``, ``an observer``, ``an hour``: the indefinite article the phrase takes."""
    if not phrase.strip():
        return phrase
    return str(_ENGINE.a(phrase))


@functools.cache
def plural(noun: str) -> str:
    """``states``, ``cities``, ``organs of the CSTO``: a noun phrase in the plural. A remark in
    brackets after the noun stays as it is (``observers (parliaments)``)."""
    head, bracket, rest = noun.partition(" (")
    if not head.strip():
        return noun
    return str(_ENGINE.plural_noun(head)) + (f" ({rest}" if bracket else "")


@functools.cache
def singular(noun: str) -> str:
    """``moon`` for ``moons``, ``known moon`` for ``known moons``: the last word of a plural noun
    phrase in the singular (a word already singular stays as it is)."""
    head, _, last = noun.rpartition(" ")
    one = _ENGINE.singular_noun(last) or last
    return f"{head} {one}" if head else str(one)


@functools.cache
def plural_predicate(phrase: str) -> str:
    """A relation phrase for a plural subject: ``is a moon of`` -> ``are moons of``, ``orbits``
    -> ``orbit``; a past tense (``discovered``) stays as it is."""
    words = phrase.split()
    if not words:
        return phrase
    words[0] = str(_ENGINE.plural_verb(words[0]))
    if len(words) > 2 and words[1].lower() in ("a", "an"):
        rest = words[2:]
        # The noun is the last word before a preposition: "a natural satellite of".
        end = next((i for i, word in enumerate(rest) if word.lower() in _PREPOSITIONS), len(rest))
        if end > 0:
            rest[end - 1] = plural(rest[end - 1])
        words = [words[0], *rest]
    return " ".join(words)


_PREPOSITIONS = frozenset(["of", "to", "for", "on", "in", "at", "by", "from", "with", "about"])


@functools.cache
def negation(phrase: str, several: bool = False) -> str:
    """What the others did not do, without repeating the phrase: ``is not`` (is a moon of),
    ``were not`` (was discovered by), ``did not`` (discovered, wrote), ``does not`` (orbits)."""
    first = phrase.split()[0].lower() if phrase.split() else ""
    if first in ("is", "are"):
        return "are not" if several else "is not"
    if first in ("was", "were"):
        return "were not" if several else "was not"
    if first in ("has", "have"):
        return "do not" if several else "does not"
    if str(_ENGINE.plural_verb(first)) == first and not first.endswith("s"):
        return "did not"  # a past tense reads the same for one subject or several
    return "do not" if several else "does not"


def possessive(name: str) -> str:
    """``Jupiter's``, ``Uranus's``, ``the Moon's``."""
    return f"{name}'s"


SPELT_BELOW = 101


def count_in_words(count: int) -> tuple[str, ...]:
    """How a learner may write a count up to a hundred in words: ``two``, ``thirty-four``, ``one
    hundred``; ``zero`` and ``none`` for 0. Larger ones are written in figures."""
    if count == 0:
        return ("zero", "none")
    return (str(_ENGINE.number_to_words(count)),) if 0 < count < SPELT_BELOW else ()


# Words after which a name's head noun has ended: "drills before Kavkaz-2020", "appeal to the CSTO".
_AFTER_HEAD = frozenset(
    [
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "before",
        "after",
        "from",
        "with",
        "through",
        "by",
        "between",
    ]
)


@functools.cache
def names_several(name: str) -> bool:
    """Whether a name's head noun is plural, so that it takes "were": ``Tavush/Tovuz border
    clashes``, ``snap drills before Kavkaz-2020``; not ``Kavkaz-2020`` or ``Armenia's appeal``."""
    words = name.split()
    head = ""
    for word in words:
        if word.casefold() in _AFTER_HEAD:
            break
        head = word
    letters = head.strip(",.;:")
    if not letters.isalpha() or not letters.islower():
        return False
    return bool(_ENGINE.singular_noun(letters))
