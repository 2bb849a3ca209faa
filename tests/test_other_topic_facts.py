"""A teacher of another subject (the history of the EU) writes a facts file in the same format,
with outside references instead of an article, and quizgen accepts it as it is."""

from __future__ import annotations

from pathlib import Path

from conftest import EU_FACTS, run_quizgen
from quizgen.facts.loader import SECTIONS, load_facts
from quizgen.facts.model import PartialDate


def test_the_eu_facts_file_loads_and_uses_every_section() -> None:
    facts = load_facts(EU_FACTS)
    for section in SECTIONS:
        assert getattr(facts, section), f"the EU file has no {section}"
    assert facts.sources == ()
    assert all(fact.citation.reference and not fact.citation.quote for fact in facts.all_facts)


def test_membership_over_time_follows_the_uk_leaving_in_2020() -> None:
    facts = load_facts(EU_FACTS)
    eu = next(group for group in facts.groups if group.id == "eu")

    def members_on(when: PartialDate) -> set[str]:
        return {m.entity_id for m in eu.members if m.span.holds_on(when)}

    assert "united-kingdom" in members_on(PartialDate(2019, 12))
    assert "united-kingdom" not in members_on(PartialDate(2020, 2))
    assert "croatia" not in members_on(PartialDate(2013, 6))
    assert len(members_on(PartialDate(1958))) == 6


def test_validate_accepts_the_eu_file_without_any_deck(tmp_path: Path) -> None:
    result = run_quizgen("validate", EU_FACTS, "--decks", tmp_path)
    assert result.exit_code == 0, result.output
    assert "valid" in result.output
