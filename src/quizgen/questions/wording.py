"""How questions read: articles, plurals, dates, "According to ..." and lists, as plain text."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.facts.model import PartialDate

# Capitalised only because they open a sentence: lower-case after "According to the article, ".
# Any other first word (a name such as "Russia") keeps its capital.
SENTENCE_OPENERS = frozenset(
    [
        "which",
        "what",
        "who",
        "where",
        "when",
        "in",
        "as",
        "on",
        "how",
        "name",
        "the",
        "a",
        "an",
        "most",
        "many",
        "some",
        "this",
        "these",
        "rather",
        "since",
        "unlike",
        "only",
        "after",
        "before",
        "although",
        "while",
        "during",
        "it",
        "its",
        "there",
        "they",
        "both",
        "allegations",
        "structures",
        "speculation",
        "reported",
        "up",
        "by",
        "at",
        "to",
        "of",
        "with",
        "all",
        "each",
        "every",
        "no",
        "not",
        "more",
        "few",
        "that",
        "those",
        "there",
        "it",
        "its",
        "his",
        "her",
        "their",
        "one",
        "each",
        "every",
        "all",
        "no",
        "not",
        "only",
        "true",
    ]
)
IRREGULAR_PLURALS = {
    "person": "people",
    "country": "countries",
    "city": "cities",
    "party": "parties",
}
VERB_ENDINGS = ("ed",)
# Roles that say what was done to a participant: "India was invited", not "India invited".
PASSIVES = frozenset(
    ["invited", "excluded", "admitted", "suspended", "expelled", "targeted", "attacked", "accused"]
)
VERBS = frozenset(
    [
        "sent",
        "took",
        "withdrew",
        "held",
        "hosted",
        "led",
        "made",
        "gave",
        "won",
        "lost",
        "fought",
        "began",
        "left",
        "joined",
        "rejoined",
        "refused",
        "declined",
        "attended",
        "observed",
        "supplied",
        "provided",
        "asked",
        "called",
        "signed",
        "did",
        "was",
        "were",
        "had",
        "has",
        "is",
        "are",
    ]
)


def the(name: str) -> str:
    """``the Collective Security Treaty``; a name starting with "The" keeps its one article."""
    if name[:4].lower() == "the ":
        return "the " + name[4:]
    return "the " + name


# Place names that read without an article ("in Armenia", "in Moscow"), unless they are plural or
# descriptive ("the United States", "the Russian Federation", "the Tavush border sector").
BARE_TYPES = ("state", "country", "city", "town", "capital", "region", "province", "island")
DEFINITE_WORDS = frozenset(
    [
        "united",
        "republic",
        "kingdom",
        "federation",
        "union",
        "emirates",
        "islands",
        "states",
        "netherlands",
        "philippines",
    ]
)


def in_sentence(name: str, entity_type: str) -> str:
    """A name as it reads inside a sentence: ``Armenia``, ``the United States``, ``the CSTO``."""
    words = name.split()
    if not words:
        return name
    descriptive = words[-1].islower()
    definite = any(word.lower().strip(",.") in DEFINITE_WORDS for word in words)
    bare_type = any(kind in entity_type.lower() for kind in BARE_TYPES)
    if bare_type and not descriptive and not definite:
        return name
    return the(name)


def lowered(label: str) -> str:
    """``foreign states invited`` from a label written as a heading; ``CSTO troops`` stays."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural(noun: str) -> str:
    """``state`` -> ``states``, ``city`` -> ``cities``; enough for entity types."""
    words = noun.split()
    if not words:
        return noun
    last = words[-1]
    if last.lower() in IRREGULAR_PLURALS:
        last = IRREGULAR_PLURALS[last.lower()]
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def quoted(text: str) -> str:
    return f"“{text}”"


def listed(names: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def on_date(when: PartialDate) -> str:
    """``in 2020``, ``in July 2020``, ``on 13 July 2020``."""
    return f"on {when.text}" if when.day else f"in {when.text}"


def as_of(when: PartialDate) -> str:
    """The opening of a time-dependent stem: ``As of October 2020``."""
    return f"As of {when.text}"


def according_to(stem: str, cite_as: str) -> str:
    """``According to the article, which ...`` for facts that are a source's own framing."""
    if stem.startswith(f"According to {cite_as}"):
        return stem
    first = stem.split(" ", 1)[0]
    body = stem[:1].lower() + stem[1:] if first.lower() in SENTENCE_OPENERS else stem
    return f"According to {cite_as}, {body}"


def role_is_verb(role: str) -> bool:
    """Whether a participation role reads as a verb (``sent troops``) or a noun (``host``)."""
    first = role.split(" ", 1)[0].lower().strip(",.;:")
    return first in VERBS or first.endswith(VERB_ENDINGS)


def took_part(role: str, several: bool = False) -> str:
    """The predicate of a participant: ``sent troops``, ``was invited`` or ``took part as host``."""
    first = role.split(" ", 1)[0].lower().strip(",.;:")
    if first in PASSIVES:
        return f"{'were' if several else 'was'} {role}"
    return role if role_is_verb(role) else f"took part as {role}"


def span_text(since: PartialDate | None, until: PartialDate | None) -> str:
    """``from January 2020 to December 2022``, ``since 2006``, ``until 1999`` or empty."""
    if since and until:
        return f"from {since.text} to {until.text}"
    if since:
        return f"since {since.text}"
    if until:
        return f"until {until.text}"
    return ""


def sentence(text: str) -> str:
    """A capitalised sentence with one full stop (or the question or exclamation mark it has)."""
    text = capitalized(text.strip())
    return text if text.endswith((".", "?", "!", "…")) else text + "."
