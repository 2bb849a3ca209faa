"""A teacher imports quizgen's decks into a learning platform: Moodle XML, GIFT and QTI for Canvas.

Every file is read back by a reader that quizgen did not write: GIFT by the gift-pegjs parser
(Node), Moodle XML and QTI by lxml, and QTI is held against what text2qti writes for the same
questions.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from conftest import ASTRONOMY_FACTS, BUNDLED_DECKS, BUNDLED_FACTS, EXAMPLE_FACTS, run_quizgen
from quizgen.build import BuildRequest, decks_for_format, make_bank
from quizgen.exporters.lms import LmsQuiz
from quizgen.exporters.lms.qti import package_members
from quizgen.questions.assembly import assemble_form
from quizgen.questions.model import Deck, Kind, Question, QuestionBank
from quizgen.questions.subjects import parse_number

LMS_FORMATS = "moodle,gift,qti"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
EPOCH = "1700000000"
# The grades Moodle offers for an answer; an imported fraction off this list is rounded to one.
MOODLE_GRADES = [100 / n for n in range(1, 11)] + [90, 83.33333, 80, 75, 70, 66.66667, 60, 40, 30]


@dataclass(frozen=True)
class LmsBuild:
    out: Path
    bank: QuestionBank
    summary: str

    def decks(self, format_name: str) -> tuple[Deck, ...]:
        return tuple(
            deck for deck in decks_for_format(self.bank, format_name).decks if deck.questions
        )


def build_lms(facts: Path, out: Path) -> LmsBuild:
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        result = run_quizgen("build", "--facts", facts, "--out", out, "--format", LMS_FORMATS)
        assert result.exit_code == 0, result.output
        bank = make_bank(BuildRequest(facts, facts.parent / "decks", out, ()))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    return LmsBuild(out, bank, result.output)


@pytest.fixture(scope="module", params=EXAMPLE_FACTS)
def every_example(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> LmsBuild:
    return build_lms(request.param, tmp_path_factory.mktemp("lms"))


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> LmsBuild:
    return build_lms(BUNDLED_FACTS, tmp_path_factory.mktemp("bundled-lms"))


def plain(text_html: str) -> str:
    """What an HTML field shows, as plain text (quizgen writes newlines as <br>)."""
    return html.unescape(text_html.replace("<br>", "\n"))


def category_path(deck: Deck) -> str:
    return "$course$/top/" + "/".join(part.replace("/", "//") for part in deck.name.split("::"))


# ---------------------------------------------------------------------------------------- GIFT


def gift_can_carry(question: Question) -> bool:
    """GIFT has no ordering, one blank a question, and matching of pairs without spare options."""
    if question.kind is Kind.ORDERING:
        return False
    if question.kind is Kind.CLOZE:
        return len(question.blanks) == 1
    if question.kind is Kind.MATCHING:
        rights = {right for _, right in question.pairs}
        arrows = any("->" in text for pair in question.pairs for text in pair)
        return set(question.choices) <= rights and not arrows
    return True


def unstarred(typed: str) -> str:
    """A GIFT short answer as typed: Moodle reads ``\\*`` as a star (a bare one is a wildcard)."""
    return typed.replace("\\*", "*")


def one_line(text: str) -> str:
    return re.sub(r"\s*_____\s*", "_____", " ".join(text.split()))


def check_gift_question(question: Question, parsed: dict[str, Any]) -> None:
    """The parsed question is the bank's: same stem, same right answers, feedback and source."""
    assert parsed["id"] == question.id
    feedback = plain(parsed["globalFeedback"]["text"])
    assert question.explanation in feedback
    assert question.source.text in feedback
    choices = parsed.get("choices")
    if question.kind is Kind.CLOZE:
        assert parsed["type"] == "Short" and parsed["hasEmbeddedAnswers"]
        before, after = question.prompt_parts[0], "".join(question.prompt_parts[1:])
        assert one_line(plain(parsed["stem"]["text"])) == one_line(f"{before}_____{after}")
        typed = {unstarred(c["text"]["text"]) for c in choices if c["isCorrect"]}
        assert {question.blanks[0].answer, *question.blanks[0].accept} <= typed
        return
    assert plain(parsed["stem"]["text"]) == question.prompt
    if question.kind is Kind.SINGLE:
        assert parsed["type"] == "MC"
        right = [plain(c["text"]["text"]) for c in choices if c["isCorrect"]]
        assert right == list(question.answer)
        assert sorted(plain(c["text"]["text"]) for c in choices) == sorted(question.choices)
    elif question.kind is Kind.MULTIPLE:
        assert parsed["type"] == "MC"
        weights = {plain(c["text"]["text"]): c["weight"] for c in choices}
        assert {text for text, weight in weights.items() if weight > 0} == set(question.answer)
        assert sum(weight for weight in weights.values() if weight > 0) == pytest.approx(
            100, abs=0.01
        )
        assert sum(weights.values()) == pytest.approx(0, abs=0.01) or len(weights) == len(
            question.answer
        )
    elif question.kind is Kind.TRUE_FALSE:
        assert parsed["type"] == "TF"
        assert parsed["isTrue"] is (question.answer[0] == "True")
    elif question.kind is Kind.YEAR:
        assert parsed["type"] == "Numerical"
        assert parsed["choices"]["number"] == int(question.answer[0])
        assert parsed["choices"].get("range", 0) == 0
    elif question.kind is Kind.SHORT:
        assert parsed["type"] == "Short"
        typed = {unstarred(c["text"]["text"]) for c in choices if c["isCorrect"]}
        assert {*question.answer, *question.accept} <= typed
    elif question.kind is Kind.MATCHING:
        assert parsed["type"] == "Matching"
        pairs = [(plain(p["subquestion"]["text"]), p["subanswer"]) for p in parsed["matchPairs"]]
        assert pairs == list(question.pairs)
    else:
        raise AssertionError(f"GIFT should have left out the {question.kind.value} question")


def test_every_gift_file_parses_and_holds_every_question_gift_can_carry(
    every_example: LmsBuild, read_gift: Callable[[list[Path]], dict[str, Any]]
) -> None:
    decks = every_example.decks("gift")
    files = [every_example.out / f"{deck.slug}-gift.txt" for deck in decks]
    results = read_gift(files)
    for deck, path in zip(decks, files, strict=True):
        result = results[path.name]
        assert "error" not in result, f"{path.name}:{result.get('line')}: {result.get('error')}"
        category, *parsed = result["questions"]
        assert category == {"type": "Category", "title": category_path(deck)}
        expected = [question for question in assemble_form(deck) if gift_can_carry(question)]
        assert [item["id"] for item in parsed] == [question.id for question in expected]
        for question, item in zip(expected, parsed, strict=True):
            check_gift_question(question, item)


def test_the_summary_counts_the_questions_gift_leaves_out(bundled: LmsBuild) -> None:
    written = {q.id: q for deck in bundled.decks("gift") for q in assemble_form(deck)}
    ordering = sum(question.kind is Kind.ORDERING for question in written.values())
    assert ordering > 0
    questions = "question is" if ordering == 1 else "questions are"
    assert (
        f"{ordering} ordering {questions} not in the GIFT files: GIFT has no ordering."
        in bundled.summary
    )
    # A statement's cloze asks one blank at a time, so no cloze is left out for its blanks.
    several = sum(q.kind is Kind.CLOZE and len(q.blanks) > 1 for q in written.values())
    assert several == 0
    assert "cloze questions with several blanks" not in bundled.summary


def test_a_gift_file_with_a_broken_brace_is_rejected_by_the_parser(
    bundled: LmsBuild, read_gift: Callable[[list[Path]], dict[str, Any]], tmp_path: Path
) -> None:
    source = bundled.out / f"{bundled.decks('gift')[0].slug}-gift.txt"
    text = source.read_text(encoding="utf-8")
    broken = tmp_path / "broken-gift.txt"
    # The first answer block loses its closing brace.
    block_end = text.index("}\n\n//")
    broken.write_text(text[:block_end] + text[block_end + 1 :], encoding="utf-8")
    results = read_gift([source, broken])
    assert "error" not in results[source.name]
    assert "error" in results[broken.name]


# ------------------------------------------------------------------------------------ Moodle XML


def moodle_questions(path: Path) -> list[etree._Element]:
    root = etree.parse(str(path)).getroot()
    assert root.tag == "quiz"
    return list(root.iterfind("question"))


def text_of(element: etree._Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, f"no {path}"
    return found.text or ""


def fractions(question: etree._Element) -> list[float]:
    return [float(answer.get("fraction")) for answer in question.iterfind("answer")]


def is_moodle_grade(value: float) -> bool:
    return any(abs(abs(value) - grade) < 0.00001 for grade in [*MOODLE_GRADES, 0])


def check_moodle_question(question: Question, element: etree._Element) -> None:
    """The elements and fractions Moodle needs to grade the question, per its XML format."""
    assert text_of(element, "idnumber") == question.id
    assert text_of(element, "name/text").strip()
    assert element.find("questiontext").get("format") == "html"
    feedback = plain(text_of(element, "generalfeedback/text"))
    assert question.explanation in feedback and question.source.text in feedback
    answers = [plain(text_of(answer, "text")) for answer in element.iterfind("answer")]
    qtype = element.get("type")
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        assert qtype == "multichoice"
        single = question.kind is Kind.SINGLE
        assert text_of(element, "single") == ("true" if single else "false")
        assert sorted(answers) == sorted(question.choices)
        grades = dict(zip(answers, fractions(element), strict=True))
        assert all(is_moodle_grade(grade) for grade in grades.values())
        assert {text for text, grade in grades.items() if grade > 0} == set(question.answer)
        assert sum(grade for grade in grades.values() if grade > 0) == pytest.approx(100, abs=0.01)
    elif question.kind is Kind.TRUE_FALSE:
        assert qtype == "truefalse"
        grades = dict(zip(answers, fractions(element), strict=True))
        assert grades == {
            question.answer[0].lower(): 100,
            ("false" if question.answer[0] == "True" else "true"): 0,
        }
    elif question.kind is Kind.YEAR:
        assert qtype == "numerical"
        assert answers == [question.answer[0]] and fractions(element) == [100]
        assert text_of(element, "answer/tolerance") == "0"
    elif question.kind is Kind.SHORT:
        assert qtype == "shortanswer"
        assert text_of(element, "usecase") == "0"
        # Typed answers are the plain strings Moodle compares with, no HTML ("*" escaped).
        typed = {
            text_of(answer, "text").replace("\\*", "*") for answer in element.iterfind("answer")
        }
        assert {*question.answer, *question.accept} <= typed
        assert set(fractions(element)) == {100}
    elif question.kind is Kind.CLOZE:
        assert qtype == "cloze"
        text = text_of(element, "questiontext/text")
        embedded = re.findall(r"\{1:SHORTANSWER:((?:\\.|[^\\}])*)\}", text)
        assert len(embedded) == len(question.blanks)
        for blank, alternatives in zip(question.blanks, embedded, strict=True):
            accepted = [
                html.unescape(re.sub(r"\\(.)", r"\1", alt[1:]))
                for alt in re.split(r"(?<!\\)~", alternatives)
            ]
            assert {blank.answer, *blank.accept} <= set(accepted)
    elif question.kind is Kind.MATCHING:
        assert qtype == "matching"
        pairs = [
            (plain(text_of(sub, "text")), text_of(sub, "answer/text"))
            for sub in element.iterfind("subquestion")
        ]
        assert [pair for pair in pairs if pair[0]] == list(question.pairs)
    elif question.kind is Kind.ORDERING:
        assert qtype == "ordering"
        assert answers == list(question.order)
        assert fractions(element) == list(range(1, len(question.order) + 1))
        assert text_of(element, "selecttype") == "ALL"
        assert text_of(element, "gradingtype") == "ABSOLUTE_POSITION"


def test_every_moodle_file_holds_every_question_as_moodle_grades_it(
    every_example: LmsBuild,
) -> None:
    for deck in every_example.decks("moodle"):
        category, *elements = moodle_questions(every_example.out / f"{deck.slug}-moodle.xml")
        assert category.get("type") == "category"
        assert text_of(category, "category/text") == category_path(deck)
        assert [text_of(element, "idnumber") for element in elements] == [
            q.id for q in assemble_form(deck)
        ]
        for question, element in zip(assemble_form(deck), elements, strict=True):
            check_moodle_question(question, element)


MOODLE_TYPE_OF_KIND = {
    Kind.SINGLE: "multichoice",
    Kind.MULTIPLE: "multichoice",
    Kind.TRUE_FALSE: "truefalse",
    Kind.YEAR: "numerical",
    Kind.SHORT: "shortanswer",
    Kind.CLOZE: "cloze",
    Kind.MATCHING: "matching",
    Kind.ORDERING: "ordering",
}


def test_moodle_files_write_every_kind_the_assembled_quizzes_hold(bundled: LmsBuild) -> None:
    # The platform quiz is the assembled test, so it holds the kinds its blueprint mixes; the
    # golden bank of every kind holds the other ones to Moodle's types.
    written, assembled = set(), set()
    for deck in bundled.decks("moodle"):
        written |= {
            element.get("type")
            for element in moodle_questions(bundled.out / f"{deck.slug}-moodle.xml")
        }
        assembled |= {MOODLE_TYPE_OF_KIND[question.kind] for question in assemble_form(deck)}
    assert len(assembled) >= 5
    assert written == assembled | {"category"}


# ----------------------------------------------------------------------------------------- QTI


@dataclass(frozen=True)
class QtiPackage:
    manifest: etree._Element
    assessment: etree._Element
    names: list[str]


def open_qti(path: Path) -> QtiPackage:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        resource = manifest.find(f"{MANIFEST}resources/{MANIFEST}resource[@type='imsqti_xmlv1p2']")
        assert resource is not None
        href = resource.find(f"{MANIFEST}file").get("href")
        assessment = etree.fromstring(archive.read(href))
    return QtiPackage(manifest, assessment, names)


CANVAS_TYPES = {
    Kind.SINGLE: "multiple_choice_question",
    Kind.MULTIPLE: "multiple_answers_question",
    Kind.TRUE_FALSE: "true_false_question",
    Kind.YEAR: "numerical_question",
    Kind.SHORT: "short_answer_question",
    Kind.CLOZE: "fill_in_multiple_blanks_question",
    Kind.MATCHING: "matching_question",
    Kind.ORDERING: "matching_question",
}


def metadata_of(item: etree._Element) -> dict[str, str]:
    fields = item.iterfind(f"{QTI}itemmetadata/{QTI}qtimetadata/{QTI}qtimetadatafield")
    return {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in fields}


def label_texts(response: etree._Element) -> dict[str, str]:
    labels = response.iterfind(f"{QTI}render_choice/{QTI}response_label")
    return {label.get("ident"): mattext_shown(label.find(f".//{QTI}mattext")) for label in labels}


def mattext_shown(mattext: etree._Element) -> str:
    """What a ``mattext`` shows: HTML as plain text; plain text as it is."""
    text = mattext.text or ""
    return plain(text) if mattext.get("texttype") == "text/html" else text


def score_of_right_answer(question: Question, item: etree._Element) -> float:
    """Runs the item's response processing on the right answer, as a QTI player would."""
    responses: dict[str, set[str]] = {}
    presentation = item.find(f"{QTI}presentation")
    lids = presentation.findall(f"{QTI}response_lid")
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE):
        labels = label_texts(lids[0])
        responses[lids[0].get("ident")] = {
            i for i, text in labels.items() if text in question.answer
        }
    elif question.kind in (Kind.YEAR, Kind.SHORT):
        responses[presentation.find(f"{QTI}response_str").get("ident")] = {question.answer[0]}
    elif question.kind is Kind.CLOZE:
        for lid, blank in zip(lids, question.blanks, strict=True):
            labels = label_texts(lid)
            responses[lid.get("ident")] = {i for i, text in labels.items() if text == blank.answer}
    else:
        partner = (
            dict(question.pairs)
            if question.kind is Kind.MATCHING
            else {item_text: str(place) for place, item_text in enumerate(question.order, start=1)}
        )
        for lid in lids:
            left = mattext_shown(lid.find(f"{QTI}material/{QTI}mattext"))
            labels = label_texts(lid)
            responses[lid.get("ident")] = {i for i, text in labels.items() if text == partner[left]}

    def holds(condition: etree._Element) -> bool:
        tag = etree.QName(condition).localname
        if tag in ("conditionvar", "and"):
            children = list(condition)
            if (
                tag == "conditionvar"
                and children
                and all(etree.QName(c).localname == "varequal" for c in children)
            ):
                return any(holds(child) for child in children)  # alternatives, as Canvas reads them
            return all(holds(child) for child in children)
        if tag == "or":
            return any(holds(child) for child in condition)
        if tag == "not":
            return not holds(condition[0])
        if tag == "other":
            return True
        given = responses.get(condition.get("respident"), set())
        if tag == "varequal":
            return condition.text in given
        number = float(condition.text)
        values = [float(v) for v in given]
        return (
            any(v >= number for v in values)
            if tag == "vargte"
            else any(v <= number for v in values)
        )

    score = 0.0
    for condition in item.iterfind(f"{QTI}resprocessing/{QTI}respcondition"):
        if not holds(condition.find(f"{QTI}conditionvar")):
            continue
        setvar = condition.find(f"{QTI}setvar")
        if setvar is not None:
            value = float(setvar.text)
            score = value if setvar.get("action") == "Set" else score + value
        if condition.get("continue", "No") == "No":
            break
    return score


def test_every_qti_package_is_complete_and_scores_every_item(every_example: LmsBuild) -> None:
    for deck in every_example.decks("qti"):
        package = open_qti(every_example.out / f"{deck.slug}-qti.zip")
        hrefs = [f.get("href") for f in package.manifest.iter(f"{MANIFEST}file")]
        assert hrefs and all(href in package.names for href in hrefs)
        assessments = package.assessment.findall(f"{QTI}assessment")
        assert len(assessments) == 1 and assessments[0].get("title") == deck.title
        items = assessments[0].findall(f"{QTI}section/{QTI}item")
        assert [item.get("ident") for item in items] == [q.id for q in assemble_form(deck)]
        for question, item in zip(assemble_form(deck), items, strict=True):
            metadata = metadata_of(item)
            assert metadata["question_type"] == CANVAS_TYPES[question.kind]
            assert metadata["points_possible"] == "1"
            assert score_of_right_answer(question, item) == pytest.approx(100, abs=0.05), (
                question.id
            )
            feedback = plain(item.findtext(f"{QTI}itemfeedback//{QTI}mattext"))
            assert question.explanation in feedback and question.source.text in feedback


def test_qti_items_are_built_like_text2qtis_for_the_kinds_both_write(
    bundled: LmsBuild, tmp_path: Path
) -> None:
    """text2qti's quiz text for the same questions, converted by text2qti, has items of the same
    structure: the same metadata fields, inputs and response processing, element for element.
    The questions come from the whole bank (a printed form may hold no multiple-answer item),
    written into a quiz of their own by quizgen's QTI writer."""
    markdown_free = re.compile(r"^[\w ,;:.?'()-]+$")
    chosen: dict[Kind, Question] = {}
    written = [q for quiz_deck in bundled.decks("qti") for q in quiz_deck.questions]
    for question in written:
        # The explanation's words do not shape an item (its feedback is there either way), so
        # only the texts that do must read the same to text2qti's Markdown.
        texts = [question.prompt, *question.choices, *question.answer]
        if question.kind not in chosen and all(markdown_free.match(t) for t in texts):
            chosen[question.kind] = question
    kinds = [Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.SHORT, Kind.YEAR]
    assert set(kinds) <= set(chosen), "the bundled bank should have plain questions of each kind"
    lines = ["Quiz title: Comparison", "Quiz description: The same questions, by text2qti", ""]
    for number, kind in enumerate(kinds, start=1):
        question = chosen[kind]
        feedback = re.sub(r"[^\w ,;:.?'()-]", "", question.explanation)
        lines += [f"{number}.  {question.prompt}", f"... {feedback}"]
        if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
            for index, choice in enumerate(question.choices):
                mark = "*" if choice in question.answer else ""
                lines.append(f"{mark}{chr(ord('a') + index)}) {choice}")
        elif kind is Kind.MULTIPLE:
            lines += [f"[{'*' if c in question.answer else ' '}] {c}" for c in question.choices]
        elif kind is Kind.SHORT:
            lines += [f"*   {text}" for text in (*question.answer, *question.accept)]
        else:
            lines.append(f"=   {question.answer[0]} +- 0")
        lines.append("")
    quiz_text = tmp_path / "comparison.md"
    quiz_text.write_text("\n".join(lines), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-c", "from text2qti.cmdline import main; main()", str(quiz_text)],
        check=True,
        cwd=tmp_path,
        env={**os.environ, "HOME": str(tmp_path)},
        capture_output=True,
    )
    theirs = open_qti(tmp_path / "comparison.zip").assessment.findall(f".//{QTI}item")
    quiz = LmsQuiz("Comparison", "comparison", "Comparison", "", tuple(chosen[k] for k in kinds))
    with zipfile.ZipFile(tmp_path / "ours.zip", "w") as archive:
        for name, data in package_members(quiz, 0):
            archive.writestr(name, data)
    ours = open_qti(tmp_path / "ours.zip").assessment.iter(f"{QTI}item")
    ours_by_id = {item.get("ident"): item for item in ours}
    for kind, their_item in zip(kinds, theirs, strict=True):
        our_item = ours_by_id[chosen[kind].id]
        assert list(metadata_of(our_item)) == list(metadata_of(their_item)), kind
        for part in ("presentation", "resprocessing"):
            assert shape(our_item.find(f"{QTI}{part}")) == shape(their_item.find(f"{QTI}{part}")), (
                kind,
                part,
            )


STRUCTURAL_ATTRIBUTES = ("rcardinality", "fibtype", "continue", "action", "varname", "feedbacktype")


def shape(element: etree._Element, depth: int = 0) -> list[str]:
    """An element tree with its texts and identifiers left out: tags and structural attributes."""
    attributes = ",".join(
        f"{name}={element.get(name)}" for name in STRUCTURAL_ATTRIBUTES if element.get(name)
    )
    lines = [f"{'  ' * depth}{etree.QName(element).localname}[{attributes}]"]
    for child in element:
        lines += shape(child, depth + 1)
    return lines


# --------------------------------------------------------------------------- determinism, CLI


def test_the_same_facts_and_epoch_give_the_same_bytes(bundled: LmsBuild, tmp_path: Path) -> None:
    again = build_lms(BUNDLED_FACTS, tmp_path)
    names = sorted(path.name for path in bundled.out.iterdir() if not path.name.startswith("."))
    assert names == sorted(
        path.name for path in again.out.iterdir() if not path.name.startswith(".")
    )
    assert any(name.endswith("-qti.zip") for name in names)
    for name in names:
        assert (bundled.out / name).read_bytes() == (again.out / name).read_bytes(), name


def test_each_deck_gets_one_file_per_platform_format(bundled: LmsBuild) -> None:
    for deck in bundled.decks("moodle"):
        for suffix in ("-moodle.xml", "-gift.txt", "-qti.zip"):
            assert (bundled.out / f"{deck.slug}{suffix}").is_file()
    assert BUNDLED_DECKS.is_dir()


def test_a_platform_quiz_asks_each_claim_once_as_the_printed_test_does(bundled: LmsBuild) -> None:
    by_id = {question.id: question for question in bundled.bank.questions}
    for deck in bundled.decks("moodle"):
        _, *elements = moodle_questions(bundled.out / f"{deck.slug}-moodle.xml")
        claims = [by_id[text_of(element, "idnumber")].claim_id for element in elements]
        assert len(claims) == len(set(claims)), deck.name
        assert len(claims) < len(deck.questions), "the deck's bank holds several forms of a claim"


def test_moodle_keeps_years_and_figures_in_their_order_and_shuffles_the_rest(
    tmp_path: Path,
) -> None:
    """Moodle shuffles a question's answers for each student unless told not to: figures in a
    jumble (1,432.0 before 778.5 million km) are told not to be, names are."""
    build = build_lms(ASTRONOMY_FACTS, tmp_path)
    by_id = {q.id: q for q in build.bank.questions}
    shuffles: dict[bool, set[str]] = {True: set(), False: set()}
    for path in build.out.glob("*-moodle.xml"):
        for element in moodle_questions(path):
            if element.get("type") != "multichoice":
                continue
            question = by_id[text_of(element, "idnumber")]
            numeric = all(parse_number(choice) is not None for choice in question.choices)
            shuffles[numeric].add(text_of(element, "shuffleanswers"))
    assert shuffles[True] == {"false"}
    assert shuffles[False] == {"true"}
