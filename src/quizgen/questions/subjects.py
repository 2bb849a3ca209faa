"""Lookups and judges for what a facts file says about named things besides their own kind's
keys: quantities (numbers with units), categories (declared classes) and declared relations.

The index is built once per facts file; the judges extend the oracle, each settling a candidate
from the facts alone and answering UNKNOWN wherever the facts do not settle it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from quizgen.facts.model import (
    Category,
    CategoryMembership,
    Document,
    Entity,
    Event,
    Facts,
    Group,
    PartialDate,
    Person,
    Quantity,
    RelationKind,
    Span,
)
from quizgen.questions.grammar import SPELT_BELOW, count_in_words
from quizgen.questions.index import FactIndex, text_key
from quizgen.questions.wording import CONNECTIVES, DEFINITE_WORDS

NamedFact = Entity | Group | Event | Document | Person
NAMED_KINDS = (Entity, Group, Event, Document, Person)
NUMBER_IN_TEXT = re.compile(r"^[^\d-]*(-?[\d][\d,  ]*(?:\.\d+)?)")
NEAR_MISS = 0.02
"""A stated value this far (relative) from the facts' value is wrong, not merely rounded."""


@dataclass(frozen=True)
class Measured:
    """One fact's value of one quantity."""

    fact_id: str
    quantity: Quantity


def quantity_key(quantity: Quantity) -> tuple[str, str]:
    """Quantities compare when they measure the same property in the same unit."""
    return text_key(quantity.property), text_key(quantity.unit)


@cache
def _counts_in_words() -> dict[str, int]:
    """``two`` -> 2: made on first use, not when the module is imported."""
    return {words: count for count in range(SPELT_BELOW) for words in count_in_words(count)}


def parse_number(text: str) -> float | None:
    """The number a typed or offered answer starts with: ``142,984 km`` -> 142984; a small
    count in words (``two``, ``none``) is its number."""
    in_words = _counts_in_words().get(text.strip().casefold())
    if in_words is not None:
        return float(in_words)
    match = NUMBER_IN_TEXT.match(text.strip())
    if match is None or "×" in text:
        return None
    digits = re.sub(r"[,  ]", "", match.group(1))
    try:
        return float(digits)
    except ValueError:
        return None


def slack(quantity: Quantity) -> float:
    """How far a stated number may be from the value and still be it: half its last digit, or
    half the step a typed answer is asked to."""
    return max(0.5 * 10.0 ** (-quantity.decimals), quantity.round_to / 2)


def number_verdict(quantity: Quantity, number: float) -> bool | None:
    """True when ``number`` is the quantity's value (as written or rounded as asked), False when it
    is clearly another value, None in between (a rounding the facts do not settle)."""
    distance = max(quantity.low - number, number - quantity.high, 0.0)
    if distance <= slack(quantity):
        return True
    magnitude = max(abs(quantity.low), abs(quantity.high))
    exact_count = quantity.decimals == 0 and not quantity.unit and quantity.low == quantity.high
    if exact_count or distance > max(NEAR_MISS * magnitude, slack(quantity)):
        return False
    return None


class SubjectIndex:
    """Quantities by property, category members and relation links of one facts file."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        named: tuple[NamedFact, ...] = (
            *facts.entities,
            *facts.groups,
            *facts.events,
            *facts.documents,
            *facts.people,
        )
        self.named = {fact.id: fact for fact in named}
        # (property, unit) -> every fact's value of it, in file order
        self.measured: dict[tuple[str, str], list[Measured]] = defaultdict(list)
        self.quantity_of: dict[tuple[str, tuple[str, str]], Quantity] = {}
        for fact in named:
            for quantity in fact.quantities:
                key = quantity_key(quantity)
                if (fact.id, key) not in self.quantity_of:
                    self.quantity_of[fact.id, key] = quantity
                    self.measured[key].append(Measured(fact.id, quantity))

        self.categories: dict[str, Category] = {c.id: c for c in facts.categories}
        self.category_ids_by_name: dict[str, set[str]] = defaultdict(set)
        for category in facts.categories:
            for name in (category.name, category.plural or ""):
                if name:
                    self.category_ids_by_name[text_key(name)].add(category.id)
        self.members: dict[str, list[tuple[str, CategoryMembership]]] = defaultdict(list)
        self.categories_of: dict[str, list[CategoryMembership]] = defaultdict(list)
        for entity in facts.entities:
            for membership in entity.categories:
                self.members[membership.category_id].append((entity.id, membership))
                self.categories_of[entity.id].append(membership)

        # category ids by the type of the entities in them, for distractors of the same kind
        self.categories_by_type: dict[str, dict[str, None]] = defaultdict(dict)
        for entity in facts.entities:
            for membership in entity.categories:
                self.categories_by_type[entity.type][membership.category_id] = None
        self.member_sets = {cid: {e for e, _ in items} for cid, items in self.members.items()}
        self._narrower: dict[tuple[str, str], bool] = {}
        # categories whose members change over time: their questions are dated
        self.changing_categories = {
            cid for cid, items in self.members.items() if any(m.span != Span() for _, m in items)
        }
        # named facts by the noun "which of these ..." calls them, in file order
        self.ids_by_noun: dict[str, list[str]] = defaultdict(list)
        for fact_id in self.named:
            self.ids_by_noun[self.noun_of(fact_id)].append(fact_id)
        # where each fact stands among those measured by one quantity (for nearby values)
        self.measured_at: dict[tuple[str, tuple[str, str]], int] = {
            (m.fact_id, key): n for key, items in self.measured.items() for n, m in enumerate(items)
        }

        self.relations: dict[str, RelationKind] = {r.id: r for r in facts.relations}
        # relation id -> (subject id, object id) in file order; and both ways as lookups
        self.links: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.objects: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.subjects: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.link_of: dict[tuple[str, str, str], NamedFact] = {}
        for fact in named:
            for link in fact.links:
                self.links[link.relation_id].append((fact.id, link.object_id))
                self.objects[link.relation_id, fact.id].append(link.object_id)
                self.subjects[link.relation_id, link.object_id].append(fact.id)
                self.link_of[link.relation_id, fact.id, link.object_id] = fact

    def narrower(self, category_id: str, than_id: str) -> bool:
        """Whether every member of one category belongs to another (``Victorian novel`` and
        ``novel``)."""
        pair = (category_id, than_id)
        if pair not in self._narrower:
            members = self.member_sets.get(category_id, set())
            self._narrower[pair] = bool(members) and members <= self.member_sets.get(than_id, set())
        return self._narrower[pair]

    def category_name(self, category_id: str) -> str:
        category = self.categories.get(category_id)
        return category.name if category is not None else category_id

    def resolve_category(self, text: str) -> set[str]:
        """The categories ``text`` names: ``gas giant``, ``a gas giant`` or ``gas giants``."""
        key = text_key(text)
        for article in ("a ", "an "):
            if key.startswith(article):
                key = key[len(article) :]
        return set(self.category_ids_by_name.get(key, set()))

    def membership_verdict(
        self, entity_id: str, category_id: str, when: PartialDate | None
    ) -> bool | None:
        """Whether the entity belongs to the category (on ``when``, or ever when None): True,
        False (only for a category the file lists completely), or None when not settled."""
        category = self.categories.get(category_id)
        if category is None:
            return None
        spans = [
            m.span for m in self.categories_of.get(entity_id, []) if m.category_id == category_id
        ]
        if spans and when is None:
            return True
        if when is not None:
            for span in spans:
                if _surely(span.since, span.until, when):
                    return True
                if span.overlaps(when):
                    return None
        return False if category.complete else None

    def noun_of(self, fact_id: str, declared: str = "") -> str:
        """The noun for a fact in "which of these ...": a declared one, else its type."""
        if declared:
            return declared
        fact = self.named.get(fact_id)
        if isinstance(fact, Entity):
            return fact.type
        if isinstance(fact, Person):
            return "person"
        if isinstance(fact, Document):
            return fact.kind
        if isinstance(fact, Group):
            return "organisation"
        return "event"

    def link_verdict(self, relation_id: str, subject_id: str, object_id: str) -> bool | None:
        """Whether ``subject`` is linked to ``object`` by the relation: True when listed; False when
        the relation's declaration rules it out; None when the facts do not say."""
        relation = self.relations.get(relation_id)
        if relation is None or subject_id == object_id:
            return None
        if object_id in self.objects.get((relation_id, subject_id), []):
            return True
        if relation.complete:
            return False
        if relation.one_object and self.objects.get((relation_id, subject_id)):
            return False
        if relation.one_subject and self.subjects.get((relation_id, object_id)):
            return False
        return None


def _surely(since: PartialDate | None, until: PartialDate | None, when: PartialDate) -> bool:
    if since is not None and since.latest > when.earliest:
        return False
    return not (until is not None and until.earliest < when.latest)


def spoken_name(index: FactIndex, fact_id: str) -> str:
    """A named fact as it reads in a sentence: a person or a one-word proper name bare
    (``Galileo Galilei``, ``Jupiter``), a name written with its article as written (``the
    Moon``, ``The Vampyre``), anything else as the rest of the engine says it."""
    fact = index.by_id.get(fact_id)
    name = index.name(fact_id)
    if isinstance(fact, Person):
        return name
    takes_the = getattr(fact, "the", None)
    if takes_the is not None and name[:4].lower() != "the ":
        return f"the {name}" if takes_the else name  # the facts' own say wins
    if name[:4].lower() == "the ":
        return name  # written with its article: "the Moon", or a title's own "The Vampyre"
    words = name.split()
    # Every word capitalised but the small ones that join a title ("Pride and Prejudice").
    proper = bool(words) and all(
        word[:1].isupper() or word[:1].isdigit() or (0 < n < len(words) - 1 and word in CONNECTIVES)
        for n, word in enumerate(words)
    )
    if isinstance(fact, Entity) and proper and not DEFINITE_WORDS & {w.lower() for w in words}:
        return name
    return index.in_sentence(fact_id)
