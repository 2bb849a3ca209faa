"""English grammar the question wording needs and no facts file can carry: "a" or "an" before a
word, and the plural of a noun, from the ``inflect`` package rather than lists of our own."""

from __future__ import annotations

import functools

import inflect

_ENGINE = inflect.engine()


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
