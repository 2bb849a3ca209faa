"""Writes synthetic, valid facts files of any size using every kind of fact, for measurement.

The facts are invented but consistent (every reference resolves, every span is ordered), so the
question engine treats them like a real topic: entities of several types, groups with members over
time, events with places and participants, documents with provisions, people with roles, terms and
cloze statements.
"""

from __future__ import annotations

import random
from pathlib import Path

SECTION_SHARES = (
    ("entities", 0.40),
    ("groups", 0.05),
    ("events", 0.15),
    ("documents", 0.12),
    ("people", 0.10),
    ("terms", 0.08),
    ("statements", 0.10),
)
ENTITY_TYPES = ("state", "city", "region")
SYLLABLES = (
    "ka",
    "lo",
    "mir",
    "ta",
    "ven",
    "dor",
    "sa",
    "li",
    "ron",
    "bel",
    "qua",
    "zen",
    "ar",
    "tu",
)


def name_for(rng: random.Random, index: int) -> str:
    """A pronounceable name, unique by its index suffix so no two facts share a name."""
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{stem} {index}"


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthetic_facts(count: int, seed: int = 0) -> str:
    """The YAML text of a facts file with about ``count`` facts spread over every section."""
    rng = random.Random(seed)
    sizes = {section: max(3, int(count * share)) for section, share in SECTION_SHARES}
    sizes["entities"] = max(12, count - sum(v for k, v in sizes.items() if k != "entities"))
    source = "{ref: synth, quote: " + quoted("generated") + "}"
    lines = [
        "format: quizgen-facts/1",
        "topic: {title: Synthetic topic, description: Invented facts., as_of: 2020-10}",
        "sources:",
        "  - {id: synth, title: Synthetic source, cite_as: the source}",
        "entities:",
    ]
    entity_ids: dict[str, list[str]] = {kind: [] for kind in ENTITY_TYPES}
    for i in range(sizes["entities"]):
        kind = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        entity_id = f"e{i}"
        entity_ids[kind].append(entity_id)
        lines.append(
            f"  - {{id: {entity_id}, name: {quoted(name_for(rng, i))}, type: {kind}, "
            f"tags: [entities], source: {source}}}"
        )
    states, cities = entity_ids["state"], entity_ids["city"]
    lines.append("groups:")
    for i in range(sizes["groups"]):
        lines += [
            f"  - id: g{i}",
            f"    name: {quoted('Union of ' + name_for(rng, i))}",
            f"    short: U{i}",
            "    tags: [groups]",
            f"    source: {source}",
            "    members:",
        ]
        for member in rng.sample(states, min(len(states), rng.randint(4, 8))):
            since = rng.randint(1950, 2015)
            until = f", until: {rng.randint(since + 1, 2019)}" if rng.random() < 0.25 else ""
            lines.append(f"      - {{entity: {member}, since: {since}{until}}}")
    lines.append("events:")
    for i in range(sizes["events"]):
        participants = ", ".join(
            f"{{entity: {s}, role: {rng.choice(('sent troops', 'sent observers'))}}}"
            for s in rng.sample(states, 3)
        )
        lines.append(
            f"  - {{id: ev{i}, name: {quoted('Summit of ' + name_for(rng, i))}, "
            f"date: {rng.randint(1900, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}, "
            f"place: {rng.choice(cities)}, participants: [{participants}], tags: [events], "
            f"source: {source}}}"
        )
    lines.append("documents:")
    for i in range(sizes["documents"]):
        lines.append(
            f"  - {{id: d{i}, name: {quoted('Treaty of ' + name_for(rng, i))}, kind: treaty, "
            f"signed: {rng.randint(1900, 2020)}, place: {rng.choice(cities)}, tags: [treaties], "
            f"provisions: [{{label: Article 1, text: {quoted('The parties agree to consult.')}}}], "
            f"source: {source}}}"
        )
    group_ids = [f"g{i}" for i in range(sizes["groups"])]
    lines.append("people:")
    for i in range(sizes["people"]):
        since = rng.randint(1950, 2015)
        lines.append(
            f"  - {{id: p{i}, name: {quoted(name_for(rng, i) + ' Person')}, "
            f"nationality: {rng.choice(states)}, "
            f"roles: [{{title: Secretary General, of: {rng.choice(group_ids)}, since: {since}, "
            f"until: {since + rng.randint(1, 4)}}}], tags: [people], source: {source}}}"
        )
    lines.append("terms:")
    for i in range(sizes["terms"]):
        lines.append(
            f"  - {{id: t{i}, term: {quoted('TERM' + str(i))}, "
            f"definition: {quoted('The practice of ' + name_for(rng, i).lower())}, "
            f"tags: [terms], source: {source}}}"
        )
    lines.append("statements:")
    for i in range(sizes["statements"]):
        lines.append(
            f"  - {{id: s{i}, "
            f"text: {quoted('The capital of the region is {' + name_for(rng, i) + '}.')}, "
            f"tags: [statements], source: {source}}}"
        )
    return "\n".join(lines) + "\n"


def write_synthetic_facts(path: Path, count: int, seed: int = 0) -> Path:
    path.write_text(synthetic_facts(count, seed), encoding="utf-8")
    return path
