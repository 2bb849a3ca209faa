"""The one error hierarchy: a user's bad data exits 1 with located messages, bad usage exits 2."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import click


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file; line and column count from 1, as editors show them."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, where it is, and how to fix it when we can tell."""

    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class QuizgenError(click.ClickException):
    """Base of every error that is the user's to fix; exits 1 and never shows a traceback."""

    exit_code = 1

    def format_message(self) -> str:
        return self.message

    def show(self, file: object = None) -> None:  # noqa: D102 - same contract as click's
        click.echo(f"error: {self.format_message()}", err=True)


class InputError(QuizgenError):
    """The facts or deck files are invalid; carries every problem found, sorted by place."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (p.location, p.message)))
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        super().__init__("\n".join(lines))

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


class ExportError(QuizgenError):
    """An exporter cannot render some question (for example a glyph the PDF font lacks)."""


class OutputError(QuizgenError):
    """The output folder cannot be written (a file in its way, no permission, a full disk)."""


class BuildUsageError(click.UsageError):
    """Bad usage of the command line; exits 2."""
