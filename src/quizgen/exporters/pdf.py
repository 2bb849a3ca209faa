"""The PDF exporter: per deck a quiz to print (every version, A, B, C...) and its answer key.

Checks first that the embedded font can draw every text, then lays out each deck's versions on
pages of its own (``pdf_layout``) drawn with reportlab; files are byte-identical from build to
build.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from quizgen.errors import ExportError
from quizgen.exporters import BuildOptions
from quizgen.exporters.pdf_fonts import BOLD, REGULAR, GlyphProblem, missing_characters
from quizgen.exporters.pdf_key import key_story
from quizgen.exporters.pdf_layout import Item, PdfFile, make_styles, write_pdf
from quizgen.exporters.pdf_quiz import quiz_story
from quizgen.exporters.pdf_text import Typesetter
from quizgen.exporters.pdf_versions import make_versions
from quizgen.questions.model import Deck, Question, QuestionBank

PROMPT_SHOWN = 70
"""How much of a prompt an error message quotes to identify the question."""
FORK_WORTH_QUESTIONS = 2000
"""Below this many questions to lay out (each counted once per version and file), starting
worker processes costs more than it saves. Forking two workers costs about 0.08 s and a question
takes about 0.15 ms: an exam of 400 questions in 3 versions took 0.38 s in one process and
0.19 s forked, one of 200 questions 0.14 s against 0.20 s, on 2 cores."""


class PdfExporter:
    name: ClassVar[str] = "pdf"
    description: ClassVar[str] = (
        "Printable quizzes (<deck>-quiz.pdf, every version) and answer keys (<deck>-key.pdf)."
    )
    file_patterns: ClassVar[tuple[str, ...]] = ("{deck}-quiz.pdf", "{deck}-key.pdf")
    option_names: ClassVar[tuple[str, ...]] = ("versions", "paper")

    def write(self, bank: QuestionBank, folder: Path, options: BuildOptions) -> list[Path]:
        check_glyphs(bank)
        folder.mkdir(parents=True, exist_ok=True)
        jobs: list[RenderJob] = []
        # One for all the files: every version prints the same prompts and options again.
        typesetter = Typesetter()
        for deck in bank.decks:
            if not deck.questions:
                continue
            versions = make_versions(deck, options.seed, options.versions)
            quiz_name, key_name = deck_files(deck)
            for file_name, make_story, label, what in (
                (quiz_name, quiz_story, deck.title, "quiz"),
                (key_name, key_story, f"Answer key · {deck.title}", "answer key"),
            ):
                pdf = PdfFile(
                    paper=options.paper,
                    epoch=options.epoch,
                    footer_label=label,
                    title=f"{deck.title}: {what}",
                    subject=bank.title,
                    lang=bank.language,
                )
                jobs.append(
                    RenderJob(
                        folder / file_name,
                        make_story,
                        versions,
                        bank.title,
                        pdf,
                        weight=sum(len(version.questions) for version in versions),
                        typesetter=typesetter,
                    )
                )
        run_jobs(jobs)
        return [job.target for job in jobs]


@dataclass(frozen=True)
class RenderJob:
    """One PDF file to lay out; jobs are independent, so they may run side by side."""

    target: Path
    make_story: Callable[..., list[Item]]
    versions: Any
    title: str
    pdf: PdfFile
    weight: int
    typesetter: Typesetter

    def run(self) -> None:
        styles = make_styles()
        width = self.pdf.body_width
        story = self.make_story(self.versions, self.title, styles, width, self.typesetter)
        write_pdf(self.target, story, self.pdf, styles, self.typesetter)


_PENDING_JOBS: list[RenderJob] = []
"""The jobs a forked worker runs, by index: forked children inherit them, nothing is pickled."""


def _run_pending(index: int) -> None:
    _PENDING_JOBS[index].run()


def run_jobs(jobs: list[RenderJob]) -> None:
    """Lays out the files on every core when that helps; reportlab spends its time in Python.

    Workers are forked (they inherit fonts and jobs), and only from a process with no other
    threads, where forking is safe; elsewhere the files are laid out one after another.
    """
    cores = os.cpu_count() or 1
    can_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    small = sum(job.weight for job in jobs) < FORK_WORTH_QUESTIONS
    if len(jobs) < 2 or cores < 2 or not can_fork or small:
        for job in jobs:
            job.run()
        return
    # Largest first, so that no worker is left with the whole-topic deck at the end.
    order = sorted(range(len(jobs)), key=lambda i: -jobs[i].weight)
    _PENDING_JOBS[:] = jobs
    try:
        with multiprocessing.get_context("fork").Pool(min(cores, len(jobs))) as pool:
            pool.map(_run_pending, order, chunksize=1)
    finally:
        _PENDING_JOBS.clear()


def check_glyphs(bank: QuestionBank) -> None:
    """Fails with every text the font cannot draw, before any page is laid out."""
    problems: list[GlyphProblem] = []
    headings = [("the topic title", bank.title)]
    headings += [(f"the title of deck {deck.name!r}", deck.title) for deck in bank.decks]
    for where, text in headings:
        missing = missing_characters(text, (REGULAR, BOLD))
        if missing:
            problems.append(GlyphProblem(f"{where} {text!r}", missing))
    for question in printed_questions(bank):
        missing = missing_characters("\n".join(printed_texts(question)), (REGULAR, BOLD))
        if missing:
            problems.append(GlyphProblem(describe_question(question), missing))
    if problems:
        lines = [
            "the PDF cannot show some characters: they would print as empty boxes.",
            *(f"  {problem}" for problem in problems),
            "Change these characters in the facts file (or build other formats); "
            "no PDF was written.",
        ]
        raise ExportError("\n".join(lines))


def printed_questions(bank: QuestionBank) -> Iterator[Question]:
    """Each question that some deck prints, once."""
    seen: set[str] = set()
    for deck in bank.decks:
        for question in deck.questions:
            if question.id not in seen:
                seen.add(question.id)
                yield question


def printed_texts(question: Question) -> list[str]:
    """Every text of a question that the quiz or the key prints."""
    texts = [question.prompt, question.explanation, question.source.text]
    texts += question.choices + question.answer + question.accept + question.order
    texts += question.prompt_parts
    texts += [text for pair in question.pairs for text in pair]
    texts += [text for blank in question.blanks for text in (blank.answer, *blank.accept)]
    return texts


def describe_question(question: Question) -> str:
    prompt = question.prompt or " ... ".join(question.prompt_parts)
    shown = prompt if len(prompt) <= PROMPT_SHOWN else prompt[: PROMPT_SHOWN - 1] + "…"
    return f"question {question.id} ({shown!r})"


def deck_files(deck: Deck) -> tuple[str, str]:
    """The names this exporter writes for a deck: the quiz and its answer key."""
    return f"{deck.slug}-quiz.pdf", f"{deck.slug}-key.pdf"
