"""Property tests over random facts files that use quantities, categories and declared relations:
whatever a curator writes within the format, the file loads, every question is fair, and the
oracle bears out every option (no distractor the facts make true, or leave unsettled)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bank_checks import oracle_disagreements, unfair
from facts_strategies import partial_dates, spans, texts, write_facts
from quizgen.facts.loader import load_facts
from quizgen.questions.engine import generate_checked
from quizgen.questions.oracle import Oracle

Data = dict[str, Any]
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TYPES = ("planet", "moon", "novel")
PROPERTIES = (("diameter", "km"), ("mass", "kg"), ("number of moons", ""))
NOUNS = ("gas giant", "ice giant", "rocky world", "Galilean moon")
PHRASES = (("is a moon of", "has the moon"), ("discovered", "was discovered by"))


@st.composite
def subject_facts(draw: st.DrawFn) -> Data:
    """A whole valid file: entities of a few types with quantities, categories and links."""
    count = draw(st.integers(3, 9))
    entity_ids = [f"thing-{n}" for n in range(count)]
    categories = [
        {"id": f"kind-{n}", "name": noun, "complete": draw(st.booleans()),
         "source": {"reference": "Atlas"}}
        for n, noun in enumerate(draw(st.lists(st.sampled_from(NOUNS), max_size=3, unique=True)))
    ]  # fmt: skip
    relations = [
        {
            "id": f"rel-{n}",
            "forward": forward,
            "reverse": reverse,
            "one_object": draw(st.booleans()),
            "one_subject": draw(st.booleans()),
            "complete": draw(st.booleans()),
        }
        for n, (forward, reverse) in enumerate(
            draw(st.lists(st.sampled_from(PHRASES), max_size=2, unique=True))
        )
    ]
    entities: list[Data] = []
    objects_taken: dict[str, set[str]] = {}
    names = draw(st.lists(texts(max_words=2), min_size=count, max_size=count, unique=True))
    for entity_id, name in zip(entity_ids, names, strict=True):
        entity: Data = {
            "id": entity_id,
            "name": name,
            "type": draw(st.sampled_from(TYPES)),
            "source": {"reference": "Atlas"},
        }
        quantities = []
        for prop, unit in draw(st.lists(st.sampled_from(PROPERTIES), max_size=2, unique=True)):
            quantity: Data = {"property": prop}
            if unit:
                quantity["unit"] = unit
            if draw(st.booleans()):
                low = draw(st.integers(1, 1000))
                quantity["range"] = [low, low + draw(st.integers(1, 300))]
            else:
                quantity["value"] = draw(st.integers(0, 200_000))
                if draw(st.booleans()):
                    quantity["precision"] = draw(st.integers(0, 50))
                if draw(st.booleans()):
                    quantity["round_to"] = draw(st.sampled_from((1, 10, 100, 1000)))
            quantities.append(quantity)
        if quantities:
            entity["quantities"] = quantities
        belongs = []
        for category in categories:
            if draw(st.booleans()):
                membership: Data = {"category": category["id"], **draw(spans())}
                belongs.append(membership if len(membership) > 1 else category["id"])
        if belongs:
            entity["categories"] = belongs
        links = []
        for relation in relations:
            targets = draw(st.lists(st.sampled_from(entity_ids), max_size=2, unique=True))
            targets = [t for t in targets if t != entity_id]
            if relation["one_object"]:
                targets = targets[:1]
            taken = objects_taken.setdefault(relation["id"], set())
            if relation["one_subject"]:
                targets = [t for t in targets if t not in taken]
            taken.update(targets)
            links += [{"relation": relation["id"], "to": t} for t in targets]
        if links:
            entity["links"] = links
        entities.append(entity)
    data: Data = {
        "format": "quizgen-facts/1",
        "topic": {"title": "Bodies", "as_of": draw(partial_dates(low=2000))},
        "entities": entities,
    }
    if categories:
        data["categories"] = categories
    if relations:
        data["relations"] = relations
    return data


@SETTINGS
@given(data=subject_facts(), seed=st.integers(0, 2**31 - 1))
def test_every_question_on_quantities_categories_and_links_is_fair_and_borne_out(
    data: Data, seed: int
) -> None:
    with tempfile.TemporaryDirectory(prefix="quizgen-subjects-") as folder:
        facts = load_facts(write_facts(data, Path(folder)))
    bank = generate_checked(facts, seed)
    oracle = Oracle(facts)

    shapes = [f"{c.question.template}: {unfair(c.question)}" for c in bank if unfair(c.question)]
    assert shapes == []
    disagreements = [p for checked in bank for p in oracle_disagreements(oracle, checked)]
    assert disagreements == []
