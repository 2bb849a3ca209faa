"""Assembles tests from a deck as a teacher would: one question per claim, and no giveaways.

A *form* is what one sitting asks: a printed version, a self-test round, a quiz in a learning
platform. The deck's bank may hold several forms of one claim (a choice, a true/false, a typed
question on one fact); a form asks at most one of them, none of its answers stands in another
question's stem, no two share a stem word for word, questions on one fact are never
neighbours, every form is shuffled (version A too), and true/false questions are at most a
third of it. ``form_problems`` checks exactly these
rules, and ``assemble_form`` never returns a form that breaks one.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from quizgen.questions.decks import tag_matches
from quizgen.questions.index import text_key
from quizgen.questions.model import Blueprint, Deck, Kind, Question

SELECTION_ATTEMPTS = 48
"""Seeded greedy draws tried before a deck is said to be unable to yield its form."""
ORDER_ATTEMPTS = 32
TRUE_FALSE_SHARE_DENOMINATOR = 3
"""True/false questions are at most a third of a form: guessing pays half of them."""

# The kinds whose answer is a name, phrase, year or number a learner could read off another stem.
ANSWERED_BY_TEXT = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.YEAR, Kind.SHORT, Kind.CLOZE})
# The kinds whose items are all printed with the stem, so they count as stem text.
ITEMS_IN_STEM = frozenset({Kind.MATCHING, Kind.ORDERING})

DIFFICULTY_NAMES = {1: "easy", 2: "medium", 3: "hard"}


class FormUnavailable(Exception):
    """A deck cannot yield the form its blueprint asks for under the form rules."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(f"{message}; {hint}")
        self.message = message
        self.hint = hint


class FormRuleBroken(AssertionError):
    """A form about to be written breaks a form rule: a fault in quizgen, never in the input."""


def assemble_form(deck: Deck, version: str = "A", seed: int | None = None) -> tuple[Question, ...]:
    """The questions of one version of the deck's test, in the order to ask them.

    Every version holds the same questions, so one key grades them all; each version has an
    order of its own, version A's too. The same deck, version and seed give the same form.
    Raises ``FormUnavailable`` when the deck's questions cannot fill its blueprint.
    """
    base_seed = deck.seed if seed is None else seed
    chosen = selected_questions(deck, base_seed)
    ordered = order_form(chosen, form_rng(base_seed, deck.slug, f"version {version}"))
    check_form(ordered, deck.blueprint)
    return ordered


_SELECTIONS: dict[tuple[int, str, int], tuple[Deck, tuple[Question, ...]]] = {}
SELECTIONS_KEPT = 64


def selected_questions(deck: Deck, seed: int) -> tuple[Question, ...]:
    """The questions every version of the deck's test holds, drawn once per deck and seed.

    A build asks for them several times (to check the deck, then per version and format); on a
    bank of thousands of questions each draw takes seconds, so the last few are remembered.
    """
    key = (id(deck.questions), deck.slug, seed)
    known = _SELECTIONS.get(key)
    if (
        known is not None
        and known[0].questions is deck.questions
        and known[0].blueprint == deck.blueprint
    ):
        return known[1]
    chosen = select_form(
        deck.questions,
        deck.blueprint,
        form_rng(seed, deck.slug, "selection"),
        heading=deck.title,
    )
    if len(_SELECTIONS) >= SELECTIONS_KEPT:
        _SELECTIONS.pop(next(iter(_SELECTIONS)))
    _SELECTIONS[key] = (deck, chosen)
    return chosen


def form_rng(seed: int, deck_slug: str, purpose: str) -> random.Random:
    """A generator of its own per (seed, deck, purpose), from SHA-256; never the global one."""
    material = f"{seed}\x1f{deck_slug}\x1f{purpose}".encode()
    return random.Random(int.from_bytes(hashlib.sha256(material).digest()[:8], "big"))


@dataclass(frozen=True)
class Cues:
    """What a question gives away and what it shows: its answers, and the words of its stem.

    Texts are compared as runs of words (case, accents and punctuation aside), so "2020" stands
    in "Kavkaz-2020" but not in "20201"; each text is kept padded with spaces so that a plain
    substring test is a whole-word test.
    """

    answers: tuple[str, ...]
    stem: str
    stem_words: tuple[str, ...]
    statement_shape: str = ""
    """A true/false statement with its names left out ("In ~, ~ was the host."): three of them,
    each naming another state, would ask one thing three times."""

    @classmethod
    def of(cls, question: Question) -> Cues:
        answers: list[str] = []
        if question.kind in ANSWERED_BY_TEXT:
            answers += [*question.answer, *question.accept]
            answers += [text for blank in question.blanks for text in (blank.answer, *blank.accept)]
        stem = [question.prompt, *question.prompt_parts]
        if question.kind in ITEMS_IN_STEM:
            stem += [*question.choices, *question.order, *(left for left, _ in question.pairs)]
        # "&" or "—" names nothing: only an answer with a letter or digit can be given away.
        keys = tuple(dict.fromkeys(padded(words) for words in map(words_of, answers) if words))
        stem_words = words_of(" | ".join(stem))
        shape = ""
        if question.kind is Kind.TRUE_FALSE:
            shape = NAME.sub("~", question.prompt[1:])
        return cls(
            answers=keys, stem=padded(stem_words), stem_words=stem_words, statement_shape=shape
        )

    def gives_away(self, other: Cues) -> bool:
        """True when one of this question's answers stands in the other's stem."""
        return any(answer in other.stem for answer in self.answers)


WORD = re.compile(r"\w+")
# A word with a capital (a name), with what follows it in the name: "Kavkaz-2020", "Belarus".
NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def words_of(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text_key(text)))


def padded(words: Sequence[str]) -> str:
    return f" {' '.join(words)} "


class AnswerIndex:
    """Answers by their first word, to find those standing in a stem in one pass over its words."""

    def __init__(self) -> None:
        self.by_first_word: dict[str, list[tuple[str, int]]] = {}

    def add(self, cues: Cues, owner: int) -> None:
        for answer in cues.answers:
            self.by_first_word.setdefault(answer.split(" ", 2)[1], []).append((answer, owner))

    def owners_in(self, cues: Cues) -> set[int]:
        """The owners of the answers that stand in the stem of ``cues``."""
        return {
            owner
            for word in set(cues.stem_words)
            for answer, owner in self.by_first_word.get(word, ())
            if answer in cues.stem
        }


class StemIndex:
    """Stems by each of their words, to find whether an answer stands in any of them."""

    def __init__(self) -> None:
        self.stems: list[str] = []
        self.by_word: dict[str, list[int]] = {}
        self.exact: set[str] = set()

    def add(self, cues: Cues) -> None:
        self.exact.add(cues.stem)
        for word in set(cues.stem_words):
            self.by_word.setdefault(word, []).append(len(self.stems))
        self.stems.append(cues.stem)

    def holds(self, answer: str) -> bool:
        return next(self.containing(answer), None) is not None

    def containing(self, answer: str) -> Iterator[int]:
        """The indexes of the stems ``answer`` stands in."""
        postings = [self.by_word.get(word, []) for word in answer.split()]
        rarest = min(postings, key=len)
        return (index for index in rarest if answer in self.stems[index])


def claim_of(question: Question) -> str:
    """The claim a question tests; a question made without one is a claim of its own."""
    return question.claim_id or question.id


def cue_between(first: Question, second: Question) -> bool:
    """True when either question's answer stands in the other's stem."""
    a, b = Cues.of(first), Cues.of(second)
    return a.gives_away(b) or b.gives_away(a)


# Templates whose stems are the author's own sentences, each worded differently: a form may hold
# many of them without reading as one question asked again.
AUTHORS_TEMPLATES = ("statement-",)
# The share of a form of set length that one engine-worded template may fill.
TEMPLATE_SHARE = 0.2


def template_cap(count: int | None) -> int | None:
    """How many questions of one template a form of ``count`` may hold: a fifth, at least three;
    no cap for a form of every claim, which takes each claim in the one form it has."""
    return None if count is None else max(3, math.ceil(count * TEMPLATE_SHARE))


def true_false_allowance(length: int) -> int:
    return length // TRUE_FALSE_SHARE_DENOMINATOR


def one_answer_allowance(length: int) -> int:
    """How many true/false items of a form may share one answer: about 60 % of those it may
    hold, so that answering "True" to every one of them does not pay."""
    return max(1, math.ceil(true_false_allowance(length) * 0.6))


@dataclass
class Selection:
    """A form being filled: the questions so far and what they rule out.

    The chosen stems and answers are indexed by word, so that testing a candidate costs about
    the length of its own texts, not the size of the form.
    """

    target: int
    questions: list[Question] = field(default_factory=list)
    claims: set[str] = field(default_factory=set)
    kind_counts: dict[Kind, int] = field(default_factory=dict)
    stems: StemIndex = field(default_factory=StemIndex)
    answers: AnswerIndex = field(default_factory=AnswerIndex)
    statement_shapes: set[str] = field(default_factory=set)
    verdicts: list[tuple[str, ...]] = field(default_factory=list)
    """The answers of the true/false items chosen so far."""
    template_cap: int | None = None
    """How many questions of one engine-worded template a form of set length may hold."""
    template_counts: dict[str, int] = field(default_factory=dict)

    def fits(self, question: Question, cues: Cues) -> bool:
        if claim_of(question) in self.claims or len(self.questions) >= self.target:
            return False
        if (
            self.template_cap is not None
            and not question.template.startswith(AUTHORS_TEMPLATES)
            and self.template_counts.get(question.template, 0) >= self.template_cap
        ):
            return False  # six "In which year was ... signed?" read as one question asked six times
        if question.kind is Kind.TRUE_FALSE and (
            self.kind_counts.get(Kind.TRUE_FALSE, 0) >= true_false_allowance(self.target)
            or self.verdicts.count(question.answer) >= one_answer_allowance(self.target)
        ):
            return False
        if cues.stem in self.stems.exact:
            return False  # six "which one of these states sent forces?" read as one question
        if any(self.stems.holds(answer) for answer in cues.answers):
            return False
        if cues.statement_shape and cues.statement_shape in self.statement_shapes:
            return False
        return not self.answers.owners_in(cues)

    def kind_weight(self, kind: Kind) -> int:
        """How much of a kind the form has; true/false counts double, being the weakest test."""
        return self.kind_counts.get(kind, 0) * (2 if kind is Kind.TRUE_FALSE else 1)

    def add(self, question: Question, cues: Cues) -> None:
        self.questions.append(question)
        self.claims.add(claim_of(question))
        self.kind_counts[question.kind] = self.kind_counts.get(question.kind, 0) + 1
        self.template_counts[question.template] = self.template_counts.get(question.template, 0) + 1
        self.stems.add(cues)
        self.answers.add(cues, len(self.questions))
        if cues.statement_shape:
            self.statement_shapes.add(cues.statement_shape)
        if question.kind is Kind.TRUE_FALSE:
            self.verdicts.append(question.answer)

    def drop_true_false_beyond_a_third(self) -> None:
        """Drops the last true/false questions until they are a third of the form at most.

        Only for a form that is complete: the indexes of what it rules out are left as they
        were, which can only be stricter than needed.
        """
        true_false = self.kind_counts.get(Kind.TRUE_FALSE, 0)
        length = len(self.questions)
        dropped: set[int] = set()
        for index in range(length - 1, -1, -1):
            if true_false <= true_false_allowance(length - len(dropped)):
                break
            if self.questions[index].kind is Kind.TRUE_FALSE:
                dropped.add(index)
                true_false -= 1
        for index in dropped:
            self.claims.discard(claim_of(self.questions[index]))
        self.questions = [q for i, q in enumerate(self.questions) if i not in dropped]
        self.kind_counts[Kind.TRUE_FALSE] = true_false


@dataclass(frozen=True)
class Quota:
    """A blueprint's minimum: at least ``count`` questions that ``matches``."""

    label: str
    count: int
    tag: str = ""
    kind: Kind | None = None
    difficulty: int = 0

    def matches(self, question: Question) -> bool:
        if self.tag:
            return any(tag_matches(tag, self.tag) for tag in question.tags)
        if self.kind is not None:
            return question.kind is self.kind
        return question.difficulty == self.difficulty


def quotas_of(blueprint: Blueprint) -> tuple[Quota, ...]:
    quotas = [Quota(f"kind '{kind.value}'", n, kind=kind) for kind, n in blueprint.kind_quotas]
    quotas += [Quota(f"tag '{tag}'", n, tag=tag) for tag, n in blueprint.tag_quotas]
    quotas += [
        Quota(f"difficulty '{DIFFICULTY_NAMES.get(level, level)}'", n, difficulty=level)
        for level, n in blueprint.difficulty_quotas
    ]
    return tuple(quotas)


def select_form(
    questions: Sequence[Question],
    blueprint: Blueprint,
    rng: random.Random,
    first_claims: Iterable[str] = (),
    heading: str = "",
) -> tuple[Question, ...]:
    """The questions of a form, in bank order: one per claim, no cue between any two, quotas met.

    Claims are drawn in a seeded order (``first_claims`` first: a self-test brings back what was
    missed); each claim contributes the form whose kind the selection has least of so far, which
    mixes kinds. A greedy draw can paint itself into a corner, so a few are tried. No claim
    whose answer the test's ``heading`` prints is drawn, in any form: "The July 2020 escalation"
    over "In which year did the IL-76 flights take place?" answers it, and over "... took place
    in 2018. True or false?" as well.
    """
    wider = (
        blueprint.at_most is not None and len({claim_of(q) for q in questions}) > blueprint.at_most
    )
    if blueprint.count is None and wider:
        # A test of one class period where the topic has more claims; where its rules cannot
        # fill that many, as many as they allow, drawn as if there were no limit.
        state = rng.getstate()
        try:
            return select_form(
                questions,
                replace(blueprint, count=blueprint.at_most, at_most=None),
                rng,
                first_claims,
                heading,
            )
        except FormUnavailable:
            rng.setstate(state)
    if blueprint.at_most is not None:
        return select_form(questions, replace(blueprint, at_most=None), rng, first_claims, heading)
    printed = padded(words_of(heading))
    forms: dict[str, list[tuple[Question, Cues]]] = {}
    for question in questions:
        forms.setdefault(claim_of(question), []).append((question, Cues.of(question)))
    if heading:
        forms = {
            claim: kept
            for claim, kept in forms.items()
            if not any(answer in printed for _, cues in kept for answer in cues.answers)
        }
    claims = sorted(forms)
    target = blueprint.count if blueprint.count is not None else len(claims)
    quotas = quotas_of(blueprint)
    priority = [claim for claim in dict.fromkeys(first_claims) if claim in forms]
    best: Selection | None = None
    unmet: Quota | None = None
    # A test of the whole deck first tries the claims that rule out the fewest others (the most
    # it can hold); a test of ``count`` questions first tries a plain sample of the topic.
    least_conflicting = (
        claims_by_conflicts(forms, rng) if len(questions) <= CONFLICT_COUNT_LIMIT else None
    )
    attempts = SELECTION_ATTEMPTS if len(questions) <= CONFLICT_COUNT_LIMIT else 2
    # A form first keeps one template to a share of it; a bank with too few templates to
    # fill it so (a deck of dates only) is drawn again without that share.
    caps = [template_cap(blueprint.count), None] if blueprint.count is not None else [None]
    for cap in caps:
        if best is not None and len(best.questions) == target:
            break
        for attempt in range(attempts):
            order = claims[:]
            rng.shuffle(order)
            if least_conflicting is not None and attempt == (0 if blueprint.count is None else 1):
                order = least_conflicting
            order = priority + [claim for claim in order if claim not in set(priority)]
            selection = Selection(target, template_cap=cap)
            unmet = fill_quotas(selection, order, forms, quotas, rng)
            if unmet is not None:
                continue
            fill(selection, order, forms, rng, lambda question: True)
            if blueprint.count is None:
                trim_true_false(selection)
            if best is None or len(selection.questions) > len(best.questions):
                best = selection
            if len(selection.questions) == target:
                break
    if best is None:
        assert unmet is not None
        raise FormUnavailable(
            f"its questions cannot meet the quota of {unmet.count} for {unmet.label} in a form "
            "of one question per claim with no answer given away by another question",
            "lower the quota, or select more questions of that sort",
        )
    if blueprint.count is not None and len(best.questions) < blueprint.count:
        raise FormUnavailable(
            f"count {blueprint.count} asks for more than its questions can fill: they test "
            f"{len(claims)} claim{'s' if len(claims) != 1 else ''}, and a form of one question per "
            f"claim, with no answer in another question's stem and at most a third "
            f"true/false, holds at most {len(best.questions)} of them",
            f"set count to {len(best.questions)} or less, or select more facts",
        )
    position = {question.id: index for index, question in enumerate(questions)}
    return tuple(sorted(best.questions, key=lambda question: position[question.id]))


CONFLICT_COUNT_LIMIT = 800
"""Up to this many questions, conflicts between every pair are counted to order the claims."""


def claims_by_conflicts(
    forms: dict[str, list[tuple[Question, Cues]]], rng: random.Random
) -> list[str]:
    """Claims ordered by how many other claims their least giving-away form rules out."""
    everything = [(claim, cues) for claim, items in forms.items() for _, cues in items]
    answers = AnswerIndex()
    stems = StemIndex()
    for number, (_, cues) in enumerate(everything):
        answers.add(cues, number)
        stems.add(cues)
    conflicts: dict[str, int] = {}
    for claim, cues in everything:
        owners = {everything[owner][0] for owner in answers.owners_in(cues)}
        owners |= {
            everything[index][0] for answer in cues.answers for index in stems.containing(answer)
        }
        owners.discard(claim)
        conflicts[claim] = min(conflicts.get(claim, len(owners)), len(owners))
    order = sorted(forms)
    rng.shuffle(order)
    return sorted(order, key=conflicts.__getitem__)


def fill_quotas(
    selection: Selection,
    order: list[str],
    forms: dict[str, list[tuple[Question, Cues]]],
    quotas: tuple[Quota, ...],
    rng: random.Random,
) -> Quota | None:
    """Adds questions until every quota is met; returns the first quota that cannot be."""
    for quota in quotas:
        while sum(quota.matches(question) for question in selection.questions) < quota.count:
            if not fill(selection, order, forms, rng, quota.matches, limit=1):
                return quota
    return None


def fill(
    selection: Selection,
    order: list[str],
    forms: dict[str, list[tuple[Question, Cues]]],
    rng: random.Random,
    wanted: Callable[[Question], bool],
    limit: int | None = None,
) -> int:
    """Adds, claim by claim in ``order``, one fitting wanted form; returns how many it added."""
    added = 0
    for claim in order:
        if limit is not None and added >= limit:
            break
        if claim in selection.claims:
            continue
        candidates = [
            (q, cues) for q, cues in forms[claim] if wanted(q) and selection.fits(q, cues)
        ]
        if not candidates:
            continue
        rng.shuffle(candidates)
        question, cues = min(candidates, key=lambda item: selection.kind_weight(item[0].kind))
        selection.add(question, cues)
        added += 1
    return added


def trim_true_false(selection: Selection) -> None:
    """A form without a fixed count keeps true/false at a third of what it ends up holding."""
    selection.drop_true_false_beyond_a_third()


def order_form(questions: Sequence[Question], rng: random.Random) -> tuple[Question, ...]:
    """A seeded shuffle in which, wherever the questions allow, no question follows one that
    asks about any of its facts (the year of Kavkaz-2020 does not follow who took part in it).

    Two forms of one claim never meet in a form; facts shared between neighbours are avoided
    as far as the questions allow, trying a few shuffles and keeping the one with the fewest.
    """
    best: list[Question] = list(questions)
    best_shared = len(questions)
    for _ in range(ORDER_ATTEMPTS):
        remaining = list(questions)
        rng.shuffle(remaining)
        ordered = [remaining.pop(0)] if remaining else []
        while remaining:
            previous = set(ordered[-1].fact_ids)
            pick = next(
                (i for i, q in enumerate(remaining) if not previous & set(q.fact_ids)), None
            )
            if pick is None:
                pick = next(
                    (i for i, q in enumerate(remaining) if q.fact_ids != ordered[-1].fact_ids), 0
                )
            ordered.append(remaining.pop(pick))
        shared = len(neighbours_on_one_fact(ordered))
        if shared < best_shared:
            best, best_shared = ordered, shared
        if not shared:
            break
    return tuple(best)


def neighbours_on_one_fact(form: Sequence[Question]) -> list[int]:
    """The numbers of questions that ask about exactly the facts of the question before them."""
    return [
        number
        for number, (first, second) in enumerate(zip(form, form[1:], strict=False), start=2)
        if first.fact_ids == second.fact_ids and first.fact_ids
    ]


def form_problems(form: Sequence[Question], blueprint: Blueprint) -> list[str]:
    """Every rule of a fair test that ``form`` breaks, numbered as printed; empty when fair."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, question in enumerate(form, start=1):
        if claim_of(question) in seen:
            problems.append(
                f"questions {seen[claim_of(question)]} and {number} test one claim "
                f"({claim_of(question)})"
            )
        seen.setdefault(claim_of(question), number)
    # Read once for both checks: reading a question's words is half the time of a check.
    cues = [Cues.of(question) for question in form]
    problems += cue_problems(cues)
    first_with_stem: dict[str, int] = {}
    for number, stem in enumerate((cue.stem for cue in cues), start=1):
        if stem in first_with_stem:
            problems.append(f"questions {first_with_stem[stem]} and {number} have the same stem")
        first_with_stem.setdefault(stem, number)
    true_false = sum(question.kind is Kind.TRUE_FALSE for question in form)
    if true_false > true_false_allowance(len(form)):
        problems.append(f"{true_false} of {len(form)} questions are true/false (at most a third)")
    if blueprint.count is not None and len(form) != blueprint.count:
        problems.append(f"{len(form)} questions instead of {blueprint.count}")
    for quota in quotas_of(blueprint):
        met = sum(quota.matches(question) for question in form)
        if met < quota.count:
            problems.append(f"{met} questions of {quota.label} instead of {quota.count}")
    return problems


def cue_problems(cues: Sequence[Cues]) -> list[str]:
    """Each pair where one question's answer stands in another's stem, numbered as printed."""
    answers = AnswerIndex()
    for number, cue in enumerate(cues, start=1):
        answers.add(cue, number)
    return [
        f"the answer of question {giver} stands in the stem of question {taker}"
        for taker, cue in enumerate(cues, start=1)
        for giver in sorted(answers.owners_in(cue))
        if giver != taker
    ]


def conflicting_pairs(questions: Sequence[Question]) -> Iterator[tuple[Question, Question]]:
    """Pairs that may not share a form: one's answer stands in the other's stem, or their stems
    read alike (a self-test assembling later rounds in the browser keeps them apart)."""
    cues = [Cues.of(question) for question in questions]
    answers = AnswerIndex()
    by_stem: dict[str, list[int]] = {}
    for index, cue in enumerate(cues):
        answers.add(cue, index)
        by_stem.setdefault(cue.stem, []).append(index)
    for taker, cue in enumerate(cues):
        for giver in sorted(answers.owners_in(cue)):
            if giver != taker:
                yield questions[giver], questions[taker]
    for same in by_stem.values():
        for position, first in enumerate(same):
            for second in same[position + 1 :]:
                yield questions[first], questions[second]


def check_form(form: Sequence[Question], blueprint: Blueprint) -> None:
    """Raises ``FormRuleBroken`` listing every rule ``form`` breaks; called on each form written."""
    problems = form_problems(form, blueprint)
    if problems:
        raise FormRuleBroken("a form breaks the rules of a fair test: " + "; ".join(problems))
