"""The embedded PDF fonts (DejaVu Sans from package data) and the check that they can draw a text.

reportlab draws an empty box for a character its font lacks and says nothing, so every string is
checked against the font's character map before a page is laid out.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
FONT_LABEL = "DejaVu Sans"


@cache
def register_fonts() -> tuple[str, str]:
    """Registers regular and bold once per process; ``<b>`` in paragraphs maps to the bold face."""
    fonts_folder = files("quizgen") / "data" / "fonts"
    for name, file_name in FONT_FILES.items():
        font_bytes = (fonts_folder / file_name).read_bytes()
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(font_bytes)))
    # No italic face ships with the package: italic falls back to upright rather than to Helvetica.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD


@cache
def font_codepoints(font_name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def _drawn(character: str) -> bool:
    """Whitespace and control characters are spacing, not glyphs; reportlab never looks them up."""
    return not character.isspace() and unicodedata.category(character) != "Cc"


def missing_characters(text: str, font_names: Iterable[str] = (REGULAR,)) -> tuple[str, ...]:
    """The distinct characters of ``text`` that one of the fonts cannot draw, in text order."""
    covered = [font_codepoints(name) for name in font_names]
    # Each distinct character once, in text order: a text is mostly the same few letters.
    return tuple(
        ch
        for ch in dict.fromkeys(text)
        if _drawn(ch) and any(ord(ch) not in cps for cps in covered)
    )


def describe_characters(characters: Iterable[str]) -> str:
    """``U+4E2D '中', U+1F984 '🦄'``: the code point to search for and the character to spot."""
    return ", ".join(f"U+{ord(ch):04X} '{ch}'" for ch in characters)


@dataclass(frozen=True)
class GlyphProblem:
    """Text that would print as empty boxes: where it is (a question, a heading), what lacks."""

    where: str
    characters: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.where}: {FONT_LABEL} has no glyph for {describe_characters(self.characters)}"
