"""The command line follows one set of conventions across its commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BUNDLED_DECKS, BUNDLED_FACTS, run_quizgen
from quizgen.build import BuildRequest, check_file_names, make_bank
from quizgen.errors import ExportError
from quizgen.exporters import exporter_names, get_exporter


def test_bare_quizgen_shows_help_and_succeeds() -> None:
    result = run_quizgen()
    assert result.exit_code == 0
    assert "Usage:" in result.output and "COMMAND" in result.output
    assert "build" in result.output and "validate" in result.output


def test_build_help_lists_every_format() -> None:
    result = run_quizgen("build", "--help")
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    assert f"from: {', '.join(exporter_names())}; or all" in flat
    assert {"moodle", "gift", "qti"} <= set(exporter_names())


@pytest.mark.parametrize(
    "arguments",
    [("--facts", BUNDLED_FACTS), (BUNDLED_FACTS,)],
    ids=["--facts", "positional"],
)
def test_validate_takes_the_facts_file_like_the_other_commands(arguments: tuple[Path, ...]) -> None:
    result = run_quizgen("validate", *arguments, "--decks", BUNDLED_DECKS)
    assert result.exit_code == 0, result.output
    assert "are valid" in result.output


def test_validate_refuses_two_facts_files() -> None:
    result = run_quizgen("validate", BUNDLED_FACTS, "--facts", BUNDLED_FACTS)
    assert result.exit_code == 2
    assert "once" in result.output


def test_the_build_summary_says_what_it_printed(tmp_path: Path) -> None:
    result = run_quizgen(
        "build",
        "--facts",
        BUNDLED_FACTS,
        "--out",
        tmp_path,
        "--format",
        "pdf",
        "--deck",
        "kavkaz-2020",
        "--versions",
        "2",
        "--paper",
        "letter",
    )
    assert result.exit_code == 0, result.output
    assert "pdf: printed 2 versions (A–B) of each quiz on US Letter paper" in result.output


class EveryDeckAsPage:
    """A format that would write every deck as ``<deck>.html``, like the self-test does."""

    name = "deck-pages"
    file_patterns = ("{deck}.html",)


def test_two_formats_may_not_write_one_file() -> None:
    bank = make_bank(BuildRequest(BUNDLED_FACTS, BUNDLED_DECKS, Path("unused"), ()))
    exporters = {"html": get_exporter("html"), "deck-pages": EveryDeckAsPage()}
    with pytest.raises(ExportError, match="the html and deck-pages formats would both write"):
        check_file_names(bank, exporters)  # type: ignore[arg-type]
    check_file_names(bank, {name: get_exporter(name) for name in exporter_names()})
