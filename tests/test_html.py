"""The HTML self-test's files: one self-contained page per deck, an index, safe and stable bytes."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import stat
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BUNDLED_DECKS, BUNDLED_FACTS, FIXTURES, HOSTILE_FACTS, run_quizgen
from quizgen.errors import ExportError
from quizgen.exporters import BuildOptions, get_exporter
from quizgen.exporters.html import HtmlExporter, question_data
from quizgen.questions.assembly import form_problems
from quizgen.questions.model import ClozeBlank, Deck, Kind, Question, QuestionBank, SourceNote

HOSTILE_SCRIPT = "<script>window.__pwned = 1</script>Scriptland"
HOSTILE_IMAGE = '<img src=x onerror="window.__pwned=2">Imageland'
SOURCE = SourceNote(title="Test notes & <i>marked</i>", quote="x < y && y > z", reference="p. 1")


def make_question(kind: Kind, number: int, **fields: object) -> Question:
    values: dict[str, object] = {
        "id": f"q-{kind.value}-{number}",
        "kind": kind,
        "prompt": f"Prompt {number}",
        "answer": (),
        "explanation": f"Because of {HOSTILE_IMAGE}.",
        "source": SOURCE,
        "fact_ids": (f"fact-{number}",),
        "template": f"template-{kind.value}",
    }
    values.update(fields)
    return Question(**values)  # type: ignore[arg-type]


def sample_questions() -> tuple[Question, ...]:
    """One question of every kind, their text as hostile as the facts fixture."""
    return (
        make_question(
            Kind.SINGLE,
            1,
            prompt=f"Which state is {HOSTILE_SCRIPT}'s neighbour?",
            choices=("Россия", HOSTILE_IMAGE, "Trinidad & Tobago", "Ελλάδα"),
            answer=(HOSTILE_IMAGE,),
        ),
        make_question(
            Kind.MULTIPLE,
            2,
            prompt="Which were members of The {{ curly }} & <angle> Club?",
            choices=("Azərbaycan", "Türkiye", "Less<Than", "Россия"),
            answer=("Azərbaycan", "Россия"),
        ),
        make_question(
            Kind.TRUE_FALSE,
            3,
            prompt='True or false: the Pact of "Quotes" & <Tags> was signed in 2001.',
            choices=("True", "False"),
            answer=("True",),
        ),
        make_question(
            Kind.YEAR,
            4,
            prompt="In which year was the Accord Ωμέγα signed?",
            choices=("2003", "2004", "2005", "2006"),
            answer=("2005",),
        ),
        make_question(
            Kind.YEAR,
            5,
            prompt="In which year was the Хартия signed? Type it.",
            answer=("2011",),
        ),
        make_question(
            Kind.SHORT,
            6,
            prompt="Who chairs the Club?",
            answer=("Élise O'Brien-Łukasz",),
            accept=("Elise O'Brien",),
        ),
        make_question(
            Kind.CLOZE,
            7,
            prompt="In markup, ___ breaks a line and ___ is a space.",
            prompt_parts=("In markup, ", " breaks a line and ", " is a space."),
            blanks=(ClozeBlank("<br/>"), ClozeBlank("&nbsp;", accept=("nbsp",))),
            answer=("<br/>", "&nbsp;"),
        ),
        make_question(
            Kind.MATCHING,
            8,
            prompt="Match each document with the year it was signed.",
            pairs=(
                ('Pact of "Quotes" & <Tags>', "2001"),
                ("Accord Ωμέγα", "2005"),
                ("Хартия", "2011"),
            ),
            choices=("2011", "2001", "2005"),
            answer=("2001", "2005", "2011"),
        ),
        make_question(
            Kind.ORDERING,
            9,
            prompt="Put these events in order, earliest first.",
            order=(
                "Summit </textarea><script>alert(1)</script>",
                "Talks in Bakı",
                'Forum & "fair"',
            ),
            choices=(
                'Forum & "fair"',
                "Summit </textarea><script>alert(1)</script>",
                "Talks in Bakı",
            ),
            answer=(
                "Summit </textarea><script>alert(1)</script>",
                "Talks in Bakı",
                'Forum & "fair"',
            ),
        ),
    )


def sample_bank(language: str = "en") -> QuestionBank:
    questions = sample_questions()
    choice_kinds = (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.YEAR)
    decks = (
        Deck(
            name="Hostile::Every kind",
            slug="hostile-every-kind",
            title="Every kind <of> question & more",
            description="One question of each kind, with text that tries to break the page.",
            questions=questions,
            seed=7,
        ),
        Deck(
            name="Hostile::Choices",
            slug="hostile-choices",
            title="Choices only",
            description="",
            questions=tuple(q for q in questions if q.kind in choice_kinds),
            seed=8,
        ),
    )
    return QuestionBank(
        title="Hostile <b>text</b> & friends",
        description="Every string here must appear exactly as written.",
        questions=questions,
        decks=decks,
        seed=7,
        slug="hostile",
        language=language,
        generated_at=1_700_000_000,
    )


def write_sample(folder: Path, bank: QuestionBank | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    options = BuildOptions(seed=7, epoch=1_700_000_000)
    return HtmlExporter().write(bank or sample_bank(), folder, options)


class PageParts(HTMLParser):
    """Collects what a test needs from a page: its CSP, inline blocks, texts and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.csp = ""
        self.lang = ""
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.links: list[str] = []
        self.external_refs: list[str] = []
        self.inline_handlers: list[str] = []
        self._open: tuple[str, dict[str, str | None]] | None = None
        self._buffer: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang") or ""
        if tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy":
            self.csp = attributes.get("content") or ""
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        if tag in ("img", "iframe", "link", "script") and attributes.get("src"):
            self.external_refs.append(f"{tag} src")
        if tag == "link" and attributes.get("href"):
            self.external_refs.append("link href")
        self.inline_handlers += [name for name in attributes if name.startswith("on")]
        if tag in ("script", "style"):
            self._open = (tag, attributes)
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[0]:
            body = "".join(self._buffer)
            if tag == "script":
                self.scripts.append((self._open[1], body))
            else:
                self.styles.append(body)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._buffer.append(data)
        else:
            self.text.append(data)


def parse_page(path: Path) -> PageParts:
    parts = PageParts()
    parts.feed(path.read_text(encoding="utf-8"))
    return parts


def embedded_data(parts: PageParts) -> dict[str, object]:
    blocks = [body for attrs, body in parts.scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    data: dict[str, object] = json.loads(blocks[0])
    return data


def sha256_source(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def test_the_html_format_is_registered_and_writes_one_page_per_deck_and_an_index(
    tmp_path: Path,
) -> None:
    exporter = get_exporter("html")
    written = exporter.write(sample_bank(), tmp_path, BuildOptions(seed=7, epoch=1_700_000_000))

    names = sorted(path.name for path in written)
    assert names == ["hostile-choices.html", "hostile-every-kind.html", "index.html"]
    assert sorted(path.name for path in tmp_path.iterdir()) == names
    assert all(path.parent == tmp_path for path in written)


def test_every_page_is_self_contained_and_its_policy_allows_only_its_own_inline_code(
    tmp_path: Path,
) -> None:
    for path in write_sample(tmp_path):
        parts = parse_page(path)
        assert parts.external_refs == [], path.name
        assert parts.inline_handlers == [], path.name
        assert "'unsafe-inline'" not in parts.csp and "'unsafe-eval'" not in parts.csp
        directives = dict(d.strip().split(" ", 1) for d in parts.csp.split(";"))
        assert directives["default-src"] == "'none'"
        assert [sha256_source(style) for style in parts.styles] == [directives["style-src"]]
        code = [body for attrs, body in parts.scripts if attrs.get("type") != "application/json"]
        expected_script_src = " ".join(sha256_source(body) for body in code) or "'none'"
        assert directives["script-src"] == expected_script_src, path.name
        # Links lead only to the other pages of the self-test.
        assert all(not re.match(r"^[a-z]+:", link) for link in parts.links), parts.links


def test_the_deck_page_embeds_every_question_once_as_json_and_no_markup_per_question(
    tmp_path: Path,
) -> None:
    write_sample(tmp_path)
    page = tmp_path / "hostile-every-kind.html"
    parts = parse_page(page)
    data = embedded_data(parts)

    bank = sample_bank()
    deck = bank.decks[0]
    assert data["questions"] == [
        question_data(q)
        | {"claim": q.claim_id or q.id, "theme": q.tags[0] if q.tags else deck.title}
        for q in deck.questions
    ]
    # Each fresh round is an assembled test: one question per claim, none giving another away.
    for round_ids in data["rounds"]:
        form = [next(q for q in deck.questions if q.id == qid) for qid in round_ids]
        assert form_problems(form, deck.blueprint) == []
    html_text = page.read_text(encoding="utf-8")
    # Questions are rendered by the script, so no prompt appears outside the JSON block.
    outside_json = "".join(parts.text)
    assert all(q.prompt not in outside_json for q in deck.questions)
    # The JSON cannot close its own script element or open a new one.
    json_block = html_text.split('type="application/json"', 1)[1].split("</script>", 1)[0]
    assert "<" not in json_block.partition(">")[2]


def test_hostile_titles_are_escaped_in_the_markup(tmp_path: Path) -> None:
    write_sample(tmp_path)
    for name in ("index.html", "hostile-every-kind.html"):
        html_text = (tmp_path / name).read_text(encoding="utf-8")
        assert "<b>text</b>" not in html_text
        assert "Hostile &lt;b&gt;text&lt;/b&gt; &amp; friends" in html_text
    deck_text = (tmp_path / "hostile-every-kind.html").read_text(encoding="utf-8")
    assert "Every kind &lt;of&gt; question &amp; more" in deck_text


def test_the_index_lists_every_deck_with_title_description_count_and_link(tmp_path: Path) -> None:
    write_sample(tmp_path)
    parts = parse_page(tmp_path / "index.html")
    text = " ".join(" ".join(parts.text).split())

    assert parts.links == ["hostile-every-kind.html", "hostile-choices.html"]
    assert "Every kind <of> question & more" in text
    assert "One question of each kind, with text that tries to break the page." in text
    assert "9 questions" in text
    assert "Choices only" in text and "5 questions" in text
    assert not [body for attrs, body in parts.scripts]


def test_the_page_language_comes_from_the_bank(tmp_path: Path) -> None:
    write_sample(tmp_path, sample_bank(language="ru"))
    for path in tmp_path.glob("*.html"):
        assert parse_page(path).lang == "ru"


def test_the_same_bank_gives_byte_identical_pages(tmp_path: Path) -> None:
    first = write_sample(tmp_path / "first")
    second = write_sample(tmp_path / "second")
    assert [p.name for p in first] == [p.name for p in second]
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes(), one.name


def test_progress_is_kept_apart_per_deck_and_per_question_content(tmp_path: Path) -> None:
    bank = sample_bank()
    write_sample(tmp_path / "before")
    # A teacher corrects one explanation in the second deck.
    first_question, *other_questions = bank.decks[1].questions
    corrected = replace(first_question, explanation="A corrected explanation.")
    changed_deck = replace(bank.decks[1], questions=(corrected, *other_questions))
    changed_bank = replace(bank, decks=(bank.decks[0], changed_deck))
    write_sample(tmp_path / "after", changed_bank)

    def storage_key(folder: str, name: str) -> str:
        parts = parse_page(tmp_path / folder / name)
        (attrs,) = [a for a, _ in parts.scripts if a.get("type") == "application/json"]
        return attrs["data-storage-key"] or ""

    keys_before = {
        storage_key("before", n) for n in ("hostile-every-kind.html", "hostile-choices.html")
    }
    assert len(keys_before) == 2
    assert storage_key("before", "hostile-every-kind.html") == storage_key(
        "after", "hostile-every-kind.html"
    )
    assert storage_key("before", "hostile-choices.html") != storage_key(
        "after", "hostile-choices.html"
    )
    assert storage_key("after", "hostile-choices.html").startswith("quizgen:hostile-choices:")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (Kind.MATCHING, 'Pact of "Quotes" & <Tags> → 2001; Accord Ωμέγα → 2005; Хартия → 2011'),
        (
            Kind.ORDERING,
            'Summit </textarea><script>alert(1)</script> → Talks in Bakı → Forum & "fair"',
        ),
        (Kind.CLOZE, "<br/> … &nbsp;"),
        (Kind.MULTIPLE, "Azərbaycan; Россия"),
        (Kind.SHORT, "Élise O'Brien-Łukasz"),
    ],
)
def test_the_feedback_names_the_right_answer_as_plain_text(kind: Kind, expected: str) -> None:
    question = next(q for q in sample_questions() if q.kind is kind)
    assert question_data(question)["answer_text"] == expected


def build_html(out: Path, facts: Path, decks: Path) -> list[Path]:
    result = run_quizgen(
        "build", "--facts", facts, "--decks", decks, "--out", out, "--format", "html", "--quiet"
    )
    assert result.exit_code == 0, result.output
    return sorted(out.glob("*.html"))


def test_building_the_bundled_topic_twice_gives_byte_identical_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build_html(tmp_path / "first", BUNDLED_FACTS, BUNDLED_DECKS)
    second = build_html(tmp_path / "second", BUNDLED_FACTS, BUNDLED_DECKS)

    assert [p.name for p in first] == [p.name for p in second]
    assert len(first) == 6  # five decks and the index
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes(), one.name


def test_built_pages_get_the_usual_file_permissions(tmp_path: Path) -> None:
    (tmp_path / "no-decks").mkdir()
    pages = build_html(tmp_path / "out", HOSTILE_FACTS, tmp_path / "no-decks")
    reference = tmp_path / "reference.txt"
    reference.write_text("made by open()", encoding="utf-8")

    assert pages
    for page in pages:
        assert stat.S_IMODE(page.stat().st_mode) == stat.S_IMODE(reference.stat().st_mode)
    assert not list((tmp_path / "out").glob(".*")), "no temporary file is left behind"


def test_every_deck_page_of_the_small_topic_is_in_its_language_and_lists_in_the_index(
    tmp_path: Path,
) -> None:
    pages = build_html(tmp_path, FIXTURES / "html" / "facts.yaml", FIXTURES / "html" / "decks")
    names = [p.name for p in pages]
    assert names == ["index.html", "schweiz-alles.html", "schweiz-daten-vertrage.html"]
    for page in pages:
        assert parse_page(page).lang == "de"
    index_links = parse_page(tmp_path / "index.html").links
    assert sorted(index_links) == names[1:]


def test_a_deck_named_index_is_refused_rather_than_overwriting_the_index(tmp_path: Path) -> None:
    bank = sample_bank()
    clashing = replace(bank, decks=(replace(bank.decks[0], slug="index"),))
    with pytest.raises(ExportError, match="index"):
        write_sample(tmp_path, clashing)
    assert list(tmp_path.iterdir()) == []
