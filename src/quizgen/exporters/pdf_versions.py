"""Printed quiz versions: which order the questions and their options take on paper, and the key.

Pure values and seeded shuffles, no reportlab: each version is a form the deck's blueprint
assembles (the same questions in an order of its own, version A's too), its options shuffled from
``sha256(seed, deck slug, version letter)`` so neighbours in class get different papers while
every rebuild prints the same ones.
"""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from quizgen.questions.answer_view import AnswerView, answer_view
from quizgen.questions.assembly import assemble_form
from quizgen.questions.model import Deck, Kind, Question

T = TypeVar("T")

CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE})


def option_letter(index: int) -> str:
    """A, B, ... Z, then AA, AB... (a question rarely has more than six options)."""
    letters = string.ascii_uppercase
    if index < len(letters):
        return letters[index]
    return letters[index // len(letters) - 1] + letters[index % len(letters)]


def version_letter(index: int) -> str:
    return option_letter(index)


@dataclass(frozen=True)
class PrintedQuestion:
    """One question as it appears on one version's paper: its number and its options' order."""

    number: int
    question: Question
    options: tuple[str, ...] = ()
    """Choice kinds: the options in printed order, lettered A, B, C..."""
    left_items: tuple[str, ...] = ()
    """Matching: the left-hand items in printed order, numbered 1, 2, 3..."""
    right_items: tuple[str, ...] = ()
    """Matching: the right-hand items in printed order, lettered A, B, C...; ordering: the items."""

    @cached_property
    def answers(self) -> AnswerView:
        """Read once: the key asks for it in every version's grid and again in full."""
        return answer_view(self.question)

    @property
    def correct_letters(self) -> tuple[str, ...]:
        """Choice kinds: the letters of the correct options, in printed order."""
        right = set(self.answers.correct_options)
        return tuple(option_letter(i) for i, text in enumerate(self.options) if text in right)

    @property
    def matching_key(self) -> tuple[tuple[int, str], ...]:
        """Matching: (left number, right letter) for each left item, as ``1-C, 2-A``."""
        right_of_left = dict(self.answers.pairs)
        letter_of_right = {text: option_letter(i) for i, text in enumerate(self.right_items)}
        return tuple(
            (number, letter_of_right.get(right_of_left.get(left, ""), "?"))
            for number, left in enumerate(self.left_items, start=1)
        )

    @property
    def ordering_key(self) -> tuple[int, ...]:
        """Ordering: the number each printed box should hold, top to bottom (``3 1 4 2``)."""
        position = self.answers.position_of
        return tuple(position.get(text, 0) for text in self.right_items)


@dataclass(frozen=True)
class QuizVersion:
    """One printed version of a deck's quiz: its letter and its numbered questions."""

    letter: str
    deck: Deck
    questions: tuple[PrintedQuestion, ...]


def version_rng(seed: int, deck_slug: str, letter: str, stable_key: str = "") -> random.Random:
    """A generator of its own per (seed, deck, version[, question]); never the global one."""
    material = f"{seed}\x1f{deck_slug}\x1f{letter}\x1f{stable_key}".encode()
    return random.Random(int.from_bytes(hashlib.sha256(material).digest()[:8], "big"))


def make_versions(deck: Deck, seed: int, count: int) -> tuple[QuizVersion, ...]:
    """Every version of a deck's quiz, A first."""
    return tuple(make_version(deck, seed, version_letter(index)) for index in range(max(1, count)))


def make_version(deck: Deck, seed: int, letter: str) -> QuizVersion:
    printed = tuple(
        print_question(number, question, version_rng(seed, deck.slug, letter, question.id))
        for number, question in enumerate(assemble_form(deck, letter), start=1)
    )
    return QuizVersion(letter=letter, deck=deck, questions=printed)


def print_question(number: int, question: Question, rng: random.Random | None) -> PrintedQuestion:
    """Places one question's options, shuffled by ``rng`` (``None`` keeps the bank's order).

    The option order is seeded by the question's own id, so adding a question to a deck does not
    reshuffle the options of the others.
    """
    answers = answer_view(question)
    if question.kind in CHOICE_KINDS:
        # True stays before False: a shuffled pair only confuses, it hides nothing. Years and
        # figures stay in their order.
        shuffle_options = (
            rng is not None
            and question.kind is not Kind.TRUE_FALSE
            and not answers.options_in_order
        )
        texts = tuple(option.text for option in answers.options)
        options = shuffled(texts, rng) if shuffle_options else texts
        return PrintedQuestion(number, question, options=options)
    if question.kind is Kind.MATCHING:
        lefts = tuple(left for left, _ in answers.pairs)
        rights = answers.match_options
        if rng is not None:
            lefts = shuffled(lefts, rng)
            right_of_left = dict(answers.pairs)
            aligned = [right_of_left[left] for left in lefts]
            rights = avoid_order(shuffled(rights, rng), aligned, rng)
        return PrintedQuestion(number, question, left_items=lefts, right_items=rights)
    if question.kind is Kind.ORDERING:
        items = answers.order_items
        if rng is not None:
            items = avoid_order(shuffled(items, rng), list(answers.order), rng)
        return PrintedQuestion(number, question, right_items=items)
    return PrintedQuestion(number, question)


def shuffled(items: Sequence[T], rng: random.Random | None) -> tuple[T, ...]:
    result = list(items)
    if rng is not None:
        rng.shuffle(result)
    return tuple(result)


def avoid_order(items: tuple[T, ...], giveaway: Sequence[T], rng: random.Random) -> tuple[T, ...]:
    """Reshuffles (a few times, deterministically) while the printed order is the answer itself."""
    result = list(items)
    for _ in range(8):
        if len(result) < 2 or result != list(giveaway):
            break
        rng.shuffle(result)
    return tuple(result)


def key_answer_text(printed: PrintedQuestion) -> str:
    """The short answer a teacher marks: ``B``, ``A, C``, ``1-C, 2-A``, ``3 1 4 2``, ``1992``."""
    question, answers = printed.question, printed.answers
    if question.kind is Kind.TRUE_FALSE:
        return answers.canonical or "?"
    if question.kind in CHOICE_KINDS:
        return ", ".join(printed.correct_letters) or "?"
    if question.kind is Kind.MATCHING:
        return ", ".join(f"{number}-{letter}" for number, letter in printed.matching_key)
    if question.kind is Kind.ORDERING:
        return " ".join(str(place) for place in printed.ordering_key)
    if question.kind is Kind.CLOZE:
        return "; ".join(
            f"({number}) {blank.answer}" for number, blank in enumerate(answers.blanks, start=1)
        )
    return answers.canonical or "?"


def accepted_alternatives(printed: PrintedQuestion) -> tuple[str, ...]:
    """Typed kinds: the other answers a teacher should accept (spellings, abbreviations)."""
    answers = printed.answers
    if printed.question.kind is Kind.CLOZE:
        return tuple(
            f"({number}) {alternative}"
            for number, blank in enumerate(answers.blanks, start=1)
            for alternative in blank.also_accepted
        )
    return answers.typed[1:]
