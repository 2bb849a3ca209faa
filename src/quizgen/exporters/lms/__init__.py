"""What the learning-platform writers (Moodle XML, GIFT, QTI for Canvas) share.

A platform quiz is built from an ``LmsQuiz``: one per deck, holding the deck's assembled test
(version A of the printed form: one question per claim, no answer given away by another stem), so
a quiz imported into a platform asks each fact once, as the printed test does.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quizgen.exporters import source_html, text_html
from quizgen.questions.assembly import assemble_form
from quizgen.questions.model import Deck, Question, QuestionBank

# Zip archives cannot store dates before 1980.
ZIP_EPOCH_FLOOR = 315532800
NAME_LENGTH = 80
"""How much of a prompt a question's name in a platform's question bank shows."""


@dataclass(frozen=True)
class LmsQuiz:
    """One quiz as a platform imports it: a hierarchical name, a title and questions in order."""

    name: str
    """``CSTO::Kavkaz-2020``: its parts become nested categories in a question bank."""
    slug: str
    """The file-name-safe name the quiz's files begin with."""
    title: str
    description: str
    questions: tuple[Question, ...]

    @classmethod
    def of_deck(cls, deck: Deck) -> LmsQuiz:
        return cls(deck.name, deck.slug, deck.title, deck.description, assemble_form(deck))

    @property
    def category_path(self) -> str:
        """The Moodle category ``$course$/top/CSTO/Kavkaz-2020``, created on import.

        A slash inside one part is doubled: Moodle reads a single one as a level.
        """
        parts = [part.strip().replace("/", "//") for part in self.name.split("::")]
        return "/".join(["$course$", "top", *[part for part in parts if part]])


def quizzes_of(bank: QuestionBank) -> tuple[LmsQuiz, ...]:
    """One quiz per deck that has questions."""
    return tuple(LmsQuiz.of_deck(deck) for deck in bank.decks if deck.questions)


def question_name(number: int, question: Question) -> str:
    """A readable name for a question bank's list: its number in the quiz and its prompt's start."""
    prompt = " ".join((question.prompt or question.id).split())
    if len(prompt) > NAME_LENGTH:
        cut = prompt[: NAME_LENGTH - 1]
        prompt = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
    return f"{number:03d} {prompt}"


def feedback_html(question: Question) -> str:
    """The general feedback every platform shows after an answer: explanation, then source."""
    paragraphs = []
    if question.explanation:
        paragraphs.append(f"<p>{text_html(question.explanation)}</p>")
    source = source_html(question.source)
    if source:
        paragraphs.append(f"<p>Source: {source}</p>")
    return "".join(paragraphs)


def write_zip(path: Path, members: Iterable[tuple[str, bytes]], epoch: int) -> None:
    """A zip that is byte for byte the same for the same members and epoch (fixed dates, modes)."""
    date_time = time.gmtime(max(epoch, ZIP_EPOCH_FLOOR))[:6]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            member = zipfile.ZipInfo(name, date_time=date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            archive.writestr(member, data)
