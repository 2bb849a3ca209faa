"""The ``quizgen`` command line: thin wrappers that parse options and call the library."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from quizgen import __version__
from quizgen.exporters import PAPER_SIZES, exporter_names

F = TypeVar("F", bound=Callable[..., Any])

MAIN_HELP = """Turn a curated facts file into study material: an Anki deck, printable PDF
quizzes with answer keys, an offline HTML self-test, and quizzes for Moodle and Canvas.

With no arguments, `quizgen build` reads ./facts.yaml and ./decks/ and writes
every format into ./output/.
"""
BUILD_HELP = """Validate the facts and decks, generate the questions and write every chosen format.

Nothing in the output folder changes unless the whole build succeeds."""
VALIDATE_HELP = (
    "Check a facts file (and the decks) and list every problem with its line and column."
)
QUESTIONS_HELP = "List the question bank for review, as readable text or as JSON."
SCHEMA_HELP = "Print the JSON Schema of facts files, for editors that check YAML as you type."


def facts_option(function: F) -> F:
    return click.option(
        "--facts",
        "facts_path",
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        default=Path("facts.yaml"),
        show_default=True,
        help="The facts file to read.",
    )(function)


def decks_option(function: F) -> F:
    return click.option(
        "--decks",
        "decks_path",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        callback=named_decks_must_exist,
        help="The folder of deck files (*.yaml); without one, the whole topic is one deck.  "
        "[default: decks/ beside the facts file]",
    )(function)


def named_decks_must_exist(
    ctx: click.Context, param: click.Parameter, value: Path | None
) -> Path | None:
    """The default decks folder may be absent (the whole topic is then one deck); a folder named
    on purpose must be there."""
    if value is None:
        return None  # the commands look beside the facts file (decks_beside)
    if not value.exists():
        raise click.BadParameter(f"folder '{value}' does not exist")
    return value


def default_facts_path() -> Path:
    """./facts.yaml, checked as ``--facts`` checks a named file."""
    path = Path("facts.yaml")
    if not path.is_file():
        raise click.BadParameter(f"File '{path}' does not exist.", param_hint="'--facts'")
    return path


def decks_beside(facts_path: Path, decks_path: Path | None) -> Path:
    """The decks folder: the one named, else ``decks/`` beside the facts file (it may be absent)."""
    return decks_path if decks_path is not None else facts_path.parent / "decks"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def seed_option(function: F) -> F:
    return click.option(
        "--seed",
        type=click.IntRange(min=0),
        default=None,
        help="Chooses distractors and order; the same seed gives the same questions.  "
        "[default: each deck's own]",
    )(function)


def deck_option(function: F) -> F:
    return click.option(
        "--deck",
        "deck_names",
        multiple=True,
        metavar="NAME",
        help="Only this deck (its name or file name); repeat for several.",
    )(function)


def parse_formats(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    known = exporter_names()
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    if not chosen or "all" in chosen:
        return known
    unknown = [name for name in chosen if name not in known]
    if unknown:
        raise click.BadParameter(
            f"unknown format {', '.join(map(repr, unknown))}; choose from {', '.join(known)} or all"
        )
    return chosen


@click.group(
    help=MAIN_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
@click.version_option(__version__, "--version", "-V", prog_name="quizgen")
@click.pass_context
def main(ctx: click.Context) -> None:
    # Bare ``quizgen`` is a request for help, not a mistake: show it and succeed.
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@main.command(help=BUILD_HELP)
@facts_option
@decks_option
@click.option(
    "--out",
    "out_path",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="The folder to write into.",
)
@click.option(
    "--format",
    "formats",
    default="all",
    show_default=True,
    callback=parse_formats,
    metavar="LIST",
    help=f"Comma-separated formats, from: {', '.join(exporter_names())}; or all (every format).",
)
@deck_option
@seed_option
@click.option(
    "--versions",
    type=click.IntRange(1, 26),
    default=1,
    show_default=True,
    help="Shuffled versions of each printed quiz (A, B, C...).",
)
@click.option(
    "--paper",
    type=click.Choice(PAPER_SIZES, case_sensitive=False),
    default="a4",
    show_default=True,
    help="Paper size of the printed quizzes.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(
    facts_path: Path,
    decks_path: Path | None,
    out_path: Path,
    formats: tuple[str, ...],
    deck_names: tuple[str, ...],
    seed: int | None,
    versions: int,
    paper: str,
    quiet: bool,
) -> None:
    from quizgen.build import BuildRequest, build_steps, run_build

    request = BuildRequest(
        facts_path=facts_path,
        decks_path=decks_beside(facts_path, decks_path),
        out_path=out_path,
        formats=formats,
        seed=seed,
        deck_names=deck_names,
        versions=versions,
        paper=paper.lower(),
    )
    if quiet or not sys.stderr.isatty():
        report = run_build(request)
    else:
        with click.progressbar(
            length=build_steps(request),
            label="Building",
            file=sys.stderr,
            item_show_func=lambda step: step,
            show_eta=False,
        ) as bar:

            def advance(step: str) -> None:
                bar.update(1, step)

            report = run_build(request, advance)
    if not quiet:
        click.echo(
            f"{plural(report.question_count, 'question')} in {plural(report.deck_count, 'deck')}; "
            f"wrote {plural(len(report.written), 'file')}:"
        )
        for path in report.written:
            click.echo(f"  {path}")
        for format_name, shaped_by in report.shaped_by.items():
            click.echo(f"{format_name}: {shaped_by}")
        for sentence in report.left_out:
            click.echo(f"{sentence}.")


@main.command(help=VALIDATE_HELP)
@click.argument(
    "facts_argument",
    metavar="[FACTS]",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    required=False,
)
@click.option(
    "--facts",
    "facts_option",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="The facts file to read, as for build and questions (a path without --facts works "
    "too).  [default: facts.yaml]",
)
@decks_option
def validate(
    facts_argument: Path | None, facts_option: Path | None, decks_path: Path | None
) -> None:
    from quizgen.facts.advice import writing_advice
    from quizgen.facts.loader import load_facts
    from quizgen.questions.bank import check_tests
    from quizgen.questions.decks import load_decks

    if facts_argument is not None and facts_option is not None:
        raise click.UsageError("name the facts file once: either --facts PATH or PATH")
    facts_path = facts_argument or facts_option or default_facts_path()
    facts = load_facts(facts_path)
    decks = load_decks(decks_beside(facts_path, decks_path), facts, exporter_names())
    # A deck whose questions cannot fill its test (count, quotas) is found only by making them.
    check_tests(facts, decks)
    for advice in writing_advice(facts):
        click.echo(str(advice))
    facts_count, decks_count = plural(len(facts.all_facts), "fact"), plural(len(decks), "deck")
    click.echo(f"{facts_path}: {facts_count} and {decks_count} are valid.")


@main.command(help=QUESTIONS_HELP)
@facts_option
@decks_option
@deck_option
@seed_option
@click.option("--json", "as_json", is_flag=True, help="Print the versioned JSON document instead.")
def questions(
    facts_path: Path,
    decks_path: Path | None,
    deck_names: tuple[str, ...],
    seed: int | None,
    as_json: bool,
) -> None:
    from quizgen.build import BuildRequest, make_bank
    from quizgen.exporters.json_export import bank_as_json
    from quizgen.questions.listing import bank_as_text

    decks = decks_beside(facts_path, decks_path)
    request = BuildRequest(facts_path, decks, Path("output"), (), seed, deck_names)
    bank = make_bank(request)
    click.echo(bank_as_json(bank) if as_json else bank_as_text(bank), nl=not as_json)


@main.command(help=SCHEMA_HELP)
def schema() -> None:
    from importlib.resources import files

    click.echo(
        (files("quizgen") / "data" / "facts.schema.json").read_text(encoding="utf-8"), nl=False
    )
