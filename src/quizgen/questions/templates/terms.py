"""Questions on a term: its meaning among other definitions, and the term from its meaning."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from quizgen.facts.model import Term
from quizgen.questions.answers import is_typable
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import pick_distractors
from quizgen.questions.explanations import Why
from quizgen.questions.grammar import a_or_an, plural
from quizgen.questions.index import text_key
from quizgen.questions.model import Kind
from quizgen.questions.templates.base import Context
from quizgen.questions.wording import capitalized, expansion, is_abbreviation, listed, quoted


def term_questions(term: Term, context: Context) -> Iterator[CheckedQuestion | None]:
    if is_abbreviation(term.term):
        # Among definitions only the right one fits the letters, and a false "“CSTO” means
        # <another definition>" is false by its letters: the learner types the expansion instead.
        yield expansion_short(term, context) or term_short(term, context)
        return
    yield definition_single(term, context)
    yield term_short(term, context)
    yield definition_true_false(term, context)


def same_category(term: Term, context: Context) -> list[str]:
    """The other terms of ``term``'s category: the only definitions to stand beside its own."""
    if not term.category:
        return []
    return [
        other
        for other in context.index.terms_by_category.get(term.category.casefold(), [])
        if other != term.id
    ]


def expansion_short(term: Term, context: Context) -> CheckedQuestion | None:
    """Typed: what an abbreviation stands for; the explanation adds what the thing is."""
    full = expansion(term.definition)
    if not full or full == term.definition.rstrip(".") or not is_typable(full, (), term.term):
        return None
    draft = context.draft("term-expansion", Kind.SHORT, [term.id])
    return draft.finish(
        term,
        in_use(term, f"what does the abbreviation {term.term} stand for?"),
        [full],
        Why(f"{term.term} stands for {context.after_colon(term.definition)}", about=(term.id,)),
        [Claim(Relation.DEFINITION, term.id)],
    )


def definition_single(term: Term, context: Context) -> CheckedQuestion | None:
    draft = context.draft("term-definition", Kind.SINGLE, [term.id])
    return draft.single(
        term,
        in_use(term, f"what does {quoted(term.term)} mean?"),
        term.definition,
        Claim(Relation.DEFINITION, term.id),
        [same_category(term, context)],
        _definition(context),
        Why(
            term.explain or kin_told(term, context),
            about=about(term, context),
            wrong_of=lambda texts: defined_terms(texts, context),
        ),
    )


def term_short(term: Term, context: Context) -> CheckedQuestion | None:
    """Typed: the term from its definition, aliases accepted; the reverse card asks the meaning."""
    draft = context.draft("term-name", Kind.SHORT, [term.id])
    return draft.finish(
        term,
        f"Name the term: {context.after_colon(term.definition).rstrip('.')}.",
        [term.term],
        Why(term.explain or kin_told(term, context), about=about(term, context)),
        [Claim(Relation.NAME_OF, term.id)],
        accept=term.aliases,
        reverse=(in_use(term, f"what does {quoted(term.term)} mean?"), term.definition),
    )


def definition_true_false(term: Term, context: Context) -> CheckedQuestion | None:
    """The term's own definition, or (half the time) another term's."""
    draft = context.draft("term-true-false", Kind.TRUE_FALSE, [term.id])
    claim = Claim(Relation.DEFINITION, term.id)
    return draft.true_false(
        term,
        claim,
        term.definition,
        lambda: pick_distractors(
            draft.rng,
            1,
            [same_category(term, context)],
            _definition(context),
            context.is_wrong(claim),
            [term.definition],
        ),
        lambda value: in_use(term, meaning(term.term, value, context)),
        why=lambda value: definition_why(term, value, context),
    )


def definition_why(term: Term, value: str, context: Context) -> Why:
    """A definition swapped in is another term's (``That is the meaning of “collective
    defence”``), followed by the term's own; the right one by the term's kin."""
    if value == term.definition:
        return Why(term.explain or kin_told(term, context), about=about(term, context))
    own = f"the meaning of {quoted(term.term)} is {context.after_colon(term.definition)}"
    whose = terms_defined([value], context)
    if not whose:
        return Why(own, term.explain, about=(term.id,))
    return Why(f"That is the meaning of {listed(whose)}; {own}", term.explain, about=(term.id,))


def about(term: Term, context: Context) -> tuple[str, ...]:
    """What an explanation may tell of besides the term: the things it names (Kavkaz-2020 for
    "Kavkaz")."""
    return (term.id, *context.told.named_by(term))


def kin_told(term: Term, context: Context) -> str:
    """``The kinds of body include “gas giant”, “ice giant” and “terrestrial planet”``: the
    terms of the term's category, or the category alone (``The term “Kavkaz” names ...``)."""
    if not term.category:
        return ""
    kin = [quoted(context.index.name(i)) for i in same_category(term, context)]
    if not kin:
        return f"The term {quoted(term.term)} names {a_or_an(term.category)}"
    return f"The {plural(term.category)} include {listed([quoted(term.term), *kin])}"


def terms_defined(texts: Sequence[str], context: Context) -> list[str]:
    """The terms (quoted) whose definitions ``texts`` are."""
    return [
        quoted(context.index.name(i))
        for text in texts
        for i in sorted(context.index.definitions.get(text_key(text), set()))
    ]


def defined_terms(texts: Sequence[str], context: Context) -> str:
    """``The other options are the meanings of “cooperative security” and “Kavkaz”``."""
    terms = terms_defined(texts, context)
    if not terms:
        return ""
    meanings = "the meaning" if len(terms) == 1 else "the meanings"
    return f"The other options are {meanings} of {listed(terms)}"


def in_use(term: Term, sentence: str) -> str:
    """``In the Nagorno-Karabakh conflict, what does the abbreviation LoC stand for?``: the
    sentence opens with where the term means what it is defined as, if the author says."""
    if not term.used_in:
        return capitalized(sentence)
    return f"{capitalized(term.used_in)}, {sentence[:1].lower()}{sentence[1:]}"


def meaning(term: str, definition: str, context: Context) -> str:
    """``The term “collective defence” means a commitment by allies ...``: a definition that is
    a noun phrase (it opens with an article) follows the verb as its object; any other follows
    a colon. A sentence opens with a capital even when the term is written in lower case."""
    said = context.after_colon(definition)
    if said.split(" ", 1)[0] in ("a", "an", "the"):
        return f"The term {quoted(term)} means {said}"
    return f"The term {quoted(term)} means: {said}"


def _definition(context: Context) -> Callable[[str], str]:
    """The definition of a term id, to show a term as a wrong option by its meaning."""

    def text(term_id: str) -> str:
        term = context.index.by_id[term_id]
        return term.definition if isinstance(term, Term) else ""

    return text
