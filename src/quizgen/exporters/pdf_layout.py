"""The printed page: paper, styles, blocks of text and drawing, and the pager that puts them on
pages with a footer of "page x of y".

Shared by the quiz and the answer key so that both look alike. Pages are laid out from measured
blocks before anything is drawn, so each page's footer knows how many pages its version has and
every page is drawn once, straight on a reportlab canvas.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from quizgen.exporters.pdf_fonts import BOLD, REGULAR, register_fonts
from quizgen.exporters.pdf_text import Fragment, Line, Span, TextStyle, Typesetter

PAPER = {"a4": A4, "letter": LETTER}
MARGIN_SIDE = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 17 * mm
NUMBER_INDENT = 28.0
"""Where question text hangs after its bold number, as at a tab stop."""
INK = "#000000"
MUTED = "#555555"
RULE = "#999999"
TINT = "#EEEEEE"


@dataclass(frozen=True)
class Styles:
    title: TextStyle
    subtitle: TextStyle
    version: TextStyle
    field: TextStyle
    instructions: TextStyle
    prompt: TextStyle
    prompt_number: TextStyle
    hint: TextStyle
    """A muted aside inside a prompt: "(select all that apply)"."""
    blank_number: TextStyle
    option: TextStyle
    letter: TextStyle
    muted_option: TextStyle
    indented: TextStyle
    small: TextStyle
    heading: TextStyle
    where: TextStyle
    """The key's "(in B: 3, C: 7)" after a prompt."""
    footer: TextStyle


def make_styles() -> Styles:
    register_fonts()
    prompt = TextStyle(REGULAR, 10.2, 12.8)
    option = TextStyle(REGULAR, 9.8, 12)
    return Styles(
        title=TextStyle(BOLD, 15, 18),
        subtitle=TextStyle(REGULAR, 10.5, 13, MUTED),
        version=TextStyle(BOLD, 13, 16),
        field=TextStyle(REGULAR, 9.5, 12),
        instructions=TextStyle(REGULAR, 8.8, 11.2, MUTED),
        prompt=prompt,
        prompt_number=TextStyle(BOLD, 10.2, 12.8),
        hint=TextStyle(REGULAR, 8.6, prompt.leading, MUTED),
        blank_number=TextStyle(REGULAR, 7.5, prompt.leading, MUTED),
        option=option,
        letter=TextStyle(BOLD, 9.8, 12),
        muted_option=TextStyle(REGULAR, 9.8, 12, MUTED),
        indented=TextStyle(REGULAR, 10, 15),
        small=TextStyle(REGULAR, 8.6, 10.6, MUTED),
        heading=TextStyle(BOLD, 11.5, 14),
        where=TextStyle(REGULAR, 8, prompt.leading, MUTED),
        footer=TextStyle(REGULAR, 8, 10, MUTED),
    )


class Painter:
    """Draws one page. Lines and boxes go to the canvas as they come; text is gathered and written
    at the end as one text object that changes font, colour and position only where they change
    (a text object per string, as ``drawString`` makes, costs more than the text itself).
    Nothing is drawn over text, so text last is the same picture.
    """

    def __init__(self, canvas: Canvas, colors: dict[str, Color]) -> None:
        self.canvas = canvas
        self._colors = colors
        self._texts: list[tuple[float, float, str, TextStyle]] = []
        self._stroke: tuple[str, float] | None = None
        self._fill = ""

    def color(self, hex_color: str) -> Color:
        found = self._colors.get(hex_color)
        if found is None:
            found = self._colors[hex_color] = HexColor(hex_color)
        return found

    def text(self, x: float, y: float, text: str, style: TextStyle) -> None:
        self._texts.append((x, y, text, style))

    def line_of(self, x: float, y: float, line: Line) -> None:
        for fragment in line:
            self._texts.append((x + fragment.x, y, fragment.text, fragment.style))

    def _set_stroke(self, width: float, hex_color: str) -> None:
        if self._stroke != (hex_color, width):
            self.canvas.setStrokeColor(self.color(hex_color))
            self.canvas.setLineWidth(width)
            self._stroke = (hex_color, width)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float, color: str) -> None:
        self._set_stroke(width, color)
        self.canvas.line(x1, y1, x2, y2)

    def lines(
        self, segments: list[tuple[float, float, float, float]], width: float, color: str
    ) -> None:
        self._set_stroke(width, color)
        self.canvas.lines(segments)

    def box(self, x: float, y: float, width: float, height: float, line_width: float) -> None:
        self._set_stroke(line_width, INK)
        self.canvas.rect(x, y, width, height, stroke=1, fill=0)

    def fill(self, x: float, y: float, width: float, height: float, color: str) -> None:
        if self._fill != color:
            self.canvas.setFillColor(self.color(color))
            self._fill = color
        self.canvas.rect(x, y, width, height, stroke=0, fill=1)

    def finish(self) -> None:
        """Writes the page's text: the next line of a paragraph is reached by the line feed."""
        if not self._texts:
            return
        text = self.canvas.beginText()
        font: tuple[str, float, float] | None = None
        color = ""
        next_line: tuple[float, float] | None = None
        for x, y, string, style in self._texts:
            if font != (style.font, style.size, style.leading):
                font = (style.font, style.size, style.leading)
                text.setFont(*font)
            if color != style.color:
                color = style.color
                text.setFillColor(self.color(color))
            if next_line is None or abs(next_line[0] - x) > 1e-6 or abs(next_line[1] - y) > 1e-6:
                text.setTextOrigin(x, y)
            text.textLine(string)
            next_line = (x, y - style.leading)
        self.canvas.drawText(text)
        self._texts.clear()


class Block:
    """Something of a known height to put on a page, drawn with its top at ``top``.

    ``space_before`` is left out at the top of a page; ``space_after`` need not fit on the page.
    A block that ``flows`` (a long grid) fills the rest of a page and goes on on the next; any
    other moves whole to the next page, and is split only when it is taller than a page.
    """

    height: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    flows: bool = False

    def draw(self, painter: Painter, x: float, top: float) -> None:
        raise NotImplementedError

    def split(self, room: float) -> tuple[Block, Block] | None:
        """The part that fits in ``room`` and the rest, or None where it cannot be split."""
        return None


class Gap(Block):
    def __init__(self, height: float) -> None:
        self.height = height

    def draw(self, painter: Painter, x: float, top: float) -> None:
        pass


class TextBlock(Block):
    """A paragraph: lines of fragments, indented, with an optional bullet (a question number)."""

    def __init__(
        self,
        lines: Sequence[Line],
        style: TextStyle,
        indent: float = 0.0,
        bullet: Fragment | None = None,
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        self.lines = lines
        self.style = style
        self.indent = indent
        self.bullet = bullet
        self.space_before = space_before
        self.space_after = space_after
        self.height = len(lines) * style.leading

    def draw(self, painter: Painter, x: float, top: float) -> None:
        baseline = top - self.style.size
        if self.bullet is not None:
            painter.text(x + self.bullet.x, baseline, self.bullet.text, self.bullet.style)
        for line in self.lines:
            painter.line_of(x + self.indent, baseline, line)
            baseline -= self.style.leading

    def split(self, room: float) -> tuple[Block, Block] | None:
        fits = int(room // self.style.leading)
        if fits < 1 or fits >= len(self.lines):
            return None
        first = TextBlock(
            self.lines[:fits], self.style, self.indent, self.bullet, self.space_before
        )
        rest = TextBlock(self.lines[fits:], self.style, self.indent, None, 0.0, self.space_after)
        return first, rest


def paragraph(
    typesetter: Typesetter,
    spans: Sequence[Span],
    style: TextStyle,
    width: float,
    indent: float = 0.0,
    bullet: Fragment | None = None,
    space_before: float = 0.0,
    space_after: float = 0.0,
) -> TextBlock:
    lines = typesetter.lines(spans, width - indent) or ((),)
    return TextBlock(lines, style, indent, bullet, space_before, space_after)


class Group(Block):
    """Blocks kept on one page (a question and its options), unless taller than a page."""

    def __init__(self, blocks: Sequence[Block], space_after: float | None = None) -> None:
        self.blocks = list(blocks)
        self.space_before = self.blocks[0].space_before
        last = self.blocks[-1].space_after
        self.space_after = last if space_after is None else last + space_after
        self.height = (
            sum(
                (block.space_before if index else 0.0) + block.height + block.space_after
                for index, block in enumerate(self.blocks)
            )
            - last
        )

    def draw(self, painter: Painter, x: float, top: float) -> None:
        for index, block in enumerate(self.blocks):
            if index:
                top -= block.space_before
            block.draw(painter, x, top)
            top -= block.height + block.space_after


class Rule(Block):
    """A thin grey line under the quiz's header."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.height = 4.0

    def draw(self, painter: Painter, x: float, top: float) -> None:
        painter.line(x, top - self.height, x + self.width, top - self.height, 0.6, RULE)


class WritingLine(Block):
    """A label and a rule to write an answer on: ``Answer: ________``."""

    def __init__(
        self, label: str, line_width: float, styles: Styles, typesetter: Typesetter
    ) -> None:
        self.label = label
        self.line_width = line_width
        self.style = TextStyle(REGULAR, 8.8, 11.2, MUTED)
        self.label_width = typesetter.width(label, self.style)
        self.height = 20.0

    def draw(self, painter: Painter, x: float, top: float) -> None:
        bottom = top - self.height
        painter.text(x + NUMBER_INDENT, bottom + 4, self.label, self.style)
        start = x + NUMBER_INDENT + self.label_width + 5
        painter.line(start, bottom + 2.5, start + self.line_width, bottom + 2.5, 0.6, INK)


@dataclass
class VersionStart:
    """Starts a new page; the pages after it, up to the next, are that version's (footers)."""

    letter: str


Item = Block | VersionStart


@dataclass
class Page:
    version: str
    blocks: list[tuple[float, Block]] = field(default_factory=list)
    """Each block with how far below the top of the body it starts."""


class Pager:
    """Puts blocks on pages of ``body_height`` points, top to bottom."""

    def __init__(self, body_height: float) -> None:
        self.body_height = body_height
        self.pages: list[Page] = []
        self.used = 0.0

    def new_page(self, version: str) -> None:
        self.pages.append(Page(version))
        self.used = 0.0

    def add(self, items: Iterable[Item]) -> list[Page]:
        for item in items:
            if isinstance(item, VersionStart):
                if self.pages and not self.pages[-1].blocks:
                    self.pages[-1].version = item.letter
                else:
                    self.new_page(item.letter)
            else:
                self.place(item)
        return self.pages

    def place(self, block: Block) -> None:
        if not self.pages:
            self.new_page("")
        while True:
            page = self.pages[-1]
            space = block.space_before if page.blocks else 0.0
            room = self.body_height - self.used - space
            if block.height <= room:
                page.blocks.append((self.used + space, block))
                self.used += space + block.height + block.space_after
                return
            if isinstance(block, Group) and block.height > self.body_height:
                for part in block.blocks:
                    self.place(part)
                return
            if page.blocks and not block.flows and block.height <= self.body_height:
                self.new_page(page.version)
                continue
            parts = block.split(room)
            if parts is not None:
                page.blocks.append((self.used + space, parts[0]))
                self.new_page(page.version)
                block = parts[1]
                continue
            if page.blocks:
                self.new_page(page.version)
                continue
            # Taller than a page and not to be split: printed running off the page, not lost.
            page.blocks.append((0.0, block))
            self.used = self.body_height
            return


def pdf_date_formatter(epoch: int) -> Callable[..., str]:
    """The creation date from the build's epoch, not the clock, so rebuilds give the same bytes."""
    stamp = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch))
    return lambda *_: stamp


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


def write_pdf(
    target: Path, items: Sequence[Item], pdf: PdfFile, styles: Styles, typesetter: Typesetter
) -> None:
    """Lays the items out on pages, then draws each page and its footer, in DejaVu Sans only."""
    register_fonts()
    width, height = PAPER[pdf.paper]
    body_top = height - MARGIN_TOP
    pages = Pager(body_top - MARGIN_BOTTOM).add(items)
    totals: dict[str, int] = {}
    for page in pages:
        totals[page.version] = totals.get(page.version, 0) + 1
    canvas = Canvas(
        str(target),
        pagesize=PAPER[pdf.paper],
        invariant=1,
        # Without this the canvas opens every page in Helvetica, and the PDF then lists a
        # base-14 font that is neither used nor embedded.
        initialFontName=REGULAR,
        initialFontSize=10,
        lang=pdf.lang,
    )
    canvas.setDateFormatter(pdf_date_formatter(pdf.epoch))
    canvas.setTitle(pdf.title)
    canvas.setSubject(pdf.subject)
    canvas.setAuthor("quizgen")
    canvas.setCreator("quizgen")
    colors: dict[str, Color] = {}
    seen: dict[str, int] = {}
    for page in pages:
        painter = Painter(canvas, colors)
        for offset, block in page.blocks:
            block.draw(painter, MARGIN_SIDE, body_top - offset)
        seen[page.version] = seen.get(page.version, 0) + 1
        where = f"Version {page.version} - page" if page.version else "Page"
        footer = f"{where} {seen[page.version]} of {totals[page.version]}"
        right = width - MARGIN_SIDE
        painter.line(MARGIN_SIDE, MARGIN_BOTTOM - 5, right, MARGIN_BOTTOM - 5, 0.5, RULE)
        painter.text(MARGIN_SIDE, MARGIN_BOTTOM - 15, pdf.footer_label, styles.footer)
        footer_x = right - typesetter.width(footer, styles.footer)
        painter.text(footer_x, MARGIN_BOTTOM - 15, footer, styles.footer)
        painter.finish()
        canvas.showPage()
    canvas.save()
