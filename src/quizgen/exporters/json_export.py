"""Writes the bank as ``questions.json``, the document ``quizgen questions --json`` prints.

The JSON document is described in docs/json-format.md; change ``JSON_VERSION`` with its shape.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, ClassVar, TextIO

from quizgen.exporters import BuildOptions
from quizgen.questions.answer_view import answer_view
from quizgen.questions.model import Deck, Kind, Question, QuestionBank


class JsonExporter:
    name: ClassVar[str] = "json"
    description: ClassVar[str] = "questions.json: every deck and question, for other tools"
    file_name: ClassVar[str] = "questions.json"
    file_patterns: ClassVar[tuple[str, ...]] = (file_name,)
    option_names: ClassVar[tuple[str, ...]] = ()

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        path = folder / self.file_name
        # newline="\n": the same bytes on every platform, as the format promises.
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            write_bank_json(bank, stream)
        return [path]


JSON_FORMAT = "quizgen-questions"
JSON_VERSION = 1


def bank_as_json(bank: QuestionBank) -> str:
    """The whole bank as JSON text (see ``write_bank_json``)."""
    buffer = io.StringIO()
    write_bank_json(bank, buffer)
    return buffer.getvalue()


def write_bank_json(bank: QuestionBank, stream: TextIO) -> None:
    """Writes the bank as JSON: fixed key order, UTF-8 text as is, a newline at the end.

    The top level is indented; each deck and each question is one line, so a diff shows which
    questions changed and a bank of 300,000 questions is written a line at a time, never held
    whole in memory. The same bank always gives the same bytes.
    """
    deck_names = deck_names_by_question(bank)
    header = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "title": bank.title,
        "description": bank.description,
        "slug": bank.slug,
        "language": bank.language,
        "generated_at": bank.generated_at,
        "seed": bank.seed,
    }
    stream.write("{\n")
    for key, value in header.items():
        stream.write(f"  {_compact(key)}: {_compact(value)},\n")
    stream.write('  "decks": [')
    stream.write(",".join(f"\n    {_compact(deck_as_dict(deck))}" for deck in bank.decks))
    stream.write('\n  ],\n  "questions": [')
    separator = "\n    "
    # Only questions some deck holds: a deck may opt out of this format (``formats``).
    for question in bank.questions:
        if question.id in deck_names:
            stream.write(separator + _compact(question_as_dict(question, deck_names[question.id])))
            separator = ",\n    "
    stream.write("\n  ]\n}\n")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def deck_names_by_question(bank: QuestionBank) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for deck in bank.decks:
        for question in deck.questions:
            names.setdefault(question.id, []).append(deck.name)
    return names


def deck_as_dict(deck: Deck) -> dict[str, Any]:
    return {
        "name": deck.name,
        "slug": deck.slug,
        "title": deck.title,
        "description": deck.description,
        "seed": deck.seed,
        "questions": [question.id for question in deck.questions],
    }


def question_as_dict(question: Question, deck_names: list[str]) -> dict[str, Any]:
    """One question; the keys of its kind's own structure appear only for that kind."""
    answers = answer_view(question)
    entry: dict[str, Any] = {
        "id": question.id,
        "decks": deck_names,
        "kind": question.kind.value,
        "prompt": question.prompt,
        "choices": list(question.choices),
        "answer": list(answers.correct),
        "accept": list(answers.also_accepted),
        "explanation": question.explanation,
        "source": {
            "title": question.source.title,
            "quote": question.source.quote,
            "reference": question.source.reference,
            "url": question.source.url,
            "text": question.source.text,
        },
        "tags": list(question.tags),
        "difficulty": question.difficulty,
        "facts": list(question.fact_ids),
        "template": question.template,
        "distractors": [
            {"option": option, "reason": reason} for option, reason in question.distractor_reasons
        ],
        "claim": question.claim_id,
    }
    if question.kind is Kind.CLOZE:
        entry["prompt_parts"] = list(answers.sentence_parts)
        entry["blanks"] = [
            {"answer": blank.answer, "accept": list(blank.also_accepted)}
            for blank in answers.blanks
        ]
    elif question.kind is Kind.MATCHING:
        entry["pairs"] = [list(pair) for pair in answers.pairs]
    elif question.kind is Kind.ORDERING:
        entry["order"] = list(answers.order)
    if question.reverse_prompt:
        entry["reverse"] = {"prompt": question.reverse_prompt, "answer": question.reverse_answer}
    return entry
