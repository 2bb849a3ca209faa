"""Styled text for the printed page: runs of text in a font, size and colour, measured and broken
into lines of a given width, left-aligned, at spaces.

A quiz prints the same prompts and options in every version and the key prints them again, so a
``Typesetter`` remembers each text's lines for the files of one build step; a word is measured once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import NamedTuple

from reportlab.pdfbase.pdfmetrics import getFont


class TextStyle(NamedTuple):
    """How a run of text looks. A tuple, as it is hashed for every text looked up."""

    font: str
    size: float
    leading: float
    """The distance from one baseline to the next, in a paragraph of this style."""
    color: str = "#000000"


Span = tuple[str, TextStyle]
"""A run of text in one style; a paragraph is a tuple of them."""


@dataclass(frozen=True)
class Fragment:
    """Text in one style at ``x`` points from the line's start."""

    x: float
    text: str
    style: TextStyle


Line = tuple[Fragment, ...]

_SPACES = re.compile(r"(\s+)")


@dataclass
class _Word:
    """Pieces of text with no space between them, and the style of the space before them."""

    pieces: list[Span]
    space: TextStyle | None


class Typesetter:
    """Measures and breaks text into lines, remembering both for the texts that repeat."""

    def __init__(self) -> None:
        self._char_widths: dict[str, tuple[dict[int, float], float]] = {}
        self._word_widths: dict[tuple[str, str], float] = {}
        self._lines: dict[tuple[tuple[Span, ...], float], tuple[Line, ...]] = {}

    def width(self, text: str, style: TextStyle) -> float:
        """The width of ``text`` in points; words are measured once at 1 pt and scaled."""
        key = (style.font, text)
        per_point = self._word_widths.get(key)
        if per_point is None:
            widths, default = self._font_widths(style.font)
            per_point = sum(map(widths.get, map(ord, text), repeat(default, len(text)))) / 1000
            self._word_widths[key] = per_point
        return per_point * style.size

    def _font_widths(self, font_name: str) -> tuple[dict[int, float], float]:
        found = self._char_widths.get(font_name)
        if found is None:
            face = getFont(font_name).face
            found = (face.charWidths, face.defaultWidth)
            self._char_widths[font_name] = found
        return found

    def lines(self, spans: Sequence[Span], width: float) -> tuple[Line, ...]:
        """The paragraph ``spans`` broken into lines no wider than ``width`` where it can be."""
        key = (tuple(spans), width)
        found = self._lines.get(key)
        if found is None:
            found = tuple(self._break(key[0], width))
            self._lines[key] = found
        return found

    def plain_lines(self, text: str, style: TextStyle, width: float) -> tuple[Line, ...]:
        return self.lines(((text, style),), width)

    def _break(self, spans: tuple[Span, ...], width: float) -> Iterator[Line]:
        # Most texts (an option, a grid cell, "Answer: ...") fit on one line as they are.
        joined = "".join(text for text, _ in spans)
        if " ".join(joined.split()) == joined:
            widths = [self.width(text, style) for text, style in spans]
            if sum(widths) <= width:
                yield self._as_is(spans, widths)
                return
        line: list[Fragment] = []
        x = 0.0
        for word in _words(spans):
            word_width = sum(self.width(text, style) for text, style in word.pieces)
            space = self.width(" ", word.space) if line and word.space else 0.0
            if line and x + space + word_width > width:
                yield tuple(line)
                line, x, space = [], 0.0, 0.0
            if not line and word_width > width:
                # A word longer than the line (a long URL) is cut where the line ends.
                *whole, last = self._cut(word.pieces, width)
                yield from whole
                line, x = list(last), sum(self.width(f.text, f.style) for f in last)
                continue
            for index, (text, style) in enumerate(word.pieces):
                gap = space if index == 0 else 0.0
                previous = line[-1] if line else None
                # A space joins two words of one fragment only if it is in their style too.
                if (
                    previous is not None
                    and previous.style == style
                    and (not gap or word.space == style)
                ):
                    joint = " " if gap else ""
                    line[-1] = Fragment(previous.x, previous.text + joint + text, style)
                else:
                    line.append(Fragment(x + gap, text, style))
                x += gap + self.width(text, style)
        if line:
            yield tuple(line)

    def _as_is(self, spans: tuple[Span, ...], widths: list[float]) -> Line:
        line: list[Fragment] = []
        x = 0.0
        for (text, style), text_width in zip(spans, widths, strict=True):
            if line and line[-1].style == style:
                line[-1] = Fragment(line[-1].x, line[-1].text + text, style)
            elif text:
                line.append(Fragment(x, text, style))
            x += text_width
        return tuple(line)

    def _cut(self, pieces: list[Span], width: float) -> Iterator[Line]:
        line: list[Fragment] = []
        x = 0.0
        for text, style in pieces:
            for ch in text:
                step = self.width(ch, style)
                if line and x + step > width:
                    yield tuple(line)
                    line, x = [], 0.0
                if line and line[-1].style == style:
                    line[-1] = Fragment(line[-1].x, line[-1].text + ch, style)
                else:
                    line.append(Fragment(x, ch, style))
                x += step
        yield tuple(line)


def _words(spans: tuple[Span, ...]) -> Iterator[_Word]:
    """Words across spans: text with no space between two spans stays one word (``(1)____``)."""
    word: _Word | None = None
    space: TextStyle | None = None
    for text, style in spans:
        for piece in _SPACES.split(text):
            if not piece:
                continue
            if piece.isspace():
                space = style
                continue
            if word is not None and space is None:
                word.pieces.append((piece, style))
                continue
            if word is not None:
                yield word
            word = _Word([(piece, style)], space)
            space = None
    if word is not None:
        yield word
