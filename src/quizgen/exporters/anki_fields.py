"""Turns one question into the note type and HTML field values of its Anki note.

Anki fields are HTML, and question text is plain text: everything from the question is escaped
here, so ``<script>`` or ``&amp;`` in a fact shows literally on the card and nothing runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from quizgen.exporters import source_html, text_html
from quizgen.exporters.anki_notetypes import (
    ARRANGE,
    CHOICE,
    CLOZE,
    EXPLANATION,
    QUESTION_ANSWER,
    QUESTION_ID,
    RECALL,
    SOURCE,
    NoteType,
)
from quizgen.questions.answer_view import AnswerView, answer_view
from quizgen.questions.model import Kind, Question

CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.YEAR})
ARRANGE_KINDS = frozenset({Kind.MATCHING, Kind.ORDERING})

# Only where the prompt may not say it: how many options to pick, and how the two columns pair.
INSTRUCTION_TEXTS: dict[Kind, str] = {
    Kind.SINGLE: "Choose one answer.",
    Kind.MULTIPLE: "Choose every correct answer.",
    Kind.TRUE_FALSE: "True or false?",
    Kind.MATCHING: "Pair each numbered item with a lettered one.",
}
ANSWER_SEPARATOR = "; "


@dataclass(frozen=True)
class NoteContent:
    """Which note type a question becomes, and its field values as HTML, in field order."""

    note_type: NoteType
    fields_html: tuple[str, ...]


def note_type_of(question: Question) -> NoteType:
    """Which note type shows a question; what no other can show falls back to question/answer."""
    if question.kind in CHOICE_KINDS:
        return CHOICE
    if question.kind is Kind.CLOZE and question.blanks:
        return CLOZE
    if question.kind in ARRANGE_KINDS and (question.pairs or question.order):
        return ARRANGE
    return QUESTION_ANSWER


def note_content(question: Question) -> NoteContent:
    """The note for one question: its note type and field values."""
    note_type = note_type_of(question)
    if note_type is CHOICE:
        values_html = choice_fields(question)
    elif note_type is CLOZE:
        values_html = {"Text": cloze_text_html(question)}
    elif note_type is ARRANGE:
        values_html = arrange_fields(question)
    else:
        values_html = question_answer_fields(question)
    values_html |= {
        EXPLANATION: text_html(question.explanation),
        SOURCE: source_html(question.source),
        QUESTION_ID: text_html(question.id),
    }
    return NoteContent(
        note_type=note_type,
        fields_html=tuple(values_html.get(name, "") for name in note_type.field_names),
    )


def question_answer_fields(question: Question) -> dict[str, str]:
    answers = answer_view(question)
    return {
        "Prompt": text_html(question.prompt or cloze_prompt_text(answers)),
        "Answer": text_html(ANSWER_SEPARATOR.join(answers.correct)),
        "Also Accepted": text_html(", ".join(answers.also_accepted)),
        **reverse_fields(question),
    }


def reverse_fields(question: Question) -> dict[str, str]:
    """The reverse card exists only when the question reads both ways (its front needs a prompt)."""
    if not question.reverse_prompt:
        return {}
    return {
        "Reverse Prompt": text_html(question.reverse_prompt),
        "Reverse Answer": text_html(question.reverse_answer),
    }


def choice_fields(question: Question) -> dict[str, str]:
    answers = answer_view(question)
    texts = tuple(option.text for option in answers.options)
    return {
        "Prompt": text_html(question.prompt),
        "Instruction": text_html(INSTRUCTION_TEXTS.get(question.kind, "")),
        "Options": options_html(texts),
        "Marked Options": marked_options_html(texts, answers.correct_indexes),
        "Answer": text_html(ANSWER_SEPARATOR.join(answers.correct)),
        **reverse_fields(question),
    }


def options_html(choices: tuple[str, ...]) -> str:
    if not choices:
        return ""
    items = "".join(f"<li>{text_html(choice)}</li>" for choice in choices)
    return f'<ol class="qz-options">{items}</ol>'


def marked_options_html(choices: tuple[str, ...], correct_indexes: tuple[int, ...]) -> str:
    """The options again, the correct ones marked by a tick as well as by colour."""
    if not choices:
        return ""
    items = []
    for index, choice in enumerate(choices):
        if index in correct_indexes:
            items.append(
                f'<li class="qz-correct"><span class="qz-mark">✓ </span>{text_html(choice)}</li>'
            )
        else:
            items.append(f'<li class="qz-wrong">{text_html(choice)}</li>')
    return f'<ol class="qz-options">{"".join(items)}</ol>'


def cloze_text_html(question: Question) -> str:
    """The sentence with one ``{{cN::...}}`` per blank, so Anki makes one card per blank."""
    answers = answer_view(question)
    pieces: list[str] = []
    for number, (part, blank) in enumerate(
        zip_longest(answers.sentence_parts, answers.blanks), start=1
    ):
        if part:
            pieces.append(cloze_safe_html(part))
        if blank is not None:
            # A "::" inside a blank would start a hint; an escaped colon is still a colon.
            answer_html = cloze_safe_html(blank.answer).replace(":", "&#58;")
            pieces.append(f"{{{{c{number}::{answer_html}}}}}")
    return "".join(pieces)


def cloze_safe_html(text: str) -> str:
    """Escaped text that cannot open or close a cloze: its braces as entities."""
    return text_html(text).replace("{", "&#123;").replace("}", "&#125;")


def cloze_prompt_text(answers: AnswerView) -> str:
    return "…".join(answers.sentence_parts)


def arrange_fields(question: Question) -> dict[str, str]:
    answers = answer_view(question)
    if question.kind is Kind.MATCHING:
        return {
            "Prompt": text_html(question.prompt),
            "Instruction": text_html(INSTRUCTION_TEXTS[Kind.MATCHING]),
            "Items": matching_items_html(answers),
            "Solution": matching_solution_html(answers.pairs),
        }
    items = "".join(f"<li>{text_html(item)}</li>" for item in answers.order_items)
    solution = "".join(f"<li>{text_html(item)}</li>" for item in answers.order)
    return {
        "Prompt": text_html(question.prompt),
        "Items": f'<ul class="qz-items">{items}</ul>',
        "Solution": f'<ol class="qz-items">{solution}</ol>',
    }


def matching_items_html(answers: AnswerView) -> str:
    """Two columns: the left items numbered, the right-hand texts lettered in shuffled order."""
    lefts = "".join(f"<li>{text_html(left)}</li>" for left, _ in answers.pairs)
    rights = "".join(f"<li>{text_html(right)}</li>" for right in answers.match_options)
    return (
        '<div class="qz-columns">'
        f'<div><ol class="qz-items">{lefts}</ol></div>'
        f'<div><ol class="qz-options">{rights}</ol></div>'
        "</div>"
    )


def matching_solution_html(pairs: tuple[tuple[str, str], ...]) -> str:
    rows = "".join(
        f'<tr><td>{text_html(left)}</td><td class="qz-arrow">→</td><td>{text_html(right)}</td></tr>'
        for left, right in pairs
    )
    return f'<table class="qz-pairs">{rows}</table>'


RECALL_KINDS = frozenset({Kind.SHORT, Kind.YEAR, Kind.CLOZE})
"""Kinds a learner answers by producing the answer; a year's options are left off its card."""
TYPED_SLOTS = (1, 4)
FILL_IN_SLOT = 2
REVERSE_SLOT = 3


def recall_forms(forms: tuple[Question, ...]) -> dict[int, tuple[str, str, str]]:
    """The cards of one claim's note by slot: (prompt, answer, also accepted) as plain text."""
    slots: dict[int, tuple[str, str, str]] = {}
    typed = [q for q in forms if q.kind in (Kind.SHORT, Kind.YEAR)]
    for slot, question in zip(TYPED_SLOTS, typed, strict=False):
        slots[slot] = (
            question.prompt,
            question.answer[0] if question.answer else "",
            ", ".join((*question.answer[1:], *question.accept)),
        )
    cloze = next((q for q in forms if q.kind is Kind.CLOZE and q.blanks), None)
    if cloze is not None:
        gaps = "____".join(cloze.prompt_parts)
        answers = ANSWER_SEPARATOR.join(blank.answer for blank in cloze.blanks)
        accepted = ", ".join(a for blank in cloze.blanks for a in blank.accept)
        slots[FILL_IN_SLOT] = (f"Fill in the blanks: {gaps}", answers, accepted)
    reverse = next((q for q in forms if q.reverse_prompt), None)
    if reverse is not None:
        slots[REVERSE_SLOT] = (reverse.reverse_prompt, reverse.reverse_answer, "")
    return slots


def recall_content(claim: str, forms: tuple[Question, ...]) -> NoteContent:
    """One recall note for a claim: its forms as cards, with the first form's explanation."""
    first = forms[0]
    values_html = {"Claim": text_html(claim)}
    for slot, (prompt, answer, accepted) in recall_forms(forms).items():
        values_html |= {
            f"Prompt {slot}": text_html(prompt),
            f"Answer {slot}": text_html(answer),
            f"Accepted {slot}": text_html(accepted),
        }
    values_html |= {
        EXPLANATION: text_html(first.explanation),
        SOURCE: source_html(first.source),
        QUESTION_ID: text_html(" ".join(q.id for q in forms)),
    }
    return NoteContent(
        note_type=RECALL,
        fields_html=tuple(values_html.get(name, "") for name in RECALL.field_names),
    )


def is_recall_form(question: Question) -> bool:
    return question.kind in RECALL_KINDS or bool(question.reverse_prompt)
