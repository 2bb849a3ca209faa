"""GIFT, Moodle's plain-text question format: one ``<deck>-gift.txt`` per deck.

GIFT carries choice, multi-select with weights, true/false, numbers, short answers, matching and
a sentence with one blank. What it cannot carry (ordering, a sentence with several blanks,
matching with a spare option or an arrow in an item) is left out of the file and counted in the
build's summary, never written as something else. Question text and options are HTML (``[html]``);
typed answers are the plain strings Moodle compares with. Every special character is escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from quizgen.exporters import BuildOptions, text_html
from quizgen.exporters.lms import LmsQuiz, feedback_html, question_name, quizzes_of
from quizgen.questions.answer_view import AnswerView, answer_view
from quizgen.questions.model import Kind, Question, QuestionBank

FILE_SUFFIX = "-gift.txt"
IMPORT_HINT = "Import in Moodle: Question bank > Import > GIFT format."

# GIFT's own marks; a backslash before one makes it literal, and a doubled backslash is one.
GIFT_SPECIALS = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}
)


def gift_text(text: str) -> str:
    """Any text as GIFT shows it literally: special characters escaped, newlines as ``\\n``."""
    return text.translate(GIFT_SPECIALS).replace("\r\n", "\n").replace("\n", "\\n")


def gift_html(text: str) -> str:
    """Plain text for an HTML field (question text, options, feedback): escaped for both."""
    return gift_text(text_html(text))


class NotRepresentable(Exception):
    """GIFT cannot carry this question; the message is the reason the summary prints."""


class GiftExporter:
    """Writes ``<deck slug>-gift.txt`` for every deck and counts the questions GIFT cannot hold."""

    name: ClassVar[str] = "gift"
    description: ClassVar[str] = "GIFT text per deck for Moodle (<deck>-gift.txt)"
    file_patterns: ClassVar[tuple[str, ...]] = ("{deck}" + FILE_SUFFIX,)
    option_names: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        self.reasons: dict[str, str] = {}
        """Question id -> why it is not in the GIFT files."""

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        written = []
        for quiz in quizzes_of(bank):
            path = folder / f"{quiz.slug}{FILE_SUFFIX}"
            with path.open("w", encoding="utf-8", newline="\n") as stream:
                stream.write(self.quiz_text(quiz))
            written.append(path)
        return written

    def quiz_text(self, quiz: LmsQuiz) -> str:
        blocks = [
            f"// {gift_text(quiz.title)}\n// {IMPORT_HINT}",
            f"$CATEGORY: {quiz.category_path}",
        ]
        for number, question in enumerate(quiz.questions, start=1):
            try:
                blocks.append(question_text(number, question))
            except NotRepresentable as reason:
                self.reasons[question.id] = str(reason)
        return "\n\n".join(blocks) + "\n"

    def left_out(self) -> list[str]:
        counts = Counter(self.reasons.values())
        return [
            f"{count} "
            + reason.format(s="" if count == 1 else "s", are="is" if count == 1 else "are")
            for reason, count in sorted(counts.items())
        ]


ORDERING_LEFT_OUT = "ordering question{s} {are} not in the GIFT files: GIFT has no ordering"
CLOZE_LEFT_OUT = (
    "cloze question{s} with several blanks {are} not in the GIFT files: GIFT takes one blank"
)
SPARE_LEFT_OUT = (
    "matching question{s} with spare options {are} not in the GIFT files: GIFT matches pairs only"
)
ARROW_LEFT_OUT = (
    "matching question{s} with '->' in an item {are} not in the GIFT files: GIFT reads it as a pair"
)


def question_text(number: int, question: Question) -> str:
    """One question: its id for Moodle, its name, its text and its answers in braces."""
    answers = answer_view(question)
    head = f"// [id:{question.id}]\n::{gift_text(question_name(number, question))}::"
    feedback = f"####{gift_text(feedback_html(question))}"
    body = ANSWER_WRITERS[question.kind](question, answers, feedback)
    # A format mark must be followed by text; a sentence that opens with its blank keeps Moodle's
    # default format, which also shows the escaped HTML as written.
    return head + (body if body.startswith("{") else "[html]" + body)


def choice(question: Question, answers: AnswerView, feedback: str) -> str:
    """One right option (``=``) among wrong ones (``~``)."""
    lines = [
        ("=" if option.correct else "~") + gift_html(option.text) for option in answers.options
    ]
    return gift_html(question.prompt) + "{\n" + "\n".join([*lines, feedback]) + "\n}"


def weight_text(percent: float) -> str:
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def multi_select(question: Question, answers: AnswerView, feedback: str) -> str:
    """Each right option earns its share; each wrong one takes a share away (all ticked: 0)."""
    right = len(answers.correct_options)
    wrong = len(answers.options) - right
    lines = []
    for option in answers.options:
        percent = 100 / right if option.correct else -100 / max(wrong, 1)
        lines.append(f"~%{weight_text(percent)}%{gift_html(option.text)}")
    return gift_html(question.prompt) + "{\n" + "\n".join([*lines, feedback]) + "\n}"


def true_false(question: Question, answers: AnswerView, feedback: str) -> str:
    verdict = "TRUE" if answers.canonical == "True" else "FALSE"
    return gift_html(question.prompt) + "{" + verdict + feedback + "}"


def typed_alternatives(accepted: tuple[str, ...]) -> str:
    """Typed answers, each ``=``: Moodle compares them as short answers, where ``*`` is a
    wildcard unless escaped, so a star in an answer is written ``\\*``."""
    return " ".join("=" + gift_text(text).replace("*", "\\*") for text in accepted)


def year(question: Question, answers: AnswerView, feedback: str) -> str:
    """The year as a number with no tolerance (a year that is no number is compared as text)."""
    if answers.year is None:
        return short(question, answers, feedback)
    return gift_html(question.prompt) + "{#" + f"{answers.year}:0" + feedback + "}"


def short(question: Question, answers: AnswerView, feedback: str) -> str:
    """Every accepted answer and its form without accents; Moodle ignores case."""
    typed = typed_alternatives(answers.typed_forms)
    return gift_html(question.prompt) + "{" + typed + feedback + "}"


def cloze(question: Question, answers: AnswerView, feedback: str) -> str:
    """GIFT's missing word: the text before the blank, the answers in braces, the text after."""
    if len(answers.blanks) != 1:
        raise NotRepresentable(CLOZE_LEFT_OUT)
    parts = list(answers.sentence_parts) or [""]
    before, after = parts[0], "".join(parts[1:])
    blank = typed_alternatives(answers.blanks[0].accepted_forms)
    return gift_html(before) + "{" + blank + feedback + "}" + gift_html(after)


def matching(question: Question, answers: AnswerView, feedback: str) -> str:
    used = {right for _, right in answers.pairs}
    if any(option not in used for option in answers.match_options):
        raise NotRepresentable(SPARE_LEFT_OUT)
    if any("->" in text for pair in answers.pairs for text in pair):
        raise NotRepresentable(ARROW_LEFT_OUT)
    lines = [f"={gift_html(left)} -> {gift_text(right)}" for left, right in answers.pairs]
    return gift_html(question.prompt) + "{\n" + "\n".join([*lines, feedback]) + "\n}"


def ordering(question: Question, answers: AnswerView, feedback: str) -> str:
    raise NotRepresentable(ORDERING_LEFT_OUT)


ANSWER_WRITERS: dict[Kind, Callable[[Question, AnswerView, str], str]] = {
    Kind.SINGLE: choice,
    Kind.MULTIPLE: multi_select,
    Kind.TRUE_FALSE: true_false,
    Kind.YEAR: year,
    Kind.SHORT: short,
    Kind.CLOZE: cloze,
    Kind.MATCHING: matching,
    Kind.ORDERING: ordering,
}
