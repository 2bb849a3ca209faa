"""The HTML self-test: one self-contained page per deck, rendered in the browser from embedded JSON.

Each page carries its CSS, JS and question data inline, so it works offline from ``file://``; a
Content-Security-Policy built from the hashes of that inline code forbids every network request.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any, ClassVar

import jinja2

from quizgen.errors import ExportError
from quizgen.exporters import BuildOptions
from quizgen.questions.answer_view import AnswerView, answer_view
from quizgen.questions.assembly import assemble_form, claim_of, conflicting_pairs
from quizgen.questions.model import Deck, Question, QuestionBank

DATA_PACKAGE = "quizgen"
TEMPLATE_FOLDER = "data/html"
INDEX_FILE_NAME = "index.html"

# Compact separators keep the 1,000-question page light; sorted keys keep the bytes stable.
JSON_DUMPS_KWARGS: dict[str, Any] = {
    "sort_keys": True,
    "separators": (",", ":"),
    "ensure_ascii": False,
}

# A script or style body containing its own end tag would close the element early.
_END_TAG_PATTERN = re.compile(r"</(script|style)", re.IGNORECASE)


@dataclass(frozen=True)
class InlineAssets:
    """The self-test's CSS and JS as embedded, with the CSP source expressions that allow them."""

    style_css: str
    script_js: str

    @property
    def style_hash_source(self) -> str:
        return csp_hash_source(self.style_css)

    @property
    def script_hash_source(self) -> str:
        return csp_hash_source(self.script_js)

    def content_security_policy(self, with_script: bool) -> str:
        """Nothing may load; only the inline code whose hash we computed may run or style."""
        directives = [
            "default-src 'none'",
            f"style-src {self.style_hash_source}",
            f"script-src {self.script_hash_source}" if with_script else "script-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
        return "; ".join(directives)


def csp_hash_source(inline_text: str) -> str:
    """The ``'sha256-…'`` source expression of an inline ``<script>`` or ``<style>`` body."""
    digest = hashlib.sha256(inline_text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def read_package_text(name: str) -> str:
    return (files(DATA_PACKAGE) / TEMPLATE_FOLDER / name).read_text(encoding="utf-8")


# The answer grader comes first: the self-test calls it, and node runs it alone in the tests.
SCRIPT_FILES = ("answers.js", "selftest.js")


def load_inline_assets() -> InlineAssets:
    assets = InlineAssets(
        style_css=read_package_text("selftest.css"),
        script_js="\n".join(read_package_text(name) for name in SCRIPT_FILES),
    )
    for name, text in (("selftest.css", assets.style_css), ("script", assets.script_js)):
        if _END_TAG_PATTERN.search(text):
            raise ExportError(f"{name} contains an end tag and cannot be inlined")
    return assets


def make_environment() -> jinja2.Environment:
    """The one Jinja environment: templates from package data, every value escaped by default."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader(DATA_PACKAGE, TEMPLATE_FOLDER),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.policies["json.dumps_kwargs"] = JSON_DUMPS_KWARGS
    return environment


def right_answer_text(answers: AnswerView) -> str:
    """The right answer as one line of plain text, for the feedback after "Check"."""
    if answers.blanks:
        return " … ".join(blank.answer for blank in answers.blanks)
    if answers.pairs:
        return "; ".join(f"{left} → {right}" for left, right in answers.pairs)
    if answers.order:
        return " → ".join(answers.order)
    if answers.typed:
        return answers.canonical
    return "; ".join(answers.correct)


def web_link(url: str) -> str:
    """Only web links become clickable; anything else (``javascript:``, files) is dropped."""
    return url if url.startswith(("https://", "http://")) else ""


def question_data(question: Question) -> dict[str, Any]:
    """What the script needs to show, check and explain one question; empty fields left out."""
    answers = answer_view(question)
    data: dict[str, Any] = {
        "id": question.id,
        "kind": question.kind.value,
        "prompt": question.prompt,
        "answer": list(answers.correct),
        "answer_text": right_answer_text(answers),
        "explanation": question.explanation,
        "source_text": question.source.text,
    }
    optional: dict[str, Any] = {
        "choices": list(question.choices),
        "in_order": answers.options_in_order,
        "accept": list(answers.also_accepted),
        "pairs": [list(pair) for pair in answers.pairs],
        "order": list(answers.order),
        "prompt_parts": list(answers.sentence_parts),
        "blanks": [
            {"answer": blank.answer, "accept": list(blank.also_accepted)}
            for blank in answers.blanks
        ],
        "source_url": web_link(question.source.url),
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


FRESH_ROUNDS = 3
"""Rounds assembled at build time; later rounds bring missed claims back in another form."""


def round_data(question: Question, deck_title: str) -> dict[str, Any]:
    """What the self-test needs to assemble later rounds: the claim and the theme it counts to."""
    return {"claim": claim_of(question), "theme": question.tags[0] if question.tags else deck_title}


def conflicts_of(questions: tuple[Question, ...]) -> dict[str, list[str]]:
    """For each question, the questions that may not share a round with it (either gives the
    other's answer away, or both read alike); only questions that have some are listed."""
    found: dict[str, set[str]] = {}
    for first, second in conflicting_pairs(questions):
        found.setdefault(first.id, set()).add(second.id)
        found.setdefault(second.id, set()).add(first.id)
    return {question_id: sorted(others) for question_id, others in sorted(found.items())}


@dataclass(frozen=True)
class DeckPage:
    """One deck as the page embeds it: its data and the localStorage key for its progress."""

    deck: Deck

    @property
    def file_name(self) -> str:
        return f"{self.deck.slug}.html"

    @cached_property
    def rounds(self) -> list[list[str]]:
        """The fresh rounds a learner starts with, each an assembled form (one per claim).

        A deck that asks every claim the rules allow in one round (no ``count``, no ``at_most``)
        has one.
        """
        sampled = self.deck.blueprint.count is not None or self.deck.blueprint.at_most is not None
        seeds = range(FRESH_ROUNDS if sampled else 1)
        return [
            [question.id for question in assemble_form(self.deck, "A", self.deck.seed + offset)]
            for offset in seeds
        ]

    @cached_property
    def data(self) -> dict[str, Any]:
        return {
            "deck": {
                "name": self.deck.name,
                "seed": self.deck.seed,
                "slug": self.deck.slug,
                "title": self.deck.title,
            },
            "questions": [
                question_data(question) | round_data(question, self.deck.title)
                for question in self.deck.questions
            ],
            "rounds": self.rounds,
            "conflicts": conflicts_of(self.deck.questions),
        }

    @property
    def content_hash(self) -> str:
        """Changes whenever a question changes, so saved progress never meets other questions."""
        canonical = json.dumps(self.data, **JSON_DUMPS_KWARGS)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    @property
    def storage_key(self) -> str:
        return f"quizgen:{self.deck.slug}:{self.content_hash}"


def write_text(path: Path, text: str) -> None:
    """Writes a page into the build's staging folder (the build moves it into place whole).

    ``open`` creates it, so the page gets the usual permissions from the umask.
    """
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def built_on_text(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%d")


class HtmlExporter:
    """Writes ``<deck slug>.html`` for every deck and an ``index.html`` that lists them."""

    name: ClassVar[str] = "html"
    description: ClassVar[str] = "an offline HTML self-test per deck, with an index page"
    file_patterns: ClassVar[tuple[str, ...]] = ("{deck}.html", INDEX_FILE_NAME)
    option_names: ClassVar[tuple[str, ...]] = ()

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        environment = make_environment()
        assets = load_inline_assets()
        pages = [DeckPage(deck) for deck in bank.decks]
        clashing = [page.deck.name for page in pages if page.file_name == INDEX_FILE_NAME]
        if clashing:
            raise ExportError(
                f"deck {clashing[0]!r} has the slug 'index', which would overwrite the index page; "
                "rename the deck"
            )
        built_on = built_on_text(options.epoch or bank.generated_at)
        written: list[Path] = []
        deck_template = environment.get_template("deck.html.j2")
        for page in pages:
            html_text = deck_template.render(
                bank=bank,
                page=page,
                assets=assets,
                csp=assets.content_security_policy(with_script=True),
                built_on=built_on,
                index_file_name=INDEX_FILE_NAME,
            )
            written.append(self._write(folder / page.file_name, html_text))
        index_text = environment.get_template("index.html.j2").render(
            bank=bank,
            pages=pages,
            assets=assets,
            csp=assets.content_security_policy(with_script=False),
            built_on=built_on,
        )
        written.append(self._write(folder / INDEX_FILE_NAME, index_text))
        return written

    @staticmethod
    def _write(path: Path, text: str) -> Path:
        write_text(path, text)
        return path
