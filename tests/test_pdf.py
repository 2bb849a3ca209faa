"""The printed quiz and answer key, opened as a teacher would: text, fonts, pages and pictures."""

from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from click.testing import Result
from PIL import Image

from conftest import BUNDLED_DECKS, BUNDLED_FACTS, FIXTURES, HOSTILE_FACTS, run_quizgen
from pdf_banks import EVERY_KIND, LONG_OPTIONS, STATES, bank_of, question, thirty_question_exam
from quizgen.build import BuildRequest, decks_for_format, make_bank
from quizgen.errors import ExportError
from quizgen.exporters import BuildOptions
from quizgen.exporters import pdf as pdf_exporter
from quizgen.exporters.pdf import PdfExporter
from quizgen.questions.answer_view import answer_view
from quizgen.questions.assembly import assemble_form
from quizgen.questions.model import Kind, Question, QuestionBank

EPOCH = 1_700_000_000
BLACK = {(0,), (0, 0, 0)}
FOOTER = re.compile(r"Version ([A-Z]) - page (\d+) of (\d+)")


# --- reading a PDF the way a teacher's tools do ---------------------------------------------------


def export(bank: QuestionBank, folder: Path, **options: object) -> tuple[Path, Path]:
    settings = BuildOptions(seed=7, epoch=EPOCH, **options)  # type: ignore[arg-type]
    written = PdfExporter().write(bank, folder, settings)
    slug = bank.decks[0].slug
    assert sorted(p.name for p in written) == sorted([f"{slug}-key.pdf", f"{slug}-quiz.pdf"])
    return folder / f"{slug}-quiz.pdf", folder / f"{slug}-key.pdf"


def run(*command: str | Path) -> str:
    return subprocess.run(
        [str(part) for part in command], check=True, capture_output=True, text=True
    ).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def pages_text(pdf: Path) -> list[str]:
    """Each page's text as pdftotext lays it out (options of a row stay on one line)."""
    return run("pdftotext", "-layout", pdf, "-").split("\f")[:-1]


def text_by_version(pdf: Path) -> dict[str, str]:
    """The text of each version's pages, found by their footers, in page order."""
    versions: dict[str, str] = {}
    for page in pages_text(pdf):
        footer = FOOTER.search(page)
        assert footer, f"a page without the version footer:\n{page}"
        versions[footer[1]] = versions.get(footer[1], "") + page
    return versions


def prompt_order(version_text: str, questions: tuple[Question, ...]) -> list[str]:
    """Question ids in the order their prompts appear; each prompt must appear exactly once."""
    text = flat(version_text)
    positions = {}
    for q in questions:
        assert text.count(flat(q.prompt)) == 1, f"{q.prompt!r} is not printed exactly once"
        positions[q.id] = text.index(flat(q.prompt))
    return sorted(positions, key=positions.__getitem__)


def block_of(version_text: str, q: Question, questions: tuple[Question, ...]) -> str:
    """The flattened text of one printed question: from its prompt to the next question's."""
    text = flat(version_text)
    start = text.index(flat(q.prompt))
    later = [text.find(flat(other.prompt), start + 1) for other in questions if other is not q]
    return text[start : min((i for i in later if i > start), default=len(text))]


def letter_before(block: str, option: str) -> str:
    """The letter or number printed before an item: ``B Azərbaycan``, ``1. Хартия``."""
    found = re.findall(rf"(?<!\S)([A-Z]|\d+)\.? {re.escape(option)}(?!\S)", block)
    assert len(found) == 1, f"{option!r} printed {len(found)} times with a letter"
    return str(found[0])


# --- the tests ---------------------------------------------------------------------------------


def test_every_version_prints_every_question_once_in_its_own_numbered_order(tmp_path: Path) -> None:
    quiz, _ = export(bank_of(EVERY_KIND), tmp_path, versions=3)
    versions = text_by_version(quiz)
    assert sorted(versions) == ["A", "B", "C"]
    orders = {letter: prompt_order(text, EVERY_KIND) for letter, text in versions.items()}
    assert orders["A"] != [q.id for q in EVERY_KIND], "version A is shuffled too"
    assert orders["B"] != orders["A"] and orders["C"] != orders["A"] and orders["B"] != orders["C"]
    for letter, text in versions.items():
        # Question numbers hang in the margin; matching items' numbers are indented.
        numbers = [int(n) for n in re.findall(r"^(\d+)\.\s", text, flags=re.MULTILINE)]
        assert numbers == list(range(1, len(EVERY_KIND) + 1)), letter


def test_each_version_starts_on_a_new_page_with_its_header(tmp_path: Path) -> None:
    quiz, _ = export(thirty_question_exam(), tmp_path, versions=2)
    pages = pages_text(quiz)
    first_pages = [page for page in pages if re.search(r"Version [AB] - page 1 of", page)]
    assert len(first_pages) == 2
    for page, letter in zip(first_pages, "AB", strict=True):
        assert re.search(rf"Version {letter}\s", page)
        for label in ("Name", "Class", "Date", "Score", "/ 30", "The Collective Security Treaty"):
            assert label in page
    # The footer counts each version's own pages: A 1..n, then B 1..n again.
    footers = [FOOTER.search(page).groups() for page in pages]  # type: ignore[union-attr]
    per_version = {letter: [f for f in footers if f[0] == letter] for letter in "AB"}
    for letter, found in per_version.items():
        total = len(found)
        assert [(f[1], f[2]) for f in found] == [(str(i), str(total)) for i in range(1, total + 1)]
        assert letter in "AB"


def key_grid(key: Path) -> dict[str, dict[int, str]]:
    """The first page's grid as {version letter: {question number: answer}}, read by pdfplumber."""
    with pdfplumber.open(key) as pdf:
        tables = pdf.pages[0].extract_tables()
    grid: dict[str, dict[int, str]] = {}
    for table in tables:
        header, *rows = table
        assert header[0] == "No."
        for row in rows:
            if row[0]:
                for letter, cell in zip(header[1:], row[1:], strict=True):
                    grid.setdefault(str(letter), {})[int(str(row[0]))] = flat(str(cell))
    return grid


def test_the_key_grid_gives_each_versions_answers_as_printed_on_its_paper(tmp_path: Path) -> None:
    quiz, key = export(bank_of(EVERY_KIND), tmp_path, versions=3)
    form = assemble_form(bank_of(EVERY_KIND).decks[0])
    grid = key_grid(key)
    assert sorted(grid) == sorted(text_by_version(quiz)) == ["A", "B", "C"]
    by_kind = {q.kind: q for q in form}
    for letter, paper in text_by_version(quiz).items():
        number = {qid: n for n, qid in enumerate(prompt_order(paper, form), start=1)}
        cells = {kind: grid[letter][number[q.id]] for kind, q in by_kind.items()}
        assert sorted(grid[letter]) == list(range(1, len(form) + 1))
        single = by_kind[Kind.SINGLE]
        assert cells[Kind.SINGLE] == letter_before(block_of(paper, single, form), single.answer[0])
        multiple = by_kind[Kind.MULTIPLE]
        block = block_of(paper, multiple, form)
        assert cells[Kind.MULTIPLE] == ", ".join(
            sorted(letter_before(block, text) for text in multiple.answer)
        )
        assert cells[Kind.YEAR] == "1997"
        assert cells[Kind.SHORT] == "ampersand"
        assert cells[Kind.CLOZE] == "(1) <br/>; (2) &nbsp;"
        if Kind.TRUE_FALSE in by_kind:
            assert cells[Kind.TRUE_FALSE] == "True"
        if Kind.MATCHING in by_kind:
            matching = by_kind[Kind.MATCHING]
            block = block_of(paper, matching, form)
            pairs = ", ".join(
                f"{letter_before(block, left)}-{letter_before(block, right)}"
                for left, right in sorted(matching.pairs, key=lambda pair: block.index(pair[0]))
            )
            assert cells[Kind.MATCHING] == pairs
        if Kind.ORDERING in by_kind:
            order = by_kind[Kind.ORDERING].order
            printed = sorted(order, key=block_of(paper, by_kind[Kind.ORDERING], form).index)
            assert cells[Kind.ORDERING] == " ".join(str(order.index(item) + 1) for item in printed)


def test_the_key_spells_each_answer_out_once_with_its_number_in_every_version(
    tmp_path: Path,
) -> None:
    quiz, key = export(bank_of(EVERY_KIND), tmp_path, versions=3)
    form = assemble_form(bank_of(EVERY_KIND).decks[0])
    answers = flat("".join(pages_text(key)).split("Answers in full", 1)[1])
    in_full, sources = answers.split("Sources", 1)
    numbers = {
        letter: {qid: n for n, qid in enumerate(prompt_order(paper, form), start=1)}
        for letter, paper in text_by_version(quiz).items()
    }
    for q in form:
        prompt = flat(q.prompt)
        assert in_full.count(prompt) == 1, q.id
        others = ", ".join(f"{letter}: {numbers[letter][q.id]}" for letter in "BC")
        assert f"{numbers['A'][q.id]}. {prompt} (in {others})" in in_full, q.id
    assert in_full.count("Answer: 1997") == 1
    assert "Answer: ampersand Also accepted: “&”, “and sign”" in in_full
    assert "Answer: (1) <br/>; (2) &nbsp; Also accepted: “(2) &#160;”" in in_full
    # One source, cited by number after each explanation and listed once at the end.
    assert sources.count("Test notes “quoted” & <i>marked</i>") == 1
    assert "Test notes" not in in_full and "[1]" in in_full


def test_the_key_has_a_grid_for_fast_grading(tmp_path: Path) -> None:
    bank = thirty_question_exam()
    quiz, key = export(bank, tmp_path)
    paper = text_by_version(quiz)["A"]
    cells = key_grid(key)["A"]
    assert sorted(cells) == list(range(1, 31))
    for number, q in enumerate(assemble_form(bank.decks[0]), start=1):
        block = block_of(paper, q, bank.questions)
        assert letter_before(block, q.answer[0]) == cells[number], number


def page_count(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf))[1])  # type: ignore[index]


def test_a_30_question_exam_in_3_versions_prints_3_pages_a_version_and_a_5_page_key(
    tmp_path: Path,
) -> None:
    quiz, key = export(thirty_question_exam(), tmp_path, versions=3)
    footers = [FOOTER.search(page) for page in pages_text(quiz)]
    per_version = Counter(footer[1] for footer in footers if footer)
    assert sorted(per_version) == ["A", "B", "C"]
    assert max(per_version.values()) <= 3, per_version
    assert page_count(key) <= 5
    grid = key_grid(key)
    assert sorted(grid) == ["A", "B", "C"], "the grid on the first page lists every version"
    assert all(sorted(column) == list(range(1, 31)) for column in grid.values())


def test_a_key_grid_longer_than_a_page_goes_on_over_pages_each_with_its_header(
    tmp_path: Path,
) -> None:
    questions = tuple(
        question(
            f"step-{n:03d}:single",
            Kind.SINGLE,
            f"Which state joined the organisation in step {n} of its enlargement?",
            (STATES[n % len(STATES)],),
            choices=tuple(STATES[(n + k) % len(STATES)] for k in range(4)),
        )
        for n in range(130)
    )
    bank = bank_of(questions)
    quiz, key = export(bank, tmp_path, versions=3)
    rows: list[list[str]] = []
    grid_pages = 0
    with pdfplumber.open(key) as pdf:
        for page in pdf.pages:
            tables = page.extract_tables()
            if not tables:
                break
            grid_pages += 1
            for header, *table_rows in tables:
                assert header == ["No.", "A", "B", "C"], header
                rows += [row for row in table_rows if row[0]]
    assert grid_pages >= 2, "130 rows do not fit one page"
    # Every number once, in one line (three digits fit the number column), read across pages.
    assert sorted(int(str(row[0])) for row in rows) == list(range(1, 131))
    paper = text_by_version(quiz)["A"]
    form = assemble_form(bank.decks[0])
    for row in rows:
        q = form[int(str(row[0])) - 1]
        assert letter_before(block_of(paper, q, questions), q.answer[0]) == row[1], row


def test_versions_shuffle_options_but_true_stays_before_false(tmp_path: Path) -> None:
    bank = thirty_question_exam()
    quiz, _ = export(bank, tmp_path, versions=3)
    versions = text_by_version(quiz)
    letters_a = [
        letter_before(block_of(versions["A"], q, bank.questions), q.answer[0])
        for q in bank.questions
    ]
    letters_b = [
        letter_before(block_of(versions["B"], q, bank.questions), q.answer[0])
        for q in bank.questions
    ]
    assert letters_a != letters_b
    tf_quiz, _ = export(bank_of(EVERY_KIND), tmp_path / "tf", versions=5)
    for text in text_by_version(tf_quiz).values():
        line = next(line for line in text.splitlines() if "True" in line)
        assert re.search(r"True\s+False", line)


def test_a_rebuild_is_byte_identical_and_dated_by_the_build_epoch(tmp_path: Path) -> None:
    first = export(bank_of(EVERY_KIND), tmp_path / "first", versions=2)
    second = export(bank_of(EVERY_KIND), tmp_path / "second", versions=2)
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes()
    info = run("pdfinfo", "-isodates", first[0])
    assert re.search(r"CreationDate:\s+2023-11-14T22:13:20Z", info)
    reseeded = PdfExporter().write(
        bank_of(EVERY_KIND), tmp_path / "reseeded", BuildOptions(seed=8, versions=2, epoch=EPOCH)
    )
    assert reseeded[0].read_bytes() != first[0].read_bytes()


def test_files_laid_out_on_both_cores_are_those_laid_out_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = bank_of(EVERY_KIND)
    in_one = export(bank, tmp_path / "one", versions=3)
    contexts: list[str] = []
    fork_context = multiprocessing.get_context

    def recorded(method: str) -> Any:
        contexts.append(method)
        return fork_context(method)

    monkeypatch.setattr(multiprocessing, "get_context", recorded)
    monkeypatch.setattr(pdf_exporter, "FORK_WORTH_QUESTIONS", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    forked = export(bank, tmp_path / "forked", versions=3)
    assert contexts == ["fork"], "the files were laid out by forked workers"
    for one, other in zip(in_one, forked, strict=True):
        assert one.read_bytes() == other.read_bytes()


def test_every_font_is_embedded_dejavu_and_no_base14_font_is_listed(tmp_path: Path) -> None:
    for pdf in export(bank_of(EVERY_KIND), tmp_path, versions=2):
        rows = run("pdffonts", pdf).splitlines()[2:]
        assert rows, "no fonts listed"
        for row in rows:
            name, emb = row.split()[0], row.split()[-5]
            assert "DejaVuSans" in name and emb == "yes", row
            assert not re.search(r"Helvetica|Times|Courier|Symbol|Dingbats", row)


def test_every_page_renders_and_none_is_blank(tmp_path: Path) -> None:
    quiz, key = export(thirty_question_exam(), tmp_path, versions=2)
    for pdf in (quiz, key):
        run("pdftoppm", "-png", "-r", "40", pdf, tmp_path / pdf.stem)
        images = sorted(tmp_path.glob(f"{pdf.stem}-*.png"))
        assert len(images) == int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf))[1])  # type: ignore[index]
        for image_path in images:
            with Image.open(image_path) as image:
                # Above the footer: a page with nothing but "page X of Y" is a blank page.
                body = image.convert("L").crop((0, 0, image.width, int(image.height * 0.9)))
                dark = sum(body.histogram()[:128])
            assert dark > 300, f"{image_path.name} looks blank ({dark} dark pixels)"


def test_hostile_and_non_latin_text_prints_literally(tmp_path: Path) -> None:
    quiz, key = export(bank_of(EVERY_KIND), tmp_path)
    quiz_text, key_text = flat("".join(pages_text(quiz))), flat("".join(pages_text(key)))
    for expected in (
        "Hostile <b>text</b> & friends",
        "Every kind <of> question & more",
        "The {{ curly }} & <angle> Club",
        "Trinidad & Tobago",
        "Azərbaycan",
        "Россия",
        "Ελλάδα",
        "Türkiye",
        "<script>window.__pwned = 1</script>Scriptland",
        'Pact of "Quotes" & <Tags>',
        "Accord Ωμέγα",
        "“&amp;”",
    ):
        assert expected in quiz_text, expected
    for expected in (
        "<b>not</b> bold",
        "<br/>",
        "&nbsp;",
        "Test notes “quoted” & <i>marked</i>",
        "x < y && y > z",
    ):
        assert expected in key_text, expected


def test_a_character_the_font_lacks_fails_naming_it_and_the_question(tmp_path: Path) -> None:
    cjk = question(
        "tokyo:single",
        Kind.SINGLE,
        "Which city is written 東京?",
        ("Tokyo",),
        choices=("Tokyo", "Kyoto 🦄", "Osaka", "Nagoya"),
    )
    with pytest.raises(ExportError) as failure:
        PdfExporter().write(bank_of((*EVERY_KIND, cjk)), tmp_path, BuildOptions())
    message = failure.value.format_message()
    assert "question tokyo:single ('Which city is written 東京?')" in message
    assert "U+6771 '東', U+4EAC '京', U+1F984 '🦄'" in message
    assert "club:single" not in message, "only the questions that cannot print are named"
    assert list(tmp_path.iterdir()) == [], "nothing is written"


def test_letter_paper_gives_letter_sized_pages(tmp_path: Path) -> None:
    for pdf in export(bank_of(EVERY_KIND), tmp_path, paper="letter"):
        assert "612 x 792 pts (letter)" in run("pdfinfo", pdf)
    for pdf in export(bank_of(EVERY_KIND), tmp_path / "a4"):
        assert "(A4)" in run("pdfinfo", pdf)


def exam_of_long_questions() -> QuestionBank:
    """The hardest case for paper: every prompt two lines, every option a full line."""
    prompt = (
        "According to the article, which of these best describes provision {} of the "
        "Collective Security Treaty as it was read in the 1990s?"
    )
    questions = tuple(
        question(
            f"long-{n:02d}:single",
            Kind.SINGLE,
            prompt.format(n),
            (LONG_OPTIONS[0],),
            choices=LONG_OPTIONS,
        )
        for n in range(30)
    )
    return replace(
        thirty_question_exam(),
        questions=questions,
        decks=(replace(thirty_question_exam().decks[0], questions=questions),),
    )


@pytest.mark.parametrize(
    "bank",
    [thirty_question_exam(), exam_of_long_questions()],
    ids=["mixed-options", "long-options"],
)
def test_a_30_question_4_option_exam_fits_4_a4_pages_without_cramming(
    bank: QuestionBank, tmp_path: Path
) -> None:
    quiz, _ = export(bank, tmp_path)
    with pdfplumber.open(quiz) as pdf:
        assert len(pdf.pages) <= 4, f"{len(pdf.pages)} pages"
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["fontname", "size", "non_stroking_color"])
            black = [w for w in words if tuple(w["non_stroking_color"] or (0,)) in BLACK]
            assert min(w["size"] for w in black) >= 9.5, "question text is at least 9.5 pt"
            # No question is split: every bold number on a page has its four option letters there.
            bold = [w["text"] for w in words if w["fontname"].endswith("DejaVuSans-Bold")]
            numbers = [t for t in bold if re.fullmatch(r"\d+\.", t)]
            letters = [
                w["text"]
                for w in words
                if w["fontname"].endswith("DejaVuSans-Bold")
                and w["text"] in {"A", "B", "C", "D"}
                and w["size"] < 11
            ]
            assert numbers and len(letters) == 4 * len(numbers)


# --- through the command line, from facts files ---------------------------------------------------


def build_pdf(facts: Path, decks: Path, out: Path, *more: str) -> Result:
    return run_quizgen(
        "build",
        "--facts",
        facts,
        "--decks",
        decks,
        "--out",
        out,
        "--format",
        "pdf",
        "--quiet",
        *more,
    )


def printed_marker(q: Question) -> str:
    """Text that the quiz prints for a question: its prompt, or a cloze sentence's longest part."""
    if q.kind is Kind.CLOZE and q.prompt_parts:
        return flat(max(q.prompt_parts, key=len))
    return flat(q.prompt)


def printed_order(version_text: str, questions: tuple[Question, ...]) -> list[str]:
    text = flat(version_text)
    return sorted((printed_marker(q) for q in questions), key=text.index)


def test_the_bundled_topic_prints_a_quiz_and_a_key_for_every_deck(tmp_path: Path) -> None:
    result = build_pdf(BUNDLED_FACTS, BUNDLED_DECKS, tmp_path, "--versions", "2")
    assert result.exit_code == 0, result.output
    whole_bank = make_bank(BuildRequest(BUNDLED_FACTS, BUNDLED_DECKS, tmp_path, ("pdf",)))
    bank = decks_for_format(whole_bank, "pdf")
    not_printed = [deck for deck in whole_bank.decks if deck not in bank.decks]
    # The whole-topic deck is for review on screen; the thematic decks are the printed quizzes.
    assert [deck.slug for deck in not_printed] == ["csto-whole-topic"]
    assert not (tmp_path / "csto-whole-topic-quiz.pdf").exists()
    assert len(bank.decks) == len(list(BUNDLED_DECKS.glob("*.yaml"))) - 1
    for deck in bank.decks:
        quiz, key = tmp_path / f"{deck.slug}-quiz.pdf", tmp_path / f"{deck.slug}-key.pdf"
        quiz_versions = text_by_version(quiz)
        assert sorted(quiz_versions) == sorted(key_grid(key)) == ["A", "B"], deck.name
        key_text = flat("".join(pages_text(key)))
        form = assemble_form(deck)
        for letter, text in quiz_versions.items():
            printed = flat(text)
            for q in form:
                expected = sum(printed_marker(q) == printed_marker(o) for o in form)
                assert printed.count(printed_marker(q)) >= expected, (deck.name, letter, q.id)
        orders = [printed_order(text, form) for text in quiz_versions.values()]
        assert orders[0] != orders[1], f"versions of {deck.name} print the same order"
        typed = [q for q in form if q.kind in (Kind.YEAR, Kind.SHORT)]
        for q in typed:
            assert f"Answer: {flat(q.answer[0])}" in key_text, q.id


def test_the_hostile_topic_prints_every_text_literally(tmp_path: Path) -> None:
    decks = tmp_path / "no-decks"
    decks.mkdir()
    result = build_pdf(HOSTILE_FACTS, decks, tmp_path / "out")
    assert result.exit_code == 0, result.output
    (quiz,) = (tmp_path / "out").glob("*-quiz.pdf")
    (key,) = (tmp_path / "out").glob("*-key.pdf")
    bank = make_bank(BuildRequest(HOSTILE_FACTS, decks, tmp_path, ("pdf",)))
    quiz_text = flat("".join(pages_text(quiz)))
    key_text = flat("".join(pages_text(key)))
    assert "Hostile <b>text</b> & friends" in quiz_text
    for q in assemble_form(bank.decks[0]):
        assert printed_marker(q) in quiz_text, q.id
        assert printed_marker(q) in key_text, q.id
    for rows in (run("pdffonts", quiz), run("pdffonts", key)):
        assert not re.search(r"Helvetica|Times|Courier", rows)


def test_a_missing_glyph_stops_the_build_with_a_clear_error(tmp_path: Path) -> None:
    decks = tmp_path / "no-decks"
    decks.mkdir()
    out = tmp_path / "out"
    result = build_pdf(FIXTURES / "pdf" / "missing-glyph" / "facts.yaml", decks, out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "U+6771 '東', U+4EAC '京', U+1F984 '🦄'" in result.output
    assert re.search(r"question \S+ \('.*東京 Region 🦄.*'\)", result.output)
    assert "no PDF was written" in result.output
    assert not list(out.glob("**/*.pdf"))


def test_a_rebuild_from_the_same_facts_is_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    decks = tmp_path / "no-decks"
    decks.mkdir()
    for out in ("first", "second"):
        result = build_pdf(HOSTILE_FACTS, decks, tmp_path / out, "--versions", "3")
        assert result.exit_code == 0, result.output
    first = sorted((tmp_path / "first").glob("*.pdf"))
    assert first
    for pdf in first:
        assert pdf.read_bytes() == (tmp_path / "second" / pdf.name).read_bytes(), pdf.name


def test_paper_letter_from_the_command_line(tmp_path: Path) -> None:
    result = build_pdf(
        BUNDLED_FACTS,
        BUNDLED_DECKS,
        tmp_path,
        "--paper",
        "letter",
        "--deck",
        "CSTO::Treaties and dates",
    )
    assert result.exit_code == 0, result.output
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        assert "612 x 792 pts (letter)" in run("pdfinfo", pdf)


def test_every_version_prints_years_and_figures_in_their_order(tmp_path: Path) -> None:
    """Versions shuffle options, but "The 12th century, The 9th century, The 11th century" is a
    jumble no test writer prints: numbers keep their order in every version."""
    centuries = ("The 9th century", "The 10th century", "The 11th century", "The 12th century")
    genji = question(
        "genji:century",
        Kind.SINGLE,
        "In which century was The Tale of Genji written?",
        ("The 11th century",),
        choices=centuries,
    )
    quiz, _ = export(bank_of((genji, *EVERY_KIND)), tmp_path, versions=4)
    for letter, text in text_by_version(quiz).items():
        block = block_of(text, genji, (genji, *EVERY_KIND))
        positions = [block.index(century) for century in centuries]
        assert positions == sorted(positions), (letter, block)


def test_numbers_in_order_are_told_from_words_that_hold_a_number() -> None:
    """BC centuries run down to the 1st and on into AD; "Apollo 8, Apollo 11" open with a word
    and are shuffled like any names."""
    centuries = (
        "The 3rd century BC",
        "The 2nd century BC",
        "The 1st century BC",
        "The 1st century AD",
    )
    livy = question(
        "livy:century", Kind.SINGLE, "In which century?", centuries[2:3], choices=centuries
    )
    assert answer_view(livy).options_in_order
    apollo = ("Apollo 8", "Apollo 11", "Apollo 12", "Apollo 13")
    moon = question("moon:mission", Kind.SINGLE, "Which mission?", apollo[1:2], choices=apollo)
    assert not answer_view(moon).options_in_order
