"""The quiz paper: for each version a header with lines for Name, Class, Date and Score, short
instructions, then every question laid out for its kind and never split across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from quizgen.exporters.pdf_fonts import REGULAR
from quizgen.exporters.pdf_layout import (
    INK,
    MUTED,
    NUMBER_INDENT,
    RULE,
    Styles,
    TickBox,
    VersionMark,
    WritingLine,
    header_block,
    markup,
    ruled_fields,
    table_style,
)
from quizgen.exporters.pdf_versions import PrintedQuestion, QuizVersion, option_letter
from quizgen.questions.model import Kind

BOX_COLUMN = 14.0
LETTER_COLUMN = 13.0
OPTION_GAP = 10.0
TICK_SIZE = 8.6
BLANK_TEXT = "_" * 16
"""A cloze blank: always the same length, so that its length gives nothing away."""

HINTS = {
    Kind.MULTIPLE: "select all that apply",
    Kind.MATCHING: "write the matching letter on each line",
}


def quiz_story(
    versions: Sequence[QuizVersion], topic_title: str, styles: Styles, width: float
) -> list[Flowable]:
    """Every version, each starting on a new page with its own header."""
    story: list[Flowable] = []
    for index, version in enumerate(versions):
        if index:
            story.append(PageBreak())
        story.append(VersionMark(version.letter))
        story += version_header(version, topic_title, styles, width)
        for printed in version.questions:
            story.append(question_block(printed, styles, width))
    return story


def version_header(
    version: QuizVersion, topic_title: str, styles: Styles, width: float
) -> list[Flowable]:
    count = len(version.questions)
    subtitle = f"{version.deck.title} · {count} question{'s' if count != 1 else ''}"
    fields = [("Name", 5.0), ("Class", 1.6), ("Date", 2.0), ("Score", 1.0)]
    return [
        *header_block(topic_title, subtitle, version.letter, styles, width),
        ruled_fields(fields, styles, width, tail=f"/ {count}"),
        Paragraph(markup(instructions_text(version)), styles.instructions),
        rule_line(width),
    ]


def instructions_text(version: QuizVersion) -> str:
    """Instructions for the kinds this version holds, and none for the kinds it does not."""
    kinds = {printed.question.kind for printed in version.questions}
    sentences = []
    if kinds & {Kind.SINGLE, Kind.TRUE_FALSE, Kind.MULTIPLE}:
        sentences.append("Tick the box of the one correct answer.")
    if Kind.MULTIPLE in kinds:
        sentences.append("Where it says “select all that apply”, tick every correct box.")
    if kinds & {Kind.YEAR, Kind.SHORT}:
        sentences.append("Write years and short answers on the line.")
    if Kind.CLOZE in kinds:
        sentences.append("Write the missing words on the numbered blanks.")
    if Kind.MATCHING in kinds:
        sentences.append(
            "To match, write the letter of the right-hand item on the line before each number."
        )
    if Kind.ORDERING in kinds:
        sentences.append("To put items in order, number the boxes 1, 2, 3… from first to last.")
    return " ".join(sentences)


def rule_line(width: float) -> Flowable:
    table = Table([[""]], colWidths=[width], rowHeights=[4])
    table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE)]))
    return table


def question_block(printed: PrintedQuestion, styles: Styles, width: float) -> Flowable:
    """One question with its answer space, kept on one page."""
    kind = printed.question.kind
    parts: list[Flowable] = []
    if kind is Kind.CLOZE:
        parts += cloze_parts(printed, styles)
    else:
        parts.append(prompt_paragraph(printed, printed.question.prompt, styles))
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        parts.append(choice_table(printed.options, styles, width, lettered=True))
    elif kind is Kind.TRUE_FALSE:
        parts.append(choice_table(printed.options, styles, width, lettered=False))
    elif kind is Kind.MATCHING:
        parts.append(matching_table(printed, styles, width))
    elif kind is Kind.ORDERING:
        parts.append(ordering_table(printed, styles, width))
    elif kind is Kind.YEAR:
        parts.append(WritingLine("Year:", 90))
    elif kind is Kind.SHORT:
        parts.append(WritingLine("Answer:", min(300.0, width - NUMBER_INDENT - 50)))
    parts.append(Spacer(1, 9))
    return KeepTogether(parts)


def prompt_paragraph(printed: PrintedQuestion, prompt: str, styles: Styles) -> Paragraph:
    """The prompt hanging after its bold number, with a muted hint for kinds that need one."""
    text = markup(prompt)
    hint = HINTS.get(printed.question.kind)
    if printed.question.kind is Kind.ORDERING:
        hint = f"number the boxes 1–{len(printed.right_items)}"
    if hint and hint.lower() not in prompt.lower():
        text += f' <font color="#555555" size="8.6">({markup(hint)})</font>'
    return Paragraph(text, styles.prompt, bulletText=f"{printed.number}.")


def cloze_parts(printed: PrintedQuestion, styles: Styles) -> list[Flowable]:
    """The sentence with numbered blank lines; the prompt above it when it says something else."""
    question = printed.question
    if not question.prompt_parts:
        return [prompt_paragraph(printed, question.prompt, styles)]
    pieces = [markup(question.prompt_parts[0])]
    for number, part in enumerate(question.prompt_parts[1:], start=1):
        pieces.append(f'<font size="7.5" color="#555555">({number})</font>{BLANK_TEXT}')
        pieces.append(markup(part))
    sentence = "".join(pieces)
    longest_part = max(question.prompt_parts, key=len).strip()
    if question.prompt.strip() and longest_part not in question.prompt:
        return [
            prompt_paragraph(printed, question.prompt, styles),
            Paragraph(sentence, styles.indented),
        ]
    return [Paragraph(sentence, styles.prompt, bulletText=f"{printed.number}.")]


def option_columns(options: Sequence[str], styles: Styles, width: float, per_option: float) -> int:
    """Up to 4 short options on one row, else 2 per row when they fit, else one per line."""
    widest = max(
        (stringWidth(text, REGULAR, styles.option.fontSize) for text in options), default=0.0
    )
    for columns in (4, 2):
        fits = widest + per_option + OPTION_GAP <= width / columns
        if fits and (columns == 2 or len(options) <= columns):
            return columns
    return 1


def choice_table(options: Sequence[str], styles: Styles, width: float, lettered: bool) -> Flowable:
    """Each option with a box to tick (and its letter), laid out in rows of 1, 2 or 4."""
    room = width - NUMBER_INDENT
    per_option = BOX_COLUMN + (LETTER_COLUMN if lettered else 0.0)
    columns = option_columns(options, styles, room, per_option)
    return OptionGrid(options, styles, room / columns, columns, lettered)


class OptionGrid(Flowable):  # type: ignore[misc]
    """Options in rows of 1, 2 or 4, each a tick box, a bold letter and its wrapped text.

    Drawn straight on the canvas: plain text needs no paragraph markup, and a table of
    paragraphs per option was most of the time spent printing a quiz.
    """

    def __init__(
        self,
        options: Sequence[str],
        styles: Styles,
        column_width: float,
        columns: int,
        lettered: bool,
    ) -> None:
        super().__init__()
        self.font, self.size = styles.option.fontName, styles.option.fontSize
        self.letter_font = styles.letter.fontName
        self.leading = styles.option.leading
        self.column_width = column_width
        self.columns = columns
        self.lettered = lettered
        text_left = BOX_COLUMN + (LETTER_COLUMN if lettered else 0.0)
        self.text_left = text_left
        room = column_width - text_left - 3
        self.cells = [
            (option_letter(index), simpleSplit(text, self.font, self.size, room) or [""])
            for index, text in enumerate(options)
        ]
        self.row_heights = [
            max(len(lines) for _, lines in self.cells[start : start + columns]) * self.leading + 2.0
            for start in range(0, len(self.cells), columns)
        ]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, sum(self.row_heights)

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(0.7)
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        top = sum(self.row_heights)
        for row, height in enumerate(self.row_heights):
            for column in range(self.columns):
                index = row * self.columns + column
                if index >= len(self.cells):
                    break
                letter, lines = self.cells[index]
                left = NUMBER_INDENT + column * self.column_width
                baseline = top - 0.5 - self.size
                canvas.rect(left, top - 2.1 - TICK_SIZE, TICK_SIZE, TICK_SIZE, stroke=1, fill=0)
                if self.lettered:
                    canvas.setFont(self.letter_font, self.size)
                    canvas.drawString(left + BOX_COLUMN, baseline, letter)
                canvas.setFont(self.font, self.size)
                for number, line in enumerate(lines):
                    canvas.drawString(left + self.text_left, baseline - number * self.leading, line)
            top -= height


def matching_table(printed: PrintedQuestion, styles: Styles, width: float) -> Flowable:
    """Numbered left items each with a line for a letter; lettered right items beside them."""
    blank_width, number_width, letter_width, gap = 26.0, 16.0, 16.0, 14.0
    text_room = width - NUMBER_INDENT - blank_width - number_width - letter_width - gap
    left_width = text_room * 0.48
    right_width = text_room - left_width
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    for index in range(max(len(printed.left_items), len(printed.right_items))):
        row: list[Any] = ["", "", "", "", "", "", ""]
        if index < len(printed.left_items):
            row[2] = Paragraph(f"{index + 1}.", styles.letter)
            row[3] = Paragraph(markup(printed.left_items[index]), styles.option)
            commands.append(("LINEBELOW", (1, index), (1, index), 0.6, INK))
        if index < len(printed.right_items):
            row[5] = Paragraph(f"{option_letter(index)}.", styles.letter)
            row[6] = Paragraph(markup(printed.right_items[index]), styles.option)
        rows.append(row)
    widths = [
        NUMBER_INDENT,
        blank_width - 6,
        number_width + 6,
        left_width,
        gap,
        letter_width,
        right_width,
    ]
    return tight_table(rows, widths, padding_bottom=4, extra=commands)


def ordering_table(printed: PrintedQuestion, styles: Styles, width: float) -> Flowable:
    """Each item with a box big enough to write its place in the order."""
    rows: list[list[Any]] = [
        ["", TickBox(size=12, drop=0), Paragraph(markup(item), styles.option)]
        for item in printed.right_items
    ]
    widths = [NUMBER_INDENT, 20.0, width - NUMBER_INDENT - 20.0]
    return tight_table(rows, widths, padding_bottom=3)


def tight_table(
    rows: list[list[Any]],
    widths: list[float],
    padding_bottom: float,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding_bottom),
                ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
                *extra,
            ]
        )
    )
    return table
