"""What the facts hold about one fact, told as sentences an explanation can add: where a place saw
events and signings, who belonged to a group, what a person held, what a thing measures.

Each sentence names its subject and stands alone (no full stop; the explanation adds it). The
lookups are built once per facts file, so that telling a fact never scans the whole file.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from quizgen.facts.model import (
    Document,
    Entity,
    Event,
    Fact,
    Group,
    Membership,
    PartialDate,
    Person,
    Quantity,
    Term,
)
from quizgen.questions.grammar import a_or_an, names_several, plural_predicate, possessive, singular
from quizgen.questions.index import FactIndex, contains_word, names_of, text_key
from quizgen.questions.subjects import spoken_name
from quizgen.questions.wording import (
    SENTENCE_OPENERS,
    capitalized,
    dates_text,
    document_in_sentence,
    event_in_sentence,
    listed,
    listed_or,
    lowered_opening,
    measure_text,
    number_text,
    on_date,
    quoted,
    role_is_verb,
    span_text,
    status_phrase,
    statuses_phrase,
    the,
    took_part,
)

# A list longer than this is not told in full: an explanation is a few lines, not a register.
MAX_LISTED = 9
# The longest name, in words, a sentence is searched for.
NAME_WORDS = 6
# How many events or signings a place is told by.
MAX_PLACE_FACTS = 1


def profiles(index: FactIndex) -> Profiles:
    """The profiles of the index's facts, built the first time an explanation asks."""
    cached = index.__dict__.get("_profiles")
    if not isinstance(cached, Profiles):
        cached = index.__dict__["_profiles"] = Profiles(index)
    return cached


class Profiles:
    """Sentences on what the facts hold about each fact, most telling first."""

    def __init__(self, index: FactIndex) -> None:
        self.index = index
        facts = index.facts
        # place id -> the events held and documents signed there, in file order
        self.at_place: dict[str, list[Event | Document]] = defaultdict(list)
        dated_facts: tuple[Event | Document, ...] = (*facts.events, *facts.documents)
        for dated in dated_facts:
            if dated.place_id:
                self.at_place[dated.place_id].append(dated)
        # entity id -> (event, role) of every part it played
        self.parts: dict[str, list[tuple[Event, str]]] = defaultdict(list)
        for event in facts.events:
            for participation in event.participants:
                self.parts[participation.entity_id].append((event, participation.role))
        # organisation id -> (person, role) of every post held there
        self.posts: dict[str, list[tuple[Person, int]]] = defaultdict(list)
        for person in facts.people:
            for number, role in enumerate(person.roles):
                if role.organization_id:
                    self.posts[role.organization_id].append((person, number))
        # facts that the file's quantities, categories or relations speak of
        subjects = index.subjects_index()
        self.spoken: set[str] = {fact_id for fact_id, _ in subjects.quantity_of}
        self.spoken |= set(subjects.categories_of)
        for (_, subject_id), objects in subjects.objects.items():
            self.spoken |= {subject_id, *objects}
        # the first word of a name (``kavkaz`` of "Kavkaz-2020") -> the facts so named, for
        # the facts a one-word term names
        self.first_words: dict[str, list[str]] = defaultdict(list)
        named: tuple[Entity | Group | Event | Document, ...] = (
            *facts.entities,
            *facts.groups,
            *facts.events,
            *facts.documents,
        )
        for fact in named:
            first = fact.name.split(" ", 1)[0]
            for key in dict.fromkeys([text_key(first), text_key(first.split("-", 1)[0])]):
                self.first_words[key].append(fact.id)
        # fact id -> the sentences of the statements about it (a source's own framing is left
        # to its statement's questions, which say whose it is)
        self.statements: dict[str, list[str]] = defaultdict(list)
        # a statement's sentence, as told -> the statement: its source, not that of the fact it
        # is told of, is the sentence's source
        self.statement_told: dict[str, str] = {}
        for statement in facts.statements:
            if not statement.attributed:
                text = statement.text.strip().rstrip(".")
                for fact_id in statement.about:
                    self.statements[fact_id].append(text)
                self.statement_told.setdefault(capitalized(text), statement.id)
        # successor id -> the bodies whose place it took
        self.succeeded: dict[str, list[Entity | Group]] = defaultdict(list)
        bodies: tuple[Entity | Group, ...] = (*facts.entities, *facts.groups)
        for body in bodies:
            if body.succeeded_by is not None:
                self.succeeded[body.succeeded_by.successor_id].append(body)
        self._told: dict[str, tuple[str, ...]] = {}
        # state id -> the people of that nationality
        self.nationals: dict[str, list[Person]] = defaultdict(list)
        for person in facts.people:
            if person.nationality_id:
                self.nationals[person.nationality_id].append(person)

    # -- names ------------------------------------------------------------------------------------

    def said(self, fact_id: str) -> str:
        """A fact's name inside a sentence, as the questions that ask about it say it: ``the
        CSTO``, ``the Southern Military District``, ``Kavkaz-2020``; a thing measured, sorted or
        linked by the file's own relations as those questions do (``Pride and Prejudice``)."""
        fact = self.index.by_id.get(fact_id)
        if isinstance(fact, Event):
            return label_of(fact)
        if isinstance(fact, Document):
            return document_in_sentence(fact.name)
        if isinstance(fact, Term):
            return quoted(fact.term)
        if isinstance(fact, Person) or fact_id in self.spoken:
            return spoken_name(self.index, fact_id)
        return self.index.in_sentence(fact_id)

    def full(self, fact_id: str) -> str:
        """A body by its full name, which always takes "the" (``the World Intellectual Property
        Organization``) where its short form may not (UNESCO)."""
        fact = self.index.by_id.get(fact_id)
        return the(fact.name) if isinstance(fact, Group) else self.said(fact_id)

    def plain(self, fact_id: str) -> str:
        """A fact's name in a sentence without the date a recurring event is named by, for a
        sentence that gives its date anyway."""
        fact = self.index.by_id.get(fact_id)
        return (
            event_in_sentence(fact.name, fact.the)
            if isinstance(fact, Event)
            else self.said(fact_id)
        )

    def lowered(self, text: str) -> str:
        """Text from the facts that goes on after a comma or colon, its opening capital lowered."""
        return lowered_opening(text.strip().rstrip("."), self.index.proper_words)

    # -- sentences on one fact --------------------------------------------------------------------

    def told(self, fact_id: str) -> list[str]:
        """Every sentence the facts allow about ``fact_id``, most telling first. The facts do
        not change, so each fact's sentences are made once (an explanation asks for them for
        every sentence it weighs)."""
        known = self._told.get(fact_id)
        if known is None:
            fact = self.index.by_id.get(fact_id)
            made = () if fact is None else (capitalized(s) for s in self._sentences(fact) if s)
            known = self._told[fact_id] = tuple(made)
        return list(known)

    def _sentences(self, fact: Fact) -> Iterator[str]:
        if isinstance(fact, Event):
            yield self.happening(fact)
            yield self.event_described(fact)
            yield from self.roles_told(fact)
            yield from self.figures_told(fact)
        elif isinstance(fact, Document):
            yield self.signing(fact)
            yield self.description_of(fact.id)
            yield self.parties_told(fact)
            if fact.in_force is not None:
                yield f"{self.said(fact.id)} entered into force {on_date(fact.in_force)}"
            yield from self.provisions_told(fact)
        elif isinstance(fact, Person):
            yield from (self.holding(fact, n) for n in range(len(fact.roles)))
            # As a question asks it: of one with a post, whom it says something of.
            if fact.nationality_id and fact.roles:
                was = "was" if fact.died else "is"
                yield f"{fact.name} {was} from {self.said(fact.nationality_id)}"
            yield self.description_of(fact.id)
            yield self.life(fact)
        elif isinstance(fact, Term):
            yield f"The term {quoted(fact.term)} means {self.lowered(fact.definition)}"
        elif isinstance(fact, Entity | Group):
            yield self.description_of(fact.id)
            if isinstance(fact, Group):
                yield self.founded(fact)
                yield from self.members_told(fact)
            yield self.place_story(fact.id)
            yield from self.parts_told(fact.id)
            yield from self.memberships_told(fact.id)
            yield from self.posts_told(fact.id)
            yield self.ending(fact)
            yield from (self.ending(before) for before in self.succeeded.get(fact.id, []))
        if not isinstance(fact, Term) and hasattr(fact, "quantities"):
            yield from self.categories_told(fact.id)
            yield from self.links_told(fact.id)
            yield from (self.quantity_told(fact.id, q) for q in getattr(fact, "quantities", ()))
        yield from self.statements.get(fact.id, [])
        yield self.also_called(fact)

    def named_in(self, text: str) -> list[str]:
        """The facts a sentence names by one of their names (``Bellamar`` in "Bellamar sent
        twelve ships"): runs of up to ``NAME_WORDS`` words that open with a capital."""
        words = text.split()
        found: dict[str, None] = {}
        for start, word in enumerate(words):
            if not word[:1].isupper():
                continue
            for end in range(start + 1, min(start + NAME_WORDS, len(words)) + 1):
                name = " ".join(words[start:end]).strip(".,;:()“”\"'’")
                name = name.removesuffix("'s").removesuffix("’s")
                for fact_id in sorted(self.index.resolve(name)):
                    found.setdefault(fact_id, None)
        return list(found)

    def named_by(self, term: Term) -> list[str]:
        """The facts whose names a one-word term opens (``Kavkaz-2020`` for "Kavkaz")."""
        if " " in term.term.strip():
            return []
        return [i for i in self.first_words.get(text_key(term.term), []) if i != term.id]

    def description_of(self, fact_id: str) -> str:
        """``Chisinau is the capital of Moldova``: the fact's own description, if it has one
        (``The Treaty of Lisbon amended the EU treaties`` for one that opens with a verb)."""
        fact = self.index.by_id.get(fact_id)
        description = getattr(fact, "description", "")
        if not description:
            return ""
        # A man dead since 1880 or a body dissolved in 2002 was what it was.
        gone = getattr(fact, "died", None) or getattr(fact, "dissolved", None)
        said = self.said(fact_id)
        # Only a closed-class opener loses its capital ("The capital of ..."): a description may
        # open with a name ("Belarusian general").
        what = lowered_opening(description.strip().rstrip("."))
        if role_is_verb(what):
            return f"{said} {what}"
        first = what.split(" ", 1)[0]
        possessive = first.endswith(("'s", "’s"))  # "NATO's founding treaty"
        if first not in SENTENCE_OPENERS and not first[:1].isdigit() and not possessive:
            what = a_or_an(what)  # "a Belarusian general"
        return f"{said} {'was' if gone else 'is'} {what}"

    def option_ids(self, text: str, kinds: tuple[type, ...] = ()) -> str:
        """The one fact an option's text names, or "" when it names none or several."""
        ids = self.index.resolve(text, kinds)
        return ids.pop() if len(ids) == 1 else ""

    def each(self, texts: Sequence[str], tell: Callable[[str], str]) -> str:
        """One clause per option that the facts tell something about, joined into a sentence."""
        return self.joined([tell(i) for i in (self.option_ids(t) for t in texts) if i])

    def joined(self, clauses: Iterable[str]) -> str:
        """Clauses as one sentence, joined by semicolons: only the first opens with a capital
        (a name keeps its own: only a closed-class opener such as "The" is lowered)."""
        told = [c for c in clauses if c]
        return "; ".join(
            capitalized(c) if n == 0 else lowered_opening(c) for n, c in enumerate(told)
        )

    def where_or_what(self, place_id: str, leave_out: str = "") -> str:
        """Why a place is no answer: what happened there instead, else what it is."""
        return self.place_told(place_id, leave_out, 1) or self.description_of(place_id)

    # -- events and documents ---------------------------------------------------------------------

    def happening(self, event: Event) -> str:
        """``Kavkaz-2020 took place in the Southern Military District from 21 to 26 September
        2020``."""
        said_where = event.place_id and not self.named_after_place(event)
        where = f" in {self.said(event.place_id)}" if said_where else ""
        return f"{self.plain(event.id)} took place{where} {dates_text(event.date, event.end)}"

    def event_described(self, event: Event) -> str:
        """``Kavkaz-2020 was a Russian strategic command and staff exercise ...``, where the
        description is a noun phrase with its article; a description that is a sentence of its
        own ("Russia began backing ...") names no subject to say it of, and is not told."""
        description = self.lowered(event.description)
        if not description:
            return ""
        # A plural name ("the snap drills") is told of a plural noun phrase, which takes no
        # article: "were unannounced exercises held in July 2020".
        several = names_several(event.name)
        if description.split(" ", 1)[0] not in ("a", "an", "the") and not several:
            return ""
        return f"{self.plain(event.id)} {'were' if several else 'was'} {description}"

    def signing(self, document: Document, who: str = "") -> str:
        """``The Collective Security Treaty was signed in Tashkent on 15 May 1992``."""
        where = f" in {self.said(document.place_id)}" if document.place_id else ""
        subject = who or self.said(document.id)
        return f"{subject} was {document.verb}{where} {on_date(document.signed)}"

    def dated(self, fact: Event | Document, where: bool = True) -> str:
        """``the Treaty on the Eurasian Economic Union was signed on 29 May 2014``."""
        said_where = where and fact.place_id and not self.named_after_place(fact)
        place = f" in {self.said(fact.place_id)}" if said_where else ""
        if isinstance(fact, Document):
            return f"{self.said(fact.id)} was {fact.verb}{place} {on_date(fact.signed)}"
        return f"{self.plain(fact.id)} took place{place} {dates_text(fact.date, fact.end)}"

    def holders(self, event: Event, role: str) -> list[str]:
        return list(dict.fromkeys(p.entity_id for p in event.participants if p.role == role))

    def role_told(self, event: Event, role: str) -> str:
        """``Armenia, Belarus and Russia sent forces``: every holder of a role, where the event
        lists them all and they are few."""
        ids = self.holders(event, role)
        if not ids or not event.lists_all(role) or len(ids) > MAX_LISTED:
            return ""
        names = [self.said(i) for i in ids]
        return f"{listed(names)} {took_part(role, len(ids) > 1, only=len(ids) == 1)}"

    def roles_told(self, event: Event) -> Iterator[str]:
        for role in dict.fromkeys(p.role for p in event.participants):
            told = self.role_told(event, role)
            if told:
                yield f"In {label_of(event)}, {told}"

    def figures_told(self, event: Event) -> Iterator[str]:
        for figure in event.figures:
            what = self.lowered(figure.label)
            yield f"For {label_of(event)}, the figure given for {what} is {figure.value}"

    def parties_told(self, document: Document) -> str:
        if not document.parties or len(document.parties) > MAX_LISTED:
            return ""
        names = listed([self.said(p) for p in document.parties])
        # Who signed it, not "the parties were": others may have joined since.
        return f"{self.said(document.id)} was {document.verb} by {names}"

    def provisions_told(self, document: Document) -> Iterator[str]:
        for provision in document.provisions:
            if provision.summary:
                summary = self.lowered(provision.summary)
                yield f"{provision.label} of {self.said(document.id)} is on {summary}"

    # -- places, parts and memberships ------------------------------------------------------------

    def named_after_place(self, fact: Event | Document) -> bool:
        """Whether a fact's name says its place ("Russia's annexation of Crimea", "the Treaty of
        Lisbon"): "in Crimea" after it says nothing."""
        place = self.index.by_id.get(fact.place_id) if fact.place_id else None
        names = [text_key(n) for n in (names_of(place) if place else ())]
        return any(contains_word(text_key(fact.name), n) for n in names)

    def place_story(self, place_id: str) -> str:
        """What happened at a place, told of the place itself: an event named after it is told
        on its own ("Russia's annexation of Crimea took place in March 2014"), never as
        "Crimea is where Russia's annexation of Crimea took place"."""
        named = [f for f in self.at_place.get(place_id, []) if self.named_after_place(f)]
        if named:
            return self.dated(named[0], where=False)
        return self.place_told(place_id)

    def place_told(self, place_id: str, leave_out: str = "", most: int = MAX_PLACE_FACTS) -> str:
        """``Astana is where the Treaty on the Eurasian Economic Union was signed in 2014``."""
        # "Crimea is where Russia's annexation of Crimea took place" explains nothing.
        done = [f for f in self.at_place.get(place_id, []) if f.id != leave_out]
        if not done:
            return ""
        what = [self.dated(f, where=False) for f in done[:most]]
        return f"{self.said(place_id)} is where {listed(what)}"

    def parts_told(self, entity_id: str, leave_out: str = "") -> Iterator[str]:
        for event, role in self.parts.get(entity_id, []):
            if event.id != leave_out:
                alone = len({p.entity_id for p in event.participants if p.role == role}) == 1
                yield f"In {label_of(event)}, {self.said(entity_id)} {took_part(role, only=alone)}"

    def memberships_told(self, entity_id: str, leave_out: str = "") -> Iterator[str]:
        for group_id in self.index.groups_of.get(entity_id, []):
            if group_id == leave_out:
                continue
            statuses = dict.fromkeys(m.status for m in self.index.memberships[group_id][entity_id])
            for status in statuses:
                yield self.membership_story(group_id, entity_id, status)

    def membership_story(self, group_id: str, entity_id: str, status: str) -> str:
        """``Uzbekistan was a member of the CSTO from 2006 to 2012``, from every span of that
        status; ``Georgia was never a party ...`` for one a complete list leaves out."""
        return self.memberships_alike(group_id, [entity_id], status)

    def memberships_alike(self, group_id: str, entity_ids: Sequence[str], status: str) -> str:
        """Entities whose spans of ``status`` in the group are the same, told together:
        ``Georgia and Azerbaijan were parties to the Collective Security Treaty from 1993 to
        1999``. Those with other spans are told one after another."""
        stories: dict[tuple[str, ...], list[str]] = {}
        for entity_id in entity_ids:
            stories.setdefault(self._periods(group_id, entity_id, status), []).append(entity_id)
        told = [self._story(group_id, ids, status, periods) for periods, ids in stories.items()]
        return "; ".join(t for t in told if t)

    def _periods(self, group_id: str, entity_id: str, status: str) -> tuple[str, ...]:
        held = [
            m
            for m in self.index.memberships.get(group_id, {}).get(entity_id, [])
            if m.status == status
        ]
        if len(held) == 1 and held[0].span.until is None:
            return ("now", span_text(held[0].span.since, None))
        return tuple(period_text(m) for m in held)

    def _story(
        self, group_id: str, entity_ids: list[str], status: str, periods: tuple[str, ...]
    ) -> str:
        several = len(entity_ids) > 1
        group_name = self.index.short_name(group_id)
        phrase = (statuses_phrase if several else status_phrase)(status, group_name)
        who = listed([self.said(i) for i in entity_ids])
        if not periods:
            group = self.index.by_id.get(group_id)
            if isinstance(group, Group) and group.lists_all(status):
                return f"{who} {'were' if several else 'was'} never {phrase}"
            return ""
        # What held when the facts were checked is told as of then: a parliament that sat as an
        # observer in 2020 may have stopped sitting since.
        checked = self.index.checked_until(self.index.by_id[group_id])
        if periods[0] == "now" and checked is not None:
            # Dated at the end: a stem opens with "As of ...", and the explanation must not.
            still = f"{'were' if several else 'was'}"
            if periods[1].startswith("since "):
                # "Belarus became a party ... in 1993 and still was in October 2020".
                since = periods[1].removeprefix("since ")
                on = "on" if re.match(r"\d{1,2} ", since) else "in"
                return f"{who} became {phrase} {on} {since} and still {still} {on_month(checked)}"
            return f"{who} {still} {phrase} {on_month(checked)}"
        if periods[0] == "now" and periods[1]:
            return f"{who} {'have' if several else 'has'} been {phrase} {periods[1]}"
        if periods[0] == "now":
            return f"{who} {'are' if several else 'is'} {phrase}"
        when = listed([p for p in periods if p]).replace(
            SUSPENDED_ONES, "their memberships were" if several else "its membership was"
        )
        return f"{who} {'were' if several else 'was'} {phrase} {when}".strip()

    def members_told(self, group: Group) -> Iterator[str]:
        """``As of October 2020, the members of the CSTO were ...`` for each status the group
        lists in full; else, for a few holders, their own spans (``Serbia has been an observer
        of the CSTO PA since 2013``)."""
        when = self.index.checked_until(group)
        for status in dict.fromkeys(m.status for m in group.members):
            held = self.holders_on(group, status, when)
            if group.lists_all(status) and when is not None and 1 < len(held) <= MAX_LISTED:
                names = listed([self.said(i) for i in held])
                status_plural = statuses_phrase(status, self.index.short_name(group.id))
                yield f"As of {when.text}, the {status_plural} were {names}"
            elif 0 < len(held) <= MAX_LISTED:
                yield self.memberships_alike(group.id, held, status)

    def holders_on(self, group: Group, status: str, when: PartialDate | None) -> list[str]:
        """Who held ``status`` in ``group`` on ``when`` by the spans (today's holders for None)."""
        held = []
        for membership in group.members:
            span = membership.span
            if membership.status != status or membership.entity_id in held:
                continue
            if when is None or span.holds_on(when):
                held.append(membership.entity_id)
        return held

    def founded(self, group: Group) -> str:
        if group.founded is None:
            return ""
        founders = list(dict.fromkeys(m.entity_id for m in group.members if m.founding))
        by = ""
        if founders and len(founders) <= MAX_LISTED:
            by = f" by {listed([self.said(i) for i in founders])}"
        return f"{self.full(group.id)} was founded {on_date(group.founded)}{by}"

    def ending(self, fact: Entity | Group) -> str:
        if fact.succeeded_by is not None:
            when = fact.succeeded_by.date
            at = f" {on_date(when)}" if when else ""
            successor = self.full(fact.succeeded_by.successor_id)
            return f"{capitalized(successor)} took the place of {self.full(fact.id)}{at}"
        if fact.dissolved is not None:
            return f"{self.said(fact.id)} was dissolved {on_date(fact.dissolved)}"
        return ""

    # -- people -----------------------------------------------------------------------------------

    def holding(self, person: Person, number: int) -> str:
        """``Stanislav Zas was Secretary General of the CSTO from January 2020 to December
        2022``."""
        role = person.roles[number]
        position = self.index.position(role)
        checked = self.index.checked_until(person)
        if role.span.until is None and role.span.since and checked is not None:
            # A post held when the facts were checked is told as of then, not as of today:
            # "has been commander since 2016" outlives the man's tenure.
            since = role.span.since
            on = "on" if since.day else "in"
            return (
                f"{person.name} became {position} {on} {since.text} "
                f"and still was {on_month(checked)}"
            )
        span = span_text(role.span.since, role.span.until)
        verb = "has been" if role.span.until is None and role.span.since else "was"
        # The same post held again is told with every term ("from 1854 to 1870 and from 1873
        # to 1877"): one term alone reads as the whole of it.
        terms = sorted(
            (
                other.span
                for other in person.roles
                if (other.title, other.organization_id) == (role.title, role.organization_id)
            ),
            key=lambda term: (term.since.year, term.since.month or 0) if term.since else (0, 0),
        )
        if len(terms) > 1 and all(t.until is not None for t in terms):
            spans = listed([span_text(t.since, t.until) for t in terms])
            return f"{person.name} was {position} {spans}"
        return f"{person.name} {verb} {position} {span}".strip()

    def posts_told(self, organization_id: str, leave_out: str = "") -> Iterator[str]:
        for person, number in self.posts.get(organization_id, []):
            if person.id != leave_out:
                yield self.holding(person, number)

    def life(self, person: Person) -> str:
        born = f"born {on_date(person.born)}" if person.born else ""
        died = f"died {on_date(person.died)}" if person.died else ""
        if not (born or died):
            return ""
        if person.born and person.died and on_date(person.born) == on_date(person.died):
            # "born in the 2nd century BC and died in the 2nd century BC" says one thing twice.
            return f"{person.name} lived {on_date(person.born)}"
        return f"{person.name} was {born}" + (f" and {died}" if born and died else died)

    # -- categories, links and quantities ---------------------------------------------------------

    def categories_told(self, fact_id: str, leave_out: str = "") -> Iterator[str]:
        subjects = self.index.subjects_index()
        held = subjects.categories_of.get(fact_id, [])
        current = [m.category_id for m in held if m.span.until is None]
        for membership in held:
            category = subjects.categories.get(membership.category_id)
            if category is None or category.id == leave_out:
                continue
            # The narrowest kind says the most: "Neptune is an ice giant", not also "a giant
            # planet", which every ice giant is.
            if membership.span.until is None and any(
                other != category.id and subjects.narrower(other, category.id) for other in current
            ):
                continue
            span = span_text(membership.span.since, membership.span.until)
            # "Pluto was a planet until 2006" reads as if Pluto had changed: what ended was how
            # it was classed.
            # One classed so since a date "has been classed as" one, not "is ... since".
            if membership.span.until:
                verb = "was classed as"
            elif membership.span.since:
                verb = "has been classed as"
            else:
                verb = "is"
            yield f"{self.said(fact_id)} {verb} {a_or_an(category.name)} {span}".strip()

    def category_members(self, category_id: str, leave_out: str = "") -> list[str]:
        """The members of a category (today's, by their spans), in file order."""
        subjects = self.index.subjects_index()
        return [
            entity_id
            for entity_id, membership in subjects.members.get(category_id, [])
            if entity_id != leave_out and membership.span.until is None
        ]

    def links_told(self, fact_id: str, leave_out: str = "") -> Iterator[str]:
        """``Titan is a moon of Saturn``, ``Titan and Enceladus are moons of Saturn``."""
        subjects = self.index.subjects_index()
        for relation in subjects.relations.values():
            objects = [
                o for o in subjects.objects.get((relation.id, fact_id), []) if o != leave_out
            ]
            if objects:
                said = listed([self.said(o) for o in objects[:MAX_LISTED]])
                yield f"{self.said(fact_id)} {relation.forward} {said}"
            linked = [
                s for s in subjects.subjects.get((relation.id, fact_id), []) if s != leave_out
            ]
            if linked:
                yield self.linked_to(relation.id, linked[:MAX_LISTED], fact_id)

    def linked_to(self, relation_id: str, subject_ids: list[str], object_id: str) -> str:
        """``Titan and Enceladus are moons of Saturn``: several subjects of one object."""
        relation = self.index.subjects_index().relations[relation_id]
        predicate = plural_predicate(relation.forward) if len(subject_ids) > 1 else relation.forward
        names = listed([self.said(s) for s in subject_ids])
        return f"{names} {predicate} {self.said(object_id)}"

    def quantity_told(self, fact_id: str, quantity: Quantity) -> str:
        if quantity.value is None:
            low = number_text(quantity.low, quantity.decimals)
            value = f"{low}–{measure_text(quantity.high, quantity.decimals, quantity.unit)}"
        else:
            value = measure_text(quantity.value, quantity.decimals, quantity.unit)
        opening = f"As of {quantity.as_of.text}, " if quantity.as_of else ""
        said = self.said(fact_id)
        told = count_told(said, quantity, value) or f"{the_quantity(quantity, said)} is {value}"
        return f"{opening}{told}"

    def also_called(self, fact: Fact) -> str:
        """``The Collective Security Treaty is also called the CST or the Tashkent Treaty``."""
        said = self.said(fact.id)
        names = [getattr(fact, "short", ""), *getattr(fact, "aliases", ())]
        # An alias that is part of the name ("Karabakh"), the name in other capitals or another
        # spelling of it ("Gumri" for "Gyumri") says nothing new.
        names = [
            n
            for n in dict.fromkeys(names)
            if n and text_key(n) not in text_key(said) and not _spelt_alike(n, fact)
        ]
        if not names or isinstance(fact, Term):
            return ""
        return f"{said} is also called {listed_or(names)}"


# How alike two names of as many words must be to be spellings of one name: "Gumri" and
# "Gyumri", not "Kishinev" and "Chisinau", nor "HL" spelt out as "Harbour League".
SPELLING_ALIKE = 0.8


def _spelt_alike(alias: str, fact: Fact) -> bool:
    name = text_key(getattr(fact, "name", ""))
    other = text_key(alias)
    if len(other.split()) != len(name.split()):
        return False
    return difflib.SequenceMatcher(None, other, name).ratio() >= SPELLING_ALIKE


def on_month(date: PartialDate) -> str:
    """``in October 2020``, ``on 1 June 2024``: a checked date as a sentence's last words."""
    return f"{'on' if date.day else 'in'} {date.text}"


def label_of(event: Event) -> str:
    """An event as a sentence names it; one that recurred also by its date, so that a stem
    never leaves open which time is meant ("Armenia's appeal to the CSTO on 13 July 2020")."""
    phrase = event_in_sentence(event.name, event.the)
    # "in April 1999", not "of April 1999": "the renewal of the Treaty of April 1999" reads as
    # if the Treaty dated from 1999.
    return f"{phrase} {on_date(event.date)}" if event.recurring else phrase


COUNT_OF = "number of "


def counted(quantity: Quantity) -> str:
    """What a count without a unit counts (``chapters`` for ``number of chapters``), else ""."""
    if quantity.unit or not quantity.property.startswith(COUNT_OF):
        return ""
    return quantity.property[len(COUNT_OF) :]


def count_told(subject: str, quantity: Quantity, value: str) -> str:
    """``Moby-Dick has 135 chapters``, ``Venus has no known moons``, ``Earth has 1 known moon``:
    a count as a sentence says it; "" for any other quantity."""
    things = counted(quantity)
    if not things:
        return ""
    if value.replace(",", "") == "1":
        things = singular(things)
    has = "have" if names_several(subject) else "has"
    return f"{subject} {has} {'no' if value == '0' else value} {things}"


def the_quantity(quantity: Quantity, said: str) -> str:
    """``Jupiter's equatorial diameter``, or ``the number of known moons of Mars``."""
    if " of " in f" {quantity.property} ":
        return f"the {quantity.property} of {said}"
    return f"{possessive(said)} {quantity.property}"


# Who was suspended is said once the sentence knows whether it tells of one or of several.
SUSPENDED_ONES = "{its membership was}"


def period_text(membership: Membership) -> str:
    """``from 1993 to 1999``; a suspension is told as one, not as a departure: ``from June 2006
    until its membership was suspended in 2012``."""
    span = membership.span
    if membership.suspended and span.until is not None:
        since = f"from {span.since.text} " if span.since else ""
        return f"{since}until {SUSPENDED_ONES} suspended in {span.until.text}"
    return span_text(span.since, span.until)
