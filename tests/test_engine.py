"""The question engine over real facts files: every kind, fair options, explanations that name the
answer, at least two kinds per fact where the fact allows it, ids that do not move."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

import pytest

from bank_checks import unfair
from conftest import BUNDLED_FACTS, ENGINE_FACTS, EXAMPLE_FACTS, HOSTILE_FACTS
from quizgen.facts.loader import load_facts
from quizgen.facts.model import Entity, Event, Facts, Group, Membership, Statement, Term
from quizgen.questions.answers import is_typable
from quizgen.questions.engine import generate_checked, generate_questions
from quizgen.questions.index import text_key
from quizgen.questions.item_rules import answer_in_stem
from quizgen.questions.model import Kind, Question
from quizgen.questions.templates.statements import is_recallable


@pytest.mark.parametrize("path", EXAMPLE_FACTS)
def test_every_question_is_fairly_shaped(path: Path) -> None:
    bank = generate_questions(load_facts(path), seed=3)
    assert bank, "no questions at all"
    problems = [f"{q.template}: {q.prompt!r}: {unfair(q)}" for q in bank if unfair(q)]
    assert problems == []
    assert len({q.id for q in bank}) == len(bank), "two questions share an id"


@pytest.mark.parametrize("path", EXAMPLE_FACTS)
def test_explanations_name_the_answer_and_sources_are_cited(path: Path) -> None:
    for question in generate_questions(load_facts(path), seed=3):
        if question.kind in (Kind.SINGLE, Kind.YEAR, Kind.SHORT, Kind.TRUE_FALSE):
            assert text_key(question.answer[0]) in text_key(question.explanation), question.prompt
        assert question.source.title or question.source.reference or question.source.quote


@pytest.mark.parametrize("path", [EXAMPLE_FACTS[0], EXAMPLE_FACTS[1]])
def test_every_kind_of_question_is_in_the_bank(path: Path) -> None:
    kinds = {q.kind for q in generate_questions(load_facts(path), seed=3)}
    assert kinds == set(Kind)


def joined_later(group: Group, membership: Membership) -> bool:
    firsts = [m.span.since.year for m in group.members if m.span.since is not None]
    start = group.founded.year if group.founded else min(firsts, default=None)
    since = membership.span.since
    return since is not None and (start is None or since.year > start)


def facts_that_allow_two_kinds(facts: Facts) -> list[str]:
    """Facts with enough in them for two kinds of question: every fact but an entity, and the
    entities other facts use as members, participants in a role whose list is complete (only such a
    list settles wrong options) or nationalities."""
    # A founding member's year is the group's founding year, asked once about the group.
    used = {m.entity_id for g in facts.groups for m in g.members if joined_later(g, m)}
    used |= {p.entity_id for e in facts.events for p in e.participants if e.lists_all(p.role)}
    used |= {p.nationality_id for p in facts.people}
    allowed = []
    for fact in facts.all_facts:
        # An abbreviation is asked only typed (among definitions its letters give it away), and
        # a term only beside terms of its own category.
        if isinstance(fact, Term):
            continue
        if isinstance(fact, Entity) and fact.id not in used:
            continue
        # A true/false copy of a statement would repeat its cloze: only a wrong value makes one.
        if isinstance(fact, Statement) and not any(b.wrong for b in fact.blanks):
            continue
        # Nor is a cloze asked of a blank of common words ("postponed"): a statement with none
        # other is asked true or false only.
        if isinstance(fact, Statement) and not any(is_recallable(b) for b in fact.blanks):
            continue
        # An event named by a label too long to type is not asked by its description (the
        # options would be events of other kinds): its parts and statements ask it. Background
        # is asked only where a deck wants it.
        if isinstance(fact, Event) and not is_typable(fact.name, fact.aliases) or fact.background:
            continue
        # An event that recurred asks no year, and one whose parties are its two sides (a border
        # clash) asks none about them: the statements on it ask it.
        if (
            isinstance(fact, Event)
            and fact.recurring
            and len({p.role for p in fact.participants}) < 2
        ):
            continue
        allowed.append(fact.id)
    return allowed


@pytest.mark.parametrize("path", [EXAMPLE_FACTS[0], EXAMPLE_FACTS[1]])
def test_each_fact_gets_at_least_two_kinds_of_question(path: Path) -> None:
    facts = load_facts(path)
    kinds: dict[str, set[Kind]] = defaultdict(set)
    for question in generate_questions(facts, seed=3):
        for fact_id in question.fact_ids:
            kinds[fact_id].add(question.kind)
    short = {f: sorted(k.value for k in kinds[f]) for f in facts_that_allow_two_kinds(facts)}
    assert {f: k for f, k in short.items() if len(k) < 2} == {}


def test_time_dependent_and_attributed_questions_say_so() -> None:
    bank = generate_questions(load_facts(ENGINE_FACTS), seed=3)
    members = [q for q in bank if q.template == "group-members" and "CSTO?" in q.prompt]
    assert members and members[0].prompt.startswith("As of October 2020, which of these states")
    attributed = [q for q in bank if "arms-suppliers" in q.fact_ids]
    assert attributed and all("According to the article, " in q.prompt for q in attributed)


def test_a_state_that_left_is_never_a_wrong_option_for_the_years_it_was_in() -> None:
    bank = generate_checked(load_facts(ENGINE_FACTS), seed=5)
    for checked in bank:
        question = checked.question
        when = checked.claim.when
        if (
            question.template.startswith("group-members")
            and when
            and when.year in range(2007, 2012)
        ):
            assert "Uzbekistan" not in set(question.choices) - set(question.answer)


def test_the_same_seed_gives_the_same_bank_and_another_seed_the_same_ids() -> None:
    facts = load_facts(ENGINE_FACTS)
    first, again, other = (generate_questions(facts, seed) for seed in (1, 1, 2))
    assert first == again
    assert [q.id for q in first] == [q.id for q in other]
    assert [q.choices for q in first] != [q.choices for q in other]


def edited_copy(tmp_path: Path, old: str, new: str) -> Facts:
    text = ENGINE_FACTS.read_text(encoding="utf-8")
    assert text.count(old) == 1
    copy = tmp_path / "facts.yaml"
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return load_facts(copy)


def test_editing_one_date_changes_only_the_questions_on_that_fact(tmp_path: Path) -> None:
    before = generate_questions(load_facts(ENGINE_FACTS), seed=9)
    after = generate_questions(edited_copy(tmp_path, "signed: 2009-06-14", "signed: 2010-06-14"), 9)
    assert [q.id for q in before] == [q.id for q in after]

    # An explanation may tell of the fact to say why an option is wrong ("Moscow is where the
    # agreement was signed on 14 June 2009"): there it changes with the date, and nowhere else.
    def redated(question: Question) -> Question:
        explanation = question.explanation.replace("14 June 2009", "14 June 2010")
        return dataclasses.replace(question, explanation=explanation)

    changed = {a.id for a, b in zip(before, after, strict=True) if redated(a) != b}
    touching = {q.id for q in before if "crrf-agreement" in q.fact_ids}
    assert changed and changed <= touching


def test_renaming_one_entity_changes_other_questions_only_where_they_name_it(
    tmp_path: Path,
) -> None:
    before = generate_questions(load_facts(ENGINE_FACTS), seed=9)
    after = generate_questions(edited_copy(tmp_path, "name: Kazakhstan,", "name: Qazaqstan,"), 9)
    assert [q.id for q in before] == [q.id for q in after]

    def renamed(question: Question) -> Question:
        texts = (question.prompt, question.explanation, *question.choices, *question.answer)
        return dataclasses.replace(
            question,
            prompt=texts[0].replace("Kazakhstan", "Qazaqstan"),
            explanation=texts[1].replace("Kazakhstan", "Qazaqstan"),
            choices=tuple(c.replace("Kazakhstan", "Qazaqstan") for c in question.choices),
            answer=tuple(a.replace("Kazakhstan", "Qazaqstan") for a in question.answer),
            distractor_reasons=tuple(
                (option.replace("Kazakhstan", "Qazaqstan"), reason)
                for option, reason in question.distractor_reasons
            ),
        )

    for old, new in zip(before, after, strict=True):
        if "kazakhstan" not in old.fact_ids:
            # Another fact's question may show the name as an option, and nothing else changes.
            assert old.prompt == new.prompt
            assert renamed(old) == new, old.prompt


def test_hostile_text_passes_through_as_plain_text() -> None:
    bank = generate_questions(load_facts(HOSTILE_FACTS), seed=3)
    everything = " ".join(" ".join((q.prompt, *q.choices, *q.answer)) for q in bank)
    for literal in ("<script>window.__pwned = 1</script>Scriptland", "Trinidad & Tobago", "Ελλάδα"):
        assert literal in everything
    assert "&amp;amp;" not in everything and "&lt;" not in everything


def test_a_large_facts_file_is_generated_without_scanning_every_fact_per_question(
    tmp_path: Path,
) -> None:
    """Thousands of states in one group still give a full, fair bank (a smoke test of scale;
    the benchmark measures the time)."""
    states = "\n".join(
        f"  - {{id: s{n}, name: State {n}, type: state, source: {{reference: r}}}}"
        for n in range(3000)
    )
    members = "\n".join(
        f"      - {{entity: s{n}, since: {1990 + n % 30}}}" for n in range(0, 3000, 2)
    )
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\ntopic: {title: Many, as_of: 2020-10}\n"
        f"entities:\n{states}\n"
        "groups:\n  - id: big\n    name: Big Union\n    as_of: 2020-10\n"
        f"    source: {{reference: r}}\n    complete: true\n    members:\n{members}\n",
        encoding="utf-8",
    )
    bank = generate_questions(load_facts(path), seed=1)
    assert len(bank) > 2500  # founding members (1 in 30) get no year of their own
    assert all(not unfair(q) for q in bank)


def test_no_stem_holds_its_own_answer_or_an_accepted_one() -> None:
    """'Name the border region: ... Tavush is ...' accepting 'Tavush' tests nothing."""
    bank = generate_questions(load_facts(BUNDLED_FACTS), 0)
    assert [answer_in_stem(q) for q in bank if answer_in_stem(q)] == []


def test_year_options_skip_the_years_next_to_the_answer() -> None:
    """A signature and its entry into force straddle years: the next year is arguably right."""
    bank = generate_questions(load_facts(BUNDLED_FACTS), 0)
    years = [q for q in bank if q.kind is Kind.YEAR]
    assert years
    for question in years:
        answer = int(question.answer[0])
        assert all(
            abs(int(choice) - answer) >= 2
            for choice in question.choices
            if choice != question.answer[0]
        )
