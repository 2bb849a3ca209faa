"""What a question asks, in a form the oracle checks against the facts: Claim, CheckedQuestion."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from quizgen.facts.model import PartialDate
from quizgen.questions.model import Question


class Relation(str, enum.Enum):
    """What a claim relates; each says what ``subject``, ``other``, ``detail``, a candidate are.

    A relation that asks for a year also settles a century offered for it ("the 13th century"),
    as a date known only roughly or to the century is asked.
    """

    MEMBER_ON = "member-on"
    """subject group, detail status, when: is the candidate entity in that status on that date?"""
    JOINED_IN = "joined-in"
    """subject group, other entity, detail status: did that status begin in the candidate year?"""
    NAME_OF = "name-of"
    """subject any named fact: is the candidate one of its names (name, short name, alias)?"""
    DESCRIBED_AS = "described-as"
    """subject entity: is the candidate the entity its description (a definite one) names?"""
    FOUNDED_IN = "founded-in"
    """subject group: was it founded in the candidate year?"""
    SIGNED_IN = "signed-in"
    """subject document: was it signed in the candidate year?"""
    SIGNED_AT = "signed-at"
    """subject document: was it signed at the candidate place?"""
    HAPPENED_IN = "happened-in"
    """subject event: did it take place in the candidate year?"""
    HAPPENED_AT = "happened-at"
    """subject event: did it take place at the candidate place?"""
    PARTICIPANT_AS = "participant-as"
    """subject event, detail role: did the candidate entity take part in that role?"""
    FIGURE_OF = "figure-of"
    """subject event, detail figure label: is the candidate the stated value?"""
    ROLE_HOLDER = "role-holder"
    """subject organisation id (or ""), detail title, when: did the candidate person hold it?"""
    ROLE_TITLE = "role-title"
    """subject person, other organisation id, when: is the candidate the title they held then?"""
    ROLE_LABEL = "role-label"
    """subject person: is the candidate the label of one of their roles (title, body, years)?"""
    NATIONALITY = "nationality"
    """subject person: is the candidate entity their nationality?"""
    DEFINITION = "definition"
    """subject term: is the candidate its definition?"""
    PROVISION_LABEL = "provision-label"
    """subject document, other provision text: is the candidate the label of that provision?"""
    BLANK = "blank"
    """subject statement, detail blank index: does the candidate fill that blank?"""
    STATEMENT = "statement"
    """subject statement: is the candidate the statement's text?"""
    PRECEDES = "precedes"
    """subject dated fact: did it happen strictly before the candidate (a named dated fact)?"""
    QUANTITY = "quantity"
    """subject fact, detail property, other unit: is the candidate number its value?"""
    MOST = "most"
    """subject option ids joined by "|", detail property, other unit: does the candidate have the
    greatest value among those options?"""
    LEAST = "least"
    """as MOST, for the smallest value among the options."""
    LESS_THAN = "less-than"
    """subject fact, detail property, other unit: is its value surely below the candidate's?"""
    IN_CATEGORY = "in-category"
    """subject category id, when: does the candidate entity belong to it?"""
    CATEGORY_OF = "category-of"
    """subject entity, when: is the candidate ("a gas giant") a category it belongs to? (detail
    names the category the question is about, for telling its forms apart)"""
    CATEGORY_SINCE = "category-since"
    """subject entity, detail category id: did it come to belong to it in the candidate year?"""
    LINK_OBJECT = "link-object"
    """subject fact, detail relation id: is the candidate an object it is linked to?"""
    LINK_SUBJECT = "link-subject"
    """subject fact, detail relation id: is the candidate a subject linked to it?"""
    BORN_IN = "born-in"
    """subject person: were they born in the candidate year?"""
    DIED_IN = "died-in"
    """subject person: did they die in the candidate year?"""
    IN_FORCE_IN = "in-force-in"
    """subject document: did it enter into force in the candidate year?"""
    DISSOLVED_IN = "dissolved-in"
    """subject entity or group: did it cease to exist in the candidate year?"""
    FOUNDING_MEMBER = "founding-member"
    """subject group: is the candidate entity one of its founding members?"""
    SUCCEEDED_BY = "succeeded-by"
    """subject entity or group: is the candidate what took its place?"""
    SUCCEEDED_IN = "succeeded-in"
    """subject entity or group: did its successor take its place in the candidate year?"""
    FORMER_NAME = "former-name"
    """subject entity or group, detail a former name, when the date it was given up: is the
    candidate that name (the one it bore up to then)?"""
    FORMER_NAME_OF = "former-name-of"
    """as FORMER_NAME: is the candidate the entity or group that bore that name up to then?"""
    RENAMED_IN = "renamed-in"
    """subject entity or group, detail a former name: was that name given up in the candidate
    year (or century)?"""


@dataclass(frozen=True, slots=True)
class Claim:
    """A machine-checkable question: a relation with its fixed parts; a candidate fills the rest.

    With ``asserted`` set the claim is a proposition for a true/false question: the relation holds
    for the candidate ``asserted``; the oracle then judges the candidates "True" and "False".
    """

    relation: Relation
    subject: str = ""
    other: str = ""
    detail: str = ""
    when: PartialDate | None = None
    asserted: str = ""


@dataclass(frozen=True, slots=True)
class CheckedQuestion:
    """A question with the claims that make it checkable.

    One claim for choice and typed kinds; for cloze one per blank; for matching one per pair (the
    left item's claim, judged against every right-hand text); for ordering one per item of
    ``order`` (a PRECEDES claim on that item, judged against the items after it).
    """

    question: Question
    claims: tuple[Claim, ...]
    false_form: CheckedQuestion | None = None
    """For a true statement, the same item with one value swapped for one the facts prove wrong:
    the engine picks one of the two so that a deck holds about as many false items as true."""

    @property
    def claim(self) -> Claim:
        return self.claims[0]
