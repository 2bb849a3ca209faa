"""Writes the bank as ``questions.json``, the document ``quizgen questions --json`` prints."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from quizgen.exporters import BuildOptions
from quizgen.questions.listing import write_bank_json
from quizgen.questions.model import QuestionBank


class JsonExporter:
    name: ClassVar[str] = "json"
    description: ClassVar[str] = "questions.json: every deck and question, for other tools"
    file_name: ClassVar[str] = "questions.json"

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        path = folder / self.file_name
        # newline="\n": the same bytes on every platform, as the format promises.
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            write_bank_json(bank, stream)
        return [path]
