"""Measures quizgen on synthetic facts files and prints a Markdown table (a script, not a test).

    python bench/run.py                      # 100, 1,000, 10,000 and 100,000 facts
    python bench/run.py --sizes 100,1000     # a quicker run

For each size a child process times validation, question generation and each format's exporter,
and a plain genanki script that writes the same notes (for the Anki ratio); then one whole
``quizgen build`` runs as a user runs it, for its wall time and its own peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(BENCH))

from synthetic import write_synthetic_facts  # noqa: E402

FORMATS = ("json", "anki", "pdf", "html", "moodle", "gift", "qti")
DEFAULT_SIZES = (100, 1_000, 10_000, 100_000)
HTML_PROBE_QUESTIONS = 1_000

# Printed quizzes and self-tests are for study sets of realistic size; the whole topic goes to
# Anki and JSON. The benchmark's decks say so, as a teacher's would.
BENCH_DECKS = {
    "treaties.yaml": "name: Synthetic::Treaties\ntitle: Treaties\ndescription: Treaty dates.\n"
    "tags: [treaties]\ncount: 40\nseed: 1\n",
    "people.yaml": "name: Synthetic::People\ntitle: People\ndescription: Who held which post.\n"
    "tags: [people]\ncount: 40\nseed: 2\n",
    "groups.yaml": "name: Synthetic::Groups\ntitle: Groups\n"
    "description: Who belonged to which union.\n"
    "tags: [groups]\ncount: 40\nseed: 3\n",
    "everything.yaml": "name: Synthetic::Everything\ntitle: Everything\n"
    "description: Every question, for spaced repetition.\nformats: [json, anki]\n",
}


# A file of 100 facts holds too few independent claims per theme (one question per claim, no
# answer in another's stem) for 40; its study sets ask what it holds enough claims for.
SMALL_FILE = 1_000
SMALL_COUNT = 12


def write_bench_decks(folder: Path, size: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in BENCH_DECKS.items():
        if size < SMALL_FILE:
            text = text.replace("count: 40\n", f"count: {SMALL_COUNT}\n")
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def timed(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def plain_genanki(bank, path: Path) -> None:  # type: ignore[no-untyped-def]
    """What a user would write by hand with genanki for the same notes: the same note types and
    decks, one note a question with its texts escaped into the fields, genanki's own writer."""
    import html

    import genanki

    from quizgen.exporters.anki import deck_id, home_deck_names
    from quizgen.exporters.anki_notetypes import NOTE_TYPES, build_model

    models = {note_type.name: (note_type, build_model(note_type)) for note_type in NOTE_TYPES}
    decks = {deck.name: genanki.Deck(deck_id(deck.name), deck.name) for deck in bank.decks}
    homes = home_deck_names(bank)
    for question in bank.questions:
        if question.id not in homes:
            continue
        escape = html.escape
        values = {
            "Prompt": escape(question.prompt),
            "Answer": escape("; ".join(question.answer)),
            "Explanation": escape(question.explanation),
            "Source": escape(question.source.text),
            "Question ID": question.id,
            "Reverse Prompt": escape(question.reverse_prompt),
            "Reverse Answer": escape(question.reverse_answer),
        }
        if question.blanks:
            name = "quizgen Cloze"
            values["Text"] = "".join(
                escape(part) + (f"{{{{c{n}::{escape(blank.answer)}}}}}" if blank else "")
                for n, (part, blank) in enumerate(
                    zip(question.prompt_parts, [*question.blanks, None], strict=True), start=1
                )
            )
        elif question.pairs or question.order:
            name = "quizgen Matching and Ordering"
            values["Items"] = "<br>".join(escape(item) for item in question.choices)
            values["Solution"] = "<br>".join(escape(" - ".join(p)) for p in question.pairs) or (
                "<br>".join(escape(item) for item in question.order)
            )
        elif question.choices:
            name = "quizgen Multiple Choice"
            values["Options"] = "<br>".join(escape(choice) for choice in question.choices)
            values["Marked Options"] = "<br>".join(
                escape(c) + (" ✓" if c in question.answer else "") for c in question.choices
            )
        else:
            name = "quizgen Question and Answer"
        note_type, model = models[name]
        decks[homes[question.id]].add_note(
            genanki.Note(
                model=model,
                fields=[values.get(field, "") for field in note_type.field_names],
                guid=genanki.guid_for(question.id),
            )
        )
    genanki.Package([deck for deck in decks.values() if deck.notes]).write_to_file(str(path))


def measure_stages(facts_path: Path, decks_path: Path, work: Path) -> dict[str, float]:
    """Runs in a child process: the time of each stage, on one facts file."""
    from quizgen.build import BuildRequest, decks_for_format, make_bank
    from quizgen.exporters import BuildOptions, get_exporter
    from quizgen.facts.loader import load_facts

    request = BuildRequest(facts_path, decks_path, work / "out", FORMATS, seed=1)
    row: dict[str, float] = {}
    _, row["validate"] = timed(load_facts, facts_path)
    bank, row["questions"] = timed(make_bank, request)
    row["question_count"] = len(bank.questions)
    options = BuildOptions(seed=bank.seed, epoch=bank.generated_at)
    for name in FORMATS:
        folder = work / f"only-{name}"
        folder.mkdir()
        _, row[name] = timed(
            get_exporter(name).write, decks_for_format(bank, name), folder, options
        )
    _, row["plain_genanki"] = timed(plain_genanki, bank, work / "plain.apkg")
    return row


def child_main(facts_path: Path, decks_path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as temp:
        row = measure_stages(facts_path, decks_path, Path(temp))
    print(json.dumps(row))


def whole_build(facts_path: Path, decks_path: Path, out: Path) -> tuple[float, float]:
    """Wall time and peak memory (MB) of one ``quizgen build`` of every format, as users run it."""
    command = shutil.which("quizgen") or "quizgen"
    args = [command, "build", "--facts", str(facts_path), "--decks", str(decks_path)]
    args += ["--out", str(out), "--seed", "1", "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(args, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"quizgen build of {facts_path} failed")
    return seconds, usage.ru_maxrss / 1024


def measure_size(size: int) -> dict[str, float]:
    """Every measurement for one synthetic facts file of ``size`` facts."""
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as temp:
        work = Path(temp)
        facts_path = write_synthetic_facts(work / f"facts-{size}.yaml", size)
        decks_path = write_bench_decks(work / "decks", size)
        completed = subprocess.run(
            [sys.executable, __file__, "--child", str(facts_path), str(decks_path)],
            capture_output=True,
            text=True,
            env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"),
            check=False,
        )
        if completed.returncode != 0:
            raise SystemExit(f"size {size} failed:\n{completed.stderr}")
        row: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
        row["facts"] = size
        row["build"], row["peak_mb"] = whole_build(facts_path, decks_path, work / "output")
    return row


def version_time(repeats: int = 7) -> float:
    """Median wall time of ``quizgen --version`` as a user runs it."""
    command = shutil.which("quizgen") or "quizgen"
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([command, "--version"], capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def bundled_build_time(repeats: int = 3) -> float:
    """Median wall time of the full ``quizgen build`` of the bundled facts, every format."""
    command = shutil.which("quizgen") or "quizgen"
    samples = []
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as temp:
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run(
                [command, "build", "--quiet", "--out", temp],
                cwd=PROJECT,
                capture_output=True,
                check=True,
            )
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def html_probe(chromium: str | None) -> tuple[float, float | None]:
    """Size in MB of a 1,000-question self-test, and its time to show the first question."""
    from html_probe import first_question_seconds, write_thousand_question_selftest

    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as temp:
        page = write_thousand_question_selftest(Path(temp), HTML_PROBE_QUESTIONS)
        size_mb = page.stat().st_size / 1_000_000
        seconds = first_question_seconds(page, chromium) if chromium else None
    return size_mb, seconds


def seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(*args.child)
        return
    sizes = [int(part) for part in args.sizes.split(",") if part]
    rows = [measure_size(size) for size in sizes]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    size_mb, first_question = html_probe(chromium)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print()
    print(
        "| facts | questions | validate s | questions s | json s | anki s | plain genanki s "
        "| anki ratio | pdf s | html s | moodle s | gift s | qti s | whole build s | peak MB |"
    )
    print("|" + " ---: |" * 15)
    for row in rows:
        ratio = row["anki"] / row["plain_genanki"] if row["plain_genanki"] else 0.0
        print(
            f"| {int(row['facts']):,} | {int(row['question_count']):,} | {row['validate']:.2f} "
            f"| {row['questions']:.2f} | {row['json']:.2f} | {row['anki']:.2f} "
            f"| {row['plain_genanki']:.2f} | {ratio:.2f} | {row['pdf']:.2f} | {row['html']:.2f} "
            f"| {row['moodle']:.2f} | {row['gift']:.2f} | {row['qti']:.2f} "
            f"| {row['build']:.2f} | {row['peak_mb']:.0f} |"
        )
    by_size = {int(row["facts"]): row for row in rows}
    if 10_000 in by_size and 100_000 in by_size:
        growth = by_size[100_000]["build"] / by_size[10_000]["build"]
        print(f"\nGrowth from 10,000 to 100,000 facts: {growth:.1f} times (linear is 10).")
    print()
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| `quizgen --version` (median of 7) | {version_time():.3f} s |")
    print(
        "| full build of the bundled facts, every format (median of 3) "
        f"| {bundled_build_time():.2f} s |"
    )
    print(f"| {HTML_PROBE_QUESTIONS:,}-question HTML self-test size | {size_mb:.2f} MB |")
    print(f"| its first question shown in Chromium | {seconds(first_question)} s |")


if __name__ == "__main__":
    main()
