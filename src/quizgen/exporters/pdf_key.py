"""The answer key: per version a compact grid of number and answer for fast grading, then every
question in full with its answer, accepted alternatives, explanation and source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from quizgen.exporters.pdf_fonts import BOLD
from quizgen.exporters.pdf_layout import (
    NUMBER_INDENT,
    RULE,
    TINT,
    Styles,
    VersionMark,
    header_block,
    markup,
    table_style,
)
from quizgen.exporters.pdf_versions import (
    PrintedQuestion,
    QuizVersion,
    accepted_alternatives,
    key_answer_text,
    option_letter,
)
from quizgen.questions.model import Kind

GRID_NUMBER_WIDTH = 24.0
GRID_FITS_ON_ONE_LINE = 0.9
"""The share of answers that must fit on one line of a grid cell; the longer ones wrap."""


def key_story(
    versions: Sequence[QuizVersion], topic_title: str, styles: Styles, width: float
) -> list[Flowable]:
    story: list[Flowable] = []
    for index, version in enumerate(versions):
        if index:
            story.append(PageBreak())
        count = len(version.questions)
        subtitle = f"{version.deck.title} · {count} question{'s' if count != 1 else ''}"
        story.append(VersionMark(version.letter))
        story += header_block(f"Answer key: {topic_title}", subtitle, version.letter, styles, width)
        story.append(Spacer(1, 8))
        story.append(answer_grid(version, styles, width))
        answers = [answer_in_full(printed, styles) for printed in version.questions]
        # The heading moves with the first answer, never left alone at the foot of a page.
        heading = Paragraph("Answers in full", styles.heading)
        story.append(KeepTogether([heading, answers[0]]) if answers else heading)
        story += answers[1:]
    return story


def answer_grid(version: QuizVersion, styles: Styles, width: float) -> Table:
    """Number and answer in column pairs, read across each row like the lines of a page.

    As many pairs as most answers allow on one line (a rare long answer wraps in its cell). Rows
    read across so that a grid longer than a page continues on the next one in order.
    """
    answer_style = ParagraphStyle("grid-answer", styles.option, fontName=BOLD)
    number_style = ParagraphStyle("grid-number", styles.option, textColor=styles.small.textColor)
    answers = [key_answer_text(printed) for printed in version.questions]
    widths = sorted(stringWidth(answer, BOLD, answer_style.fontSize) for answer in answers)
    typical = widths[int(len(widths) * GRID_FITS_ON_ONE_LINE)] if widths else 0.0
    pairs = next((n for n in (6, 5, 4, 3) if typical + 8 <= width / n - GRID_NUMBER_WIDTH), 2)
    pairs = max(1, min(pairs, len(answers)))
    cells: list[list[Any]] = []
    for index, (printed, answer) in enumerate(zip(version.questions, answers, strict=True)):
        if index % pairs == 0:
            cells.append([])
        cells[-1] += [
            Paragraph(f"{printed.number}", number_style),
            Paragraph(markup(answer), answer_style),
        ]
    cells[-1] += ["", ""] * (pairs - len(cells[-1]) // 2)
    answer_width = width / pairs - GRID_NUMBER_WIDTH
    table = Table(cells, colWidths=[GRID_NUMBER_WIDTH, answer_width] * pairs, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
    ]
    for column in range(pairs):
        commands.append(("BACKGROUND", (2 * column, 0), (2 * column, -1), TINT))
    table.setStyle(table_style(commands))
    return table


def answer_in_full(printed: PrintedQuestion, styles: Styles) -> Flowable:
    question = printed.question
    answer_style = ParagraphStyle(
        "key-answer", styles.option, leftIndent=NUMBER_INDENT, spaceAfter=1
    )
    note_style = ParagraphStyle("key-note", styles.small, leftIndent=NUMBER_INDENT, spaceAfter=1)
    parts: list[Flowable] = [
        Paragraph(
            markup(question.prompt or " ".join(question.prompt_parts)),
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
    if question.explanation:
        parts.append(Paragraph(markup(question.explanation), note_style))
    if question.source.text:
        parts.append(Paragraph("Source: " + markup(question.source.text), note_style))
    parts.append(Spacer(1, 6))
    return KeepTogether(parts)


def answer_lines(printed: PrintedQuestion) -> list[str]:
    """The answer spelled out, as paragraph markup: letters with their texts, pairs, sequences."""
    question = printed.question
    short = markup(key_answer_text(printed))
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        correct = set(question.answer)
        chosen = [
            f"<b>{option_letter(i)}</b> {markup(text)}"
            for i, text in enumerate(printed.options)
            if text in correct
        ]
        return ["<b>Answer:</b> " + "; ".join(chosen)]
    if question.kind is Kind.MATCHING:
        right_of_left = dict(question.pairs)
        return ["<b>Answer:</b> " + short] + [
            f"{number}-{letter}: {markup(left)} → {markup(right_of_left.get(left, ''))}"
            for (number, letter), left in zip(printed.matching_key, printed.left_items, strict=True)
        ]
    if question.kind is Kind.ORDERING:
        sequence = ", ".join(
            f"{place}. {markup(text)}" for place, text in enumerate(question.order, start=1)
        )
        return [f"<b>Boxes, top to bottom:</b> {short}", f"<b>Order:</b> {sequence}"]
    return ["<b>Answer:</b> " + short]
