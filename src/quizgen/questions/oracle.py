"""The truth oracle: judges a candidate answer to a Claim from the facts alone, never from the
question that was generated, so a test can run it over the whole bank."""

from __future__ import annotations

import enum
import re

from quizgen.facts.model import (
    Day,
    Document,
    Entity,
    Event,
    Facts,
    Group,
    Membership,
    PartialDate,
    Person,
    Span,
    Statement,
    Term,
)
from quizgen.questions.centuries import century_verdict, century_written
from quizgen.questions.claims import Claim
from quizgen.questions.index import (
    FactIndex,
    contains_word,
    date_of,
    former_names_of,
    name_without_type,
    names_of,
    text_key,
)
from quizgen.questions.oracle_subjects import SubjectJudges
from quizgen.questions.subjects import parse_number

TRUE_TEXT = "True"
FALSE_TEXT = "False"
DIGITS = re.compile(r"\d+")


class Verdict(enum.Enum):
    """TRUE and FALSE are what the facts settle; UNKNOWN is anything they do not (never a safe
    distractor: a wrong option must be shown wrong by the facts, not merely absent from them)."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    @staticmethod
    def of(value: bool) -> Verdict:
        return Verdict.TRUE if value else Verdict.FALSE


def combine(verdicts: list[Verdict]) -> Verdict:
    """One verdict for a text that names several facts: settled only if they all agree."""
    distinct = set(verdicts)
    return distinct.pop() if len(distinct) == 1 else Verdict.UNKNOWN


def year_of(text: str) -> int | None:
    key = text.strip()
    return int(key) if key.isdigit() and len(key) <= 4 else None


class Oracle:
    """Judges candidates by one facts file: ``is_true`` for tests, ``verdict`` for templates."""

    def __init__(self, facts: Facts, index: FactIndex | None = None) -> None:
        self.index = index or FactIndex(facts)
        self._signing_years_by_group: dict[str, set[int]] = {}
        self.subject_judges = SubjectJudges(self.index)

    def is_true(self, claim: Claim, candidate: str) -> bool:
        return self.verdict(claim, candidate) is Verdict.TRUE

    def verdict(self, claim: Claim, candidate: str) -> Verdict:
        if claim.asserted:
            inner = self.verdict(
                Claim(claim.relation, claim.subject, claim.other, claim.detail, claim.when),
                claim.asserted,
            )
            if inner is Verdict.UNKNOWN or candidate not in (TRUE_TEXT, FALSE_TEXT):
                return Verdict.UNKNOWN
            return Verdict.of((inner is Verdict.TRUE) == (candidate == TRUE_TEXT))
        judge = getattr(self, "_" + claim.relation.name.lower(), None)
        if judge is None:
            # Quantities, categories and declared relations have judges of their own.
            settled = self.subject_judges.judge(claim, candidate)
            return Verdict.UNKNOWN if settled is None else Verdict.of(settled)
        verdict: Verdict = judge(claim, candidate)
        return verdict

    # -- helpers ---------------------------------------------------------------------------------

    def _per_fact(self, candidate: str, kinds: tuple[type, ...], judge: object) -> Verdict:
        ids = self.index.resolve(candidate, kinds)
        if not ids:
            return Verdict.UNKNOWN
        assert callable(judge)
        return combine([judge(i) for i in sorted(ids)])

    def _year(self, candidate: str, first: PartialDate, last: PartialDate | None = None) -> Verdict:
        century = century_written(candidate)
        if century is not None:
            settled = century_verdict(first, last, century)
            return Verdict.UNKNOWN if settled is None else Verdict.of(settled)
        year = year_of(candidate)
        if year is None or not first.exact:
            return Verdict.UNKNOWN  # "c. 1265", "the 4th century BC" and 44 BC have no year to type
        if year == first.year:
            return Verdict.TRUE
        if last is not None and first.year < year <= last.year:
            return Verdict.UNKNOWN  # a multi-year event also took place in its later years
        return Verdict.FALSE

    def _checked(self, subject_id: str, when: PartialDate | None) -> bool:
        """Whether the facts were checked up to ``when`` (a later date is not theirs to settle)."""
        fact = self.index.by_id.get(subject_id)
        checked = (
            self.index.checked_until(fact) if fact is not None else self.index.facts.topic.as_of
        )
        return when is None or checked is None or when.latest <= checked.latest

    # -- one judge per relation -------------------------------------------------------------------

    def _member_on(self, claim: Claim, candidate: str) -> Verdict:
        memberships = self.index.memberships.get(claim.subject)
        if (
            memberships is None
            or claim.when is None
            or not self._checked(claim.subject, claim.when)
        ):
            return Verdict.UNKNOWN
        when = claim.when
        group = self.index.by_id.get(claim.subject)
        complete = isinstance(group, Group) and group.lists_all(claim.detail)

        def judge(entity_id: str) -> Verdict:
            held = [m for m in memberships.get(entity_id, []) if m.status == claim.detail]
            verdict = _span_verdict([m.span for m in held], when)
            # Not where it joined again later and left for good.
            last = max(
                held,
                key=lambda m: (m.span.since is not None, m.span.since and m.span.since.earliest),
                default=None,
            )
            if verdict is Verdict.FALSE and last is not None and _suspended_by(last, when):
                return Verdict.UNKNOWN  # a suspended member may be held one still
            # Only a list its author declares complete settles "not listed, so not in it".
            return verdict if complete or verdict is not Verdict.FALSE or held else Verdict.UNKNOWN

        return self._per_fact(candidate, (Entity,), judge)

    def _joined_in(self, claim: Claim, candidate: str) -> Verdict:
        memberships = self.index.memberships.get(claim.subject, {}).get(claim.other, [])
        spans = [m.span for m in memberships if m.status == claim.detail]
        year = year_of(candidate)
        if len(spans) != 1 or spans[0].since is None or year is None:
            return Verdict.UNKNOWN
        if not spans[0].since.exact:
            return Verdict.UNKNOWN
        return Verdict.of(year == spans[0].since.year)

    def _name_of(self, claim: Claim, candidate: str) -> Verdict:
        ids = self.index.resolve(candidate)
        if not ids:
            return self._name_without_type(claim, candidate)
        if claim.subject not in ids:
            return Verdict.FALSE
        subject = self.index.by_id[claim.subject]
        if text_key(candidate) not in {text_key(n) for n in names_of(subject)}:
            return Verdict.UNKNOWN  # a name it bore once (Ceylon) is not its name today
        # A term and the thing it abbreviates share a name ("CIS"): they are no rivals. Two
        # things (or two terms) with one name make the name ambiguous.
        is_term = isinstance(self.index.by_id[claim.subject], Term)
        rivals = [
            i for i in ids - {claim.subject} if isinstance(self.index.by_id[i], Term) == is_term
        ]
        return Verdict.UNKNOWN if rivals else Verdict.TRUE

    def _name_without_type(self, claim: Claim, candidate: str) -> Verdict:
        """ "Southern" names the Southern Military District where no other military district
        is called so, and nothing at all goes by "Southern"."""
        subject = self.index.by_id.get(claim.subject)
        if not isinstance(subject, Entity):
            return Verdict.UNKNOWN
        bare = text_key(name_without_type(subject))
        if not bare or bare != text_key(candidate):
            return Verdict.UNKNOWN
        alike = [
            other
            for other in self.index.entity_ids_by_type.get(subject.type, [])
            if other != subject.id
            and isinstance(entity := self.index.by_id[other], Entity)
            and text_key(name_without_type(entity)) == bare
        ]
        return Verdict.UNKNOWN if alike else Verdict.TRUE

    def _described_as(self, claim: Claim, candidate: str) -> Verdict:
        subject = self.index.by_id.get(claim.subject)
        if not isinstance(subject, Entity):
            return Verdict.UNKNOWN
        # "The capital of Armenia" names one thing; "A city in Armenia" would fit many.
        definite = subject.description.lower().startswith("the ")

        def judge(entity_id: str) -> Verdict:
            if entity_id == claim.subject:
                return Verdict.TRUE
            return Verdict.FALSE if definite else Verdict.UNKNOWN

        return self._per_fact(candidate, (Entity,), judge)

    def _founded_in(self, claim: Claim, candidate: str) -> Verdict:
        group = self.index.by_id.get(claim.subject)
        if not isinstance(group, Group) or group.founded is None:
            return Verdict.UNKNOWN
        verdict = self._year(candidate, group.founded)
        # A union set up by a treaty was "founded" when the treaty was signed as much as when it
        # came into force: the year a document named after the group was signed is not wrong.
        if verdict is Verdict.FALSE and year_of(candidate) in self._signing_years(group):
            return Verdict.UNKNOWN
        return verdict

    def _signing_years(self, group: Group) -> set[int]:
        """The years documents named after the group were signed (cached: asked per option)."""
        if group.id not in self._signing_years_by_group:
            names = [text_key(n) for n in (*names_of(group), *former_names_of(group))]
            self._signing_years_by_group[group.id] = {
                document.signed.year
                for document in self.index.facts.documents
                if any(contains_word(text_key(document.name), n) for n in names)
            }
        return self._signing_years_by_group[group.id]

    def _signed_in(self, claim: Claim, candidate: str) -> Verdict:
        document = self.index.by_id.get(claim.subject)
        if not isinstance(document, Document):
            return Verdict.UNKNOWN
        return self._year(candidate, document.signed)

    def _happened_in(self, claim: Claim, candidate: str) -> Verdict:
        event = self.index.by_id.get(claim.subject)
        if not isinstance(event, Event):
            return Verdict.UNKNOWN
        return self._year(candidate, event.date, event.end)

    def _place(self, place_id: str, candidate: str) -> Verdict:
        if not place_id:
            return Verdict.UNKNOWN
        # A place has one name; another entity of another type may contain it (a city in a state).
        place = self.index.by_id.get(place_id)

        def judge(entity_id: str) -> Verdict:
            if entity_id == place_id:
                return Verdict.TRUE
            other = self.index.by_id[entity_id]
            if isinstance(place, Entity) and isinstance(other, Entity) and other.type == place.type:
                return Verdict.FALSE
            return Verdict.UNKNOWN

        return self._per_fact(candidate, (Entity,), judge)

    def _signed_at(self, claim: Claim, candidate: str) -> Verdict:
        document = self.index.by_id.get(claim.subject)
        return (
            self._place(document.place_id, candidate)
            if isinstance(document, Document)
            else Verdict.UNKNOWN
        )

    def _happened_at(self, claim: Claim, candidate: str) -> Verdict:
        event = self.index.by_id.get(claim.subject)
        return (
            self._place(event.place_id, candidate) if isinstance(event, Event) else Verdict.UNKNOWN
        )

    def _participant_as(self, claim: Claim, candidate: str) -> Verdict:
        event = self.index.by_id.get(claim.subject)
        if not isinstance(event, Event):
            return Verdict.UNKNOWN
        roles: dict[str, set[str]] = {}
        for participation in event.participants:
            roles.setdefault(participation.entity_id, set()).add(text_key(participation.role))

        role = text_key(claim.detail)
        complete = event.lists_all(claim.detail)

        def judge(entity_id: str) -> Verdict:
            if role in roles.get(entity_id, set()):
                return Verdict.TRUE
            # Roles overlap (a host also sends forces): an entity listed in other roles only is
            # settled as not in this one only when the author declares this role's list complete.
            return Verdict.FALSE if complete else Verdict.UNKNOWN

        # People take part too (a signatory, a discoverer at an observatory).
        return self._per_fact(candidate, (Entity, Group, Person), judge)

    def _figure_of(self, claim: Claim, candidate: str) -> Verdict:
        event = self.index.by_id.get(claim.subject)
        if not isinstance(event, Event):
            return Verdict.UNKNOWN
        values = [f.value for f in event.figures if f.label == claim.detail]
        if not values:
            return Verdict.UNKNOWN
        digits = "".join(DIGITS.findall(candidate))
        in_words = parse_number(candidate) if not digits else None
        for value in values:
            if text_key(value) == text_key(candidate):
                return Verdict.TRUE
            if digits and digits == "".join(DIGITS.findall(value)):
                return Verdict.TRUE
            # "eighteen" for 18: a count written in words is the same number.
            if in_words is not None and str(int(in_words)) == "".join(DIGITS.findall(value)):
                return Verdict.TRUE
        return Verdict.UNKNOWN  # another wording of a number may still be right

    def _role_holder(self, claim: Claim, candidate: str) -> Verdict:
        if claim.when is None:
            return Verdict.UNKNOWN
        when = claim.when
        title_key = text_key(claim.detail)

        def judge(person_id: str) -> Verdict:
            person = self.index.by_id[person_id]
            assert isinstance(person, Person)
            if not self._checked(person_id, when):
                return Verdict.UNKNOWN
            spans = [
                r.span
                for r in person.roles
                if r.organization_id == claim.subject and text_key(r.title) == title_key
            ]
            return _span_verdict(spans, when)

        return self._per_fact(candidate, (Person,), judge)

    def _role_title(self, claim: Claim, candidate: str) -> Verdict:
        person = self.index.by_id.get(claim.subject)
        if not isinstance(person, Person) or claim.when is None:
            return Verdict.UNKNOWN
        if not self._checked(person.id, claim.when):
            return Verdict.UNKNOWN
        spans = [
            r.span
            for r in person.roles
            if r.organization_id == claim.other
            and text_key(candidate) in {text_key(n) for n in (r.title, *r.aliases)}
        ]
        return _span_verdict(spans, claim.when)

    def _role_label(self, claim: Claim, candidate: str) -> Verdict:
        holders = self.index.role_labels.get(text_key(candidate))
        if not holders:
            return Verdict.UNKNOWN
        return Verdict.of(claim.subject in holders)

    def _nationality(self, claim: Claim, candidate: str) -> Verdict:
        person = self.index.by_id.get(claim.subject)
        if not isinstance(person, Person) or not person.nationality_id:
            return Verdict.UNKNOWN
        return self._per_fact(
            candidate, (Entity,), lambda i: Verdict.of(i == person.nationality_id)
        )

    def _definition(self, claim: Claim, candidate: str) -> Verdict:
        term = self.index.by_id.get(claim.subject)
        owners = self.index.definitions.get(text_key(candidate))
        if not isinstance(term, Term) or not owners:
            return Verdict.UNKNOWN
        if claim.subject in owners:
            return Verdict.TRUE
        # Another term's definition is wrong here unless that term is a name of this one.
        names = {text_key(n) for n in (term.term, *term.aliases)}
        for owner in owners:
            other = self.index.by_id[owner]
            assert isinstance(other, Term)
            if names & {text_key(n) for n in (other.term, *other.aliases)}:
                return Verdict.UNKNOWN
        return Verdict.FALSE

    def _provision_label(self, claim: Claim, candidate: str) -> Verdict:
        document = self.index.by_id.get(claim.subject)
        if not isinstance(document, Document):
            return Verdict.UNKNOWN
        matches = [p for p in document.provisions if _label_matches(candidate, p.label)]
        if not matches:
            return Verdict.UNKNOWN
        return combine([Verdict.of(text_key(p.text) == text_key(claim.other)) for p in matches])

    def _blank(self, claim: Claim, candidate: str) -> Verdict:
        statement = self.index.by_id.get(claim.subject)
        if not isinstance(statement, Statement):
            return Verdict.UNKNOWN
        blank = statement.blanks[int(claim.detail)]
        accepted = {text_key(a) for a in (blank.answer, *blank.accept)}
        if text_key(candidate) in accepted:
            return Verdict.TRUE
        # Another name of the thing the blank names fills it as well ("Kishinev" for Chisinau).
        named = self.index.resolve(blank.answer)
        if len(named) == 1 and self.index.resolve(candidate) == named:
            return Verdict.TRUE
        # Another word may fill a blank just as well: only the values the author vouches make
        # the sentence false are settled wrong.
        wrong = {text_key(w) for w in blank.wrong}
        return Verdict.FALSE if text_key(candidate) in wrong else Verdict.UNKNOWN

    def _statement(self, claim: Claim, candidate: str) -> Verdict:
        statement = self.index.by_id.get(claim.subject)
        if not isinstance(statement, Statement):
            return Verdict.UNKNOWN
        return Verdict.TRUE if text_key(candidate) == text_key(statement.text) else Verdict.UNKNOWN

    def _precedes(self, claim: Claim, candidate: str) -> Verdict:
        first = self._period(claim.subject)
        if first is None:
            return Verdict.UNKNOWN

        def judge(fact_id: str) -> Verdict:
            second = self._period(fact_id)
            if second is None or fact_id == claim.subject:
                return Verdict.UNKNOWN
            if first[1] < second[0]:
                return Verdict.TRUE
            if second[1] < first[0]:
                return Verdict.FALSE
            # "July 2020" and "13 July 2020", or clashes lasting over the day of an appeal.
            return Verdict.UNKNOWN

        return self._per_fact(candidate, (Event, Document), judge)

    def _period(self, fact_id: str) -> tuple[Day, Day] | None:
        """The first and last day a dated fact may cover: an event runs to its end date."""
        fact = self.index.by_id.get(fact_id)
        when = date_of(fact) if fact is not None else None
        if when is None:
            return None
        last = fact.end if isinstance(fact, Event) and fact.end else when
        return when.earliest, last.latest


def surely_holds(span: Span, when: PartialDate) -> bool:
    """True when ``span`` certainly covers all of ``when``.

    Stricter than ``Span.holds_on``: an end known only to the year ("until 1999") may fall on any
    day of that year, so "a member in 1999" is not settled by it (and likewise for a start).
    """
    if span.since is not None and span.since.latest > when.earliest:
        return False
    return not (span.until is not None and span.until.earliest < when.latest)


def _suspended_by(membership: Membership, when: PartialDate) -> bool:
    """Whether ``membership`` had been suspended, not ended, by ``when``."""
    until = membership.span.until
    return membership.suspended and until is not None and until.earliest <= when.latest


def _span_verdict(spans: list[Span], when: PartialDate) -> Verdict:
    """TRUE when some span surely covers ``when``; FALSE when none touches it; else UNKNOWN."""
    if any(surely_holds(span, when) for span in spans):
        return Verdict.TRUE
    if any(span.overlaps(when) for span in spans):
        return Verdict.UNKNOWN
    return Verdict.FALSE


def _label_matches(candidate: str, label: str) -> bool:
    """``Article 4``, ``article 4`` and ``4`` all name the provision labelled ``Article 4``."""
    if text_key(candidate) == text_key(label):
        return True
    numbers = DIGITS.findall(label)
    return candidate.strip().isdigit() and len(numbers) == 1 and numbers[0] == candidate.strip()
