"""The item-writing rules a teacher checks, held over every example bank, each shown to catch a
hand-made bad question: guessing must not pay, ..."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from bank_checks import guessing_pays, true_twins, unexplained_distractors
from conftest import (
    ASTRONOMY_FACTS,
    BUNDLED_DECKS,
    BUNDLED_FACTS,
    ENGINE_FACTS,
    EU_FACTS,
    EXAMPLE_FACTS,
    LITERATURE_FACTS,
    PLANETS_FACTS,
)
from quizgen.build import BuildRequest, make_bank
from quizgen.facts.loader import load_facts
from quizgen.questions import item_rules
from quizgen.questions.answers import is_typable
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.engine import generate_checked, generate_questions
from quizgen.questions.index import FactIndex
from quizgen.questions.item_rules import (
    answer_in_stem,
    broken_rule,
    clang,
    echo_explanation,
    explanation_opens_with_stem,
    letters_giveaway,
    named_after_its_place,
    named_after_its_year,
    spelled_in_stem,
    tautology,
    typed_giveaway,
)
from quizgen.questions.model import ClozeBlank, Kind, Question, SourceNote
from quizgen.questions.wording import sentences

BANKS = [
    pytest.param(BUNDLED_FACTS, BUNDLED_DECKS, id="bundled"),
    pytest.param(EU_FACTS, EU_FACTS.parent / "decks", id="eu"),
    pytest.param(ENGINE_FACTS, ENGINE_FACTS.parent / "decks", id="engine"),
    pytest.param(PLANETS_FACTS, PLANETS_FACTS.parent / "decks", id="planets"),
]


@cache
def bank_of(path: Path) -> tuple[Question, ...]:
    """The questions a facts file gives with seed 0, made once for the tests that read them."""
    return tuple(checked.question for checked in generate_checked(load_facts(path), seed=0))


def made_by(path: Path, template: str) -> list[Question]:
    return [q for q in bank_of(path) if q.template == template]


def hand_made(kind: Kind, prompt: str, answer: str, **fields: object) -> Question:
    """A question written by hand, to show that a check catches what it is meant to."""
    return Question(
        id="q-000000000000",
        kind=kind,
        prompt=prompt,
        answer=(answer,),
        explanation=fields.pop("explanation", "Because the source says so."),  # type: ignore[arg-type]
        source=SourceNote(title="A source"),
        fact_ids=("fact",),
        template="hand-made",
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(("facts", "decks"), BANKS)
def test_in_every_deck_guessing_true_does_not_pay(facts: Path, decks: Path, tmp_path: Path) -> None:
    bank = make_bank(BuildRequest(facts, decks, tmp_path, ()))
    problems = {deck.name: guessing_pays(deck.questions) for deck in bank.decks}
    assert {name: p for name, p in problems.items() if p} == {}


def test_a_deck_of_true_statements_is_caught() -> None:
    statement = hand_made(
        Kind.TRUE_FALSE, "True or false? Mercury is a planet.", "True", choices=("True", "False")
    )
    falsehood = hand_made(
        Kind.TRUE_FALSE, "True or false? Pluto is a planet.", "False", choices=("True", "False")
    )
    assert guessing_pays([statement] * 7 + [falsehood] * 3) == (
        "7 of 10 true/false items are True (70%)"
    )
    assert guessing_pays([statement] * 5 + [falsehood] * 5) == ""


@pytest.mark.parametrize(("facts", "decks"), BANKS)
def test_no_true_statement_repeats_a_cloze_word_for_word(
    facts: Path, decks: Path, tmp_path: Path
) -> None:
    assert true_twins(make_bank(BuildRequest(facts, decks, tmp_path, ())).questions) == []


def test_a_true_statement_that_repeats_its_cloze_is_caught() -> None:
    cloze = hand_made(
        Kind.CLOZE,
        "Mercury is the planet closest to the ____.",
        "Sun",
        prompt_parts=("Mercury is the planet closest to the ", "."),
        blanks=(ClozeBlank("Sun"),),
    )
    twin = hand_made(
        Kind.TRUE_FALSE,
        "True or false? Mercury is the planet closest to the Sun.",
        "True",
        choices=("True", "False"),
    )
    assert true_twins([cloze, twin]) == [twin.prompt]


@pytest.mark.parametrize(("facts", "decks"), BANKS)
def test_every_typed_answer_is_one_a_learner_can_type(
    facts: Path, decks: Path, tmp_path: Path
) -> None:
    bank = make_bank(BuildRequest(facts, decks, tmp_path, ()))
    # An abbreviation's letters spell out its full name: that name can be typed, however long.
    shorts = {
        f.id: getattr(f, "short", "") or getattr(f, "term", "") for f in load_facts(facts).all_facts
    }
    untypable = [
        f"{q.prompt} -> {q.answer[0]}"
        for q in bank.questions
        if q.kind is Kind.SHORT
        and not is_typable(q.answer[0], q.accept, spelled_by=shorts[q.fact_ids[0]])
    ]
    assert untypable == []


def test_a_descriptive_label_is_not_typable() -> None:
    assert not is_typable("Russian snap command and staff drills before Kavkaz-2020")
    assert is_typable("Charter of the Collective Security Treaty Organization", ["CSTO Charter"])
    assert is_typable("Kavkaz-2020") and is_typable("up to 1,000")


@pytest.mark.parametrize(("facts", "decks"), BANKS)
def test_no_question_in_the_bank_breaks_an_engine_rule(
    facts: Path, decks: Path, tmp_path: Path
) -> None:
    loaded = load_facts(facts)
    index = FactIndex(loaded)
    broken = [
        f"{checked.question.prompt}: {broken_rule(checked, index)}"
        for checked in generate_checked(loaded, seed=5)
        if broken_rule(checked, index)
    ]
    assert broken == []


def test_an_explanation_that_only_restates_its_stem_is_caught() -> None:
    what = "the association of former Soviet republics founded in December 1991"
    stem = f"Name the organisation: {what}."
    echo = f"The Commonwealth of Independent States is {what}."
    source = "Source: Alma-Ata Protocol, 21 December 1991."
    bad = hand_made(
        Kind.SHORT, stem, "Commonwealth of Independent States", explanation=f"{echo} {source}"
    )
    assert echo_explanation(bad).startswith("the explanation adds nothing")
    # A quote's words are the source's, not the explanation's: an echo stays an echo.
    quote = "in tandem with the Commonwealth of Independent States"
    quoted = f"{echo} As Strakes (2020) puts it, “{quote}”."
    assert echo_explanation(replace(bad, explanation=quoted))
    # Its short name, or "also called", says nothing new either.
    also = "The Commonwealth of Independent States is also called CIS."
    assert echo_explanation(replace(bad, explanation=f"{also} {source}"))
    good = "Its founders were Russia, Belarus and Ukraine; eight more republics joined at Alma-Ata."
    assert echo_explanation(replace(bad, explanation=f"{good} {source}")) == ""


def test_a_true_statement_explained_by_itself_is_caught() -> None:
    bad = hand_made(
        Kind.TRUE_FALSE,
        "True or false? The CSTO Charter was signed in Chisinau on 7 October 2002.",
        "True",
        choices=("True", "False"),
        explanation="True. The CSTO Charter was signed in Chisinau on 7 October 2002.",
    )
    assert echo_explanation(bad)
    assert explanation_opens_with_stem(bad)
    good = "True. Its parties were Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan."
    assert echo_explanation(replace(bad, explanation=good)) == ""
    assert explanation_opens_with_stem(replace(bad, explanation=good)) == ""


def test_an_explanation_that_opens_with_its_stem_is_caught() -> None:
    bad = hand_made(
        Kind.SINGLE,
        "In Kavkaz-2020, which one of these states sent forces?",
        "Iran",
        choices=("Iran", "India", "Kazakhstan"),
        explanation="In Kavkaz-2020, Iran sent forces; India withdrew.",
    )
    assert explanation_opens_with_stem(bad) == (
        "the explanation opens with the stem's words 'in kavkaz 2020'"
    )
    good = "Russia, Armenia, Belarus, China and Iran sent forces; India withdrew."
    assert explanation_opens_with_stem(replace(bad, explanation=good)) == ""


def test_a_number_or_a_short_name_is_news_to_an_explanation() -> None:
    """Numbers of one or two digits and two-letter names are what an explanation may add."""
    question = hand_made(
        Kind.SINGLE,
        "Which of these planets has the most known moons?",
        "Saturn",
        choices=("Saturn", "Jupiter", "Mars"),
        explanation="Saturn has 146 known moons.",
    )
    assert echo_explanation(replace(question, explanation="Saturn has the most moons.")) != ""
    assert echo_explanation(replace(question, explanation="Mars has 2 moons.")) == ""
    assert echo_explanation(replace(question, explanation="Io is a moon of Jupiter.")) == ""


@pytest.mark.parametrize("path", EXAMPLE_FACTS)
def test_no_question_in_the_bank_restates_its_stem_as_its_explanation(path: Path) -> None:
    broken = [
        f"{q.template}: {q.prompt} -> {q.explanation}: {rule(q)}"
        for q in (c.question for c in generate_checked(load_facts(path), seed=0))
        for rule in (echo_explanation, explanation_opens_with_stem)
        if rule(q)
    ]
    assert broken == []


# Templates that ask for a name from what the facts say of it (its description, definition,
# abbreviation or sentence): when the facts hold nothing more, the explanation can only restate
# the stem, and the engine drops the question. Every other template always has more to tell.
SAYS_ALL_IT_KNOWS = frozenset(
    [
        "entity-description",
        "entity-abbreviation",
        "group-abbreviation",
        "document-name",
        "term-name",
        "term-true-false",
        "statement-cloze",
        "statement-true-false",
        # An event known only to its century, asked for the century, with nothing else told.
        "event-century",
    ]
)


@pytest.mark.parametrize("path", EXAMPLE_FACTS)
def test_only_a_template_whose_stem_says_all_the_facts_know_relies_on_the_rule(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(item_rules, "echo_explanation", lambda question: "")
    monkeypatch.setattr(item_rules, "explanation_opens_with_stem", lambda question: "")
    drafts = [c.question for c in generate_checked(load_facts(path), seed=0)]
    echoes = {q.template for q in drafts if echo_explanation(q)}
    assert echoes <= SAYS_ALL_IT_KNOWS
    assert [q.prompt for q in drafts if explanation_opens_with_stem(q)] == []


def test_a_stem_that_holds_its_answer_is_caught() -> None:
    bad = hand_made(Kind.YEAR, "In which year did Kavkaz-2020 take place?", "2020")
    assert answer_in_stem(bad) == "the stem holds its answer '2020'"


def test_a_right_option_that_alone_repeats_a_stem_word_is_caught() -> None:
    bad = hand_made(
        Kind.SINGLE,
        "Which treaty was signed in Paris on 18 April 1951?",
        "Treaty of Paris",
        choices=("Treaty of Paris", "Treaty of Rome", "Treaty of Lisbon"),
    )
    assert clang(bad) == "only the right option 'Treaty of Paris' shares ['paris'] with the stem"
    berne = hand_made(
        Kind.SINGLE,
        "Which convention was signed in Bern in 1886?",
        "Berne Convention",
        choices=("Berne Convention", "Universal Copyright Convention", "Rome Convention"),
    )
    assert clang(berne) == "only the right option 'Berne Convention' shares ['berne'] with the stem"
    # "Tragedy" in a title answers "which are tragedies?" as much as the plural itself.
    tragedies = hand_made(
        Kind.MULTIPLE,
        "Which of these works are tragedies?",
        "The Spanish Tragedy",
        choices=("The Spanish Tragedy", "Volpone", "Twelfth Night"),
    )
    assert clang(tragedies) == (
        "only the right option 'The Spanish Tragedy' shares ['tragedy'] with the stem"
    )
    # A word every option has ("treaty") is no cue.
    fair = hand_made(
        Kind.SINGLE,
        "Which treaty was signed in Paris on 18 April 1951?",
        "Treaty establishing the European Coal and Steel Community",
        choices=(
            "Treaty establishing the European Coal and Steel Community",
            "Treaty of Rome",
            "Treaty of Lisbon",
        ),
    )
    assert clang(fair) == ""


def test_a_statement_true_by_its_own_words_is_caught() -> None:
    facts = load_facts(ENGINE_FACTS)
    index = FactIndex(facts)
    bad = hand_made(
        Kind.TRUE_FALSE,
        "True or false? Kavkaz-2020 took place in the Kavkaz-2020 training area.",
        "True",
        choices=("True", "False"),
    )
    claim = Claim(Relation.HAPPENED_AT, "kavkaz-2020", asserted="Kavkaz-2020 training area")
    assert tautology(CheckedQuestion(bad, (claim,)), index) == (
        "true by its own words: ['2020', 'kavkaz'] in the subject and the value"
    )


def test_where_an_event_named_after_its_place_took_place_is_caught() -> None:
    index = FactIndex(load_facts(BUNDLED_FACTS))
    bad = hand_made(
        Kind.TRUE_FALSE,
        "True or false? Russia's annexation of Crimea took place in Eastern Ukraine (Donbas).",
        "False",
        choices=("True", "False"),
    )
    claim = Claim(Relation.HAPPENED_AT, "crimea-annexation", asserted="Eastern Ukraine (Donbas)")
    assert named_after_its_place(CheckedQuestion(bad, (claim,)), index) == (
        "the name \"Russia's annexation of Crimea\" says where: ['crimea']"
    )
    elsewhere = Claim(Relation.HAPPENED_AT, "kavkaz-2020")
    assert named_after_its_place(CheckedQuestion(bad, (elsewhere,)), index) == ""


def test_when_an_event_named_after_its_year_took_place_is_caught() -> None:
    """ "The 2004 enlargement took place in 2002" is false by its name alone, and "the snap
    drills before Kavkaz-2020 took place in 2020" true by it."""
    index = FactIndex(load_facts(BUNDLED_FACTS))
    bad = hand_made(
        Kind.TRUE_FALSE,
        "True or false? Kavkaz-2020 took place in 2018.",
        "False",
        choices=("True", "False"),
    )
    claim = Claim(Relation.HAPPENED_IN, "kavkaz-2020", asserted="2018")
    assert named_after_its_year(CheckedQuestion(bad, (claim,)), index) == (
        "the name 'Kavkaz-2020' says the year 2020"
    )
    unnamed = Claim(Relation.HAPPENED_IN, "crimea-annexation", asserted="2012")
    assert named_after_its_year(CheckedQuestion(bad, (unnamed,)), index) == ""


def test_background_facts_are_asked_only_by_a_deck_that_asks_for_them(tmp_path: Path) -> None:
    bank = make_bank(BuildRequest(BUNDLED_FACTS, BUNDLED_DECKS, tmp_path, ()))
    # Moscow may still be the place of an event a deck asks about, but is not asked about itself.
    subjects = {q.fact_ids[0] for deck in bank.decks for q in deck.questions}
    assert "moscow" not in subjects and "september-11-attacks" not in subjects
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "context.yaml").write_text(
        "name: Context\ntags: [context]\nbackground: true\n", encoding="utf-8"
    )
    (decks / "plain.yaml").write_text("name: Plain\ntags: [context]\n", encoding="utf-8")
    with_background = make_bank(BuildRequest(BUNDLED_FACTS, decks, tmp_path, ()))
    by_name = {deck.name: deck for deck in with_background.decks}
    context_facts = {q.fact_ids[0] for q in by_name["Context"].questions}
    plain_facts = {q.fact_ids[0] for q in by_name["Plain"].questions}
    assert "september-11-attacks" in context_facts
    assert "september-11-attacks" not in plain_facts


def test_a_typed_answer_whose_words_the_stem_gives_is_caught() -> None:
    bad = hand_made(
        Kind.SHORT,
        "Which term means: a unit of length equal to the mean distance between Earth and the Sun?",
        "astronomical unit",
    )
    assert (
        typed_giveaway(bad)
        == "the accepted answer 'astronomical unit' repeats ['unit'] from the stem"
    )
    # One accepted form is cue enough ("signed in Paris" -> "Treaty of Paris"), and so is a plural.
    paris = hand_made(
        Kind.SHORT,
        "Which treaty was signed in Paris on 18 April 1951?",
        "Treaty establishing the European Coal and Steel Community",
        accept=("Treaty of Paris",),
    )
    assert (
        typed_giveaway(paris)
        == "the accepted answer 'Treaty of Paris' repeats ['paris'] from the stem"
    )
    # Another spelling of a stem's word is the same cue ("Bern" and "the Berne Convention").
    berne = hand_made(
        Kind.SHORT,
        "Which convention was signed in Bern on 9 September 1886?",
        "Berne Convention for the Protection of Literary and Artistic Works",
    )
    assert typed_giveaway(berne) == (
        "the accepted answer 'Berne Convention for the Protection of Literary and Artistic Works'"
        " repeats ['berne'] from the stem"
    )
    forces = hand_made(
        Kind.SHORT,
        "Name the military force: the CSTO's joint rapid reaction force.",
        "Collective Rapid Reaction Forces",
    )
    assert "['rapid', 'reaction']" in typed_giveaway(forces)
    # The noun the stem asks for, and a short name it asks to expand, are no cue.
    assert (
        typed_giveaway(hand_made(Kind.SHORT, "Which treaty was signed in Rome?", "EEC Treaty"))
        == ""
    )
    assert (
        typed_giveaway(
            hand_made(
                Kind.SHORT,
                "What is the full name of the UN Security Council?",
                "United Nations Security Council",
            )
        )
        == ""
    )


def test_explanations_start_each_sentence_with_a_capital() -> None:
    assert sentences("Mercury. the planet closest to the Sun") == (
        "Mercury. The planet closest to the Sun."
    )
    # "U.S." and "D.C." are abbreviations, not the end of a sentence.
    assert sentences("the U.S. launch of an operation") == "The U.S. launch of an operation."


@pytest.mark.parametrize(("facts", "decks"), BANKS)
def test_no_explanation_goes_on_in_lower_case_after_a_full_stop(
    facts: Path, decks: Path, tmp_path: Path
) -> None:
    bank = make_bank(BuildRequest(facts, decks, tmp_path, ()))
    lower = [q.explanation for q in bank.questions if re.search(r"[a-z]\. [a-z]", q.explanation)]
    assert lower == []


@pytest.mark.parametrize(("facts", "decks"), BANKS)
def test_every_wrong_option_says_why_it_was_chosen(
    facts: Path, decks: Path, tmp_path: Path
) -> None:
    bank = make_bank(BuildRequest(facts, decks, tmp_path, ()))
    assert [q.prompt for q in bank.questions if unexplained_distractors(q)] == []
    false_items = [q for q in bank.questions if q.answer == ("False",)]
    assert all(q.distractor_reasons for q in false_items if q.template != "membership-true-false")


def test_a_wrong_option_without_a_reason_is_caught() -> None:
    bad = hand_made(
        Kind.SINGLE,
        "Which planet is the largest?",
        "Jupiter",
        choices=("Jupiter", "Saturn", "Mars"),
        distractor_reasons=(("Saturn", "another gas giant"),),
    )
    assert unexplained_distractors(bad) == ["Mars"]


def test_an_event_that_recurred_is_named_with_its_date_and_not_asked_by_year() -> None:
    facts = load_facts(BUNDLED_FACTS)
    bank = [c.question for c in generate_checked(facts, seed=0)]
    renewals = [q for q in bank if "cst-renewal-1999" in q.fact_ids]
    assert renewals
    assert not [q for q in renewals if q.template == "event-year"]
    for question in renewals:
        if question.prompt.startswith("In the renewal of the Collective Security Treaty"):
            assert "Collective Security Treaty in April 1999" in question.prompt


def test_a_figure_a_source_gives_says_whose_it_is(tmp_path: Path) -> None:
    """A number is its source's own: "about 80,000 personnel" is what the article says."""
    text = ENGINE_FACTS.read_text(encoding="utf-8").replace(
        "source: {reference: Russian defence ministry}}",
        "source: {ref: article, reference: Russian defence ministry}}",
    )
    assert "{ref: article, reference: Russian defence ministry}" in text
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    figures = [
        q.question.prompt
        for q in generate_checked(load_facts(facts), seed=0)
        if q.question.template == "event-figure"
    ]
    assert figures and all(p.startswith("According to the article, ") for p in figures)


def test_a_typed_abbreviation_the_stem_spells_out_is_caught() -> None:
    bad = hand_made(
        Kind.SHORT, "Which term means: European Coal and Steel Community, founded in 1951?", "ECSC"
    )
    assert spelled_in_stem(bad) == "the stem spells out 'ECSC'"
    fair = hand_made(Kind.SHORT, "Which term means: the union founded in 1993?", "EU")
    assert spelled_in_stem(fair) == ""


def test_no_membership_year_offers_a_year_before_the_group_began() -> None:
    facts = load_facts(BUNDLED_FACTS)
    starts = {"csto": 2002, "collective-security-treaty-parties": 1992}
    years = [
        q.question
        for q in generate_checked(facts, seed=0)
        if q.question.template == "membership-year" and q.question.fact_ids[0] in starts
    ]
    assert years
    for question in years:
        start = starts[question.fact_ids[0]]
        assert all(int(choice) >= start for choice in question.choices), question.prompt
        assert int(question.answer[0]) > start, "a founding member's year is the founding year"


def test_an_abbreviation_whose_letters_only_the_answer_fits_is_caught() -> None:
    bad = hand_made(
        Kind.SINGLE,
        "What does the abbreviation CRRF stand for?",
        "Collective Rapid Reaction Forces",
        choices=(
            "Collective Rapid Reaction Forces",
            "Line of contact",
            "Shanghai Cooperation Organisation",
        ),
    )
    assert letters_giveaway(bad) == "only the right option fits the letters of 'CRRF'"
    fair = replace(bad, choices=(*bad.choices, "Central Rapid Response Force"))
    assert letters_giveaway(fair) == ""
    # A name in another language's order (BIRPI, from the French) still has the first letter
    # among its words: the only option with a B is the answer.
    birpi = hand_made(
        Kind.SINGLE,
        "What does the abbreviation BIRPI stand for?",
        "United International Bureaux for the Protection of Intellectual Property",
        choices=(
            "United International Bureaux for the Protection of Intellectual Property",
            "World Intellectual Property Organization",
            "International Committee on Intellectual Cooperation",
        ),
    )
    assert letters_giveaway(birpi) == "only the right option fits the letters of 'BIRPI'"


def test_a_definition_stands_only_beside_definitions_of_its_own_category() -> None:
    """A unit of length among kinds of bodies, or an exercise's name among abbreviations, gives
    the answer away: wrong definitions come only from terms of the same category."""
    facts = load_facts(PLANETS_FACTS)
    index = FactIndex(facts)
    category = {t.definition: t.category for t in facts.terms}
    for checked in generate_checked(facts, seed=0):
        question = checked.question
        if not question.template.startswith("term-"):
            continue
        subject = index.by_id[question.fact_ids[0]]
        shown = [c for c in question.choices if c in category]
        shown += [d for d in category if d.rstrip(".") in question.prompt]
        for definition in shown:
            assert category[definition] == getattr(subject, "category", None), question.prompt


def test_an_abbreviation_is_never_matched_with_definitions_among_options() -> None:
    facts = load_facts(BUNDLED_FACTS)
    abbreviations = {t.id for t in facts.terms if t.term.isupper()}
    asked = [
        q.question
        for q in generate_checked(facts, seed=0)
        if set(q.question.fact_ids) & abbreviations
    ]
    assert asked
    assert all(q.kind is Kind.SHORT for q in asked)
    assert {q.template for q in asked} <= {"term-expansion", "term-name"}


@pytest.mark.parametrize(("facts", "decks"), BANKS)
def test_no_office_is_offered_to_a_background_figure(facts: Path, decks: Path) -> None:
    """A source's author is no plausible Chief of the General Staff. A background official of
    the same body is: Azerbaijan's foreign minister, never asked about, is a fair wrong answer
    for Azerbaijan's ambassador in Washington."""
    loaded = load_facts(facts)
    background = {
        p.name: {r.organization_id for r in p.roles} for p in loaded.people if p.background
    }
    ids = {p.id for p in loaded.people if p.background}
    offered = [
        (q.question.prompt, c)
        for q in generate_checked(loaded, seed=0)
        if q.question.template in ("person-role", "person-role-true-false")
        and not ids & set(q.question.fact_ids)
        for c in (*q.question.choices, q.question.prompt)
        if c not in q.question.answer
        and any(
            name in c and not bodies & set(q.question.fact_ids)
            for name, bodies in background.items()
        )
    ]
    assert offered == []


def test_a_typed_number_is_given_away_by_its_own_value_not_by_its_unit_or_rounding_step() -> None:
    rounded = hand_made(
        Kind.SHORT,
        "What is Jupiter's equatorial diameter, to the nearest 1,000 km?",
        "143,000 km",
        accept=("143000",),
    )
    assert typed_giveaway(rounded) == ""
    told = hand_made(
        Kind.SHORT,
        "About 80 000 personnel took part; how many took part?",
        "80,000",
    )
    assert typed_giveaway(told) == "the accepted answer '80,000' repeats ['80000'] from the stem"


def test_a_false_part_is_swapped_in_only_from_a_participant_of_the_same_kind(
    tmp_path: Path,
) -> None:
    """ "Armenia announced that the emergency session was postponed" borrows the CSTO
    Secretariat's part: a state doing an organ's work reads as garbled, not as a claim; and no
    state is named the host of an exercise in the host's place, nor the host said to withdraw."""
    summit = tmp_path / "facts.yaml"
    summit.write_text(
        """\
format: quizgen-facts/1
topic: {title: Harbour league, as_of: 2020}
entities:
  - {id: portavia, name: Portavia, type: state, source: {reference: r}}
  - {id: bellamar, name: Bellamar, type: state, source: {reference: r}}
  - {id: corvino, name: Corvino, type: state, source: {reference: r}}
  - {id: council, name: League Council, type: organ, source: {reference: r}}
  - {id: court, name: League Court, type: organ, source: {reference: r}}
events:
  - id: summit
    name: Spring Summit
    the: true
    date: 2019-05-04
    complete: true
    source: {reference: r}
    participants:
      - {entity: portavia, role: asked for a vote}
      - {entity: bellamar, role: asked for a vote}
      - {entity: corvino, role: voted against}
      - {entity: council, role: announced that the vote was postponed}
      - {entity: court, role: sent a clerk}
""",
        encoding="utf-8",
    )
    made = [c.question.prompt for c in generate_checked(load_facts(summit), seed=0)]
    # The organ's part is swapped only to the other organ, never to a state.
    assert (
        "True or false? In the Spring Summit, the League Court announced that the vote was"
        " postponed." in made
    )
    assert not [p for p in made if re.search(r"(Portavia|Bellamar|Corvino) announced", p)]
    prompts = [c.question.prompt for c in generate_checked(load_facts(BUNDLED_FACTS), seed=0)]
    assert not [
        p
        for p in prompts
        if re.match(r"True or false\? In Kavkaz-2020, (?!Russia)\w+ was the host", p)
    ]
    assert "True or false? In Kavkaz-2020, Russia withdrew." not in prompts


def test_a_false_member_is_kin_of_the_group_not_a_state_met_in_one_distant_body() -> None:
    """China, India and Pakistan share only the SCO with the CSTO's members: "Pakistan was a
    party to the Collective Security Treaty" is false on its face. Azerbaijan and Georgia, once
    parties to the Treaty, are the errors a learner makes."""
    strangers = {"China", "India", "Pakistan"}
    bank = [c.question for c in generate_checked(load_facts(BUNDLED_FACTS), seed=0)]
    membership = [q for q in bank if q.template.startswith(("membership-", "group-members"))]

    assert membership
    for question in membership:
        wrong = set(question.choices) - set(question.answer)
        assert not wrong & strangers, question.prompt
        if question.kind is Kind.TRUE_FALSE and question.answer == ("False",):
            assert not any(f", {s} was" in question.prompt for s in strangers), question.prompt
    kin = ("Azerbaijan", "Georgia", "Uzbekistan")
    assert [
        q
        for q in membership
        if q.kind is Kind.TRUE_FALSE
        and q.answer == ("False",)
        and any(f", {s} was a member of the CSTO" in q.prompt for s in kin)
    ]


ALL_BANKS = [*BANKS, pytest.param(ASTRONOMY_FACTS, None, id="astronomy")]


def alike_in_order(prompt: str, order: tuple[str, ...]) -> list[tuple[str, str]]:
    """Pairs of an ordering's lines whose names share two words: the order shows through."""
    return [
        (one, other)
        for n, one in enumerate(order)
        for other in order[n + 1 :]
        if len(item_rules.content_words(one) & item_rules.content_words(other)) >= 2
    ]


def test_a_hand_made_ordering_whose_names_tell_the_order_is_caught() -> None:
    order = (
        "Collective Security Treaty",
        "Renewal of the Collective Security Treaty",
        "Kavkaz-2020",
    )
    assert alike_in_order("Put these in order.", order)


@pytest.mark.parametrize(("facts", "decks"), ALL_BANKS)
def test_no_ordering_holds_two_names_that_tell_their_order(facts: Path, decks: Path) -> None:
    """ "Renewal of the Collective Security Treaty" comes after "Collective Security Treaty", and
    "Agreement on the Collective Rapid Reaction Forces" after the decision to create them: a
    learner orders such lines by their names alone."""
    bank = [c.question for c in generate_checked(load_facts(facts), seed=0)]
    orderings = [q for q in bank if q.kind is Kind.ORDERING]
    assert orderings
    for question in orderings:
        assert not alike_in_order(question.prompt, question.answer), question.answer


def test_an_abbreviation_the_title_does_not_teach_is_spelt_out_in_stems() -> None:
    """The topic's title names the CSTO, so its stems may say "the CSTO"; nothing has told the
    learner what "EAEU" or "CSTO PA" stand for, so a stem names the Eurasian Economic Union."""
    bank = [c.question for c in generate_checked(load_facts(BUNDLED_FACTS), seed=0)]
    stems = [q.prompt for q in bank if "abbreviation" not in q.prompt]
    assert any("members of the CSTO?" in s for s in stems)
    assert any("members of the Eurasian Economic Union?" in s for s in stems)
    assert not [s for s in stems if re.search(r"\b(EAEU|CSTO PA)\b", s)]


# Two comets' events: one named once and described, one that recurs.
COMETS = (
    "format: quizgen-facts/1\n"
    "topic: {title: Comets}\n"
    "events:\n"
    "  - {id: encke, name: Encke's return, aliases: [return of Encke], date: 1822-06-02,\n"
    "     source: {reference: Britannica},\n"
    "     description: the first predicted reappearance of a comet other than Halley's}\n"
    "  - {id: perihelion, name: Perihelion of Halley's Comet, date: 1986-02-09,"
    " recurring: true,\n"
    "     source: {reference: Britannica}, description: its closest approach to the Sun}\n"
)


def facts_file(folder: Path, text: str) -> Path:
    path = folder / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def bank_of_file(path: Path) -> list[Question]:
    return [c.question for c in generate_checked(load_facts(path), seed=0)]


def test_an_event_is_asked_by_its_description_only_typed_and_undated(tmp_path: Path) -> None:
    """ "Which event was this (13 July 2020): a request ...?" gave the answer away twice: the date
    ruled out events of other dates, and "a request" every event that was no request. A
    description is asked only for a name a learner types, dated only if the event recurred, and
    never for a name that holds its year (Kavkaz-2020 is half given by "2020")."""
    comets = facts_file(tmp_path, COMETS)
    described = []
    for path in (BUNDLED_FACTS, EU_FACTS, ASTRONOMY_FACTS, PLANETS_FACTS, comets):
        facts = load_facts(path)
        events = {e.id: e for e in facts.events}
        for checked in generate_checked(facts, seed=0):
            question = checked.question
            if question.template != "event-name":
                continue
            described.append(question)
            event = events[question.fact_ids[0]]
            assert question.kind is Kind.SHORT, question.prompt
            assert not re.search(r"\b\d{3,4}\b", event.name), question.prompt
            if not event.recurring:
                assert not question.prompt.startswith("Name the event ("), question.prompt
    assert described


def test_no_one_is_offered_among_strangers_for_the_one_part_all_played() -> None:
    """Two states fought at Tavush: "which of these fought?" can offer only states that were
    nowhere near, and the two sides are what the clashes are ("Tavush/Tovuz"). Kavkaz-2020,
    with several parts, is asked who played each."""
    bank = [c.question for c in generate_checked(load_facts(BUNDLED_FACTS), seed=0)]
    tavush = [q for q in bank if "tavush-tovuz-clashes" in q.fact_ids]
    assert not [q for q in tavush if q.template.startswith(("participant", "event-participants"))]
    kavkaz = [q for q in bank if q.template == "event-participants" and "kavkaz-2020" in q.fact_ids]
    assert kavkaz


def test_no_blank_is_what_the_topic_title_names() -> None:
    """ "Armenia sought intervention from its fellow ____ member states" in a topic on the CSTO
    is answered by the title on the test's first line."""
    bank = [c.question for c in generate_checked(load_facts(BUNDLED_FACTS), seed=0)]
    clozes = [q for q in bank if q.kind is Kind.CLOZE]
    assert clozes
    assert not [q.prompt for q in clozes if q.answer == ("CSTO",)]


def test_no_ordering_asks_the_months_of_one_year() -> None:
    """Crimea's annexation in March 2014 before the Eurasian treaty of May 2014 is a month's
    trivia that the article does not even give."""
    facts = load_facts(BUNDLED_FACTS)
    # An option shows a name written in lower case with a capital, as it stands alone.
    years = {
        f.name.casefold(): y
        for f in facts.all_facts
        if (y := getattr(getattr(f, "date", None), "year", None))
    }
    years |= {d.name.casefold(): d.signed.year for d in facts.documents}
    for checked in generate_checked(facts, seed=0):
        if checked.question.kind is Kind.ORDERING:
            told = [years[line.casefold()] for line in checked.question.answer]
            assert len(set(told)) == len(told), checked.question.answer


def test_context_the_topic_does_not_teach_is_no_option_beside_its_documents() -> None:
    """NATO's treaty of 1949, background to the topic, offered as the treaty signed in Astana in
    2014, is ruled out by its date alone."""
    bank = [c.question for c in generate_checked(load_facts(BUNDLED_FACTS), seed=0)]
    named = [
        q
        for q in bank
        if q.template == "document-name" and q.kind is Kind.SINGLE and not q.background
    ]
    assert named
    for question in named:
        assert "North Atlantic Treaty" not in question.choices, question.prompt


def test_an_event_is_typed_under_any_name_the_facts_give(tmp_path: Path) -> None:
    bank = bank_of_file(facts_file(tmp_path, COMETS))
    named = [q for q in bank if q.template == "event-name" and q.answer == ("Encke's return",)]
    assert named and all("return of Encke" in q.accept for q in named)


def test_no_place_is_offered_under_a_name_it_did_not_yet_bear() -> None:
    """Astana was Akmola until 1998: "The 1997 treaty was signed in Astana" is false by a name
    that did not exist, not by a place a learner could weigh."""
    facts = load_facts(BUNDLED_FACTS)
    before = {d.id for d in facts.documents if d.signed.year < 1998}
    before |= {e.id for e in facts.events if e.date.year < 1998}
    for seed in range(6):
        for checked in generate_checked(facts, seed):
            question = checked.question
            if not question.template.endswith(("-place", "-true-false")):
                continue
            if question.fact_ids[0] in before:
                assert "Astana" not in question.prompt, question.prompt
                assert "Astana" not in question.choices, question.prompt


def test_a_post_is_offered_among_posts_in_the_same_body_first() -> None:
    """ "What position did Valery Gerasimov hold?" offers the Russian defence minister's post
    beside his own, not only Azerbaijani posts that a Russian name rules out at a glance."""
    facts = load_facts(BUNDLED_FACTS)
    people = {p.id: p for p in facts.people}
    chosen = [q for q in made_by(BUNDLED_FACTS, "person-title") if q.kind is Kind.SINGLE]
    assert chosen
    for question in chosen:
        person = people[question.fact_ids[0]]
        body = {r.organization_id for r in person.roles if r.title in question.answer}
        same_body = {
            r.title
            for p in facts.people
            for r in p.roles
            if r.organization_id in body and r.title not in question.answer
        }
        if same_body:
            assert same_body & set(question.choices), (question.prompt, question.choices)


def test_a_wrong_post_is_explained_with_when_its_holder_held_it() -> None:
    """ "Minister of Foreign Affairs of Azerbaijan was the post of Elmar Mammadyarov" leaves
    open whether he still held it at the stem's date: the explanation gives his years."""
    facts = load_facts(BUNDLED_FACTS)
    ended = {r.title: r for p in facts.people for r in p.roles if r.span.until is not None}
    chosen = [q for q in made_by(BUNDLED_FACTS, "person-title") if q.kind is Kind.SINGLE]
    offered = [(q, t) for q in chosen for t in q.choices if t in ended and t not in q.answer]
    assert offered
    for question, title in offered:
        told = f"{title} from "
        assert told in question.explanation, (title, question.explanation)


def test_no_member_is_asked_true_or_false_where_every_state_of_the_file_is_a_member() -> None:
    """Every state of the EU file has been a member of the EU: "As of January 2024, France was
    a member of the European Union" has no false twin, and "True" would always be right. The
    bundled file, with states outside the CSTO, still asks its members."""
    eu = [q for q in made_by(EU_FACTS, "membership-true-false") if "European Union" in q.prompt]
    assert eu and all(q.answer == ("False",) for q in eu), [q.prompt for q in eu]
    bundled = [q for q in made_by(BUNDLED_FACTS, "membership-true-false") if q.answer == ("True",)]
    assert bundled


def test_a_persons_state_is_asked_among_the_states_of_the_body_they_served() -> None:
    """A Secretary General of the CSTO comes from one of its states: Serbia or Azerbaijan, never
    in it, would be no likely guess for Stanislav Zas."""
    facts = load_facts(BUNDLED_FACTS)
    csto = next(g for g in facts.groups if g.id == "csto")
    names = {e.id: e.name for e in facts.entities}
    in_csto = {names[m.entity_id] for m in csto.members}
    asked = [
        q for q in made_by(BUNDLED_FACTS, "person-nationality") if "stanislav-zas" in q.fact_ids
    ]
    assert asked
    for question in asked:
        assert set(question.choices) <= in_csto, question.choices
    # Members while he served (2020-2022): Uzbekistan had left in 2012.
    then = {names[m.entity_id] for m in csto.members if m.span.until is None}
    for seed in range(12):
        bank = generate_questions(facts, seed=seed)
        for question in (q for q in bank if q.template == "person-nationality"):
            if "stanislav-zas" in question.fact_ids:
                assert set(question.choices) <= then, (seed, question.choices)


def test_no_year_is_offered_for_a_succession_before_either_body_existed() -> None:
    """UNESCO, founded in 1945, took the place of the League's committee in 1946: 1940, 1942
    and 1944 were no years it could have done so."""
    facts = load_facts(LITERATURE_FACTS)
    founded = {g.id: g.founded.year for g in facts.groups if g.founded is not None}
    asked = made_by(LITERATURE_FACTS, "succession-year")
    assert any("unesco" in q.fact_ids for q in asked)
    for question in asked:
        floor = max((founded[i] for i in question.fact_ids if i in founded), default=0)
        assert all(int(c) >= floor for c in question.choices), (question.prompt, question.choices)


def test_a_participant_is_asked_among_its_neighbours_first(tmp_path: Path) -> None:
    """ "Which one of these ports was the host?" with far-off Gresk and Farhold among the options
    is no question: a port the host shares its leagues with could have hosted."""
    ports = ["dunmere", "calder", "westby", "gresk", "farhold", "orwin"]
    entities = "".join(
        f"  - {{id: {p}, name: {p.title()}, type: port,"
        f" source: {{ref: log, quote: {p.title()}}}}}\n"
        for p in ports
    )
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Regattas, as_of: 2020}\n"
        "sources: [{id: log, title: The Harbour Log}]\n"
        f"entities:\n{entities}"
        "groups:\n"
        "  - {id: north, name: North League, source: {ref: log, quote: North League}, members:"
        " [{entity: dunmere}, {entity: calder}, {entity: westby}, {entity: orwin}]}\n"
        "  - {id: coast, name: Coast League, source: {ref: log, quote: Coast League}, members:"
        " [{entity: dunmere}, {entity: calder}, {entity: westby}, {entity: orwin},"
        " {entity: gresk}]}\n"
        "  - {id: far, name: Far League, source: {ref: log, quote: Far League}, members:"
        " [{entity: dunmere}, {entity: farhold}]}\n"
        "events:\n"
        "  - id: regatta\n    name: Spring Regatta\n    date: 2019-05-04\n    complete: true\n"
        "    source: {ref: log, quote: the Spring Regatta}\n    participants:\n"
        "      - {entity: dunmere, role: host}\n"
        + "".join(
            f"      - {{entity: {p}, role: sent boats}}\n"
            for p in ["dunmere", "calder", "westby", "orwin", "gresk", "farhold"]
        ),
        encoding="utf-8",
    )
    hosts = [
        checked.question
        for seed in range(8)
        for checked in generate_checked(load_facts(facts), seed=seed)
        if checked.question.template == "participant-choice" and "host" in checked.question.prompt
    ]
    assert hosts
    for question in hosts:
        wrong = set(question.choices) - set(question.answer)
        assert wrong <= {"Calder", "Westby", "Orwin"}, question.choices


def test_no_place_is_asked_that_the_name_says_in_another_spelling() -> None:
    """ "The Berne Convention ... was signed in Bern. True or false?" is answered by the name,
    as "Which treaty was signed in Paris? The Treaty of Paris" is."""
    prompts = [q.prompt for q in bank_of(LITERATURE_FACTS)]
    berne = [p for p in prompts if "Berne Convention" in p]
    assert berne, "the Berne Convention is still asked about"
    assert not [p for p in berne if "signed in Bern" in p or p.startswith("Where was")]


def test_a_signed_document_is_asked_among_documents_that_were_signed() -> None:
    """ "Which treaty was signed in Moscow on 29 August 1997?" offered the Decision to create
    the CRRF, which was adopted, not signed: no option a learner can rule out by its kind."""
    facts = load_facts(BUNDLED_FACTS)
    verbs = {d.name.casefold(): d.verb for d in facts.documents}
    asked = [q for q in made_by(BUNDLED_FACTS, "document-name") if q.kind is Kind.SINGLE]
    assert asked
    for question in asked:
        verb = verbs[question.answer[0].casefold()]
        assert all(verbs[c.casefold()] == verb for c in question.choices), question.choices


def test_a_post_is_never_offered_among_posts_in_bodies_of_another_kind() -> None:
    """ "What position did Stanislav Zas hold?" offered the CSTO's Secretary General among an
    ambassador's and ministers' posts of states: the one post in an organisation stood out."""
    facts = load_facts(BUNDLED_FACTS)
    groups = {g.id for g in facts.groups}
    body_of = {r.title: r.organization_id for p in facts.people for r in p.roles}
    asked = [q for q in made_by(BUNDLED_FACTS, "person-title") if q.kind is Kind.SINGLE]
    assert asked
    for question in asked:
        kinds = {body_of[c] in groups for c in question.choices}
        assert len(kinds) == 1, question.choices


def test_a_narrower_category_is_asked_among_the_members_of_the_wider_one() -> None:
    """ "Which of these works are tragedies?" offered Moby-Dick as no tragedy, which a reader
    of Ahab could defend: every tragedy of the file is a play, so the wrong options are plays."""
    facts = load_facts(LITERATURE_FACTS)
    plays = {
        e.name
        for e in facts.entities
        if any(getattr(m, "category_id", m) == "play" for m in e.categories)
    }
    asked = [q for q in made_by(LITERATURE_FACTS, "category-members") if "tragedies" in q.prompt]
    assert asked and plays
    for question in asked:
        assert set(question.choices) <= plays, question.choices


def test_a_former_member_of_the_wider_category_is_no_wrong_option() -> None:
    """ "Which of these planets are gas giants?" offered Pluto, a planet only until 2006."""
    asked = [q for q in made_by(ASTRONOMY_FACTS, "category-members") if "planets are" in q.prompt]
    assert asked
    assert not [q.choices for q in asked if "Pluto" in q.choices]


def test_a_year_the_facts_tie_to_a_joining_is_never_a_wrong_option() -> None:
    """Uzbekistan was admitted to the CSTO in 2006 and its parliament ratified the accession in
    2008, as the membership's note says: 2008 is arguably when it joined, never a wrong year."""
    facts = load_facts(BUNDLED_FACTS)
    asked = []
    for seed in range(16):
        asked += [
            q
            for q in generate_questions(facts, seed=seed)
            if q.template == "membership-year" and "uzbekistan" in q.fact_ids
        ]
    assert asked
    assert not [q.choices for q in asked if "2008" in q.choices]


def test_who_wrote_a_work_is_asked_among_writers_of_its_era() -> None:
    """Claire Clairmont, who wrote no work, was offered for Dracula, and "Jane Austen wrote the
    Divine Comedy" was false on its face: a wrong writer is one who wrote something, and a wrong
    work for a writer is one a contemporary wrote, wherever the facts hold one."""
    facts = load_facts(LITERATURE_FACTS)
    people = {p.id: p for p in facts.people}
    names = {p.name: p.id for p in facts.people}
    works = {}
    for person in facts.people:
        for link in person.links:
            if link.relation_id == "wrote":
                works[link.object_id] = person.id
    titles = {e.name: e.id for e in facts.entities}

    def lived(person_id: str) -> tuple[int, int]:
        person = people[person_id]
        return person.born.year, (person.died or person.born).year

    def contemporaries(a: str, b: str) -> bool:
        (a0, a1), (b0, b1) = lived(a), lived(b)
        return a0 <= b1 and b0 <= a1

    asked_writers = made_by(LITERATURE_FACTS, "link-subjects")
    assert asked_writers
    for question in asked_writers:
        wrong = [names[c] for c in question.choices if c not in question.answer]
        assert all(w in works.values() for w in wrong), question.choices
    false_links = [
        q for q in made_by(LITERATURE_FACTS, "link-true-false") if q.answer == ("False",)
    ]
    assert false_links
    for question in false_links:
        writer = next(i for i in question.fact_ids if i in people)
        offered = next(works[titles[t]] for t in titles if question.prompt.endswith(f" {t}."))
        if any(contemporaries(writer, w) for w in set(works.values()) - {writer}):
            assert contemporaries(writer, offered), question.prompt


def test_a_post_is_asked_among_posts_of_the_holders_compatriots() -> None:
    """ "What position did Valery Gerasimov hold?" with two Azerbaijani ministers' titles is
    answered by the country alone: Russian posts come first."""
    facts = load_facts(BUNDLED_FACTS)
    russian = {r.title for p in facts.people if p.nationality_id == "russia" for r in p.roles}
    asked = [
        q
        for seed in range(8)
        for q in generate_questions(facts, seed=seed)
        if q.template == "person-title"
        and q.kind is Kind.SINGLE
        and "valery-gerasimov" in q.fact_ids
    ]
    assert asked
    for question in asked:
        wrong = set(question.choices) - set(question.answer)
        assert len(wrong & russian) >= 2, question.choices


def test_a_document_to_choose_is_asked_for_as_a_document() -> None:
    """ "Which treaty was signed in Moscow in 1997?" beside a charter and an agreement leaves the
    treaties alone to choose from: the choice asks which document; typed, it names the kind."""
    asked = made_by(BUNDLED_FACTS, "document-name")
    chosen = [q for q in asked if q.kind is Kind.SINGLE]
    assert chosen
    assert all(q.prompt.startswith("Which document was ") for q in chosen)
    typed = [q for q in asked if q.kind is Kind.SHORT]
    assert typed and all(not q.prompt.startswith("Which document ") for q in typed)


def test_the_nearest_kind_fills_a_categorys_wrong_options_first() -> None:
    """ "Which of these planets are ice giants?" offered Saturn, Mercury and Mars and left out
    Jupiter: the giant planets that are not ice giants come before the other planets."""
    facts = load_facts(ASTRONOMY_FACTS)
    asked = [
        q
        for seed in range(6)
        for q in generate_questions(facts, seed=seed)
        if q.template == "category-members" and q.prompt.endswith("are ice giants?")
    ]
    assert asked
    for question in asked:
        assert {"Jupiter", "Saturn"} <= set(question.choices), question.choices


@pytest.mark.parametrize("path", EXAMPLE_FACTS)
def test_a_century_is_never_offered_at_an_end_of_its_options(path: Path) -> None:
    """ "In which century did Ptolemy die?" offered the 2nd century AD first of four later
    ones: knowing only that Ptolemy was ancient answered it. The key lies inside its run."""
    for question in bank_of(path):
        if question.template.endswith("century") and question.kind is Kind.SINGLE:
            assert question.answer[0] not in (question.choices[0], question.choices[-1]), (
                question.prompt,
                question.choices,
            )


def test_the_leader_of_an_event_said_to_be_its_own_is_not_asked_true_or_false() -> None:
    """ "In Kavkaz-2020, Russia was the host" of what its description calls a Russian exercise
    is sure to be True, and "Russia withdrew" absurd: the leader's part is no claim to weigh."""
    leader = [
        q.prompt
        for q in bank_of(BUNDLED_FACTS)
        if q.template == "participant-true-false" and "Kavkaz-2020, Russia" in q.prompt
    ]
    assert leader == []
    others = [
        q.prompt
        for q in bank_of(BUNDLED_FACTS)
        if q.template == "participant-true-false" and "Kavkaz-2020" in q.prompt
    ]
    assert others, "the other participants' parts are still asked"
    hosts = [
        q.prompt
        for q in bank_of(BUNDLED_FACTS)
        if q.template == "participant-choice" and "Kavkaz-2020" in q.prompt and "host" in q.prompt
    ]
    assert hosts == []


def test_a_question_that_says_according_to_the_article_names_the_article_as_its_source() -> None:
    """ "According to the article, twelve states were invited ..." was sourced to a news agency
    alone: the article whose claim it is was not named."""
    attributed = [q for q in bank_of(BUNDLED_FACTS) if "According to the article" in q.prompt]
    assert attributed
    for question in attributed:
        assert "Strakes" in question.source.title, (question.prompt, question.source)


def test_no_true_membership_is_asked_of_one_the_topic_names() -> None:
    """A topic on Russian-sponsored organisations has told that Russia is in them."""
    bank = [c.question for c in generate_checked(load_facts(BUNDLED_FACTS), seed=0)]
    asked = [
        q.prompt for q in bank if q.template == "membership-true-false" and q.answer == ("True",)
    ]
    assert asked
    assert not [p for p in asked if " Russia was " in p]


def test_an_event_named_after_another_fact_is_not_asked_by_name(tmp_path: Path) -> None:
    """ "Name the event: the first finding of a planet where calculation had predicted it" is
    answered "Neptune", which is a planet's name, not the event's. A battle named after its own
    place is named as battles are, and asked."""
    for path in (ASTRONOMY_FACTS, PLANETS_FACTS):
        bank = [c.question for c in generate_checked(load_facts(path), seed=0)]
        assert not [q.answer for q in bank if q.template == "event-name"], path
    bank = bank_of_file(
        facts_file(
            tmp_path,
            "format: quizgen-facts/1\n"
            "topic: {title: Norman England}\n"
            "entities:\n"
            "  - {id: hastings, name: Hastings, type: town, source: {reference: Britannica}}\n"
            "events:\n"
            "  - {id: battle, name: Battle of Hastings, date: 1066-10-14, place: hastings,\n"
            "     source: {reference: Britannica},\n"
            "     description: the defeat of King Harold by Duke William of Normandy}\n",
        )
    )
    assert [q.answer for q in bank if q.template == "event-name"] == [("Battle of Hastings",)]


def test_the_topics_protagonist_is_no_guess_among_those_who_took_part() -> None:
    """On Russian-sponsored bodies, "which of these signed the extension protocol?" keyed Russia
    is guessed, and "Russia declined to renew the Treaty" is no error a learner makes."""
    bank = [c.question for c in generate_checked(load_facts(BUNDLED_FACTS), seed=0)]
    renewal = [q for q in bank if "renewal of the Collective Security Treaty" in q.prompt]
    assert renewal
    for question in renewal:
        if question.template == "participant-choice":
            assert "Russia" not in question.choices, question.prompt
        if question.template == "participant-true-false":
            assert "Russia" not in question.prompt, question.prompt


def test_a_name_merely_in_the_topic_text_is_no_protagonist(tmp_path: Path) -> None:
    """ "Security of Eurasia and the Indian Ocean" names no state behind its subject: India's
    withdrawal is still asked."""
    text = ENGINE_FACTS.read_text(encoding="utf-8")
    assert "India" in text
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        re.sub(r"title: .*", "title: Security of Eurasia and the Indian Ocean", text, count=1),
        encoding="utf-8",
    )
    before = {q.prompt for q in (c.question for c in generate_checked(load_facts(ENGINE_FACTS), 0))}
    after = {q.prompt for q in (c.question for c in generate_checked(load_facts(facts), 0))}
    assert [p for p in before if "India" in p]
    assert [p for p in before if "India" in p] == [p for p in after if "India" in p]


def test_an_expansion_is_not_chosen_by_matching_its_letters() -> None:
    """ "What does the abbreviation UNESCO stand for?" among the expansions of ICIC, WIPO and
    BIRPI: only one option reads U-N-E-S-C-O, the comma in its name notwithstanding."""
    bank = [c.question for c in generate_checked(load_facts(LITERATURE_FACTS), seed=0)]
    chosen = [
        q
        for q in bank
        if q.prompt == "What does the abbreviation UNESCO stand for?" and q.kind is not Kind.SHORT
    ]
    assert chosen == []
    typed = [q for q in bank if q.prompt == "What does the abbreviation UNESCO stand for?"]
    assert typed, "the typed form is still asked"
