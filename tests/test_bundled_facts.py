"""The bundled facts file is one a teacher can trust: it loads, quotes its article exactly, dates
what changes over time, and uses only the tags the bundled decks select on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import BUNDLED_FACTS, SOURCE_ARTICLE
from quizgen.facts.loader import load_facts
from quizgen.facts.model import Citation, Event, Facts, Group, PartialDate, Person, Span

TAG_VOCABULARY = {
    "membership",
    "treaties",
    "july-2020",
    "kavkaz-2020",
    "people",
    "context",
    "argument",
}
MAX_QUOTE_WORDS = 25


@pytest.fixture(scope="module")
def facts() -> Facts:
    return load_facts(BUNDLED_FACTS)


def every_citation(facts: Facts) -> Iterator[tuple[str, Citation]]:
    """Each fact's citation and those of its memberships, roles, participants and figures."""
    for fact in facts.all_facts:
        yield fact.id, fact.citation
        parts: tuple[object, ...] = ()
        if isinstance(fact, Group):
            parts = fact.members
        elif isinstance(fact, Person):
            parts = fact.roles
        elif isinstance(fact, Event):
            parts = (*fact.participants, *fact.figures)
        for part in parts:
            citation = getattr(part, "citation", None)
            if citation is not None:
                yield fact.id, citation


def spans_of(fact: object) -> list[Span]:
    """The time spans of a group's memberships or a person's roles."""
    parts = (*getattr(fact, "members", ()), *getattr(fact, "roles", ()))
    return [part.span for part in parts]


def dates_in(fact: object) -> Iterator[PartialDate]:
    """The dates a fact states in its spans and event dates (not the words of its text)."""
    for span in spans_of(fact):
        yield from (d for d in (span.since, span.until) if d is not None)
    if isinstance(fact, Event):
        yield from (d for d in (fact.date, fact.end) if d is not None)


def test_the_bundled_file_loads_with_every_kind_of_fact(facts: Facts) -> None:
    assert facts.topic.as_of == PartialDate(2020, 10)
    for section in ("entities", "groups", "events", "documents", "people", "terms", "statements"):
        assert getattr(facts, section), f"the bundled file has no {section}"


def test_every_quote_is_an_exact_short_passage_of_the_article(facts: Facts) -> None:
    if not SOURCE_ARTICLE.is_file():
        pytest.skip("the source article is not next to the project")
    article_text = SOURCE_ARTICLE.read_text(encoding="utf-8")
    quoted = [(fact_id, c.quote) for fact_id, c in every_citation(facts) if c.quote]
    assert quoted
    misquoted = [(fact_id, quote) for fact_id, quote in quoted if quote not in article_text]
    assert misquoted == []


def test_quotes_are_short_evidence_not_copied_paragraphs(facts: Facts) -> None:
    too_long = [
        (fact_id, len(c.quote.split()))
        for fact_id, c in every_citation(facts)
        if len(c.quote.split()) > MAX_QUOTE_WORDS
    ]
    assert too_long == []


def test_every_quote_names_its_source_and_every_other_citation_a_reference(facts: Facts) -> None:
    source_ids = {s.id for s in facts.sources}
    for fact_id, citation in every_citation(facts):
        assert citation.quote or citation.reference, fact_id
        if citation.quote:
            assert citation.source_id in source_ids, fact_id


def test_open_ended_memberships_and_roles_say_as_of_when(facts: Facts) -> None:
    undated = [
        fact.id
        for fact in (*facts.groups, *facts.people)
        if any(span.until is None for span in spans_of(fact)) and fact.as_of is None
    ]
    assert undated == []


def test_facts_that_reach_past_the_topic_date_carry_their_own_later_as_of(facts: Facts) -> None:
    topic_as_of = facts.topic.as_of
    assert topic_as_of is not None
    for fact in facts.all_facts:
        latest = max(dates_in(fact), default=None)
        if latest is not None and latest > topic_as_of:
            assert fact.as_of is not None and fact.as_of >= latest, fact.id


def test_every_fact_is_tagged_from_the_shared_vocabulary(facts: Facts) -> None:
    untagged = [fact.id for fact in facts.all_facts if not fact.tags]
    assert untagged == []
    unknown = {tag for fact in facts.all_facts for tag in fact.tags} - TAG_VOCABULARY
    assert unknown == set()


def test_each_bundled_deck_tag_selects_some_facts(facts: Facts) -> None:
    used = {tag for fact in facts.all_facts for tag in fact.tags}
    assert used == TAG_VOCABULARY


def test_csto_members_in_autumn_2020_are_the_six_the_article_names(facts: Facts) -> None:
    csto = next(group for group in facts.groups if group.id == "csto")
    autumn_2020 = PartialDate(2020, 10)
    members = {m.entity_id for m in csto.members if m.span.holds_on(autumn_2020)}
    assert members == {"russia", "armenia", "belarus", "kazakhstan", "kyrgyzstan", "tajikistan"}


def test_kavkaz_2020_lists_only_confirmed_parts_each_from_an_outside_report(facts: Facts) -> None:
    """The article says only who was invited; what a state then did must come from elsewhere,
    and a state whose part is unconfirmed is left out rather than given a guessed role."""
    kavkaz = next(event for event in facts.events if event.id == "kavkaz-2020")
    entities = {entity.id: entity for entity in facts.entities}
    roles: dict[str, set[str]] = {}
    for participant in kavkaz.participants:
        roles.setdefault(participant.entity_id, set()).add(participant.role)
        citation = participant.citation
        assert citation is not None and citation.reference, participant.entity_id
        assert entities[participant.entity_id].type == "state"
    assert roles["iran"] == {"sent forces", "sent observers"}
    assert roles["azerbaijan"] == {"sent observers", "withdrew its forces from the exercise"}
    assert "invited" not in set().union(*roles.values())
    foreign = set(roles) - {"russia"}
    assert len(foreign) <= 18


def test_kavkaz_2020_counts_eighteen_invited_states(facts: Facts) -> None:
    invited = next(s for s in facts.statements if s.id == "kavkaz-2020-invited-states")
    counts = [b for b in invited.blanks if "18" in b.accept]
    assert [b.answer for b in counts] == ["Eighteen"]
    assert invited.text.startswith("Eighteen states were invited to Kavkaz-2020")


def test_india_not_azerbaijan_gave_the_covid_and_china_reasons(facts: Facts) -> None:
    kavkaz = next(event for event in facts.events if event.id == "kavkaz-2020")
    reasons = {(p.entity_id, p.role): p.reason for p in kavkaz.participants}
    assert (
        "COVID-19" in reasons["india", "withdrew its forces from the exercise"]
        and "China" in reasons["india", "withdrew its forces from the exercise"]
    )
    assert reasons["azerbaijan", "withdrew its forces from the exercise"] == ""


def test_the_articles_arms_supplier_claim_is_framed_as_the_articles(facts: Facts) -> None:
    by_id = facts.by_id()
    assert by_id["azerbaijan-arms-from-russia"].attributed
    assert not by_id["azerbaijan-arms-sipri"].attributed
