"""A date known only roughly or to the century is asked at that precision: "In which century was
Dante Alighieri born?" among neighbouring centuries of the same era, never as a year."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ASTRONOMY_FACTS, EU_FACTS, LITERATURE_FACTS, run_quizgen
from quizgen.facts.loader import load_facts
from quizgen.facts.model import PartialDate
from quizgen.questions.centuries import (
    century_of,
    century_of_year,
    century_verdict,
    century_written,
    next_century,
    years_of,
)
from quizgen.questions.claims import Claim, Relation
from quizgen.questions.engine import generate_questions
from quizgen.questions.model import Kind, Question
from quizgen.questions.oracle import Oracle, Verdict


def asked(path: Path) -> dict[str, Question]:
    return {q.prompt: q for q in generate_questions(load_facts(path), seed=0)}


@pytest.mark.parametrize(
    ("year", "century"),
    [(1, 1), (100, 1), (101, 2), (1300, 13), (1301, 14), (-1, -1), (-100, -1), (-101, -2)],
)
def test_a_year_falls_in_the_century_a_historian_gives_it(year: int, century: int) -> None:
    assert century_of_year(year) == century
    first, last = years_of(century)
    assert first <= year <= last


def test_centuries_count_across_the_missing_year_0() -> None:
    assert next_century(-1, 1) == 1 and next_century(1, -1) == -1
    assert next_century(-2, 3) == 2 and next_century(13, -2) == 11


def test_an_approximate_date_near_the_start_of_the_era_reaches_back_before_christ() -> None:
    # Twenty years before AD 20 is 1 BC, as there is no year 0; twenty after 20 BC is AD 1.
    assert PartialDate(20, approximate=True).earliest[0] == -1
    assert PartialDate(-20, approximate=True).latest[0] == 1
    assert PartialDate(5, approximate=True).earliest[0] == -16


def test_an_approximate_date_lies_in_one_century_only_when_its_margin_does() -> None:
    assert century_of(PartialDate(1265, approximate=True)) == 13
    assert century_of(PartialDate(-150, approximate=True)) == -2
    # c. 190 BC may be 205 BC, and c. 1308 may be 1298: either of two centuries.
    assert century_of(PartialDate(-190, approximate=True)) is None
    assert century_of(PartialDate(1308, approximate=True)) is None
    assert century_of(PartialDate(-400, century=4)) == -4


@pytest.mark.parametrize(
    ("text", "century"),
    [
        ("the 13th century", 13),
        ("13th century", 13),
        ("the 1st century AD", 1),
        ("the 2nd century BC", -2),
        ("0th century", None),
        ("1265", None),
    ],
)
def test_an_offered_century_is_read_in_any_of_its_forms(text: str, century: int | None) -> None:
    assert century_written(text) == century


def test_a_date_on_a_century_boundary_settles_neither_side() -> None:
    c_1308 = PartialDate(1308, approximate=True)

    assert century_verdict(c_1308, None, 14) is None
    assert century_verdict(c_1308, None, 13) is None
    assert century_verdict(c_1308, None, 12) is False
    assert century_verdict(PartialDate(1001, century=11), None, 11) is True


# -- the questions ------------------------------------------------------------------------------


def test_a_birth_known_roughly_is_asked_by_its_century_among_neighbours() -> None:
    questions = asked(LITERATURE_FACTS)
    dante = questions["In which century was Dante Alighieri born?"]

    assert dante.kind is Kind.SINGLE and dante.answer == ("The 13th century",)
    numbers = [n for n in (century_written(c) for c in dante.choices) if n is not None]
    assert len(numbers) == len(dante.choices)
    # Consecutive centuries, in order; he died in 1321, so none after the 14th.
    assert all(b == next_century(a, 1) for a, b in zip(numbers, numbers[1:], strict=False))
    assert max(numbers) <= 14
    assert dante.explanation.startswith("Dante Alighieri was born c. 1265, in the 13th century. ")
    assert "In which year was Dante Alighieri born?" not in questions
    genji = questions["In which century did the writing of The Tale of Genji take place?"]
    assert genji.answer == ("The 11th century",)


# Scholars of the test's own making: born in one century before Christ, dead in the next, so
# that each century can be asked with the key inside its options.
ANCIENT = """\
format: quizgen-facts/1
topic: {title: Ancient scholars, as_of: 2020}
sources: [{id: lives, title: Lives of the Scholars}]
people:
  - id: theron
    name: Theron of Kos
    born: 3rd century BC
    died: 2nd century BC
    source: {ref: lives, quote: Theron}
  - id: lysandra
    name: Lysandra of Rhodes
    born: 2nd century BC
    died: 1st century BC
    source: {ref: lives, quote: Lysandra}
"""


def test_a_date_before_christ_is_asked_among_centuries_before_christ(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(ANCIENT, encoding="utf-8")
    born = asked(facts)["In which century was Theron of Kos born?"]

    assert born.answer == ("The 3rd century BC",)
    assert all(c.endswith(" BC") for c in born.choices)
    # A century of the first millennium says its era: "the 2nd century" alone could be BC.
    almagest = asked(ASTRONOMY_FACTS)["In which century was the Almagest written?"]
    assert almagest.answer == ("The 2nd century AD",)
    assert not [c for c in almagest.choices if "BC" in c]
    assert all(c.endswith(" AD") for c in almagest.choices)
    assert "the 2nd century AD" in almagest.explanation


def test_no_death_is_offered_before_the_birth_and_mixed_eras_say_so(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(ANCIENT, encoding="utf-8")
    died = asked(facts)["In which century did Lysandra of Rhodes die?"]

    # Born in the 2nd century BC: the 3rd would be before she was born.
    assert "The 3rd century BC" not in died.choices
    # Too few centuries before Christ are left: those after say "AD", as BC ones say "BC".
    assert any(c.endswith(" AD") for c in died.choices)
    assert all(c.endswith((" BC", " AD")) for c in died.choices)


def test_a_century_a_lifes_other_end_would_put_first_or_last_is_not_asked() -> None:
    """Hipparchus was born and died in the 2nd century BC: neither century can be offered
    with a wrong one on each side of it, and the options would point at the key."""
    astronomy = asked(ASTRONOMY_FACTS)
    assert "In which century was Hipparchus born?" not in astronomy
    assert "In which century did Hipparchus die?" not in astronomy


def test_a_date_that_may_lie_in_two_centuries_or_is_known_to_the_year_gets_none() -> None:
    astronomy = asked(ASTRONOMY_FACTS)
    literature = asked(LITERATURE_FACTS)

    assert "In which century was Claudius Ptolemy born?" not in astronomy  # c. AD 100
    assert not [p for p in literature if "century" in p and "Divine Comedy" in p]  # c. 1308
    assert "In which century was Mary Shelley born?" not in literature  # 30 August 1797
    assert not [p for p in asked(EU_FACTS) if p.startswith("In which century")]


def test_the_oracle_settles_a_century_and_never_a_year_of_a_rough_date() -> None:
    oracle = Oracle(load_facts(LITERATURE_FACTS))
    born = Claim(Relation.BORN_IN, "dante")

    assert oracle.verdict(born, "the 13th century") is Verdict.TRUE
    assert oracle.verdict(born, "the 12th century") is Verdict.FALSE
    assert oracle.verdict(born, "1265") is Verdict.UNKNOWN
    written = Claim(Relation.HAPPENED_IN, "commedia-writing")
    assert oracle.verdict(written, "the 14th century") is Verdict.UNKNOWN
    assert oracle.verdict(written, "the 12th century") is Verdict.FALSE
    # A year known exactly settles its century too, though no template asks it.
    assert oracle.verdict(Claim(Relation.DIED_IN, "dante"), "the 14th century") is Verdict.TRUE


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", [LITERATURE_FACTS, ASTRONOMY_FACTS, EU_FACTS], ids=lambda p: p.parent.name
)
def test_every_format_builds_from_a_file_with_rough_dates_and_renamings(
    tmp_path: Path, path: Path
) -> None:
    result = run_quizgen("build", "--facts", path, "--out", tmp_path, "--format", "all", "-q")

    assert result.exit_code == 0, result.output
    written = {p.suffix for p in tmp_path.iterdir()}
    assert {".apkg", ".pdf", ".html", ".json", ".xml", ".txt", ".zip"} <= written
