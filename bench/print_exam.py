"""Times printing a 30-question exam in 3 versions with keys: quizgen against a bare reportlab
script that does the least for the same pages, in one run, and prints a Markdown table of
wall time (the measure) and this process's processor time (less moved by other work on a
shared machine).

    python bench/print_exam.py            # median of 7 runs, each timing both in turn
    python bench/print_exam.py --runs 15

The bare script shuffles 30 four-option questions into 3 versions with ``random`` and draws them
straight on a reportlab canvas (no layout engine), each version with a key page of its letters,
in the same embedded TrueType font. quizgen assembles the same questions into 3 versions and
prints its quiz and its key (grid and answers in full) as ``quizgen build --versions 3`` does.
"""

from __future__ import annotations

import argparse
import io
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "src"))

from quizgen.exporters import BuildOptions  # noqa: E402
from quizgen.exporters.pdf import PdfExporter  # noqa: E402
from quizgen.questions.model import Deck, Kind, Question, QuestionBank, SourceNote  # noqa: E402

QUESTIONS = 30
VERSIONS = "ABC"
OPTIONS = (
    "Armenia",
    "Belarus",
    "Kazakhstan",
    "Kyrgyzstan",
    "Collective defence against an attack on any member state",
    "Peacekeeping only under a United Nations mandate",
    "Joint air defence of the member states' airspace",
    "Consultation before any member joins another alliance",
)


def exam_bank() -> QuestionBank:
    """30 four-option questions of realistic length, one claim each, on the same source."""
    rng = random.Random(30)
    questions = []
    for number in range(QUESTIONS):
        long = number % 3 == 0
        pool = OPTIONS[4:] if long else OPTIONS[:4]
        answer = rng.choice(pool)
        prompt = (
            f"According to the article, which of these best describes provision {number} of the "
            "Collective Security Treaty as it was read in the 1990s?"
            if long
            else f"Which state took part in exercise number {number} of the series?"
        )
        questions.append(
            Question(
                id=f"q-{number:02d}",
                kind=Kind.SINGLE,
                prompt=prompt,
                answer=(answer,),
                explanation=f"{answer} is the answer the article gives for item {number}.",
                source=SourceNote(title="Strakes (2020)", quote="the article's own words"),
                fact_ids=(f"fact-{number}",),
                template="bench",
                choices=tuple(pool),
                claim_id=f"claim-{number}",
            )
        )
    deck = Deck("Exam", "exam", "Exam", "", tuple(questions), seed=7)
    return QuestionBank("Benchmark exam", "", tuple(questions), (deck,), seed=7)


def register_bare_font() -> str:
    """The same DejaVu Sans file, registered under a name of the bare script's own."""
    data = (files("quizgen") / "data" / "fonts" / "DejaVuSans.ttf").read_bytes()
    pdfmetrics.registerFont(TTFont("BareSans", io.BytesIO(data)))
    return "BareSans"


def bare_reportlab(bank: QuestionBank, folder: Path, font: str) -> None:
    """The least a script must do: shuffle, then draw lines of text and a key per version."""
    width, height = A4
    margin, size, leading = 50.0, 10.0, 13.0
    quiz = Canvas(str(folder / "bare-quiz.pdf"), pagesize=A4, invariant=1)
    key = Canvas(str(folder / "bare-key.pdf"), pagesize=A4, invariant=1)
    for letter in VERSIONS:
        rng = random.Random(f"7:{letter}")
        order = list(bank.questions)
        rng.shuffle(order)
        y = height - margin
        quiz.setFont(font, 14)
        quiz.drawString(margin, y, f"{bank.title} - version {letter}")
        y -= 2 * leading
        key_lines = []
        for number, question in enumerate(order, start=1):
            options = list(question.choices)
            rng.shuffle(options)
            lines = simpleSplit(f"{number}. {question.prompt}", font, size, width - 2 * margin)
            lines += [f"    {'ABCD'[i]}  {text}" for i, text in enumerate(options)]
            if y - leading * len(lines) < margin:
                quiz.showPage()
                y = height - margin
            quiz.setFont(font, size)
            for line in lines:
                quiz.drawString(margin, y, line)
                y -= leading
            y -= leading / 2
            key_lines.append(f"{number}. {'ABCD'[options.index(question.answer[0])]}")
        quiz.showPage()
        key.setFont(font, 14)
        key.drawString(margin, height - margin, f"Key - version {letter}")
        key.setFont(font, size)
        for index, line in enumerate(key_lines):
            column, row = divmod(index, 15)
            key.drawString(margin + 120 * column, height - margin - 30 - leading * row, line)
        key.showPage()
    quiz.save()
    key.save()


def quizgen_print(bank: QuestionBank, folder: Path) -> None:
    PdfExporter().write(bank, folder, BuildOptions(seed=7, versions=len(VERSIONS), epoch=1))


def timed(action: Callable[[Path], None]) -> tuple[float, float]:
    """Wall time and this process's processor time of one run of ``action``."""
    with tempfile.TemporaryDirectory() as folder:
        start, start_cpu = time.perf_counter(), time.process_time()
        action(Path(folder))
        return time.perf_counter() - start, time.process_time() - start_cpu


def median_times(actions: list[Callable[[Path], None]], runs: int) -> list[tuple[float, float]]:
    """The median wall and processor time of each action; every run times each once, one right
    after the other, so that on a shared machine both meet the same load."""
    times: list[list[tuple[float, float]]] = [[] for _ in actions]
    for _ in range(runs):
        for action, taken in zip(actions, times, strict=True):
            taken.append(timed(action))
    return [
        (statistics.median(t[0] for t in taken), statistics.median(t[1] for t in taken))
        for taken in times
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    bank = exam_bank()
    font = register_bare_font()
    actions = [
        lambda folder: bare_reportlab(bank, folder, font),
        lambda folder: quizgen_print(bank, folder),
    ]
    # One warm-up each: font parsing and imports are paid once per process by both.
    median_times(actions, 1)
    (bare, bare_cpu), (quizgen, quizgen_cpu) = median_times(actions, runs)
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}, median of {runs}")
    print()
    print("| 30 questions, 3 versions, with keys | seconds | ratio | processor seconds | ratio |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(f"| bare reportlab script | {bare:.3f} | 1.00 | {bare_cpu:.3f} | 1.00 |")
    print(
        f"| quizgen PDF exporter | {quizgen:.3f} | {quizgen / bare:.2f} "
        f"| {quizgen_cpu:.3f} | {quizgen_cpu / bare_cpu:.2f} |"
    )


if __name__ == "__main__":
    main()
