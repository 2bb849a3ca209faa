"""Explanations, composed in one place from the parts every template supplies: the answer and what
makes it right beyond the stem, why the wrong options are wrong, and the evidence, which is the
exact claim's own citation.

A template says what the facts hold (``Why``); this module turns that into sentences, adds what
the facts tell about the answer when the template's sentence would only restate the stem, and
quotes the source only where the quote names what the question tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from quizgen.facts.model import MONTH_NAMES, Citation, Event, Person, Source
from quizgen.questions.grammar import count_in_words
from quizgen.questions.index import FactIndex, contains_word, names_of, text_key
from quizgen.questions.item_rules import (
    EVIDENCE_OPENINGS,
    TRUE_OR_FALSE_OPENING,
    content_words,
    name_letters,
    opens_like,
    shown_words,
    told_words,
)
from quizgen.questions.model import Kind, Question
from quizgen.questions.profiles import profiles
from quizgen.questions.wording import HEAD_PREPOSITIONS, capitalized, role_is_verb, sentence

# The words of a date: a sentence that adds only these to the stem tells nothing new.
MONTHS = frozenset(name.casefold() for name in MONTH_NAMES if name)

# Told sentences added when the template's own sentence adds nothing: enough to teach something,
# few enough to read at a glance.
MAX_TOLD = 1
# A phrase a sentence opens with before its subject: "In August 2010, ", "On 4 February 2009, ".
_OPENING_PHRASE = re.compile(r"^(?:In|On) [^,]+, ")
MOSTLY = 0.7


@dataclass(frozen=True)
class Why:
    """What an explanation says, as the template knows it from the facts."""

    answer: str
    """The answer and what makes it right beyond the stem, as one sentence: the date and place of
    a document when the stem asked the year, every member when it asked for one, the right value
    for a false statement."""
    wrong: str = ""
    """Why the wrong options (or the value a false statement swaps in) are wrong, from the facts
    about each: ``Astana is where the Treaty on the Eurasian Economic Union was signed in 2014``."""
    about: tuple[str, ...] = ()
    """Facts (ids) the explanation may tell more of when ``answer`` only restates the stem."""
    values: tuple[str, ...] = ()
    """The values a quote must name to support the claim; the question's answer when empty (a
    true/false item names the value its statement tests)."""
    citations: tuple[Citation, ...] = field(default=())
    """For a question on several claims (a matching, an ordering), the citation of each."""
    citation: Citation | None = None
    """The exact claim's own citation where it is not the question's (a false statement that
    names another member is cited by the group's complete list)."""
    bearing: str = ""
    """A claim the told sentences must bear on (a statement's own words): a sentence that shares
    no word with it besides the names of what it tells of is beside the point."""
    wrong_of: Callable[[Sequence[str]], str] | None = field(default=None, compare=False)
    """``wrong`` for options drawn at random: given the wrong options' texts, why they are wrong."""
    restates: bool = False
    """``answer`` only says the stem again in other words ("Frankenstein was written by Mary
    Shelley" for "Mary Shelley wrote Frankenstein"): the facts are to tell more after it."""
    cited_too: tuple[tuple[str, Citation], ...] = ()
    """Other facts' claims the explanation may tell (Saturn's diameter for comparison), each as
    the words that tell it (``120,536 km``) and its citation: cited wherever it is told."""


def compose(index: FactIndex, why: Why, question: Question, citation: Citation) -> str:
    """The explanation of ``question``: its verdict (true/false), the answer sentence, the wrong
    options' sentence, a told sentence if those add nothing to the stem, then the evidence."""
    wrong = why.wrong
    if why.wrong_of is not None:
        wrong = why.wrong_of([c for c in question.choices if c not in question.answer])
    shown = shown_words(question)
    about = why.about or question.fact_ids
    answer = why.answer
    if not answer:
        # The template leaves the answer sentence to the facts (the stem gave its description):
        # what they tell beyond the stem, else what they tell at all.
        first = told(index, about, shown, question.prompt, why.bearing) or told(
            index, about, set(), question.prompt, why.bearing
        )
        # The sentence that names the answer first: it is the answer sentence. A cloze on a
        # statement takes only such a sentence: one on what else the statement names (the
        # CSTO, for the date Armenia froze its participation) is beside its blank.
        naming = [t for t in first if _names_answer(t, question)]
        answer = (naming or ([] if _cloze_of_statement(why, question) else first) or [""])[0]
        borrowed = [answer]
    else:
        borrowed = []
    folded: list[str] = []
    parts = [answer, wrong]
    said = set().union(*(told_words(p) for p in parts if p))
    # A date is all some true statements are explained with ("True. Tashkent is where the Treaty
    # was signed, on 15 May 1992"): the facts then tell something more.
    new = set() if why.restates and not wrong else said - shown
    if question.kind is Kind.TRUE_FALSE:
        new = {w for w in new if content_words(w) and not w.isdigit() and w not in MONTHS}
    elif question.kind is Kind.YEAR and new and not why.wrong:
        # A year is answered by a date and a place ("The Treaty was signed in Moscow on 29
        # August 1997"): what the thing was follows, where the facts describe it.
        # An event's description is what its typed question asks; a thing's says what it is,
        # where it is a noun phrase ("Created the ECSC" may be read as who acted, or not).
        things = [
            i
            for i in about[:1]
            if not isinstance(index.by_id.get(i), Event)
            and not role_is_verb(getattr(index.by_id.get(i), "description", ""))
        ]
        described = [capitalized(d) for d in map(profiles(index).description_of, things) if d]
        if described and told_words(described[0]) - shown - said:
            # Told "It is the bilateral treaty ..." after the answer named it (see
            # ``_it_after_its_name``).
            parts.append(described[0])
            borrowed.append(described[0])
    if not new:
        opening = question.prompt if not answer else ""
        more = told(index, about, shown | said, opening, why.bearing)
        if _cloze_of_statement(why, question):
            more = [t for t in more if _names_answer(t, question)]
        # A sentence mostly made of what was said says it again in other words; one that
        # shares hardly a word with it ("the members of the CSTO were ..." after a post at the
        # CSTO) is beside the point. Either is still better than an explanation that only
        # repeats the stem.
        known = shown | said
        asked = list(dict.fromkeys([*about, *question.fact_ids]))
        tellers = _tellers(index, asked)
        others = {t: _borrowed_names(index, asked, tellers.get(t), t) for t in more}
        bearing = [t for t in more if _adds_to(t, known, others[t])]
        # Failing that, the sentence that shares most with the question, its words counted
        # without the other facts' names ("military" of the Southern Military District), and
        # among those the one that borrows fewest of them.
        more = bearing or sorted(
            more,
            key=lambda t: (
                -len((told_words(t) & known) - others[t]),
                len(told_words(t) & known & others[t]),
            ),
        )
        added = more[:MAX_TOLD]
        # A told sentence that says all an earlier one said ("Azerbaijan was a party from 1993
        # and declined to renew it in 1999" after "... from 1993 to 1999") stands in its place.
        # Not when the told sentence opens like the stem: it would then read as its echo.
        covered = set().union(*(_all_words(t) for t in added if not opens_like(question.prompt, t)))
        parts = [p for p in parts if not p or not _all_words(p) <= covered] + added
        if why.restates:
            before = parts
            parts = _joined_to_answer(question.prompt, answer, parts)
            # A told sentence joined to the answer is still told: its source is cited.
            folded = [p for p in before if p not in parts and p != answer]
        borrowed += added
    verdict = question.answer[0] if question.kind is Kind.TRUE_FALSE else ""
    values = why.values or (() if verdict else question.answer)
    claim_text = " ".join([question.prompt, why.answer])
    if why.citations:
        evidence = evidence_of_many(index, why.citations)
    else:
        # A statement that names no one value is cited, not quoted: no quote tests it.
        evidence = evidence_of(index, citation, claim_text, values, quote=bool(values))
    evidence = with_sources_of(
        index, [t for t in borrowed if t in parts or t in folded], about, evidence
    )
    told_text = " ".join(parts)
    evidence = with_citations(
        index, [c for words, c in why.cited_too if words and _tells(words, told_text)], evidence
    )
    sentences = _it_after_its_name(index, about, parts)
    return " ".join(sentence(p) for p in [verdict, *sentences, evidence] if p.strip())


def _tells(words: str, text: str) -> bool:
    """Whether ``text`` tells ``words`` as a whole: "61" is not told by "1615", nor "615" by
    "1,615"."""
    pattern = rf"(?<![\w.,]){re.escape(words)}(?!\w|[.,]\d)"
    return re.search(pattern, text) is not None


def _it_after_its_name(index: FactIndex, about: Sequence[str], parts: list[str]) -> list[str]:
    """``parts`` with a sentence that names the thing again right after one that named it ("In
    August 2010, the protocol extending the treaty ... was signed. The protocol extending the
    treaty ... is the Russian-Armenian agreement ...") opening "It is" instead. Not for a
    person, whom "it" does not fit."""
    thing = next((i for i in about[:1] if i in index.by_id), None)
    if thing is None or isinstance(index.by_id[thing], Person):
        return parts
    named = capitalized(profiles(index).said(thing))
    sentences = [p for p in parts if p.strip()]
    for n in range(1, len(sentences)):
        # "It" reads as the sentence before's subject: only where that is the thing ("On 4
        # February 2009, the decision ... was adopted"), not "Prague is where ... was adopted".
        subject = _OPENING_PHRASE.sub("", sentences[n - 1]).casefold()
        this = sentences[n]
        if this.startswith(f"{named} is ") and subject.startswith(f"{named.casefold()} "):
            sentences[n] = f"It{this[len(named) :]}"
    return sentences


def _joined_to_answer(prompt: str, answer: str, parts: list[str]) -> list[str]:
    """``parts`` with a told sentence that says the statement and more ("Christiaan Huygens
    discovered Titan in 1655 with a telescope ...") joined to the answer that turned the
    statement round ("Titan was discovered by Christiaan Huygens"): the claim is said once, with
    what the facts add ("... by Christiaan Huygens in 1655 with a telescope ...")."""
    statement = TRUE_OR_FALSE_OPENING.sub("", prompt).rstrip(".").strip()
    if not answer or not statement:
        return parts
    for told_sentence in parts:
        if told_sentence == answer or not told_sentence.casefold().startswith(statement.casefold()):
            continue
        rest = told_sentence[len(statement) :].rstrip(".")
        # Only what says when, where or how ("in 1655 with a telescope"): a rest opening with a
        # comma would attach to the answer's last noun ("by Huygens, Saturn's largest moon").
        if rest.startswith(" ") and rest.split(" ", 2)[1] in HEAD_PREPOSITIONS:
            joined = f"{answer.rstrip('.')}{rest}"
            return [joined if p == answer else p for p in parts if p != told_sentence]
    return parts


def with_sources_of(
    index: FactIndex, texts: Sequence[str], about: Iterable[str], evidence: str
) -> str:
    """``evidence`` with the source of each told sentence that another fact's source gives (the
    month of an annexation for a question on the region): every claim shown is cited."""
    if not texts:
        return evidence
    tellers = _tellers(index, about)
    # A statement told of a thing is cited by its own source, not the thing's.
    tellers |= {t: s for t in texts if (s := profiles(index).statement_told.get(t))}
    citations = []
    for text in texts:
        fact = index.by_id.get(tellers.get(text, ""))
        if fact is not None and fact.citation:
            citations.append(fact.citation)
    return with_citations(index, citations, evidence)


def with_citations(index: FactIndex, citations: Iterable[Citation], evidence: str) -> str:
    """``evidence`` with each of ``citations`` it does not give yet: ``Source: X`` becomes
    ``Sources: X; Y``; after a quote, the quote's references and then the others."""
    more = []
    for citation in citations:
        cited = _cited_as(index, citation)
        if cited and cited not in evidence and cited not in more:
            more.append(cited)
    if not more:
        return evidence
    if not evidence:
        return f"{EVIDENCE_OPENINGS[1]}{'; '.join(more)}"
    if evidence.startswith(EVIDENCE_OPENINGS[1]):
        return f"{EVIDENCE_OPENINGS[2]}{evidence[len(EVIDENCE_OPENINGS[1]) :]}; {'; '.join(more)}"
    if evidence.startswith(EVIDENCE_OPENINGS[2]):
        return f"{evidence}; {'; '.join(more)}"
    # A quote stays the evidence of the claim, in its exact words; what else was told is cited
    # after it ("As Strakes (2020) puts it, “...”. Sources: the quote's reference; another").
    quote, *references = _AFTER_QUOTE.split(evidence, maxsplit=1)
    listed = [*references, *more]
    opening = EVIDENCE_OPENINGS[1] if len(listed) == 1 else EVIDENCE_OPENINGS[2]
    return f"{quote}. {opening}{'; '.join(listed)}"


# Where a quote's own references begin: "... puts it, “...”. Source: X" (or "Sources: X; Y").
_AFTER_QUOTE = re.compile(r"(?<=”)\. Sources?: ")


def _cited_as(index: FactIndex, citation: Citation) -> str:
    """A citation as a reader looks it up: its reference, else its source's short citation."""
    if citation.reference.strip():
        return citation.reference.strip().rstrip(".")
    source = index.source_of(citation.source_id) if citation.source_id else None
    return short_cite(source) if source is not None else ""


def _all_words(text: str) -> set[str]:
    """Every word of three letters or more, verbs included: "signed" is what a sentence on a
    treaty's year says, and one that only names "the 1995 agreement" does not say it."""
    return {w for w in re.findall(r"[\w'’-]+", text.casefold()) if len(w) > 2}


def _tellers(index: FactIndex, about: Iterable[str]) -> dict[str, str]:
    """Each sentence the facts tell about ``about``, with the fact that tells it (the first,
    where two tell the same)."""
    tellers: dict[str, str] = {}
    for fact_id in dict.fromkeys(about):
        for text in profiles(index).told(fact_id):
            tellers.setdefault(text, fact_id)
    return tellers


def _borrowed_names(
    index: FactIndex, about: Sequence[str], teller: str | None, text: str
) -> set[str]:
    """The words ``text`` writes in lower case that belong to the name of a fact asked about
    other than ``teller``, the one it tells of: "military" in a figure on Kavkaz-2020 is no
    word on the Southern Military District."""
    names = {
        word
        for fact_id in about
        if fact_id != teller and fact_id in index.by_id
        for name in names_of(index.by_id[fact_id])
        for word in told_words(name)
    }
    return names & _lower_case_words(text)


def _lower_case_words(text: str) -> set[str]:
    return told_words(" ".join(w for w in text.split() if w[:1].islower()))


def _adds_to(text: str, known: set[str], names: set[str] = frozenset()) -> bool:
    """Whether a told sentence bears on what is known and says more than it. It bears on it by
    a common word it writes in lower case: a name alone ("William Lassell was born in 1799")
    shares who, not what, and so does a word of another fact's name written in lower case
    ("military" in a figure on Kavkaz-2020 after a question on the Southern Military District)."""
    words = told_words(text)
    common = _lower_case_words(text)
    shared = {
        w
        for w in (words & known & common) - names
        if content_words(w) and not w.isdigit() and w not in MONTHS
    }
    return len(shared) >= 1 and len(words & known) <= MOSTLY * len(words)


def _names_answer(text: str, question: Question) -> bool:
    return any(contains_word(text_key(text), text_key(a)) for a in question.answer)


def _cloze_of_statement(why: Why, question: Question) -> bool:
    return bool(why.bearing) and question.kind is Kind.CLOZE


def told(
    index: FactIndex,
    fact_ids: Iterable[str],
    known: set[str],
    opening: str = "",
    bearing: str = "",
) -> list[str]:
    """Sentences the facts hold about ``fact_ids`` that add words to ``known``: those that share
    most words with what the learner has seen first (the number of Mars's moons for a cloze on
    its moons, not its distance from the Sun), then in the order the facts tell them; none that
    opens like the stem ``opening``, and with a ``bearing`` only those that share a word with
    it besides the names of what they tell of."""
    candidates: list[tuple[int, int, str, frozenset[str]]] = []
    topic = told_words(bearing)
    for fact_id in dict.fromkeys(fact_ids):
        fact = index.by_id.get(fact_id)
        names: set[str] = set().union(*(told_words(n) for n in names_of(fact))) if fact else set()
        for text in profiles(index).told(fact_id):
            words = told_words(text)
            # A shared year alone ("2020") is no bearing: a word besides the names is.
            if bearing and not any(not w.isdigit() for w in (words & topic) - names):
                continue
            # The first sentence of an explanation never opens like its stem.
            if words - known and not (opening and opens_like(opening, text)):
                candidates.append((-len(words & known), len(candidates), text, words))
    found = []
    seen = set(known)
    for _, _, text, words in sorted(candidates):
        if words - seen:
            found.append(text)
            seen |= words
    return found


# -- evidence -------------------------------------------------------------------------------------


def short_cite(source: Source) -> str:
    """``Strakes (2020)``: the author's surname (or the publisher, or the title) and the year."""
    if source.author:
        authors = [a.strip() for a in re.split(r";| and |&", source.author) if a.strip()]
        surnames = [a.split()[-1] for a in authors]
        who = surnames[0] if len(surnames) == 1 else f"{surnames[0]} et al."
        if len(surnames) == 2:
            who = f"{surnames[0]} and {surnames[1]}"
    else:
        who = source.publisher or source.title
    return f"{who} ({source.published.year})" if source.published else who


def evidence_of(
    index: FactIndex,
    citation: Citation,
    claim_text: str,
    values: Sequence[str],
    quote: bool = True,
) -> str:
    """``As Strakes (2020) puts it, “...”`` when the quote names what the claim tests, else
    ``Source: <reference>``, else the source by its short citation. A quote that comes with a
    reference of its own is followed by it: the article gives the year of the Charter, the
    Charter's own text its day and place."""
    source = index.source_of(citation.source_id) if citation.source_id else None
    if source is not None and quote and supports(citation.quote, claim_text, values):
        quoted = (
            f"{EVIDENCE_OPENINGS[0]}{short_cite(source)} puts it, “{_inner_quotes(citation.quote)}”"
        )
        if citation.reference.strip():
            return f"{quoted}. {EVIDENCE_OPENINGS[1]}{citation.reference.strip().rstrip('.')}"
        return quoted
    if citation.reference:
        return f"{EVIDENCE_OPENINGS[1]}{citation.reference.strip().rstrip('.')}"
    if source is not None:
        return f"{EVIDENCE_OPENINGS[1]}{short_cite(source)}"
    return ""


def quoted_in(quote: str, explanation: str) -> bool:
    """Whether an explanation quotes ``quote`` as its evidence."""
    return f"“{_inner_quotes(quote)}”" in explanation


def _inner_quotes(quote: str) -> str:
    """A quote's words for “...”: quotation marks around the whole dropped, those inside made
    single, and no full stop before the closing mark."""
    words = quote.strip()
    if words[:1] in '“"' and words[-1:] in '”"':
        words = words[1:-1]
    return words.rstrip(".").replace("“", "‘").replace("”", "’")


def evidence_of_many(index: FactIndex, citations: Iterable[Citation]) -> str:
    """``Sources: a; b``: the references (or short citations) of several claims, each once."""
    cited: list[str] = []
    for citation in citations:
        text = _cited_as(index, citation)
        if text and text not in cited:
            cited.append(text)
    if len(cited) == 1:
        return f"{EVIDENCE_OPENINGS[1]}{cited[0]}"
    return f"{EVIDENCE_OPENINGS[2]}{'; '.join(cited)}" if cited else ""


def supports(quote: str, claim_text: str, values: Sequence[str]) -> bool:
    """Whether a quote says what the claim tests: it names the tested value (when there is one)
    and something else the claim says of it. A quote that only shows the source mentions a thing
    ("tensions between Baku and Moscow" for "Moscow is the capital of Russia") does not."""
    if not quote.strip():
        return False
    quoted = _words_and_letters(quote)
    # Every value tested: a quote on today's members is no evidence that Uzbekistan was one
    # in 2011.
    if not all(_value_forms(v) & quoted for v in values):
        return False
    value_words = set().union(*(_words_and_letters(v) for v in values)) if values else set()
    rest = _words_and_letters(claim_text) - value_words
    return bool(rest & quoted)


def _value_forms(value: str) -> set[str]:
    """A value's words, and a small count's in letters: a quote's "eighteen states" names 18.
    Only a count spelt in one word: "thirty-four" would match any quote with "four" in it."""
    digits = value.strip().replace(",", "")
    spelt = count_in_words(int(digits)) if digits.isdigit() else ()
    spelt = tuple(s for s in spelt if " " not in s and "-" not in s)
    return _words_and_letters(value).union(*(content_words(w) for w in spelt))


def _words_and_letters(text: str) -> set[str]:
    """The content words of ``text`` with the letters of its names, so that a quote and a claim
    that name one thing in two forms ("CSTO", "Collective Security Treaty Organization") meet."""
    return content_words(text) | name_letters(text)
