"""Advice on how a facts file is written: things that load fine but read badly in questions, such
as an event named like a headline. Validation shows them as warnings; they stop nothing."""

from __future__ import annotations

import re

from quizgen.errors import Location, Problem
from quizgen.facts.model import Document, Entity, Event, Facts, Group, Person

# Words that open a noun phrase: a description starting with one in capitals is a sentence,
# not the phrase a question reads after "Name the city:".
PHRASE_OPENERS = frozenset(["a", "an", "the", "one", "two", "three", "its", "their"])
WORD = re.compile(r"[^\s]+")


def writing_advice(facts: Facts) -> list[Problem]:
    advice = []
    for fact in facts.all_facts:
        location = fact.location or Location(facts.path)
        if isinstance(fact, Event) and is_headline(fact.name):
            advice.append(
                Problem(
                    location,
                    f"warning: event name '{fact.name}' reads like a headline",
                    "name it as a noun phrase, as questions say 'In which year did ... take "
                    "place?' ('Withdrawal of the United Kingdom from the EU')",
                )
            )
        description = getattr(fact, "description", "")
        if isinstance(fact, Entity | Group | Event | Document | Person) and description:
            first = description.split()[0]
            if first[:1].isupper() and first.lower() in PHRASE_OPENERS:
                advice.append(
                    Problem(
                        location,
                        f"warning: the description of '{fact.id}' starts with a capital",
                        f"start it in lower case ('{first.lower()} ...'): questions read it "
                        "inside a sentence",
                    )
                )
    return advice


def is_headline(name: str) -> bool:
    """``The United Kingdom leaves the EU``, ``Russia annexes Crimea``: a verb in the present
    after a name, followed by its object."""
    words = WORD.findall(name)
    for before, word, after in zip(words, words[1:], words[2:], strict=False):
        verb_like = word.islower() and word.endswith("s") and not word.endswith("ss")
        if (
            verb_like
            and before[:1].isupper()
            and (after in ("the", "a", "an") or after[:1].isupper())
        ):
            return True
    return False
