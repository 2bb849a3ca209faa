"""A state, city or body that kept its identity but changed its name: the facts say so with
``former_names``, validation places every mistake, the questions ask the name, the bearer and
the year, and the oracle never offers as wrong a name the facts make right."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EU_FACTS, run_quizgen
from quizgen.facts.loader import load_facts
from quizgen.facts.model import PartialDate
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.engine import generate_checked
from quizgen.questions.model import Kind, Question
from quizgen.questions.oracle import Oracle, Verdict

RENAMED = """\
format: quizgen-facts/1
topic: {title: Renamed places, as_of: 2024-01}
entities:
  - id: sri-lanka
    name: Sri Lanka
    type: state
    former_names:
      - {name: Ceylon, until: 1972-05-22, source: {reference: "Constitution of 1972"}}
    source: {reference: "Encyclopaedia Britannica: Sri Lanka"}
  - id: myanmar
    name: Myanmar
    type: state
    former_names: [{name: Burma, until: 1989-06-18}]
    source: {reference: "Encyclopaedia Britannica: Myanmar"}
  - id: thailand
    name: Thailand
    type: state
    former_names: [{name: Siam, until: 1939-06-24}]
    source: {reference: "Encyclopaedia Britannica: Thailand"}
  - {id: india, name: India, type: state, source: {reference: x}}
  - id: saint-petersburg
    name: Saint Petersburg
    type: city
    former_names:
      - {name: Petrograd, since: 1914-08-31, until: 1924-01-26}
      - {name: Leningrad, until: 1991-09-06}
    source: {reference: "Encyclopaedia Britannica: St. Petersburg"}
  - id: volgograd
    name: Volgograd
    type: city
    former_names:
      - {name: Tsaritsyn, until: 1925-04-10}
      - {name: Stalingrad, until: 1961-11-10}
    source: {reference: "Encyclopaedia Britannica: Volgograd"}
  - {id: moscow, name: Moscow, type: city, source: {reference: x}}
  - {id: kyiv, name: Kyiv, type: city, source: {reference: x}}
groups:
  - id: commonwealth
    name: Commonwealth of Nations
    as_of: 2024-01
    source: {reference: "Commonwealth Secretariat: member countries"}
    members:
      - {entity: sri-lanka, since: 1948-02-04}
      - {entity: india, since: 1947-08-15}
"""


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("renamed") / "facts.yaml"
    path.write_text(RENAMED, encoding="utf-8")
    return path


def bank(path: Path) -> list[CheckedQuestion]:
    return list(generate_checked(load_facts(path), seed=0))


def asked(path: Path) -> dict[str, Question]:
    return {checked.question.prompt: checked.question for checked in bank(path)}


# -- what the facts file says, and where it is wrong ---------------------------------------------


def test_former_names_load_oldest_first_with_their_dates(renamed: Path) -> None:
    city = next(e for e in load_facts(renamed).entities if e.id == "saint-petersburg")

    assert [n.name for n in city.former_names] == ["Petrograd", "Leningrad"]
    assert str(city.former_names[0].since) == "1914-08-31"
    assert str(city.former_names[1].until) == "1991-09-06"


BAD_NAMES = """\
format: quizgen-facts/1
topic: {title: Renamed places, as_of: 2024-01}
entities:
  - id: spb
    name: Saint Petersburg
    type: city
    aliases: [Petersburg]
    former_names:
      - {name: Leningrad, until: 1991}
      - {name: Petrograd, until: 1924}
      - {name: Petersburg, until: 2030}
      - {name: Moscow, since: 1995, until: 1990}
      - {name: Kiev}
    source: {reference: x}
  - {id: moscow, name: Moscow, type: city, source: {reference: x}}
  - {id: kyiv, name: Kyiv, type: city, aliases: [Kiev], source: {reference: x}}
groups:
  - id: club
    name: New Club
    founded: 1950
    dissolved: 1980
    former_names:
      - {name: Old Club, until: 1940}
      - {name: Middle Club, since: 1930, until: 1990}
    source: {reference: x}
"""


@pytest.mark.parametrize(
    ("place", "message"),
    [
        (
            "10:9",
            "former names are listed oldest first, but 'Petrograd' (until 1924) follows "
            "'Leningrad' (until 1991)",
        ),
        ("11:9", "former name 'Petersburg' of 'spb' is also one of its present names"),
        (
            "11:9",
            "former name 'Petersburg' of 'spb' ends (2030) after the facts were checked (2024-01)",
        ),
        ("12:44", "former name 'Moscow' ends (1990) before it begins (1995)"),
        ("12:9", "former name 'Moscow' of 'spb' is also a name of 'moscow', an entity (city)"),
        ("13:9", "a former name is missing the required key 'until'"),
        ("13:9", "former name 'Kiev' of 'spb' is also a name of 'kyiv', an entity (city)"),
        (
            "23:9",
            "former name 'Old Club' of 'club' is used (1940) before 'club' was founded (1950)",
        ),
        (
            "24:9",
            "former name 'Middle Club' of 'club' ends (1990) after 'club' was dissolved (1980)",
        ),
        (
            "24:9",
            "former name 'Middle Club' of 'club' is used from 1930, while 'Old Club' was still "
            "the name (until 1940)",
        ),
    ],
)
def test_every_mistake_in_former_names_is_reported_where_it_is_written(
    tmp_path: Path, place: str, message: str
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(BAD_NAMES, encoding="utf-8")
    result = run_quizgen("validate", path)

    assert result.exit_code == 1
    assert f"{path}:{place}: {message}" in result.output, result.output


def test_a_former_name_may_share_its_letters_with_a_term(tmp_path: Path) -> None:
    """A term and the body it abbreviates share a name elsewhere in the format: the EEC as a
    term and the European Community's former short name are no clash."""
    path = tmp_path / "facts.yaml"
    path.write_text(
        "format: quizgen-facts/1\ntopic: {title: Europe, as_of: 2024}\ngroups:\n"
        "  - id: ec\n    name: European Community\n    source: {reference: x}\n"
        "    former_names: [{name: European Economic Community, short: EEC, until: 1993-11-01}]\n"
        "terms:\n  - {id: eec, term: EEC, definition: European Economic Community,"
        " source: {reference: x}}\n",
        encoding="utf-8",
    )

    assert run_quizgen("validate", path).exit_code == 0


# -- the questions ---------------------------------------------------------------------------


def test_a_renaming_is_asked_for_the_name_the_bearer_and_the_year(renamed: Path) -> None:
    questions = asked(renamed)

    name = questions["Under which name was Sri Lanka known until 1972?"]
    assert (name.kind, name.answer) == (Kind.SHORT, ("Ceylon",))
    bearer = questions["Which state was called Ceylon until 1972?"]
    assert (bearer.kind, bearer.answer) == (Kind.SHORT, ("Sri Lanka",))
    year = questions["In which year was Ceylon renamed Sri Lanka?"]
    assert (year.kind, year.answer) == (Kind.YEAR, ("1972",))
    assert year.explanation.startswith("Ceylon was renamed Sri Lanka on 22 May 1972. Source: ")
    assert year.source.reference == "Constitution of 1972"
    # One proposition: each stem names what the others ask, so a test asks it once.
    assert {name.claim_id, bearer.claim_id, year.claim_id} == {"sri-lanka/former-name/ceylon"}


def test_a_name_between_two_others_is_dated_from_and_to(renamed: Path) -> None:
    questions = asked(renamed)

    leningrad = questions["Under which name was Saint Petersburg known from 1924 to 1991?"]
    assert leningrad.answer == ("Leningrad",)
    petrograd = questions["Under which name was Saint Petersburg known from 1914 to 1924?"]
    assert petrograd.answer == ("Petrograd",)
    assert petrograd.explanation.startswith(
        "Petrograd was renamed Leningrad on 26 January 1924, and Saint Petersburg on "
        "6 September 1991. "
    )
    # The city that was Petrograd is named by the names it took later, too.
    city = questions["Which city was called Petrograd from 1914 to 1924?"]
    assert city.answer == ("Saint Petersburg",) and city.accept == ("Leningrad",)
    assert "In which year was Petrograd renamed Leningrad?" in questions
    assert "Under which name was Volgograd known from 1925 to 1961?" in questions


LONG_NAMES = """\
format: quizgen-facts/1
topic: {title: Invented states, as_of: 2024}
entities:
  - id: borland
    name: Borland
    type: state
    former_names: [{name: United Provinces of the Western March, until: 1950}]
    source: {reference: x}
  - id: eastmark
    name: Eastmark
    type: state
    former_names: [{name: Free and Sovereign State of Norland, until: 1921}]
    source: {reference: x}
  - id: southmere
    name: Southmere
    type: state
    former_names: [{name: Kingdom of the Two Eastern Rivers, until: 1905}]
    source: {reference: x}
  - id: westholm
    name: Westholm
    type: state
    former_names:
      - {name: Confederation of the Nine Valleys, until: 1890}
      - {name: Grand Duchy of the Lakes and Hills, until: 1930}
    source: {reference: x}
"""


def test_a_name_too_long_to_type_is_chosen_among_other_former_names(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(LONG_NAMES, encoding="utf-8")
    questions = asked(path)
    facts = load_facts(path)
    own = {e.id: {n.name for n in e.former_names} for e in facts.entities}

    borland = questions["Under which name was Borland known until 1950?"]
    assert borland.kind is Kind.SINGLE
    assert borland.answer == ("United Provinces of the Western March",)
    others = set().union(*(names for i, names in own.items() if i != "borland"))
    assert set(borland.choices) - set(borland.answer) <= others
    # Westholm's earlier name is never offered as wrong for its later one: "known until 1930"
    # might be read as covering it.
    for question in questions.values():
        if question.prompt.startswith("Under which name was Westholm"):
            assert not set(question.choices) - set(question.answer) & own["westholm"]


def test_the_oracle_never_calls_a_name_of_the_same_place_wrong(renamed: Path) -> None:
    oracle = Oracle(load_facts(renamed))
    leningrad = Claim(
        Relation.FORMER_NAME, "saint-petersburg", detail="Leningrad", when=_until(renamed, 1)
    )

    assert oracle.verdict(leningrad, "Leningrad") is Verdict.TRUE
    assert oracle.verdict(leningrad, "Stalingrad") is Verdict.FALSE
    assert oracle.verdict(leningrad, "Saint Petersburg") is Verdict.FALSE
    # Its other former name is not wrong "before 1991": it is never offered as wrong.
    assert oracle.verdict(leningrad, "Petrograd") is Verdict.UNKNOWN
    bearer = Claim(
        Relation.FORMER_NAME_OF, "saint-petersburg", detail="Leningrad", when=_until(renamed, 1)
    )
    assert oracle.verdict(bearer, "Saint Petersburg") is Verdict.TRUE
    assert oracle.verdict(bearer, "Petrograd") is Verdict.TRUE
    assert oracle.verdict(bearer, "Volgograd") is Verdict.FALSE
    renamed_in = Claim(Relation.RENAMED_IN, "saint-petersburg", detail="Leningrad")
    assert oracle.verdict(renamed_in, "1991") is Verdict.TRUE
    assert oracle.verdict(renamed_in, "1989") is Verdict.FALSE


def test_a_former_name_names_the_same_state_in_other_claims(renamed: Path) -> None:
    oracle = Oracle(load_facts(renamed))
    member = Claim(Relation.MEMBER_ON, "commonwealth", detail="member", when=PartialDate(1960))

    # Ceylon in 1960 is Sri Lanka: a member, as the facts say, whichever name is offered.
    assert oracle.verdict(member, "Ceylon") is oracle.verdict(member, "Sri Lanka")
    assert oracle.verdict(member, "Ceylon") is Verdict.TRUE
    # It is not Sri Lanka's name today, so a typed answer does not take it for one.
    assert oracle.verdict(Claim(Relation.NAME_OF, "sri-lanka"), "Ceylon") is Verdict.UNKNOWN
    assert oracle.verdict(Claim(Relation.NAME_OF, "sri-lanka"), "Sri Lanka") is Verdict.TRUE


def test_no_wrong_option_in_the_eu_file_is_wrong_only_because_of_the_renaming() -> None:
    """The European Community was founded in 1958 as the European Economic Community, whose
    treaty was signed in 1957: that year is no fair wrong option for its founding."""
    oracle = Oracle(load_facts(EU_FACTS))
    founded = Claim(Relation.FOUNDED_IN, "ec")

    assert oracle.verdict(founded, "1958") is Verdict.TRUE
    assert oracle.verdict(founded, "1957") is Verdict.UNKNOWN
    questions = asked(EU_FACTS)
    old_name = questions["Under which name was the European Community known until 1993?"]
    assert old_name.answer == ("European Economic Community",) and old_name.accept == ("EEC",)
    assert questions[
        "In which year was the European Economic Community renamed the European Community?"
    ].answer == ("1993",)
    # The EU never stood for the European Economic Community.
    eu = questions["What does the abbreviation EU stand for?"]
    assert "European Economic Community" not in eu.accept


def test_the_name_it_is_renamed_to_is_no_cue_to_its_former_one(renamed: Path) -> None:
    """A bearer whose present name repeats its former one ("Which organisation was called the
    European Economic Community?" -> "European Community") gives itself away: not asked."""
    questions = asked(EU_FACTS)

    assert not [p for p in questions if p.startswith("Which organisation was called")]


def _until(path: Path, position: int) -> PartialDate:
    city = next(e for e in load_facts(path).entities if e.id == "saint-petersburg")
    return city.former_names[position].until
