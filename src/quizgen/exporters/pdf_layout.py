"""The printed page: paper, styles, blocks of text and drawing, and the pager that puts them on
pages with a footer of "page x of y".

Shared by the quiz and the answer key so that both look alike. Pages are laid out from measured
blocks before anything is drawn, so each page's footer knows how many pages its version has and
every page is drawn once, as PDF operators on a reportlab canvas; reportlab writes the file and
embeds the fonts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
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
    return Styles(
        title=TextStyle(BOLD, 15, 18),
        subtitle=TextStyle(REGULAR, 10.5, 13, MUTED),
        version=TextStyle(BOLD, 13, 16),
        field=TextStyle(REGULAR, 9.5, 12),
        instructions=TextStyle(REGULAR, 8.8, 11.2, MUTED),
        prompt=TextStyle(REGULAR, 10.2, 12.8),
        prompt_number=TextStyle(BOLD, 10.2, 12.8),
        hint=TextStyle(REGULAR, 8.6, 10.6, MUTED),
        blank_number=TextStyle(REGULAR, 7.5, 9, MUTED),
        option=TextStyle(REGULAR, 9.8, 12),
        letter=TextStyle(BOLD, 9.8, 12),
        muted_option=TextStyle(REGULAR, 9.8, 12, MUTED),
        indented=TextStyle(REGULAR, 10, 15),
        small=TextStyle(REGULAR, 8.6, 10.6, MUTED),
        heading=TextStyle(BOLD, 11.5, 14),
        where=TextStyle(REGULAR, 8, 10, MUTED),
        footer=TextStyle(REGULAR, 8, 10, MUTED),
    )


class PdfText:
    """The codes of each string a document draws, worked out once.

    reportlab embeds a TrueType font as subsets of 256 glyphs and writes a string as the codes
    of its characters in those subsets. Its text object works them out again for every string
    and formats every number with a general routine, which together took most of the time spent
    on a quiz; a quiz prints the same letters and options in every version, so the codes of a
    string are kept for the document (the subsets are numbered per document).
    """

    def __init__(self, canvas: Canvas) -> None:
        self._doc = canvas._doc
        self._fonts: dict[str, FontCodes] = {}
        self._runs: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        self._moves: dict[tuple[int, int], str] = {}

    def runs(self, text: str, font_name: str) -> tuple[tuple[str, str], ...]:
        """Each subset's PDF font name with the operator that shows the text's part in it."""
        key = (font_name, text)
        found = self._runs.get(key)
        if found is None:
            codes = self._fonts.get(font_name)
            if codes is None:
                codes = self._fonts[font_name] = FontCodes(getFont(font_name), self._doc)
            found = tuple((font, f"({escaped}) Tj") for font, escaped in codes.runs(text))
            self._runs[key] = found
        return found

    def move(self, across: int, up: int) -> str:
        """The operator that moves to the next text, in hundredths of a point; the same few
        steps (to the next line, to an option's text) come back all the time."""
        found = self._moves.get((across, up))
        if found is None:
            found = self._moves[across, up] = f"{across / 100:g} {up / 100:g} Td"
        return found


class FontCodes:
    """One font's codes in one document, character by character.

    A character gets its code from reportlab the first time it is drawn, in the order it comes,
    as reportlab's text object would give it; then a text of the first subset (all of a Latin
    text) is written in one ``str.translate`` instead of a loop over its characters.
    """

    def __init__(self, font: Any, doc: Any) -> None:
        self.font = font
        self.doc = doc
        self.first_subset: dict[int, str] = {}
        """Character to its code, escaped for a PDF string, for the first subset."""
        self.later_subsets: set[str] = set()
        self.known: set[str] = set()

    def runs(self, text: str) -> tuple[tuple[str, str], ...]:
        if not self.known.issuperset(text):
            for character in dict.fromkeys(text):
                if character not in self.known:
                    ((subset, code),) = self.font.splitString(character, self.doc)
                    self.known.add(character)
                    if subset:
                        self.later_subsets.add(character)
                    else:
                        self.first_subset[ord(character)] = escapePDF(code)
        if self.later_subsets.isdisjoint(text):
            name = self.font.getSubsetInternalName(0, self.doc)
            return ((name, text.translate(self.first_subset)),)
        return tuple(
            (self.font.getSubsetInternalName(subset, self.doc), escapePDF(codes))
            for subset, codes in self.font.splitString(text, self.doc)
        )


@cache
def color_operator(hex_color: str, stroke: bool) -> str:
    """``#555555`` as the operator that sets it: a grey as one number, other colours as RGB."""
    color = HexColor(hex_color)
    levels = [f"{round(level, 3):g}" for level in (color.red, color.green, color.blue)]
    if levels[0] == levels[1] == levels[2]:
        return f"{levels[0]} {'G' if stroke else 'g'}"
    return f"{' '.join(levels)} {'RG' if stroke else 'rg'}"


def pt(value: float) -> str:
    """A length as PDF writes it, to a hundredth of a point (a 300 dpi dot is 24 of them)."""
    return f"{value:.2f}"


class Painter:
    """Draws one page as PDF operators added to the canvas's page. Lines and boxes come first,
    then all the text in one text object that sets font and colour only where they change.
    Nothing is drawn over text, so text last is the same picture.

    Each string is placed relative to the one before (``Td``, in whole hundredths of a point,
    so that no rounding adds up): the steps repeat from line to line and compress well.
    """

    def __init__(self, canvas: Canvas, pdf_text: PdfText) -> None:
        self.canvas = canvas
        self._pdf_text = pdf_text
        self._graphics: list[str] = []
        self._text: list[str] = []
        self._stroke: tuple[str, float] | None = None
        self._fill = ""
        self._text_font: tuple[str, float] | None = None
        self._text_color = ""
        self._text_at = (0, 0)

    def text(self, x: float, y: float, text: str, style: TextStyle) -> None:
        ops = self._text
        pdf_text = self._pdf_text
        if self._text_color != style.color:
            self._text_color = style.color
            ops.append(color_operator(style.color, stroke=False))
        at_x, at_y = round(x * 100), round(y * 100)
        ops.append(pdf_text.move(at_x - self._text_at[0], at_y - self._text_at[1]))
        self._text_at = (at_x, at_y)
        for font, show in pdf_text.runs(text, style.font):
            if self._text_font != (font, style.size):
                self._text_font = (font, style.size)
                ops.append(f"{font} {style.size:g} Tf")
            ops.append(show)

    def line_of(self, x: float, y: float, line: Line) -> None:
        for fragment in line:
            self.text(x + fragment.x, y, fragment.text, fragment.style)

    def _set_stroke(self, width: float, hex_color: str) -> None:
        if self._stroke != (hex_color, width):
            self._graphics.append(f"{color_operator(hex_color, stroke=True)} {width:g} w")
            self._stroke = (hex_color, width)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float, color: str) -> None:
        self._set_stroke(width, color)
        self._graphics.append(f"{pt(x1)} {pt(y1)} m {pt(x2)} {pt(y2)} l S")

    def lines(
        self, segments: list[tuple[float, float, float, float]], width: float, color: str
    ) -> None:
        for x1, y1, x2, y2 in segments:
            self.line(x1, y1, x2, y2, width, color)

    def box(self, x: float, y: float, width: float, height: float, line_width: float) -> None:
        self._set_stroke(line_width, INK)
        self._graphics.append(f"{pt(x)} {pt(y)} {pt(width)} {pt(height)} re S")

    def fill(self, x: float, y: float, width: float, height: float, color: str) -> None:
        if self._fill != color:
            self._graphics.append(color_operator(color, stroke=False))
            self._fill = color
        self._graphics.append(f"{pt(x)} {pt(y)} {pt(width)} {pt(height)} re f")

    def finish(self) -> None:
        """Adds the page's drawing, then its text, to the canvas's page."""
        ops = self._graphics
        if self._text:
            ops += ["BT", *self._text, "ET"]
        self.canvas.addLiteral("\n".join(ops))


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
        self.style = styles.instructions
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
    pdf_text = PdfText(canvas)
    seen: dict[str, int] = {}
    for page in pages:
        painter = Painter(canvas, pdf_text)
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
