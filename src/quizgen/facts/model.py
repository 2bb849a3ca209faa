"""The facts model: what a curated facts file says, as frozen values with no I/O or output format.

A facts file is topic-agnostic. It holds bibliographic sources and seven kinds of fact:
entities, groups (with members over time), events, documents (treaties, charters, laws),
people (with roles over time), terms and free statements (cloze sentences).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from quizgen.errors import Location

MONTH_NAMES = tuple(calendar.month_name)


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day (``1992``, ``2020-07``, ``2020-07-13``)."""

    year: int
    month: int = 0
    day: int = 0

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def text(self) -> str:
        """The date as a reader would write it: ``15 May 1992``, ``July 2020``, ``1992``."""
        if self.day:
            return f"{self.day} {MONTH_NAMES[self.month]} {self.year}"
        if self.month:
            return f"{MONTH_NAMES[self.month]} {self.year}"
        return str(self.year)

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)


@dataclass(frozen=True, slots=True)
class Source:
    """A bibliographic source that facts cite, such as an article or a treaty text."""

    id: str
    title: str
    author: str = ""
    publisher: str = ""
    published: PartialDate | None = None
    url: str = ""
    cite_as: str = ""
    """How a question names it when a claim is the source's own framing ("the article")."""
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where one fact comes from: a short exact quote from a source, or a named outside source."""

    source_id: str = ""
    quote: str = ""
    reference: str = ""
    note: str = ""
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Span:
    """A time span; an open end means "still so as of the fact's ``as_of`` date"."""

    since: PartialDate | None = None
    until: PartialDate | None = None

    def holds_on(self, when: PartialDate) -> bool:
        """True when the span covers the whole of ``when`` (a year, month or day)."""
        if self.since is not None and self.since.earliest > when.earliest:
            return False
        return not (self.until is not None and self.until.latest < when.latest)

    def overlaps(self, when: PartialDate) -> bool:
        """True when the span covers any part of ``when``."""
        if self.since is not None and self.since.earliest > when.latest:
            return False
        return not (self.until is not None and self.until.latest < when.earliest)


@dataclass(frozen=True, slots=True)
class FactBase:
    """What every fact has: a stable id, tags, where it comes from, and when it holds."""

    id: str
    tags: tuple[str, ...]
    citation: Citation
    as_of: PartialDate | None
    """The date up to which the fact was checked; time-dependent facts must have one."""
    attributed: bool
    """True when the fact is the source's own framing: questions say "According to <cite_as>"."""
    note: str
    location: Location | None = field(compare=False)
    background: bool = field(default=False, kw_only=True)
    """Context the topic needs but does not teach (a capital, a famous date): its questions are
    left out of decks unless a deck asks for background."""


@dataclass(frozen=True, slots=True)
class Entity(FactBase):
    """A thing with a name and a type: a state, a city, a region, an organisation, an operation."""

    name: str
    type: str
    short: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    the: bool | None = None
    """Whether the name takes "the" in a sentence ("the Netherlands", "NATO"); None: the
    grammar module decides from the name and its type."""


@dataclass(frozen=True, slots=True)
class Membership:
    """One entity's place in a group over a span of time (``member``, ``observer``...)."""

    entity_id: str
    status: str
    span: Span
    citation: Citation | None = None
    note: str = ""
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Group(FactBase):
    """An organisation, alliance or set whose members change over time."""

    name: str
    short: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    founded: PartialDate | None = None
    members: tuple[Membership, ...] = ()
    complete: tuple[str, ...] = ()
    """The statuses whose list of members is complete up to the group's as_of date: only for
    these is an entity that is not listed surely not in that status."""

    the: bool | None = None
    """Whether the name takes "the" in a sentence; None: the grammar module decides."""

    def lists_all(self, status: str) -> bool:
        return status.casefold() in (c.casefold() for c in self.complete)


@dataclass(frozen=True, slots=True)
class Participation:
    """An entity's part in an event (``sent troops``, ``withdrew``), with a reason where known."""

    entity_id: str
    role: str
    reason: str = ""
    citation: Citation | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Event(FactBase):
    """Something that happened on a date, at a place, with participants."""

    name: str
    date: PartialDate
    end: PartialDate | None = None
    place_id: str = ""
    description: str = ""
    participants: tuple[Participation, ...] = ()
    figures: tuple[Figure, ...] = ()
    recurring: bool = False
    """True for a kind of event that happened more than once (Armenia appealed to the CSTO several
    times): its questions name its date, and none asks for its year."""
    complete: tuple[str, ...] = ()
    """The roles whose list of participants is complete: only for these is an entity that is not
    listed in the role (a host that is not also listed as sending forces) surely not in it."""

    def lists_all(self, role: str) -> bool:
        return role.casefold() in (c.casefold() for c in self.complete)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number stated about an event or document: "about 80,000 personnel"."""

    label: str
    value: str
    citation: Citation | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Provision:
    """A numbered part of a document and what it says."""

    label: str
    text: str
    summary: str = ""
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Document(FactBase):
    """A treaty, charter, agreement or law: signed on a date, at a place, with key provisions."""

    name: str
    kind: str
    signed: PartialDate
    short: str = ""
    aliases: tuple[str, ...] = ()
    place_id: str = ""
    parties: tuple[str, ...] = ()
    description: str = ""
    provisions: tuple[Provision, ...] = ()
    verb: str = "signed"
    """What was done to it on its date and at its place: ``signed``, ``adopted``, ``published``."""


@dataclass(frozen=True, slots=True)
class Role:
    """A position a person holds, optionally in an organisation, over a span of time."""

    title: str
    organization_id: str = ""
    span: Span = Span()
    citation: Citation | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Person(FactBase):
    """A person and the roles they hold."""

    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    nationality_id: str = ""
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Term(FactBase):
    """A term or abbreviation and its definition."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    category: str = ""
    """What kind of thing the term names ("planet type", "organisation"): a definition is offered
    as a wrong option, or swapped into a false statement, only for a term of the same category."""


@dataclass(frozen=True, slots=True)
class Blank:
    """A blank in a cloze statement: the text that fills it, other accepted answers, and values
    the author vouches make the sentence false (``{1993|!1992}``), for its true/false form."""

    answer: str
    accept: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement(FactBase):
    """A free sentence for cloze and true/false, written with ``{blanks}`` around key terms."""

    text_parts: tuple[str, ...]
    """The sentence's text between blanks: always one more part than ``blanks``."""
    blanks: tuple[Blank, ...]
    about: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The whole sentence with every blank filled."""
        pieces = [self.text_parts[0]]
        for blank, part in zip(self.blanks, self.text_parts[1:], strict=True):
            pieces += [blank.answer, part]
        return "".join(pieces)


Fact = Entity | Group | Event | Document | Person | Term | Statement


@dataclass(frozen=True, slots=True)
class Topic:
    title: str
    description: str = ""
    as_of: PartialDate | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Facts:
    """A whole facts file: the topic, its sources and its facts, each kind in file order."""

    path: str
    topic: Topic
    sources: tuple[Source, ...] = ()
    entities: tuple[Entity, ...] = ()
    groups: tuple[Group, ...] = ()
    events: tuple[Event, ...] = ()
    documents: tuple[Document, ...] = ()
    people: tuple[Person, ...] = ()
    terms: tuple[Term, ...] = ()
    statements: tuple[Statement, ...] = ()

    @property
    def all_facts(self) -> tuple[Fact, ...]:
        return (
            *self.entities,
            *self.groups,
            *self.events,
            *self.documents,
            *self.people,
            *self.terms,
            *self.statements,
        )

    def by_id(self) -> dict[str, Fact]:
        return {fact.id: fact for fact in self.all_facts}

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def name_of(self, fact_id: str) -> str:
        """The display name of any named fact, or its id when it has none."""
        fact = self.by_id().get(fact_id)
        if fact is None:
            return fact_id
        if isinstance(fact, Term):
            return fact.term
        if isinstance(fact, Statement):
            return fact.text
        return fact.name
