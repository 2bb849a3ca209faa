"""A teacher's deck files: every mistake is found at once, in place, and decks select as told."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click
import pytest

from conftest import run_quizgen
from quizgen.exporters import exporter_names
from quizgen.facts.loader import load_facts
from quizgen.facts.model import Facts
from quizgen.questions.assembly import assemble_form
from quizgen.questions.bank import assemble_bank, choose_decks
from quizgen.questions.decks import DeckSpec, load_decks, slug_of
from quizgen.questions.model import Blueprint, Kind, Question, SourceNote

FACTS_TEXT = """\
format: quizgen-facts/1
topic:
  title: Alliances of Kórnik
  description: A small topic with tagged facts.
  as_of: 2020-10
sources:
  - {id: notes, title: Notes}
entities:
  - {id: armenia, name: Armenia, type: state, tags: [membership], source: {reference: Notes}}
  - {id: belarus, name: Belarus, type: state, tags: [membership], source: {reference: Notes}}
documents:
  - id: treaty
    name: Collective Security Treaty
    kind: treaty
    signed: 1992-05-15
    tags: [treaties, csto::core]
    source: {reference: Notes}
events:
  - id: clashes
    name: Tavush clashes
    date: 2020-07-12
    tags: [july-2020]
    source: {reference: Notes}
"""


@pytest.fixture
def facts_path(tmp_path: Path) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(FACTS_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def facts(facts_path: Path) -> Facts:
    return load_facts(facts_path)


def write_decks(folder: Path, **texts: str) -> Path:
    """Writes ``name=text`` pairs as ``folder/name.yaml`` deck files."""
    folder.mkdir(exist_ok=True)
    for stem, text in texts.items():
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return folder


def question(
    question_id: str, fact_ids: tuple[str, ...], tags: tuple[str, ...], kind: Kind = Kind.SINGLE
) -> Question:
    """A stand-in for a generated question: decks look only at id, facts, tags and kind."""
    return Question(
        id=question_id,
        kind=kind,
        prompt=f"Prompt of {question_id}?",
        answer=("Yes",),
        explanation="",
        source=SourceNote(title="Notes"),
        fact_ids=fact_ids,
        template="stand-in",
        choices=("Yes", "No"),
        tags=tags,
    )


STAND_IN_QUESTIONS = (
    question("q-armenia", ("armenia",), ("membership",)),
    question("q-belarus", ("belarus",), ("membership",), Kind.TRUE_FALSE),
    question("q-treaty-year", ("treaty",), ("treaties", "csto::core"), Kind.YEAR),
    question("q-treaty-place", ("treaty",), ("treaties", "csto::core")),
    question("q-clashes", ("clashes", "armenia"), ("july-2020",)),
)


def deck_ids(facts: Facts, *specs: DeckSpec, seed: int | None = None) -> list[list[str]]:
    bank = assemble_bank(facts, STAND_IN_QUESTIONS, specs, seed, generated_at=0)
    return [[q.id for q in deck.questions] for deck in bank.decks]


def spec(name: str, **selection: object) -> DeckSpec:
    return DeckSpec(name=name, slug=slug_of(name), title=name, **selection)  # type: ignore[arg-type]


# -- validation -----------------------------------------------------------------------------------


def test_every_mistake_in_every_deck_file_is_listed_with_its_line_and_column(
    facts_path: Path, tmp_path: Path
) -> None:
    decks = write_decks(
        tmp_path / "decks",
        bad="name: Test::Bad\n"
        "tagz: [membership]\n"
        "kinds: [single, multi]\n"
        "facts: [armenai]\n"
        "tags: [membersip]\n"
        "count: 0\n",
        other="name: Test::Other\nformats: [pfd]\nexclude_facts: belarus\nexclude_tags: [nope]\n",
    )
    result = run_quizgen("validate", facts_path, "--decks", decks)

    assert result.exit_code == 1
    bad, other = decks / "bad.yaml", decks / "other.yaml"
    expected = [
        f"{bad}:2:1: unknown key 'tagz' in a deck file; did you mean 'tags'?",
        f"{bad}:3:17: unknown kind 'multi' in kinds; did you mean 'multiple'?",
        f"{bad}:4:9: fact 'armenai' in facts is not in the facts file; did you mean 'armenia'?",
        f"{bad}:5:8: tag 'membersip' in tags is on no fact; did you mean 'membership'?",
        f"{bad}:6:8: count must be a whole number from 1 to 100000",
        f"{other}:2:11: unknown format 'pfd' in formats; did you mean 'pdf'?",
        f"{other}:4:16: tag 'nope' in exclude_tags is on no fact",
        "7 problems found; nothing was written.",
    ]
    assert result.output.splitlines() == expected
    assert "Traceback" not in result.output


def test_two_decks_may_share_neither_a_name_nor_a_file_name(
    facts_path: Path, tmp_path: Path
) -> None:
    decks = write_decks(
        tmp_path / "decks",
        a="name: CSTO::Members\n",
        b="title: Again\nname: CSTO::Members\n",
        c="name: CSTO Members\n",
    )
    result = run_quizgen("validate", facts_path, "--decks", decks)

    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{decks / 'b.yaml'}:2:7: duplicate deck name 'CSTO::Members'; "
        f"it is already used at {decks / 'a.yaml'}:1:7",
        f"{decks / 'c.yaml'}:1:7: deck name 'CSTO Members' gives the same file name "
        f"'csto-members' as deck 'CSTO::Members'; that deck is at {decks / 'a.yaml'}:1:7; "
        "rename one of them",
        "2 problems found; nothing was written.",
    ]


def test_a_broken_deck_file_does_not_hide_the_mistakes_of_the_others(
    facts_path: Path, tmp_path: Path
) -> None:
    decks = write_decks(
        tmp_path / "decks", broken="name: [unclosed\n", empty="", fine="name: X\nseed: -1\n"
    )
    result = run_quizgen("validate", facts_path, "--decks", decks)

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{decks / 'broken.yaml'}:2:1: YAML syntax error")
    assert lines[1].startswith(f"{decks / 'empty.yaml'}: the file is empty")
    assert lines[2:] == [
        f"{decks / 'fine.yaml'}:2:7: seed must be a whole number from 0 to 4294967295",
        "3 problems found; nothing was written.",
    ]


def test_valid_deck_files_are_read_in_file_name_order_with_their_defaults(
    facts: Facts, tmp_path: Path
) -> None:
    decks = write_decks(
        tmp_path / "decks",
        b_treaties="name: Alliances::Treaties and dates\ntags: treaties\ncount: 3\nseed: 7\n",
        a_members="name: Alliances::Members\ntitle: Who belongs\nkinds: [single, true_false]\n",
    )
    members, treaties = load_decks(decks, facts, exporter_names())

    assert (members.name, members.title, members.file_stem) == (
        "Alliances::Members",
        "Who belongs",
        "a_members",
    )
    assert members.kinds == (Kind.SINGLE, Kind.TRUE_FALSE)
    assert (members.blueprint.count, members.seed) == (None, 0)
    assert (treaties.title, treaties.slug) == ("Treaties and dates", "alliances-treaties-and-dates")
    assert (treaties.tags, treaties.blueprint.count, treaties.seed) == (("treaties",), 3, 7)


@pytest.mark.parametrize("make_folder", [False, True], ids=["no folder", "empty folder"])
def test_without_deck_files_the_whole_topic_is_one_deck_named_after_it(
    facts: Facts, tmp_path: Path, make_folder: bool
) -> None:
    folder = tmp_path / "decks"
    if make_folder:
        folder.mkdir()
    (deck,) = load_decks(folder, facts, exporter_names())

    assert (deck.name, deck.slug) == ("Alliances of Kórnik", "alliances-of-kornik")
    assert deck.description == "A small topic with tagged facts."
    assert deck_ids(facts, deck) == [[q.id for q in STAND_IN_QUESTIONS]]


def test_validate_counts_the_default_deck(facts_path: Path, tmp_path: Path) -> None:
    (tmp_path / "no-decks").mkdir()
    result = run_quizgen("validate", facts_path, "--decks", tmp_path / "no-decks")

    assert result.exit_code == 0, result.output
    assert result.output == f"{facts_path}: 4 facts and 1 deck are valid.\n"


# -- selection ------------------------------------------------------------------------------------


def test_a_deck_selects_by_tag_fact_and_kind_in_bank_order(facts: Facts) -> None:
    assert deck_ids(
        facts,
        spec("By tag", tags=("membership",)),
        spec("By parent tag", tags=("csto",)),
        spec("By fact", fact_ids=("armenia",)),
        spec("Tag or fact", tags=("treaties",), fact_ids=("belarus",)),
        spec("Kind only", kinds=(Kind.YEAR, Kind.TRUE_FALSE)),
        spec("Everything"),
    ) == [
        ["q-armenia", "q-belarus"],
        ["q-treaty-year", "q-treaty-place"],
        ["q-armenia", "q-clashes"],
        ["q-belarus", "q-treaty-year", "q-treaty-place"],
        ["q-belarus", "q-treaty-year"],
        [q.id for q in STAND_IN_QUESTIONS],
    ]


def test_exclusions_remove_questions_a_selection_took(facts: Facts) -> None:
    assert deck_ids(
        facts,
        spec("No clashes", fact_ids=("armenia",), exclude_tags=("july-2020",)),
        spec("No treaty", exclude_fact_ids=("treaty",)),
    ) == [["q-armenia"], ["q-armenia", "q-belarus", "q-clashes"]]


def test_a_deck_that_selects_nothing_is_the_users_mistake_at_its_name(
    facts: Facts, tmp_path: Path
) -> None:
    decks = write_decks(tmp_path / "decks", empty="name: Empty\ntags: [treaties]\nkinds: [cloze]\n")
    (empty,) = load_decks(decks, facts, exporter_names())
    with pytest.raises(click.ClickException) as raised:
        assemble_bank(facts, STAND_IN_QUESTIONS, [empty], None, generated_at=0)

    assert raised.value.exit_code == 1
    assert raised.value.format_message().splitlines()[0] == (
        f"{decks / 'empty.yaml'}:1:7: deck 'Empty' selects no questions; "
        "check its facts, tags, kinds and exclusions against the facts file"
    )


def test_the_bank_keeps_only_questions_some_chosen_deck_holds(facts: Facts) -> None:
    bank = assemble_bank(
        facts, STAND_IN_QUESTIONS, [spec("Members", tags=("membership",))], None, generated_at=5
    )

    assert [q.id for q in bank.questions] == ["q-armenia", "q-belarus"]
    assert (bank.title, bank.slug) == ("Alliances of Kórnik", "alliances-of-kornik")
    assert bank.generated_at == 5


# -- count, quotas and seed: the blueprint of a test ----------------------------------------------

MANY_QUESTIONS = tuple(
    replace(question(f"q-{n:02d}", (f"fact-{n}",), ("membership",)), claim_id=f"claim-{n}")
    for n in range(40)
)


def sample(facts: Facts, count: int, deck_seed: int, seed: int | None = None) -> list[str]:
    deck = DeckSpec(
        name="Sample", slug="sample", title="Sample", blueprint=Blueprint(count), seed=deck_seed
    )
    bank = assemble_bank(facts, MANY_QUESTIONS, [deck], seed, generated_at=0)
    assert bank.decks[0].questions == MANY_QUESTIONS, "review keeps every question of the deck"
    return [q.id for q in assemble_form(bank.decks[0])]


def test_count_is_the_length_of_a_test_drawn_with_the_seed(facts: Facts) -> None:
    first = sample(facts, 5, deck_seed=1)

    assert len(first) == 5
    assert first != sorted(first), "a test is shuffled"
    assert sample(facts, 5, deck_seed=1) == first, "the same seed gives the same test"
    assert sample(facts, 5, deck_seed=2) != first, "another deck seed gives another test"
    assert sample(facts, 5, deck_seed=2, seed=1) == first, "--seed overrides the deck's seed"


def test_a_test_asks_each_claim_once_whatever_forms_the_bank_has(facts: Facts) -> None:
    """Forty questions, but only ten claims of four forms each: a test of ten, never eleven."""
    forms = tuple(replace(q, claim_id=f"claim-{n % 10}") for n, q in enumerate(MANY_QUESTIONS))
    spec = DeckSpec(name="Forms", slug="forms", title="Forms", blueprint=Blueprint(10))
    deck = assemble_bank(facts, forms, [spec], None, generated_at=0).decks[0]

    assert len({q.claim_id for q in assemble_form(deck)}) == 10
    too_long = replace(spec, blueprint=Blueprint(11))
    with pytest.raises(click.ClickException) as raised:
        assemble_bank(facts, forms, [too_long], None, generated_at=0)
    assert "at most 10 of them" in raised.value.format_message()


def test_a_test_longer_than_the_deck_can_fill_is_refused_at_its_count(
    facts_path: Path, tmp_path: Path
) -> None:
    decks = write_decks(
        tmp_path / "decks", long="name: Long\ndescription: Every question.\ncount: 30\n"
    )
    result = run_quizgen("validate", facts_path, "--decks", decks)

    assert result.exit_code == 1, result.output
    first = result.output.splitlines()[0]
    assert first.startswith(f"{decks / 'long.yaml'}:3:8: deck 'Long': count 30 asks for more")
    assert "set count to" in first
    assert "Traceback" not in result.output


def test_quotas_name_known_tags_kinds_and_levels_and_fit_in_the_count(
    facts_path: Path, tmp_path: Path
) -> None:
    decks = write_decks(
        tmp_path / "decks",
        quotas="name: Quotas\n"
        "count: 4\n"
        "quotas:\n"
        "  tags: {membersip: 1, treaties: 2}\n"
        "  kinds: {singel: 1, year: 5}\n"
        "  difficulty: {tough: 1}\n"
        "  level: {easy: 1}\n",
    )
    result = run_quizgen("validate", facts_path, "--decks", decks)

    assert result.exit_code == 1
    path = decks / "quotas.yaml"
    assert result.output.splitlines() == [
        f"{path}:4:10: tag 'membersip' in quotas is on no fact; did you mean 'membership'?",
        f"{path}:5:10: quotas kinds ask for 5 questions, more than count 4; "
        "lower the quotas or raise count",
        f"{path}:5:11: unknown kind 'singel' in quotas; did you mean 'single'?",
        f"{path}:6:16: unknown difficulty 'tough' in quotas; expected one of: easy, hard, medium",
        f"{path}:7:3: unknown key 'level' in quotas; expected one of: difficulty, kinds, tags",
        "5 problems found; nothing was written.",
    ]


def test_a_quota_the_deck_cannot_meet_is_refused_in_place(facts: Facts, tmp_path: Path) -> None:
    decks = write_decks(
        tmp_path / "decks",
        short="name: Short answers\ncount: 2\nquotas:\n  kinds: {short: 1}\n",
    )
    (spec,) = load_decks(decks, facts, exporter_names())
    with pytest.raises(click.ClickException) as raised:
        assemble_bank(facts, MANY_QUESTIONS, [spec], None, generated_at=0)
    assert (
        raised.value.format_message()
        .splitlines()[0]
        .startswith(
            f"{decks / 'short.yaml'}:2:8: deck 'Short answers': its questions cannot meet "
            "the quota of 1 for kind 'short'"
        )
    )


def test_quotas_are_met_in_every_test(facts: Facts) -> None:
    kinds = (Kind.SINGLE, Kind.YEAR, Kind.TRUE_FALSE, Kind.SHORT)
    mixed = tuple(
        replace(q, kind=kinds[n % 4], tags=(("treaties",) if n % 5 == 0 else q.tags))
        for n, q in enumerate(MANY_QUESTIONS)
    )
    blueprint = Blueprint(9, tag_quotas=(("treaties", 4),), kind_quotas=((Kind.SHORT, 3),))
    spec = DeckSpec(name="Quota", slug="quota", title="Quota", blueprint=blueprint)
    deck = assemble_bank(facts, mixed, [spec], None, generated_at=0).decks[0]
    for seed in range(10):
        form = assemble_form(deck, seed=seed)
        assert len(form) == 9
        assert sum("treaties" in q.tags for q in form) >= 4
        assert sum(q.kind is Kind.SHORT for q in form) >= 3
        assert sum(q.kind is Kind.TRUE_FALSE for q in form) <= 3


def test_the_deck_records_the_seed_it_was_sampled_with(facts: Facts) -> None:
    deck = DeckSpec(name="Seeded", slug="seeded", title="Seeded", seed=7)

    assert assemble_bank(facts, MANY_QUESTIONS, [deck], None, 0).decks[0].seed == 7
    assert assemble_bank(facts, MANY_QUESTIONS, [deck], 9, 0).decks[0].seed == 9
    assert assemble_bank(facts, MANY_QUESTIONS, [deck], None, 0).seed == 0
    assert assemble_bank(facts, MANY_QUESTIONS, [deck], 9, 0).seed == 9


# -- names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("CSTO::Members and observers", "csto-members-and-observers"),
        ("CSTO::Kavkaz-2020", "csto-kavkaz-2020"),
        ("Azərbaycan::Bakı", "azerbaycan-baki"),
        ("Élise O'Brien-Łukasz", "elise-o-brien-lukasz"),
        ("Сергей Иванов", "sergei-ivanov"),
        ("Accord Ωμέγα", "accord-omega"),
        ("<b>&</b>", "b-b"),
        ("???", "deck"),
    ],
)
def test_slugs_are_ascii_file_names(name: str, slug: str) -> None:
    assert slug_of(name) == slug


def test_only_decks_picks_by_name_slug_or_file_name_in_deck_order(
    facts: Facts, tmp_path: Path
) -> None:
    decks = write_decks(
        tmp_path / "decks",
        members="name: Alliances::Members\ntags: [membership]\n",
        treaties="name: Alliances::Treaties\ntags: [treaties]\n",
        whole="name: Alliances::Whole topic\n",
    )
    specs = load_decks(decks, facts, exporter_names())

    def names(*wanted: str) -> list[str]:
        return [deck.name for deck in choose_decks(specs, wanted)]

    assert names() == ["Alliances::Members", "Alliances::Treaties", "Alliances::Whole topic"]
    assert names("alliances::whole TOPIC", "members") == [
        "Alliances::Members",
        "Alliances::Whole topic",
    ]
    assert names("alliances-treaties") == ["Alliances::Treaties"]


def test_an_unknown_deck_is_a_usage_error_that_names_the_decks(
    facts_path: Path, tmp_path: Path
) -> None:
    decks = write_decks(tmp_path / "decks", members="name: Alliances::Members\n")
    result = run_quizgen("questions", "--facts", facts_path, "--decks", decks, "--deck", "membres")

    assert result.exit_code == 2
    assert "unknown deck 'membres'; the decks are: 'Alliances::Members' (alliances-members)" in (
        result.output
    )


def test_a_deck_cannot_take_the_file_name_of_the_list_of_decks(
    facts_path: Path, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "index.yaml").write_text("name: Index\n", encoding="utf-8")

    result = run_quizgen("validate", facts_path, "--decks", decks)

    assert result.exit_code == 1
    assert f"{decks / 'index.yaml'}:1:7: deck name 'Index' gives the file name 'index'" in (
        result.output
    )
