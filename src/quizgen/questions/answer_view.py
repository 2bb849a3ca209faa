"""The answer view: what counts as right for a question of any kind, in one place for every writer.

A question stores its answer in the fields its kind uses (``answer``, ``accept``, ``choices``,
``blanks``, ``pairs``, ``order``). Writers read this view instead, so that which option is correct,
which typed answers are accepted and how the items pair or line up is decided once, here, and a new
format needs no knowledge of how each kind keeps its answer. Plain values only; no output format.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from quizgen.questions.model import Kind, Question

KINDS_WITH_OPTIONS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.YEAR})
"""Kinds whose ``choices`` are options to pick from (a year may also be typed)."""
TYPED_KINDS = frozenset({Kind.SHORT, Kind.YEAR})
"""Kinds answered by typing one value."""


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a choice question, in the bank's order, and whether it is a right one."""

    text: str
    correct: bool


@dataclass(frozen=True, slots=True)
class BlankAnswer:
    """One blank of a sentence: its answer and the other typed answers it accepts."""

    answer: str
    also_accepted: tuple[str, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every typed answer this blank takes, the canonical one first."""
        return (self.answer, *self.also_accepted)

    @property
    def accepted_forms(self) -> tuple[str, ...]:
        """``accepted``, each followed by its form without accents (see ``with_unaccented``)."""
        return with_unaccented(self.accepted)


@dataclass(frozen=True, slots=True)
class AnswerView:
    """A question's answers, one shape for every kind; fields a kind has no use for stay empty."""

    kind: Kind
    correct: tuple[str, ...]
    """The right answer as texts: the correct options, the typed value, each blank's answer, the
    right-hand texts in the order of the pairs, or the items in their right order."""
    also_accepted: tuple[str, ...] = ()
    """Other typed answers that count as right (spellings, abbreviations)."""
    options: tuple[Option, ...] = ()
    """Choice kinds and years: the options in the bank's order, each marked right or wrong."""
    blanks: tuple[BlankAnswer, ...] = ()
    """Cloze: one per blank, in the sentence's order."""
    sentence_parts: tuple[str, ...] = ()
    """Cloze: the texts around the blanks, in order."""
    pairs: tuple[tuple[str, str], ...] = ()
    """Matching: (left, right) in the right match."""
    match_options: tuple[str, ...] = ()
    """Matching: the right-hand texts as offered, in the bank's shuffled order."""
    order: tuple[str, ...] = ()
    """Ordering: the items in their right order."""
    order_items: tuple[str, ...] = ()
    """Ordering: the items as offered, in the bank's shuffled order."""
    year: int | None = None
    """Year questions: the year as a number, for formats that grade numbers."""

    @property
    def options_in_order(self) -> bool:
        """Whether the options are numbers (years, figures, centuries) offered in their order:
        a shuffle would set 1990, 1996, 1992 side by side, which no test writer does."""
        if self.kind not in (Kind.SINGLE, Kind.MULTIPLE, Kind.YEAR) or len(self.options) < 2:
            return False
        parsed = [order_key(option.text) for option in self.options]
        numbers = [number for number in parsed if number is not None]
        if len(numbers) != len(parsed):
            return False
        pairs = list(zip(numbers, numbers[1:], strict=False))
        return all(a < b for a, b in pairs) or all(a > b for a, b in pairs)

    @property
    def correct_options(self) -> tuple[str, ...]:
        return tuple(option.text for option in self.options if option.correct)

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        """Indexes into ``options`` of the right ones."""
        return tuple(index for index, option in enumerate(self.options) if option.correct)

    @property
    def typed(self) -> tuple[str, ...]:
        """Typed kinds: every answer that counts as right when typed, the canonical one first."""
        if self.kind not in TYPED_KINDS:
            return ()
        return (*self.correct, *self.also_accepted)

    @property
    def typed_forms(self) -> tuple[str, ...]:
        """``typed``, each followed by its form without accents, for graders that compare
        letters exactly: a typed answer counts whatever its accents (and its case)."""
        return with_unaccented(self.typed)

    @property
    def canonical(self) -> str:
        """The one answer to show first (the typed value, the only option, the first blank)."""
        return self.correct[0] if self.correct else ""

    @property
    def position_of(self) -> dict[str, int]:
        """Ordering: each item's place in the right order, from 1."""
        return {item: place for place, item in enumerate(self.order, start=1)}


# A number an option opens with: a year, a figure with its unit, a century ("The 2nd century
# BC"), "c. 1265", "AD 800"; "Apollo 11" opens with a word, and is no number to keep in order.
ORDERED_OPTION = re.compile(
    r"^(?:the\s+)?(?:c\.\s*)?(?:AD\s+)?(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th)?\b(.*)$", re.IGNORECASE
)


def order_key(text: str) -> float | None:
    """Where an option stands among numbered ones, BC before AD; None for one that does not
    open with a number."""
    found = ORDERED_OPTION.match(text.strip())
    if found is None:
        return None
    number = float(found.group(1).replace(",", ""))
    return -number if re.search(r"\bBC\b", found.group(2)) else number


def answer_view(question: Question) -> AnswerView:
    """The answers of one question, read from the fields its kind keeps them in."""
    kind = question.kind
    blanks = tuple(BlankAnswer(blank.answer, blank.accept) for blank in question.blanks)
    correct = question.answer or tuple(blank.answer for blank in blanks) or question.order
    options: tuple[Option, ...] = ()
    if kind in KINDS_WITH_OPTIONS:
        right = set(question.answer)
        options = tuple(Option(choice, choice in right) for choice in question.choices)
    match_options: tuple[str, ...] = ()
    if kind is Kind.MATCHING:
        match_options = question.choices or tuple(right for _, right in question.pairs)
    order_items: tuple[str, ...] = ()
    if kind is Kind.ORDERING:
        order_items = question.choices or question.order
    return AnswerView(
        kind=kind,
        correct=correct,
        also_accepted=question.accept,
        options=options,
        blanks=blanks,
        sentence_parts=question.prompt_parts,
        pairs=question.pairs,
        match_options=match_options,
        order=question.order,
        order_items=order_items,
        year=year_number(question),
    )


def year_number(question: Question) -> int | None:
    if question.kind is not Kind.YEAR or not question.answer:
        return None
    text = question.answer[0].strip()
    digits = text[1:] if text.startswith("-") else text
    return int(text) if digits.isdigit() else None


def without_accents(text: str) -> str:
    """``Chișinău`` as ``Chisinau``: the letters without their combining marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def with_unaccented(texts: tuple[str, ...]) -> tuple[str, ...]:
    """Each text, then its form without accents when that differs; no text twice."""
    forms = (form for text in texts for form in (text, without_accents(text)))
    return tuple(dict.fromkeys(forms))
