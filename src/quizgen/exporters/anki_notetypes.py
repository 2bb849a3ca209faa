"""The Anki note types quizgen writes: their ids, fields and card templates, designed once.

Anki recognises an already imported note type by its id and by the names of its fields and card
templates. While those stay the same, a re-import updates the notes in place; if they change,
Anki treats the note type as a new one and will not update the notes students already study.
So the ids, field names and template names below are frozen: to change them, add a new note
type with a new id and name instead. Template text and CSS may change freely (they are package
data under ``quizgen/data/anki/``), because Anki adopts them from any newer package.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

import genanki

FOOTER_FILE = "footer.html"
CSS_FILE = "cards.css"


@dataclass(frozen=True)
class CardTemplate:
    """One card of a note type: its frozen name and the package data files of its two sides."""

    name: str
    front_file: str
    back_file: str


@dataclass(frozen=True)
class NoteType:
    """A note type as Anki will know it: a hard-coded id, and field and template names."""

    model_id: int
    name: str
    field_names: tuple[str, ...]
    cards: tuple[CardTemplate, ...]
    is_cloze: bool = False
    sort_field: str = ""
    """The field the Anki browser sorts and searches by; the first field when empty."""

    @property
    def sort_field_index(self) -> int:
        return self.field_names.index(self.sort_field) if self.sort_field else 0


EXPLANATION = "Explanation"
SOURCE = "Source"
QUESTION_ID = "Question ID"
# Every note type ends with these, so every card can say why, where from, and which question.
COMMON_FIELDS = (EXPLANATION, SOURCE, QUESTION_ID)

REVERSE_CARD = CardTemplate("Reverse", "reverse.front.html", "reverse.back.html")
"""Rendered only for notes whose ``Reverse Prompt`` is filled (its front is empty otherwise)."""

QUESTION_ANSWER = NoteType(
    model_id=1335508694,
    name="quizgen Question and Answer",
    field_names=(
        "Prompt",
        "Answer",
        "Also Accepted",
        "Reverse Prompt",
        "Reverse Answer",
        *COMMON_FIELDS,
    ),
    cards=(CardTemplate("Question", "qa-forward.front.html", "qa-forward.back.html"), REVERSE_CARD),
    sort_field="Prompt",
)

CHOICE = NoteType(
    model_id=1998794867,
    name="quizgen Multiple Choice",
    field_names=(
        "Prompt",
        "Instruction",
        "Options",
        "Marked Options",
        "Answer",
        "Reverse Prompt",
        "Reverse Answer",
        *COMMON_FIELDS,
    ),
    cards=(CardTemplate("Choice", "choice.front.html", "choice.back.html"), REVERSE_CARD),
    sort_field="Prompt",
)

CLOZE = NoteType(
    model_id=1933117377,
    name="quizgen Cloze",
    field_names=("Text", *COMMON_FIELDS),
    cards=(CardTemplate("Cloze", "cloze.front.html", "cloze.back.html"),),
    is_cloze=True,
    sort_field="Text",
)

ARRANGE = NoteType(
    model_id=1187594956,
    name="quizgen Matching and Ordering",
    field_names=("Prompt", "Instruction", "Items", "Solution", *COMMON_FIELDS),
    cards=(CardTemplate("Arrange", "arrange.front.html", "arrange.back.html"),),
    sort_field="Prompt",
)

RECALL_FORMS = 4
"""Card slots of a recall note, by role: 1 typed answer, 2 fill in the blanks, 3 the reverse
question, 4 a second typed answer. A role keeps its slot, so a card keeps its identity (and its
review history) when a rebuild adds or drops another form of the same claim."""

RECALL = NoteType(
    model_id=1524880203,
    name="quizgen Recall",
    field_names=(
        "Claim",
        *(
            f"{part} {slot}"
            for slot in range(1, RECALL_FORMS + 1)
            for part in ("Prompt", "Answer", "Accepted")
        ),
        *COMMON_FIELDS,
    ),
    cards=tuple(
        CardTemplate(f"Form {slot}", f"recall-{slot}.front.html", f"recall-{slot}.back.html")
        for slot in range(1, RECALL_FORMS + 1)
    ),
    sort_field="Claim",
)
"""One note per claim: the forms that ask a learner to produce the answer are its cards, so
Anki buries the siblings of a fact instead of showing one the answer of another."""

NOTE_TYPES = (QUESTION_ANSWER, CHOICE, CLOZE, ARRANGE, RECALL)


def read_data(file_name: str) -> str:
    """One card template or stylesheet from the package data."""
    return (files("quizgen") / "data" / "anki" / file_name).read_text(encoding="utf-8")


def build_model(note_type: NoteType) -> genanki.Model:
    """A fresh genanki model (genanki fills its dicts in place when writing, so never share one)."""
    footer_html = read_data(FOOTER_FILE)
    templates = [
        {
            "name": card.name,
            "qfmt": read_data(card.front_file),
            # The explanation, source and question id end the back of every card alike.
            "afmt": read_data(card.back_file) + footer_html,
        }
        for card in note_type.cards
    ]
    return genanki.Model(
        model_id=note_type.model_id,
        name=note_type.name,
        fields=[{"name": name} for name in note_type.field_names],
        templates=templates,
        css=read_data(CSS_FILE),
        model_type=genanki.Model.CLOZE if note_type.is_cloze else genanki.Model.FRONT_BACK,
        sort_field_index=note_type.sort_field_index,
    )
