"""The truth oracle: it settles claims from the facts alone, and every option in every bank agrees
with it (right options proven right, wrong options proven wrong, never merely unknown)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bank_checks import oracle_disagreements
from conftest import ENGINE_FACTS, EXAMPLE_FACTS
from quizgen.facts.loader import load_facts
from quizgen.facts.model import PartialDate
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.engine import generate_checked
from quizgen.questions.model import Kind, Question, SourceNote
from quizgen.questions.oracle import Oracle, Verdict


@pytest.fixture(scope="module")
def oracle() -> Oracle:
    return Oracle(load_facts(ENGINE_FACTS))


OCTOBER_2020 = PartialDate(2020, 10)


def member_on(when: PartialDate, group: str = "csto", status: str = "member") -> Claim:
    return Claim(Relation.MEMBER_ON, group, detail=status, when=when)


def test_a_state_that_left_is_no_member_after_it_left(oracle: Oracle) -> None:
    assert oracle.verdict(member_on(OCTOBER_2020), "Armenia") is Verdict.TRUE
    assert oracle.verdict(member_on(OCTOBER_2020), "Uzbekistan") is Verdict.FALSE
    assert oracle.verdict(member_on(PartialDate(2010)), "Uzbekistan") is Verdict.TRUE


SUSPENSION_FACTS = """\
format: quizgen-facts/1
topic: {title: Regional security, as_of: 2020-10}
sources: [{id: records, title: Treaty records}]
entities:
  - {id: armenia, name: Armenia, type: state, source: {ref: records, quote: Armenia}}
  - {id: georgia, name: Georgia, type: state, source: {ref: records, quote: Georgia}}
  - {id: uzbekistan, name: Uzbekistan, type: state, source: {ref: records, quote: Uzbekistan}}
  - {id: belarus, name: Belarus, type: state, source: {ref: records, quote: Belarus}}
  - {id: kazakhstan, name: Kazakhstan, type: state, source: {ref: records, quote: Kazakhstan}}
  - {id: moldova, name: Moldova, type: state, source: {ref: records, quote: Moldova}}
  - {id: ukraine, name: Ukraine, type: state, source: {ref: records, quote: Ukraine}}
groups:
  - id: pact
    name: Regional Security Pact
    founded: 2002
    source: {ref: records, quote: Pact}
    complete: [member]
    members:
      - {entity: armenia, since: 2002}
      - {entity: georgia, since: 2002, until: 2008}
      - {entity: uzbekistan, since: 2006, until: 2012, suspended: true}
      - {entity: belarus, since: 2002}
      - {entity: kazakhstan, since: 2002}
      - {entity: ukraine, since: 2002, until: 2009}
      - {entity: moldova, since: 2002, until: 2004, suspended: true}
      - {entity: moldova, since: 2007, until: 2010}
"""


def test_a_suspended_member_is_neither_a_member_nor_none_after_the_suspension(
    tmp_path: Path,
) -> None:
    """A member whose membership was suspended never left: a teacher cannot mark "not a member in
    2020" right or wrong, so it is neither a key nor a wrong option then. One that left is."""
    facts = tmp_path / "facts.yaml"
    facts.write_text(SUSPENSION_FACTS, encoding="utf-8")
    oracle = Oracle(load_facts(facts))
    in_2020 = member_on(OCTOBER_2020, "pact")
    assert oracle.verdict(in_2020, "Uzbekistan") is Verdict.UNKNOWN
    assert oracle.verdict(in_2020, "Georgia") is Verdict.FALSE
    assert oracle.verdict(member_on(PartialDate(2010), "pact"), "Uzbekistan") is Verdict.TRUE
    assert oracle.verdict(member_on(PartialDate(2004), "pact"), "Uzbekistan") is Verdict.FALSE
    # One that was suspended, came back and then left is no member.
    assert oracle.verdict(in_2020, "Moldova") is Verdict.FALSE
    offered = [
        checked.question.choices
        for seed in range(6)
        for checked in generate_checked(load_facts(facts), seed=seed)
        if "2020" in checked.question.prompt and len(checked.question.choices) > 2
    ]
    assert offered
    assert not [choices for choices in offered if "Uzbekistan" in choices]


def test_a_year_known_only_to_the_year_is_not_settled_inside_that_year(oracle: Oracle) -> None:
    # Uzbekistan joined in August 2006: a member "in 2006" is neither surely true nor false.
    assert oracle.verdict(member_on(PartialDate(2006)), "Uzbekistan") is Verdict.UNKNOWN
    assert oracle.verdict(member_on(PartialDate(2005)), "Uzbekistan") is Verdict.FALSE


def test_an_unlisted_state_is_no_member_but_a_later_date_is_not_the_facts_to_settle(
    oracle: Oracle,
) -> None:
    assert oracle.verdict(member_on(OCTOBER_2020), "Serbia") is Verdict.FALSE
    assert oracle.verdict(member_on(PartialDate(2024)), "Armenia") is Verdict.UNKNOWN


def test_an_observer_is_not_a_member_and_a_text_naming_nothing_is_unknown(oracle: Oracle) -> None:
    observer = member_on(OCTOBER_2020, "csto-pa", "observer")
    assert oracle.verdict(observer, "Serbia") is Verdict.TRUE
    # The assembly's list of members is not declared complete: an observer is not surely no member.
    assert oracle.verdict(member_on(OCTOBER_2020, "csto-pa"), "Serbia") is Verdict.UNKNOWN
    assert oracle.verdict(observer, "Atlantis") is Verdict.UNKNOWN


def test_names_are_matched_ignoring_case_spacing_accents_and_aliases(oracle: Oracle) -> None:
    claim = Claim(Relation.SIGNED_AT, "csto-charter")
    for spelling in ("Chisinau", "  chisinau ", "Chișinău"):
        assert oracle.is_true(claim, spelling)
    assert oracle.is_true(member_on(OCTOBER_2020), "Russian Federation")


def test_a_participant_with_two_roles_is_right_for_both(oracle: Oracle) -> None:
    withdrew = Claim(Relation.PARTICIPANT_AS, "kavkaz-2020", detail="withdrew")
    observers = Claim(Relation.PARTICIPANT_AS, "kavkaz-2020", detail="sent observers")
    assert oracle.is_true(withdrew, "Azerbaijan")
    assert oracle.is_true(observers, "Azerbaijan")
    # The list of states that withdrew is declared complete: any other state did not.
    assert oracle.verdict(withdrew, "Russia") is Verdict.FALSE
    assert oracle.verdict(withdrew, "Georgia") is Verdict.FALSE


def test_roles_overlap_so_a_role_list_not_declared_complete_settles_no_wrong_option(
    oracle: Oracle,
) -> None:
    troops = Claim(Relation.PARTICIPANT_AS, "kavkaz-2020", detail="sent troops")
    observers = Claim(Relation.PARTICIPANT_AS, "kavkaz-2020", detail="sent observers")
    assert oracle.is_true(troops, "Armenia")
    # The host may well have sent troops, and a state that withdrew may still have observed.
    assert oracle.verdict(troops, "Russia") is Verdict.UNKNOWN
    assert oracle.verdict(observers, "India") is Verdict.UNKNOWN
    assert oracle.verdict(troops, "Georgia") is Verdict.UNKNOWN


def test_a_member_list_not_declared_complete_leaves_unlisted_states_unsettled(
    oracle: Oracle,
) -> None:
    parties = member_on(OCTOBER_2020, "cst-parties", "party")
    assert oracle.is_true(parties, "Russia")
    assert oracle.verdict(parties, "Uzbekistan") is Verdict.FALSE  # its own entry ended in 1999
    assert oracle.verdict(parties, "Belarus") is Verdict.UNKNOWN
    # A member may also observe: no observer list is complete, so a member is no wrong observer.
    assert oracle.verdict(member_on(OCTOBER_2020, "csto", "observer"), "Armenia") is (
        Verdict.UNKNOWN
    )


def test_a_place_of_another_type_may_contain_the_place_and_is_not_settled(oracle: Oracle) -> None:
    claim = Claim(Relation.HAPPENED_AT, "armenian-appeal")
    assert oracle.is_true(claim, "Yerevan")
    assert oracle.verdict(claim, "Moscow") is Verdict.FALSE
    assert oracle.verdict(claim, "Armenia") is Verdict.UNKNOWN


def test_role_holders_on_a_date(oracle: Oracle) -> None:
    claim = Claim(Relation.ROLE_HOLDER, "csto", detail="Secretary General", when=PartialDate(2015))
    assert oracle.is_true(claim, "Nikolai Bordyuzha")
    assert oracle.verdict(claim, "Stanislav Zas") is Verdict.FALSE
    title = Claim(Relation.ROLE_TITLE, "stanislav-zas", other="csto", when=OCTOBER_2020)
    assert oracle.is_true(title, "secretary general")


def test_years_and_a_true_false_proposition(oracle: Oracle) -> None:
    signed = Claim(Relation.SIGNED_IN, "collective-security-treaty")
    assert oracle.is_true(signed, "1992")
    assert oracle.verdict(signed, "1993") is Verdict.FALSE
    wrong_year = Claim(Relation.SIGNED_IN, "collective-security-treaty", asserted="1993")
    assert oracle.is_true(wrong_year, "False")
    assert not oracle.is_true(wrong_year, "True")


def test_a_provision_label_may_be_typed_as_its_number(oracle: Oracle) -> None:
    text = "Aggression against one member state is considered aggression against all."
    claim = Claim(Relation.PROVISION_LABEL, "collective-security-treaty", other=text)
    assert oracle.is_true(claim, "Article 4")
    assert oracle.is_true(claim, "4")
    assert oracle.verdict(claim, "Article 2") is Verdict.FALSE


def test_dates_that_overlap_have_no_order(oracle: Oracle) -> None:
    claim = Claim(Relation.PRECEDES, "tavush-clashes")
    assert oracle.is_true(claim, "Kavkaz-2020")
    # The clashes lasted 12-16 July; the appeal on 13 July falls inside them.
    assert oracle.verdict(claim, "Armenia's request for a CSTO Permanent Council session") is (
        Verdict.UNKNOWN
    )


@pytest.mark.parametrize("path", EXAMPLE_FACTS)
def test_every_option_of_every_question_agrees_with_the_oracle(path: Path) -> None:
    facts = load_facts(path)
    oracle = Oracle(facts)
    problems: list[str] = []
    for checked in generate_checked(facts, seed=11):
        problems += oracle_disagreements(oracle, checked)
    assert problems == []


def test_the_bank_check_catches_a_host_offered_as_a_state_that_sent_no_troops(
    oracle: Oracle,
) -> None:
    """A hand-made bad question: the host as a wrong option, though it may have sent troops."""
    bad = Question(
        id="q-000000000000",
        kind=Kind.SINGLE,
        prompt="In Kavkaz-2020, which one of these states sent troops?",
        answer=("Armenia",),
        explanation="In Kavkaz-2020, Armenia sent troops.",
        source=SourceNote(title="t"),
        fact_ids=("kavkaz-2020",),
        template="participant-choice",
        choices=("Armenia", "Russia", "India"),
    )
    claim = Claim(Relation.PARTICIPANT_AS, "kavkaz-2020", detail="sent troops")
    problems = oracle_disagreements(oracle, CheckedQuestion(bad, (claim,)))
    assert problems == [
        f"participant-choice: {bad.prompt!r} option 'Russia' is Verdict.UNKNOWN",
        f"participant-choice: {bad.prompt!r} option 'India' is Verdict.UNKNOWN",
    ]
