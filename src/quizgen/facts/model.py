"""The facts model: what a curated facts file says, as frozen values with no I/O or output format.

A facts file is topic-agnostic. It holds bibliographic sources and seven kinds of fact:
entities, groups (with members over time), events, documents (treaties, charters, laws),
people (with roles over time), terms and free statements (cloze sentences). Named facts may
carry quantities (a diameter, a count), belong to categories the file declares (``gas giant``)
and be linked by relations the file declares with their wording in both directions.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from quizgen.errors import Location

MONTH_NAMES = tuple(calendar.month_name)


Day = tuple[int, int, int]
"""A day as (year, month, day), comparable across eras: a year before Christ is negative."""

APPROXIMATE_YEARS = 20
"""How far either way an approximate date ("c. 1265") may lie when checked against others: a
reader takes "c. 190 BC" to allow 205 BC, so it settles no century."""


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day (``1992``, ``2020-07``, ``2020-07-13``),
    or only roughly: ``c. 1265`` (approximate), the ``4th century BC`` (a century).

    A year before Christ is negative, with no year 0: ``-44`` is 44 BC. A century keeps its first
    year in ``year`` (301 for the 4th century, -400 for the 4th century BC) and its number in
    ``century``.
    """

    year: int
    month: int = 0
    day: int = 0
    approximate: bool = False
    century: int = 0

    @property
    def exact(self) -> bool:
        """Whether the date names a year of the common era exactly, as a year question asks."""
        return self.year > 0 and not self.approximate and not self.century

    def __str__(self) -> str:
        if self.year >= 1000 and not (self.approximate or self.century):
            if self.day:
                return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            if self.month:
                return f"{self.year:04d}-{self.month:02d}"
            return f"{self.year:04d}"
        return self.text.removeprefix("the ")

    @property
    def text(self) -> str:
        """The date as a reader would write it: ``15 May 1992``, ``July 2020``, ``1992``,
        ``44 BC``, ``AD 800``, ``c. 1265``, ``the 4th century BC``."""
        era = " BC" if self.year < 0 else ""
        if self.century:
            return f"the {ordinal(self.century)} century{era}"
        year = str(abs(self.year)) + era
        if 0 < self.year < 1000:
            year = f"AD {self.year}"
        if self.day:
            text = f"{self.day} {MONTH_NAMES[self.month]} {year}"
        elif self.month:
            text = f"{MONTH_NAMES[self.month]} {year}"
        else:
            text = year
        return f"c. {text}" if self.approximate else text

    @property
    def earliest(self) -> Day:
        if self.century:
            return (self.year, 1, 1)
        if self.approximate:
            return (counted_across_zero(self.year, -APPROXIMATE_YEARS), 1, 1)
        return (self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> Day:
        if self.century:
            return (counted_across_zero(self.year, 99), 12, 31)
        if self.approximate:
            return (counted_across_zero(self.year, APPROXIMATE_YEARS), 12, 31)
        month = self.month or 12
        return (self.year, month, self.day or days_in_month(self.year, month))


def counted_across_zero(year: int, years: int) -> int:
    """A year (or a century) ``years`` later, or earlier when negative, counting across the
    missing 0: a year after 1 BC (-1) is AD 1, a century after the 1st BC is the 1st."""
    later = year + years
    if year < 0 <= later:
        later += 1
    elif later <= 0 < year:
        later -= 1
    return later


def days_in_month(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar; a year BC counts as one more
    (1 BC is astronomical year 0, a leap year). Raises ValueError for a month that is not one."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month}")
    astronomical = year + 1 if year < 0 else year
    return calendar.monthrange(2000 if calendar.isleap(astronomical) else 2001, month)[1]


def ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st``."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


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

    def shares_time_with(self, other: Span) -> bool:
        """True when the two spans share any time (an open end runs on)."""
        if (
            self.since is not None
            and other.until is not None
            and self.since.earliest > other.until.latest
        ):
            return False
        return not (
            self.until is not None
            and other.since is not None
            and self.until.latest < other.since.earliest
        )


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
    explain: str = ""
    """What the learner should know beyond the description, in the author's words: the
    explanation of a question that gives the description and asks the name."""
    quantities: tuple[Quantity, ...] = ()
    categories: tuple[CategoryMembership, ...] = ()
    links: tuple[Link, ...] = ()
    dissolved: PartialDate | None = None
    succeeded_by: Succession | None = None
    the: bool | None = None
    """Whether the name takes "the" in a sentence ("the Netherlands", "NATO"); None: the
    grammar module decides from the name and its type."""
    former_names: tuple[FormerName, ...] = ()
    """The names it bore before its present one, oldest first (Ceylon, until 1972)."""


@dataclass(frozen=True, slots=True)
class Membership:
    """One entity's place in a group over a span of time (``member``, ``observer``...)."""

    entity_id: str
    status: str
    span: Span
    citation: Citation | None = None
    note: str = ""
    explain: str = ""
    """Why or how the entity joined, in the author's words: told with the year it joined."""
    location: Location | None = field(default=None, compare=False)
    founding: bool = False
    """A founding member: a member from the day the group was founded."""
    suspended: bool = False
    """The span ended in a suspension, not a departure: afterwards the entity may still be held
    formally in the group, so a later date settles neither that it is in it nor that it is not."""


@dataclass(frozen=True, slots=True)
class Succession:
    """What a body or a state became: another fact that took its place, and when."""

    successor_id: str
    date: PartialDate | None = None
    citation: Citation | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name a state, city or body bore before it was renamed, keeping its identity: Ceylon
    until 1972 (now Sri Lanka), the European Economic Community until 1993.

    A renaming is no succession: nothing new took the old one's place, so memberships, roles and
    events carry on under the new name. ``until`` is the date the next name took over.
    """

    name: str
    until: PartialDate
    since: PartialDate | None = None
    short: str = ""
    citation: Citation | None = None
    location: Location | None = field(default=None, compare=False)

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and its short form, as a learner may type either."""
        return tuple(n for n in (self.name, self.short) if n)


@dataclass(frozen=True, slots=True)
class Group(FactBase):
    """An organisation, alliance or set whose members change over time."""

    name: str
    short: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    founded: PartialDate | None = None
    members: tuple[Membership, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    links: tuple[Link, ...] = ()
    dissolved: PartialDate | None = None
    """When the body ceased to exist; every membership has ended by then."""
    succeeded_by: Succession | None = None
    former_names: tuple[FormerName, ...] = ()
    """The names it bore before its present one, oldest first."""
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
    aliases: tuple[str, ...] = ()
    """Other names a learner may type for it ("Caucasus-2020" for "Kavkaz-2020")."""
    place_id: str = ""
    description: str = ""
    participants: tuple[Participation, ...] = ()
    figures: tuple[Figure, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    links: tuple[Link, ...] = ()
    the: bool | None = None
    """Whether the name takes "the" in a sentence ("the Schuman Declaration"); None: the grammar
    module decides from the name's form."""
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
    quantities: tuple[Quantity, ...] = ()
    links: tuple[Link, ...] = ()
    in_force: PartialDate | None = None
    """When it entered into force, if that differs from its date."""


@dataclass(frozen=True, slots=True)
class Role:
    """A position a person holds, optionally in an organisation, over a span of time."""

    title: str
    organization_id: str = ""
    span: Span = Span()
    citation: Citation | None = None
    location: Location | None = field(default=None, compare=False)
    aliases: tuple[str, ...] = ()
    """Other names of the post a typed answer may use (``French foreign minister``)."""


@dataclass(frozen=True, slots=True)
class Person(FactBase):
    """A person and the roles they hold."""

    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    nationality_id: str = ""
    roles: tuple[Role, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    links: tuple[Link, ...] = ()
    born: PartialDate | None = None
    died: PartialDate | None = None
    """A person's life bounds every role and part they play: none begins before birth or
    lasts past death."""


@dataclass(frozen=True, slots=True)
class Term(FactBase):
    """A term or abbreviation and its definition."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    category: str = ""
    """What kind of thing the term names ("planet type", "organisation"): a definition is offered
    as a wrong option, or swapped into a false statement, only for a term of the same category."""
    explain: str = ""
    """Why the term means what it does, or where it comes from, in the author's words: the
    explanation of every question on the term opens with it."""
    used_in: str = ""
    """Where the term means what its definition says, for a term that means other things
    elsewhere ("in the Nagorno-Karabakh conflict": LoC is also Kashmir's Line of Control); the
    stems that ask its meaning open with it."""


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
    explain: str = ""
    """Why the statement holds, in the author's words (what the source says it rests on): the
    explanation of its cloze and true/false questions gives it instead of what the engine can
    tell from other facts."""

    @property
    def text(self) -> str:
        """The whole sentence with every blank filled."""
        pieces = [self.text_parts[0]]
        for blank, part in zip(self.blanks, self.text_parts[1:], strict=True):
            pieces += [blank.answer, part]
        return "".join(pieces)


Fact = Entity | Group | Event | Document | Person | Term | Statement


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number about a fact, with its unit: "equatorial diameter: 142,984 km".

    The value is known exactly, to within ``precision`` either way, or only as a range from
    ``low`` to ``high``; ``round_to`` is the step a typed answer is asked to (the tolerance a
    learner is told), and ``as_of`` dates a number that changes (a count of known moons).
    """

    property: str
    low: float
    high: float
    unit: str = ""
    value: float | None = None
    """The stated value; None when the facts give only a range."""
    decimals: int = 0
    """How many decimals the author wrote, so that numbers are shown as written."""
    round_to: float = 0
    as_of: PartialDate | None = None
    citation: Citation | None = None
    note: str = ""
    location: Location | None = field(default=None, compare=False)
    most: str = ""
    """The author's word for the greatest of this quantity (``largest``), for comparisons."""
    least: str = ""
    """The word for the least (``smallest``)."""
    explain: str = ""
    """What the figure is made of or why it matters, in the author's sentences: told instead of
    another thing's figure for comparison ("Its three volumes hold 23, 19 and 19 chapters.")."""


@dataclass(frozen=True, slots=True)
class CategoryMembership:
    """An entity's place in a declared category over time (Pluto: a planet until 2006)."""

    category_id: str
    span: Span = Span()
    citation: Citation | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Category:
    """A class of things the file declares once (``gas giant``), which entities belong to.

    ``complete`` says the file lists every one of its members: only then is an entity not listed
    in it known not to belong, and only then may it be offered as a wrong answer.
    """

    id: str
    name: str
    plural: str = ""
    complete: bool = False
    description: str = ""
    citation: Citation | None = None
    as_of: PartialDate | None = None
    tags: tuple[str, ...] = ()
    attributed: bool = False
    """The category is one source's classification, where others draw the line elsewhere (NASA's
    "gas giant" leaves out Uranus and Neptune, which older books include): its questions say
    whose it is."""
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class RelationKind:
    """A relation the file declares once, with its wording both ways: ``is a moon of`` (Titan is a
    moon of Saturn) and ``has the moon`` (Saturn has the moon Titan).

    ``one_object`` says each subject has one object at most (a moon has one planet);
    ``one_subject`` that each object has one subject at most (a planet has one discoverer);
    ``complete`` that the file lists every link of this relation between the facts it names.
    """

    id: str
    forward: str
    reverse: str
    subject_noun: str = ""
    object_noun: str = ""
    one_object: bool = False
    one_subject: bool = False
    complete: bool = False
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Link:
    """One instance of a declared relation, written on its subject: ``{relation: moon-of, to:
    saturn}`` on Titan."""

    relation_id: str
    object_id: str
    citation: Citation | None = None
    note: str = ""
    location: Location | None = field(default=None, compare=False)
    explain: str = ""
    """What a learner should know of the link beyond it, in the author's sentences ("Emily
    Brontë published Wuthering Heights in 1847 under the name Ellis Bell."): its questions
    explain with it."""


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
    categories: tuple[Category, ...] = ()
    relations: tuple[RelationKind, ...] = ()

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
