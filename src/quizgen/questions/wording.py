"""How questions read: articles, plurals, dates, "According to ..." and lists, as plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.facts.model import PartialDate
from quizgen.questions.grammar import a_or_an, plural

# Closed-class words (articles, pronouns, prepositions, conjunctions, question words) never name
# anything, so an opening one is lower-cased after "According to the article, " or a colon. Other
# words are judged by the facts themselves (see ``lowered_opening``).
SENTENCE_OPENERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "these",
        "that",
        "those",
        "it",
        "its",
        "they",
        "their",
        "there",
        "his",
        "her",
        "one",
        "both",
        "all",
        "each",
        "every",
        "no",
        "not",
        "some",
        "many",
        "most",
        "more",
        "few",
        "only",
        "which",
        "what",
        "who",
        "where",
        "when",
        "how",
        "why",
        "whether",
        "if",
        "as",
        "on",
        "in",
        "at",
        "by",
        "to",
        "of",
        "up",
        "with",
        "without",
        "for",
        "from",
        "into",
        "onto",
        "after",
        "before",
        "since",
        "until",
        "while",
        "during",
        "although",
        "though",
        "unlike",
        "rather",
        "than",
        "and",
        "or",
        "but",
        "so",
        "yet",
        "name",
        "true",
    ]
)
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


# How a status joins its group: "a member of the CSTO", "a party to the Treaty".
STATUS_PREPOSITIONS = {"party": "to", "signatory": "to"}


def status_phrase(status: str, group_name: str) -> str:
    """``a member of the CSTO``, ``an observer of the CSTO PA``."""
    return f"{a_or_an(status)} {_of_group(status, group_name)}"


def statuses_phrase(status: str, group_name: str) -> str:
    """``members of the CSTO``, ``observers (parliaments) of the CSTO PA``, for plural stems."""
    head, bracket, rest = status.partition(" (")
    return f"{plural(head)}{' (' + rest if bracket else ''} {_of_group(status, group_name)}"


def _of_group(status: str, group_name: str) -> str:
    """``of the CSTO``; a group named after its members ("Parties to the Treaty") gives
    ``to the Treaty`` rather than "to the Parties to the Treaty"."""
    preposition = STATUS_PREPOSITIONS.get(status, "of")
    head = status.partition(" (")[0]
    for opening in (f"{plural(head)} {preposition} ", f"{plural(head)} of "):
        if group_name.lower().startswith(opening.lower()):
            return f"{opening.split()[-1]} {the(group_name[len(opening) :])}"
    return f"{preposition} {the(group_name)}"


# Names that read without an article ("in Armenia", "in Moscow", "Operation Enduring Freedom"),
# unless they are plural or descriptive ("the United States", "the Tavush border sector").
BARE_TYPES = (
    "state",
    "country",
    "city",
    "town",
    "capital",
    "region",
    "province",
    "island",
    "operation",
)
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


def in_sentence(name: str, entity_type: str, takes_the: bool | None = None) -> str:
    """A name as it reads inside a sentence: ``Armenia``, ``the United States``, ``the CSTO``,
    ``Mercury``, ``Voyager 1``. ``takes_the`` is the facts' own say, which wins."""
    words = name.split()
    if not words or name[:4].lower() == "the ":
        return name
    if takes_the is not None:
        return the(name) if takes_the else name
    descriptive = words[-1].islower()
    definite = any(word.lower().strip(",.") in DEFINITE_WORDS for word in words)
    bare_type = any(kind in entity_type.lower() for kind in BARE_TYPES)
    # One proper word that is no abbreviation ("Mercury"), or a name ending in a number
    # ("Voyager 1", "Kavkaz-2020"), reads without an article.
    proper_word = len(words) == 1 and name[:1].isupper() and not name.isupper()
    numbered = words[-1][-1:].isdigit() and entity_type != ""
    if (bare_type or proper_word or numbered) and not descriptive and not definite:
        return name
    return the(name)


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def standing_alone(text: str) -> str:
    """A name as an option shows it, on its own: ``The Divine Comedy`` for "the Divine Comedy"
    (a name that takes "the" in a sentence), ``Writing of the Aeneid`` for a name written in lower
    case; a kind with its article (``a gas giant``), which completes the stem's sentence, and any
    other text as it is."""
    if text[:1].islower() and not text.startswith(("a ", "an ")):
        shown = capitalized(text)
        # A letter whose capital is another letter's ("ı" to "I") would name something else.
        return shown if shown.casefold() == text.casefold() else text
    return text


def quoted(text: str) -> str:
    return f"“{text}”"


def listed(names: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def listed_actions(actions: Sequence[str]) -> str:
    """Predicates joined, their shared verb said once: ``sent forces and observers``, not "sent
    forces and sent observers"; ``sent forces and withdrew`` where the verbs differ."""
    verbs = {a.split(" ", 1)[0] for a in actions}
    if len(actions) > 1 and len(verbs) == 1 and all(" " in a for a in actions):
        verb = verbs.pop()
        return f"{verb} {listed([a.split(' ', 1)[1] for a in actions])}"
    return listed(actions)


def listed_or(names: Sequence[str]) -> str:
    """``A``, ``A or B``, ``A, B or C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def on_date(when: PartialDate) -> str:
    """``in 2020``, ``in July 2020``, ``on 13 July 2020``; ``c. 1265`` alone ("born c. 1265":
    "in c. 1265" reads "in circa")."""
    if when.approximate and not when.century:
        return when.text
    return f"on {when.text}" if when.day else f"in {when.text}"


def as_of(when: PartialDate) -> str:
    """The opening of a time-dependent stem: ``As of October 2020``."""
    return f"As of {when.text}"


def according_to(stem: str, cite_as: str, names: ProperWords | None = None) -> str:
    """``According to the article, which ...`` for facts that are a source's own framing."""
    if stem.startswith(f"According to {cite_as}"):
        return stem
    return f"According to {cite_as}, {lowered_opening(stem, names)}"


@dataclass(frozen=True)
class ProperWords:
    """Words that keep their capital wherever they stand, as the facts write them: ``alone``
    capitalised by themselves inside a sentence (``Russian`` in "reported Russian arms", a
    one-word name), ``in_names`` only as part of a longer name (``Armed`` of "Armed Forces")."""

    alone: frozenset[str] = frozenset()
    in_names: frozenset[str] = frozenset()


def lowered_opening(text: str, names: ProperWords | None = None) -> str:
    """``the capital of Russia`` from ``The capital of Russia``, for text that follows a comma or
    colon: the first word loses a capital it has only because it opens a sentence.

    A closed-class word is always lowered. Given the ``names`` the facts use, any other word is
    lowered too unless it looks like a name by itself (``NATO``, ``IL-76``) or the facts write it
    with a capital inside a sentence (a word known only inside longer names, such as ``Armed``,
    only when a capitalised word follows it). Without ``names``, such a word keeps its capital.
    """
    words = text.split(" ", 3)
    first = words[0]
    if not first[:1].isupper():
        return text
    bare = _bare_word(first)
    lowered = text[:1].lower() + text[1:]
    if bare.lower() in SENTENCE_OPENERS:
        return lowered
    if names is None or not bare or any(c.isupper() or c.isdigit() for c in bare[1:]):
        return text
    known = set(names.alone)
    following = [word[:1].isupper() or word in CONNECTIVES for word in words[1:3]]
    if following[:1] == [True] and (words[1][:1].isupper() or following[1:2] == [True]):
        known |= names.in_names
    parts = [part for part in WORD_PARTS.split(bare) if part]
    return text if any(part in known for part in [bare, *parts]) else lowered


WORD_PARTS = re.compile(r"[-/–]")


def _bare_word(word: str) -> str:
    """A word without the punctuation around it or its possessive: ``Russia`` of ``Russia's,``."""
    word = word.strip(".,;:!?()[]{}\"'“”‘’«»")
    for ending in ("'s", "’s"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def proper_words_in(text: str) -> ProperWords:
    """The words ``text`` capitalises inside a sentence: by themselves (``Russian`` in "reported
    Russian arms") or as part of a longer name (``Security`` in "Conference on Security ...")."""
    tokens = text.split()
    starts = [
        i == 0 or tokens[i - 1].endswith((".", "!", "?", ":", ";")) for i in range(len(tokens))
    ]
    capital = [
        not starts[i] and token[:1].isalnum() and _bare_word(token)[:1].isupper()
        for i, token in enumerate(tokens)
    ]

    def capital_at(i: int) -> bool:
        return 0 <= i < len(tokens) and capital[i]

    def joined_at(i: int, step: int) -> bool:
        """A capitalised word next to this one, or one word on with a connective between."""
        between = i + step
        return capital_at(between) or (
            0 <= between < len(tokens)
            and tokens[between] in CONNECTIVES
            and capital_at(i + 2 * step)
        )

    alone: set[str] = set()
    in_names: set[str] = set()
    for i, token in enumerate(tokens):
        if not capital[i]:
            continue
        bare = _bare_word(token)
        words = {bare, *(part for part in WORD_PARTS.split(bare) if part[:1].isupper())}
        (in_names if joined_at(i, -1) or joined_at(i, 1) else alone).update(words)
    return ProperWords(frozenset(alone), frozenset(in_names))


def name_words(name: str) -> ProperWords:
    """The capitalised words of a name: a one-word name (``Russia``, ``Kavkaz-2020`` and
    ``Kavkaz``) stands alone, the words of a longer one only inside it."""
    words = {_bare_word(word) for word in name.split()}
    words |= {part for word in list(words) for part in WORD_PARTS.split(word)}
    capitalised = frozenset(word for word in words if word[:1].isupper())
    if len(name.split()) == 1:
        return ProperWords(alone=capitalised)
    return ProperWords(in_names=capitalised)


# Prepositions after a heading noun: "Renewal of the Treaty", "Decision to create the forces".
HEAD_PREPOSITIONS = frozenset(
    [
        "of",
        "to",
        "for",
        "on",
        "in",
        "against",
        "between",
        "with",
        "over",
        "at",
        "by",
        "from",
        "about",
    ]
)
# Words that join the capitalised words of a proper name ("Battle of the Nations").
CONNECTIVES = HEAD_PREPOSITIONS | frozenset(
    ["the", "a", "an", "and", "or", "before", "after", "through"]
)


def event_in_sentence(name: str, the: bool | None = None) -> str:
    """How an event's name reads inside a sentence, as a noun phrase where its form shows one:
    ``the renewal of the Treaty`` (a heading noun), ``the Tavush/Tovuz border clashes`` (a
    description), ``the 9/11 terrorist attacks``, ``Armenia's appeal to the CSTO``, ``Kavkaz-2020``.
    A name whose form does not say whether it takes an article (``Schuman Declaration``, or a
    headline such as ``The United Kingdom leaves the EU``) is quoted as a title instead, unless
    the facts say whether it takes "the" (``the``)."""
    if the is not None:
        bare = name[4:] if name.lower().startswith("the ") else name
        return f"the {bare}" if the else name
    words = name.split()
    if not words:
        return name
    first = words[0]
    if len(words) == 1 or first.endswith(("'s", "’s")):
        return name
    if first.lower() == "the":
        rest = words[1:]
        return "the " + " ".join(rest) if rest[-1].islower() else quoted(name)
    if words[1] in HEAD_PREPOSITIONS and first.isalpha() and first.istitle():
        return "the " + first.lower() + " " + " ".join(words[1:])
    if first[:1].islower():
        return "the " + name  # a description written in lower case: "writing of The Tale of Genji"
    if any(word.islower() and word not in CONNECTIVES for word in words[1:]):
        return "the " + name
    return quoted(name)


def document_in_sentence(name: str) -> str:
    """How a document's name reads inside a sentence: a title with "the" (``the Treaty of
    Friendship ...``, ``the Treaty establishing the European Coal and Steel Community``); a name
    the author wrote in lower case, as a description of the document (``decision to create the
    Collective Rapid Reaction Forces``), as the noun phrase it is (``the decision to ...``)."""
    if name[:1].islower():
        return "the " + name
    return the(name)


def named(name: str, rest: str) -> str:
    """``Washington, D.C. The capital ...``: a name, then more text after one full stop."""
    return f"{name} {rest}" if name.endswith(".") else f"{name}. {rest}"


def role_is_verb(role: str) -> bool:
    """Whether a participation role reads as a verb (``sent troops``) or a noun (``host``)."""
    first = role.split(" ", 1)[0].lower().strip(",.;:")
    return first in VERBS or first.endswith(VERB_ENDINGS)


# A role says what one participant did to its own ("withdrew its forces"); of several, theirs.
_OWN_OF_SEVERAL = {"its": "their", "itself": "themselves", "Its": "Their"}
_OWN_OF_ONE = re.compile(r"\b(?:its|itself|Its)\b")


def took_part(role: str, several: bool = False, only: bool = False) -> str:
    """The predicate of a participant: ``sent troops``, ``was invited``, ``was the host`` (the one
    holder of a noun role), ``took part as an observer`` or ``took part as observers``. Said of
    several, a role's "its" is theirs: "Azerbaijan and India withdrew their forces"."""
    if several:
        role = _OWN_OF_ONE.sub(lambda m: _OWN_OF_SEVERAL[m.group(0)], role)
    first = role.split(" ", 1)[0].lower().strip(",.;:")
    if first in PASSIVES:
        return f"{'were' if several else 'was'} {role}"
    if role_is_verb(role):
        return role
    if several:
        return f"took part as {plural(role)}"
    if first.endswith(("'s", "’s")):
        return f"was {role}"  # "was Byron's physician": a possessive takes no article
    return f"was the {role}" if only else f"took part as {a_or_an(role)}"


def also_did(predicate: str) -> str:
    """``also sent forces``, ``was also the host``: a predicate said of one who did more."""
    first, _, rest = predicate.partition(" ")
    if first in ("was", "were") and rest:
        return f"{first} also {rest}"
    return f"also {predicate}"


def emphasised_not(predicate: str) -> str:
    """A question that asks for a denial ("which of these states did not renew the Treaty?")
    says NOT in capitals, so that no reader misses it."""
    return re.sub(r"\bnot\b", "NOT", predicate, count=1)


def did_not(role: str, several: bool = False) -> str:
    """What the participants who did not play ``role`` did not do, said without repeating it:
    ``did not`` (sent troops), ``was not`` (invited) and, for a role that is itself a denial
    (``did not renew the Treaty``), ``did``."""
    words = role.lower().split()
    first = words[0].strip(",.;:") if words else ""
    if len(words) > 1 and words[1] == "not" and first in ("did", "was", "were", "is", "are", "had"):
        return ("were" if several else "was") if first in ("was", "were") else first
    if first in PASSIVES:
        return "were not" if several else "was not"
    return "did not"


def dates_text(start: PartialDate, end: PartialDate | None) -> str:
    """``on 13 July 2020``, ``in July 2020`` or ``from 21 to 26 September 2020`` for a span."""
    if end is None or end == start:
        return on_date(start)
    if start.year == end.year and start.day and end.day:
        first = str(start.day) if start.month == end.month else start.text.rsplit(" ", 1)[0]
        return f"from {first} to {end.text}"
    return f"from {start.text} to {end.text}"


def span_text(since: PartialDate | None, until: PartialDate | None) -> str:
    """``from January 2020 to December 2022``, ``since 2006``, ``until 1999`` or empty."""
    if since and until:
        return f"from {since.text} to {until.text}"
    if since:
        return f"since {since.text}"
    if until:
        return f"until {until.text}"
    return ""


# A sentence ends at a full stop after a small letter, a digit or a closing mark; "U.S." and
# "D.C." (a capital before the stop) are abbreviations that go on.
_NEXT_SENTENCE = re.compile(r"(?<=[a-z0-9)”\"’'][.!?])(\s+)([a-z])")


def sentences(text: str) -> str:
    """Text of several sentences, each starting with a capital ("Mercury. The planet ...")."""
    return _NEXT_SENTENCE.sub(lambda m: m.group(1) + m.group(2).upper(), sentence(text))


def sentence(text: str) -> str:
    """A capitalised sentence with one full stop (or the question or exclamation mark it has)."""
    text = capitalized(text.strip())
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def with_article(noun: str) -> str:
    """``a gas giant``, ``an ice giant``: a singular noun as a predicate."""
    return a_or_an(noun)


SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def number_text(value: float, decimals: int = 0) -> str:
    """A number as a reader writes it: ``142,984``, ``0.0553``, ``1.898 × 10²⁷``."""
    if value and (abs(value) >= 1e15 or abs(value) < 1e-4):
        mantissa, exponent = (
            f"{value:.4g}".split("e") if "e" in f"{value:.4g}" else (f"{value:.4e}".split("e"))
        )
        return f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPTS)}"
    return f"{value:,.{decimals}f}"


def measure_text(value: float, decimals: int, unit: str) -> str:
    """``142,984 km``, ``95``: a number with its unit."""
    number = number_text(value, decimals)
    return f"{number} {unit}" if unit else number


def is_abbreviation(short: str) -> bool:
    """Whether a short name is letters that stand for words (``NATO``, ``CSTO PA``, ``C&A``) rather
    than a shortened name (``UN Security Council``), which has no "abbreviation" to stand for."""
    words = short.split()
    return bool(words) and all(_is_capitals(word) for word in words)


def _is_capitals(word: str) -> bool:
    """``NATO``, ``PA``, ``LoC``, ``IL-76``: two capitals or more, and half the letters or more."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and 2 * capitals >= len(letters)


# Words an abbreviation skips ("Conference on Security and Cooperation in Europe" is CSCE).
_UNLETTERED = frozenset(["of", "and", "the", "on", "in", "for", "to", "a", "an", "at", "by"])


def initials(name: str) -> str:
    """The letters an abbreviation of ``name`` would have: ``CSTOPA`` for "CSTO Parliamentary
    Assembly", ``LC`` for "Line of contact"; compare with ``abbreviation_letters``."""
    letters = []
    for word in re.split(r"[\s\-/]+", name.split(",", 1)[0]):
        word = word.strip("()“”\"'.")
        if not word or word.casefold() in _UNLETTERED:
            continue
        letters.append(word if _is_capitals(word) else word[0])
    return "".join(letters).upper()


def abbreviation_letters(short: str) -> str:
    """``CSTOPA`` for "CSTO PA", ``LC`` for "LoC": the capitals an expansion must start with."""
    return "".join(c for c in short if c.isupper())


def expansion(definition: str) -> str:
    """What an abbreviation stands for: its definition up to the first comma
    (``Collective Rapid Reaction Forces, the CSTO's joint force ...`` -> its first three words)."""
    return definition.split(",", 1)[0].strip().rstrip(".")
