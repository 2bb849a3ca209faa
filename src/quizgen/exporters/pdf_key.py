"""The answer key a teacher grades with: one grid for every version on the first page (a row per
question number, a column per version), then each question once in full, in version A's order
with its number in every version, and the sources numbered and listed once at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from quizgen.exporters.pdf_fonts import BOLD, REGULAR
from quizgen.exporters.pdf_layout import (
    NUMBER_INDENT,
    RULE,
    TINT,
    Styles,
    markup,
    table_style,
)
from quizgen.exporters.pdf_versions import (
    PrintedQuestion,
    QuizVersion,
    accepted_alternatives,
    key_answer_text,
)
from quizgen.questions.model import Kind

GRID_NUMBER_WIDTH = 26.0
GRID_ROWS_PER_BLOCK = 20
"""Rows of the grid before it continues in a block beside it, to keep it on the first page."""
GRID_GAP = 10.0
GRID_MIN_ANSWER_WIDTH = 48.0
"""The narrowest column an answer gets; fewer blocks sit side by side when versions are many."""


def key_story(
    versions: Sequence[QuizVersion], topic_title: str, styles: Styles, width: float
) -> list[Flowable]:
    if not versions:
        return []
    first = versions[0]
    count = len(first.questions)
    letters = [version.letter for version in versions]
    which = f"version {letters[0]}" if len(letters) == 1 else f"versions {', '.join(letters)}"
    subtitle = f"{first.deck.title} · {count} question{'s' if count != 1 else ''} · {which}"
    story: list[Flowable] = [
        Paragraph(markup(f"Answer key: {topic_title}"), styles.title),
        Paragraph(markup(subtitle), styles.subtitle),
        Spacer(1, 8),
        answer_grid(versions, styles, width),
    ]
    sources = source_numbers(first)
    number_in = {
        (version.letter, printed.question.id): printed.number
        for version in versions
        for printed in version.questions
    }
    places = {
        printed.question.id: [
            (letter, number_in[letter, printed.question.id])
            for letter in letters
            if (letter, printed.question.id) in number_in
        ]
        for printed in first.questions
    }
    answers = [
        answer_in_full(printed, places[printed.question.id], sources, styles)
        for printed in first.questions
    ]
    # The heading moves with the first answer, never left alone at the foot of a page.
    heading = Paragraph("Answers in full", styles.heading)
    story.append(KeepTogether([heading, answers[0]]) if answers else heading)
    note_style = ParagraphStyle(
        "key-source", styles.small, leftIndent=NUMBER_INDENT, bulletFontName=REGULAR
    )
    listed = [
        Paragraph(markup(text), note_style, bulletText=f"[{number}]")
        for text, number in sources.items()
    ]
    if not listed:
        return story + answers[1:]
    # The list starts on the page of the last answer: a page of one source line would be waste.
    tail = [answers[-1]] if len(answers) > 1 else []
    story += answers[1:-1]
    story.append(KeepTogether([*tail, Paragraph("Sources", styles.heading), listed[0]]))
    return story + listed[1:]


def source_numbers(version: QuizVersion) -> dict[str, int]:
    """Each distinct source text, numbered in the order the answers first cite it."""
    numbers: dict[str, int] = {}
    for printed in version.questions:
        text = printed.question.source.text
        if text and text not in numbers:
            numbers[text] = len(numbers) + 1
    return numbers


def answer_grid(versions: Sequence[QuizVersion], styles: Styles, width: float) -> Table:
    """A row per question number and a column per version, in blocks side by side.

    A teacher grades version B down its column; a long test continues in a second block beside
    the first, so the whole grid stays on the first page.
    """
    answer_style = ParagraphStyle("grid-answer", styles.option, fontName=BOLD)
    number_style = ParagraphStyle("grid-number", styles.option, textColor=styles.small.textColor)
    head_style = ParagraphStyle("grid-head", styles.option, fontName=BOLD)
    count = max(len(version.questions) for version in versions)
    room = GRID_NUMBER_WIDTH + GRID_MIN_ANSWER_WIDTH * len(versions) + GRID_GAP
    most_blocks = max(1, int((width + GRID_GAP) // room))
    blocks = min(most_blocks, max(1, -(-count // GRID_ROWS_PER_BLOCK)))
    rows_per_block = -(-count // blocks)
    # A grid that fits one page reads down each block; a longer one reads across each row, so
    # that every page holds consecutive numbers.
    across = count > GRID_ROWS_PER_BLOCK * blocks
    columns = 1 + len(versions)
    block_width = (width - GRID_GAP * (blocks - 1)) / blocks
    answer_width = (block_width - GRID_NUMBER_WIDTH) / len(versions)
    answers = [[key_answer_text(printed) for printed in version.questions] for version in versions]
    header: list[Any] = []
    for block in range(blocks):
        if block:
            header.append("")
        header += [Paragraph("No.", number_style)]
        header += [Paragraph(version.letter, head_style) for version in versions]
    cells: list[list[Any]] = [header]
    for row in range(rows_per_block):
        line: list[Any] = []
        for block in range(blocks):
            index = row * blocks + block if across else block * rows_per_block + row
            if block:
                line.append("")
            if index < count:
                line.append(Paragraph(str(index + 1), number_style))
                line += [
                    Paragraph(markup(texts[index]) if index < len(texts) else "", answer_style)
                    for texts in answers
                ]
            else:
                line += [""] * columns
        cells.append(line)
    widths: list[float] = []
    for block in range(blocks):
        if block:
            widths.append(GRID_GAP)
        widths += [GRID_NUMBER_WIDTH] + [answer_width] * len(versions)
    table = Table(cells, colWidths=widths, hAlign="LEFT", repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for block in range(blocks):
        start = block * (columns + 1)
        end = start + columns - 1
        last_row = rows_per_block if across else min(rows_per_block, count - block * rows_per_block)
        commands += [
            ("GRID", (start, 0), (end, last_row), 0.4, RULE),
            ("BACKGROUND", (start, 0), (start, last_row), TINT),
            ("BACKGROUND", (start, 0), (end, 0), TINT),
        ]
    table.setStyle(table_style(commands))
    return table


def answer_in_full(
    printed: PrintedQuestion,
    places: Sequence[tuple[str, int]],
    sources: dict[str, int],
    styles: Styles,
) -> Flowable:
    """One question once: its prompt, its number in each version, its answer, why, and source."""
    question = printed.question
    answer_style = ParagraphStyle(
        "key-answer", styles.option, leftIndent=NUMBER_INDENT, spaceAfter=1
    )
    note_style = ParagraphStyle("key-note", styles.small, leftIndent=NUMBER_INDENT, spaceAfter=1)
    numbers = ", ".join(f"{letter}: {number}" for letter, number in places[1:])
    where = f" <font size=8 color='#555555'>(in {numbers})</font>" if numbers else ""
    parts: list[Flowable] = [
        Paragraph(
            markup(question.prompt or " ".join(question.prompt_parts)) + where,
            styles.prompt,
            bulletText=f"{printed.number}.",
        )
    ]
    parts += [Paragraph(line, answer_style) for line in answer_lines(printed)]
    alternatives = accepted_alternatives(printed)
    if alternatives:
        parts.append(
            Paragraph(
                # Quoted, since an alternative may itself be punctuation ("&").
                "<b>Also accepted:</b> " + ", ".join(f"“{markup(text)}”" for text in alternatives),
                answer_style,
            )
        )
    note = markup(question.explanation)
    source_number = sources.get(question.source.text)
    if source_number is not None:
        note += f" [{source_number}]"
    if note.strip():
        parts.append(Paragraph(note.strip(), note_style))
    parts.append(Spacer(1, 4))
    return KeepTogether(parts)


def answer_lines(printed: PrintedQuestion) -> list[str]:
    """The answer spelled out, as paragraph markup: letters with their texts, pairs, sequences."""
    question = printed.question
    short = markup(key_answer_text(printed))
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        # Letters differ between versions (the grid has them); the texts are the same.
        return ["<b>Answer:</b> " + "; ".join(markup(text) for text in question.answer)]
    if question.kind is Kind.MATCHING:
        return [
            "<b>Answer:</b> "
            + "; ".join(f"{markup(left)} → {markup(right)}" for left, right in question.pairs)
        ]
    if question.kind is Kind.ORDERING:
        sequence = ", ".join(
            f"{place}. {markup(text)}" for place, text in enumerate(question.order, start=1)
        )
        return [f"<b>Order:</b> {sequence}"]
    return ["<b>Answer:</b> " + short]
