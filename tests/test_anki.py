"""A student imports the .apkg into Anki, studies, and imports the teacher's rebuilt package later.

Everything here is checked with the real Anki engine (the ``anki`` package), headless: each test
imports into a fresh collection in a temporary folder and reads the cards Anki renders.
"""

from __future__ import annotations

import html
import re
import shutil
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.consts import QUEUE_TYPE_SIBLING_BURIED
from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER, ImportResponse

from conftest import BUNDLED_DECKS, BUNDLED_FACTS, FIXTURES, HOSTILE_FACTS, run_quizgen
from quizgen.build import BuildRequest, make_bank
from quizgen.exporters import BuildOptions
from quizgen.exporters.anki import AnkiExporter, deck_id
from quizgen.exporters.anki import write_package as anki_write_package
from quizgen.exporters.anki_fields import note_content
from quizgen.exporters.anki_notetypes import NOTE_TYPES, build_model
from quizgen.questions.model import ClozeBlank, Deck, Kind, Question, QuestionBank, SourceNote

if TYPE_CHECKING:
    # Only for hints: importing anki.cards before anki.collection fails on a circular import.
    from anki.cards import Card, CardId
    from anki.dbproxy import DBProxy
    from anki.notes import NoteId

FIRST_BUILD = 1_717_200_000  # 2024-06-01
LATER_BUILD = 1_719_792_000  # 2024-07-01

# What Anki writes into a card instead of its content when a template is broken.
ANKI_ERROR_MARKERS = (
    "template has a problem",
    "templates/errors",
    "no field called",
    "No cloze",
    "is blank",
)

QUIZGEN_NOTE_TYPES = {
    "quizgen Multiple Choice",
    "quizgen Cloze",
    "quizgen Matching and Ordering",
    "quizgen Recall",
}
RECALL_KINDS = {Kind.SHORT, Kind.YEAR, Kind.CLOZE}


def is_recall(q: Question) -> bool:
    """Asks the learner to produce the answer: a flashcard, not a test item."""
    return q.kind in RECALL_KINDS or bool(q.reverse_prompt)


def expected_guids(bank: QuestionBank) -> set[str]:
    """One note per claim that has a recall form; choice and arranging questions only where
    their deck asks for those kinds, one note each."""
    asked = {deck.name: set(deck.kinds) for deck in bank.decks}
    in_deck = {q.id: deck.name for deck in reversed(bank.decks) for q in deck.questions}
    guids = {
        genanki.guid_for("claim:" + (q.claim_id or q.id)) for q in bank.questions if is_recall(q)
    }
    guids |= {
        genanki.guid_for(q.id)
        for q in bank.questions
        if not is_recall(q) and any(q.kind in asked[d.name] for d in bank.decks if q in d.questions)
    }
    assert in_deck
    return guids


SOURCE = SourceNote(
    title='Test notes "quoted" & <i>marked</i>',
    quote="<script> & friends",
    url="https://example.org/notes?a=1&b=2",
)


def question(question_id: str, kind: Kind, prompt: str, **fields: object) -> Question:
    defaults: dict[str, object] = {
        "answer": (),
        "explanation": f"Why {question_id} <b>matters</b> & more.",
        "source": SOURCE,
        "fact_ids": (question_id,),
        "template": f"{kind.value}-test",
    }
    return Question(id=question_id, kind=kind, prompt=prompt, **(defaults | fields))  # type: ignore[arg-type]


def hand_built_questions() -> tuple[Question, ...]:
    """One question of every kind, written in the hostile text a facts file may hold."""
    return (
        question(
            "single-founder",
            Kind.SINGLE,
            "Which state signed <script>window.__pwned = 1</script>first?",
            choices=("Россия", "Trinidad & Tobago", "Ελλάδα", "Azərbaycan"),
            answer=("Trinidad & Tobago",),
            tags=("membership", "first members"),
        ),
        question(
            "multiple-members",
            Kind.MULTIPLE,
            "Which of these are members of The {{ curly }} & <angle> Club?",
            choices=("Россия", "Türkiye", "Less<Than", "Ελλάδα"),
            answer=("Россия", "Türkiye"),
            tags=("membership",),
            difficulty=2,
        ),
        question(
            "true-false-pact",
            Kind.TRUE_FALSE,
            'The Pact of "Quotes" & <Tags> was signed in Less<Than.',
            choices=("True", "False"),
            answer=("True",),
            tags=("treaties",),
        ),
        question(
            "year-pact",
            Kind.YEAR,
            'In which year was the Pact of "Quotes" & <Tags> signed?',
            choices=("1999", "2000", "2001", "2002"),
            answer=("2001",),
            tags=("treaties",),
            reverse_prompt="Which document was signed in 2001?",
            reverse_answer='Pact of "Quotes" & <Tags>',
            difficulty=3,
        ),
        question(
            "cloze-pact",
            Kind.CLOZE,
            "Fill in the blanks.",
            prompt_parts=("The ", " was signed in ", " {{c9::not a blank}}."),
            blanks=(ClozeBlank('Pact of "Quotes" & <Tags>'), ClozeBlank("Less<Than :: city")),
            answer=('Pact of "Quotes" & <Tags>', "Less<Than :: city"),
            tags=("treaties",),
        ),
        question(
            "matching-capitals",
            Kind.MATCHING,
            "Match each state with its name in English.",
            pairs=(("Россия", "Russia"), ("Ελλάδα", "Greece"), ("Azərbaycan", "Azerbaijan")),
            choices=("Greece", "Azerbaijan", "Russia"),
            tags=("membership",),
        ),
        question(
            "ordering-joined",
            Kind.ORDERING,
            "Order the states by when they joined, earliest first.",
            order=("<script>Scriptland", "Trinidad & Tobago", "Azərbaycan"),
            choices=("Azərbaycan", "<script>Scriptland", "Trinidad & Tobago"),
            tags=("membership",),
        ),
        question(
            "short-term",
            Kind.SHORT,
            "Which HTML entity stands for an ampersand?",
            answer=("&amp;",),
            accept=("&#38;",),
            tags=("context",),
            reverse_prompt="What does &amp; stand for?",
            reverse_answer="An ampersand (&)",
        ),
        question(
            "short-chair",
            Kind.SHORT,
            "Who chairs The {{ curly }} & <angle> Club?",
            answer=("Élise O'Brien-Łukasz",),
            tags=("people",),
        ),
    )


# Where each question's note must land: the narrowest deck that selects it.
EXPECTED_HOME_DECKS = {
    "single-founder": "Club::Members",
    "multiple-members": "Club::Members",
    "true-false-pact": "Club::Treaties",
    "year-pact": "Club::Treaties",
    "cloze-pact": "Club::Treaties",
    "matching-capitals": "Club::Members",
    # In the members deck (5) and the ordering drill (1): the drill is the more specific.
    "ordering-joined": "Club::Drills::Ordering",
    "short-term": "Club::Whole topic",
    "short-chair": "Club::Whole topic",
}


def hand_built_bank(
    questions: tuple[Question, ...] | None = None, generated_at: int = FIRST_BUILD
) -> QuestionBank:
    chosen = hand_built_questions() if questions is None else questions

    def deck(name: str, wanted: set[str] | None) -> Deck:
        picked = tuple(q for q in chosen if wanted is None or q.id in wanted)
        slug = name.lower().replace("::", "-").replace(" ", "-")
        # These decks ask for every kind, so choice and arranging questions get notes too.
        return Deck(
            name=name,
            slug=slug,
            title=name,
            description=f"{name} & <more>",
            questions=picked,
            kinds=tuple(Kind),
        )

    members = {"single-founder", "multiple-members", "matching-capitals", "ordering-joined"}
    treaties = {"true-false-pact", "year-pact", "cloze-pact"}
    return QuestionBank(
        title="The {{ curly }} & <angle> Club",
        description="Every string here must appear exactly as written.",
        questions=chosen,
        decks=(
            deck("Club::Members", members),
            deck("Club::Treaties", treaties),
            deck("Club::Drills::Ordering", {"ordering-joined"}),
            deck("Club::Whole topic", None),
        ),
        seed=7,
        slug="the-club",
        generated_at=generated_at,
    )


def write_package(bank: QuestionBank, folder: Path, epoch: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (path,) = AnkiExporter().write(bank, folder, BuildOptions(seed=bank.seed, epoch=epoch))
    return path


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A student's fresh, empty Anki collection."""
    col = new_collection(tmp_path / "student")
    try:
        yield col
    finally:
        col.close()


def new_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_package(col: Collection, package: Path) -> ImportResponse.Log:
    """Imports as Anki's import screen does by default: update notes and note types if newer."""
    options = ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
        with_deck_configs=False,
    )
    request = ImportAnkiPackageRequest(package_path=str(package.resolve()), options=options)
    return col.import_anki_package(request).log


def visible_html(card_html: str) -> str:
    """A rendered card side without the note type's stylesheet."""
    return re.sub(r"<style>.*?</style>", "", card_html, flags=re.DOTALL).strip()


def visible_text(card_html: str) -> str:
    return re.sub(r"<[^>]+>", " ", visible_html(card_html)).strip()


def shown_text(card_html: str) -> str:
    """The text a student reads on the card, entities decoded and blank lines collapsed."""
    return " ".join(html.unescape(visible_text(card_html)).split())


def database(col: Collection) -> DBProxy:
    assert col.db is not None, "the collection is closed"
    return col.db


def all_cards(col: Collection) -> list[Card]:
    return [col.get_card(card_id) for card_id in sorted(col.find_cards(""))]


def note_by_question_id(col: Collection, question_id: str) -> NoteId:
    (note_id,) = col.find_notes(f'"Question ID:{question_id}"')
    return note_id


def quizgen_note_type_names(col: Collection) -> list[str]:
    return sorted(
        entry.name for entry in col.models.all_names_and_ids() if entry.name.startswith("quizgen")
    )


def assert_renders_cleanly(card: Card) -> None:
    question_html, answer_html = card.question(), card.answer()
    for side, side_html in (("front", question_html), ("back", answer_html)):
        assert visible_text(side_html), f"card {card.id} has an empty {side}"
        for marker in ANKI_ERROR_MARKERS:
            assert marker not in side_html, f"card {card.id} {side}: {visible_html(side_html)}"


# --- One import brings the whole topic --------------------------------------------------------


def test_one_import_gives_one_note_per_question(tmp_path: Path, collection: Collection) -> None:
    bank = hand_built_bank()
    log = import_package(collection, write_package(bank, tmp_path / "out", FIRST_BUILD))

    guids = {collection.get_note(nid).guid for nid in collection.find_notes("")}
    assert guids == expected_guids(bank)
    assert len(log.new) == collection.note_count() == len(guids)
    assert quizgen_note_type_names(collection) == sorted(QUIZGEN_NOTE_TYPES)


def test_the_package_is_named_after_the_topic(tmp_path: Path) -> None:
    package = write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD)
    assert package.name == "the-club.apkg"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["the-club.apkg"]


def test_every_card_renders_a_question_and_an_answer(
    tmp_path: Path, collection: Collection
) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))
    cards = all_cards(collection)
    assert cards
    for card in cards:
        assert_renders_cleanly(card)


def test_each_note_lives_in_its_most_specific_deck(tmp_path: Path, collection: Collection) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))

    deck_names = {entry.name for entry in collection.decks.all_names_and_ids()}
    assert {
        "Club",
        "Club::Members",
        "Club::Treaties",
        "Club::Drills",
        "Club::Drills::Ordering",
        "Club::Whole topic",
    } <= deck_names
    for question_id, deck_name in EXPECTED_HOME_DECKS.items():
        note = collection.get_note(note_by_question_id(collection, question_id))
        card_decks = {collection.decks.name(card.did) for card in note.cards()}
        assert card_decks == {deck_name}, question_id
    # Studying the parent deck shows every card once.
    assert len(collection.find_cards('deck:"Club"')) == collection.card_count()


def test_new_cards_come_in_the_banks_order(tmp_path: Path, collection: Collection) -> None:
    bank = hand_built_bank()
    import_package(collection, write_package(bank, tmp_path / "out", FIRST_BUILD))
    cards = sorted(all_cards(collection), key=lambda card: (card.due, card.ord))
    study_order = list(dict.fromkeys(card.note()["Question ID"] for card in cards))
    assert study_order == [q.id for q in bank.questions]


def test_deck_descriptions_show_literally(tmp_path: Path, collection: Collection) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))
    members = collection.decks.by_name("Club::Members")
    assert members is not None
    assert members["desc"] == "Club::Members &amp; &lt;more&gt;"


def test_tags_are_the_question_tags_and_quizgen_facets(
    tmp_path: Path, collection: Collection
) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))

    founder = collection.get_note(note_by_question_id(collection, "single-founder"))
    assert set(founder.tags) == {
        "membership",
        "first_members",
        "quizgen::kind::single",
        "quizgen::difficulty::easy",
    }
    year = collection.get_note(note_by_question_id(collection, "year-pact"))
    assert {"treaties", "quizgen::kind::year", "quizgen::difficulty::hard"} == set(year.tags)
    assert len(collection.find_notes("tag:quizgen::kind::cloze")) == 1
    assert len(collection.find_notes("tag:membership")) == 4


# --- Each kind reads well ---------------------------------------------------------------------


def cards_of(col: Collection, question_id: str) -> list[Card]:
    note = col.get_note(note_by_question_id(col, question_id))
    return sorted(note.cards(), key=lambda card: card.ord)


def test_cloze_gives_one_card_per_blank(tmp_path: Path, collection: Collection) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))

    first, second = cards_of(collection, "cloze-pact")
    assert (first.ord, second.ord) == (0, 1)
    # Each card hides its own blank and shows the other one.
    assert (
        shown_text(first.question())
        == "The [...] was signed in Less<Than :: city {{c9::not a blank}}."
    )
    assert shown_text(second.question()) == (
        'The Pact of "Quotes" & <Tags> was signed in [...] {{c9::not a blank}}.'
    )
    assert "Less<Than :: city" in shown_text(second.answer())
    # The braces written in the fact stay text: they make no third card.


def test_a_reverse_card_only_for_questions_that_read_both_ways(
    tmp_path: Path, collection: Collection
) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))

    forward, reverse = cards_of(collection, "short-term")
    assert "Which HTML entity" in visible_text(forward.question())
    assert "What does &amp;amp; stand for?" in visible_html(reverse.question())
    assert "An ampersand (&amp;)" in visible_html(reverse.answer())

    year_forward, year_reverse = cards_of(collection, "year-pact")
    assert "Which document was signed in 2001?" in visible_text(year_reverse.question())
    # A flashcard asks for the year: it is on the back, not among options on the front.
    assert "2001" in visible_text(year_forward.answer())
    assert "2001" not in visible_text(year_forward.question())

    assert len(cards_of(collection, "short-chair")) == 1
    assert len(cards_of(collection, "single-founder")) == 1


def correct_options(card_html: str) -> list[str]:
    return re.findall(
        r'<li class="qz-correct"><span class="qz-mark">✓ </span>(.*?)</li>', card_html
    )


def test_choice_cards_show_options_then_mark_the_correct_ones(
    tmp_path: Path, collection: Collection
) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))

    (card,) = cards_of(collection, "multiple-members")
    front = visible_html(card.question())
    for option in ("Россия", "Türkiye", "Less&lt;Than", "Ελλάδα"):
        assert f"<li>{option}</li>" in front
    assert "qz-correct" not in front
    assert "Choose every correct answer." in front
    assert correct_options(card.answer()) == ["Россия", "Türkiye"]
    assert "Why multiple-members &lt;b&gt;matters&lt;/b&gt; &amp; more." in card.answer()

    (true_false,) = cards_of(collection, "true-false-pact")
    assert correct_options(true_false.answer()) == ["True"]


def test_matching_and_ordering_show_items_then_the_solution(
    tmp_path: Path, collection: Collection
) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))

    (matching,) = cards_of(collection, "matching-capitals")
    assert "Russia" in visible_text(matching.question())
    assert "→" not in visible_text(matching.question())
    pairs = re.findall(
        r'<tr><td>(.*?)</td><td class="qz-arrow">→</td><td>(.*?)</td></tr>', matching.answer()
    )
    assert pairs == [("Россия", "Russia"), ("Ελλάδα", "Greece"), ("Azərbaycan", "Azerbaijan")]

    (ordering,) = cards_of(collection, "ordering-joined")
    front_items = re.findall(r"<li>(.*?)</li>", visible_html(ordering.question()))
    assert front_items == ["Azərbaycan", "&lt;script&gt;Scriptland", "Trinidad &amp; Tobago"]
    solution = re.search(r'<ol class="qz-items">(.*?)</ol>', ordering.answer())
    assert solution is not None
    assert re.findall(r"<li>(.*?)</li>", solution.group(1)) == [
        "&lt;script&gt;Scriptland",
        "Trinidad &amp; Tobago",
        "Azərbaycan",
    ]


def test_every_back_says_why_where_from_and_which_question(
    tmp_path: Path, collection: Collection
) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))
    for card in all_cards(collection):
        back = visible_html(card.answer())
        question_id = card.note()["Question ID"]
        assert f'<div class="qz-id">{question_id}</div>' in back
        assert "matters&lt;/b&gt; &amp; more." in back
        assert '<a href="https://example.org/notes?a=1&amp;b=2">' in back
        assert "Test notes &quot;quoted&quot; &amp; &lt;i&gt;marked&lt;/i&gt;" in back


# --- Hostile text shows literally -------------------------------------------------------------


def test_hostile_text_shows_literally_and_nothing_runs(
    tmp_path: Path, collection: Collection
) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))

    (founder,) = cards_of(collection, "single-founder")
    front = visible_html(founder.question())
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;first?" in front
    assert "Trinidad &amp; Tobago" in front
    for card in all_cards(collection):
        for side_html in (card.question(), card.answer()):
            assert "<script" not in side_html.lower()
            assert "<angle>" not in side_html and "<i>" not in side_html


def test_writing_the_package_raises_no_html_warning(tmp_path: Path) -> None:
    """genanki warns about fields that hold invalid HTML: escaped text never does."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD)


# --- Reproducible builds ----------------------------------------------------------------------


def collection_rows(col: Collection) -> list[Sequence[object]]:
    return list(database(col).all("select guid, mid, mod, tags, flds from notes order by guid"))


def test_the_same_epoch_gives_the_same_package(tmp_path: Path) -> None:
    first = write_package(hand_built_bank(), tmp_path / "one", FIRST_BUILD)
    second = write_package(hand_built_bank(), tmp_path / "two", FIRST_BUILD)
    assert first.read_bytes() == second.read_bytes()

    rows = []
    for name, package in (("a", first), ("b", second)):
        col = new_collection(tmp_path / name)
        try:
            import_package(col, package)
            rows.append(collection_rows(col))
        finally:
            col.close()
    assert rows[0] == rows[1]
    assert len(rows[0]) == len(hand_built_questions())


def test_the_build_time_stamps_every_note(tmp_path: Path, collection: Collection) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD))
    assert set(database(collection).list("select mod from notes")) == {FIRST_BUILD}


# --- Updates keep progress --------------------------------------------------------------------


def study(
    col: Collection, how_many: int, top_deck: str = "Club"
) -> dict[CardId, tuple[int, int, int]]:
    """Answers the next cards "Easy", as a student would; returns each card's (type, ivl, reps)."""
    studied: dict[CardId, tuple[int, int, int]] = {}
    top_deck_id = col.decks.id_for_name(top_deck)
    assert top_deck_id is not None
    col.decks.select(top_deck_id)
    for _ in range(how_many):
        card = col.sched.getCard()
        assert card is not None
        col.sched.answerCard(card, 4)
        card.load()
        studied[card.id] = (card.type, card.ivl, card.reps)
    return studied


def with_edited_explanation(
    questions: tuple[Question, ...], question_id: str, text: str
) -> tuple[Question, ...]:
    return tuple(replace(q, explanation=text) if q.id == question_id else q for q in questions)


def test_reimporting_a_rebuilt_package_updates_notes_in_place_and_keeps_progress(
    tmp_path: Path, collection: Collection
) -> None:
    first = write_package(hand_built_bank(), tmp_path / "v1", FIRST_BUILD)
    import_package(collection, first)
    note_ids = sorted(collection.find_notes(""))
    card_ids = sorted(collection.find_cards(""))
    studied = study(collection, 4)
    revlog_before = database(collection).list("select id from revlog order by id")
    assert len(revlog_before) == 4
    assert all(ivl > 0 for _, ivl, _ in studied.values())

    # The teacher corrects one fact and rebuilds a month later.
    corrected = with_edited_explanation(
        hand_built_questions(), "single-founder", "Corrected: the first to sign & ratify."
    )
    second = write_package(hand_built_bank(corrected, LATER_BUILD), tmp_path / "v2", LATER_BUILD)
    log = import_package(collection, second)

    assert len(log.new) == 0 and len(log.conflicting) == 0
    assert len(log.updated) == collection.note_count()
    assert sorted(collection.find_notes("")) == note_ids
    assert sorted(collection.find_cards("")) == card_ids
    founder = collection.get_note(note_by_question_id(collection, "single-founder"))
    assert founder["Explanation"] == "Corrected: the first to sign &amp; ratify."
    assert "Corrected: the first to sign &amp; ratify." in founder.cards()[0].answer()
    for card_id, state in studied.items():
        card = collection.get_card(card_id)
        assert (card.type, card.ivl, card.reps) == state
    assert database(collection).list("select id from revlog order by id") == revlog_before
    assert quizgen_note_type_names(collection) == sorted(QUIZGEN_NOTE_TYPES)


def test_reimporting_the_same_package_changes_nothing(
    tmp_path: Path, collection: Collection
) -> None:
    package = write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD)
    import_package(collection, package)
    study(collection, 2)
    rows_before = collection_rows(collection)
    cards_before = database(collection).all(
        "select id, nid, did, ord, type, queue, ivl, reps from cards"
    )

    log = import_package(collection, package)

    assert len(log.new) == 0 and len(log.updated) == 0
    assert len(log.duplicate) == collection.note_count()
    assert collection_rows(collection) == rows_before
    assert database(collection).all(
        "select id, nid, did, ord, type, queue, ivl, reps from cards"
    ) == (cards_before)


def test_a_new_question_in_a_rebuilt_package_adds_only_its_note(
    tmp_path: Path, collection: Collection
) -> None:
    import_package(collection, write_package(hand_built_bank(), tmp_path / "v1", FIRST_BUILD))
    before = collection.note_count()
    added = question(
        "short-forum",
        Kind.SHORT,
        'When was the Forum & "fair" held?',
        answer=("2015",),
        tags=("context",),
    )
    bank = hand_built_bank((*hand_built_questions(), added), LATER_BUILD)
    log = import_package(collection, write_package(bank, tmp_path / "v2", LATER_BUILD))

    assert [list(entry.fields)[-1] for entry in log.new] == ["short-forum"]
    assert collection.note_count() == before + 1
    assert quizgen_note_type_names(collection) == sorted(QUIZGEN_NOTE_TYPES)


def test_an_older_package_does_not_undo_a_newer_one(tmp_path: Path, collection: Collection) -> None:
    corrected = with_edited_explanation(hand_built_questions(), "year-pact", "Newer text.")
    newer = write_package(hand_built_bank(corrected, LATER_BUILD), tmp_path / "v2", LATER_BUILD)
    older = write_package(hand_built_bank(), tmp_path / "v1", FIRST_BUILD)
    import_package(collection, newer)
    import_package(collection, older)
    year = collection.get_note(note_by_question_id(collection, "year-pact"))
    assert year["Explanation"] == "Newer text."


def test_a_package_copied_elsewhere_imports_the_same(
    tmp_path: Path, collection: Collection
) -> None:
    """The package depends on no path of the build: a copy on a phone imports alike."""
    package = write_package(hand_built_bank(), tmp_path / "out", FIRST_BUILD)
    copy = tmp_path / "Downloads" / "shared deck.apkg"
    copy.parent.mkdir()
    shutil.copy(package, copy)
    assert len(import_package(collection, copy).new) == len(hand_built_questions())


# --- From a facts file through the real command line ------------------------------------------

LEAGUE_FACTS = FIXTURES / "anki" / "facts.yaml"
LEAGUE_DECKS = FIXTURES / "anki" / "decks"


def build_with_cli(
    monkeypatch: pytest.MonkeyPatch, facts: Path, decks: Path, out: Path, epoch: int
) -> Path:
    """``quizgen build --format anki`` as the teacher runs it; returns the one package written."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    result = run_quizgen(
        "build", "--facts", facts, "--decks", decks, "--out", out, "--format", "anki", "--quiet"
    )
    assert result.exit_code == 0, result.output
    (package,) = out.glob("*.apkg")
    return package


def bank_of(facts: Path, decks: Path) -> QuestionBank:
    """The bank the build generates, to know what the package must hold."""
    return make_bank(BuildRequest(facts_path=facts, decks_path=decks, out_path=Path(), formats=()))


def notes_by_question_id(col: Collection) -> dict[str, dict[str, str]]:
    notes = (col.get_note(note_id) for note_id in col.find_notes(""))
    return {note["Question ID"]: dict(note.items()) for note in notes}


def cloze_blank_counts(bank: QuestionBank) -> dict[str, int]:
    return {q.id: len(q.blanks) for q in bank.questions if q.kind is Kind.CLOZE and q.blanks}


def assert_package_matches_bank(col: Collection, bank: QuestionBank) -> None:
    """One note per claim, no true/false or choice card unless a deck asks for one."""
    guids = {col.get_note(nid).guid for nid in col.find_notes("")}
    assert guids == expected_guids(bank)
    assert col.note_count() == len(guids)
    asked = {kind for deck in bank.decks for kind in deck.kinds}
    if Kind.TRUE_FALSE not in asked:
        assert not col.find_cards('"note:quizgen Multiple Choice"')
    for question_id, blank_count in cloze_blank_counts(bank).items():
        notes = col.find_notes(f'"Question ID:{question_id}"')
        if notes:  # a sentence that is its claim's only recall form: a card per blank
            assert len(col.get_note(notes[0]).cards()) == blank_count
    for card in all_cards(col):
        assert_renders_cleanly(card)
        for side_html in (card.question(), card.answer()):
            assert "<script" not in side_html.lower()


def test_the_hostile_facts_file_imports_with_every_text_literal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collection: Collection
) -> None:
    no_decks = tmp_path / "no-decks"
    no_decks.mkdir()
    package = build_with_cli(monkeypatch, HOSTILE_FACTS, no_decks, tmp_path / "out", FIRST_BUILD)
    bank = bank_of(HOSTILE_FACTS, no_decks)
    assert package.name == f"{bank.slug}.apkg"

    import_package(collection, package)

    assert_package_matches_bank(collection, bank)
    every_side = [
        side for card in all_cards(collection) for side in (card.question(), card.answer())
    ]
    assert any("&lt;script&gt;" in side_html for side_html in every_side)
    assert any("Trinidad &amp; Tobago" in side_html for side_html in every_side)
    assert any("Россия" in side_html for side_html in every_side)


def test_the_bundled_topic_imports_as_one_deck_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collection: Collection
) -> None:
    package = build_with_cli(
        monkeypatch, BUNDLED_FACTS, BUNDLED_DECKS, tmp_path / "out", FIRST_BUILD
    )
    bank = bank_of(BUNDLED_FACTS, BUNDLED_DECKS)

    log = import_package(collection, package)

    assert len(log.new) == collection.note_count()
    assert_package_matches_bank(collection, bank)
    deck_names = {entry.name for entry in collection.decks.all_names_and_ids()}
    assert {
        "CSTO",
        "CSTO::Members and observers",
        "CSTO::Treaties and dates",
        "CSTO::July 2020 escalation",
        "CSTO::Kavkaz-2020",
    } <= deck_names
    card_decks = {collection.decks.name(card.did) for card in all_cards(collection)}
    assert card_decks <= {deck.name for deck in bank.decks}
    assert len(collection.find_cards('deck:"CSTO"')) == collection.card_count()
    assert len(collection.find_notes("tag:membership")) == len(
        {q.claim_id for q in bank.questions if "membership" in q.tags and is_recall(q)}
    )


def test_a_corrected_fact_updates_the_students_notes_and_keeps_their_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collection: Collection
) -> None:
    facts = tmp_path / "teacher" / "facts.yaml"
    facts.parent.mkdir()
    shutil.copy(LEAGUE_FACTS, facts)
    first = build_with_cli(monkeypatch, facts, LEAGUE_DECKS, tmp_path / "v1", FIRST_BUILD)
    import_package(collection, first)
    note_ids = sorted(collection.find_notes(""))
    card_ids = sorted(collection.find_cards(""))
    studied = study(collection, 3, top_deck="League")
    revlog_before = database(collection).list("select id from revlog order by id")
    notes_before = notes_by_question_id(collection)
    note_types_before = quizgen_note_type_names(collection)

    # The teacher corrects the charter's date and the statement's wording, a month later.
    text = facts.read_text(encoding="utf-8")
    corrected = text.replace("signed: 1990-05-12", "signed: 1991-05-12").replace(
        "keep the {Amber Road|", "keep the {Salt Road|"
    )
    assert corrected != text
    facts.write_text(corrected, encoding="utf-8")
    second = build_with_cli(monkeypatch, facts, LEAGUE_DECKS, tmp_path / "v2", LATER_BUILD)
    log = import_package(collection, second)

    assert len(log.new) == 0 and len(log.conflicting) == 0
    assert sorted(collection.find_notes("")) == note_ids
    assert sorted(collection.find_cards("")) == card_ids
    for card_id, state in studied.items():
        card = collection.get_card(card_id)
        assert (card.type, card.ivl, card.reps) == state
    assert database(collection).list("select id from revlog order by id") == revlog_before
    assert quizgen_note_type_names(collection) == note_types_before

    # The student's notes now read exactly as a fresh import of the corrected package would.
    fresh = new_collection(tmp_path / "fresh")
    try:
        import_package(fresh, second)
        expected_notes = notes_by_question_id(fresh)
    finally:
        fresh.close()
    notes_after = notes_by_question_id(collection)
    assert notes_after == expected_notes
    changed = {qid for qid in notes_after if notes_after[qid] != notes_before[qid]}
    assert any("1991" in "".join(notes_after[qid].values()) for qid in changed)
    assert any("Salt Road" in "".join(notes_after[qid].values()) for qid in changed)


def test_two_builds_at_the_same_epoch_write_the_same_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_with_cli(monkeypatch, LEAGUE_FACTS, LEAGUE_DECKS, tmp_path / "a", FIRST_BUILD)
    second = build_with_cli(monkeypatch, LEAGUE_FACTS, LEAGUE_DECKS, tmp_path / "b", FIRST_BUILD)
    assert first.read_bytes() == second.read_bytes()


def test_one_recall_note_per_claim_buries_its_siblings_and_keeps_reviews_on_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collection: Collection
) -> None:
    """A student imports the bundled topic, reviews a fact asked two ways, and Anki holds its
    sibling back for the day; the teacher's next build brings no duplicate and loses no review."""
    facts = tmp_path / "teacher" / "facts.yaml"
    facts.parent.mkdir()
    shutil.copy(BUNDLED_FACTS, facts)
    first = build_with_cli(monkeypatch, facts, BUNDLED_DECKS, tmp_path / "v1", FIRST_BUILD)
    import_package(collection, first)
    bank = bank_of(facts, BUNDLED_DECKS)
    claims = {q.claim_id for q in bank.questions if is_recall(q)}
    assert collection.note_count() == len(claims), "one note per claim"
    assert not collection.find_cards('"note:quizgen Multiple Choice"'), "no true/false cards"

    note = next(
        collection.get_note(nid)
        for nid in collection.find_notes('"note:quizgen Recall"')
        if len(collection.get_note(nid).card_ids()) >= 2
    )
    card, *siblings = note.cards()
    config = collection.decks.config_dict_for_deck_id(card.did)
    config["new"]["bury"] = True  # "Bury new siblings", as a student sets it
    collection.decks.update_config(config)
    collection.decks.select(card.did)
    card.start_timer()
    collection.sched.answerCard(card, 3)
    queued = {c.card.id for c in collection.sched.get_queued_cards(fetch_limit=1000).cards}
    for sibling in siblings:
        sibling.load()
        assert sibling.queue == QUEUE_TYPE_SIBLING_BURIED
        assert sibling.id not in queued
    studied_before = collection.get_card(card.id)
    revlog_before = database(collection).list("select id, cid from revlog order by id")
    note_ids, card_ids = sorted(collection.find_notes("")), sorted(collection.find_cards(""))

    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("Southern Military District", "Southern Military District "))
    second = build_with_cli(monkeypatch, facts, BUNDLED_DECKS, tmp_path / "v2", LATER_BUILD)
    log = import_package(collection, second)

    assert len(log.new) == 0 and len(log.conflicting) == 0
    assert sorted(collection.find_notes("")) == note_ids, "no duplicate, no note lost"
    assert sorted(collection.find_cards("")) == card_ids
    assert database(collection).list("select id, cid from revlog order by id") == revlog_before
    after = collection.get_card(card.id)
    assert (after.type, after.ivl, after.reps) == (
        studied_before.type,
        studied_before.ivl,
        studied_before.reps,
    )


def write_per_question_package(bank: QuestionBank, path: Path, epoch: int) -> Path:
    """A package as builds before recall notes wrote it: one note per question, keyed by its id."""
    models = {note_type.model_id: build_model(note_type) for note_type in NOTE_TYPES}
    decks = []
    for deck in bank.decks:
        written = genanki.Deck(deck_id(deck.name), deck.name)
        for q in deck.questions:
            content = note_content(q)
            written.add_note(
                genanki.Note(
                    model=models[content.note_type.model_id],
                    fields=list(content.fields_html),
                    guid=genanki.guid_for(q.id),
                )
            )
        decks.append(written)
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        anki_write_package(genanki.Package(decks), path, epoch)
    return path


def test_the_first_recall_package_adds_its_notes_beside_older_ones_which_keep_their_reviews(
    tmp_path: Path, collection: Collection
) -> None:
    """What the README promises a student who studied a package from before recall notes."""
    bank = hand_built_bank()
    old = write_per_question_package(bank, tmp_path / "old" / "the-club.apkg", FIRST_BUILD)
    import_package(collection, old)
    old_notes = set(collection.find_notes(""))
    studied = study(collection, 3)
    revlog_before = database(collection).list("select id from revlog order by id")

    log = import_package(collection, write_package(bank, tmp_path / "new", LATER_BUILD))

    assert set(collection.find_notes("")) >= old_notes, "no old note is removed"
    assert database(collection).list("select id from revlog order by id") == revlog_before
    for card_id, state in studied.items():
        card = collection.get_card(card_id)
        assert (card.type, card.ivl, card.reps) == state
    new_guids = {collection.get_note(entry.id.nid).guid for entry in log.new} if log.new else set()
    assert new_guids == {genanki.guid_for("claim:" + q.id) for q in bank.questions if is_recall(q)}
    assert len(log.conflicting) == 0
