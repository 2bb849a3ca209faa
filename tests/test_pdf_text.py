"""Breaking styled text into lines for the printed page: every word kept, in order, within the
width, and each piece placed where the text before it ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.exporters.pdf_fonts import BOLD, REGULAR, register_fonts
from quizgen.exporters.pdf_text import Line, TextStyle, Typesetter

register_fonts()
PLAIN = TextStyle(REGULAR, 10, 12)
BOLD_TEXT = TextStyle(BOLD, 10, 12)
SMALL = TextStyle(REGULAR, 8, 12, "#555555")
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzΩя&(", min_size=1, max_size=14)
SPACES = st.sampled_from([" ", "  ", "\n", " \t"])


def line_width(typesetter: Typesetter, line: Line) -> float:
    last = line[-1]
    return last.x + typesetter.width(last.text, last.style)


def words_of(lines: tuple[Line, ...]) -> list[str]:
    return " ".join(fragment.text for line in lines for fragment in line).split()


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(
    words=st.lists(
        st.tuples(WORDS, SPACES, st.sampled_from([PLAIN, BOLD_TEXT, SMALL])), min_size=1
    ),
    width=st.floats(min_value=40, max_value=500),
)
def test_lines_keep_every_word_in_order_within_the_width(
    words: list[tuple[str, str, TextStyle]], width: float
) -> None:
    typesetter = Typesetter()
    spans = tuple((word + space, style) for word, space, style in words)
    lines = typesetter.lines(spans, width)
    cut = any(typesetter.width(word, style) > width for word, _, style in words)
    if not cut:
        assert words_of(lines) == [word for word, _, _ in words]
    else:
        assert "".join(words_of(lines)) == "".join(word for word, _, _ in words)
    for line in lines:
        assert line_width(typesetter, line) <= width + 1e-6 or len(line) == 1
        for before, after in zip(line, line[1:], strict=False):
            # Each piece starts where the one before ends, or a space (of either's style) after.
            end = before.x + typesetter.width(before.text, before.style)
            widest_space = max(typesetter.width(" ", style) for style in (PLAIN, BOLD_TEXT))
            assert end - 1e-6 <= after.x <= end + widest_space + 1e-6


def test_a_paragraph_breaks_at_the_last_space_that_fits() -> None:
    typesetter = Typesetter()
    text = "Which state took part in exercise number 10 of the series?"
    width = typesetter.width("Which state took part in exercise", PLAIN) + 1
    lines = typesetter.plain_lines(text, PLAIN, width)
    assert [line[0].text for line in lines] == [
        "Which state took part in exercise",
        "number 10 of the series?",
    ]
    assert all(line[0].x == 0 for line in lines)


def test_runs_of_other_styles_stay_in_place_on_the_line() -> None:
    typesetter = Typesetter()
    spans = (("Answer:", BOLD_TEXT), (" Armenia and", PLAIN), (" (in B: 3)", SMALL))
    (line,) = typesetter.lines(spans, 400)
    assert [(fragment.text.strip(), fragment.style) for fragment in line] == [
        ("Answer:", BOLD_TEXT),
        ("Armenia and", PLAIN),
        ("(in B: 3)", SMALL),
    ]
    assert line[1].x == pytest.approx(typesetter.width("Answer:", BOLD_TEXT))
    # Broken over lines, the runs keep their styles and the words their order.
    lines = typesetter.lines(spans, typesetter.width("Answer: Armenia", BOLD_TEXT))
    assert words_of(lines) == ["Answer:", "Armenia", "and", "(in", "B:", "3)"]
    assert {fragment.style for line in lines for fragment in line} == {BOLD_TEXT, PLAIN, SMALL}


def test_text_without_a_space_between_runs_stays_one_word() -> None:
    typesetter = Typesetter()
    blank = "_" * 16
    spans = (("In markup, ", PLAIN), ("(1)", SMALL), (blank, PLAIN), (" breaks a line", PLAIN))
    width = typesetter.width(f"(1){blank}", PLAIN) + 20
    lines = typesetter.lines(spans, width)
    assert [fragment.text for fragment in lines[0]] == ["In markup,"]
    assert "".join(fragment.text for fragment in lines[1]).startswith(f"(1){blank}")


def test_a_word_longer_than_the_line_is_cut_where_the_line_ends() -> None:
    typesetter = Typesetter()
    word = "https://example.org/" + "a" * 80
    lines = typesetter.plain_lines(word, PLAIN, 100)
    assert len(lines) > 1
    assert "".join(line[0].text for line in lines) == word
    assert all(line_width(typesetter, line) <= 100 for line in lines)
