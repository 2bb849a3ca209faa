"""The build pipeline: facts and decks in, one question bank, every chosen format out atomically."""

from __future__ import annotations

import gc
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from quizgen.errors import BuildUsageError, ExportError, OutputError
from quizgen.exporters import (
    BuildOptions,
    Exporter,
    exporter_names,
    get_exporter,
    left_out_notes,
    options_summary,
    reserved_file_names,
)
from quizgen.facts.loader import load_facts
from quizgen.questions.model import QuestionBank

STAGING_PREFIX = ".quizgen-staging-"


@dataclass(frozen=True)
class BuildRequest:
    facts_path: Path
    decks_path: Path
    out_path: Path
    formats: tuple[str, ...]
    seed: int | None = None
    deck_names: tuple[str, ...] = ()
    versions: int = 1
    paper: str = "a4"


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    question_count: int = 0
    deck_count: int = 0
    left_out: list[str] = field(default_factory=list)
    """What a format could not carry, one sentence per reason (GIFT has no ordering...)."""
    shaped_by: dict[str, str] = field(default_factory=dict)
    """Format name -> what its options made of it ("pdf": "3 versions (A–C), A4 paper")."""


# Zip archives (the .apkg) store dates from 1980 to 2107 only.
EPOCH_RANGE = range(315_532_800, 4_354_819_200)


def build_epoch() -> int:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return int(time.time())
    if not value.isdigit() or int(value) not in EPOCH_RANGE:
        raise BuildUsageError(
            f"SOURCE_DATE_EPOCH={value!r} is not a time quizgen can stamp: give whole seconds "
            "since 1970 for a date from 1980 to 2107"
        )
    return int(value)


Progress = Callable[[str], None]
"""Told the name of each step as it begins; the CLI draws a progress bar from it."""


def build_steps(request: BuildRequest) -> int:
    """How many steps ``run_build`` reports: check, generate, one per format, then move."""
    return 3 + len(request.formats)


def _silent(step: str) -> None:
    pass


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pauses Python's cycle collector while a build makes its millions of small objects.

    The facts, the bank and the exporters' notes hold no garbage cycles worth hunting, yet the
    collector would walk the whole growing heap again and again: a quarter of a large build's
    time, for the same peak memory. It is switched back on as soon as the work is done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def make_bank(request: BuildRequest, progress: Progress = _silent) -> QuestionBank:
    """Loads and validates the facts and decks, then generates the question bank."""
    with cyclic_gc_paused():
        return _make_bank(request, progress)


def _make_bank(request: BuildRequest, progress: Progress) -> QuestionBank:
    from quizgen.questions.bank import build_bank
    from quizgen.questions.decks import load_decks

    progress("checking the facts")
    facts = load_facts(request.facts_path)
    deck_specs = load_decks(request.decks_path, facts, exporter_names())
    progress("generating questions")
    return build_bank(
        facts,
        deck_specs,
        seed=request.seed,
        only_decks=request.deck_names,
        generated_at=build_epoch(),
    )


def run_build(request: BuildRequest, progress: Progress = _silent) -> BuildReport:
    """Validates, renders every format into a staging folder, then moves the files into place."""
    with cyclic_gc_paused():
        return _run_build(request, progress)


def _run_build(request: BuildRequest, progress: Progress) -> BuildReport:
    bank = make_bank(request, progress)
    options = BuildOptions(
        seed=bank.seed, versions=request.versions, paper=request.paper, epoch=bank.generated_at
    )
    try:
        request.out_path.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(request.out_path)
        staging = request.out_path / f"{STAGING_PREFIX}{os.getpid()}"
        staging.mkdir()
    except OSError as err:
        raise OutputError(f"{request.out_path}: cannot write there ({err.strerror})") from None
    try:
        exporters = {name: get_exporter(name) for name in request.formats}
        check_file_names(bank, exporters)
        staged: list[Path] = []
        report = BuildReport(question_count=len(bank.questions), deck_count=len(bank.decks))
        for name, exporter in exporters.items():
            progress(f"writing {name}")
            written = exporter.write(decks_for_format(bank, name), staging, options)
            staged += written
            report.left_out += left_out_notes(exporter)
            shaped_by = options_summary(exporter, options)
            if written and shaped_by:
                report.shaped_by[name] = shaped_by
        progress("moving files into place")
        for path in staged:
            target = request.out_path / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            report.written.append(target)
        return report
    except OSError as err:
        raise OutputError(
            f"{err.filename or request.out_path}: cannot write ({err.strerror})"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check_file_names(bank: QuestionBank, exporters: dict[str, Exporter]) -> None:
    """Stops the build before anything is written when two outputs would share a file name."""
    owners: dict[str, str] = {}
    for name, exporter in exporters.items():
        for file_name in reserved_file_names(exporter, decks_for_format(bank, name)):
            other = owners.setdefault(file_name, name)
            if other != name:
                raise ExportError(
                    f"the {other} and {name} formats would both write {file_name!r}; "
                    "rename the deck whose file name it is"
                )


def decks_for_format(bank: QuestionBank, format_name: str) -> QuestionBank:
    """The bank with only the decks that are written in this format (a deck may opt out of some)."""
    chosen = tuple(deck for deck in bank.decks if not deck.formats or format_name in deck.formats)
    return bank if len(chosen) == len(bank.decks) else replace(bank, decks=chosen)


def remove_stale_staging(out_path: Path) -> None:
    """Removes staging folders that a killed build left behind (their process is gone)."""
    for leftover in out_path.glob(f"{STAGING_PREFIX}*"):
        pid_text = leftover.name[len(STAGING_PREFIX) :]
        if pid_text.isdigit() and _process_alive(int(pid_text)):
            continue
        shutil.rmtree(leftover, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
