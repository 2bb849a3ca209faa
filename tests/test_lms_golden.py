"""The platform files of a small hand-built bank, one question of every kind written in the
characters each format treats specially, held byte for byte against golden files.

A change in any of the three writers shows up here as a diff to review. After a deliberate
change, write the golden files again with ``QUIZGEN_UPDATE_GOLDEN=1 python -m pytest
tests/test_lms_golden.py`` and read the diff before committing it.
"""

from __future__ import annotations

import html
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizgen.exporters import BuildOptions, get_exporter
from quizgen.questions.model import ClozeBlank, Deck, Kind, Question, QuestionBank, SourceNote

GOLDEN = Path(__file__).resolve().parent / "golden" / "lms"
UPDATE = os.environ.get("QUIZGEN_UPDATE_GOLDEN") == "1"
SOURCE = SourceNote(
    title="Notes {on} #specials: a ~ b = c", quote="x -> y", url="https://example.org/a?b=c#d"
)
GIFT_SPECIALS = "~ = # { } : \\"


def question(question_id: str, kind: Kind, prompt: str, **fields: Any) -> Question:
    defaults: dict[str, Any] = {
        "answer": (),
        "explanation": f"Why {question_id}: {GIFT_SPECIALS} & <b>not bold</b>.",
        "source": SOURCE,
        "fact_ids": (question_id,),
        "template": f"{kind.value}-golden",
    }
    return Question(id=f"q-{question_id}", kind=kind, prompt=prompt, **(defaults | fields))


def golden_bank() -> QuestionBank:
    questions = (
        question(
            "single",
            Kind.SINGLE,
            "Which {one} is right: a ~ b = c # d?",
            choices=("a = b", "c ~ d", "Chișinău {x}", "e: f"),
            answer=("Chișinău {x}",),
            tags=("specials",),
        ),
        question(
            "multiple",
            Kind.MULTIPLE,
            "Which of these hold a <tag> & an entity &amp;?",
            choices=("<b>", "&amp;", "plain", "a/b", 'say "hi"'),
            answer=("<b>", "&amp;"),
        ),
        question(
            "true-false",
            Kind.TRUE_FALSE,
            "True or false? 2 * 3 = 6: yes {really}.",
            choices=("True", "False"),
            answer=("False",),
        ),
        question(
            "year",
            Kind.YEAR,
            "In which year was the {Pact} signed?",
            choices=("1990", "1991", "1992", "1993"),
            answer=("1992",),
        ),
        question(
            "short",
            Kind.SHORT,
            "Name the city: capital of Moldova.",
            answer=("Chișinău",),
            accept=("Kishinev", "C*"),
        ),
        question(
            "cloze-one",
            Kind.CLOZE,
            "____ signed the {Pact}.",
            prompt_parts=("", " signed the {Pact} # here."),
            blanks=(ClozeBlank("Article 4 / 5", ("4~5",)),),
            answer=("Article 4 / 5",),
        ),
        question(
            "cloze-two",
            Kind.CLOZE,
            "It was signed in ____ on ____.",
            prompt_parts=("It was signed in ", " on ", "."),
            blanks=(ClozeBlank("Tashkent", ("Toshkent",)), ClozeBlank("15 May")),
            answer=("Tashkent", "15 May"),
        ),
        question(
            "matching",
            Kind.MATCHING,
            "Match each {treaty} to its year.",
            pairs=(("Pact: one", "1992"), ("Charter = two", "2002"), ("Accord #3", "1949")),
            choices=("2002", "1949", "1992"),
        ),
        question(
            "ordering",
            Kind.ORDERING,
            "Put these in order, earliest first.",
            order=("First {1}", "Second = 2", "Third ~ 3"),
            choices=("Third ~ 3", "First {1}", "Second = 2"),
        ),
    )
    deck = Deck(
        name="Golden::Specials / more",
        slug="golden-specials",
        title="Specials & <more>",
        description="Every kind, with what formats escape.",
        questions=questions,
    )
    return QuestionBank(
        title="Golden", description="", questions=questions, decks=(deck,), seed=1, slug="golden"
    )


def written_files(tmp_path: Path) -> dict[str, bytes]:
    """Every file the three writers make, a zip's members listed one by one."""
    files: dict[str, bytes] = {}
    options = BuildOptions(seed=1, epoch=1_700_000_000)
    for name in ("moodle", "gift", "qti"):
        for path in get_exporter(name).write(golden_bank(), tmp_path, options):
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    for member in archive.namelist():
                        files[f"{path.name}/{member}"] = archive.read(member)
            else:
                files[path.name] = path.read_bytes()
    return files


def test_the_platform_files_match_the_golden_files(tmp_path: Path) -> None:
    files = written_files(tmp_path)
    if UPDATE:
        for name, data in files.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    golden = {
        path.relative_to(GOLDEN).as_posix(): path.read_bytes()
        for path in GOLDEN.rglob("*")
        if path.is_file()
    }
    assert sorted(golden) == sorted(files)
    for name, data in files.items():
        assert data.decode("utf-8") == golden[name].decode("utf-8"), name


def test_gift_keeps_every_special_character_as_written(
    tmp_path: Path, read_gift: Callable[[list[Path]], dict[str, Any]]
) -> None:
    written_files(tmp_path)
    path = tmp_path / "golden-specials-gift.txt"
    result = read_gift([path])[path.name]
    assert "error" not in result, result
    category, *parsed = result["questions"]
    assert category["title"] == "$course$/top/Golden/Specials // more"
    by_id = {item["id"]: item for item in parsed}
    # Two-blank cloze and ordering are left out; everything else is there.
    assert sorted(by_id) == sorted(
        f"q-{name}"
        for name in ("single", "multiple", "true-false", "year", "short", "cloze-one", "matching")
    )
    single = by_id["q-single"]
    assert html.unescape(single["stem"]["text"]) == "Which {one} is right: a ~ b = c # d?"
    options = {html.unescape(c["text"]["text"]): c["isCorrect"] for c in single["choices"]}
    assert options == {"a = b": False, "c ~ d": False, "Chișinău {x}": True, "e: f": False}
    feedback = html.unescape(single["globalFeedback"]["text"])
    assert f"Why single: {GIFT_SPECIALS} & <b>not bold</b>." in feedback
    assert "Notes {on} #specials: a ~ b = c" in feedback
    # A star in a short answer stays escaped: Moodle would read a bare one as a wildcard.
    short = {c["text"]["text"] for c in by_id["q-short"]["choices"]}
    assert short == {"Chișinău", "Chisinau", "Kishinev", "C\\*"}
    cloze = by_id["q-cloze-one"]
    assert {c["text"]["text"] for c in cloze["choices"]} == {"Article 4 / 5", "4~5"}
    pairs = [
        (html.unescape(p["subquestion"]["text"]), p["subanswer"])
        for p in by_id["q-matching"]["matchPairs"]
    ]
    assert pairs == [("Pact: one", "1992"), ("Charter = two", "2002"), ("Accord #3", "1949")]
