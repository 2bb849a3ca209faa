"""The oracle's judges for quantities, categories and declared relations: each settles a candidate
from the facts alone (True or False) and answers None wherever the facts leave it open (a category
the file does not list completely, a relation it does not declare exhaustive)."""

from __future__ import annotations

from collections.abc import Callable

from quizgen.facts.model import (
    Document,
    Entity,
    FormerName,
    Group,
    PartialDate,
    Person,
    Succession,
)
from quizgen.questions.centuries import century_verdict, century_written
from quizgen.questions.claims import Claim, Relation
from quizgen.questions.index import FactIndex, subject_index, text_key
from quizgen.questions.subjects import NAMED_KINDS, SubjectIndex, number_verdict, parse_number

Settled = bool | None
"""True or False when the facts settle a candidate, None when they do not."""


def agreed(values: list[Settled]) -> Settled:
    """One answer for a text that names several facts: settled only if they all agree."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


class SubjectJudges:
    """One judge per relation on quantities, categories and links, chosen by a typed mapping."""

    def __init__(self, index: FactIndex) -> None:
        self.index = index
        self.subjects: SubjectIndex = subject_index(index)
        self.judges: dict[Relation, Callable[[Claim, str], Settled]] = {
            Relation.QUANTITY: self.quantity,
            Relation.MOST: lambda claim, candidate: self.extreme(claim, candidate, True),
            Relation.LEAST: lambda claim, candidate: self.extreme(claim, candidate, False),
            Relation.LESS_THAN: self.less_than,
            Relation.IN_CATEGORY: self.in_category,
            Relation.CATEGORY_OF: self.category_of,
            Relation.CATEGORY_SINCE: self.category_since,
            Relation.LINK_OBJECT: self.link_object,
            Relation.LINK_SUBJECT: self.link_subject,
            Relation.BORN_IN: lambda claim, candidate: self.year_of_date(claim, candidate, "born"),
            Relation.DIED_IN: lambda claim, candidate: self.year_of_date(claim, candidate, "died"),
            Relation.IN_FORCE_IN: lambda claim, candidate: self.year_of_date(
                claim, candidate, "in_force"
            ),
            Relation.DISSOLVED_IN: lambda claim, candidate: self.year_of_date(
                claim, candidate, "dissolved"
            ),
            Relation.FOUNDING_MEMBER: self.founding_member,
            Relation.SUCCEEDED_BY: self.succeeded_by,
            Relation.SUCCEEDED_IN: self.succeeded_in,
            Relation.FORMER_NAME: self.former_name,
            Relation.FORMER_NAME_OF: self.former_name_of,
            Relation.RENAMED_IN: self.renamed_in,
        }

    def judge(self, claim: Claim, candidate: str) -> Settled:
        judge = self.judges.get(claim.relation)
        return judge(claim, candidate) if judge is not None else None

    def named(self, candidate: str, judge: Callable[[str], Settled]) -> Settled:
        ids = self.index.resolve(candidate, NAMED_KINDS)
        return agreed([judge(i) for i in sorted(ids)]) if ids else None

    # -- quantities ------------------------------------------------------------------------------

    def quantity(self, claim: Claim, candidate: str) -> Settled:
        quantity = self.subjects.quantity_of.get((claim.subject, (claim.detail, claim.other)))
        number = parse_number(candidate)
        if quantity is None or number is None:
            return None
        return number_verdict(quantity, number)

    def extreme(self, claim: Claim, candidate: str, greatest: bool) -> Settled:
        """Whether the candidate's value is surely the greatest (or least) of the options'."""
        key = (claim.detail, claim.other)
        ranges: dict[str, tuple[float, float]] = {}
        for option in claim.subject.split("|"):
            quantity = self.subjects.quantity_of.get((option, key))
            if quantity is None:
                return None
            low, high = quantity.low, quantity.high
            ranges[option] = (low, high) if greatest else (-high, -low)

        def judge(fact_id: str) -> Settled:
            if fact_id not in ranges:
                return None
            low, high = ranges[fact_id]
            others = [r for option, r in ranges.items() if option != fact_id]
            if all(low > other_high for _, other_high in others):
                return True
            if any(other_low > high for other_low, _ in others):
                return False
            return None

        return self.named(candidate, judge)

    def less_than(self, claim: Claim, candidate: str) -> Settled:
        key = (claim.detail, claim.other)
        mine = self.subjects.quantity_of.get((claim.subject, key))
        if mine is None:
            return None

        def judge(fact_id: str) -> Settled:
            other = self.subjects.quantity_of.get((fact_id, key))
            if other is None or fact_id == claim.subject:
                return None
            if mine.high < other.low:
                return True
            if other.high < mine.low:
                return False
            return None

        return self.named(candidate, judge)

    # -- categories ------------------------------------------------------------------------------

    def in_category(self, claim: Claim, candidate: str) -> Settled:
        def judge(entity_id: str) -> Settled:
            if not isinstance(self.index.by_id.get(entity_id), Entity):
                return None
            return self.subjects.membership_verdict(entity_id, claim.subject, claim.when)

        return self.named(candidate, judge)

    def category_of(self, claim: Claim, candidate: str) -> Settled:
        category_ids = self.subjects.resolve_category(candidate)
        if not category_ids:
            return None
        return agreed(
            [
                self.subjects.membership_verdict(claim.subject, category_id, claim.when)
                for category_id in sorted(category_ids)
            ]
        )

    def category_since(self, claim: Claim, candidate: str) -> Settled:
        spans = [
            m.span
            for m in self.subjects.categories_of.get(claim.subject, [])
            if m.category_id == claim.detail
        ]
        text = candidate.strip()
        if len(spans) != 1 or spans[0].since is None or not text.isdigit():
            return None
        return int(text) == spans[0].since.year if spans[0].since.exact else None

    # -- declared relations ------------------------------------------------------------------------

    def link_object(self, claim: Claim, candidate: str) -> Settled:
        return self.named(
            candidate, lambda i: self.subjects.link_verdict(claim.detail, claim.subject, i)
        )

    def link_subject(self, claim: Claim, candidate: str) -> Settled:
        return self.named(
            candidate, lambda i: self.subjects.link_verdict(claim.detail, i, claim.subject)
        )

    # -- lives and entry into force ----------------------------------------------------------------

    def year_of_date(self, claim: Claim, candidate: str, key: str) -> Settled:
        """Whether a person was born or died, or a document entered into force, in the year
        (or the century)."""
        fact = self.index.by_id.get(claim.subject)
        dated = isinstance(fact, Person | Document | Entity | Group)
        when = getattr(fact, key, None) if dated else None
        century = century_written(candidate)
        if isinstance(when, PartialDate) and century is not None:
            return century_verdict(when, None, century)
        year = year_written(candidate)
        if not isinstance(when, PartialDate) or year is None:
            return None
        if when.approximate or when.century:
            return None  # "c. 1265" or "the 11th century" settles no one year
        return year == when.year

    # -- history of bodies -----------------------------------------------------------------------

    def founding_member(self, claim: Claim, candidate: str) -> Settled:
        """A founding member is settled by its flag; a member that surely joined after the
        founding date is surely not one; anyone else is not settled."""
        group = self.index.by_id.get(claim.subject)
        if not isinstance(group, Group) or group.founded is None:
            return None
        founded = group.founded

        def judge(entity_id: str) -> Settled:
            memberships = [m for m in group.members if m.entity_id == entity_id]
            if any(m.founding for m in memberships):
                return True
            later = [m.span.since for m in memberships]
            if later and all(s is not None and s.earliest > founded.latest for s in later):
                return False
            return None

        ids = self.index.resolve(candidate, (Entity,))
        return agreed([judge(i) for i in sorted(ids)]) if ids else None

    def succession(self, fact_id: str) -> Succession | None:
        fact = self.index.by_id.get(fact_id)
        return fact.succeeded_by if isinstance(fact, Entity | Group) else None

    def succeeded_by(self, claim: Claim, candidate: str) -> Settled:
        """A state or body has one successor: it is right, any other entity or group wrong."""
        successor = self.succession(claim.subject)
        if successor is None:
            return None
        ids = self.index.resolve(candidate, (Entity, Group))
        if not ids:
            return None
        return agreed([i == successor.successor_id for i in sorted(ids)])

    def succeeded_in(self, claim: Claim, candidate: str) -> Settled:
        successor = self.succession(claim.subject)
        text = candidate.strip()
        if successor is None or successor.date is None or not text.isdigit():
            return None
        return int(text) == successor.date.year if successor.date.exact else None

    # -- renamings -------------------------------------------------------------------------------

    def renaming(self, claim: Claim) -> tuple[Entity | Group, FormerName] | None:
        """The renamed fact and the former name a claim is about (the name it gave up then)."""
        fact = self.index.by_id.get(claim.subject)
        if not isinstance(fact, Entity | Group):
            return None
        key = text_key(claim.detail)
        for former in fact.former_names:
            if text_key(former.name) == key and claim.when in (None, former.until):
                return fact, former
        return None

    def former_name(self, claim: Claim, candidate: str) -> Settled:
        """The name it bore up to the renaming is right; a name of any other fact, or its present
        name, is wrong. Another name it bore at another time is left open: "known before 1991"
        fits Petrograd as much as Leningrad, so it is never offered as wrong."""
        found = self.renaming(claim)
        if found is None:
            return None
        fact, asked = found
        key = text_key(candidate)
        if key in {text_key(form) for form in asked.forms}:
            return True
        if key in {text_key(form) for former in fact.former_names for form in former.forms}:
            return None
        ids = self.index.resolve(candidate, (Entity, Group))
        return False if ids else None

    def former_name_of(self, claim: Claim, candidate: str) -> Settled:
        """Which state or body bore the name: itself by any of its names, then or now; any other
        entity or group is wrong."""
        if self.renaming(claim) is None:
            return None
        ids = self.index.resolve(candidate, (Entity, Group))
        return agreed([i == claim.subject for i in sorted(ids)]) if ids else None

    def renamed_in(self, claim: Claim, candidate: str) -> Settled:
        found = self.renaming(claim)
        if found is None:
            return None
        until = found[1].until
        century = century_written(candidate)
        if century is not None:
            return century_verdict(until, None, century)
        year = year_written(candidate)
        if year is None or until.approximate or until.century:
            return None
        return year == until.year


def year_written(text: str) -> int | None:
    """The year ``1992``, ``AD 800`` or ``19 BC`` stands for (BC negative), or None."""
    words = text.strip().upper().split()
    if len(words) == 2 and words[1] == "BC" and words[0].isdigit():
        return -int(words[0]) or None
    if len(words) == 2 and words[0] == "AD" and words[1].isdigit():
        return int(words[1]) or None
    if len(words) == 1 and words[0].isdigit() and len(words[0]) <= 4:
        return int(words[0]) or None
    return None
