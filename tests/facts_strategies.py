"""Hypothesis strategies for random valid facts files: every kind of fact, awkward text, YAML out.

A facts file is drawn as plain data (dicts and lists, the shape the YAML has) and written with
``yaml.safe_dump``, so the loader reads it exactly as it would read a hand-written file.
"""

from __future__ import annotations

import calendar
import functools
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

Data = dict[str, Any]

# Letters DejaVu Sans draws (the PDF exporter refuses the others by design): plain and accented
# Latin, the Azerbaijani schwa and dotless i, Cyrillic and Greek.
LETTERS = (
    "abcdefghijklmnopqrstuvwxyz"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "éèêüöäñçłșțəığÉÜÇŞ"
    "абвгдежзийклмнопрстуфхцчшщыэюяДЖЯ"
    "αβγδεζηθικλμνξοπρστυφχψωΩΔ"
)
MARKUP = "<>&\"'"
# Whole words that have broken outputs elsewhere: tags, entities, template syntax, numbers.
AWKWARD_WORDS = (
    "<b>",
    "</script>",
    "<script>alert(1)</script>",
    "&amp;",
    "&",
    "&nbsp;",
    "O'Brien",
    '"quoted"',
    "{{ curly }}",
    "{% raw %}",
    "Article 4",
    "1992",
    "True",
    "False",
    "x < y",
    "a|b",
    "Azərbaycan",
    "Россия",
    "Ελλάδα",
    "Türkiye",
    "—",
    "“curly”",
    "Donaudampfschifffahrtsgesellschaftskapitän",
    "Cafe\u0301",
    "non\u00a0breaking",
    "two\nlines",
)
# Characters a cloze sentence gives a meaning to: braces mark blanks, '|' separates alternatives.
CLOZE_SYNTAX = "{}|"

FIRST_YEAR = 1950
LAST_YEAR = 2024
TAGS = (
    "membership",
    "treaties",
    "july-2020",
    "kavkaz-2020",
    "people",
    "context",
    "argument",
    "topic::sub_level",
)
ENTITY_TYPES = ("state", "city", "organisation", "border sector", "région", "город")
STATUSES = ("member", "observer", "party")
EVENT_ROLES = ("host", "sent troops", "withdrew", "sent observers", "fought", "<b>mediated</b>")
FIGURE_LABELS = ("personnel", "aircraft", "vehicles & guns")
DOCUMENT_KINDS = ("treaty", "charter", "agreement", "протокол")
ROLE_TITLES = ("Secretary General", "Chair <of> the Council", "Président", "Министр")


@functools.cache
def words(banned: str = "") -> st.SearchStrategy[str]:
    """One word: mostly made of letters (some markup), sometimes a known awkward one."""
    awkward = [w for w in AWKWARD_WORDS if not set(w) & set(banned)]
    alphabet = "".join(c for c in LETTERS + MARKUP if c not in banned)
    return st.text(alphabet=alphabet, min_size=1, max_size=9) | st.sampled_from(awkward)


@functools.cache
def texts(max_words: int = 4, banned: str = "") -> st.SearchStrategy[str]:
    """A short non-empty text of words, as names, titles and definitions are."""
    return st.lists(words(banned), min_size=1, max_size=max_words).map(" ".join)


@st.composite
def partial_dates(draw: st.DrawFn, low: int = FIRST_YEAR, high: int = LAST_YEAR) -> str:
    """A date as a facts file writes it: ``1992``, ``2020-07`` or ``2020-07-13``."""
    year = draw(st.integers(low, high))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return f"{year:04d}"
    month = draw(st.integers(1, 12))
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_key(text: str) -> tuple[int, ...]:
    """A written date as numbers (year first), to compare the years of a span's two ends."""
    return tuple(int(part) for part in text.split("-"))


@st.composite
def spans(draw: st.DrawFn) -> Data:
    """``since`` and ``until`` keys, each optional; a closed span never ends before it begins."""
    span: Data = {}
    since = draw(st.none() | partial_dates())
    until = draw(st.none() | partial_dates())
    if since is not None and until is not None and date_key(until)[0] < date_key(since)[0]:
        since, until = until, since
    if since is not None and until is not None and date_key(until)[0] == date_key(since)[0]:
        until = str(date_key(since)[0] + 1)  # a later year is after any date of the year before
    if since is not None:
        span["since"] = since
    if until is not None:
        span["until"] = until
    return span


@st.composite
def citations(draw: st.DrawFn, source_ids: list[str]) -> Data:
    """A quote from a listed source, a named outside reference, or both, perhaps with a note."""
    citation: Data = {}
    use_quote = bool(source_ids) and draw(st.booleans())
    if use_quote:
        citation["ref"] = draw(st.sampled_from(source_ids))
        citation["quote"] = draw(texts(max_words=6))
    if not use_quote or draw(st.booleans()):
        citation["reference"] = draw(texts())
    if draw(st.booleans()):
        citation["note"] = draw(texts())
    return citation


@st.composite
def common_keys(draw: st.DrawFn, source_ids: list[str]) -> Data:
    """What every fact may carry: tags, its source, as_of, attributed and a note."""
    keys: Data = {"source": draw(citations(source_ids))}
    tags = draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))
    if tags:
        keys["tags"] = tags if len(tags) > 1 or draw(st.booleans()) else tags[0]
    if draw(st.booleans()):
        keys["as_of"] = draw(partial_dates(low=2005))
    if draw(st.booleans()):
        keys["attributed"] = draw(st.booleans())
    if draw(st.booleans()):
        keys["note"] = draw(texts())
    return keys


def optional(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    """A value half the time, None otherwise (strategies are built once: drawing is the cost)."""
    return draw(strategy) if draw(st.booleans()) else None


def put(target: Data, key: str, value: Any) -> None:
    """Sets ``key`` only when there is a value, as a hand-written file leaves keys out."""
    if value not in (None, [], ""):
        target[key] = value


@st.composite
def sources(draw: st.DrawFn, source_id: str) -> Data:
    source: Data = {"id": source_id, "title": draw(texts())}
    put(source, "author", optional(draw, texts(max_words=2)))
    put(source, "publisher", optional(draw, texts(max_words=2)))
    put(source, "published", optional(draw, partial_dates()))
    put(source, "url", optional(draw, st.sampled_from(("https://example.org/a?b=1&c=2",))))
    put(source, "cite_as", optional(draw, texts(max_words=3)))
    return source


@st.composite
def entities(
    draw: st.DrawFn, entity_id: str, names: list[str], types: list[str], source_ids: list[str]
) -> Data:
    # Names come partly from a shared pool, so that two facts sometimes go by one name.
    entity: Data = {
        "id": entity_id,
        "name": draw(st.sampled_from(names) | texts(max_words=3)),
        "type": draw(st.sampled_from(types)),
    }
    put(entity, "short", optional(draw, st.sampled_from(names) | texts(max_words=1)))
    put(entity, "aliases", draw(st.lists(texts(max_words=2), max_size=2)))
    # A description that starts with "The" names one thing; other descriptions may fit many.
    description = optional(draw, st.tuples(st.booleans(), texts()))
    if description is not None:
        definite, words_text = description
        entity["description"] = f"The {words_text}" if definite else words_text
    entity.update(draw(common_keys(source_ids)))
    return entity


@st.composite
def groups(
    draw: st.DrawFn, group_id: str, names: list[str], entity_ids: list[str], source_ids: list[str]
) -> Data:
    group: Data = {"id": group_id, "name": draw(st.sampled_from(names) | texts(max_words=3))}
    put(group, "short", optional(draw, texts(max_words=1)))
    put(group, "aliases", draw(st.lists(texts(max_words=2), max_size=2)))
    put(group, "description", optional(draw, texts()))
    put(group, "founded", optional(draw, partial_dates()))
    members = []
    # An entity may be listed more than once: it left and joined again, or changed its status.
    for entity_id in draw(st.lists(st.sampled_from(entity_ids), max_size=7)):
        membership: Data = {"entity": entity_id}
        put(membership, "status", optional(draw, st.sampled_from(STATUSES)))
        membership.update(draw(spans()))
        put(membership, "source", optional(draw, citations(source_ids)))
        put(membership, "note", optional(draw, texts()))
        members.append(membership)
    put(group, "members", members)
    group.update(draw(common_keys(source_ids)))
    return group


@st.composite
def events(
    draw: st.DrawFn,
    event_id: str,
    names: list[str],
    entity_ids: list[str],
    organisation_ids: list[str],
    source_ids: list[str],
) -> Data:
    date = draw(partial_dates())
    event: Data = {"id": event_id, "name": draw(st.sampled_from(names) | texts()), "date": date}
    if draw(st.booleans()):
        # An end within a few years after the start, at any precision.
        event["end"] = draw(
            partial_dates(low=date_key(date)[0] + 1, high=date_key(date)[0] + 3) | st.just(date)
        )
    if draw(st.integers(0, 3)):  # most events have a place, so that some sets match them
        event["place"] = draw(st.sampled_from(entity_ids))
    put(event, "description", optional(draw, texts()))
    participants = []
    # The same entity may take part in several roles ("withdrew" and "sent observers").
    for entity_id, role in draw(
        st.lists(
            st.tuples(st.sampled_from(organisation_ids), st.sampled_from(EVENT_ROLES)), max_size=6
        )
    ):
        participant: Data = {"entity": entity_id, "role": role}
        put(participant, "reason", optional(draw, texts()))
        put(participant, "source", optional(draw, citations(source_ids)))
        participants.append(participant)
    put(event, "participants", participants)
    figures = []
    for label in draw(st.lists(st.sampled_from(FIGURE_LABELS), max_size=2)):
        figure: Data = {
            "label": label,
            "value": draw(st.sampled_from(("about 80,000", "1 500", "12")) | texts(max_words=2)),
        }
        put(figure, "source", optional(draw, citations(source_ids)))
        figures.append(figure)
    put(event, "figures", figures)
    event.update(draw(common_keys(source_ids)))
    return event


@st.composite
def documents(
    draw: st.DrawFn,
    document_id: str,
    names: list[str],
    entity_ids: list[str],
    organisation_ids: list[str],
    source_ids: list[str],
) -> Data:
    document: Data = {
        "id": document_id,
        "name": draw(st.sampled_from(names) | texts()),
        "kind": draw(st.sampled_from(DOCUMENT_KINDS)),
        "signed": draw(partial_dates()),
    }
    put(document, "short", optional(draw, texts(max_words=1)))
    put(document, "aliases", draw(st.lists(texts(max_words=2), max_size=2)))
    put(document, "place", optional(draw, st.sampled_from(entity_ids)))
    put(document, "parties", draw(st.lists(st.sampled_from(organisation_ids), max_size=4)))
    put(document, "description", optional(draw, texts()))
    provisions = []
    for number in draw(st.lists(st.integers(1, 12), max_size=4)):
        label = draw(st.sampled_from((f"Article {number}", f"§ {number}")) | texts(max_words=2))
        provision: Data = {"label": label, "text": draw(texts(max_words=8))}
        put(provision, "summary", optional(draw, texts()))
        provisions.append(provision)
    put(document, "provisions", provisions)
    document.update(draw(common_keys(source_ids)))
    return document


@st.composite
def people(
    draw: st.DrawFn,
    person_id: str,
    names: list[str],
    entity_ids: list[str],
    organisation_ids: list[str],
    source_ids: list[str],
) -> Data:
    person: Data = {"id": person_id, "name": draw(st.sampled_from(names) | texts(max_words=3))}
    put(person, "aliases", draw(st.lists(texts(max_words=2), max_size=2)))
    put(person, "description", optional(draw, texts()))
    put(person, "nationality", optional(draw, st.sampled_from(entity_ids)))
    roles = []
    for _ in range(draw(st.integers(0, 3))):
        role: Data = {"title": draw(st.sampled_from(ROLE_TITLES) | texts(max_words=3))}
        put(role, "of", optional(draw, st.sampled_from(organisation_ids)))
        role.update(draw(spans()))
        put(role, "source", optional(draw, citations(source_ids)))
        roles.append(role)
    put(person, "roles", roles)
    person.update(draw(common_keys(source_ids)))
    return person


@st.composite
def terms(draw: st.DrawFn, term_id: str, names: list[str], source_ids: list[str]) -> Data:
    term: Data = {
        "id": term_id,
        "term": draw(st.sampled_from(names) | texts(max_words=2)),
        "definition": draw(texts(max_words=8)),
    }
    put(term, "aliases", draw(st.lists(texts(max_words=2), max_size=2)))
    term.update(draw(common_keys(source_ids)))
    return term


@st.composite
def cloze_texts(draw: st.DrawFn) -> str:
    """A sentence with one to three ``{answer|alternative}`` blanks and text around them."""
    plain = texts(banned=CLOZE_SYNTAX)
    blanks = []
    for _ in range(draw(st.integers(1, 3))):
        alternatives = draw(
            st.lists(texts(max_words=2, banned=CLOZE_SYNTAX), min_size=1, max_size=3)
        )
        blanks.append("{" + "|".join(alternatives) + "}")
    pieces = [draw(st.none() | plain) or "" for _ in range(len(blanks) + 1)]
    sentence = pieces[0]
    for blank, piece in zip(blanks, pieces[1:], strict=True):
        sentence += f" {blank} {piece}"
    return sentence.strip()


@st.composite
def statements(
    draw: st.DrawFn, statement_id: str, fact_ids: list[str], source_ids: list[str]
) -> Data:
    statement: Data = {"id": statement_id, "text": draw(cloze_texts())}
    put(statement, "about", draw(st.lists(st.sampled_from(fact_ids), max_size=2, unique=True)))
    statement.update(draw(common_keys(source_ids)))
    return statement


def ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{n}" for n in range(1, count + 1)]


@st.composite
def facts_data(draw: st.DrawFn) -> Data:
    """A whole valid facts file as data: every id unique, every reference defined."""
    topic: Data = {"title": draw(texts())}
    put(topic, "description", optional(draw, texts()))
    put(topic, "as_of", optional(draw, partial_dates(low=2005)))
    put(topic, "language", optional(draw, st.sampled_from(("en", "en-GB"))))
    source_ids = ids("source", draw(st.integers(0, 3)))
    names = draw(st.lists(texts(max_words=2), min_size=1, max_size=6))
    # Few types per file, so that places, members and nationalities have rivals of their type.
    types = draw(st.lists(st.sampled_from(ENTITY_TYPES), min_size=1, max_size=3, unique=True))

    entity_ids = ids("entity", draw(st.integers(2, 9)))
    group_ids = ids("group", draw(st.integers(0, 3)))
    organisation_ids = entity_ids + group_ids
    event_ids = ids("event", draw(st.integers(0, 6)))
    document_ids = ids("doc", draw(st.integers(0, 4)))
    person_ids = ids("person", draw(st.integers(0, 4)))
    term_ids = ids("term", draw(st.integers(0, 4)))
    statement_ids = ids("statement", draw(st.integers(0, 3)))
    fact_ids = [*organisation_ids, *event_ids, *document_ids, *person_ids, *term_ids]

    data: Data = {"format": "quizgen-facts/1", "topic": topic}
    put(data, "sources", [draw(sources(i)) for i in source_ids])
    data["entities"] = [draw(entities(i, names, types, source_ids)) for i in entity_ids]
    put(data, "groups", [draw(groups(i, names, entity_ids, source_ids)) for i in group_ids])
    put(
        data,
        "events",
        [draw(events(i, names, entity_ids, organisation_ids, source_ids)) for i in event_ids],
    )
    put(
        data,
        "documents",
        [draw(documents(i, names, entity_ids, organisation_ids, source_ids)) for i in document_ids],
    )
    put(
        data,
        "people",
        [draw(people(i, names, entity_ids, organisation_ids, source_ids)) for i in person_ids],
    )
    put(data, "terms", [draw(terms(i, names, source_ids)) for i in term_ids])
    put(
        data,
        "statements",
        [
            draw(statements(i, fact_ids + statement_ids[:n], source_ids))
            for n, i in enumerate(statement_ids)
        ],
    )
    date_open_ended(data, draw)
    return data


def date_open_ended(data: Data, draw: st.DrawFn) -> None:
    """Gives an ``as_of`` to each group or person with an open span when the topic has none:
    a membership or role that is "still so" must say as of when."""
    if "as_of" in data["topic"]:
        return
    for section, items_key in (("groups", "members"), ("people", "roles")):
        for fact in data.get(section, []):
            open_ended = any("until" not in item for item in fact.get(items_key, []))
            if open_ended and "as_of" not in fact:
                fact["as_of"] = draw(partial_dates(low=2005))


# libyaml writes the same safe YAML as PyYAML's own emitter, several times faster.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def facts_yaml(data: Data) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)


def write_facts(data: Data, folder: Path) -> Path:
    path = folder / "facts.yaml"
    path.write_text(facts_yaml(data), encoding="utf-8")
    return path
