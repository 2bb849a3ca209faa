"""Questions on a free statement: a cloze per blank, and the statement to judge.

A statement is free text, so the oracle cannot prove a changed copy false by itself (swapping
"Tashkent" for another city may still be true of something): its false form swaps in a value the
author wrote as making it false (``{1993|!1992}``); without a wrong value there is no true/false
item. The true statement is asked only when it has no cloze, which it would repeat word for word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.facts.model import Blank, Statement
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.explanations import Why
from quizgen.questions.index import contains_word, names_of, text_key
from quizgen.questions.model import ClozeBlank, Kind
from quizgen.questions.templates.base import Context
from quizgen.questions.wording import quoted

GAP = "____"
_ARTICLE_BEFORE_GAP = re.compile(r"\b([Aa]n?) $")


def statement_questions(statement: Statement, context: Context) -> Iterator[CheckedQuestion | None]:
    yield from clozes(statement, context)
    yield statement_true_false(statement, context)


def clozes(statement: Statement, context: Context) -> Iterator[CheckedQuestion | None]:
    """One cloze per blank a learner can produce, the statement's other blanks filled in: a gap
    asks one thing. The first keeps the statement's own question id; the others are forms of
    the same claim, of which a test asks one."""
    title = text_key(context.facts.topic.title)
    asked = [
        i
        for i, blank in enumerate(statement.blanks)
        if is_recallable(blank) and not _named_by_title(blank, title)
    ]
    for number, index in enumerate(asked):
        yield cloze(statement, index, context, "" if number == 0 else f"blank-{index}")


def _named_by_title(blank: Blank, title: str) -> bool:
    """A blank that the topic's title names ("fellow ____ member states" in a topic on the CSTO)
    is answered by the title on the test's first line."""
    return any(contains_word(title, text_key(text)) for text in (blank.answer, *blank.accept))


def is_recallable(blank: Blank) -> bool:
    """Whether a learner who knows the fact would type this blank's very words: a name (it
    starts with a capital), a number or a date, or a symbol (one token that is not all letters:
    "<br/>", "pH"). A common word ("misconceptions", "denied") has synonyms the key would mark
    wrong, so it is asked only as a true/false item."""
    return any(_recallable_text(text) for text in (blank.answer, *blank.accept))


def _recallable_text(text: str) -> bool:
    if text[:1].isupper() or text[:1].isdigit():
        return True
    if " " in text:
        return False
    word_characters = text.replace("-", "").replace("'", "")
    return not word_characters.isalpha() or not word_characters.islower()


def cloze(
    statement: Statement, index: int, context: Context, qualifier: str
) -> CheckedQuestion | None:
    draft = context.draft("statement-cloze", Kind.CLOZE, [statement.id], qualifier=qualifier)
    parts = [_filled(statement, {}, upto=index), _filled_after(statement, index)]
    # "an ____" would tell that the answer starts with a vowel sound.
    parts[0] = _ARTICLE_BEFORE_GAP.sub(lambda m: f"{m.group(1)[0]}(n) ", parts[0])
    if statement.attributed:
        lead = context.cite_as(statement)
        parts[0] = context.attributed(parts[0], statement) if parts[0] else f"According to {lead}, "
    # The sentence is the stem with its blank filled: the explanation tells what the facts hold
    # about what the blanks name and what the statement is about.
    named = [
        fact_id
        for blank in statement.blanks
        for fact_id in sorted(context.index.resolve(blank.answer))
    ]
    blank = statement.blanks[index]
    # The other names of what the blank names are typed as well ("Kishinev" for "Chisinau").
    meant = sorted(context.index.resolve(blank.answer))
    also = names_of(context.index.by_id[meant[0]]) if len(meant) == 1 else ()
    forms = {text_key(blank.answer): blank.answer}
    for name in (*blank.accept, *also):
        forms.setdefault(text_key(name), name)
    accept = tuple(list(forms.values())[1:])
    return draft.finish(
        statement,
        GAP.join(parts),
        [blank.answer],
        _why_cloze(statement, index, named, context),
        [Claim(Relation.BLANK, statement.id, detail=str(index))],
        prompt_parts=parts,
        blanks=[ClozeBlank(blank.answer, accept)],
        attribute=False,
    )


def statement_true_false(statement: Statement, context: Context) -> CheckedQuestion | None:
    draft = context.draft("statement-true-false", Kind.TRUE_FALSE, [statement.id])
    swaps = [(i, wrong) for i, blank in enumerate(statement.blanks) for wrong in blank.wrong]
    if not swaps:
        return None
    # One blank swapped for one wrong value: the item tests that one word.
    index, wrong = draft.rng.choice(swaps)
    both = draft.true_false(
        statement,
        Claim(Relation.BLANK, statement.id, detail=str(index)),
        statement.blanks[index].answer,
        lambda: [wrong],
        lambda value: _filled(statement, {index: value}),
        why=lambda value: _why_true_or_false(statement, index, value, context),
    )
    if both is None or any(is_recallable(blank) for blank in statement.blanks):
        # Its true form would be a cloze of the bank word for word, answers filled in.
        return both.false_form if both is not None else None
    return both


def _why_cloze(statement: Statement, index: int, named: list[str], context: Context) -> Why:
    """The author's own explanation where the statement has one; else what the facts hold about
    what its blanks name, and the error the blank avoids."""
    if statement.explain:
        return Why(statement.explain, about=statement.about)
    return Why(
        "",
        would_be_false(statement, index),
        about=(*named, *statement.about, *context.told.named_in(statement.text)),
        bearing=statement.text,
    )


def _why_true_or_false(statement: Statement, index: int, value: str, context: Context) -> Why:
    right = statement.blanks[index].answer
    if statement.attributed and index == 0 and not statement.text_parts[0].strip():
        # The stem opens "According to the article, twelve states ...": quoted as it reads.
        right = context.told.lowered(right)
        value = context.told.lowered(value)
    if value != right:
        return Why(
            f"The statement is true with {quoted(right)} in place of {quoted(value)}",
            statement.explain,
            about=statement.about,
        )
    if statement.explain:
        return Why(statement.explain, about=statement.about)
    # The true statement: what the facts hold about what it names, and the error it avoids.
    return Why(
        "",
        would_be_false(statement),
        about=(*statement.about, *context.told.named_in(statement.text)),
        bearing=statement.text,
    )


def would_be_false(statement: Statement, index: int | None = None) -> str:
    """``It would be false with “Belarus” in place of “Russia”``: the wrong values the author
    vouches for (for blank ``index`` alone, when given), the errors a learner who half knows
    the fact makes."""
    swaps = [
        f"{quoted(blank.wrong[0])} in place of {quoted(blank.answer)}"
        for i, blank in enumerate(statement.blanks)
        if blank.wrong and index in (None, i)
    ]
    return f"It would be false with {' or '.join(swaps)}" if swaps else ""


def _filled(statement: Statement, values: dict[int, str], upto: int | None = None) -> str:
    """The statement with its blanks filled, some of them by ``values`` instead of the answer;
    with ``upto``, only the text before that blank."""
    pieces = [statement.text_parts[0]]
    for i, (blank, part) in enumerate(zip(statement.blanks, statement.text_parts[1:], strict=True)):
        if i == upto:
            break
        pieces += [values.get(i, blank.answer), part]
    return "".join(pieces)


def _filled_after(statement: Statement, index: int) -> str:
    """The text after blank ``index``, every later blank filled with its answer."""
    pieces = [statement.text_parts[index + 1]]
    for blank, part in zip(
        statement.blanks[index + 1 :], statement.text_parts[index + 2 :], strict=True
    ):
        pieces += [blank.answer, part]
    return "".join(pieces)
