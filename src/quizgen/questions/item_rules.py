"""Item-writing rules the engine enforces on every drafted question, whatever template wrote it:
a question that breaks one is dropped (a true/false item keeps its false form if that one holds).

Each rule returns what is wrong, or "" when nothing is, so a test can show it catching a
hand-made bad question.
"""

from __future__ import annotations

import functools
import re

from quizgen.questions.claims import CheckedQuestion, Relation
from quizgen.questions.index import FactIndex, contains_word, names_of
from quizgen.questions.model import Kind, Question
from quizgen.questions.oracle import FALSE_TEXT, TRUE_TEXT
from quizgen.questions.wording import (
    SENTENCE_OPENERS,
    VERBS,
    abbreviation_letters,
    initials,
    is_abbreviation,
)

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Words every stem uses to ask (and verbs of any statement): they tie an option to nothing.
ASKING_WORDS = frozenset(
    ["take", "place", "event", "following", "statement", "false", "option", "choose", "took"]
)
CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE)
TYPED_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.YEAR, Kind.SHORT)


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry meaning: no articles, prepositions or asking words, and
    a possessive counted as its noun ("Armenia's" is "armenia")."""
    return set(_content_words(text))


_EMPTY_WORDS = SENTENCE_OPENERS | VERBS | ASKING_WORDS


# Every question's stem, options and explanation are read by several rules: each text once.
@functools.lru_cache(maxsize=1 << 16)
def _content_words(text: str) -> frozenset[str]:
    words = set()
    for match in WORD.finditer(text.casefold()):
        word = re.sub(r"['’]s$", "", match.group())
        if len(word) > 2 and word not in _EMPTY_WORDS:
            words.add(_singular(word))
    return frozenset(words)


def _singular(word: str) -> str:
    """``forces`` -> ``force``: a plural cues its singular as much as the word itself."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def answer_in_stem(question: Question) -> str:
    """The stem holds the answer or an accepted one: it asks nothing."""
    if question.kind not in TYPED_KINDS:
        return ""
    prompt = question.prompt.casefold()
    for text in (*question.answer, *question.accept):
        if text.strip() and contains_word(prompt, text.casefold()):
            return f"the stem holds its answer {text!r}"
    return ""


# The noun a stem asks for ("Which charter ...", "Name the city: ..."): the answer may share it.
_ASKED_NOUN = re.compile(
    r"^(?:.*?, )?(?:name the ([^:]+):|(?:which|what)\s+([^\W\d_]+))", re.IGNORECASE
)


# A short name the stem asks to expand ("the full name of the UN Security Council"), or a name
# whose forerunner it asks ("Under which name was the European Community known until 1993?"):
# its words are the question, not a cue to the answer.
_EXPANDED_NAME = re.compile(
    r"(?:full name of |the abbreviation )(.+?)(?: stand for)?\?$|^Under which name was (.+?) known "
)


def typed_giveaway(question: Question) -> str:
    """An accepted form of a typed answer repeats a word of the stem ("a unit of length ..."
    -> "astronomical unit"): the stem half answers itself. The noun it asks for does not count."""
    if question.kind is not Kind.SHORT:
        return ""
    stem = content_words(question.prompt)
    asked = _ASKED_NOUN.match(question.prompt)
    if asked:
        stem -= content_words(asked.group(1) or asked.group(2))
    expanded = _EXPANDED_NAME.search(question.prompt)
    if expanded:
        stem -= content_words(expanded.group(1) or expanded.group(2))
    for text in (*question.answer, *question.accept):
        shared = shared_alike(content_words(text), stem)
        if any(c.isdigit() for c in text):
            # A number is the answer: only the same number in the stem gives it away, not its
            # unit or the rounding step the stem names ("to the nearest 1,000 km").
            shared = _numbers(text) & _numbers(question.prompt)
        if shared:
            return f"the accepted answer {text!r} repeats {sorted(shared)} from the stem"
    return ""


_NUMBER = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:\.\d+)?")


def _numbers(text: str) -> set[str]:
    """The numbers a text writes, without digit grouping: {"143000"} for "143,000 km"."""
    return {re.sub(r"[,\u00a0\u202f ]", "", number) for number in _NUMBER.findall(text)}


def spelled_in_stem(question: Question) -> str:
    """A typed abbreviation whose words the stem spells out ("Which term means: Collective
    Security Treaty Organization, ...?" -> "CSTO"): the stem answers itself."""
    if question.kind is not Kind.SHORT:
        return ""
    words = [w for w in WORD.findall(question.prompt) if w[:1].isupper()]
    initials = "".join(w[0] for w in words)
    for text in question.answer:
        letters = "".join(c for c in text if c.isupper())
        if len(letters) >= 2 and letters == text.replace(" ", "") and letters in initials:
            return f"the stem spells out {text!r}"
    return ""


def clang(question: Question) -> str:
    """A right option alone shares a word with the stem ("signed in Paris" -> "Treaty of
    Paris"): a learner who knows nothing picks it. A word every wrong option has too is no cue."""
    if question.kind not in CHOICE_KINDS:
        return ""
    # A plural in -ies cues its singular ("tragedies", "The Spanish Tragedy"); read so here only,
    # where "Marie" is still no "Mary".
    stem = content_words(re.sub(r"\b(\w{3,})ies\b", r"\1y", question.prompt))
    wrong_words = set().union(
        *(content_words(c) for c in question.choices if c not in question.answer)
    )
    for answer in question.answer:
        cue = shared_alike(content_words(answer), stem) - shared_alike(
            content_words(answer), wrong_words
        )
        if cue:
            return f"only the right option {answer!r} shares {sorted(cue)} with the stem"
    return ""


def letters_giveaway(question: Question) -> str:
    """The stem names an abbreviation and only the right option fits its letters ("What does
    CRRF stand for?" with one option that reads C-R-R-F): the letters answer it."""
    if question.kind not in CHOICE_KINDS:
        return ""
    for token in re.findall(r"[^\s“”\"?,:;()]+", question.prompt):
        if not is_abbreviation(token):
            continue
        letters = abbreviation_letters(token)
        # The very letters ("CSTO Parliamentary Assembly" reads CSTOPA, not CSTO), or (for an
        # expansion that skips one, EAEU, or is another language's, BIRPI) the first letter
        # among its words' initials.
        for exactly in (True, False):
            # The whole expansion's letters: a comma inside it ("United Nations Educational,
            # Scientific and Cultural Organization") does not end it.
            fitting = [
                c
                for c in question.choices
                if (
                    initials(c.replace(",", " ")) == letters
                    if exactly
                    else letters[:1] in initials(c.replace(",", " "))
                )
            ]
            if not any(c in question.answer for c in fitting):
                continue
            if all(c in question.answer for c in fitting):
                return f"only the right option fits the letters of {token!r}"
            break
    return ""


def named_after_its_place(checked: CheckedQuestion, index: FactIndex) -> str:
    """Where an event took place, or a document was signed, when its own name says so ("Russia's
    annexation of Crimea", "the Treaty of Lisbon"): a true form is a tautology and a false one
    is false by the name alone."""
    claim = checked.claim
    if claim.relation not in (Relation.HAPPENED_AT, Relation.SIGNED_AT):
        return ""
    place_id = getattr(index.by_id.get(claim.subject), "place_id", "")
    if not place_id or place_id not in index.by_id:
        return ""
    named = content_words(index.name(claim.subject))
    shared = {
        w for w in content_words(index.name(place_id)) if any(spelt_alike(w, n) for n in named)
    }
    if shared:
        return f"the name {index.name(claim.subject)!r} says where: {sorted(shared)}"
    return ""


def shared_alike(words: set[str], others: set[str]) -> set[str]:
    """The words of ``words`` that ``others`` holds, or holds in another spelling ("Berne" in
    the answer, "Bern" in the stem): either way a learner sees the same word."""
    return {w for w in words if w in others or any(spelt_alike(w, o) for o in others)}


def named_after_its_year(checked: CheckedQuestion, index: FactIndex) -> str:
    """When an event took place, or a document was signed, when its own name gives the year
    ("the snap drills before Kavkaz-2020" in 2020): a true form is a tautology and a false one
    is false by the name alone."""
    claim = checked.claim
    if claim.relation not in (Relation.HAPPENED_IN, Relation.SIGNED_IN):
        return ""
    fact = index.by_id.get(claim.subject)
    when = getattr(fact, "date", None) or getattr(fact, "signed", None)
    if fact is None or when is None or not when.year:
        return ""
    year = str(abs(when.year))
    named = [n for n in names_of(fact) if re.search(rf"(?<!\d){year}(?!\d)", n)]
    if named:
        return f"the name {named[0]!r} says the year {year}"
    return ""


def spelt_alike(word: str, other: str) -> bool:
    """Whether two words are one, or one spelling of the other with an ending of up to two
    letters more: "Bern" and "Berne", as in "the Berne Convention"."""
    short, long = sorted((word, other), key=len)
    return short == long or (
        len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2
    )


def tautology(checked: CheckedQuestion, index: FactIndex) -> str:
    """A true statement that is true by its own words ("The Tavush/Tovuz border clashes took
    place in the Tavush/Tovuz border sector"): the value shares a word with the subject's name."""
    question, claim = checked.question, checked.claim
    if question.kind is not Kind.TRUE_FALSE or question.answer != (TRUE_TEXT,):
        return ""
    if not claim.asserted or claim.subject not in index.by_id:
        return ""
    asserted = content_words(claim.asserted)
    shared = asserted & content_words(index.name(claim.subject))
    # A participant is named by the event only when the event's name holds its whole name:
    # "Russia" in "Russia's annexation of Crimea", not the CSTO Secretariat in "Armenia's appeal
    # to the CSTO", whose secretariat the name does not say acted.
    if claim.relation is Relation.PARTICIPANT_AS and shared != asserted:
        return ""
    if shared:
        return f"true by its own words: {sorted(shared)} in the subject and the value"
    return ""


# How an explanation's last sentence, its evidence, opens ("As Strakes (2020) puts it, “...”",
# "Source: ...", "Sources: ..."): those words are the source's, not the explanation's own.
EVIDENCE_OPENINGS = ("As ", "Source: ", "Sources: ")
_EVIDENCE = re.compile(
    r"(?:^|(?<=[.!?”] ))(?:As (?:(?!\. [A-Z])[^“])+? puts it, “[^”]*”(?:\. Sources?: .*)?"
    r"|Sources?: .*)\.$"
)
_VERDICT = re.compile(rf"^(?:{TRUE_TEXT}|{FALSE_TEXT})\.\s*")
# The words that make a statement a true/false stem.
TRUE_OR_FALSE_OPENING = re.compile(r"^True or false\?\s*")
# How many opening words an explanation may not share with its stem ("In Kavkaz-2020, ...").
STEM_OPENING = 3


def reasoning(explanation: str) -> str:
    """An explanation without its verdict ("True.") and its evidence sentence: what it says."""
    return _VERDICT.sub("", _EVIDENCE.sub("", explanation).strip())


# Words an explanation frames facts with ("Nagorno-Karabakh is also called Karabakh", "for
# comparison", "the other figures given"): they add nothing to what the stem said.
FRAMING_WORDS = frozenset(
    [
        "also",
        "called",
        "include",
        "comparison",
        "given",
        "figure",
        "other",
        "meaning",
        "mean",
        "term",
        "word",
        "order",
        "put",
        "their",
        "hold",
        "true",
        "fill",
        "blank",
    ]
)


@functools.lru_cache(maxsize=1 << 16)
def told_words(text: str) -> frozenset[str]:
    """What a text says, word by word: its content words and its numbers, however short (a
    planet's 95 moons are news after a stem that gave none), but not the words that frame them."""
    short_names = {word.casefold() for word in _SHORT_NAME.findall(text)}
    return (_content_words(text) - FRAMING_WORDS) | _numbers(text) | short_names


# A name of two letters ("Io"), which ``content_words`` leaves out with the small words.
_SHORT_NAME = re.compile(r"\b[A-Z][a-z]\b")


_NAME_RUN = re.compile(r"(?:[A-Z][\w'’-]*,?\s+(?:(?:of|and|the|on|for|in|to)\s+)*)+[A-Z][\w'’-]*")


@functools.lru_cache(maxsize=1 << 16)
def name_letters(text: str) -> frozenset[str]:
    """The letters that abbreviate the names in ``text`` (``unesco`` for "United Nations
    Educational, Scientific and Cultural Organization") and its abbreviations' letters, so that
    one name in two forms counts as one."""
    letters = set()
    for run in _NAME_RUN.findall(text):
        capitals = "".join(word[0] for word in re.findall(r"[A-Z][\w'’-]*", run))
        if len(capitals) >= 2:
            letters.add(capitals.casefold())
    for token in text.split():
        token = token.strip(".,;:()“”\"'’")
        if is_abbreviation(token):
            letters.add(abbreviation_letters(token).casefold())
    return frozenset(letters)


def shown_words(question: Question) -> set[str]:
    """What a learner has seen once answered, word by word: the stem, the options and the answer
    (with both sides of a matching and the items of an ordering), and the letters of their names."""
    texts = [
        question.prompt,
        *question.choices,
        *question.answer,
        *question.order,
        *(side for pair in question.pairs for side in pair),
        *(blank.answer for blank in question.blanks),
    ]
    return set().union(*(told_words(text) | name_letters(text) for text in texts))


def echo_explanation(question: Question) -> str:
    """An explanation whose every word is in the stem, the options or the answer ("Moscow is
    the capital of Russia." after "Which city is this: the capital of Russia?"): it says why
    nothing, however it cites its source."""
    if told_words(reasoning(question.explanation)) - shown_words(question):
        return ""
    return f"the explanation adds nothing to the stem and its answer: {question.explanation!r}"


def explanation_opens_with_stem(question: Question) -> str:
    """An explanation that opens with its stem's words ("In Kavkaz-2020, Iran sent forces." after
    "In Kavkaz-2020, which one of these states sent forces?"), or a true/false one with the
    statement again: it reads as the question once more."""
    if opens_like(question.prompt, reasoning(question.explanation)):
        opening = WORD.findall(TRUE_OR_FALSE_OPENING.sub("", question.prompt).casefold())
        return f"the explanation opens with the stem's words {' '.join(opening[:STEM_OPENING])!r}"
    return ""


def opens_like(prompt: str, text: str) -> bool:
    """Whether ``text`` opens with the first words of the stem ``prompt``."""
    opening = WORD.findall(TRUE_OR_FALSE_OPENING.sub("", prompt).casefold())[:STEM_OPENING]
    said = WORD.findall(text.casefold())[:STEM_OPENING]
    return len(opening) == STEM_OPENING and said == opening


def broken_rule(checked: CheckedQuestion, index: FactIndex) -> str:
    """The first rule ``checked`` breaks, or "" when it breaks none."""
    question = checked.question
    return (
        answer_in_stem(question)
        or typed_giveaway(question)
        or spelled_in_stem(question)
        or clang(question)
        or letters_giveaway(question)
        or named_after_its_place(checked, index)
        or named_after_its_year(checked, index)
        or tautology(checked, index)
        or echo_explanation(question)
        or explanation_opens_with_stem(question)
    )
