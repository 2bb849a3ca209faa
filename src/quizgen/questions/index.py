"""Looks facts up by id, name, type, group and role; built once per facts file, so that no question
needs a scan over every fact (generation must scale to very large facts files)."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from quizgen.facts.model import (
    Document,
    Entity,
    Event,
    Fact,
    Facts,
    Group,
    Membership,
    PartialDate,
    Person,
    Role,
    Source,
    Statement,
    Term,
)
from quizgen.questions.wording import (
    ProperWords,
    document_in_sentence,
    expansion,
    in_sentence,
    is_abbreviation,
    name_words,
    proper_words_in,
)

if TYPE_CHECKING:
    from quizgen.questions.subjects import SubjectIndex


@functools.lru_cache(maxsize=1 << 16)
def text_key(text: str) -> str:
    """The form two texts share when a learner would call them the same: case, spacing and
    accents ignored (``Türkiye`` and ``turkiye ``), as exporters do when grading typed answers."""
    if not text.isascii():  # only non-ASCII text can carry accents to strip
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def contains_word(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words (``2020`` in ``Kavkaz-2020``, not in
    ``20201``); a plain scan, as a pattern compiled for every pair costs more than the search."""
    if not words:
        return False
    start = text.find(words)
    while start != -1:
        end = start + len(words)
        before_ok = start == 0 or not text[start - 1].isalnum() and text[start - 1] != "_"
        after_ok = end == len(text) or not text[end].isalnum() and text[end] != "_"
        if before_ok and after_ok:
            return True
        start = text.find(words, start + 1)
    return False


def names_of(fact: Fact) -> tuple[str, ...]:
    """Every name a fact goes by, its display name first."""
    if isinstance(fact, Term):
        return (fact.term, *fact.aliases)
    if isinstance(fact, Statement):
        return (fact.text,)
    if isinstance(fact, Entity | Group | Document):
        return tuple(n for n in (fact.name, fact.short, *fact.aliases) if n)
    if isinstance(fact, Person | Event):
        return (fact.name, *fact.aliases)
    return (fact.name,)


def name_without_type(entity: Entity) -> str:
    """``Southern`` for the Southern Military District, a military district: what a learner
    asked to "name the military district" may type alone. Nothing where the rest would be no
    name of its own ("the" of the Moon, a moon)."""
    words, kind = entity.name.split(), entity.type.split()
    if not kind or len(words) <= len(kind):
        return ""
    if [w.casefold() for w in words[-len(kind) :]] != [k.casefold() for k in kind]:
        return ""
    rest = words[: -len(kind)]
    if not all(w[:1].isupper() for w in rest):
        return ""
    return " ".join(rest)


def former_names_of(fact: Fact) -> tuple[str, ...]:
    """The names a renamed state or body went by before its present one (Ceylon, EEC): a text
    that gives one names that fact, as it was then."""
    if isinstance(fact, Entity | Group):
        return tuple(form for former in fact.former_names for form in former.forms)
    return ()


def date_of(fact: Fact) -> PartialDate | None:
    """When a dated fact happened: an event's date or a document's signing."""
    if isinstance(fact, Event):
        return fact.date
    if isinstance(fact, Document):
        return fact.signed
    return None


class FactIndex:
    """The lookups that templates and the oracle share; every attribute is filled in __init__."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.by_id: dict[str, Fact] = {fact.id: fact for fact in facts.all_facts}
        self.sources: dict[str, Source] = {source.id: source for source in facts.sources}
        self.ids_by_name: dict[str, set[str]] = defaultdict(set)
        for fact in facts.all_facts:
            for name in (*names_of(fact), *former_names_of(fact)):
                self.ids_by_name[text_key(name)].add(fact.id)

        self.group_ids = [g.id for g in facts.groups]
        self.person_ids = [p.id for p in facts.people]
        self.term_ids = [t.id for t in facts.terms]
        terms_by_category: dict[str, list[str]] = defaultdict(list)
        for term in facts.terms:
            if term.category:
                terms_by_category[term.category.casefold()].append(term.id)
        self.terms_by_category = dict(terms_by_category)
        self.entity_ids_by_type: dict[str, list[str]] = defaultdict(list)
        for entity in facts.entities:
            self.entity_ids_by_type[entity.type].append(entity.id)

        # group id -> entity id -> that entity's memberships in the group (all statuses)
        self.memberships: dict[str, dict[str, list[Membership]]] = {}
        self.groups_of: dict[str, list[str]] = defaultdict(list)
        for group in facts.groups:
            by_entity: dict[str, list[Membership]] = defaultdict(list)
            for membership in group.members:
                by_entity[membership.entity_id].append(membership)
            self.memberships[group.id] = dict(by_entity)
            for entity_id in by_entity:
                self.groups_of[entity_id].append(group.id)

        # places where documents were signed or events held, by the place's entity type
        places: dict[str, dict[str, None]] = defaultdict(dict)
        dated_facts: tuple[Event | Document, ...] = (*facts.events, *facts.documents)
        for dated in dated_facts:
            place = self.by_id.get(dated.place_id)
            if isinstance(place, Entity):
                places[place.type][place.id] = None
        self.places_by_type = {kind: list(ids) for kind, ids in places.items()}

        # nationalities of people, in file order, for plausible "which state" distractors
        self.nationalities: list[str] = list(
            dict.fromkeys(p.nationality_id for p in facts.people if p.nationality_id)
        )

        # organisation id -> people who held a role there; role label -> who held it
        people_by_org: dict[str, dict[str, None]] = defaultdict(dict)
        self.role_labels: dict[str, set[str]] = defaultdict(set)
        for person in facts.people:
            for role in person.roles:
                people_by_org[role.organization_id][person.id] = None
                self.role_labels[text_key(self.role_label(role))].add(person.id)
        self.people_by_org = {org: list(ids) for org, ids in people_by_org.items()}

        # How many documents share a place and year: a reverse card needs a unique answer. A year
        # alone gets no reverse card ("What took place in 1999?"): unique in the facts file, it
        # still names many things to a learner, who cannot know what the file leaves out.
        self.documents_at = Counter((d.place_id, d.signed.year) for d in facts.documents)

        self.definitions: dict[str, set[str]] = defaultdict(set)
        for term in facts.terms:
            self.definitions[text_key(term.definition)].add(term.id)
            if is_abbreviation(term.term):
                # What the letters stand for is the short form of the definition.
                self.definitions[text_key(expansion(term.definition))].add(term.id)

        # words the facts capitalise as names: they keep their capital after "According to ..."
        alone: set[str] = set()
        in_names: set[str] = set()
        for fact in facts.all_facts:
            found = [proper_words_in(text) for text in _free_texts(fact)]
            if not isinstance(fact, Statement):
                found += [name_words(n) for n in (*names_of(fact), *former_names_of(fact))]
            for words in found:
                alone |= words.alone
                in_names |= words.in_names
        self.proper_words = ProperWords(frozenset(alone), frozenset(in_names - alone))

    # -- names ---------------------------------------------------------------------------------

    def name(self, fact_id: str) -> str:
        """The display name of a fact, or its id when it has none (the loader checked the refs)."""
        fact = self.by_id.get(fact_id)
        return names_of(fact)[0] if fact is not None else fact_id

    def short_name(self, fact_id: str) -> str:
        """The short name where one is set and the topic's title uses it (``CSTO``), else the
        display name: a learner is told what the title's abbreviation stands for, not what
        every other one does ("the Eurasian Economic Union", never a bare "EAEU")."""
        fact = self.by_id.get(fact_id)
        title = text_key(self.facts.topic.title)
        if isinstance(fact, Entity | Group | Document) and contains_word(
            title, text_key(fact.short)
        ):
            return fact.short
        return self.name(fact_id)

    def resolve(self, text: str, kinds: tuple[type, ...] = ()) -> set[str]:
        """The ids of facts (of ``kinds``, if given) that go by the name ``text``."""
        ids = self.ids_by_name.get(text_key(text), set())
        if not kinds:
            return set(ids)
        return {i for i in ids if isinstance(self.by_id[i], kinds)}

    def in_sentence(self, fact_id: str) -> str:
        """A fact's name inside a sentence: ``Armenia``, ``the CSTO``, ``the United States``."""
        fact = self.by_id.get(fact_id)
        if isinstance(fact, Entity):
            return in_sentence(fact.name, fact.type, fact.the)
        if isinstance(fact, Group):
            return in_sentence(self.short_name(fact_id), "", fact.the)
        if isinstance(fact, Document) and not fact.short:
            return document_in_sentence(fact.name)
        return in_sentence(self.short_name(fact_id), "")

    def position(self, role: Role) -> str:
        """``Secretary General of the CSTO``; a title that already names its body stays as it is."""
        org = role.organization_id
        if not org or any(text_key(n) in text_key(role.title) for n in names_of(self.by_id[org])):
            return role.title
        return f"{role.title} of {self.in_sentence(org)}"

    def role_label(self, role: Role) -> str:
        """A role as a matching question shows it: ``Secretary General of the CSTO (2020–2022)``."""
        label = self.position(role)
        since = role.span.since.year if role.span.since else None
        until = role.span.until.year if role.span.until else None
        if since and until:
            label += f" ({since})" if since == until else f" ({since}–{until})"
        elif since:
            label += f" (from {since})"
        elif until:
            label += f" (until {until})"
        return label

    # -- dates ---------------------------------------------------------------------------------

    def checked_until(self, fact: Fact) -> PartialDate | None:
        """The date up to which a fact was checked: its own ``as_of``, else the topic's."""
        return fact.as_of or self.facts.topic.as_of

    def latest_year(self, fact: Fact) -> int | None:
        """The last year a question on ``fact`` may offer (none after its check date)."""
        checked = self.checked_until(fact)
        return checked.year if checked else None

    # -- candidates for distractors --------------------------------------------------------------

    def same_type(self, entity_id: str) -> list[str]:
        """The ids of entities of the type of ``entity_id`` (itself included), in file order."""
        entity = self.by_id.get(entity_id)
        return self.entity_ids_by_type.get(entity.type, []) if isinstance(entity, Entity) else []

    def type_of(self, entity_id: str) -> str:
        entity = self.by_id.get(entity_id)
        return entity.type if isinstance(entity, Entity) else ""

    def text_key_of(self, fact: Fact) -> str:
        """All a fact says in words, as one key: what a distractor must not be mentioned in."""
        parts = [*names_of(fact), fact.note, fact.citation.quote]
        if isinstance(fact, Entity | Group | Document | Event | Person):
            parts.append(fact.description)
        return text_key(" | ".join(parts))

    def co_members(self, entity_ids: Iterable[str], limit: int = 64) -> list[str]:
        """Entities sharing a group with ``entity_ids``: plausible neighbours, at most ``limit``,
        those sharing the most groups first (Tajikistan, in three groups with Kazakhstan, before
        Pakistan, in one)."""
        shared = self._groups_shared(entity_ids)
        return sorted(shared, key=lambda other: -shared[other])[:limit]

    def close_members(self, entity_id: str) -> list[str]:
        """Entities sharing more than one group with ``entity_id``: neighbours a learner could
        confuse with it, not a state met in one distant body."""
        return [other for other, count in self._groups_shared([entity_id]).items() if count > 1]

    def kin(self, group_id: str) -> list[str]:
        """Outsiders of a group most like its members: those in another group that overlaps it
        most (Azerbaijan and Georgia, parties to the Treaty the CSTO's members signed, before
        Pakistan, met only in the SCO)."""
        members = set(self.memberships.get(group_id, {}))
        score: dict[str, float] = {}
        for other_id, other in self.memberships.items():
            if other_id == group_id or not other:
                continue
            overlap = len(members & other.keys()) / len(other)
            # In file order, never a set's: the same facts give the same questions.
            for entity_id in other:
                if entity_id not in members:
                    score[entity_id] = score.get(entity_id, 0.0) + overlap
        best = max(score.values(), default=0.0)
        # Kin share a body mostly made of the group's own members, not one met in passing.
        return [e for e, value in score.items() if best >= KIN_OVERLAP and value == best]

    def _groups_shared(self, entity_ids: Iterable[str]) -> dict[str, int]:
        shared: dict[str, int] = {}
        for entity_id in entity_ids:
            for group_id in self.groups_of.get(entity_id, []):
                for other in self.memberships[group_id]:
                    shared[other] = shared.get(other, 0) + 1
        return shared

    def source_of(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)

    def subjects_index(self) -> SubjectIndex:
        """Quantities, categories and relation links, built the first time a question asks."""
        return subject_index(self)


# How much of another group must be the group's own members for its outsiders to be kin: the
# Treaty's parties are 7 of 9 CSTO members (0.78); the SCO's members 5 of 8 (0.63).
KIN_OVERLAP = 0.7


def _free_texts(fact: Fact) -> list[str]:
    """The sentences a fact holds besides its names, where a capital inside shows a name."""
    texts = [fact.note, fact.citation.quote]
    if isinstance(fact, Entity | Group | Document | Event | Person):
        texts.append(fact.description)
    if isinstance(fact, Statement):
        texts.append(fact.text)
    if isinstance(fact, Term):
        texts.append(fact.definition)
    if isinstance(fact, Event):
        texts += [p.role for p in fact.participants] + [f.label for f in fact.figures]
    if isinstance(fact, Person):
        texts += [role.title for role in fact.roles]
    if isinstance(fact, Document):
        texts += [p.text for p in fact.provisions] + [p.summary for p in fact.provisions]
    return [text for text in texts if text]


def subject_index(index: FactIndex) -> SubjectIndex:
    """The quantities, categories and relation links of the index's facts, built on first use."""
    from quizgen.questions.subjects import SubjectIndex  # it builds on this module

    cached = index.__dict__.get("_subjects")
    if not isinstance(cached, SubjectIndex):
        cached = index.__dict__["_subjects"] = SubjectIndex(index.facts)
    return cached
