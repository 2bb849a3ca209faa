"""The question engine: turns a facts model into the whole question bank, each question paired
with the claims the oracle checks. Templates live in ``questions.templates``, one per fact kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain
from typing import Any, Protocol

from quizgen.facts.model import Document, Entity, Event, Fact, Facts, Group, Person, Statement, Term
from quizgen.questions.claim_ids import claim_id_of
from quizgen.questions.claims import CheckedQuestion
from quizgen.questions.index import FactIndex
from quizgen.questions.item_rules import broken_rule
from quizgen.questions.model import Kind, Question
from quizgen.questions.oracle import TRUE_TEXT, Oracle
from quizgen.questions.templates.base import Context
from quizgen.questions.templates.categories import (
    category_member_questions,
    entity_category_questions,
)
from quizgen.questions.templates.centuries import century_questions
from quizgen.questions.templates.documents import document_questions
from quizgen.questions.templates.entities import entity_questions
from quizgen.questions.templates.events import event_questions
from quizgen.questions.templates.groups import group_questions
from quizgen.questions.templates.history import history_questions
from quizgen.questions.templates.lives import in_force_questions
from quizgen.questions.templates.people import person_questions
from quizgen.questions.templates.quantities import comparison_questions, quantity_questions
from quizgen.questions.templates.relations import link_questions, relation_matching
from quizgen.questions.templates.renaming import renaming_questions
from quizgen.questions.templates.sets import set_questions
from quizgen.questions.templates.statements import statement_questions
from quizgen.questions.templates.terms import term_questions

Template = Callable[[Any, Context], Iterator[CheckedQuestion | None]]

# Which templates a kind of fact gets, in the order their questions appear in the bank.
TEMPLATES: tuple[tuple[type | tuple[type, ...], Template], ...] = (
    (Entity, entity_questions),
    (Group, group_questions),
    (Event, event_questions),
    (Document, document_questions),
    (Person, person_questions),
    (Term, term_questions),
    (Statement, statement_questions),
    # What any named fact may carry besides its kind's own keys; nothing in files without them.
    (Entity, entity_category_questions),
    ((Entity, Group, Event, Document, Person), quantity_questions),
    ((Entity, Group, Event, Document, Person), link_questions),
    (Document, in_force_questions),
    ((Entity, Group), history_questions),
    ((Entity, Group), renaming_questions),
    ((Entity, Group, Event, Document, Person), century_questions),
)


class DeckLike(Protocol):
    """What the engine needs of a deck: its name and which questions it selects."""

    name: str

    def selects(self, question: Question) -> bool: ...


def generate_questions(
    facts: Facts, seed: int, decks: Sequence[DeckLike] = ()
) -> tuple[Question, ...]:
    """Every question the facts support, in fact file order, then template order; true/false
    items are balanced in the whole bank and in each of ``decks``."""
    return tuple(checked.question for checked in generate_checked(facts, seed, decks))


def generate_checked(
    facts: Facts, seed: int, decks: Sequence[DeckLike] = ()
) -> tuple[CheckedQuestion, ...]:
    """Like ``generate_questions``, each question with the claims the oracle can check it by."""
    index = FactIndex(facts)
    context = Context(facts, index, Oracle(facts, index), seed)
    # A question on several facts follows the questions of the first of them.
    sets_after: dict[str, list[CheckedQuestion]] = {}
    sets = chain(
        set_questions(context),
        comparison_questions(context),
        category_member_questions(context),
        relation_matching(context),
    )
    for checked in _kept(sets, context):
        sets_after.setdefault(checked.question.fact_ids[0], []).append(checked)
    bank: list[CheckedQuestion] = []
    for fact in facts.all_facts:
        bank += _kept(questions_for(fact, context), context)
        bank += sets_after.pop(fact.id, [])
    balanced = balanced_true_false(bank, balance_keys(decks))
    return tuple(with_claim_id(checked) for checked in _unique(balanced))


def with_claim_id(checked: CheckedQuestion) -> CheckedQuestion:
    question = replace(checked.question, claim_id=claim_id_of(checked))
    return replace(checked, question=question)


def questions_for(fact: Fact, context: Context) -> Iterator[CheckedQuestion | None]:
    for fact_type, template in TEMPLATES:
        if isinstance(fact, fact_type):
            yield from template(fact, context)


def _kept(drafts: Iterable[CheckedQuestion | None], context: Context) -> list[CheckedQuestion]:
    """The drafts that keep every item-writing rule; a true/false item whose true form breaks
    one (a tautology) is kept in its false form alone."""
    kept = []
    for draft in drafts:
        checked = _settled_blanks(draft, context.oracle) if draft is not None else None
        if checked is None:
            continue
        false_form = checked.false_form
        if false_form is not None and broken_rule(false_form, context.index):
            checked = replace(checked, false_form=None)
        if not broken_rule(checked, context.index):
            kept.append(checked)
        elif false_form is not None and checked.false_form is not None:
            kept.append(false_form)
    return kept


def balanced_true_false(
    bank: list[CheckedQuestion], keys_of: KeysOf | None = None
) -> list[CheckedQuestion]:
    """Each true/false item in its true or its false form, so that every deck holds about as
    many false items as true ones (or guessing "True" pays).

    The count is kept for the whole bank and for each deck; an item takes the form that evens
    out its own. Items with one form only (no value the facts prove wrong) count too.
    """
    keys_of = keys_of or balance_keys(())
    prompts = {checked.question.prompt for checked in bank}

    def has_choice(checked: CheckedQuestion) -> bool:
        # A false form that another item already states (a former member's own item) is not new.
        false_form = checked.false_form
        return false_form is not None and false_form.question.prompt not in prompts

    # Each template leans apart too: were every figure's statement false and every link's
    # true, the form of a statement would give its answer away. Its lean weighs as much as all
    # the item's decks together, so that an item takes the same form however many decks hold it.
    def template_key(question: Question) -> str:
        return f"template:{question.template}"

    def tilt_of(question: Question, keys: list[str]) -> int:
        own = sum(lean.get(key, 0) for key in keys)
        return own + len(keys) * lean.get(template_key(question), 0)

    # Items with one form count first, wherever they stand in the bank.
    lean: dict[str, int] = {}
    for checked in bank:
        if checked.question.kind is Kind.TRUE_FALSE and not has_choice(checked):
            step = 1 if checked.question.answer == (TRUE_TEXT,) else -1
            for key in [*keys_of(checked.question), template_key(checked.question)]:
                lean[key] = lean.get(key, 0) + step
    chosen_bank: list[CheckedQuestion] = []
    one_form = []
    other_form: dict[int, CheckedQuestion] = {}
    for checked in bank:
        keys = keys_of(checked.question)
        single = not has_choice(checked)
        chosen = checked
        false_form = checked.false_form
        if false_form is not None and has_choice(checked):
            tilt = tilt_of(checked.question, keys)
            tie_false = int(checked.question.id[-1], 16) % 2 == 0
            if tilt > 0 or (tilt == 0 and tie_false):
                chosen = false_form
                prompts.add(chosen.question.prompt)
            step = 1 if chosen.question.answer == (TRUE_TEXT,) else -1
            for key in [*keys, template_key(checked.question)]:
                lean[key] = lean.get(key, 0) + step
            other_form[len(chosen_bank)] = checked if chosen is false_form else false_form
        one_form.append(checked.question.kind is Kind.TRUE_FALSE and single)
        chosen_bank.append(replace(chosen, false_form=None))
    _even_out(chosen_bank, other_form, prompts, keys_of)
    return _without_surplus_truths(chosen_bank, one_form, keys_of)


# A deck whose true/false items are more than this share True rewards guessing "True"; less
# than 1 - MOST_TRUE, guessing "False".
MOST_TRUE = 0.6


def _even_out(
    bank: list[CheckedQuestion],
    other_form: dict[int, CheckedQuestion],
    prompts: set[str],
    keys_of: KeysOf,
) -> None:
    """Swaps items to their other form while a deck still leans outside the band, taking only
    a swap that leaves each of the item's other decks inside it (or no further outside)."""
    counts: dict[str, list[int]] = {}
    for checked in bank:
        if checked.question.kind is Kind.TRUE_FALSE:
            truth = int(checked.question.answer == (TRUE_TEXT,))
            for key in keys_of(checked.question):
                counts.setdefault(key, [0, 0])[truth] += 1

    def outside(key: str, true_count: int) -> float:
        share = true_count / sum(counts[key])
        return max(share - MOST_TRUE, 1 - MOST_TRUE - share, 0.0)

    hopeless: set[str] = set()
    for _ in range(len(other_form) + 1):
        lopsided = [k for k in sorted(counts) if outside(k, counts[k][1]) and k not in hopeless]
        if not lopsided:
            return
        worst = max(lopsided, key=lambda k: outside(k, counts[k][1]))
        too_true = counts[worst][1] / sum(counts[worst]) > MOST_TRUE
        for position in sorted(other_form):
            current, other = bank[position], other_form[position]
            keys = keys_of(current.question)
            if worst not in keys or (current.question.answer == (TRUE_TEXT,)) != too_true:
                continue
            if too_true and other.question.prompt in prompts:
                continue  # that false statement is already made by another item
            step = -1 if too_true else 1
            if any(outside(k, counts[k][1] + step) > outside(k, counts[k][1]) for k in keys):
                continue
            prompts.discard(current.question.prompt)
            prompts.add(other.question.prompt)
            bank[position] = replace(other, false_form=None)
            other_form[position] = current
            for key in keys:
                counts[key][1] += step
                counts[key][0] -= step
            break
        else:
            hopeless.add(worst)


def _without_surplus_truths(
    bank: list[CheckedQuestion], one_form: list[bool], keys_of: KeysOf
) -> list[CheckedQuestion]:
    """Drops true statements that have no false twin while one of their decks still holds
    more true than false ones ("As of 2024, Belgium was a member", for every member of a list the
    author has not declared complete): the last ones first, and never so many that a deck
    tips the other way."""
    counts: dict[str, list[int]] = {}
    for checked in bank:
        if checked.question.kind is Kind.TRUE_FALSE:
            truth = int(checked.question.answer == (TRUE_TEXT,))
            for key in keys_of(checked.question):
                counts.setdefault(key, [0, 0])[truth] += 1
    candidates = [
        position
        for position, checked in enumerate(bank)
        if one_form[position] and checked.question.answer == (TRUE_TEXT,)
    ]
    # Large families of alike statements (every member of one group) give way first.
    families = Counter(_family(bank[p].question) for p in candidates)
    candidates.sort(key=lambda p: (-families[_family(bank[p].question)], -p))
    dropped: set[int] = set()
    for position in candidates:
        question = bank[position].question
        keys = keys_of(question)
        lopsided = any(counts[k][1] > MOST_TRUE * sum(counts[k]) for k in keys)
        tips = any(counts[k][1] - 1 < (1 - MOST_TRUE) * (sum(counts[k]) - 1) for k in keys)
        if lopsided and not tips:
            dropped.add(position)
            for key in keys:
                counts[key][1] -= 1
    return [checked for position, checked in enumerate(bank) if position not in dropped]


def _family(question: Question) -> tuple[str, str]:
    return question.template, question.fact_ids[0]


KeysOf = Callable[[Question], list[str]]


def balance_keys(decks: Sequence[DeckLike]) -> KeysOf:
    """Where a true/false item counts: the whole bank and each deck that selects it (a bank
    built without decks is one deck)."""

    def keys_of(question: Question) -> list[str]:
        keys = [""] + [f"deck:{deck.name}" for deck in decks if deck.selects(question)]
        return _apart_if_background(question, keys)

    return keys_of


def _apart_if_background(question: Question, keys: list[str]) -> list[str]:
    # Background items go into few decks: they are balanced among themselves.
    return sorted(f"background:{key}" if question.background else key for key in keys)


def _settled_blanks(checked: CheckedQuestion, oracle: Oracle) -> CheckedQuestion | None:
    """A cloze whose every blank the facts settle: an accepted spelling they do not settle is
    left out, and a cloze whose answer they do not is dropped. Two provisions of one document
    may share a label ("Article 1" twice, or "Article 1" and "Annex 1" both typed as "1")."""
    question = checked.question
    if question.kind is not Kind.CLOZE:
        return checked
    blanks = []
    for claim, blank in zip(checked.claims, question.blanks, strict=True):
        if not oracle.is_true(claim, blank.answer):
            return None
        settled_accept = tuple(a for a in blank.accept if oracle.is_true(claim, a))
        blanks.append(replace(blank, accept=settled_accept))
    settled = {a for blank in blanks for a in blank.accept}
    accept = tuple(a for a in question.accept if a in settled)
    return replace(checked, question=replace(question, blanks=tuple(blanks), accept=accept))


def _unique(bank: list[CheckedQuestion]) -> tuple[CheckedQuestion, ...]:
    """The bank without repeats: a question asked twice about one fact (two true/false questions
    that swapped in the same wrong name) is kept once, the first time."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for checked in bank:
        question = checked.question
        options = tuple(sorted(question.choices))
        keys = {
            (question.id,),
            (question.fact_ids[0], question.kind.value, question.prompt, *options),
        }
        if not keys & seen:
            seen |= keys
            kept.append(checked)
    return tuple(kept)
