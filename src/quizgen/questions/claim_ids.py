"""Names the proposition a question tests: a stable claim id shared by every form of one fact.

"Armenia sent forces to Kavkaz-2020" is one proposition whether it is asked as a choice among
states or as a true/false statement; both questions get the claim id
``kavkaz-2020/participant/armenia``. A test uses at most one question per claim id, and an Anki
note holds the forms of one claim as its cards, so that Anki buries the siblings.

The id is read off the oracle's ``Claim`` (the checkable relation behind a question), not off the
wording, so a rewording keeps it. It is built from fact ids and the relation's fixed parts, never
from the seed or from a candidate the question happens to offer.
"""

from __future__ import annotations

import hashlib

from quizgen.questions.claims import CheckedQuestion, Claim, Relation
from quizgen.questions.decks import slug_of
from quizgen.questions.model import Kind

SET_DIGEST_LENGTH = 8

# Relations with one true answer for their fixed parts: every candidate, true or false, asks the
# same thing ("the Treaty was signed in 1992" and "... in 1994" both test the year of signing).
ONE_ANSWER_ASPECTS: dict[Relation, str] = {
    Relation.NAME_OF: "name",
    Relation.DESCRIBED_AS: "name",
    Relation.DEFINITION: "name",
    Relation.FOUNDED_IN: "founded",
    Relation.SIGNED_IN: "year",
    Relation.HAPPENED_IN: "year",
    Relation.SIGNED_AT: "place",
    Relation.HAPPENED_AT: "place",
    Relation.NATIONALITY: "nationality",
    Relation.BLANK: "statement",
    Relation.STATEMENT: "statement",
}


# The relations of one renaming: each stem names what the others ask.
RENAMING = (Relation.FORMER_NAME, Relation.FORMER_NAME_OF, Relation.RENAMED_IN)


def claim_id_of(checked: CheckedQuestion) -> str:
    """The claim id of a checked question (see the module's docstring for what it means)."""
    question = checked.question
    first = checked.claims[0]
    if first.relation in (Relation.MOST, Relation.LEAST, Relation.LESS_THAN):
        # "Which of these planets is the largest?" compares options the seed draws; the question's
        # own id, from the quantity compared, names it whichever options it shows.
        return f"{first.relation.value}/{slug_of(first.detail)}/{question.id}"
    subjects = {claim.subject for claim in checked.claims}
    if len(subjects) > 1 or question.kind in (Kind.MATCHING, Kind.ORDERING):
        # A question on several facts at once (match documents to years, order events) is a
        # proposition about that set of facts.
        return f"{first.relation.value}/{digest('|'.join(sorted(question.fact_ids)))}"
    subject = first.subject or question.fact_ids[0]
    aspect = ONE_ANSWER_ASPECTS.get(first.relation)
    if aspect is not None:
        return f"{subject}/{aspect}"
    return many_answers_claim_id(subject, first, question.kind, question.fact_ids, question.answer)


def many_answers_claim_id(
    subject: str, claim: Claim, kind: Kind, fact_ids: tuple[str, ...], answer: tuple[str, ...]
) -> str:
    """Relations with several true answers: one claim per answer ("Armenia sent forces")."""
    when = f"/{claim.when}" if claim.when is not None else ""
    # The entity a question is about is its second fact (the first is the subject); a question
    # that asks for the whole set ("which of these states ...") is about the set.
    entity = fact_ids[1] if len(fact_ids) > 1 and kind is not Kind.MULTIPLE else ""
    if claim.relation in (Relation.LINK_OBJECT, Relation.LINK_SUBJECT):
        # "Titan is a moon of Saturn" asked from either end is one proposition.
        if kind is Kind.MULTIPLE:
            return f"{subject}/{claim.relation.value}s/{claim.detail}"
        if claim.relation is Relation.LINK_OBJECT:
            return f"{subject}/link/{claim.detail}/{entity}"
        return f"{fact_ids[0]}/link/{claim.detail}/{subject}"
    if claim.relation is Relation.MEMBER_ON:
        status = slug_of(claim.detail, "member")
        return f"{subject}/{status}/{entity}{when}" if entity else f"{subject}/{status}s{when}"
    if claim.relation is Relation.PARTICIPANT_AS:
        if entity:
            return f"{subject}/participant/{entity}"
        return f"{subject}/participants/{slug_of(claim.detail, 'role')}"
    if claim.relation is Relation.JOINED_IN:
        return f"{subject}/joined/{claim.other}/{slug_of(claim.detail, 'member')}"
    if claim.relation is Relation.ROLE_HOLDER:
        # The holder is the question's first fact, whichever person a true/false names.
        return f"{fact_ids[0]}/role/{slug_of(claim.detail, 'role')}"
    if claim.relation is Relation.ROLE_TITLE:
        return f"{subject}/role/{slug_of(answer[0] if answer else '', 'role')}"
    if claim.relation in RENAMING:
        # "Sri Lanka was called Ceylon until 1972", asked for the name, the state or the year.
        return f"{subject}/former-name/{slug_of(claim.detail, 'name')}"
    if claim.relation is Relation.FIGURE_OF:
        return f"{subject}/figure/{slug_of(claim.detail, 'figure')}"
    if claim.relation is Relation.PROVISION_LABEL:
        return f"{subject}/provision/{digest(claim.other)}"
    detail = f"/{slug_of(claim.detail)}" if claim.detail else ""
    return f"{subject}/{claim.relation.value}{detail}{f'/{entity}' if entity else ''}{when}"


def digest(text: str) -> str:
    """A short stable digest (SHA-256) for a part of an id too long to spell out."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:SET_DIGEST_LENGTH]
