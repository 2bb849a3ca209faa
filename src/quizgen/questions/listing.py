"""Lists a question bank as readable text, for a teacher's review (``quizgen questions``)."""

from __future__ import annotations

from quizgen.questions.answer_view import answer_view
from quizgen.questions.model import Question, QuestionBank


def bank_as_text(bank: QuestionBank) -> str:
    """Every deck with its numbered questions, answers, explanations and sources, for review."""
    deck_count = len(bank.decks)
    lines = [
        bank.title,
        f"{len(bank.questions)} questions in {deck_count} deck{'s' if deck_count != 1 else ''}, "
        f"seed {bank.seed}",
    ]
    for deck in bank.decks:
        lines += ["", "", f"== {deck.name} ({deck.slug}) ==", deck.title]
        if deck.description:
            lines.append(deck.description)
        lines.append(f"{len(deck.questions)} questions, seed {deck.seed}")
        for number, question in enumerate(deck.questions, start=1):
            lines.append("")
            lines += question_as_lines(number, question)
    return "\n".join(lines)


def question_as_lines(number: int, question: Question) -> list[str]:
    indent = " " * (len(str(number)) + 2)
    label = f"{question.kind.value}, difficulty {question.difficulty}"
    answers = answer_view(question)
    lines = [f"{number}. [{label}] {question.prompt}"]
    right = set(answers.correct)
    for choice in question.choices:
        mark = "x" if choice in right else " "
        lines.append(f"{indent}  [{mark}] {choice}")
    for blank_number, blank in enumerate(answers.blanks, start=1):
        also = f" (also: {', '.join(blank.also_accepted)})" if blank.also_accepted else ""
        lines.append(f"{indent}Blank {blank_number}: {blank.answer}{also}")
    lines += [f"{indent}Pair: {left} -> {right}" for left, right in answers.pairs]
    lines += [f"{indent}{place}) {item}" for place, item in enumerate(answers.order, start=1)]
    lines.append(f"{indent}Answer: {'; '.join(answers.correct)}")
    if answers.also_accepted:
        lines.append(f"{indent}Also accepted: {'; '.join(answers.also_accepted)}")
    if question.reverse_prompt:
        lines.append(f"{indent}Reverse: {question.reverse_prompt} -> {question.reverse_answer}")
    if question.explanation:
        lines.append(f"{indent}Explanation: {question.explanation}")
    if question.source.text:
        lines.append(f"{indent}Source: {question.source.text}")
    tags_text = ", ".join(question.tags) or "-"
    lines.append(f"{indent}Facts: {', '.join(question.fact_ids)}; tags: {tags_text}")
    if question.claim_id:
        lines.append(f"{indent}Claim: {question.claim_id}")
    lines.append(f"{indent}Id: {question.id}")
    return lines
