"""Questions on a document: the year and place of signing, its name from them, its provisions."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from quizgen.facts.model import Document, Provision
from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.distractors import nearby_years, pick_distractors
from quizgen.questions.explanations import Why
from quizgen.questions.model import ClozeBlank, Kind
from quizgen.questions.templates.base import Context, Notes
from quizgen.questions.templates.common import (
    name_in_sentence,
    place_choice,
    place_tiers,
    safe_place,
)
from quizgen.questions.wording import capitalized, document_in_sentence, on_date

MIN_PROVISIONS_FOR_CHOICE = 3
NUMBER = re.compile(r"\d+")

# Years within which two documents are of one time, and confused with each other.
ERA = 25


def document_questions(document: Document, context: Context) -> Iterator[CheckedQuestion | None]:
    yield signed_year(document, context)
    if document.place_id:
        yield signed_place(document, context)
        yield named_from_place_and_year(document, context)
    yield signed_true_false(document, context)
    for provision in document.provisions:
        # Which article says what is a specialist's detail: asked only where a deck asks for
        # background.
        yield as_background(provision_cloze(document, provision, context))
        if len(document.provisions) >= MIN_PROVISIONS_FOR_CHOICE:
            yield as_background(provision_single(document, provision, context))


def as_background(checked: CheckedQuestion | None) -> CheckedQuestion | None:
    if checked is None:
        return None
    return replace(checked, question=replace(checked.question, background=True))


def signing(document: Document, context: Context) -> Why:
    """``The Collective Security Treaty was signed in Tashkent on 15 May 1992``."""
    return Why(context.told.signing(document), about=(document.id,))


def signed_where(document: Document, context: Context, value: str) -> Why:
    """``Chisinau is where the Charter ... was signed, on 7 October 2002``, and for a place
    swapped in, what was signed or held there instead."""
    told = context.told
    right = (
        f"{told.said(document.place_id)} is where {told.said(document.id)} was "
        f"{document.verb}, {on_date(document.signed)}"
    )
    wrong_id = told.option_ids(value)
    wrong = told.where_or_what(wrong_id, document.id) if wrong_id != document.place_id else ""
    return Why(right, wrong if wrong_id else "", about=(document.id,))


def signed_when(document: Document, context: Context) -> Why:
    """``On 5 April 1710, the Statute of Anne was enacted``: the whole date first."""
    when = capitalized(on_date(document.signed))
    return Why(
        f"{when}, {context.told.said(document.id)} was {document.verb}", about=(document.id,)
    )


def signed_year(document: Document, context: Context) -> CheckedQuestion | None:
    draft = context.draft("document-year", Kind.YEAR, [document.id])
    year = document.signed.year
    return draft.year(
        document,
        f"In which year was {document_in_sentence(document.name)} {document.verb}?",
        year,
        Claim(Relation.SIGNED_IN, document.id),
        signing(document, context),
        Notes(),
    )


def signed_place(document: Document, context: Context) -> CheckedQuestion | None:
    return place_choice(
        document,
        document.place_id,
        Relation.SIGNED_AT,
        f"Where was {document_in_sentence(document.name)} {document.verb}?",
        signing(document, context),
        "document-place",
        context,
    )


def named_from_place_and_year(document: Document, context: Context) -> CheckedQuestion | None:
    """Typed: which document was signed there that year (only when no other one was)."""
    if context.index.documents_at[(document.place_id, document.signed.year)] != 1:
        return None
    draft = context.draft("document-name", Kind.SHORT, [document.id, document.place_id])
    place = context.index.name(document.place_id)
    stem = f"Which {document.kind} was {document.verb} in {place} {on_date(document.signed)}?"
    # Context the topic does not teach (NATO's treaty of 1949) is no option beside its own
    # documents; those of its kind and time come first.
    pool = [d for d in context.facts.documents if document.background or not d.background]
    same_kind = [d for d in pool if d.kind == document.kind]
    of_its_time = [d.id for d in same_kind if abs(d.signed.year - document.signed.year) <= ERA]
    same_kind_ids = [d.id for d in same_kind]
    # Then documents made the same way: "Which treaty was signed ...?" is no question a decision
    # that was adopted could answer.
    same_verb = [d.id for d in pool if d.verb == document.verb]
    others = [d.id for d in pool]
    # Chosen, it asks for a document: "Which treaty ...?" beside a charter and an agreement
    # leaves the treaties alone to choose from, and a charter named after a treaty ("Charter of
    # the Collective Security Treaty Organization") blurs the kind anyway.
    chosen = f"Which document was {document.verb} in {place} {on_date(document.signed)}?"
    claim = Claim(Relation.NAME_OF, document.id)
    return draft.typed_or_chosen(
        document,
        (stem, chosen),
        document.name,
        claim,
        [of_its_time, same_kind_ids, same_verb, others],
        context.index.name,
        Why("", about=(document.id,), wrong_of=lambda texts: other_documents(texts, context)),
        Notes(accept=tuple(a for a in (document.short, *document.aliases) if a)),
    )


def signed_true_false(document: Document, context: Context) -> CheckedQuestion | None:
    """Where it was signed (a wrong place swapped in half the time), else the year."""
    if document.place_id:
        draft = context.draft(
            "document-true-false", Kind.TRUE_FALSE, [document.id, document.place_id]
        )
        claim = Claim(Relation.SIGNED_AT, document.id)
        wrong = safe_place(context, document, document.place_id, context.is_wrong(claim))
        place = context.index.name(document.place_id)
        return draft.true_false(
            document,
            claim,
            place,
            lambda: pick_distractors(
                draft.rng,
                1,
                place_tiers(context, document, document.place_id),
                context.index.name,
                wrong,
                [place],
            ),
            lambda value: (
                f"{document_in_sentence(document.name)} was {document.verb}"
                f" in {name_in_sentence(context, value)}"
            ),
            why=lambda value: signed_where(document, context, value),
        )
    draft = context.draft("document-true-false", Kind.TRUE_FALSE, [document.id])
    claim = Claim(Relation.SIGNED_IN, document.id)
    latest = context.index.latest_year(document)
    return draft.true_false(
        document,
        claim,
        str(document.signed.year),
        lambda: nearby_years(draft.rng, document.signed.year, 1, latest, context.is_wrong(claim)),
        lambda value: f"{document_in_sentence(document.name)} was {document.verb} in {value}",
        why=lambda _: signed_when(document, context),
    )


def provision_accept(provision: Provision) -> tuple[str, ...]:
    """``4`` for ``Article 4``: a learner typing the number alone knows the answer."""
    numbers = NUMBER.findall(provision.label)
    return (numbers[0],) if len(numbers) == 1 else ()


def provision_cloze(
    document: Document, provision: Provision, context: Context
) -> CheckedQuestion | None:
    """The provision's words with its label blanked: ``____ of the Treaty provides that ...``.

    A provision's text may be a summary of the article rather than its wording, so it is never
    shown in quotation marks."""
    draft = context.draft("provision-cloze", Kind.CLOZE, [document.id], qualifier=provision.label)
    provided = context.after_colon(provision.text)
    after = f" of {document_in_sentence(document.name)} provides that {provided}"
    return draft.finish(
        document,
        f"____{after}",
        [provision.label],
        provision_explanation(document, provision, context),
        [Claim(Relation.PROVISION_LABEL, document.id, other=provision.text)],
        prompt_parts=("", after),
        blanks=(ClozeBlank(provision.label, provision_accept(provision)),),
        accept=provision_accept(provision),
    )


def provision_single(
    document: Document, provision: Provision, context: Context
) -> CheckedQuestion | None:
    """Choose which of the document's provisions says these words."""
    draft = context.draft("provision-choice", Kind.SINGLE, [document.id], qualifier=provision.label)
    labels = [p.label for p in document.provisions]
    text = context.after_colon(provision.text).rstrip(".")
    return draft.single(
        document,
        f"Which part of {document_in_sentence(document.name)} provides that {text}?",
        provision.label,
        Claim(Relation.PROVISION_LABEL, document.id, other=provision.text),
        [labels],
        lambda label: label,
        provision_explanation(document, provision, context),
    )


def other_documents(texts: Sequence[str], context: Context) -> str:
    """``The Collective Security Treaty was signed in Tashkent in 1992; ...``."""

    def dated(document_id: str) -> str:
        document = context.index.by_id[document_id]
        return context.told.dated(document) if isinstance(document, Document) else ""

    return context.told.each(texts, dated)


def provision_explanation(document: Document, provision: Provision, context: Context) -> Why:
    """``Article 5 of the North Atlantic Treaty is on collective defence``, then (when that adds
    nothing) when and where the document was signed; a wrong label's own subject."""
    said = context.told.said(document.id)
    if provision.summary:
        answer = f"{provision.label} of {said} is on {context.told.lowered(provision.summary)}"
    else:
        answer = f"The words are those of {provision.label} of {said}"

    def others(labels: Sequence[str]) -> str:
        told = [
            f"{p.label} is on {context.told.lowered(p.summary)}"
            for p in document.provisions
            if p.label in labels and p.summary
        ]
        return "; ".join(told)

    return Why(answer, about=(document.id,), wrong_of=others)
