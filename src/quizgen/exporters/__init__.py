"""Exporters: each writes a question bank in one format. Adding a format is one module and one line.

An exporter renders into a staging folder; the build moves its files into place only when every
exporter has succeeded, so a failed build never touches what is already in the output folder.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

# Not ``import html``: importing the html exporter rebinds that name in this package.
from html import escape as escape_html
from pathlib import Path
from typing import ClassVar, Protocol

from quizgen.questions.model import QuestionBank, SourceNote

PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class BuildOptions:
    """Choices that shape the outputs; every exporter receives the same ones."""

    seed: int = 0
    versions: int = 1
    """How many shuffled versions of each printed quiz (A, B, C...)."""
    paper: str = "a4"
    epoch: int = 0
    """Seconds since the epoch stamped into outputs: ``SOURCE_DATE_EPOCH`` when set."""


class Exporter(Protocol):
    name: ClassVar[str]
    """The format's name on the command line (``--format anki``)."""
    description: ClassVar[str]
    """One line for ``--help``: what it writes."""
    file_patterns: ClassVar[tuple[str, ...]]
    """The file names it reserves in the output folder; ``{deck}`` stands for a deck's slug and
    ``{topic}`` for the topic's."""
    option_names: ClassVar[tuple[str, ...]]
    """The ``BuildOptions`` fields that shape its files (the build summary names them)."""

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        """Writes this format's files into ``folder`` and returns their paths."""
        ...


class LeavesOut(Protocol):
    """An exporter whose format cannot carry every question says, after writing, what it left
    out: one sentence per reason, with the count ("3 ordering questions are not in ...")."""

    def left_out(self) -> list[str]: ...


# Imported only when used, so that ``quizgen --version`` and ``validate`` stay fast.
REGISTRY: dict[str, str] = {
    "json": "quizgen.exporters.json_export:JsonExporter",
    "anki": "quizgen.exporters.anki:AnkiExporter",
    "pdf": "quizgen.exporters.pdf:PdfExporter",
    "html": "quizgen.exporters.html:HtmlExporter",
    "moodle": "quizgen.exporters.lms.moodle:MoodleExporter",
    "gift": "quizgen.exporters.lms.gift:GiftExporter",
    "qti": "quizgen.exporters.lms.qti:QtiExporter",
}


def reserved_file_names(exporter: Exporter, bank: QuestionBank) -> list[str]:
    """The file names an exporter's patterns give for this bank's decks and topic."""
    names: list[str] = []
    for pattern in exporter.file_patterns:
        if "{deck}" in pattern:
            names += [pattern.format(deck=deck.slug, topic=bank.slug) for deck in bank.decks]
        else:
            names.append(pattern.format(topic=bank.slug))
    return names


def options_summary(exporter: Exporter, options: BuildOptions) -> str:
    """What the options an exporter declares made of its files, for the build's summary."""
    parts = []
    if "versions" in exporter.option_names:
        last = chr(ord("A") + options.versions - 1)
        letters = "A" if options.versions == 1 else f"A–{last}"
        noun = "version" if options.versions == 1 else "versions"
        parts.append(f"{options.versions} {noun} ({letters}) of each quiz")
    if "paper" in exporter.option_names:
        parts.append(f"on {PAPER_NAMES.get(options.paper, options.paper)} paper")
    return "printed " + " ".join(parts) if parts else ""


PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}


def exporter_names() -> tuple[str, ...]:
    return tuple(REGISTRY)


def get_exporter(name: str) -> Exporter:
    module_name, _, class_name = REGISTRY[name].partition(":")
    exporter_class = getattr(importlib.import_module(module_name), class_name)
    exporter: Exporter = exporter_class()
    return exporter


def left_out_notes(exporter: Exporter) -> list[str]:
    """What an exporter that cannot carry every question left out (nothing for the others)."""
    left_out = getattr(exporter, "left_out", None)
    return list(left_out()) if callable(left_out) else []


# Plain text of the model as HTML, for the formats that carry HTML fields (Anki notes, the
# learning platforms' questions).


def text_html(text: str) -> str:
    """Plain text as HTML that shows it literally, keeping its line breaks."""
    return escape_html(text, quote=True).replace("\r\n", "\n").replace("\n", "<br>")


def source_html(source: SourceNote) -> str:
    """A source as HTML: its text, linked when it has a web address."""
    text = text_html(source.text)
    # Only web links: a ``javascript:`` URL in a facts file must not become a live link.
    if source.url.startswith(("https://", "http://")):
        url_html = escape_html(source.url, quote=True)
        return f'<a href="{url_html}">{text or url_html}</a>'
    return text
