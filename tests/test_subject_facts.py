"""A teacher of astronomy or literature writes numbers about things, categories that things belong
to several of, and relations worded both ways; the questions ask them, and the oracle refuses any
wrong option that the facts make true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import (
    ASTRONOMY_FACTS,
    BUNDLED_FACTS,
    FIXTURES,
    LITERATURE_FACTS,
    NOVELS_FACTS,
    run_quizgen,
)
from quizgen.errors import InputError
from quizgen.facts.loader import load_facts
from quizgen.questions.claims import Claim, Relation
from quizgen.questions.engine import generate_checked
from quizgen.questions.model import Kind
from quizgen.questions.oracle import Oracle, Verdict
from quizgen.questions.subjects import parse_number
from quizgen.questions.templates.quantities import NEAR_FACTORS


@pytest.fixture(scope="module")
def astronomy() -> Oracle:
    return Oracle(load_facts(ASTRONOMY_FACTS))


def bank_of(path: Path) -> list:  # type: ignore[type-arg]
    return [checked.question for checked in generate_checked(load_facts(path), seed=0)]


def made_with_seeds(path: Path, template: str, seeds: int) -> list:  # type: ignore[type-arg]
    """The questions of one template that the first ``seeds`` seeds make: a rule holds for each."""
    facts = load_facts(path)
    return [
        checked.question
        for seed in range(seeds)
        for checked in generate_checked(facts, seed=seed)
        if checked.question.template == template
    ]


# -- categories -------------------------------------------------------------------------------


def test_a_category_drawn_by_one_source_is_asked_in_its_words() -> None:
    """Older books call Uranus and Neptune gas giants: a learner taught so is not marked wrong by
    a file that follows NASA, because the stem says whose line it is."""
    asked = [
        q.prompt
        for q in bank_of(ASTRONOMY_FACTS)
        if q.template in ("category-members", "category-of")
    ]
    assert "According to NASA, which of these planets are gas giants?" in asked
    assert "According to NASA, what kind of planet is Neptune?" in asked
    assert "Which of these planets are giant planets?" in asked  # a line no source draws apart


def test_a_narrower_kind_is_not_asked_beside_no_other_kind_within_the_wider_one() -> None:
    """ "What kind of work is Jane Eyre? a Victorian novel / an epic poem / a play": the one
    qualified option is the key, and "a novel" would be as right."""
    kinds: dict[str, set[str]] = {}
    for q in bank_of(LITERATURE_FACTS):
        if q.template == "category-of":
            kinds.setdefault(q.prompt, set()).update(q.answer)
    assert kinds["What kind of work is Jane Eyre?"] == {"a novel"}
    assert "a Victorian novel" not in set().union(*kinds.values())
    # A tragedy is asked beside a comedy, both plays; "a play" beside the other forms.
    assert kinds["What kind of work is Hamlet?"] == {"a play", "a tragedy"}


def test_a_second_gas_giant_is_never_offered_as_not_a_gas_giant(astronomy: Oracle) -> None:
    gas_giants = Claim(Relation.IN_CATEGORY, "gas-giant")

    assert astronomy.verdict(gas_giants, "Jupiter") is Verdict.TRUE
    assert astronomy.verdict(gas_giants, "Saturn") is Verdict.TRUE
    assert astronomy.verdict(gas_giants, "Uranus") is Verdict.FALSE
    for question in bank_of(ASTRONOMY_FACTS):
        if question.prompt.endswith("which of these planets are gas giants?"):
            assert set(question.answer) <= {"Jupiter", "Saturn"}
            assert {"Jupiter", "Saturn"} & set(question.choices) <= set(question.answer)
            break
    else:
        pytest.fail("no question asks which planets are gas giants")


def test_an_entity_in_several_categories_is_asked_each_without_offering_another_as_wrong(
    astronomy: Oracle,
) -> None:
    kind_of_jupiter = "According to NASA, what kind of planet is Jupiter?"
    jupiter = [q for q in bank_of(ASTRONOMY_FACTS) if q.prompt == kind_of_jupiter]

    # "a giant planet" is not asked: its only wrong options would be narrower categories of it
    # (an ice giant is a giant planet too), which cue the wider one as the answer.
    assert {q.answer[0] for q in jupiter} == {"a gas giant"}
    for question in jupiter:
        wrong = set(question.choices) - set(question.answer)
        assert not wrong & {"a gas giant", "a giant planet", "a planet"}


def test_the_kinds_offered_for_a_thing_never_lie_one_within_another() -> None:
    described = [q for q in bank_of(ASTRONOMY_FACTS) if q.template == "category-of"]

    assert described
    for question in described:
        offered = set(question.choices)
        # An ice giant and a gas giant are both giant planets: one beside the other is two truths.
        assert not ({"a giant planet", "an ice giant"} <= offered), question.prompt
        assert not ({"a giant planet", "a gas giant"} <= offered), question.prompt


def test_a_category_is_never_asked_true_or_false() -> None:
    # "Mercury is an ice giant" is false on its face; a choice shows the kinds side by side.
    assert not [q for q in bank_of(ASTRONOMY_FACTS) if q.template == "category-true-false"]


def test_a_wrong_planet_for_a_moon_is_one_that_has_moons() -> None:
    moonless = {"Mercury", "Venus"}
    questions = bank_of(ASTRONOMY_FACTS)
    for_moons = [q for q in questions if "has the moon" in q.prompt and q.choices]
    statements = [
        q.prompt
        for q in questions
        if q.template == "link-true-false" and "is a moon of" in q.prompt
    ]

    assert for_moons and statements
    for question in for_moons:
        assert not moonless & set(question.choices), question.prompt
    for prompt in statements:
        assert not any(prompt.endswith(f"a moon of {planet}.") for planet in moonless), prompt


def test_a_category_the_file_does_not_list_completely_settles_nothing_it_leaves_out(
    tmp_path: Path,
) -> None:
    data = yaml.safe_load(ASTRONOMY_FACTS.read_text(encoding="utf-8"))
    for category in data["categories"]:
        category["complete"] = False
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    oracle = Oracle(load_facts(path))

    assert oracle.verdict(Claim(Relation.IN_CATEGORY, "gas-giant"), "Uranus") is Verdict.UNKNOWN
    questions = [q for checked in generate_checked(load_facts(path), 0) for q in [checked.question]]
    assert not [
        q for q in questions if q.template.startswith("category-") and q.kind is Kind.SINGLE
    ]


def test_a_body_that_left_a_category_is_asked_when_it_joined_the_other(astronomy: Oracle) -> None:
    as_of_now = Claim(Relation.IN_CATEGORY, "planet", when=load_facts(ASTRONOMY_FACTS).topic.as_of)

    assert astronomy.verdict(as_of_now, "Pluto") is Verdict.FALSE
    asked = {q.prompt: q.answer for q in bank_of(ASTRONOMY_FACTS)}
    assert asked["In which year did Pluto become a dwarf planet?"] == ("2006",)


# -- relations ---------------------------------------------------------------------------------


def test_a_relation_reads_both_ways_in_its_authors_words() -> None:
    prompts = {q.prompt for q in bank_of(ASTRONOMY_FACTS)}

    assert "Which of these planets has the moon Titan?" in prompts
    # A person is asked "Who ...?": "Which astronomer discovered" would be fine, "Which writer
    # wrote" says the verb twice.
    assert "Who discovered Uranus?" in prompts
    assert "Which of these bodies were discovered by William Herschel?" in prompts
    assert "Match each moon to the planet it is a moon of." in prompts


def test_one_object_per_subject_makes_every_other_object_wrong_and_nothing_else(
    astronomy: Oracle,
) -> None:
    titan = Claim(Relation.LINK_OBJECT, "titan", detail="moon-of")

    assert astronomy.verdict(titan, "Saturn") is Verdict.TRUE
    assert astronomy.verdict(titan, "Jupiter") is Verdict.FALSE
    # Nobody is recorded as Mars's discoverer: the facts cannot say Galileo was not.
    mars = Claim(Relation.LINK_SUBJECT, "mars", detail="discovered")
    assert astronomy.verdict(mars, "Galileo Galilei") is Verdict.UNKNOWN


def test_typed_relation_answers_accept_the_aliases_of_the_answer() -> None:
    typed = {q.prompt: q for q in bank_of(LITERATURE_FACTS) if q.kind is Kind.SHORT}

    assert typed["Who wrote Dracula?"].accept == ("Stoker",)


# -- quantities --------------------------------------------------------------------------------


def test_near_misses_share_the_unit_and_scale_and_are_wrong(astronomy: Oracle) -> None:
    checked = [
        c
        for c in generate_checked(load_facts(ASTRONOMY_FACTS), 0)
        if c.question.template == "quantity-choice"
    ]
    assert checked
    for item in checked:
        question = item.question
        right = parse_number(question.answer[0])
        assert right is not None
        unit = question.answer[0].split(" ", 1)[1:]
        for choice in question.choices:
            assert choice.split(" ", 1)[1:] == unit, question.prompt
            value = parse_number(choice)
            assert value is not None and right / 4 <= value <= 4 * right, question.prompt
            # Beyond a factor of three, only another thing's real figure (Saturn's 1,432.0
            # million km beside Neptune's 4,515.0), told whose it is; never a made-up one.
            if not right / 3 <= value <= 3 * right:
                assert choice.split(" ")[0] in question.explanation, (question.prompt, choice)
        assert list(question.choices) == sorted(question.choices, key=parse_number)


def test_a_made_up_figure_has_no_more_decimals_than_a_round_answer() -> None:
    """Beside 2,867.0 million km, a made-up 3,583.8 is the one option with a tenth."""
    for question in bank_of(ASTRONOMY_FACTS):
        if question.template != "quantity-choice" or not question.answer[0].split(" ")[0].endswith(
            ".0"
        ):
            continue
        # Other things' figures are what they are, and are told whose; made-up ones are not.
        made_up = [c for c in question.choices if c.split(" ")[0] not in question.explanation]
        for choice in made_up:
            assert choice.split(" ")[0].endswith(".0"), (question.prompt, choice)


def test_a_typed_value_is_asked_to_the_stated_step_and_the_exact_value_is_accepted() -> None:
    typed = {q.prompt: q for q in bank_of(ASTRONOMY_FACTS)}
    earth = typed[
        "According to NASA's Planetary Fact Sheet, what is Earth's equatorial diameter, "
        "to the nearest 1,000 km?"
    ]

    assert earth.answer == ("13,000 km",)
    assert {"13000", "12,756 km", "12756"} <= set(earth.accept)


def test_the_oracle_refuses_a_value_that_is_only_a_rounding_of_the_true_one(
    astronomy: Oracle,
) -> None:
    claim = Claim(Relation.QUANTITY, "jupiter", detail="equatorial diameter", other="km")

    assert astronomy.verdict(claim, "142,984 km") is Verdict.TRUE
    assert astronomy.verdict(claim, "142,000 km") is Verdict.UNKNOWN
    assert astronomy.verdict(claim, "120,536 km") is Verdict.FALSE


def test_comparisons_and_orderings_follow_the_values() -> None:
    questions = {q.prompt: q for q in bank_of(ASTRONOMY_FACTS)}
    order = questions["Put these planets in order of mean distance from the Sun, smallest first."]
    distances = {"Mercury": 1, "Venus": 2, "Earth": 3, "Mars": 4, "Jupiter": 5, "Saturn": 6,
                 "Uranus": 7, "Neptune": 8}  # fmt: skip
    assert list(order.order) == sorted(order.order, key=distances.__getitem__)
    largest = questions["Which of these planets is the largest by equatorial diameter?"]
    assert largest.answer[0] in {"Jupiter", "Saturn", "Uranus", "Neptune", "Earth"}
    assert "is the largest of these by equatorial diameter" in largest.explanation
    assert "Which of these planets has the greatest mean distance from the Sun?" in questions


def test_the_greatest_is_asked_among_close_rivals_not_beside_outsized_ones() -> None:
    """ "Which is the largest? Neptune, Venus, Earth, Mars" is answered by knowing which one is
    a giant: the answer lies within a factor of two of the next option, wherever the facts
    allow."""
    facts = load_facts(ASTRONOMY_FACTS)
    diameters = {
        entity.name: q.value
        for entity in facts.entities
        for q in entity.quantities
        if q.property == "equatorial diameter" and q.value is not None
    }
    checked = 0
    for seed in range(6):
        for q in generate_checked(facts, seed=seed):
            question = q.question
            if question.template in ("quantity-greatest", "quantity-smallest") and (
                "equatorial diameter" in question.prompt and "planets" in question.prompt
            ):
                sizes = sorted(
                    (diameters[c] for c in question.choices),
                    reverse=question.template == "quantity-greatest",
                )
                extreme, runner_up = sizes[0], sizes[1]
                assert max(extreme, runner_up) / min(extreme, runner_up) <= 2, question.choices
                checked += 1
    assert checked


def test_no_made_up_factor_is_half_or_double_another() -> None:
    """Made-up figures at half and double the answer are found by their pattern alone."""
    factors = [f for pair in NEAR_FACTORS for f in pair]
    assert all(abs(a - 2 * b) > 1e-9 for a in factors for b in factors)


def test_a_made_up_figure_stands_apart_from_every_real_one_beside_it() -> None:
    """ "2,934.8 million km" beside Uranus's real 2,867.0 read as one option offered twice."""
    facts = load_facts(ASTRONOMY_FACTS)
    real = {
        q.value
        for fact in [*facts.entities, *facts.documents]
        for q in getattr(fact, "quantities", ())
        if q.value is not None
    }
    checked = 0
    for seed in range(4):
        for q in generate_checked(facts, seed=seed):
            question = q.question
            if question.kind is not Kind.SINGLE or question.template != "quantity-choice":
                continue
            values = {c: parse_number(c) for c in question.choices}
            for choice, value in values.items():
                if value is None or value in real:
                    continue
                checked += 1
                for other, other_value in values.items():
                    if other != choice and other_value:
                        assert max(value, other_value) / min(value, other_value) >= 1.1, (
                            question.prompt,
                            question.choices,
                        )
    assert checked


def test_a_made_up_figure_is_as_round_as_the_real_one() -> None:
    """Beside the Divine Comedy's 100 cantos, 65, 125 and 145 are plainly invented and 100
    plainly real; a made-up option ends in a zero where the answer does."""
    asked = [
        q
        for q in made_with_seeds(LITERATURE_FACTS, "quantity-choice", 4)
        if q.prompt == "How many cantos does the Divine Comedy have?"
    ]
    assert asked
    for question in asked:
        assert all(choice.endswith("0") for choice in question.choices), question.choices


def test_a_figure_the_author_explains_is_told_with_that_and_not_with_another_things() -> None:
    """A chapter count means something told with its volumes; beside another novel's count, for
    comparison, it is one more number to learn."""
    told = [
        q.explanation
        for q in bank_of(NOVELS_FACTS)
        if q.prompt == "How many chapters does Pride and Prejudice have?"
    ]
    assert told
    for explanation in told:
        assert "published in three volumes of 23, 19 and 19 chapters" in explanation
        assert "for comparison" not in explanation


def test_a_figure_is_cited_only_where_it_stands_whole(tmp_path: Path) -> None:
    """Told the 1615 of Part Two, an explanation does not cite the book of 61 chapters."""
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Novels}\n"
        "entities:\n"
        "  - {id: long, name: The Long Book, type: work, source: {reference: Cervantes},\n"
        "     quantities: [{property: number of chapters, value: 126,\n"
        "       explain: Part One (1605) has 52 of them and Part Two (1615) 74.}]}\n"
        "  - {id: short, name: The Short Book, type: work, source: {reference: Austen},\n"
        "     quantities: [{property: number of chapters, value: 61}]}\n",
        encoding="utf-8",
    )
    typed = next(
        q.explanation
        for q in bank_of(path)
        if q.kind is Kind.SHORT and q.prompt == "How many chapters does The Long Book have?"
    )
    assert "Part Two (1615) 74" in typed
    assert "Austen" not in typed


def test_what_the_author_explains_of_a_link_is_told_in_each_question_on_it() -> None:
    """ "Emily Brontë wrote Wuthering Heights. Emily Brontë was born on 30 July 1818 ..." told
    nothing of the book; the author's account of the link does, and only where it is asked: a
    swapped link is told without it."""
    bank = bank_of(LITERATURE_FACTS)
    account = "published Wuthering Heights in December 1847 under the name Ellis Bell"
    on_link = [
        q
        for q in bank
        if q.template.startswith("link-")
        and "Wuthering Heights" in q.prompt
        and "Emily Brontë" in q.answer + (q.prompt,)
    ]
    assert on_link
    for question in on_link:
        assert account in question.explanation, question.prompt
        assert "born on 30 July 1818" not in question.explanation
    swapped = [q for q in bank if q.template == "link-true-false" and q.answer == ("False",)]
    assert swapped
    for question in swapped:
        stated_links = question.prompt.removeprefix("True or false? ")
        assert "Ellis Bell" not in question.explanation or "Emily" in stated_links


def test_a_comparison_keeps_its_id_whichever_options_a_seed_draws() -> None:
    facts = load_facts(ASTRONOMY_FACTS)

    def comparisons(seed: int) -> dict[str, tuple[str, ...]]:
        return {
            c.question.id: c.question.choices
            for c in generate_checked(facts, seed)
            if c.question.template.startswith("quantity-") and c.question.kind is not Kind.SHORT
            and c.question.template != "quantity-choice"
        }  # fmt: skip

    first, second = comparisons(0), comparisons(5)
    assert set(first) == set(second)
    assert any(first[i] != second[i] for i in first), "the seed draws other options"


# -- the format and its messages -----------------------------------------------------------------

HEAD = """\
format: quizgen-facts/1
topic: {title: Planets, as_of: 2024}
relations: [{id: moon-of, forward: is a moon of, reverse: has the moon, one_object: true}]
categories: [{id: giant, name: giant planet, complete: true}]
entities:
  - {id: saturn, name: Saturn, type: planet, source: {reference: NASA}}
  - {id: jupiter, name: Jupiter, type: planet, source: {reference: NASA}}
"""


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        pytest.param(
            HEAD.replace("title: Planets,", "title: Planets, language: de,"),
            "2:35",
            "topic language 'de' is not supported",
            id="language",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            '     quantities: [{property: diameter, value: "3,643", unit: km}]}\n',
            "9:47",
            "value of quantity 'diameter' must be a number, not '3,643'",
            id="number-with-grouping",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     quantities: [{property: diameter, value: 3643, range: [3600, 3700]}]}\n",
            "9:19",
            "quantity 'diameter' needs either 'value' or 'range', and not both",
            id="value-and-range",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     quantities: [{property: diameter, range: [3700, 3600]}]}\n",
            "9:47",
            "the range of quantity 'diameter' must run from low to high",
            id="range-backwards",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, categories: [gaint],"
            " source: {reference: NASA}}\n",
            "8:49",
            "category 'gaint' is not defined; did you mean 'giant'?",
            id="unknown-category",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     links: [{relation: saturn, to: jupiter}]}\n",
            "9:25",
            "relation 'saturn' is an entity (planet); a link names a declared relation",
            id="entity-named-as-relation",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     links: [{relation: moon-of, to: jupiter}, {relation: moon-of, to: saturn}]}\n",
            "9:48",
            "'io' has a second 'moon-of' link",
            id="second-object",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     quantities: [{property: diameter, value: 3643, precision: -5}]}\n",
            "9:64",
            "precision of quantity 'diameter' must not be negative",
            id="negative-precision",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     quantities: [{property: diameter, value: 3643, round_to: 0}]}\n",
            "9:63",
            "round_to of quantity 'diameter' must be more than 0",
            id="round-to-zero",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     links: [{relation: moon-of, to: jupiter, explain: found in 1610}]}\n",
            "9:56",
            "explain of link 'moon-of' must be whole sentences",
            id="link-explain-not-a-sentence",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     quantities: [{property: diameter, value: 3643, explain: the largest}]}\n",
            "9:62",
            "explain of quantity must be whole sentences",
            id="explain-not-a-sentence",
        ),
        pytest.param(
            HEAD
            + "groups:\n  - {id: giants, name: Giants, as_of: 2024, source: {reference: NASA},\n"
            "     members: [{entity: jupiter, since: 1990, explain: it grew}]}\n",
            "10:56",
            "explain of membership 'jupiter' must be whole sentences",
            id="membership-explain-not-a-sentence",
        ),
        pytest.param(
            HEAD + "  - {id: io, name: Io, type: moon, source: {reference: NASA},\n"
            "     links: [{relation: moon-of, to: io}]}\n",
            "9:14",
            "'io' is linked to itself",
            id="linked-to-itself",
        ),
        pytest.param(
            HEAD.replace("complete: true", "complete: maybe"),
            "4:56",
            "complete must be true or false, not 'maybe'",
            id="complete-not-a-boolean",
        ),
        pytest.param(
            HEAD.replace("one_object: true", "one_subject: true")
            + "  - {id: io, name: Io, type: moon, source: {reference: NASA},"
            " links: [{relation: moon-of, to: jupiter}]}\n"
            "  - {id: europa, name: Europa, type: moon, source: {reference: NASA},"
            " links: [{relation: moon-of, to: jupiter}]}\n",
            "9:79",
            "'jupiter' has a second 'moon-of' subject ('europa' after 'io')",
            id="second-subject",
        ),
        pytest.param(
            HEAD.replace(
                "entities:",
                "groups: [{id: giants, name: Giants, source: {reference: x}}]\nentities:",
            )
            + "  - {id: io, name: Io, type: moon, categories: [giants],"
            " source: {reference: NASA}}\n",
            "9:49",
            "category 'giants' is a group; an entity belongs to categories declared under "
            "'categories'",
            id="group-named-as-category",
        ),
        pytest.param(
            HEAD.replace("complete: true}", "complete: true, attributed: true}"),
            "4:74",
            "category 'giant' is attributed, but its source names no source",
            id="attributed-category-without-its-source",
        ),
        pytest.param(
            HEAD + "terms:\n  - {id: au, term: AU, definition: Astronomical unit.,"
            " used_in: In astronomy., source: {reference: NASA}}\n",
            "9:65",
            "used_in of a term must be a phrase that a question opens with, in lower case and "
            "with no full stop",
            id="used-in-a-sentence",
        ),
    ],
)
def test_each_new_key_is_checked_with_its_place(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_quizgen("validate", path)

    assert result.exit_code == 1
    assert f"{path}:{where}: {message}" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_group_named_where_an_entity_belongs_is_called_a_group(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        HEAD + "groups:\n  - id: ecsc\n    name: European Coal and Steel Community\n"
        "    source: {reference: Treaty of Paris}\n    as_of: 2002\n"
        "    members: [{entity: saturn}, {entity: ecsc}]\n",
        encoding="utf-8",
    )
    result = run_quizgen("validate", path)

    assert "member entity 'ecsc' is a group; members of a group are entities" in result.output


def bundled_words() -> set[str]:
    """The ids, short names and proper name words of the bundled topic: a capitalised word of a
    name that the file never writes in lower case (``Tashkent``, not ``Treaty``)."""
    text = BUNDLED_FACTS.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    words: set[str] = set()
    for section in ("entities", "groups", "events", "documents", "people"):
        for fact in data.get(section) or []:
            words |= {fact["id"], str(fact.get("short", fact["id"])).lower()}
            for word in re.findall(r"[A-Z][A-Za-z-]{3,}", fact["name"]):
                if not re.search(rf"\b{word.lower()}\b", text):
                    words.add(word.lower())
    return words


@pytest.mark.skipif(not BUNDLED_FACTS.exists(), reason="no bundled facts file")
@pytest.mark.parametrize(
    "path", sorted((FIXTURES / "schema" / "invalid").glob("*.yaml")), ids=lambda p: p.stem
)
def test_messages_of_broken_files_use_no_word_of_the_bundled_topic(path: Path) -> None:
    with pytest.raises(InputError) as refused:
        load_facts(path)
    own = path.read_text(encoding="utf-8").lower()
    messages = str(refused.value).lower()
    borrowed = {w for w in bundled_words() if w not in own and re.search(rf"\b{w}\b", messages)}
    assert borrowed == set(), messages


@pytest.mark.skipif(not BUNDLED_FACTS.exists(), reason="no bundled facts file")
def test_the_schema_help_uses_no_word_of_the_bundled_topic() -> None:
    from importlib.resources import files

    text = (files("quizgen") / "data" / "facts.schema.json").read_text(encoding="utf-8").lower()
    assert {w for w in bundled_words() if re.search(rf"\b{w}\b", text)} == set()


# -- every output ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", [ASTRONOMY_FACTS, LITERATURE_FACTS], ids=["astronomy", "literature"]
)
def test_the_new_subjects_build_in_every_format(tmp_path: Path, path: Path) -> None:
    import json
    import zipfile

    import pdfplumber

    result = run_quizgen("build", "--facts", path, "--out", tmp_path, "--quiet")
    assert result.exit_code == 0, result.output

    document = json.loads((tmp_path / "questions.json").read_text(encoding="utf-8"))
    written = [(question["id"], question["prompt"]) for question in document["questions"]]
    assert written == [(question.id, question.prompt) for question in bank_of(path)]
    (page,) = [p for p in tmp_path.glob("*.html") if p.name != "index.html"]
    html = page.read_text(encoding="utf-8")
    (package,) = tmp_path.glob("*.apkg")
    assert zipfile.is_zipfile(package)
    (quiz,) = tmp_path.glob("*-quiz.pdf")
    with pdfplumber.open(quiz) as pdf:
        printed = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    prompts = [question.prompt for question in bank_of(path)]
    # A printed test is a sample of the bank; every printed item is one of its questions.
    assert sum(prompt in printed for prompt in prompts) >= 10
    # The self-test holds every question (apostrophes may be escaped, so those are left aside).
    plain = [p for p in prompts if "'" not in p and '"' not in p]
    assert plain and all(p in html for p in plain)


# -- lives, people in events, documents that are not signed ------------------------------------

LIVES = """\
format: quizgen-facts/1
topic: {title: Copyright, as_of: 2024}
entities:
  - {id: bern, name: Bern, type: city, source: {reference: WIPO}}
events:
  - id: conference
    name: Berne conference
    date: 1886-09
    place: bern
    source: {reference: WIPO}
    participants:
      - {entity: hugo, role: sent a message}
people:
  - id: hugo
    name: Victor Hugo
    born: 1802-02-26
    died: 1885-05-22
    source: {reference: Britannica}
    roles:
      - {title: President of the Association littéraire, since: 1878}
"""


def test_a_life_bounds_roles_and_parts_in_events(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(LIVES, encoding="utf-8")
    result = run_quizgen("validate", path)

    assert result.exit_code == 1
    assert (
        f"{path}:12:9: 'hugo' takes part in 'conference' (1886-09) after dying (1885-05-22)"
        in result.output
    )
    assert (
        f"{path}:20:9: the role 'President of the Association littéraire' has no 'until', but "
        "'hugo' died in 22 May 1885; say when the role ended" in result.output
    )


def test_a_role_past_death_and_a_death_before_birth_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    text = LIVES.replace("since: 1878}", "since: 1878, until: 1890}").replace(
        "    participants:\n      - {entity: hugo, role: sent a message}\n", ""
    )
    path.write_text(text.replace("born: 1802-02-26", "born: 1886"), encoding="utf-8")
    result = run_quizgen("validate", path)

    assert "'hugo' dies (1885-05-22) before being born (1886)" in result.output
    assert "the role 'President of the Association littéraire' ends (1890) after 'hugo' died" in (
        result.output
    )
    assert "begins (1878) before 'hugo' was born (1886)" in result.output


def test_a_document_is_asked_in_the_word_of_its_act_and_its_entry_into_force() -> None:
    asked = {q.prompt: q for q in bank_of(LITERATURE_FACTS)}

    assert asked["In which year was the Statute of Anne enacted?"].answer == ("1710",)
    in_force = asked[
        "In which year did the Berne Convention for the Protection of Literary and Artistic Works"
        " enter into force?"
    ]
    assert in_force.answer == ("1887",)
    assert in_force.explanation.startswith(
        "The Berne Convention for the Protection of Literary and Artistic Works was signed on"
        " 9 September 1886 and entered into force on 5 December 1887."
    )
    assert not [p for p in asked if "Statute of Anne" in p and "signed" in p]
    astronomy = {q.prompt for q in bank_of(ASTRONOMY_FACTS)}
    assert "In which year was the IAU resolution defining a planet adopted?" in astronomy


def test_a_document_enters_into_force_only_after_its_date(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\ntopic: {title: Law}\ndocuments:\n"
        "  - {id: late, name: A Late Act, kind: law, signed: 1900, verb: enacted,"
        " in_force: 1899, source: {reference: x}}\n",
        encoding="utf-8",
    )
    result = run_quizgen("validate", path)

    assert (
        f"{path}:4:84: document 'late' enters into force (1899) before it was enacted (1900)"
        in (result.output)
    )


def test_people_take_part_in_events_and_are_asked_as_people() -> None:
    asked = {q.prompt: q for q in bank_of(LITERATURE_FACTS)}
    contest = "In the ghost-story contest at the Villa Diodati"
    host = asked[f"{contest}, which one of these people was the host?"]

    assert host.answer == ("Lord Byron",)
    # The wrong options are the other contestants: "There were four of us", Mary Shelley wrote,
    # and Claire Clairmont, at the villa that summer, was not one of them.
    assert set(host.choices) - {"Lord Byron"} <= {
        "Mary Shelley",
        "Percy Bysshe Shelley",
        "John Polidori",
    }
    assert f"True or false? {contest}, Mary Shelley took part as a contestant." in asked
    assert not [p for p in asked if "Claire Clairmont" in p and "contest" in p]
    # A life known to the day is not asked: the year is trivia beside what she wrote.
    assert not [p for p in asked if "Mary Shelley born" in p or "Mary Shelley die" in p]


# -- founding members, dissolution and succession ----------------------------------------------


def test_founding_members_are_told_from_later_ones_and_successors_from_other_bodies() -> None:
    oracle = Oracle(load_facts(LITERATURE_FACTS))
    founding = Claim(Relation.FOUNDING_MEMBER, "berne-union")

    assert oracle.verdict(founding, "France") is Verdict.TRUE
    assert oracle.verdict(founding, "United States") is Verdict.FALSE
    successor = Claim(Relation.SUCCEEDED_BY, "birpi")
    assert oracle.verdict(successor, "World Intellectual Property Organization") is Verdict.TRUE
    assert oracle.verdict(successor, "UNESCO") is Verdict.FALSE
    asked = {q.prompt: q for q in bank_of(LITERATURE_FACTS)}
    founders = asked["Which of these states were founding members of the Berne Union?"]
    assert set(founders.choices) - set(founders.answer) <= {
        "Japan", "Netherlands", "United States", "China", "Russia"
    }  # fmt: skip
    # UNESCO took the ICIC's place the year it ended: a handover, asked as such, not as a
    # dissolution ("dissolved" overstates what the sources say of BIRPI and WIPO).
    handed_over = (
        "In which year did the United Nations Educational, Scientific and Cultural Organization"
        " take the place of the International Committee on Intellectual Cooperation?"
    )
    assert asked[handed_over].answer == ("1946",)
    assert not [p for p in asked if "Intellectual Cooperation dissolved" in p]


HISTORY = """\
format: quizgen-facts/1
topic: {title: Unions, as_of: 2024}
entities:
  - {id: a, name: Aland, type: state, source: {reference: x}}
  - {id: b, name: Borland, type: state, source: {reference: x}}
groups:
  - id: union
    name: Old Union
    founded: 1950
    dissolved: 1990
    succeeded_by: {id: union, date: 1990}
    source: {reference: x}
    members:
      - {entity: a, founding: true, since: 1955}
      - {entity: b, since: 1960}
"""


def test_a_dissolved_body_ends_every_membership_and_founders_join_at_the_founding(
    tmp_path: Path,
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(HISTORY, encoding="utf-8")
    result = run_quizgen("validate", path)

    assert result.exit_code == 1
    assert f"{path}:11:19: 'union' is succeeded by itself" in result.output
    assert (
        f"{path}:14:9: 'a' is a founding member but joins (1955) after the group was founded "
        "(1950)" in result.output
    )
    assert (
        f"{path}:15:9: the membership of 'b' has no 'until', but group 'union' was dissolved in "
        "1990" in result.output
    )


# -- dates before Christ, approximate dates, centuries -----------------------------------------


def test_dates_before_christ_approximate_or_a_century_order_and_read_as_written() -> None:
    asked = {q.prompt: q for q in bank_of(LITERATURE_FACTS)}
    order = asked["Put these in chronological order, earliest first."]

    assert list(order.order[:3]) == [
        "Writing of the Aeneid",
        "Writing of The Tale of Genji",
        "Writing of the Divine Comedy",
    ]
    assert "(29 BC)" in order.explanation and "(11th century)" in order.explanation
    assert "(c. 1308)" in order.explanation
    assert "In which year did Virgil die?" not in asked
    # "c. 1265" and "the 11th century" name no one year to ask for.
    assert "In which year was Dante Alighieri born?" not in asked
    assert not [
        p
        for p in asked
        if p.startswith("In which year") and ("Tale of Genji" in p or "Aeneid take place" in p)
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("c. 1265-05", "born c. 1265-05 is approximate to a day, a month or a century"),
        ("0 BC", "born 0 BC is not a real date"),
        ("30-02-29 BC", "born 30-02-29 BC is not a real date"),
        ("12 May 44 BC", "born must be a date written YYYY, YYYY-MM or YYYY-MM-DD"),
        ("0th century", "born 0th century is not a real date"),
    ],
)
def test_historians_dates_are_checked_with_their_place(
    tmp_path: Path, written: str, message: str
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\ntopic: {title: Poets}\npeople:\n"
        f"  - {{id: poet, name: A Poet, born: {written}, source: {{reference: x}}}}\n",
        encoding="utf-8",
    )
    result = run_quizgen("validate", path)

    assert result.exit_code == 1
    assert f"{path}:4:36: {message}" in result.output, result.output


def test_a_life_before_christ_bounds_a_role_like_any_other(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\ntopic: {title: Rome}\npeople:\n"
        "  - id: caesar\n    name: Julius Caesar\n    born: 100 BC\n    died: 44-03-15 BC\n"
        "    source: {reference: x}\n    roles:\n"
        "      - {title: Dictator, since: 49 BC, until: 43 BC}\n",
        encoding="utf-8",
    )
    result = run_quizgen("validate", path)

    assert "the role 'Dictator' ends (43 BC) after 'caesar' died (15 March 44 BC)" in result.output


def test_a_post_is_typed_by_any_of_its_names_and_offered_only_to_people_alive_then() -> None:
    asked = {q.prompt: q for q in bank_of(LITERATURE_FACTS)}
    post = asked["What position did Dante Alighieri hold from 15 June 1300 to 15 August 1300?"]

    assert post.answer == ("one of the six priors of Florence",)
    assert {"Prior of Florence", "prior", "a prior", "one of the priors of Florence"} <= set(
        post.accept
    )
    # No one else in the file was alive in 1300, so no fair choice of holders exists.
    assert not [p for p in asked if p.startswith("In July 1300, who was")]
    astronomy = {q.prompt: q for q in bank_of(ASTRONOMY_FACTS)}
    # Whatever forms the post is asked in, no one born after 1869 or dead before it is offered.
    director = [
        q for prompt, q in astronomy.items() if "Director of the Paris Observatory" in prompt
    ]
    assert director
    for question in director:
        assert "Galileo Galilei" not in question.prompt + " ".join(question.choices)
        assert "Gerard Kuiper" not in question.prompt + " ".join(question.choices)


def test_a_link_asked_from_either_end_is_one_claim() -> None:
    """Titan being a moon of Saturn, as a choice, typed or true/false, is one proposition, and so is
    "Herschel discovered Uranus" asked from Uranus's side: a test asks it once."""
    bank = bank_of(ASTRONOMY_FACTS)
    single = [q for q in bank if q.kind is not Kind.MULTIPLE]
    titan = {q.claim_id for q in single if q.fact_ids[:2] == ("titan", "saturn")}
    uranus = {
        q.claim_id
        for q in single
        if q.fact_ids[:2] == ("herschel", "uranus") and q.template.startswith("link-")
    }

    assert titan == {"titan/link/moon-of/saturn"}
    assert uranus == {"herschel/link/discovered/uranus"}
    comparisons = [q.claim_id for q in bank if q.template.startswith("quantity-greatest")]
    assert comparisons and all("|" not in claim_id for claim_id in comparisons)


def test_a_person_offered_as_wrong_lived_when_the_right_one_did() -> None:
    """Hipparchus and Galileo are no plausible discoverers of Pluto (1930)."""
    by_name = {
        q.prompt: q for q in bank_of(ASTRONOMY_FACTS) if q.prompt.startswith("Which of these astr")
    }
    pluto = by_name["Which of these astronomers discovered Pluto?"]
    assert "Clyde Tombaugh" in pluto.choices
    assert not {"Hipparchus", "Galileo Galilei", "William Herschel"} & set(pluto.choices)


def test_a_count_is_accepted_in_words_and_a_measured_value_names_its_source() -> None:
    bank = bank_of(ASTRONOMY_FACTS)
    (venus_moons,) = [
        q
        for q in bank
        if q.template == "quantity-typed"
        and q.prompt.endswith("how many known moons does Venus have?")
    ]
    assert venus_moons.answer == ("0",) and {"zero", "none"} <= set(venus_moons.accept)
    # A planet's values come from the fact sheet (Pluto's from elsewhere, with no source).
    planets = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")
    values = ("quantity-choice", "quantity-typed", "quantity-true-false")
    measured = [q for q in bank if q.template in values and q.fact_ids[0].title() in planets]
    assert measured
    assert all("According to NASA's Planetary Fact Sheet, " in q.prompt for q in measured)


def test_the_right_value_is_sometimes_the_smallest_option_and_sometimes_the_largest() -> None:
    """Options are in order; near misses on both sides of every answer would tell a test-wise
    learner that neither end is ever right."""
    slots = [
        q.choices.index(q.answer[0])
        for q in bank_of(ASTRONOMY_FACTS)
        if q.template == "quantity-choice"
    ]

    assert len(slots) > 10
    assert 0 in slots and len(set(slots)) == 4
    assert slots.count(0) + slots.count(3) >= len(slots) // 4


def test_a_term_that_means_other_things_elsewhere_is_asked_where_it_means_this(
    tmp_path: Path,
) -> None:
    """ "LoC" is a line of contact in Karabakh and a line of control in Kashmir: the question says
    which it asks about, so that one answer is right."""
    path = tmp_path / "facts.yaml"
    path.write_text(
        HEAD + "terms:\n"
        "  - id: au\n"
        "    term: AU\n"
        "    used_in: in astronomy\n"
        "    definition: Astronomical unit, the mean distance from Earth to the Sun.\n"
        "    source: {reference: NASA}\n",
        encoding="utf-8",
    )
    prompts = [c.question.prompt for c in generate_checked(load_facts(path), seed=0)]

    assert "In astronomy, what does the abbreviation AU stand for?" in prompts
    assert not [p for p in prompts if "AU" in p and not p.startswith("In astronomy, ")]


def test_a_relation_question_names_the_kind_once() -> None:
    """ "Which of these moons are moons of Uranus?" says "moons" twice."""
    prompts = [q.prompt for q in bank_of(ASTRONOMY_FACTS) if q.template == "link-subjects"]
    assert "Which of these are moons of Uranus?" in prompts
    assert not [p for p in prompts if re.search(r"these (\w+) (?:are|is an?) \1?", p)]
    assert not [p for p in prompts if "moons are moons" in p]


def test_which_is_greatest_offers_neighbours_in_size() -> None:
    """Mercury and Mars offered as "the largest" planet are no options anyone weighs: the
    options of a which-is-greatest question are consecutive in size."""
    facts = load_facts(ASTRONOMY_FACTS)
    sizes = {
        e.name: q.value
        for e in facts.entities
        for q in e.quantities
        if q.property == "equatorial diameter"
    }
    ranked = sorted(sizes, key=sizes.__getitem__)
    for seed in range(8):
        for checked in generate_checked(facts, seed):
            question = checked.question
            if (
                question.template.startswith("quantity-")
                and "equatorial diameter" in question.prompt
            ):
                if question.kind is not Kind.SINGLE or not set(question.choices) <= set(ranked):
                    continue
                places = sorted(ranked.index(c) for c in question.choices)
                assert places == list(range(places[0], places[0] + len(places))), question.choices


def test_a_body_founded_by_a_treaty_in_force_a_year_after_signing_is_not_asked_its_year() -> None:
    """The Berne Convention was signed in 1886 and the Union it made began in 1887: "In which
    year was the Berne Union founded?" has two defensible answers. The treaty's own questions ask
    when it was signed and when it entered into force."""
    literature = [q.prompt for q in bank_of(LITERATURE_FACTS)]
    bundled = [q.prompt for q in bank_of(BUNDLED_FACTS)]
    assert "In which year was the Berne Union founded?" not in literature
    assert "In which year was the Eurasian Economic Union founded?" not in bundled
    assert "In which year was the CSTO founded?" in bundled


def test_a_figure_is_asked_among_other_things_real_figures() -> None:
    """Jupiter's diameter beside 71,492, 200,178 and 285,968 km (its own value halved, scaled or
    doubled) is picked out by the pattern: the wrong options are other planets' real figures
    wherever the facts hold them, and a made-up one is never half or double another. Above the
    largest planet no real figure lies: there alone (where the answer's place, drawn at random,
    leaves room above it) a made-up one stands."""
    facts = load_facts(ASTRONOMY_FACTS)
    real = {
        (q.property, q.value)
        for fact in facts.all_facts
        for q in getattr(fact, "quantities", ())
        if q.value is not None
    }

    def number(text: str) -> float:
        return float(text.split()[0].replace(",", ""))

    asked = [
        c.question
        for c in generate_checked(facts, seed=0)
        if c.question.template == "quantity-choice"
    ]
    jupiter = [q for q in asked if q.prompt.endswith("what is Jupiter's equatorial diameter?")]
    assert jupiter
    for question in jupiter:
        wrong = [number(c) for c in question.choices if c not in question.answer]
        below = [w for w in wrong if w < 142984]
        assert below
        assert all(("equatorial diameter", w) in real for w in below), question.choices
    for question in asked:
        values = sorted(number(c) for c in question.choices)
        doubled = [(a, b) for a in values for b in values if a and b == 2 * a]
        made_up = [v for pair in doubled for v in pair if not any(v == r for _, r in real)]
        assert not made_up, (question.prompt, question.choices)


def test_a_count_up_to_a_hundred_is_accepted_in_words() -> None:
    """ "twelve" was accepted for the Aeneid's books, "thirty-four" not for Wuthering Heights'
    chapters, nor "one hundred" for the Divine Comedy's cantos; Moby-Dick's 135 is typed in
    figures."""
    typed = {
        q.prompt: q.accept
        for path in (NOVELS_FACTS, LITERATURE_FACTS)
        for q in bank_of(path)
        if q.kind is Kind.SHORT and q.prompt.startswith("How many")
    }
    assert "thirty-four" in typed["How many chapters does Wuthering Heights have?"]
    assert "sixty-one" in typed["How many chapters does Pride and Prejudice have?"]
    assert "one hundred" in typed["How many cantos does the Divine Comedy have?"]
    assert not any("thirty-five" in a for a in typed["How many chapters does Moby-Dick have?"])


def test_a_name_ending_in_its_type_is_accepted_without_it() -> None:
    """Asked to "name the military district", a learner who types "Southern" knows it."""
    district = [
        q
        for q in bank_of(BUNDLED_FACTS)
        if q.template == "entity-description" and q.answer == ("Southern Military District",)
    ]
    assert district
    assert "Southern" in district[0].accept


def test_a_work_is_offered_among_works_of_its_kind_before_works_of_its_time() -> None:
    """Cervantes's contemporaries wrote plays: "Don Quixote" among three plays is the one novel,
    found by its form. Novels of any time come first."""
    asked = {q.prompt: q for q in bank_of(LITERATURE_FACTS) if q.template == "link-objects"}
    quixote = asked["Which of these works was written by Miguel de Cervantes?"]
    plays = {"Hamlet", "Macbeth", "Twelfth Night", "The Duchess of Malfi", "Volpone"}
    assert not plays & set(quixote.choices), quixote.choices
    assert "The Jew of Malta" not in quixote.choices


def test_what_an_abbreviation_stands_for_is_offered_among_other_expansions(
    tmp_path: Path,
) -> None:
    """ "Berne Union" is no expansion of anything: beside BIRPI's, it is ruled out by its form.
    (Where the letters alone pick the expansion, as UNESCO's do, no choice is asked at all.)"""
    blocs = tmp_path / "facts.yaml"
    blocs.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Trade blocs}\n"
        "groups:\n"
        + "".join(
            f"  - {{id: g{n}, name: {name}, {short}founded: 1990, source: {{reference: r}}}}\n"
            for n, (name, short) in enumerate(
                [
                    ("Eurasian Economic Union", "short: EAEU, "),
                    ("European Union", "short: EU, "),
                    ("European Free Trade Association", "short: EFTA, "),
                    ("Economic Cooperation Organization", "short: ECO, "),
                    ("Berne Union", ""),
                    ("Eastern Partnership", ""),
                ]
            )
        ),
        encoding="utf-8",
    )
    expansions = [
        q
        for seed in range(4)
        for q in bank_of_seed(blocs, seed)
        if q.prompt == "What does the abbreviation EAEU stand for?" and q.choices
    ]
    assert expansions
    for question in expansions:
        assert not {"Berne Union", "Eastern Partnership"} & set(question.choices)


def test_a_category_is_explained_by_what_it_is_and_its_wrong_options_by_what_they_are() -> None:
    galilean = next(
        q
        for q in bank_of(ASTRONOMY_FACTS)
        if q.prompt == "Which of these moons are Galilean moons?"
    )
    assert "a Galilean moon is one of the four large moons of Jupiter" in galilean.explanation
    wrong = [c for c in galilean.choices if c not in galilean.answer]
    assert wrong and all(c in galilean.explanation for c in wrong), galilean.explanation
    # A work asked for its kind is told for what it is: the Divine Comedy is no play.
    comedy = next(
        q
        for q in bank_of(LITERATURE_FACTS)
        if q.prompt == "What kind of work is the Divine Comedy?"
    )
    assert "It is Dante's poem of a journey" in comedy.explanation
    assert "Dante, Commedia: 100 cantos in three parts" in comedy.explanation


PLAYS = """\
format: quizgen-facts/1
topic: {title: Elizabethan and Jacobean plays}
categories:
  - {id: play, name: play, complete: true, source: {reference: Oxford Companion}}
  - {id: tragedy, name: tragedy, complete: true, source: {reference: Oxford Companion}}
  - {id: comedy, name: comedy, complete: true, source: {reference: Oxford Companion}}
  - {id: novel, name: novel, complete: true, source: {reference: Oxford Companion}}
entities:
  - {id: spanish, name: The Spanish Tragedy, type: work, categories: [play, tragedy],
     source: {reference: Britannica}}
  - {id: hamlet, name: Hamlet, type: work, categories: [play, tragedy],
     source: {reference: Britannica}}
  - {id: macbeth, name: Macbeth, type: work, categories: [play, tragedy],
     source: {reference: Britannica}}
  - {id: volpone, name: Volpone, type: work, categories: [play, comedy],
     source: {reference: Britannica}}
  - {id: twelfth, name: Twelfth Night, type: work, categories: [play, comedy],
     source: {reference: Britannica}}
  - {id: emma, name: Emma, type: work, categories: [novel], source: {reference: Britannica}}
  - {id: dracula, name: Dracula, type: work, categories: [novel], source: {reference: Britannica}}
"""


def test_a_title_that_names_its_kind_neither_is_asked_its_kind_nor_keyed_as_one(
    tmp_path: Path,
) -> None:
    """ "What kind of work is The Spanish Tragedy?" is answered by its title, and so is "Which
    of these works are tragedies?" with The Spanish Tragedy among the options."""
    path = tmp_path / "facts.yaml"
    path.write_text(PLAYS, encoding="utf-8")
    bank = bank_of(path)
    kinds = [q.prompt for q in bank if q.template == "category-of"]
    assert "What kind of work is Hamlet?" in kinds
    assert "What kind of work is The Spanish Tragedy?" not in kinds
    tragedies = [q for q in bank if q.prompt == "Which of these works are tragedies?"]
    assert tragedies
    assert all("The Spanish Tragedy" not in q.choices for q in tragedies)


def test_a_person_who_took_part_is_told_by_what_they_did_there() -> None:
    galle = next(
        q
        for q in bank_of(ASTRONOMY_FACTS)
        if q.template == "participant-true-false" and "Johann Galle" in q.prompt
    )
    assert galle.answer == ("True",)
    assert "Johann Galle located Neptune through the Berlin Observatory" in galle.explanation
    assert "Encyclopaedia Britannica: Johann Gottfried Galle" in galle.explanation


def test_a_person_who_took_part_is_no_option_among_states(tmp_path: Path) -> None:
    """ "Which of these states sent boats?" offered the admiral who directed the regatta."""
    facts = tmp_path / "facts.yaml"
    states = ["dunmere", "calder", "westby", "gresk", "farhold"]
    facts.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Regattas, as_of: 2020}\n"
        "sources: [{id: log, title: The Harbour Log}]\n"
        "entities:\n"
        + "".join(
            f"  - {{id: {s}, name: {s.title()}, type: state, source: {{ref: log, quote: {s}}}}}\n"
            for s in states
        )
        + "people:\n"
        "  - {id: hale, name: Admiral Hale, born: 1950, source: {ref: log, quote: Hale}}\n"
        "events:\n"
        "  - id: regatta\n    name: Spring Regatta\n    date: 2019-05-04\n"
        "    complete: [sent boats]\n"
        "    source: {ref: log, quote: the Spring Regatta}\n    participants:\n"
        "      - {entity: hale, role: directed the regatta}\n"
        + "".join(f"      - {{entity: {s}, role: sent boats}}\n" for s in states[:3])
        + "".join(f"      - {{entity: {s}, role: sent observers}}\n" for s in states[3:]),
        encoding="utf-8",
    )
    asked = made_with_seeds(facts, "event-participants", 6)
    assert asked
    for question in asked:
        assert "Admiral Hale" not in question.choices, (question.prompt, question.choices)


def test_a_false_link_swaps_in_no_work_of_another_age() -> None:
    """ "Murasaki Shikibu wrote the Divine Comedy" is false on its face: three centuries part
    them. Her false form swaps in The Pillow Book, of her own court; Dante, with no work of his
    own time to swap in, has no false form and is not asked true or false at all."""
    for seed in range(6):
        for question in bank_of_seed(LITERATURE_FACTS, seed):
            if question.template != "link-true-false":
                continue
            assert not question.prompt.startswith("True or false? Dante Alighieri wrote")
            if question.prompt.startswith("True or false? Murasaki Shikibu wrote"):
                assert question.prompt.endswith(("The Tale of Genji.", "The Pillow Book."))


def bank_of_seed(path: Path, seed: int) -> list:  # type: ignore[type-arg]
    return [checked.question for checked in generate_checked(load_facts(path), seed=seed)]


def test_a_false_link_swaps_in_one_of_the_right_ones_kind() -> None:
    """ "Europa is a moon of Mars" is ruled out by anyone who knows Mars's two small moons; the
    false form names another giant planet."""
    giants_moons = ("Io", "Europa", "Ganymede", "Callisto", "Titan", "Enceladus")
    asked = [
        q.prompt
        for seed in range(6)
        for q in bank_of_seed(ASTRONOMY_FACTS, seed)
        if q.template == "link-true-false" and q.answer == ("False",) and "is a moon of" in q.prompt
    ]
    assert asked
    for prompt in asked:
        if prompt.removeprefix("True or false? ").startswith(giants_moons):
            assert not prompt.endswith("of Mars."), prompt


def test_a_wrong_author_worked_when_the_author_did() -> None:
    """The Brontës, children when Polidori died in 1821, were offered as authors of The
    Vampyre: alive then is not enough; writers at work then come first."""
    for seed in range(6):
        for question in bank_of_seed(LITERATURE_FACTS, seed):
            if question.prompt == "Which of these writers wrote The Vampyre?":
                assert not [c for c in question.choices if "Brontë" in c], question.choices


def test_wrong_figures_told_as_others_leave_no_room_for_a_comparison() -> None:
    """Saturn's diameter beside Jupiter's and Uranus's among the options was told "for
    comparison" beside Neptune's, a fourth figure that explained no option."""
    told = [
        q.explanation
        for q in made_with_seeds(ASTRONOMY_FACTS, "quantity-choice", 3)
        if q.prompt.endswith("what is Saturn's equatorial diameter?")
    ]
    assert told
    for explanation in told:
        assert "for comparison" not in explanation


def test_real_figures_are_offered_before_made_up_ones_on_either_side() -> None:
    """Venus's diameter beside 15,130 and 17,551 km, 1.25 and 1.45 times it, left a learner two
    real choices; Mercury's, Mars's and Earth's are there to be offered."""
    real = {"4,879 km", "6,792 km", "12,104 km", "12,756 km"}
    asked = [
        q
        for q in made_with_seeds(ASTRONOMY_FACTS, "quantity-choice", 4)
        if q.prompt.endswith("what is Venus's equatorial diameter?")
    ]
    assert asked
    for question in asked:
        assert set(question.choices) == real, question.choices


def test_an_ended_post_is_asked_at_the_middle_of_its_term_and_told_with_every_term() -> None:
    """ "In 1869, Le Verrier was Director of the Paris Observatory" turned on the months before
    his removal in 1870, and "from 1854 to 1870" left out his return from 1873 to 1877."""
    asked = [
        q
        for q in bank_of(ASTRONOMY_FACTS)
        if "Director of the Paris Observatory" in f"{q.prompt} {q.answer}"
    ]
    assert asked
    for question in asked:
        assert "1869" not in question.prompt, question.prompt
        assert "from 1854 to 1870 and from 1873 to 1877" in question.explanation


def test_a_true_figure_shared_by_another_thing_is_still_compared() -> None:
    """Venus has no known moons, nor has Mercury: "True. It has no known moons. Mercury has no
    known moons." told the answer's own value as another's wrong one."""
    told = [
        q.explanation
        for q in bank_of(ASTRONOMY_FACTS)
        if q.template == "quantity-true-false"
        and q.answer == ("True",)
        and "Venus has no known moons" in q.prompt
    ]
    for explanation in told:
        assert "for comparison" in explanation, explanation


def test_a_post_is_told_without_a_deed_beside_its_point() -> None:
    """ "Le Verrier was Director of the Paris Observatory ... Urbain Le Verrier calculated where
    Neptune had to be": his calculation has nothing to do with the post."""
    told = [
        q.explanation
        for q in bank_of(ASTRONOMY_FACTS)
        if "Director of the Paris Observatory" in f"{q.prompt} {q.answer}"
    ]
    assert told
    for explanation in told:
        assert "calculated where Neptune had to be" not in explanation


def test_a_kind_held_since_a_date_is_told_in_the_present_perfect() -> None:
    """ "Pluto is a dwarf planet since 24 August 2006" is no English sentence."""
    told = " ".join(q.explanation for q in bank_of(ASTRONOMY_FACTS))
    assert "is a dwarf planet since" not in told
    assert "Pluto has been classed as a dwarf planet since 24 August 2006" in told


def test_the_one_who_played_a_part_alone_is_told_by_how_they_played_it() -> None:
    """ "Lord Byron was the host" said the key again; what he did there says why he was."""
    host = [
        q
        for q in bank_of(LITERATURE_FACTS)
        if q.template == "participant-choice" and q.prompt.endswith("was the host?")
    ]
    assert host
    for question in host:
        assert question.explanation.startswith("Lord Byron rented the Villa Diodati")


def test_every_real_figure_offered_is_told_whose_it_is() -> None:
    """ "Triton's mean diameter is 2,376 km" was false with nothing said of 2,376 km: it is
    Pluto's, a dwarf planet's figure beside a moon's, drawn as a near miss all the same."""
    pluto = "2,376 km"
    asked = [
        q
        for seed in range(6)
        for q in bank_of_seed(ASTRONOMY_FACTS, seed)
        if q.template.startswith("quantity-")
        and "Pluto" not in q.prompt
        and (pluto in q.prompt or pluto in q.choices)
    ]
    assert asked
    for question in asked:
        assert "2,376 km is Pluto's mean diameter" in question.explanation, question.prompt


def test_a_writers_near_misses_are_first_their_compatriots() -> None:
    """ "Leo Tolstoy wrote Moby-Dick" and Mary Shelley among the writers of War and Peace are
    slips no learner makes: a Russian novel is offered among Russian writers, and a false
    statement gives a writer a compatriot's work. Writers the file gives no state (the English
    ones) are alike in that too."""
    bank = bank_of(LITERATURE_FACTS)
    asked = {q.prompt: q for q in bank}
    war_and_peace = asked["Which of these writers wrote War and Peace?"]
    assert {"Fyodor Dostoevsky", "Ivan Turgenev"} <= set(war_and_peace.choices)
    melville = asked["Which of these works was written by Herman Melville?"]
    assert "The Scarlet Letter" in melville.choices
    facts = load_facts(LITERATURE_FACTS)
    nation = {p.name: p.nationality_id for p in facts.people}
    author = {link.object_id: p.nationality_id for p in facts.people for link in p.links}
    works = {e.name: e.id for e in facts.entities}
    swapped = [q for q in bank if q.template == "link-true-false" and q.answer == ("False",)]
    assert swapped
    for question in swapped:
        statement = question.prompt.removeprefix("True or false? ").rstrip(".")
        writer, work = statement.split(" wrote ")
        assert author[works[work]] == nation[writer], question.prompt


def test_a_state_is_asked_of_a_person_only_with_a_post_and_of_the_dead_in_the_past(
    tmp_path: Path,
) -> None:
    """ "Fyodor Dostoevsky was from which state?" is answered by the name's language, and says
    nothing of who is meant; a post says who, and one who has died "was" from a state."""
    bank = bank_of(LITERATURE_FACTS)
    assert [q for q in bank if q.template == "person-nationality"] == []
    # Nor is it told as a fact about a writer ("Emily Brontë was from the United Kingdom" after
    # a matching of writers and works).
    assert not [q.explanation for q in bank if " was from " in q.explanation]
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Founders of Europe, as_of: 2024-06}\n"
        "entities:\n"
        "  - {id: france, name: France, type: state, source: {reference: Britannica}}\n"
        "  - {id: italy, name: Italy, type: state, source: {reference: Britannica}}\n"
        "  - {id: belgium, name: Belgium, type: state, source: {reference: Britannica}}\n"
        "  - {id: germany, name: Germany, type: state, source: {reference: Britannica}}\n"
        "people:\n"
        "  - id: monnet\n"
        "    name: Jean Monnet\n"
        "    nationality: france\n"
        "    born: 1888-11-09\n"
        "    died: 1979-03-16\n"
        "    source: {reference: Britannica}\n"
        "    roles:\n"
        "      - {title: President of the High Authority, since: 1952-08-10,"
        " until: 1955-06-03}\n",
        encoding="utf-8",
    )
    stated = [q for q in bank_of(path) if q.template == "person-nationality"]
    assert [q.prompt for q in stated] == [
        "Jean Monnet, President of the High Authority (1952\u20131955), was from which state?"
    ]
    assert stated[0].explanation.startswith("Jean Monnet was from France.")


def test_why_a_state_joined_is_told_with_the_year_it_joined() -> None:
    """ "The United States became a member of the Berne Union on 1 March 1989" is the answer
    again; the author's account of why it joined then is what a learner takes away."""
    joined = next(
        q
        for q in bank_of(LITERATURE_FACTS)
        if q.prompt == "In which year did the United States become a member of the Berne Union?"
    )
    assert "Berne Convention Implementation Act of 1988" in joined.explanation


def test_a_small_round_figure_keeps_its_made_up_options_apart(tmp_path: Path) -> None:
    """Rounded to whole numbers like a round answer, made-up values beside 2.0 km fell together
    (1.0, 2.0, 2.0); a rounding onto the answer or onto another option is dropped instead, and
    the made-up ones stay as round as the answer, however few are left."""
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Bridges}\n"
        "entities:\n"
        "  - {id: span, name: Long Span, type: bridge, source: {reference: Survey},\n"
        "     quantities: [{property: length, value: 2.0, unit: km}]}\n"
        "  - {id: arch, name: Old Arch, type: bridge, source: {reference: Survey},\n"
        "     quantities: [{property: length, value: 9.0, unit: km}]}\n",
        encoding="utf-8",
    )
    chosen = [
        q
        for q in bank_of(path)
        if q.template == "quantity-choice" and q.prompt == "What is Long Span's length?"
    ]
    assert chosen
    for question in chosen:
        assert len(set(question.choices)) == len(question.choices) >= 3, question.choices
        assert all(choice.endswith(".0 km") for choice in question.choices), question.choices


def test_a_false_figure_is_a_near_one_not_another_things_far_off(tmp_path: Path) -> None:
    """A choice may fill its options with another lake's depth three and a half times off; a
    false statement needs one value, and "Lake Beta's depth is 100 m" beside its 350 m is no
    slip a learner makes."""
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Lakes}\n"
        "entities:\n"
        "  - {id: alpha, name: Lake Alpha, type: lake, source: {reference: Survey},\n"
        "     quantities: [{property: depth, value: 100, unit: m}]}\n"
        "  - {id: beta, name: Lake Beta, type: lake, source: {reference: Survey},\n"
        "     quantities: [{property: depth, value: 350, unit: m}]}\n",
        encoding="utf-8",
    )
    facts = load_facts(path)
    stated = [
        c.question.prompt
        for seed in range(4)
        for c in generate_checked(facts, seed)
        if c.question.kind is Kind.TRUE_FALSE and "Lake Beta" in c.question.prompt
    ]
    assert any("350 m" not in p for p in stated), stated
    assert not [p for p in stated if "100 m" in p]


def test_a_compatriots_work_comes_first_only_from_the_writers_own_time(tmp_path: Path) -> None:
    """Kokoro and Snow Country are Japanese novels, nine centuries after The Tale of Genji: no
    learner takes them for Murasaki Shikibu's. Works nearer her time come first."""
    people = [
        ("murasaki", "Murasaki Shikibu", "japan", "c. 978", "", "genji", "The Tale of Genji"),
        ("soseki", "Natsume Soseki", "japan", "1867", "1916", "kokoro", "Kokoro"),
        ("kawabata", "Yasunari Kawabata", "japan", "1899", "1972", "snow", "Snow Country"),
        ("luo", "Luo Guanzhong", "china", "c. 1330", "c. 1400", "three", "Three Kingdoms"),
        ("wu", "Wu Cheng'en", "china", "c. 1500", "c. 1582", "journey", "Journey to the West"),
        ("cervantes", "Miguel de Cervantes", "spain", "1547", "1616", "quixote", "Don Quixote"),
    ]
    text = (
        "format: quizgen-facts/1\n"
        "topic: {title: Novels of the world}\n"
        "relations: [{id: wrote, forward: wrote, reverse: was written by, one_subject: true}]\n"
        "categories: [{id: novel, name: novel, complete: true, source: {reference: OCEL}}]\n"
        "entities:\n"
        "  - {id: japan, name: Japan, type: state, source: {reference: Atlas}}\n"
        "  - {id: china, name: China, type: state, source: {reference: Atlas}}\n"
        "  - {id: spain, name: Spain, type: state, source: {reference: Atlas}}\n"
    )
    for _, _, _, _, _, work_id, title in people:
        text += (
            f"  - {{id: {work_id}, name: {title}, type: work, categories: [novel],"
            " source: {reference: Britannica}}\n"
        )
    text += "people:\n"
    for person_id, name, state, born, died, work_id, _ in people:
        text += (
            f'  - {{id: {person_id}, name: "{name}", nationality: {state}, born: {born},'
            + (f" died: {died}," if died else "")
            + f" source: {{reference: Britannica}}, links: [{{relation: wrote, to: {work_id}}}]}}\n"
        )
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    asked = next(
        q
        for q in bank_of(path)
        if q.prompt == "Which of these works was written by Murasaki Shikibu?"
    )
    assert not {"Kokoro", "Snow Country"} & set(asked.choices), asked.choices


def test_works_of_another_kind_fill_a_choice_only_where_its_own_kind_is_too_few() -> None:
    """Don Quixote among three plays was the option every learner rules out by its form: three
    plays beside Shakespeare's are offered, and no novel."""
    facts = load_facts(LITERATURE_FACTS)
    plays = {e.name for e in facts.entities if any(m.category_id == "play" for m in e.categories)}
    shakespeare = next(
        q
        for q in bank_of(LITERATURE_FACTS)
        if q.template == "link-objects" and q.prompt.endswith("written by William Shakespeare?")
    )
    assert set(shakespeare.choices) <= plays, shakespeare.choices


def test_a_document_in_force_the_year_it_was_enacted_is_asked_that_year_once() -> None:
    """The Statute of Anne came into force five days after it was enacted: "In which year did
    it enter into force?" asks the enactment's year again, with the answer the earliest option
    (none may precede the enactment). The Berne Convention's year in force is its own."""
    prompts = {q.prompt for q in bank_of(LITERATURE_FACTS)}
    assert "In which year was the Statute of Anne enacted?" in prompts
    assert "In which year did the Statute of Anne enter into force?" not in prompts
    assert (
        "In which year did the Berne Convention for the Protection of Literary and Artistic Works"
        " enter into force?" in prompts
    )


def test_three_compatriots_make_the_options_and_no_other_state_fills_them_alone() -> None:
    """Hawthorne and Cooper beside Melville need no Charlotte Brontë, whom a learner rules out
    at once; The Pillow Book, of Murasaki's court, is the slip beside The Tale of Genji, where
    three Spanish novels left Genji the one Japanese title."""
    facts = load_facts(LITERATURE_FACTS)
    state = {p.name: p.nationality_id for p in facts.people}
    state_of_work = {
        e.name: next(
            (p.nationality_id for p in facts.people for k in p.links if k.object_id == e.id), ""
        )
        for e in facts.entities
    }
    asked = {q.prompt: q for q in bank_of(LITERATURE_FACTS)}
    melville = asked["Which of these writers wrote Moby-Dick?"]
    assert {state[c] for c in melville.choices} == {"united-states"}, melville.choices
    genji = asked["Which of these works was written by Murasaki Shikibu?"]
    assert "The Pillow Book" in genji.choices
    assert {state_of_work[c] for c in genji.choices} - {"japan"}, genji.choices
    # Writers the file gives no state are offered four options as before: Shakespeare's rivals.
    hamlet = asked["Which of these writers wrote Hamlet?"]
    assert len(hamlet.choices) == 4, hamlet.choices


def test_a_document_signed_on_a_rough_date_is_still_asked_when_it_entered_into_force(
    tmp_path: Path,
) -> None:
    """Only a signing known to the year asks that year: signed "c. 1710", the Statute is asked
    the year it came into force, its one year question."""
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\n"
        "topic: {title: Copyright}\n"
        "documents:\n"
        "  - {id: anne, name: Statute of Anne, kind: act, signed: c. 1710, verb: enacted,\n"
        "     in_force: 1710-04-10, source: {reference: Statutes}}\n",
        encoding="utf-8",
    )
    prompts = {q.prompt for q in bank_of(path)}
    assert "In which year did the Statute of Anne enter into force?" in prompts
