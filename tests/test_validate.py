"""A teacher runs ``quizgen validate`` on a facts file: every mistake is named with its line and
column, nothing crashes, and hostile or absurd files are refused quickly and cleanly."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUNDLED_FACTS, FIXTURES, HOSTILE_FACTS, run_quizgen
from quizgen.errors import InputError
from quizgen.facts.loader import load_facts
from quizgen.facts.yaml_source import MAX_DEPTH

# Three lines every case below starts with, so each case shows only its own defect; the case's
# own text therefore starts at line 4.
HEAD = """\
format: quizgen-facts/1
topic: {title: Rivers, as_of: 2024}
sources: [{id: atlas, title: School atlas}]
"""
HEAD_WITHOUT_AS_OF = HEAD.replace(", as_of: 2024", "")
EGYPT = "  - {id: egypt, name: Egypt, type: state, source: {ref: atlas, quote: Egypt}}\n"
# A group with Egypt among its members, the membership itself left to the case.
BASIN_WITH_EGYPT = (
    HEAD
    + "entities:\n"
    + EGYPT
    + "groups:\n  - id: basin\n    name: Nile Basin Initiative\n"
    + "    source: {ref: atlas, quote: basin}\n    members:\n"
)


def alias_bomb() -> str:
    """Billion laughs: nine levels of nine aliases stand for 9**9 strings."""
    lines = ['l0: &l0 "lol"']
    for level in range(1, 10):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


BAD_FILES = [
    # -- the YAML itself -----------------------------------------------------------------------
    pytest.param(
        HEAD + "entities:\n  - id: nile\n   name: Nile\n",
        "6:4",
        "YAML syntax error",
        id="syntax-error",
    ),
    pytest.param(
        HEAD + "entities:\n  - id: nile\n\tname: Nile\n",
        "6:1",
        "a tab character is used for indentation; use spaces",
        id="tab-indentation",
    ),
    pytest.param(
        HEAD + "entities:\n" + EGYPT + "topic: {title: Again}\n",
        "6:1",
        "duplicate key 'topic'; it is already set at line 2",
        id="duplicate-top-level-key",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: egypt, name: Egypt, type: state,\n"
        "     source: {ref: atlas, quote: Egypt, quote: Misr}}\n",
        "6:41",
        "duplicate key 'quote'",
        id="duplicate-key-inside-a-source",
    ),
    pytest.param(
        HEAD.encode() + b"entities:\n  - {id: egypt, name: \xc9gypte, type: state}\n",
        "5:23",
        "byte 0xc9 is not UTF-8 text; save the file as UTF-8",
        id="latin-1-byte",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: egypt, name: Eg\x00ypt}\n",
        "5:25",
        "control character U+0000",
        id="nul-character",
    ),
    pytest.param(
        "- format\n- topic\n",
        "1:1",
        "must be a mapping of keys to values, not a list",
        id="top-level-list",
    ),
    pytest.param(
        HEAD + "entities: !!python/object/apply:os.system [echo owned]\n",
        "4:11",
        "the tag '!!python/object/apply:os.system' is not allowed",
        id="python-object-tag",
    ),
    pytest.param(
        HEAD + "entities:\n  - !river {id: nile}\n",
        "5:5",
        "the tag '!river' is not allowed",
        id="custom-tag",
    ),
    pytest.param(
        HEAD + "entities:\n" + EGYPT + "---\nformat: quizgen-facts/1\n",
        "6:1",
        "more than one YAML document",
        id="two-documents",
    ),
    pytest.param(
        alias_bomb(), "7:10", "aliases expand to more than 100,000 values", id="alias-bomb"
    ),
    pytest.param(
        HEAD + "entities: " + "[" * 200 + "]" * 200 + "\n",
        f"4:{11 + MAX_DEPTH - 1}",
        f"nested more than {MAX_DEPTH} levels deep",
        id="deep-nesting",
    ),
    pytest.param(
        HEAD + "entities:\n  - &egypt {id: egypt, name: Egypt, type: state}\n  - <<: *egypt\n",
        "6:5",
        "merge keys '<<' are not supported",
        id="merge-key",
    ),
    pytest.param(
        HEAD + "entities: &all\n  - *all\n",
        "5:5",
        "refers to a list or mapping that contains it",
        id="recursive-alias",
    ),
    # -- the facts ------------------------------------------------------------------------------
    pytest.param(
        HEAD.replace("quizgen-facts/1", "quizgen-facts/2") + "entities:\n" + EGYPT,
        "1:9",
        "unknown format 'quizgen-facts/2'",
        id="unknown-format",
    ),
    pytest.param(
        HEAD + "entitys:\n" + EGYPT,
        "4:1",
        "unknown key 'entitys' in the facts file; did you mean 'entities'?",
        id="misspelt-section",
    ),
    pytest.param(
        HEAD
        + "groups:\n  - id: basin\n    name: Nile Basin Initiative\n"
        + "    source: {ref: atlas, quote: basin}\n    memebrs: []\n",
        "8:5",
        "unknown key 'memebrs' in a group; did you mean 'members'?",
        id="misspelt-key",
    ),
    pytest.param(
        HEAD + "entities:\n  - id: nile\n    name: Nile\n    source: {ref: atlas, quote: Nile}\n",
        "5:5",
        "an entity is missing the required key 'type'",
        id="missing-required-key",
    ),
    pytest.param(
        HEAD + "entities:\n  - id: nile\n    name: [Nile, Blue Nile]\n    type: river\n"
        "    source: {ref: atlas, quote: Nile}\n",
        "6:11",
        "entity name must be text, not a list",
        id="list-instead-of-text",
    ),
    pytest.param(
        HEAD + "entities: {nile: river}\n",
        "4:11",
        "entities must be a list, not a mapping",
        id="mapping-instead-of-list",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: nile, name: Nile, type: river, attributed: maybe,\n"
        "     source: {ref: atlas, quote: Nile}}\n",
        "5:53",
        "attributed must be true or false",
        id="not-a-boolean",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: nile, name: '', type: river, "
        "source: {ref: atlas, quote: Nile}}\n",
        "5:22",
        "entity name must not be empty",
        id="empty-name",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: Nile River, name: Nile, type: river, "
        "source: {ref: atlas, quote: Nile}}\n",
        "5:10",
        "entity id 'Nile River' is not a valid id",
        id="id-with-capitals-and-space",
    ),
    pytest.param(
        HEAD
        + "documents:\n  - id: nile-waters\n    name: Nile Waters Agreement\n    kind: treaty\n"
        + "    signed: 7 May 1929\n    source: {ref: atlas, quote: 1929}\n",
        "8:13",
        "signed must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '7 May 1929'",
        id="date-in-words",
    ),
    pytest.param(
        HEAD
        + "documents:\n  - id: nile-waters\n    name: Nile Waters Agreement\n    kind: treaty\n"
        + "    signed: 2021-02-29\n    source: {ref: atlas, quote: 1929}\n",
        "8:13",
        "signed 2021-02-29 is not a real date",
        id="february-29-in-a-common-year",
    ),
    pytest.param(
        HEAD
        + "documents:\n  - id: nile-waters\n    name: Nile Waters Agreement\n    kind: treaty\n"
        + "    signed: 1929-13\n    source: {ref: atlas, quote: 1929}\n",
        "8:13",
        "signed 1929-13 is not a real date",
        id="month-13",
    ),
    pytest.param(
        BASIN_WITH_EGYPT + "      - {entity: egypt, since: 2010, until: 1999}\n",
        "11:45",
        "the membership of 'egypt' ends (1999) before it begins (2010)",
        id="until-before-since",
    ),
    pytest.param(
        BASIN_WITH_EGYPT + "      - {entity: egypt, since: 2010, suspended: true}\n",
        "11:9",
        "the membership of 'egypt' is suspended, but has no 'until'",
        id="suspended-without-until",
    ),
    pytest.param(
        HEAD
        + "events:\n  - {id: flood, name: Great flood, date: 1954-08, end: 1954-07,\n"
        + "     source: {ref: atlas, quote: flood}}\n",
        "5:56",
        "event 'flood' ends (1954-07) before it begins (1954-08)",
        id="event-ends-before-it-begins",
    ),
    pytest.param(
        HEAD + "entities:\n" + EGYPT + EGYPT,
        "6:10",
        "duplicate id 'egypt'; it is already used at line 5",
        id="duplicate-id",
    ),
    pytest.param(
        HEAD
        + "entities:\n"
        + EGYPT
        + "groups:\n  - id: basin\n    name: Nile Basin Initiative\n"
        + "    source: {ref: atlas, quote: basin}\n"
        + "    members:\n      - {entity: egyptt, since: 1999}\n",
        "11:18",
        "member entity 'egyptt' is not defined; did you mean 'egypt'?",
        id="undefined-member",
    ),
    pytest.param(
        HEAD
        + "documents:\n  - id: nile-waters\n    name: Nile Waters Agreement\n    kind: treaty\n"
        + "    signed: 1929\n    parties: [egypt, sudan]\n    source: {ref: atlas, quote: 1929}\n"
        + "entities:\n"
        + EGYPT,
        "9:22",
        "party 'sudan' is not defined",
        id="undefined-party",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: nile, name: Nile, type: river, "
        "source: {ref: atlass, quote: Nile}}\n",
        "5:55",
        "source 'atlass' is not defined; did you mean 'atlas'?",
        id="undefined-source",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: nile, name: Nile, type: river}\n",
        "5:5",
        "entity 'nile' has no 'source'; every fact says where it comes from",
        id="no-source",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: nile, name: Nile, type: river, source: {ref: atlas}}\n",
        "5:49",
        "needs a 'quote' from a source or a named 'reference'",
        id="source-without-quote",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: nile, name: Nile, type: river, source: {quote: the Nile}}\n",
        "5:49",
        "needs 'ref', the id of the source it is from",
        id="quote-without-ref",
    ),
    pytest.param(
        HEAD_WITHOUT_AS_OF
        + "entities:\n"
        + EGYPT
        + "groups:\n  - id: basin\n    name: Nile Basin Initiative\n"
        + "    source: {ref: atlas, quote: basin}\n"
        + "    members:\n      - {entity: egypt, since: 1999}\n",
        "7:5",
        "group 'basin' has open-ended memberships but no 'as_of' date",
        id="open-membership-without-as-of",
    ),
    pytest.param(
        HEAD_WITHOUT_AS_OF
        + "people:\n  - id: ranger\n    name: A. Ranger\n    source: {ref: atlas, quote: ranger}\n"
        + "    roles: [{title: Chief warden, since: 2019}]\n",
        "5:5",
        "person 'ranger' has open-ended roles but no 'as_of' date",
        id="open-role-without-as-of",
    ),
    pytest.param(
        HEAD + "statements:\n  - id: longest\n    text: The Nile is the longest river.\n"
        "    source: {ref: atlas, quote: longest}\n",
        "6:11",
        "statement text has no blank",
        id="statement-without-blank",
    ),
    pytest.param(
        HEAD + "statements:\n  - id: longest\n    text: The {Nile is the longest river.\n"
        "    source: {ref: atlas, quote: longest}\n",
        "6:11",
        "statement text has an unmatched '{' or '}'",
        id="unmatched-brace",
    ),
    pytest.param(
        HEAD + "entities:\n  - {id: nile, name: Nile, type: river, tags: [rivers, 'long river'],\n"
        "     source: {ref: atlas, quote: Nile}}\n",
        "5:56",
        "tag 'long river' has a character a tag cannot hold",
        id="tag-with-a-space",
    ),
    pytest.param(
        HEAD + "entities:\n" + EGYPT + "events:\n  - id: summit\n    name: Nile summit\n"
        "    date: 2020\n    source: {ref: atlas, quote: summit}\n"
        "    complete: [host, sent observers]\n"
        "    participants: [{entity: egypt, role: host}]\n",
        "11:22",
        "complete names the role 'sent observers', which no entry of 'participants' has",
        id="complete-names-an-unlisted-role",
    ),
    pytest.param(
        HEAD + "events:\n  - id: summit\n    name: Nile summit\n    the: maybe\n"
        "    date: 2020\n    source: {ref: atlas, quote: summit}\n",
        "7:10",
        "'the' must be true or false, not 'maybe'",
        id="event-article-not-a-boolean",
    ),
]


def write(folder: Path, content: str | bytes, name: str = "facts.yaml") -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.fixture()
def no_decks(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(("content", "line_column", "message"), BAD_FILES)
def test_each_mistake_is_named_at_its_line_and_column(
    tmp_path: Path, no_decks: Path, content: str | bytes, line_column: str, message: str
) -> None:
    facts = write(tmp_path, content)

    result = run_quizgen("validate", facts, "--decks", no_decks)

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    problem_lines = [line for line in result.output.splitlines() if line.startswith(f"{facts}:")]
    assert problem_lines, result.output
    assert f"{facts}:{line_column}: " in result.output, result.output
    assert any(
        line.startswith(f"{facts}:{line_column}: ") and message in line for line in problem_lines
    ), result.output
    assert "nothing was written" in result.output


def test_there_are_at_least_25_kinds_of_mistake() -> None:
    assert len(BAD_FILES) >= 25


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("   \n\n", "the file is empty"),
        ("# Facts about rivers, to be written\n# next week\n", "the file holds only comments"),
    ],
    ids=["empty", "blank-lines", "only-comments"],
)
def test_an_empty_file_is_refused(
    tmp_path: Path, no_decks: Path, content: str, message: str
) -> None:
    facts = write(tmp_path, content)

    result = run_quizgen("validate", facts, "--decks", no_decks)

    assert result.exit_code == 1
    assert f"{facts}: {message}" in result.output


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path, no_decks: Path) -> None:
    facts = write(
        tmp_path,
        HEAD
        + "entities:\n"
        + "  - {id: nile, name: Nile, type: river, colour: blue, "
        + "source: {ref: atlas, quote: Nile}}\n"
        + "  - {id: egypt, name: Egypt, source: {ref: atlas, quote: Egypt}}\n"
        + "documents:\n"
        + "  - {id: pact, name: Pact, kind: treaty, signed: 2021-02-29, place: cairo,\n"
        + "     source: {ref: atlas, quote: pact}}\n",
    )

    result = run_quizgen("validate", facts, "--decks", no_decks)

    assert result.exit_code == 1
    expected = [
        f"{facts}:5:41: unknown key 'colour' in an entity",
        f"{facts}:6:5: an entity is missing the required key 'type'",
        f"{facts}:8:50: signed 2021-02-29 is not a real date",
        f"{facts}:8:69: place 'cairo' is not defined",
    ]
    for line in expected:
        assert line in result.output, result.output
    assert "4 problems found" in result.output
    # Sorted by place in the file, as an editor's problem list is.
    positions = [result.output.index(line) for line in expected]
    assert positions == sorted(positions)


def test_a_byte_order_mark_is_fine(tmp_path: Path, no_decks: Path) -> None:
    facts = write(tmp_path, b"\xef\xbb\xbf" + (HEAD + "entities:\n" + EGYPT).encode())

    result = run_quizgen("validate", facts, "--decks", no_decks)

    assert result.exit_code == 0, result.output
    assert "1 fact and 1 deck are valid" in result.output


def test_a_repeated_key_is_reported_with_the_other_problems(tmp_path: Path) -> None:
    facts = write(
        tmp_path,
        HEAD + "entities:\n  - {id: nile, name: Nile, name: Hapi, type: river}\n",
    )

    with pytest.raises(InputError) as refused:
        load_facts(facts)

    messages = [str(problem) for problem in refused.value.problems]
    assert messages == [
        f"{facts}:5:5: entity 'nile' has no 'source'; every fact says where it comes from",
        f"{facts}:5:28: duplicate key 'name'; it is already set at line 5; keep one of them",
    ]


def test_a_missing_file_is_a_usage_error_not_a_crash(tmp_path: Path, no_decks: Path) -> None:
    result = run_quizgen("validate", tmp_path / "nowhere.yaml", "--decks", no_decks)

    assert result.exit_code == 2
    assert "nowhere.yaml' does not exist" in result.output


def test_a_decks_folder_named_on_purpose_must_exist(tmp_path: Path) -> None:
    result = run_quizgen("validate", BUNDLED_FACTS, "--decks", tmp_path / "nodecks")

    assert result.exit_code == 2
    assert "nodecks' does not exist" in result.output


def test_validation_counts_in_words_a_reader_expects(tmp_path: Path, no_decks: Path) -> None:
    result = run_quizgen("validate", BUNDLED_FACTS, "--decks", no_decks)

    assert result.exit_code == 0
    assert "facts and 1 deck are valid." in result.output


def test_an_unknown_option_is_a_usage_error() -> None:
    result = run_quizgen("validate", "--nope")

    assert result.exit_code == 2
    assert "No such option" in result.output


def quizgen_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(alias_bomb(), "aliases expand to more than", id="alias-bomb"),
        pytest.param(
            "entities: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than", id="deep-flow"
        ),
        pytest.param(
            "".join(" " * depth + "k:\n" for depth in range(3000)),
            "nested more than",
            id="deep-block",
        ),
        pytest.param("a: &a [*a]\n", "contains it", id="recursive-alias"),
        pytest.param("a: !!python/object/new:os.system [ls]\n", "is not allowed", id="python-tag"),
        pytest.param(b"a: \xff\xfe\n", "is not UTF-8", id="bad-bytes"),
        pytest.param("a: [1, 2\n", "YAML syntax error", id="unclosed-bracket"),
    ],
)
def test_hostile_input_is_refused_without_a_traceback(
    tmp_path: Path, no_decks: Path, content: str | bytes, message: str
) -> None:
    facts = write(tmp_path, content)

    finished = quizgen_process("validate", facts, "--decks", no_decks)

    assert finished.returncode == 1, finished.stderr
    assert message in finished.stderr
    assert "Traceback" not in finished.stderr + finished.stdout


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    with facts.open("wb") as sparse:
        sparse.truncate(21 * 1024 * 1024)

    with pytest.raises(InputError) as refused:
        load_facts(facts)

    assert "facts files may be at most 20 MB" in str(refused.value.problems[0])


def test_a_failed_build_leaves_the_output_folder_untouched(tmp_path: Path, no_decks: Path) -> None:
    facts = write(tmp_path, HEAD + "entities:\n  - {id: nile, name: Nile, type: river}\n")
    out = tmp_path / "output"
    out.mkdir()
    earlier = out / "questions.json"
    earlier.write_text('{"questions": ["from the last good build"]}\n', encoding="utf-8")
    before = hashlib.sha256(earlier.read_bytes()).hexdigest()

    result = run_quizgen(
        "build", "--facts", facts, "--decks", no_decks, "--out", out, "--format", "json"
    )

    assert result.exit_code == 1
    assert f"{facts}:5:5: entity 'nile' has no 'source'" in result.output
    assert hashlib.sha256(earlier.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in out.iterdir()) == ["questions.json"]


def test_the_hostile_fixture_is_valid(no_decks: Path) -> None:
    result = run_quizgen("validate", HOSTILE_FACTS, "--decks", no_decks)

    assert result.exit_code == 0, result.output


YAML_CHARACTERS = st.sampled_from(list("ab1-: \n\t{}[],&*!|>'\"#%@`?") + ["\x00", "é", "---\n"])


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(YAML_CHARACTERS, max_size=60).map("".join))
def test_no_text_makes_the_loader_crash(tmp_path: Path, text: str) -> None:
    facts = write(tmp_path, HEAD + text)
    try:
        load_facts(facts)
    except InputError as refused:
        assert refused.problems


def test_the_fast_and_the_guarded_reader_build_the_same_facts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """libyaml reads plain files quickly, a list at a time; the guarded composer must agree with
    it to the column, whatever order the sections are written in."""
    from quizgen.facts import yaml_source
    from quizgen.facts.loader import load_facts

    eu = FIXTURES / "eu" / "facts.yaml"
    sections = eu.read_text(encoding="utf-8").split("\n\n")
    shuffled = tmp_path / "shuffled.yaml"
    # The topic last and the sections reversed: the streamed lists are asked for out of order.
    shuffled.write_text("\n\n".join(reversed(sections)) + "\n", encoding="utf-8")
    for path in (BUNDLED_FACTS, HOSTILE_FACTS, eu, shuffled):
        fast = load_facts(path)
        monkeypatch.setattr(yaml_source, "fast_compose", lambda *args: None)
        guarded = load_facts(path)
        monkeypatch.undo()
        assert fast == guarded
        assert [f.location for f in fast.all_facts] == [f.location for f in guarded.all_facts]
    assert len(load_facts(shuffled).all_facts) == len(load_facts(eu).all_facts)


def test_an_unclosed_quote_is_named_where_it_opens(tmp_path: Path, no_decks: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text('format: quizgen-facts/1\ntopic:\n  title: "Rivers\n  as_of: 2024\n')

    result = run_quizgen("validate", facts, "--decks", no_decks)

    assert result.exit_code == 1
    assert f"{facts}:3:10: this quoted text is never closed" in result.output


def test_a_brace_at_the_start_of_text_gets_a_hint_to_quote_it(
    tmp_path: Path, no_decks: Path
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(HEAD + "statements:\n  - id: s\n    text: {Cairo} is the capital.\n")

    result = run_quizgen("validate", facts, "--decks", no_decks)

    assert result.exit_code == 1
    assert "put text in quotes when it starts with {" in result.output


def test_without_a_decks_folder_the_topic_is_one_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_bytes(BUNDLED_FACTS.read_bytes())
    result = run_quizgen("validate", facts)

    assert result.exit_code == 0, result.output
    assert "and 1 deck are valid." in result.output


def test_the_decks_beside_the_facts_file_are_found_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_quizgen("validate", BUNDLED_FACTS)

    assert result.exit_code == 0, result.output
    assert "and 5 decks are valid." in result.output


def test_validation_warns_about_wording_that_reads_badly_but_builds(
    tmp_path: Path, no_decks: Path
) -> None:
    facts = write(
        tmp_path,
        HEAD
        + "entities:\n"
        + "  - {id: uk, name: United Kingdom, type: state, source: {ref: atlas, quote: UK},\n"
        + "     description: The state of Great Britain and Northern Ireland.}\n"
        + "events:\n"
        + "  - {id: exit, name: The United Kingdom leaves the EU, date: 2020-01-31,\n"
        + "     source: {ref: atlas, quote: left}}\n",
    )
    result = run_quizgen("validate", facts, "--decks", no_decks)
    assert result.exit_code == 0, result.output
    assert f"{facts}:5:5: warning: the description of 'uk' starts with a capital" in result.output
    assert (
        f"{facts}:8:5: warning: event name 'The United Kingdom leaves the EU' reads like a headline"
        in result.output
    )
    assert "2 facts and 1 deck are valid." in result.output


def test_the_bundled_facts_need_no_wording_advice(no_decks: Path) -> None:
    result = run_quizgen("validate", BUNDLED_FACTS, "--decks", no_decks)
    assert "warning" not in result.output
