"""The answer key a teacher grades with: one grid for every version on the first page (a row per
question number, a column per version), then each question once in full, in version A's order
with its number in every version, and the sources numbered and listed once at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.exporters.pdf_layout import (
    NUMBER_INDENT,
    RULE,
    TINT,
    Block,
    Gap,
    Group,
    Item,
    Painter,
    Styles,
    paragraph,
)
from quizgen.exporters.pdf_text import Fragment, Line, Span, Typesetter
from quizgen.exporters.pdf_versions import (
    PrintedQuestion,
    QuizVersion,
    accepted_alternatives,
    key_answer_text,
)
from quizgen.questions.model import Kind

GRID_NUMBER_WIDTH = 28.0
"""Room for a three-digit number (18.7 pt) between the cell's sides."""
GRID_ROWS_PER_BLOCK = 20
"""Rows of the grid before it continues in a block beside it, to keep it on the first page."""
GRID_GAP = 10.0
GRID_MIN_ANSWER_WIDTH = 48.0
"""The narrowest column an answer gets; fewer blocks sit side by side when versions are many."""
GRID_PADDING = (4.0, 2.0, 3.0)
"""Space inside a grid cell: either side, above and below its text."""


def key_story(
    versions: Sequence[QuizVersion],
    topic_title: str,
    styles: Styles,
    width: float,
    typesetter: Typesetter,
) -> list[Item]:
    if not versions:
        return []
    first = versions[0]
    count = len(first.questions)
    letters = [version.letter for version in versions]
    which = f"version {letters[0]}" if len(letters) == 1 else f"versions {', '.join(letters)}"
    subtitle = f"{first.deck.title} · {count} question{'s' if count != 1 else ''} · {which}"
    story: list[Item] = [
        paragraph(typesetter, ((f"Answer key: {topic_title}", styles.title),), styles.title, width),
        paragraph(typesetter, ((subtitle, styles.subtitle),), styles.subtitle, width),
        Gap(8),
        answer_grid(versions, styles, width, typesetter),
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
        answer_in_full(printed, places[printed.question.id], sources, styles, width, typesetter)
        for printed in first.questions
    ]
    # The heading moves with the first answer, never left alone at the foot of a page.
    heading = heading_block("Answers in full", styles, width, typesetter)
    story.append(Group([heading, answers[0]]) if answers else heading)
    listed = [
        paragraph(
            typesetter,
            ((text, styles.small),),
            styles.small,
            width,
            NUMBER_INDENT,
            Fragment(0.0, f"[{number}]", styles.small),
        )
        for text, number in sources.items()
    ]
    if not listed:
        return story + answers[1:]
    # The list starts on the page of the last answer: a page of one source line would be waste.
    tail = [answers[-1]] if len(answers) > 1 else []
    story += answers[1:-1]
    sources_heading = heading_block("Sources", styles, width, typesetter)
    story.append(Group([*tail, sources_heading, listed[0]]))
    return story + listed[1:]


def heading_block(text: str, styles: Styles, width: float, typesetter: Typesetter) -> Block:
    return paragraph(typesetter, ((text, styles.heading),), styles.heading, width, 0, None, 10, 5)


def source_numbers(version: QuizVersion) -> dict[str, int]:
    """Each distinct source text, numbered in the order the answers first cite it."""
    numbers: dict[str, int] = {}
    for printed in version.questions:
        text = printed.question.source.text
        if text and text not in numbers:
            numbers[text] = len(numbers) + 1
    return numbers


@dataclass(frozen=True)
class GridRow:
    height: float
    cells: tuple[tuple[float, tuple[Line, ...]], ...]
    """Each cell's left edge and its lines of text."""
    ruled: tuple[bool, ...]
    """For each block of the grid: whether this row is one of its rows (drawn with lines)."""


class AnswerGrid(Block):
    """Rows of cells in blocks side by side, under a header row that repeats on every page the
    grid runs onto. The number column and the header row are tinted, every cell is ruled."""

    flows = True

    def __init__(
        self,
        header: GridRow,
        rows: Sequence[GridRow],
        edges: Sequence[Sequence[float]],
        styles: Styles,
    ) -> None:
        self.header = header
        self.rows = list(rows)
        self.edges = edges
        """For each block, the left edge of each column and the block's right edge."""
        self.styles = styles
        self.style = styles.option
        self.height = header.height + sum(row.height for row in rows)

    def split(self, room: float) -> tuple[Block, Block] | None:
        used = self.header.height
        fits = 0
        for row in self.rows:
            if used + row.height > room:
                break
            used += row.height
            fits += 1
        if fits == 0 or fits == len(self.rows):
            return None
        return (
            AnswerGrid(self.header, self.rows[:fits], self.edges, self.styles),
            AnswerGrid(self.header, self.rows[fits:], self.edges, self.styles),
        )

    def draw(self, painter: Painter, x: float, top: float) -> None:
        rows = [self.header, *self.rows]
        for block, edges in enumerate(self.edges):
            tops = [top]
            for row in rows:
                if not row.ruled[block]:
                    break
                tops.append(tops[-1] - row.height)
            left, right, bottom = x + edges[0], x + edges[-1], tops[-1]
            painter.fill(left, top - self.header.height, right - left, self.header.height, TINT)
            painter.fill(left, bottom, edges[1] - edges[0], top - bottom, TINT)
            segments = [(left, y, right, y) for y in tops]
            segments += [(x + edge, top, x + edge, bottom) for edge in edges]
            painter.lines(segments, 0.4, RULE)
        pad_side, pad_top, _ = GRID_PADDING
        for row in rows:
            baseline = top - pad_top - self.style.size
            for left, lines in row.cells:
                y = baseline
                for line in lines:
                    painter.line_of(x + left + pad_side, y, line)
                    y -= self.style.leading
            top -= row.height


def answer_grid(
    versions: Sequence[QuizVersion], styles: Styles, width: float, typesetter: Typesetter
) -> AnswerGrid:
    """A row per question number and a column per version, in blocks side by side.

    A teacher grades version B down its column; a long test continues in a second block beside
    the first, so the whole grid stays on the first page.
    """
    count = max(len(version.questions) for version in versions)
    room = GRID_NUMBER_WIDTH + GRID_MIN_ANSWER_WIDTH * len(versions) + GRID_GAP
    most_blocks = max(1, int((width + GRID_GAP) // room))
    blocks = min(most_blocks, max(1, -(-count // GRID_ROWS_PER_BLOCK)))
    rows_per_block = -(-count // blocks)
    # A grid that fits one page reads down each block; a longer one reads across each row, so
    # that every page holds consecutive numbers.
    across = count > GRID_ROWS_PER_BLOCK * blocks
    block_width = (width - GRID_GAP * (blocks - 1)) / blocks
    answer_width = (block_width - GRID_NUMBER_WIDTH) / len(versions)
    answers = [[key_answer_text(printed) for printed in version.questions] for version in versions]
    edges = []
    for block in range(blocks):
        left = block * (block_width + GRID_GAP)
        edges.append(
            [left] + [left + GRID_NUMBER_WIDTH + answer_width * i for i in range(len(versions) + 1)]
        )
    pad_side, pad_top, pad_bottom = GRID_PADDING

    def row_of(texts: Sequence[Sequence[Sequence[Span]]], ruled: Sequence[bool]) -> GridRow:
        """A row from each block's cells, each cell a paragraph (empty where none)."""
        cells = []
        for block, block_edges in enumerate(edges):
            for column, spans in enumerate(texts[block]):
                if spans:
                    cell_width = block_edges[column + 1] - block_edges[column] - 2 * pad_side
                    cells.append((block_edges[column], typesetter.lines(spans, cell_width)))
        lines = max((len(lines) for _, lines in cells), default=1)
        return GridRow(
            lines * styles.option.leading + pad_top + pad_bottom, tuple(cells), tuple(ruled)
        )

    head: list[Sequence[Span]] = [(("No.", styles.muted_option),)]
    head += [((version.letter, styles.letter),) for version in versions]
    header = row_of([head] * blocks, [True] * blocks)
    rows = []
    for row in range(rows_per_block):
        texts: list[list[Sequence[Span]]] = []
        ruled = []
        for block in range(blocks):
            index = row * blocks + block if across else block * rows_per_block + row
            ruled.append(across or index < count)
            cells: list[Sequence[Span]] = [()] * (1 + len(versions))
            if index < count:
                cells = [((str(index + 1), styles.muted_option),)]
                cells += [
                    ((column[index], styles.letter),) if index < len(column) else ()
                    for column in answers
                ]
            texts.append(cells)
        rows.append(row_of(texts, ruled))
    return AnswerGrid(header, rows, edges, styles)


def answer_in_full(
    printed: PrintedQuestion,
    places: Sequence[tuple[str, int]],
    sources: dict[str, int],
    styles: Styles,
    width: float,
    typesetter: Typesetter,
) -> Block:
    """One question once: its prompt, its number in each version, its answer, why, and source."""
    question = printed.question
    numbers = ", ".join(f"{letter}: {number}" for letter, number in places[1:])
    prompt: list[Span] = [(question.prompt or " ".join(question.prompt_parts), styles.prompt)]
    if numbers:
        prompt += [(" ", styles.prompt), (f"(in {numbers})", styles.where)]
    bullet = Fragment(0.0, f"{printed.number}.", styles.prompt_number)
    parts: list[Block] = [
        paragraph(typesetter, prompt, styles.prompt, width, NUMBER_INDENT, bullet, space_after=2.5)
    ]
    lines = answer_lines(printed)
    alternatives = accepted_alternatives(printed)
    if alternatives:
        # Quoted, since an alternative may itself be punctuation ("&").
        lines.append(("Also accepted:", ", ".join(f"“{text}”" for text in alternatives)))
    for label, text in lines:
        spans = ((label, styles.letter), (f" {text}", styles.option))
        parts.append(
            paragraph(typesetter, spans, styles.option, width, NUMBER_INDENT, space_after=1)
        )
    note = question.explanation
    source_number = sources.get(question.source.text)
    if source_number is not None:
        note += f" [{source_number}]"
    if note.strip():
        note_spans = ((note.strip(), styles.small),)
        parts.append(
            paragraph(typesetter, note_spans, styles.small, width, NUMBER_INDENT, None, 0, 1)
        )
    return Group(parts, space_after=4)


def answer_lines(printed: PrintedQuestion) -> list[tuple[str, str]]:
    """The answer spelled out after its bold label: letters' texts, pairs, sequences."""
    question = printed.question
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        # Letters differ between versions (the grid has them); the texts are the same.
        return [("Answer:", "; ".join(question.answer))]
    if question.kind is Kind.MATCHING:
        return [("Answer:", "; ".join(f"{left} → {right}" for left, right in question.pairs))]
    if question.kind is Kind.ORDERING:
        sequence = ", ".join(
            f"{place}. {text}" for place, text in enumerate(question.order, start=1)
        )
        return [("Order:", sequence)]
    return [("Answer:", key_answer_text(printed))]
