"""Builds the question bank: generates every question once, then fills each chosen deck from it."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.errors import BuildUsageError, InputError, Location, Problem
from quizgen.facts.model import Facts
from quizgen.questions.assembly import FormUnavailable, assemble_form
from quizgen.questions.decks import DEFAULT_SEED, DeckSpec, slug_of
from quizgen.questions.engine import generate_questions
from quizgen.questions.model import Deck, Question, QuestionBank


def build_bank(
    facts: Facts,
    deck_specs: Sequence[DeckSpec],
    seed: int | None,
    only_decks: tuple[str, ...],
    generated_at: int,
) -> QuestionBank:
    """The bank of ``facts`` for the decks named in ``only_decks`` (every deck when empty).

    Questions are generated with ``seed``, or ``DEFAULT_SEED`` when it is ``None``; a deck with a
    ``count`` samples with ``seed`` when given, else with its own.
    """
    chosen = choose_decks(deck_specs, only_decks)  # a misspelt --deck fails before the slow part
    # Every deck, not only the chosen ones: a deck's questions do not depend on --deck.
    questions = generate_questions(facts, DEFAULT_SEED if seed is None else seed, deck_specs)
    return assemble_bank(facts, questions, chosen, seed, generated_at)


def choose_decks(
    deck_specs: Sequence[DeckSpec], only_decks: tuple[str, ...]
) -> tuple[DeckSpec, ...]:
    """The decks named by name, slug or file name, in deck order; an unknown name is bad usage."""
    if not only_decks:
        return tuple(deck_specs)
    wanted = {name.strip().casefold(): name for name in only_decks}
    known = set().union(*(names_of(spec) for spec in deck_specs))
    unknown = [name for key, name in wanted.items() if key not in known]
    if unknown:
        choices = ", ".join(f"'{spec.name}' ({spec.slug})" for spec in deck_specs)
        raise BuildUsageError(
            f"unknown deck {', '.join(map(repr, unknown))}; the decks are: {choices}"
        )
    return tuple(spec for spec in deck_specs if names_of(spec) & wanted.keys())


def names_of(spec: DeckSpec) -> set[str]:
    """What ``--deck`` may call a deck, case-folded: its name, slug or file name."""
    return {spec.name.casefold(), spec.slug, spec.file_stem.casefold()} - {""}


def assemble_bank(
    facts: Facts,
    questions: Sequence[Question],
    deck_specs: Sequence[DeckSpec],
    seed: int | None,
    generated_at: int,
) -> QuestionBank:
    """Fills each deck from the generated ``questions``; the bank keeps those some deck holds."""
    decks = tuple(fill_deck(spec, questions, seed) for spec in deck_specs)
    empty = [
        Problem(
            spec.location or Location(facts.path),
            f"deck '{spec.name}' selects no questions",
            "check its facts, tags, kinds and exclusions against the facts file",
        )
        for spec, deck in zip(deck_specs, decks, strict=True)
        if not deck.questions
    ]
    if empty:
        raise InputError(empty)
    unassembled = blueprint_problems(facts, deck_specs, decks)
    if unassembled:
        raise InputError(unassembled)
    in_some_deck = {question.id for deck in decks for question in deck.questions}
    title = facts.topic.title
    return QuestionBank(
        title=title,
        description=facts.topic.description,
        questions=tuple(question for question in questions if question.id in in_some_deck),
        decks=decks,
        seed=DEFAULT_SEED if seed is None else seed,
        slug=slug_of(title, fallback="quizgen"),
        language=facts.topic.language,
        generated_at=generated_at,
    )


def fill_deck(spec: DeckSpec, questions: Sequence[Question], seed: int | None) -> Deck:
    """The deck's questions in bank order: every one it selects (its tests are assembled from
    them by its blueprint, while review in Anki and practice use them all)."""
    deck_seed = spec.seed if seed is None else seed
    selected = [question for question in questions if spec.selects(question)]
    return Deck(
        name=spec.name,
        slug=spec.slug,
        title=spec.title,
        description=spec.description,
        questions=tuple(selected),
        seed=deck_seed,
        formats=spec.formats,
        blueprint=spec.blueprint,
        kinds=spec.kinds,
    )


def check_tests(facts: Facts, deck_specs: Sequence[DeckSpec]) -> None:
    """Raises InputError when some deck cannot yield the test its blueprint asks for.

    For ``quizgen validate``: a deck that selects no questions is not this check's business.
    """
    questions = generate_questions(facts, DEFAULT_SEED)
    decks = [fill_deck(spec, questions, None) for spec in deck_specs]
    kept = [(spec, deck) for spec, deck in zip(deck_specs, decks, strict=True) if deck.questions]
    problems = blueprint_problems(facts, [spec for spec, _ in kept], [deck for _, deck in kept])
    if problems:
        raise InputError(problems)


def blueprint_problems(
    facts: Facts, deck_specs: Sequence[DeckSpec], decks: Sequence[Deck]
) -> list[Problem]:
    return [
        problem
        for spec, deck in zip(deck_specs, decks, strict=True)
        for problem in form_problems_of(spec, deck, Location(facts.path))
    ]


def form_problems_of(spec: DeckSpec, deck: Deck, fallback: Location) -> list[Problem]:
    """A located problem when the deck cannot yield the test its blueprint asks for."""
    try:
        assemble_form(deck)
    except FormUnavailable as unavailable:
        return [
            Problem(
                spec.blueprint_location or spec.location or fallback,
                f"deck '{spec.name}': {unavailable.message}",
                unavailable.hint,
            )
        ]
    return []
