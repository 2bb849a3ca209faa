"""Shared test fixtures: where the example facts live, running the CLI, and a real Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

PROJECT = Path(__file__).resolve().parent.parent
# The tests test this checkout, whichever copy of quizgen an editable install points at; the
# quizgen processes they start do too.
sys.path.insert(0, str(PROJECT / "src"))
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(PROJECT / "src"), os.environ.get("PYTHONPATH")])
)

from quizgen.cli import main  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLED_FACTS = PROJECT / "facts.yaml"
BUNDLED_DECKS = PROJECT / "decks"
HOSTILE_FACTS = FIXTURES / "hostile" / "facts.yaml"
ENGINE_FACTS = FIXTURES / "engine" / "facts.yaml"
EU_FACTS = FIXTURES / "eu" / "facts.yaml"
NOVELS_FACTS = FIXTURES / "novels" / "facts.yaml"
ASTRONOMY_FACTS = FIXTURES / "astronomy" / "facts.yaml"
LITERATURE_FACTS = FIXTURES / "literature" / "facts.yaml"
PLANETS_FACTS = FIXTURES / "planets" / "facts.yaml"
EXAMPLE_FACTS = [
    pytest.param(path, id=name)
    for name, path in [
        ("bundled", BUNDLED_FACTS),
        ("engine", ENGINE_FACTS),
        ("hostile", HOSTILE_FACTS),
        ("eu", EU_FACTS),
        ("astronomy", ASTRONOMY_FACTS),
        ("literature", LITERATURE_FACTS),
        ("planets", PLANETS_FACTS),
    ]
]
"""Every example facts file, for tests that hold each bank to the same promises."""
SOURCE_ARTICLE = PROJECT.parent / "shared" / "source" / "strakes-2020-csto-karabakh.txt"


def run_quizgen(*args: str | os.PathLike[str]) -> Result:
    """Runs the CLI in-process as a user would type it; exceptions are not swallowed."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def find_chromium() -> str | None:
    """Debian's Chromium, or one named by QUIZGEN_CHROMIUM."""
    named = os.environ.get("QUIZGEN_CHROMIUM")
    if named:
        return named
    for candidate in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """A Chromium to drive; on a laptop without one the browser tests skip, in CI they fail."""
    found = find_chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium found: CI must install Debian's chromium package")
        pytest.skip("no Chromium found (install Debian's chromium package to run browser tests)")
    return found


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


GIFT_READER = Path(__file__).resolve().parent / "gift_reader"


@pytest.fixture(scope="session")
def read_gift() -> Callable[[list[Path]], dict[str, Any]]:
    """gift-pegjs through Node; on a laptop without them the GIFT tests skip, in CI they fail."""
    node = shutil.which("node")
    if node is None or not (GIFT_READER / "node_modules" / "gift-pegjs").is_dir():
        message = "gift-pegjs is not installed: npm ci --prefix tests/gift_reader"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    def read(paths: list[Path]) -> dict[str, Any]:
        command = [node, str(GIFT_READER / "read.js"), *map(str, paths)]
        completed = subprocess.run(command, capture_output=True, text=True, check=True)
        parsed: dict[str, Any] = json.loads(completed.stdout)
        return {Path(name).name: result for name, result in parsed.items()}

    return read
