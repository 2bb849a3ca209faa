"""The printed page: paper, styles, the footer canvas and the small drawn parts (tick boxes, lines).

Shared by the quiz and the answer key so that both look alike; every text goes through
``markup`` (reportlab's paragraph markup is XML-like, and facts may contain ``<`` and ``&``).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from quizgen.exporters.pdf_fonts import BOLD, REGULAR, register_fonts

PAPER = {"a4": A4, "letter": LETTER}
MARGIN_SIDE = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 17 * mm
NUMBER_INDENT = 28.0
"""Where question text hangs after its bold number, as at a tab stop."""
INK = colors.black
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
TINT = colors.HexColor("#EEEEEE")


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cells default to DejaVu Sans: reportlab's default is Helvetica, which
    even an empty cell would pull into the PDF as a font that is not embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def markup(text: str) -> str:
    """Plain text as reportlab paragraph markup: ``<`` and ``&`` print literally."""
    return escape(text)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    version: ParagraphStyle
    field: ParagraphStyle
    instructions: ParagraphStyle
    prompt: ParagraphStyle
    option: ParagraphStyle
    letter: ParagraphStyle
    indented: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=10, leading=12.6, textColor=INK)
    return Styles(
        title=ParagraphStyle("title", base, fontName=BOLD, fontSize=15, leading=18),
        subtitle=ParagraphStyle("subtitle", base, fontSize=10.5, leading=13, textColor=MUTED),
        version=ParagraphStyle(
            "version", base, fontName=BOLD, fontSize=13, leading=16, alignment=TA_RIGHT
        ),
        field=ParagraphStyle("field", base, fontSize=9.5, leading=12),
        instructions=ParagraphStyle(
            "instructions",
            base,
            fontSize=8.8,
            leading=11.2,
            textColor=MUTED,
            spaceBefore=6,
            spaceAfter=8,
        ),
        prompt=ParagraphStyle(
            "prompt",
            base,
            fontSize=10.2,
            leading=12.8,
            leftIndent=NUMBER_INDENT,
            bulletIndent=0,
            bulletFontName=BOLD,
            bulletFontSize=10.2,
            spaceAfter=2.5,
        ),
        option=ParagraphStyle("option", base, fontSize=9.8, leading=12),
        letter=ParagraphStyle("letter", base, fontName=BOLD, fontSize=9.8, leading=12),
        indented=ParagraphStyle(
            "indented", base, fontSize=10, leading=15, leftIndent=NUMBER_INDENT
        ),
        small=ParagraphStyle("small", base, fontSize=8.6, leading=10.6, textColor=MUTED),
        heading=ParagraphStyle(
            "heading", base, fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=10, spaceAfter=5
        ),
    )


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square to tick (options) or to write a digit in (ordering)."""

    def __init__(self, size: float = 8.6, drop: float = 1.6) -> None:
        super().__init__()
        self.size = size
        self.drop = drop
        """How far below the cell's top the box starts, to sit on the first text line."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size + self.drop

    def draw(self) -> None:
        self.canv.setLineWidth(0.7)
        self.canv.setStrokeColor(INK)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


class WritingLine(Flowable):  # type: ignore[misc]
    """A label and a rule to write an answer on: ``Answer: ________``."""

    def __init__(self, label: str, line_width: float, indent: float = NUMBER_INDENT) -> None:
        super().__init__()
        self.label = label
        self.line_width = line_width
        self.indent = indent
        self.height_pt = 20.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.height_pt

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(REGULAR, 8.8)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.indent, 4, self.label)
        start = self.indent + stringWidth(self.label, REGULAR, 8.8) + 5
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(start, 2.5, start + self.line_width, 2.5)


class VersionMark(Flowable):  # type: ignore[misc]
    """Takes no room; tells the canvas which version the following pages belong to (footer)."""

    def __init__(self, letter: str) -> None:
        super().__init__()
        self.letter = letter

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.version_letter = self.letter


def pdf_date_formatter(epoch: int) -> Callable[..., str]:
    """The creation date from the build's epoch, not the clock, so rebuilds give the same bytes."""
    stamp = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch))
    return lambda *_: stamp


class FooterCanvas(Canvas):  # type: ignore[misc]
    """Draws "Version A - page X of Y" once every page is laid out and each version's total known.

    Pages are kept until ``save`` (the two-pass recipe), and counted per version, since one file
    holds every version and each starts again at page 1.
    """

    def __init__(self, *args: Any, footer_label: str = "", epoch: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.footer_label = footer_label
        self.version_letter = ""
        self._page_states: list[dict[str, Any]] = []
        self.setDateFormatter(pdf_date_formatter(epoch))

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(state["version_letter"] for state in self._page_states)
        seen: Counter[str] = Counter()
        for state in self._page_states:
            self.__dict__.update(state)
            seen[self.version_letter] += 1
            self.draw_footer(seen[self.version_letter], totals[self.version_letter])
            super().showPage()
        super().save()

    def draw_footer(self, page: int, pages: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_SIDE, MARGIN_BOTTOM - 5, width - MARGIN_SIDE, MARGIN_BOTTOM - 5)
        self.setFont(REGULAR, 8)
        self.setFillColor(MUTED)
        self.drawString(MARGIN_SIDE, MARGIN_BOTTOM - 15, self.footer_label)
        where = f"Version {self.version_letter} - page" if self.version_letter else "Page"
        self.drawRightString(width - MARGIN_SIDE, MARGIN_BOTTOM - 15, f"{where} {page} of {pages}")
        self.restoreState()


@dataclass(frozen=True)
class PdfFile:
    """What one PDF file is: its paper, the build's epoch for its date, and its labels."""

    paper: str
    epoch: int
    footer_label: str
    title: str
    subject: str
    lang: str

    @property
    def body_width(self) -> float:
        """The width that text and tables may use between the side margins."""
        return float(PAPER[self.paper][0] - 2 * MARGIN_SIDE)


def write_pdf(target: Path, story: list[Flowable], pdf: PdfFile) -> None:
    """Lays out a story on pages of one frame, in DejaVu Sans from the first byte."""
    register_fonts()
    doc = BaseDocTemplate(
        str(target),
        pagesize=PAPER[pdf.paper],
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=pdf.title,
        subject=pdf.subject,
        author="quizgen",
        creator="quizgen",
        lang=pdf.lang,
        invariant=1,
        # Without this the canvas opens every page in Helvetica, and the PDF then lists a
        # base-14 font that is neither used nor embedded.
        initialFontName=REGULAR,
        initialFontSize=10,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_start_page)])

    def make_canvas(*args: Any, **kwargs: Any) -> FooterCanvas:
        return FooterCanvas(*args, footer_label=pdf.footer_label, epoch=pdf.epoch, **kwargs)

    doc.build(story, canvasmaker=make_canvas)


def _start_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.setFont(REGULAR, 10)


def header_block(
    title: str, subtitle: str, letter: str, styles: Styles, width: float
) -> list[Flowable]:
    """Title and deck on the left, the version letter boxed on the right."""
    version_cell = Paragraph(f"Version {markup(letter)}", styles.version)
    table = Table(
        [
            [Paragraph(markup(title), styles.title), version_cell],
            [Paragraph(markup(subtitle), styles.subtitle), ""],
        ],
        colWidths=[width - 92, 92],
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 6),
                ("RIGHTPADDING", (1, 0), (1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("SPAN", (1, 0), (1, 1)),
                ("BOX", (1, 0), (1, 1), 1.2, INK),
                ("VALIGN", (1, 0), (1, 1), "MIDDLE"),
            ]
        )
    )
    return [table]


def ruled_fields(
    fields: Sequence[tuple[str, float]], styles: Styles, width: float, tail: str = ""
) -> Table:
    """Labels each followed by a line to write on (widths are shares of the row), then ``tail``."""
    label_widths = [stringWidth(label, REGULAR, styles.field.fontSize) + 5 for label, _ in fields]
    tail_width = stringWidth(tail, REGULAR, styles.field.fontSize) + 4 if tail else 0.0
    gap = 12.0
    line_room = width - sum(label_widths) - tail_width - gap * (len(fields) - 1)
    total_share = sum(share for _, share in fields)
    cells: list[Any] = []
    widths: list[float] = []
    commands: list[tuple[Any, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 12),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for index, ((label, share), label_width) in enumerate(zip(fields, label_widths, strict=True)):
        if index:
            cells.append("")
            widths.append(gap)
        cells += [Paragraph(markup(label), styles.field), ""]
        widths += [label_width, line_room * share / total_share]
        column = len(cells) - 1
        commands.append(("LINEBELOW", (column, 0), (column, 0), 0.6, INK))
    if tail:
        cells.append(Paragraph(markup(tail), styles.field))
        widths.append(tail_width)
        commands.append(("LEFTPADDING", (-1, 0), (-1, 0), 4))
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(table_style(commands))
    return table
