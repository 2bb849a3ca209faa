"""A teacher rebuilds often: a build that fails or is killed must never damage what is in output/,
and the same inputs must give the same files."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import BUNDLED_DECKS, BUNDLED_FACTS, PROJECT, run_quizgen

sys.path.insert(0, str(PROJECT / "bench"))
from synthetic import write_synthetic_facts  # noqa: E402

EPOCH = "1700000000"


def digests(folder: Path) -> dict[str, str]:
    """The digest of every file a reader of ``folder`` sees. A build's staging folder is its own,
    and may vanish while it is read: a starting build clears the one a killed build left."""
    found = {}
    # os.walk, not rglob: a staging folder removed while it is listed is skipped, not an error.
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith(".quizgen"))
        for name in files:
            if name.startswith(".quizgen"):
                continue
            path = Path(root) / name
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(found.items()))


def quizgen_command(*args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "quizgen", *map(str, args)]


@pytest.fixture()
def reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def apkg_notes(path: Path) -> list[tuple[object, ...]]:
    """The notes inside an .apkg, as Anki stores them: guid, note type, fields and tags."""
    with zipfile.ZipFile(path) as package:
        name = next(n for n in ("collection.anki21", "collection.anki2") if n in package.namelist())
        data = package.read(name)
    copy = path.with_suffix(".sqlite")
    copy.write_bytes(data)
    with sqlite3.connect(copy) as db:
        rows = db.execute("select guid, mid, flds, tags, mod from notes order by guid").fetchall()
    copy.unlink()
    return rows


def test_two_builds_with_the_same_inputs_are_identical(tmp_path: Path, reproducible: None) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        result = run_quizgen(
            "build",
            "--facts",
            BUNDLED_FACTS,
            "--decks",
            BUNDLED_DECKS,
            "--out",
            out,
            "--seed",
            "7",
            "--versions",
            "2",
            "--quiet",
        )
        assert result.exit_code == 0, result.output
    first_files, second_files = digests(first), digests(second)
    assert first_files.keys() == second_files.keys()
    suffixes = {Path(name).suffix for name in first_files}
    assert {".html", ".pdf", ".json", ".apkg"} <= suffixes
    for name, digest in first_files.items():
        if name.endswith(".apkg"):
            assert apkg_notes(first / name) == apkg_notes(second / name), name
        else:
            assert digest == second_files[name], f"{name} differs between two identical builds"


def test_another_seed_changes_the_shuffle_but_not_the_question_ids(tmp_path: Path) -> None:
    import json

    banks = []
    for seed in ("1", "2"):
        result = run_quizgen(
            "questions",
            "--facts",
            BUNDLED_FACTS,
            "--decks",
            BUNDLED_DECKS,
            "--seed",
            seed,
            "--json",
        )
        assert result.exit_code == 0, result.output
        banks.append(json.loads(result.output))
    ids = [[q["id"] for q in bank["questions"]] for bank in banks]
    assert ids[0] == ids[1]
    assert [q["choices"] for q in banks[0]["questions"]] != [
        q["choices"] for q in banks[1]["questions"]
    ]


def test_a_failed_build_leaves_every_earlier_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert (
        run_quizgen(
            "build", "--facts", BUNDLED_FACTS, "--decks", BUNDLED_DECKS, "--out", out, "--quiet"
        ).exit_code
        == 0
    )
    before = digests(out)
    # A character DejaVu Sans cannot draw fails the PDF export after the other formats have run.
    facts = BUNDLED_FACTS.read_text(encoding="utf-8").replace(
        "name: Collective Security Treaty Organization\n",
        "name: Collective Security Treaty Organization 集団\n",
        1,
    )
    broken = tmp_path / "facts.yaml"
    broken.write_text(facts, encoding="utf-8")
    result = subprocess.run(
        quizgen_command("build", "--facts", broken, "--decks", BUNDLED_DECKS, "--out", out),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "U+96C6" in result.stderr
    assert digests(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".quizgen")]


def test_a_killed_build_never_leaves_a_torn_file(tmp_path: Path) -> None:
    facts = write_synthetic_facts(tmp_path / "facts.yaml", 3_000, seed=3)
    decks = tmp_path / "no-decks"
    decks.mkdir()
    out, reference = tmp_path / "output", tmp_path / "reference"
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)

    def build(into: Path, seed: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            quizgen_command(
                "build",
                "--facts",
                facts,
                "--decks",
                decks,
                "--out",
                into,
                "--seed",
                seed,
                "--quiet",
            ),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    for into, seed in ((out, "1"), (reference, "2")):
        process = build(into, seed)
        assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    old, new = digests(out), digests(reference)
    assert old.keys() == new.keys()

    # Kill the seed-2 build at several points: while it loads, while exporters write into the
    # staging folder, and as soon as the first file has been moved into place.
    kill_points = ("early", "staging", "first-move")
    killed_at: list[tuple[str, bool]] = []
    for point in kill_points:
        process = build(out, "2")
        wait_for(point, process, out, old)
        reached = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait()
        for name, digest in digests(out).items():
            assert digest in (old[name], new[name]), f"{name} is torn after a kill at {point}"
        killed_at.append((point, reached))

    # The kills must have struck a running build, or the test proved nothing.
    assert killed_at[:2] == [("early", True), ("staging", True)], killed_at

    # The next build clears what the killed ones left behind.
    process = build(out, "2")
    assert process.wait() == 0
    assert digests(out) == new
    assert not [p for p in out.iterdir() if p.name.startswith(".quizgen")]


def wait_for(point: str, process: subprocess.Popen[bytes], out: Path, old: dict[str, str]) -> None:
    """Polls until the build reaches ``point`` (or ends); the kill comes right after."""
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        staging = [p for p in out.glob(".quizgen-staging-*") if p.is_dir()]
        if point == "early":
            time.sleep(0.2)
            return
        if point == "staging" and staging and any(staging[0].iterdir()):
            return
        if point == "first-move" and any(
            digests(out).get(name) != digest for name, digest in old.items()
        ):
            return
        time.sleep(0.005)


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    """Builds pause Python's cycle collector; a program that embeds quizgen keeps its own."""
    import gc

    assert gc.isenabled()
    assert (
        run_quizgen(
            "build",
            "--facts",
            BUNDLED_FACTS,
            "--decks",
            BUNDLED_DECKS,
            "--out",
            tmp_path,
            "--format",
            "json",
            "--quiet",
        ).exit_code
        == 0
    )
    assert gc.isenabled()
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: [", encoding="utf-8")
    assert run_quizgen("build", "--facts", broken, "--out", tmp_path, "--quiet").exit_code == 1
    assert gc.isenabled()
