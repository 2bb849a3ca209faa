"""The question model every exporter consumes: plain frozen values, no I/O, no output format.

All text here is plain text (never HTML or markup); each exporter escapes it for its own format.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Kind(str, enum.Enum):
    """The kinds of question; the value is the name used in JSON and in deck files."""

    SINGLE = "single"
    """One correct option among ``choices`` (4 by default)."""
    MULTIPLE = "multiple"
    """Select all that apply: one or more of ``choices`` are correct."""
    TRUE_FALSE = "true_false"
    """``choices`` is ("True", "False"); ``answer`` holds the right one."""
    YEAR = "year"
    """A year: ``choices`` holds nearby years for a choice, ``answer`` the year, typed or chosen."""
    CLOZE = "cloze"
    """A sentence with ``blanks``; ``prompt_parts`` are the texts around them."""
    MATCHING = "matching"
    """``pairs`` (left, right) in the correct match; ``choices``: the right-hand texts shuffled."""
    ORDERING = "ordering"
    """``order`` is the correct order; ``choices`` the same items shuffled."""
    SHORT = "short"
    """A typed answer: ``answer`` holds the canonical text, ``accept`` the other accepted ones."""


@dataclass(frozen=True, slots=True)
class SourceNote:
    """Where a question's fact comes from, ready to print: "Strakes (2020): “quoted words”"."""

    title: str
    quote: str = ""
    reference: str = ""
    url: str = ""

    @property
    def text(self) -> str:
        parts = [self.title] if self.title else []
        if self.quote:
            parts.append(f"“{self.quote}”")
        if self.reference:
            parts.append(self.reference)
        return " — ".join(parts)


@dataclass(frozen=True, slots=True)
class ClozeBlank:
    answer: str
    accept: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    """One question. ``id`` is stable: from fact ids, kind and template, never from the seed."""

    id: str
    kind: Kind
    prompt: str
    answer: tuple[str, ...]
    """The correct choice texts, or the correct value(s) for typed kinds."""
    explanation: str
    source: SourceNote
    fact_ids: tuple[str, ...]
    template: str
    """Which generator template made it (``document-year``); part of the identity."""
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    """Other accepted typed answers (spellings, abbreviations); compare them as
    ``questions.answers.answer_key`` does (case, accents, punctuation and spacing never count)."""
    tags: tuple[str, ...] = ()
    difficulty: int = 1
    """1 easy, 2 medium, 3 hard."""
    pairs: tuple[tuple[str, str], ...] = ()
    order: tuple[str, ...] = ()
    prompt_parts: tuple[str, ...] = ()
    blanks: tuple[ClozeBlank, ...] = ()
    reverse_prompt: str = ""
    """For a fact that reads both ways (treaty and year), the prompt of the reverse card."""
    reverse_answer: str = ""
    background: bool = False
    """Asked about background facts only: decks leave it out unless they ask for background."""
    distractor_reasons: tuple[tuple[str, str], ...] = ()
    """Each wrong option (or the wrong value a false statement swaps in) with why it was chosen,
    so a teacher can audit it: ``("Moscow", "a place of another event or document")``."""
    claim_id: str = ""
    """The proposition it tests (``kavkaz-2020/participant/armenia``), shared by every form of one
    fact whatever the kind; a test asks at most one question per claim id. Stable across builds."""

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        """Indexes into ``choices`` of the correct options (choice kinds only)."""
        return tuple(i for i, choice in enumerate(self.choices) if choice in self.answer)


@dataclass(frozen=True, slots=True)
class Blueprint:
    """How a deck's test is assembled: how many questions a form holds and what it must cover.

    A form (a printed version, a self-test round) asks at most one question per claim; quotas are
    minimums the form must meet. The deck's whole bank stays available for review (Anki, practice).
    """

    count: int | None = None
    """Questions per form; ``None``: one question on every claim the form rules allow."""
    at_most: int | None = None
    """Without a ``count``, the most questions a form holds where its rules allow more (the
    deck no file declares: one class period, not every claim of the topic)."""
    tag_quotas: tuple[tuple[str, int], ...] = ()
    """At least so many questions with this tag (or a sub-tag of it)."""
    kind_quotas: tuple[tuple[Kind, int], ...] = ()
    """At least so many questions of this kind."""
    difficulty_quotas: tuple[tuple[int, int], ...] = ()
    """At least so many questions of this difficulty (1 easy, 2 medium, 3 hard)."""


@dataclass(frozen=True, slots=True)
class Deck:
    """A study set: a hierarchical name (``CSTO::Members and observers``) and its questions."""

    name: str
    slug: str
    """A file-name-safe form of the name (``csto-members-and-observers``)."""
    title: str
    description: str
    questions: tuple[Question, ...]
    seed: int = 0
    formats: tuple[str, ...] = ()
    """The formats this deck is written in; empty means every format."""
    blueprint: Blueprint = field(default_factory=Blueprint)
    """How its tests (printed versions, self-test rounds) are assembled from ``questions``."""
    kinds: tuple[Kind, ...] = ()
    """The kinds its deck file names; empty when it names none (and takes every kind)."""


@dataclass(frozen=True, slots=True)
class QuestionBank:
    """Everything exporters need: the topic, every question, and the decks that select them."""

    title: str
    description: str
    questions: tuple[Question, ...]
    decks: tuple[Deck, ...]
    seed: int
    slug: str = "quizgen"
    """A file-name-safe form of the topic title, for outputs that hold every deck (the .apkg)."""
    language: str = "en"
    generated_at: int = field(default=0)
    """Seconds since the epoch: ``SOURCE_DATE_EPOCH`` when set, else the build time."""
