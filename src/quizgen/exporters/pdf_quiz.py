"""The quiz paper: for each version a header with lines for Name, Class, Date and Score, short
instructions, then every question laid out for its kind and never split across pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.exporters.pdf_layout import (
    INK,
    NUMBER_INDENT,
    Block,
    Group,
    Item,
    Painter,
    Rule,
    Styles,
    TextBlock,
    VersionStart,
    WritingLine,
    paragraph,
)
from quizgen.exporters.pdf_text import Fragment, Line, Span, TextStyle, Typesetter
from quizgen.exporters.pdf_versions import PrintedQuestion, QuizVersion, option_letter
from quizgen.questions.model import Kind

BOX_COLUMN = 14.0
LETTER_COLUMN = 13.0
OPTION_GAP = 10.0
TICK_SIZE = 8.6
TICK_LINE = 0.7
VERSION_BOX = 92.0
BLANK_TEXT = "_" * 16
"""A cloze blank: always the same length, so that its length gives nothing away."""

HINTS = {
    Kind.MULTIPLE: "select all that apply",
    Kind.MATCHING: "write the matching letter on each line",
}


def quiz_story(
    versions: Sequence[QuizVersion],
    topic_title: str,
    styles: Styles,
    width: float,
    typesetter: Typesetter,
) -> list[Item]:
    """Every version, each starting on a new page with its own header."""
    story: list[Item] = []
    for version in versions:
        story.append(VersionStart(version.letter))
        story += version_header(version, topic_title, styles, width, typesetter)
        for printed in version.questions:
            story.append(question_block(printed, styles, width, typesetter))
    return story


def version_header(
    version: QuizVersion, topic_title: str, styles: Styles, width: float, typesetter: Typesetter
) -> list[Block]:
    count = len(version.questions)
    subtitle = f"{version.deck.title} · {count} question{'s' if count != 1 else ''}"
    fields = [("Name", 5.0), ("Class", 1.6), ("Date", 2.0), ("Score", 1.0)]
    instructions = ((instructions_text(version), styles.instructions),)
    return [
        HeaderBlock(topic_title, subtitle, version.letter, styles, width, typesetter),
        RuledFields(fields, f"/ {count}", styles, width, typesetter),
        paragraph(typesetter, instructions, styles.instructions, width, 0, None, 6, 8),
        Rule(width),
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


class HeaderBlock(Block):
    """Title and deck on the left, the version letter boxed on the right."""

    def __init__(
        self,
        title: str,
        subtitle: str,
        letter: str,
        styles: Styles,
        width: float,
        typesetter: Typesetter,
    ) -> None:
        text_width = width - VERSION_BOX - 6
        self.title = typesetter.plain_lines(title, styles.title, text_width)
        self.subtitle = typesetter.plain_lines(subtitle, styles.subtitle, text_width)
        self.styles = styles
        self.width = width
        self.version = f"Version {letter}"
        self.version_width = typesetter.width(self.version, styles.version)
        # Each row has 1 pt above its text and 2 below, as the cells of a table would.
        self.title_height = len(self.title) * styles.title.leading + 3
        self.height = self.title_height + len(self.subtitle) * styles.subtitle.leading + 3

    def draw(self, painter: Painter, x: float, top: float) -> None:
        styles = self.styles
        baseline = top - 1 - styles.title.size
        for line in self.title:
            painter.line_of(x, baseline, line)
            baseline -= styles.title.leading
        baseline = top - self.title_height - 1 - styles.subtitle.size
        for line in self.subtitle:
            painter.line_of(x, baseline, line)
            baseline -= styles.subtitle.leading
        box_left = x + self.width - VERSION_BOX
        painter.box(box_left, top - self.height, VERSION_BOX, self.height, 1.2)
        # Centred in the box's height, right-aligned 6 pt inside it.
        text_bottom = top - self.height + 2 + (self.height - 3 - styles.version.leading) / 2
        painter.text(
            x + self.width - 6 - self.version_width,
            text_bottom + styles.version.leading - styles.version.size,
            self.version,
            styles.version,
        )


class RuledFields(Block):
    """Labels each followed by a line to write on (widths are shares of the row), then ``tail``."""

    GAP = 12.0

    def __init__(
        self,
        fields: Sequence[tuple[str, float]],
        tail: str,
        styles: Styles,
        width: float,
        typesetter: Typesetter,
    ) -> None:
        self.style = styles.field
        label_widths = [typesetter.width(label, self.style) + 5 for label, _ in fields]
        tail_width = typesetter.width(tail, self.style) + 4
        line_room = width - sum(label_widths) - tail_width - self.GAP * (len(fields) - 1)
        total_share = sum(share for _, share in fields)
        self.labels: list[tuple[float, str]] = []
        self.lines: list[tuple[float, float]] = []
        x = 0.0
        for index, ((label, share), label_width) in enumerate(
            zip(fields, label_widths, strict=True)
        ):
            if index:
                x += self.GAP
            self.labels.append((x, label))
            x += label_width
            line_width = line_room * share / total_share
            self.lines.append((x, line_width))
            x += line_width
        self.labels.append((x + 4, tail))
        self.height = 25.0
        """12 pt above the labels for handwriting, a line of text and 1 pt under it."""

    def draw(self, painter: Painter, x: float, top: float) -> None:
        bottom = top - self.height
        baseline = bottom + 1 + self.style.leading - self.style.size
        for left, label in self.labels:
            painter.text(x + left, baseline, label, self.style)
        for left, line_width in self.lines:
            painter.line(x + left, bottom, x + left + line_width, bottom, 0.6, INK)


def question_block(
    printed: PrintedQuestion, styles: Styles, width: float, typesetter: Typesetter
) -> Block:
    """One question with its answer space, kept on one page."""
    kind = printed.question.kind
    parts: list[Block] = []
    if kind is Kind.CLOZE:
        parts += cloze_parts(printed, styles, width, typesetter)
    else:
        parts.append(prompt_paragraph(printed, printed.question.prompt, styles, width, typesetter))
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        parts += option_rows(printed.options, styles, width, typesetter, lettered=True)
    elif kind is Kind.TRUE_FALSE:
        parts += option_rows(printed.options, styles, width, typesetter, lettered=False)
    elif kind is Kind.MATCHING:
        parts += matching_rows(printed, styles, width, typesetter)
    elif kind is Kind.ORDERING:
        parts += ordering_rows(printed, styles, width, typesetter)
    elif kind is Kind.YEAR:
        parts.append(WritingLine("Year:", 90, styles, typesetter))
    elif kind is Kind.SHORT:
        answer_width = min(300.0, width - NUMBER_INDENT - 50)
        parts.append(WritingLine("Answer:", answer_width, styles, typesetter))
    return Group(parts, space_after=9)


def number_bullet(printed: PrintedQuestion, styles: Styles) -> Fragment:
    return Fragment(0.0, f"{printed.number}.", styles.prompt_number)


def prompt_paragraph(
    printed: PrintedQuestion, prompt: str, styles: Styles, width: float, typesetter: Typesetter
) -> TextBlock:
    """The prompt hanging after its bold number, with a muted hint for kinds that need one."""
    spans: list[Span] = [(prompt, styles.prompt)]
    hint = HINTS.get(printed.question.kind)
    if printed.question.kind is Kind.ORDERING:
        hint = f"number the boxes 1–{len(printed.right_items)}"
    if hint and hint.lower() not in prompt.lower():
        spans += [(" ", styles.prompt), (f"({hint})", styles.hint)]
    bullet = number_bullet(printed, styles)
    return paragraph(
        typesetter, spans, styles.prompt, width, NUMBER_INDENT, bullet, space_after=2.5
    )


def cloze_parts(
    printed: PrintedQuestion, styles: Styles, width: float, typesetter: Typesetter
) -> list[Block]:
    """The sentence with numbered blank lines; the prompt above it when it says something else."""
    question = printed.question
    if not question.prompt_parts:
        return [prompt_paragraph(printed, question.prompt, styles, width, typesetter)]
    longest_part = max(question.prompt_parts, key=len).strip()
    separate = bool(question.prompt.strip()) and longest_part not in question.prompt
    style = styles.indented if separate else styles.prompt
    spans: list[Span] = [(question.prompt_parts[0], style)]
    for number, part in enumerate(question.prompt_parts[1:], start=1):
        spans += [(f"({number})", styles.blank_number), (BLANK_TEXT, style), (part, style)]
    if separate:
        return [
            prompt_paragraph(printed, question.prompt, styles, width, typesetter),
            paragraph(typesetter, spans, style, width, NUMBER_INDENT),
        ]
    bullet = number_bullet(printed, styles)
    return [paragraph(typesetter, spans, style, width, NUMBER_INDENT, bullet, space_after=2.5)]


def option_columns(
    options: Sequence[str],
    style: TextStyle,
    width: float,
    per_option: float,
    typesetter: Typesetter,
) -> int:
    """Up to 4 short options on one row, else 2 per row when they fit, else one per line."""
    widest = max((typesetter.width(text, style) for text in options), default=0.0)
    for columns in (4, 2):
        fits = widest + per_option + OPTION_GAP <= width / columns
        if fits and (columns == 2 or len(options) <= columns):
            return columns
    return 1


def option_rows(
    options: Sequence[str], styles: Styles, width: float, typesetter: Typesetter, lettered: bool
) -> list[Block]:
    """Each option with a box to tick (and its letter), laid out in rows of 1, 2 or 4."""
    room = width - NUMBER_INDENT
    text_left = BOX_COLUMN + (LETTER_COLUMN if lettered else 0.0)
    columns = option_columns(options, styles.option, room, text_left, typesetter)
    column_width = room / columns
    cells = [
        (
            option_letter(index) if lettered else "",
            typesetter.plain_lines(text, styles.option, column_width - text_left - 3) or ((),),
        )
        for index, text in enumerate(options)
    ]
    return [
        OptionRow(cells[start : start + columns], column_width, text_left, styles)
        for start in range(0, len(cells), columns)
    ]


class OptionRow(Block):
    """A row of options, each a tick box, a bold letter and its wrapped text."""

    def __init__(
        self,
        cells: Sequence[tuple[str, Sequence[Line]]],
        column_width: float,
        text_left: float,
        styles: Styles,
    ) -> None:
        self.cells = cells
        self.column_width = column_width
        self.text_left = text_left
        self.style = styles.option
        self.letter_style = styles.letter
        self.height = max(len(lines) for _, lines in cells) * self.style.leading + 2.0

    def draw(self, painter: Painter, x: float, top: float) -> None:
        baseline = top - 0.5 - self.style.size
        for column, (letter, lines) in enumerate(self.cells):
            left = x + NUMBER_INDENT + column * self.column_width
            painter.box(left, top - 2.1 - TICK_SIZE, TICK_SIZE, TICK_SIZE, TICK_LINE)
            if letter:
                painter.text(left + BOX_COLUMN, baseline, letter, self.letter_style)
            y = baseline
            for line in lines:
                painter.line_of(left + self.text_left, y, line)
                y -= self.style.leading


class MatchingRow(Block):
    """A numbered left item after a line for its letter, and a lettered right item beside it."""

    BLANK = 20.0
    NUMBER = 22.0
    GAP = 14.0
    LETTER = 16.0

    def __init__(
        self,
        left: tuple[str, Sequence[Line]] | None,
        right: tuple[str, Sequence[Line]] | None,
        left_width: float,
        styles: Styles,
    ) -> None:
        self.left = left
        self.right = right
        self.left_width = left_width
        self.style = styles.option
        self.bold = styles.letter
        lines = max(len(lines) for _, lines in (left or ("", ()), right or ("", ())))
        self.height = max(1, lines) * self.style.leading + 4.5

    def draw(self, painter: Painter, x: float, top: float) -> None:
        baseline = top - 0.5 - self.style.size
        blank_x = x + NUMBER_INDENT
        text_x = blank_x + self.BLANK + self.NUMBER
        letter_x = text_x + self.left_width + self.GAP
        if self.left:
            # The line sits on the item's first baseline, before its number, as on a worksheet.
            under = baseline - 2.0
            painter.line(blank_x, under, blank_x + self.BLANK - 3.0, under, 0.6, INK)
            self._item(painter, self.left, blank_x + self.BLANK, text_x, baseline)
        if self.right:
            self._item(painter, self.right, letter_x, letter_x + self.LETTER, baseline)

    def _item(
        self,
        painter: Painter,
        item: tuple[str, Sequence[Line]],
        mark_x: float,
        text_x: float,
        baseline: float,
    ) -> None:
        mark, lines = item
        painter.text(mark_x, baseline, mark, self.bold)
        for line in lines:
            painter.line_of(text_x, baseline, line)
            baseline -= self.style.leading


def matching_rows(
    printed: PrintedQuestion, styles: Styles, width: float, typesetter: Typesetter
) -> list[Block]:
    """Numbered left items each with a line for a letter; lettered right items beside them."""
    fixed = MatchingRow.BLANK + MatchingRow.NUMBER + MatchingRow.GAP + MatchingRow.LETTER
    text_room = width - NUMBER_INDENT - fixed
    left_width = text_room * 0.48
    right_width = text_room - left_width
    rows: list[Block] = []
    for index in range(max(len(printed.left_items), len(printed.right_items))):
        left = right = None
        if index < len(printed.left_items):
            text = printed.left_items[index]
            left = (f"{index + 1}.", typesetter.plain_lines(text, styles.option, left_width - 3))
        if index < len(printed.right_items):
            text = printed.right_items[index]
            lines = typesetter.plain_lines(text, styles.option, right_width - 3)
            right = (f"{option_letter(index)}.", lines)
        rows.append(MatchingRow(left, right, left_width, styles))
    return rows


class OrderingRow(Block):
    """An item with a box big enough to write its place in the order."""

    BOX = 12.0
    COLUMN = 20.0

    def __init__(self, lines: Sequence[Line], styles: Styles) -> None:
        self.lines = lines
        self.style = styles.option
        self.height = max(self.BOX, len(lines) * self.style.leading) + 3.5

    def draw(self, painter: Painter, x: float, top: float) -> None:
        left = x + NUMBER_INDENT
        painter.box(left, top - 0.5 - self.BOX, self.BOX, self.BOX, TICK_LINE)
        y = top - 0.5 - self.style.size
        for line in self.lines:
            painter.line_of(left + self.COLUMN, y, line)
            y -= self.style.leading


def ordering_rows(
    printed: PrintedQuestion, styles: Styles, width: float, typesetter: Typesetter
) -> list[Block]:
    text_width = width - NUMBER_INDENT - OrderingRow.COLUMN - 3
    return [
        OrderingRow(typesetter.plain_lines(item, styles.option, text_width) or ((),), styles)
        for item in printed.right_items
    ]
