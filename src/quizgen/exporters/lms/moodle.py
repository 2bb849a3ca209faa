"""Moodle XML: one ``<deck>-moodle.xml`` per deck, each kind as the Moodle type that grades it.

The file opens with a category question (``$course$/top/<deck path>``), so an import files the
questions under the deck's name. Question text and options are HTML (escaped here); typed answers
are the plain strings Moodle compares a student's answer with. Each question carries its id as
``idnumber``, its explanation and source as general feedback, and its tags.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from quizgen.exporters import BuildOptions, text_html
from quizgen.exporters.lms import (
    LmsQuiz,
    feedback_html,
    question_name,
    quizzes_of,
)
from quizgen.questions.answer_view import AnswerView, answer_view
from quizgen.questions.model import Kind, Question, QuestionBank

FILE_SUFFIX = "-moodle.xml"
PENALTY = "0.3333333"
"""What a wrong try costs in Moodle's interactive modes: a third, Moodle's own default."""


class MoodleExporter:
    """Writes ``<deck slug>-moodle.xml`` for every deck: a Moodle question bank category."""

    name: ClassVar[str] = "moodle"
    description: ClassVar[str] = "Moodle XML question bank per deck (<deck>-moodle.xml)"
    file_patterns: ClassVar[tuple[str, ...]] = ("{deck}" + FILE_SUFFIX,)
    option_names: ClassVar[tuple[str, ...]] = ()

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        written = []
        for quiz in quizzes_of(bank):
            path = folder / f"{quiz.slug}{FILE_SUFFIX}"
            path.write_bytes(quiz_xml_bytes(quiz))
            written.append(path)
        return written


def quiz_xml_bytes(quiz: LmsQuiz) -> bytes:
    """The whole file: a category, then every question of the quiz in order."""
    root = ET.Element("quiz")
    root.append(category_element(quiz))
    for number, question in enumerate(quiz.questions, start=1):
        root.append(question_element(number, question))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


def category_element(quiz: LmsQuiz) -> ET.Element:
    element = ET.Element("question", type="category")
    text_child(ET.SubElement(element, "category"), quiz.category_path)
    info = ET.SubElement(element, "info", format="html")
    text_child(info, text_html(quiz.description))
    return element


def text_child(parent: ET.Element, text: str) -> ET.Element:
    child = ET.SubElement(parent, "text")
    child.text = text
    return child


def formatted(parent: ET.Element, tag: str, text: str, text_format: str = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, format=text_format)
    text_child(element, text)
    return element


def value(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def question_element(number: int, question: Question) -> ET.Element:
    """One question: the header every type shares, then what its type needs to grade it."""
    answers = answer_view(question)
    writer = QUESTION_TYPES[question.kind]
    if question.kind is Kind.YEAR and answers.year is None:
        writer = shortanswer  # a year Moodle cannot read as a number is compared as text
    qtype, prompt_html, write_body = writer(question, answers)
    element = ET.Element("question", type=qtype)
    text_child(ET.SubElement(element, "name"), question_name(number, question))
    formatted(element, "questiontext", prompt_html)
    formatted(element, "generalfeedback", feedback_html(question))
    value(element, "defaultgrade", "1")
    value(element, "penalty", PENALTY)
    value(element, "hidden", "0")
    value(element, "idnumber", question.id)
    write_body(element)
    if question.tags:
        tags = ET.SubElement(element, "tags")
        for tag in question.tags:
            text_child(ET.SubElement(tags, "tag"), tag)
    return element


def answer(parent: ET.Element, fraction: str, text: str, text_format: str = "html") -> ET.Element:
    element = ET.SubElement(parent, "answer", fraction=fraction, format=text_format)
    text_child(element, text)
    formatted(element, "feedback", "")
    return element


def fraction_text(percent: float) -> str:
    """A grade the way Moodle writes it: ``100``, ``50``, ``33.33333``, ``-25``."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def share_of(count: int) -> float:
    return 100 / count if count else 0.0


BodyWriter = Callable[[ET.Element], None]
"""Adds what one question type needs after the shared header."""
TypeSpec = tuple[str, str, BodyWriter]
"""A question as Moodle takes it: its type's name, its question text (HTML) and its body."""


def multichoice(question: Question, answers: AnswerView) -> TypeSpec:
    """Single and multiple choice. With several right options each earns its share and each
    wrong one takes a share away, so ticking every box scores nothing."""
    single = question.kind is Kind.SINGLE
    right_count = len(answers.correct_options)
    wrong_count = len(answers.options) - right_count

    def body(element: ET.Element) -> None:
        value(element, "single", "true" if single else "false")
        # Years and figures stay in their order; other options are shuffled for each student.
        value(element, "shuffleanswers", "false" if answers.options_in_order else "true")
        value(element, "answernumbering", "abc")
        for option in answers.options:
            if single:
                percent = 100.0 if option.correct else 0.0
            else:
                percent = share_of(right_count) if option.correct else -share_of(wrong_count)
            answer(element, fraction_text(percent), text_html(option.text))
        if not single:
            value(element, "shownumcorrect", "")

    return "multichoice", text_html(question.prompt), body


def truefalse(question: Question, answers: AnswerView) -> TypeSpec:
    is_true = answers.canonical == "True"

    def body(element: ET.Element) -> None:
        answer(element, "100" if is_true else "0", "true", "moodle_auto_format")
        answer(element, "0" if is_true else "100", "false", "moodle_auto_format")

    return "truefalse", text_html(question.prompt), body


def numerical(question: Question, answers: AnswerView) -> TypeSpec:
    """A year, typed and graded as a number with no tolerance."""

    def body(element: ET.Element) -> None:
        year_answer = answer(element, "100", str(answers.year), "moodle_auto_format")
        value(year_answer, "tolerance", "0")
        value(element, "unitgradingtype", "0")
        value(element, "unitpenalty", "0.1000000")
        value(element, "showunits", "3")
        value(element, "unitsleft", "0")

    return "numerical", text_html(question.prompt), body


def shortanswer_text(text: str) -> str:
    """Moodle reads ``*`` in a short answer as a wildcard; an escaped one is a star."""
    return text.replace("*", "\\*")


def shortanswer(question: Question, answers: AnswerView) -> TypeSpec:
    """Every accepted answer, and its form without accents, earns full marks; case never counts."""

    def body(element: ET.Element) -> None:
        value(element, "usecase", "0")
        for typed in answers.typed_forms:
            answer(element, "100", shortanswer_text(typed), "moodle_auto_format")

    return "shortanswer", text_html(question.prompt), body


# Inside an embedded answer these characters have a meaning; a backslash makes them literal.
EMBEDDED_SPECIALS = str.maketrans({char: "\\" + char for char in '\\}#~/"'})


def embedded_answer(accepted: tuple[str, ...]) -> str:
    """One blank as Moodle's embedded short answer, ``{1:SHORTANSWER:=Tashkent~=Toshkent}``."""
    alternatives = "~".join(
        "=" + text_html(shortanswer_text(text)).translate(EMBEDDED_SPECIALS) for text in accepted
    )
    return "{1:SHORTANSWER:" + alternatives + "}"


def cloze(question: Question, answers: AnswerView) -> TypeSpec:
    """The sentence with each blank as an embedded short answer ("Embedded answers (Cloze)")."""
    pieces: list[str] = []
    for index, part in enumerate(answers.sentence_parts):
        # A literal brace could start an embedded answer: shown as an entity, it cannot.
        pieces.append(text_html(part).replace("{", "&#123;").replace("}", "&#125;"))
        if index < len(answers.blanks):
            pieces.append(embedded_answer(answers.blanks[index].accepted_forms))
    for blank in answers.blanks[len(answers.sentence_parts) :]:
        pieces.append(embedded_answer(blank.accepted_forms))

    def body(element: ET.Element) -> None:
        pass  # Moodle reads the blanks from the question text itself.

    return "cloze", "".join(pieces), body


def matching(question: Question, answers: AnswerView) -> TypeSpec:
    """Each left item is a sub-question with its right-hand text; unused options are distractors."""
    used = {right for _, right in answers.pairs}

    def body(element: ET.Element) -> None:
        value(element, "shuffleanswers", "true")
        for left, right in answers.pairs:
            sub = formatted(element, "subquestion", text_html(left))
            text_child(ET.SubElement(sub, "answer"), right)
        for extra in answers.match_options:
            if extra not in used:
                sub = formatted(element, "subquestion", "")
                text_child(ET.SubElement(sub, "answer"), extra)

    return "matching", text_html(question.prompt), body


def ordering(question: Question, answers: AnswerView) -> TypeSpec:
    """Moodle's ordering type: the items in their right order, each answer's fraction its place;
    every item shown, one mark per item in its right place."""

    def body(element: ET.Element) -> None:
        value(element, "layouttype", "VERTICAL")
        value(element, "selecttype", "ALL")
        value(element, "selectcount", str(len(answers.order)))
        value(element, "gradingtype", "ABSOLUTE_POSITION")
        value(element, "showgrading", "SHOW")
        value(element, "numberingstyle", "none")
        for place, item in enumerate(answers.order, start=1):
            answer(element, f"{place}.0000000", text_html(item))

    return "ordering", text_html(question.prompt), body


QUESTION_TYPES: dict[Kind, Callable[[Question, AnswerView], TypeSpec]] = {
    Kind.SINGLE: multichoice,
    Kind.MULTIPLE: multichoice,
    Kind.TRUE_FALSE: truefalse,
    Kind.YEAR: numerical,
    Kind.SHORT: shortanswer,
    Kind.CLOZE: cloze,
    Kind.MATCHING: matching,
    Kind.ORDERING: ordering,
}
