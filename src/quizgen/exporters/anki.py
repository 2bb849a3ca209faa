"""Writes the question bank as one Anki package (.apkg) that students import and later update.

Flashcards ask for recall: one note per claim, whose cards are the forms of that claim a learner
answers by producing the answer (a typed answer, the blanks of a sentence, the reverse question),
so Anki buries a fact's siblings. Choice, true/false, matching and ordering questions are tests,
not flashcards: they become notes only in a deck whose file asks for those kinds.

A re-imported package updates the notes students already study instead of adding copies: a recall
note's GUID derives from its claim id (a choice note's from its question id), note types keep
hard-coded ids and frozen field names, and every note and card carries the build's timestamp,
which Anki compares to decide whether the incoming copy is newer.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import sqlite3
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import genanki

from quizgen.exporters import BuildOptions, text_html
from quizgen.exporters.anki_fields import (
    is_recall_form,
    note_content,
    recall_content,
    recall_forms,
)
from quizgen.exporters.anki_notetypes import NOTE_TYPES, build_model
from quizgen.questions.model import Deck, Kind, Question, QuestionBank

PACKAGE_SUFFIX = ".apkg"
COLLECTION_NAME = "collection.anki2"
# Zip archives cannot store dates before 1980; the same floor keeps note ids positive.
ZIP_EPOCH_FLOOR = 315532800
DIFFICULTY_NAMES = {1: "easy", 2: "medium", 3: "hard"}
TAG_PREFIX = "quizgen"


class AnkiExporter:
    """One ``<bank slug>.apkg`` holding every deck as a subdeck, so one import brings the topic."""

    name: ClassVar[str] = "anki"
    description: ClassVar[str] = "an Anki package (.apkg) of every deck; re-importing updates notes"
    file_patterns: ClassVar[tuple[str, ...]] = ("{topic}" + PACKAGE_SUFFIX,)
    option_names: ClassVar[tuple[str, ...]] = ()

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        package = build_package(bank)
        if not package.decks:
            return []  # every deck opted out of this format: no empty package to import
        path = folder / f"{bank.slug}{PACKAGE_SUFFIX}"
        write_package(package, path, package_timestamp(bank, options))
        return [path]


def package_timestamp(bank: QuestionBank, options: BuildOptions) -> int:
    """The build's time (``SOURCE_DATE_EPOCH`` when set); Anki updates a note only from a newer."""
    return max(options.epoch or bank.generated_at, ZIP_EPOCH_FLOOR)


def build_package(bank: QuestionBank) -> genanki.Package:
    """One genanki deck per bank deck that gets notes, each note in its question's home deck.

    Only questions some deck of the bank holds are written: a deck that opted out of Anki leaves
    out the questions no other deck has. Notes are made only while the package is written.
    """
    home_decks = home_deck_names(bank)
    asked_kinds = {deck.name: set(deck.kinds) for deck in bank.decks}
    models = {note_type.model_id: build_model(note_type) for note_type in NOTE_TYPES}
    entries: dict[str, list[tuple[int, NoteSource]]] = {deck.name: [] for deck in bank.decks}
    forms_of: dict[str, list[Question]] = {}
    first_position: dict[str, tuple[int, str]] = {}
    # Notes go in the bank's order; ``due`` makes Anki show new cards in that order too.
    for position, question in enumerate(bank.questions, start=1):
        deck_name = home_decks.get(question.id)
        if deck_name is None:
            continue
        if is_recall_form(question):
            claim = question.claim_id or question.id
            forms_of.setdefault(claim, []).append(question)
            first_position.setdefault(claim, (position, deck_name))
        elif question.kind in asked_kinds[deck_name]:
            entries[deck_name].append((position, question))
    for claim, forms in forms_of.items():
        if recall_forms(tuple(forms)):
            position, deck_name = first_position[claim]
            entries[deck_name].append((position, ClaimNote(claim, tuple(forms))))
    for listed in entries.values():
        listed.sort(key=lambda entry: entry[0])
    decks = [
        StreamedDeck(deck.name, deck.description, entries[deck.name], models)
        for deck in bank.decks
        if entries[deck.name]
    ]
    return genanki.Package(decks)


class StreamedDeck(genanki.Deck):  # type: ignore[misc]
    """A deck whose notes are made one at a time while it is written, never all held at once.

    genanki keeps every note of a deck in memory until the package is written; for a bank of
    hundreds of thousands of questions that is most of the build's memory. This writes the same
    rows as ``genanki.Deck.write_to_db``, making each note just before its rows.
    """

    def __init__(
        self,
        name: str,
        description: str,
        entries: list[tuple[int, NoteSource]],
        models: dict[int, genanki.Model],
    ) -> None:
        super().__init__(deck_id=deck_id(name), name=name, description=text_html(description))
        self.entries = entries
        self.note_models = models
        for model in models.values():
            self.add_model(model)

    def write_to_db(self, cursor: Any, timestamp: float, id_gen: Any) -> None:
        (decks_json,) = cursor.execute("SELECT decks FROM col").fetchone()
        decks = json.loads(decks_json)
        decks[str(self.deck_id)] = self.to_json()
        cursor.execute("UPDATE col SET decks = ?", (json.dumps(decks),))
        (models_json,) = cursor.execute("SELECT models FROM col").fetchone()
        models = json.loads(models_json)
        for model in self.models.values():
            models[model.model_id] = model.to_json(timestamp, self.deck_id)
        cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))
        for position, source in self.entries:
            new_note(source, self.note_models, position).write_to_db(
                cursor, timestamp, self.deck_id, id_gen
            )


def home_deck_names(bank: QuestionBank) -> dict[str, str]:
    """The one deck each question's note lives in (a GUID can belong to one note only).

    The rule: of the decks that select a question, the most specific one, that is the one with the
    fewest questions; on a tie, the first in the bank's order. A "whole topic" deck therefore keeps
    only questions that no narrower deck holds, and studying its parent deck in Anki (``CSTO`` for
    ``CSTO::Whole topic``) still shows every card.
    """
    homes: dict[str, Deck] = {}
    for deck in bank.decks:
        for question in deck.questions:
            current = homes.get(question.id)
            if current is None or len(deck.questions) < len(current.questions):
                homes[question.id] = deck
    return {question_id: deck.name for question_id, deck in homes.items()}


def deck_id(deck_name: str) -> int:
    """A stable id from the deck's name (SHA-256), below 2**53 so that no JSON reader rounds it."""
    digest = hashlib.sha256(deck_name.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % ((1 << 53) - (1 << 30))


class EscapedNote(genanki.Note):  # type: ignore[misc]
    """A note whose fields are HTML escaped by construction (``anki_fields``).

    genanki scans every field of every note for tags that look unescaped, only to warn; on a
    large bank that scan costs a fifth of the export, and it can find nothing here.
    """

    def _check_invalid_html_tags_in_fields(self) -> None:
        pass


@dataclass(frozen=True)
class ClaimNote:
    """The recall note of one claim: the claim id (its GUID's key) and the forms it asks."""

    claim: str
    forms: tuple[Question, ...]


NoteSource = Question | ClaimNote


def new_note(source: NoteSource, models: dict[int, genanki.Model], position: int) -> genanki.Note:
    if isinstance(source, ClaimNote):
        clozes = [form for form in source.forms if form.kind is Kind.CLOZE and form.blanks]
        # A sentence and nothing else: Anki's own cloze note, one card per blank.
        only_a_sentence = len(clozes) == len(source.forms) == 1
        content = (
            note_content(clozes[0])
            if only_a_sentence
            else recall_content(source.claim, source.forms)
        )
        # The claim, not a question, is the note: its GUID stays while its forms change.
        guid = genanki.guid_for(CLAIM_GUID_PREFIX + source.claim)
        tags = list(dict.fromkeys(tag for form in source.forms for tag in note_tags(form)))
    else:
        content = note_content(source)
        guid = genanki.guid_for(source.id)
        tags = note_tags(source)
    return EscapedNote(
        model=models[content.note_type.model_id],
        fields=list(content.fields_html),
        tags=tags,
        guid=guid,
        due=position,
    )


CLAIM_GUID_PREFIX = "claim:"


def note_tags(question: Question) -> list[str]:
    """The question's own tags (no spaces: Anki splits tags on them), then ``quizgen::`` facets."""
    tags = [anki_tag(tag) for tag in question.tags]
    tags.append(f"{TAG_PREFIX}::kind::{question.kind.value}")
    difficulty = DIFFICULTY_NAMES.get(question.difficulty)
    if difficulty:
        tags.append(f"{TAG_PREFIX}::difficulty::{difficulty}")
    return list(dict.fromkeys(tag for tag in tags if tag))


def anki_tag(tag: str) -> str:
    return re.sub(r"\s+", "_", tag.strip())


def write_package(package: genanki.Package, path: Path, timestamp: int) -> None:
    """Writes the .apkg byte for byte the same for the same bank and timestamp.

    genanki's own ``write_to_file`` stamps the zip with the clock and works in the system's temp
    folder; this writes the collection with genanki beside the target and zips it with fixed dates.
    """
    collection_path = path.with_name(f".{path.name}.{os.getpid()}.anki2")
    try:
        connection = sqlite3.connect(collection_path)
        try:
            cursor = connection.cursor()
            # A scratch file zipped once complete: no journal or disk syncs are needed for it.
            cursor.execute("PRAGMA journal_mode = OFF")
            cursor.execute("PRAGMA synchronous = OFF")
            # genanki numbers notes and cards from the timestamp in milliseconds, in write order.
            package.write_to_db(cursor, timestamp, itertools.count(timestamp * 1000))
            connection.commit()
        finally:
            connection.close()
        zip_date = time.gmtime(timestamp)[:6]
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            # Level 1 keeps most of the size saving at a quarter of the default level's time.
            archive.writestr(
                zip_member(COLLECTION_NAME, zip_date), collection_path.read_bytes(), compresslevel=1
            )
            # No media: the cards are text only.
            archive.writestr(zip_member("media", zip_date), "{}")
    finally:
        collection_path.unlink(missing_ok=True)


def zip_member(name: str, date_time: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    member = zipfile.ZipInfo(name, date_time=date_time)
    member.compress_type = zipfile.ZIP_DEFLATED
    member.external_attr = 0o644 << 16
    return member
