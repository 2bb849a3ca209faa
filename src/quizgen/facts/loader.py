"""Builds the facts model from a YAML facts file, reporting every problem with its location."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import InputError, Location, Problem
from quizgen.facts.model import (
    Blank,
    Category,
    CategoryMembership,
    Citation,
    Document,
    Entity,
    Event,
    Facts,
    Figure,
    FormerName,
    Group,
    Link,
    Membership,
    PartialDate,
    Participation,
    Person,
    Provision,
    Quantity,
    RelationKind,
    Role,
    Source,
    Span,
    Statement,
    Succession,
    Term,
    Topic,
)
from quizgen.facts.reader import BOOL_TAG, NodeReader, kind_of, suggest
from quizgen.facts.yaml_source import compose_file

FORMAT_NAME = "quizgen-facts/1"
SECTIONS = ("entities", "groups", "events", "documents", "people", "terms", "statements")
COMMON_KEYS = ("tags", "source", "as_of", "attributed", "background", "note")
# Keys any named fact may have, after its kind's own: numbers about it and links to other facts.
SUBJECT_KEYS = ("quantities", "links")
# Keys of things that may cease to exist or become another thing: states, bodies, alliances.
HISTORY_KEYS = ("dissolved", "succeeded_by", "former_names")
# Sections that declare what facts refer to (categories, relations) rather than facts.
DECLARATIONS = ("categories", "relations")
# The languages the question wording is written in: English, in any regional variant.
WORDING_LANGUAGES = ("en",)
LANGUAGE_PATTERN = re.compile(r"^([A-Za-z]{2,3})(?:-[A-Za-z0-9]{2,8})*$")
BLANK_PATTERN = re.compile(r"\{([^{}]*)\}")
NUMBER_PATTERN = re.compile(r"^-?\d+(?:\.(\d+))?([eE][-+]?\d+)?$")
LINK_TARGET_RULE = "a link joins two named facts: entities, groups, events, documents or people"
NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Shape:
    """The keys one kind of mapping in a facts file must have and may have."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()


# Every mapping the loader reads, by the name the JSON Schema gives it under "$defs" (the facts
# file itself is the schema's root); tests hold the two in step. Facts also need a 'source',
# which ``common`` asks for with its own message.
SHAPES: dict[str, Shape] = {
    "facts": Shape(("format", "topic"), ("sources", *SECTIONS, *DECLARATIONS)),
    "topic": Shape(("title",), ("description", "as_of", "language")),
    "source": Shape(("id", "title"), ("author", "publisher", "published", "url", "cite_as")),
    "citation": Shape((), ("ref", "quote", "reference", "note")),
    "entity": Shape(
        ("id", "name", "type"),
        (
            "short",
            "aliases",
            "description",
            "explain",
            "the",
            *COMMON_KEYS,
            "categories",
            *SUBJECT_KEYS,
            *HISTORY_KEYS,
        ),
    ),
    "group": Shape(
        ("id", "name"),
        (
            "short",
            "aliases",
            "description",
            "founded",
            "members",
            "complete",
            "the",
            *COMMON_KEYS,
            *SUBJECT_KEYS,
            *HISTORY_KEYS,
        ),
    ),
    "membership": Shape(
        ("entity",),
        ("status", "since", "until", "source", "note", "explain", "founding", "suspended"),
    ),
    "event": Shape(
        ("id", "name", "date"),
        (
            "end",
            "place",
            "description",
            "participants",
            "figures",
            "complete",
            "recurring",
            "the",
            "aliases",
            *COMMON_KEYS,
            *SUBJECT_KEYS,
        ),
    ),
    "participant": Shape(("entity", "role"), ("reason", "source")),
    "figure": Shape(("label", "value"), ("source",)),
    "document": Shape(
        ("id", "name", "kind", "signed"),
        (
            "in_force",
            "short",
            "aliases",
            "place",
            "parties",
            "description",
            "provisions",
            "verb",
            *COMMON_KEYS,
            *SUBJECT_KEYS,
        ),
    ),
    "provision": Shape(("label", "text"), ("summary",)),
    "person": Shape(
        ("id", "name"),
        (
            "aliases",
            "description",
            "nationality",
            "roles",
            *COMMON_KEYS,
            *SUBJECT_KEYS,
            "born",
            "died",
        ),
    ),
    "role": Shape(("title",), ("of", "since", "until", "source", "aliases")),
    "term": Shape(
        ("id", "term", "definition"), ("aliases", "category", "explain", "used_in", *COMMON_KEYS)
    ),
    "statement": Shape(("id", "text"), ("about", "explain", *COMMON_KEYS)),
    "quantity": Shape(
        ("property",),
        (
            "value",
            "range",
            "unit",
            "precision",
            "round_to",
            "as_of",
            "source",
            "note",
            "most",
            "least",
            "explain",
        ),
    ),
    "category": Shape(
        ("id", "name"),
        ("plural", "complete", "description", "as_of", "tags", "source", "attributed"),
    ),
    "category_membership": Shape(("category",), ("since", "until", "source")),
    "relation": Shape(
        ("id", "forward", "reverse"), ("subject", "object", "one_object", "one_subject", "complete")
    ),
    "link": Shape(("relation", "to"), ("source", "note", "explain")),
    "succession": Shape(("id",), ("date", "source")),
    "former_name": Shape(("name", "until"), ("short", "since", "source")),
}
FACT_SHAPES = ("entity", "group", "event", "document", "person", "term", "statement")


@dataclass(frozen=True)
class Reference:
    """An id the file uses to name another item, kept with where it is written."""

    target_id: str
    kind: str
    """What it may name: 'entity', 'organisation' (entity or group), 'source' or 'fact'."""
    what: str
    location: Location
    rule: str = ""
    """What the reference must name, said to the author when it names something else."""


# The lists that hold facts are read an item at a time, never composed whole (large files).
STREAMED_SECTIONS = frozenset(("sources", *SECTIONS))


def load_facts(path: Path | str, display_path: str | None = None) -> Facts:
    """The validated facts of ``path``; raises InputError listing every problem found."""
    path = Path(path)
    shown = display_path or str(path)
    reader = FactsReader(shown)
    # Repeated keys join the reader's problems, so they are reported with everything else.
    root = compose_file(path, shown, reader.problems, streamed_keys=STREAMED_SECTIONS)
    facts = reader.read(root)
    if reader.problems or facts is None:
        raise InputError(reader.problems)
    return facts


class FactsReader(NodeReader):
    """Reads one facts document; each ``read_*`` method handles one section's items."""

    def read(self, root: yaml.Node) -> Facts | None:
        self.references: list[Reference] = []
        self.definitions: list[tuple[Location, str]] = []
        top = self.shaped(root, "the facts file", "facts")
        if top is None:
            return None
        if "format" in top:
            declared = self.string(top["format"], "format")
            if declared and declared != FORMAT_NAME:
                self.problem(
                    top["format"], f"unknown format '{declared}'", f"write 'format: {FORMAT_NAME}'"
                )
        topic = self.read_topic(top["topic"]) if "topic" in top else Topic(title="")
        self.topic_as_of = topic.as_of
        facts = Facts(
            path=self.path,
            topic=topic,
            sources=tuple(self.items(top.get("sources"), "sources", self.read_source)),
            entities=tuple(self.items(top.get("entities"), "entities", self.read_entity)),
            groups=tuple(self.items(top.get("groups"), "groups", self.read_group)),
            events=tuple(self.items(top.get("events"), "events", self.read_event)),
            documents=tuple(self.items(top.get("documents"), "documents", self.read_document)),
            people=tuple(self.items(top.get("people"), "people", self.read_person)),
            terms=tuple(self.items(top.get("terms"), "terms", self.read_term)),
            statements=tuple(self.items(top.get("statements"), "statements", self.read_statement)),
            categories=tuple(self.items(top.get("categories"), "categories", self.read_category)),
            relations=tuple(self.items(top.get("relations"), "relations", self.read_relation)),
        )
        if not facts.all_facts and not self.problems:
            self.problem(
                root, "the facts file has no facts", "add at least one of: " + ", ".join(SECTIONS)
            )
        check_references(self, facts)
        check_links(self, facts)
        check_lives(self, facts)
        check_former_names(self, facts)
        return facts

    def shaped(self, node: yaml.Node, what: str, shape_name: str) -> dict[str, yaml.Node] | None:
        shape = SHAPES[shape_name]
        return self.mapping(node, what, shape.required, shape.optional)

    def definition(self, node: yaml.Node | None, what: str) -> str:
        """The id of a source or fact, remembered with where it is written to find repeats."""
        defined_id = self.identifier(node, what)
        if node is not None and defined_id:
            self.definitions.append((self.at(node), defined_id))
        return defined_id

    def reference(self, node: yaml.Node | None, what: str, kind: str, rule: str = "") -> str:
        """An id naming another item; whether it is defined is checked once the file is read."""
        target_id = self.identifier(node, what)
        if node is not None and target_id:
            self.references.append(Reference(target_id, kind, what, self.at(node), rule))
        return target_id

    # -- the parts every fact shares -------------------------------------------------------

    def read_topic(self, node: yaml.Node) -> Topic:
        keys = self.shaped(node, "topic", "topic")
        if keys is None:
            return Topic(title="")
        return Topic(
            title=self.string(keys.get("title"), "topic title"),
            description=self.string(keys.get("description"), "topic description"),
            as_of=self.date(keys.get("as_of"), "topic as_of"),
            language=self.language(keys.get("language")),
        )

    def language(self, node: yaml.Node | None) -> str:
        """The topic's language tag; only one the question wording is written in is accepted,
        since every stem, option and label a learner sees would otherwise be in another one."""
        language = self.string(node, "topic language", "en")
        if node is None or not language:
            return language or "en"
        match = LANGUAGE_PATTERN.match(language)
        if match is None:
            self.problem(
                node,
                f"topic language '{language}' is not a language tag",
                "write a tag such as 'en' or 'en-GB'",
            )
        elif match.group(1).lower() not in WORDING_LANGUAGES:
            self.problem(
                node,
                f"topic language '{language}' is not supported: quizgen writes its questions "
                "in English only",
                "write the facts in English with 'language: en' (or a variant such as 'en-GB'),"
                " or leave the key out",
            )
        return language

    def read_source(self, node: yaml.Node) -> Source | None:
        keys = self.shaped(node, "a source", "source")
        if keys is None:
            return None
        return Source(
            id=self.definition(keys.get("id"), "source id"),
            title=self.string(keys.get("title"), "source title"),
            author=self.string(keys.get("author"), "source author"),
            publisher=self.string(keys.get("publisher"), "source publisher"),
            published=self.date(keys.get("published"), "source published"),
            url=self.string(keys.get("url"), "source url"),
            cite_as=self.string(keys.get("cite_as"), "source cite_as"),
            location=self.at(node),
        )

    def read_citation(self, node: yaml.Node | None, what: str) -> Citation | None:
        if node is None:
            return None
        keys = self.shaped(node, f"the source of {what}", "citation")
        if keys is None:
            return None
        citation = Citation(
            source_id=self.reference(keys.get("ref"), "source", "source"),
            quote=self.string(keys.get("quote"), "quote"),
            reference=self.string(keys.get("reference"), "reference"),
            note=self.string(keys.get("note"), "source note"),
            location=self.at(node),
        )
        if not citation.quote and not citation.reference:
            self.problem(
                node,
                f"the source of {what} needs a 'quote' from a source or a named 'reference'",
                "quote the exact words that support the fact, or name the outside reference",
            )
        if citation.quote and not citation.source_id:
            self.problem(node, f"the quote of {what} needs 'ref', the id of the source it is from")
        if len(citation.quote.split()) > 40:
            self.problem(
                node,
                f"the quote of {what} is longer than 40 words",
                "quote only the words that matter",
            )
        return citation

    def common(self, node: yaml.Node, keys: dict[str, yaml.Node], what: str) -> dict[str, Any]:
        fact_id = self.definition(keys.get("id"), f"{what} id")
        label = f"{what} '{fact_id}'" if fact_id else what
        citation = self.read_citation(keys.get("source"), label)
        if "source" not in keys:
            self.problem(node, f"{label} has no 'source'", "every fact says where it comes from")
        return {
            "id": fact_id,
            "tags": self.tags(keys.get("tags")),
            "citation": citation or Citation(),
            "as_of": self.date(keys.get("as_of"), f"as_of of {label}"),
            "attributed": self.boolean(keys.get("attributed"), "attributed"),
            "background": self.boolean(keys.get("background"), "background"),
            "note": self.string(keys.get("note"), "note"),
            "location": self.at(node),
        }

    def span(self, keys: dict[str, yaml.Node], what: str) -> Span:
        span = Span(
            self.date(keys.get("since"), f"since of {what}"),
            self.date(keys.get("until"), f"until of {what}"),
        )
        if span.since and span.until and span.until.latest < span.since.earliest:
            self.problem(
                keys["until"], f"{what} ends ({span.until}) before it begins ({span.since})"
            )
        return span

    def complete_lists(
        self, node: yaml.Node | None, listed: list[str], noun: str, section: str
    ) -> tuple[str, ...]:
        """The statuses or roles an author declares complete: ``complete: true`` for every one
        the list holds, or a list of them. Without it no list is read as complete."""
        values = tuple(dict.fromkeys(listed))
        if node is None:
            return ()
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
            return values if self.boolean(node, "complete") else ()
        items = [node] if isinstance(node, yaml.ScalarNode) else self.sequence(node, "complete")
        named = tuple(self.string(item, f"each {noun} of complete") for item in items)
        known = {v.casefold() for v in values}
        for item, text in zip(items, named, strict=True):
            if text and text.casefold() not in known:
                self.problem(
                    item,
                    f"complete names the {noun} '{text}', which no entry of '{section}' has",
                    f"use one of: {', '.join(values)}" if values else f"add the {section} first",
                )
        return named

    # -- one method per section ---------------------------------------------------------------

    def read_entity(self, node: yaml.Node) -> Entity | None:
        keys = self.shaped(node, "an entity", "entity")
        if keys is None:
            return None
        common = self.common(node, keys, "entity")
        entity = Entity(
            **common,
            name=self.string(keys.get("name"), "entity name"),
            type=self.string(keys.get("type"), "entity type"),
            short=self.string(keys.get("short"), "short"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            description=self.string(keys.get("description"), "description"),
            explain=self.explanation(keys.get("explain"), "entity"),
            categories=tuple(
                self.items(keys.get("categories"), "categories", self.read_category_membership)
            ),
            **self.subject_parts(keys, common["id"]),
            **self.history_parts(keys, common["id"]),
            the=self.article(keys.get("the")),
        )
        self.check_renamings(entity)
        return entity

    def article(self, node: yaml.Node | None) -> bool | None:
        """``the: true`` or ``the: false``; absent lets the grammar module decide."""
        return None if node is None else self.boolean(node, "'the'")

    def read_group(self, node: yaml.Node) -> Group | None:
        keys = self.shaped(node, "a group", "group")
        if keys is None:
            return None
        common = self.common(node, keys, "group")
        group = Group(
            **common,
            name=self.string(keys.get("name"), "group name"),
            short=self.string(keys.get("short"), "short"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            description=self.string(keys.get("description"), "description"),
            founded=self.date(keys.get("founded"), "founded"),
            members=tuple(self.items(keys.get("members"), "members", self.read_membership)),
            **self.subject_parts(keys, common["id"]),
            **self.history_parts(keys, common["id"]),
        )
        group = replace(
            group,
            complete=self.complete_lists(
                keys.get("complete"), [m.status for m in group.members], "status", "members"
            ),
            the=self.article(keys.get("the")),
        )
        if group.founded is not None:
            # A founding member is one from the founding date, whether or not 'since' says so.
            founded = group.founded
            group = dataclasses.replace(
                group,
                members=tuple(
                    dataclasses.replace(m, span=Span(founded, m.span.until))
                    if m.founding and m.span.since is None
                    else m
                    for m in group.members
                ),
            )
        self.check_group_history(group, keys)
        self.check_renamings(group, group.founded)
        open_ended = any(m.span.until is None for m in group.members)
        if open_ended and group.dissolved is None and not (group.as_of or self.topic_as_of):
            self.problem(
                node,
                f"group '{group.id}' has open-ended memberships but no 'as_of' date",
                "membership changes over time: say as of when it holds (as_of: 2020-10)",
            )
        return group

    def history_parts(self, keys: dict[str, yaml.Node], fact_id: str) -> dict[str, Any]:
        """When a state or body ceased to exist, what took its place, and the names it bore
        before its present one."""
        return {
            "dissolved": self.date(keys.get("dissolved"), "dissolved"),
            "succeeded_by": self.read_succession(keys.get("succeeded_by"), fact_id),
            "former_names": tuple(
                self.items(
                    keys.get("former_names"),
                    "former_names",
                    lambda node: self.read_former_name(node, fact_id),
                )
            ),
        }

    def read_former_name(self, node: yaml.Node, fact_id: str) -> FormerName | None:
        """``{name: Ceylon, until: 1972-05-22}``: a name borne until a renaming."""
        keys = self.shaped(node, "a former name", "former_name")
        if keys is None:
            return None
        name = self.string(keys.get("name"), "former name")
        what = f"former name '{name}'" if name else "a former name"
        span = self.span(keys, what)
        return FormerName(
            name=name,
            until=span.until or _NO_DATE,
            since=span.since,
            short=self.string(keys.get("short"), f"short of {what}"),
            citation=self.read_citation(keys.get("source"), f"the {what} of '{fact_id}'"),
            location=self.at(node),
        )

    def check_renamings(self, fact: Entity | Group, founded: PartialDate | None = None) -> None:
        """Former names follow one another, oldest first, each given up before the next is
        used, and all within the life of the state or body: none ends before it was founded,
        after it was dissolved or after the date its facts were checked."""
        previous: FormerName | None = None
        checked = fact.as_of or self.topic_as_of
        for former in fact.former_names:
            where, until = former.location, former.until
            if where is None or until is _NO_DATE:
                continue
            said = f"former name '{former.name}' of '{fact.id}'"
            problems: list[tuple[str, str]] = []
            if previous is not None and until.earliest <= previous.until.latest:
                problems.append(
                    (
                        f"former names are listed oldest first, but '{former.name}' (until "
                        f"{until}) follows '{previous.name}' (until {previous.until})",
                        "list each name before the names that came after it",
                    )
                )
            elif previous and former.since and former.since.latest < previous.until.earliest:
                problems.append(
                    (
                        f"{said} is used from {former.since}, while '{previous.name}' was still "
                        f"the name (until {previous.until})",
                        "a state or body bears one name at a time: a name's 'since' is at the "
                        "earliest the date the name before it was given up",
                    )
                )
            first = former.since or until
            if founded is not None and first.latest < founded.earliest:
                problems.append(
                    (f"{said} is used ({first}) before '{fact.id}' was founded ({founded})", "")
                )
            if fact.dissolved is not None and until.earliest > fact.dissolved.latest:
                problems.append(
                    (
                        f"{said} ends ({until}) after '{fact.id}' was dissolved ({fact.dissolved})",
                        "a state or body is renamed while it exists; what took its place once it "
                        "was dissolved is 'succeeded_by'",
                    )
                )
            if checked is not None and until.earliest > checked.latest:
                problems.append(
                    (
                        f"{said} ends ({until}) after the facts were checked ({checked})",
                        "a former name has been given up by 'as_of'; the name in use then is "
                        "'name'",
                    )
                )
            self.problems += [Problem(where, message, hint) for message, hint in problems]
            previous = former

    def read_succession(self, node: yaml.Node | None, fact_id: str) -> Succession | None:
        """``succeeded_by: eu`` or ``{id: eu, date: 1993-11-01, source: ...}``."""
        if node is None:
            return None
        rule = "a state or body is succeeded by an entity or a group"
        if isinstance(node, yaml.ScalarNode):
            successor = self.reference(node, "succeeded_by", "organisation", rule)
            succession = Succession(successor, location=self.at(node))
        else:
            keys = self.shaped(node, "succeeded_by", "succession")
            if keys is None:
                return None
            succession = Succession(
                successor_id=self.reference(keys.get("id"), "succeeded_by", "organisation", rule),
                date=self.date(keys.get("date"), "date of succeeded_by"),
                citation=self.read_citation(keys.get("source"), f"the successor of '{fact_id}'"),
                location=self.at(node),
            )
        if succession.successor_id and succession.successor_id == fact_id:
            self.problem(node, f"'{fact_id}' is succeeded by itself")
        return succession

    def check_group_history(self, group: Group, keys: dict[str, yaml.Node]) -> None:
        """Founding members join when the group is founded; every membership ends by the time
        the group is dissolved; a group is not dissolved before it is founded."""
        founded, dissolved = group.founded, group.dissolved
        if founded and dissolved and dissolved.latest < founded.earliest:
            self.problem(
                keys["dissolved"],
                f"group '{group.id}' is dissolved ({dissolved}) before it is founded ({founded})",
            )
        for membership in group.members:
            where = membership.location
            if where is None:
                continue
            since, until = membership.span.since, membership.span.until
            if membership.founding and founded is None:
                self.problems.append(
                    Problem(
                        where,
                        f"'{membership.entity_id}' is a founding member, but group '{group.id}' "
                        "has no 'founded' date",
                        "add 'founded' to the group",
                    )
                )
            elif membership.founding and founded and since and since != founded:
                self.problems.append(
                    Problem(
                        where,
                        f"'{membership.entity_id}' is a founding member but joins ({since}) "
                        f"after the group was founded ({founded})",
                        "a founding member's 'since' is the founding date, or leave it out",
                    )
                )
            if membership.suspended and until is None:
                self.problems.append(
                    Problem(
                        where,
                        f"the membership of '{membership.entity_id}' is suspended, but has no "
                        "'until'",
                        "give the date of the suspension as its 'until'",
                    )
                )
            if dissolved and until is None:
                self.problems.append(
                    Problem(
                        where,
                        f"the membership of '{membership.entity_id}' has no 'until', but group "
                        f"'{group.id}' was dissolved in {dissolved.text}",
                        "say when it ended ('until'), at the latest the date of dissolution",
                    )
                )
            elif dissolved and until and until.earliest > dissolved.latest:
                self.problems.append(
                    Problem(
                        where,
                        f"the membership of '{membership.entity_id}' ends ({until}) after group "
                        f"'{group.id}' was dissolved ({dissolved})",
                    )
                )

    def read_membership(self, node: yaml.Node) -> Membership | None:
        keys = self.shaped(node, "a membership", "membership")
        if keys is None:
            return None
        entity_id = self.reference(
            keys.get("entity"), "member entity", "entity", "members of a group are entities"
        )
        return Membership(
            entity_id=entity_id,
            status=self.string(keys.get("status"), "status", "member"),
            span=self.span(keys, f"the membership of '{entity_id}'"),
            citation=self.read_citation(keys.get("source"), f"membership '{entity_id}'"),
            note=self.string(keys.get("note"), "note"),
            explain=self.explanation(keys.get("explain"), f"membership '{entity_id}'"),
            location=self.at(node),
            founding=self.boolean(keys.get("founding"), "founding"),
            suspended=self.boolean(keys.get("suspended"), "suspended"),
        )

    def read_event(self, node: yaml.Node) -> Event | None:
        keys = self.shaped(node, "an event", "event")
        if keys is None:
            return None
        common = self.common(node, keys, "event")
        event = Event(
            **common,
            name=self.string(keys.get("name"), "event name"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            date=self.date(keys.get("date"), "event date") or _NO_DATE,
            end=self.date(keys.get("end"), "event end"),
            place_id=self.reference(
                keys.get("place"), "place", "entity", "the place of an event is an entity"
            ),
            description=self.string(keys.get("description"), "description"),
            participants=tuple(
                self.items(keys.get("participants"), "participants", self.read_participation)
            ),
            figures=tuple(self.items(keys.get("figures"), "figures", self.read_figure)),
            **self.subject_parts(keys, common["id"]),
            recurring=self.boolean(keys.get("recurring"), "recurring"),
            the=self.article(keys.get("the")),
        )
        event = replace(
            event,
            complete=self.complete_lists(
                keys.get("complete"), [p.role for p in event.participants], "role", "participants"
            ),
        )
        if event.end and event.end.latest < event.date.earliest:
            self.problem(
                keys["end"],
                f"event '{event.id}' ends ({event.end}) before it begins ({event.date})",
            )
        return event

    def read_participation(self, node: yaml.Node) -> Participation | None:
        keys = self.shaped(node, "a participant", "participant")
        if keys is None:
            return None
        entity_id = self.reference(
            keys.get("entity"),
            "participant",
            "participant",
            "a participant in an event is an entity, a group or a person",
        )
        return Participation(
            entity_id=entity_id,
            role=self.string(keys.get("role"), "role"),
            reason=self.string(keys.get("reason"), "reason"),
            citation=self.read_citation(keys.get("source"), f"participant '{entity_id}'"),
            location=self.at(node),
        )

    def read_figure(self, node: yaml.Node) -> Figure | None:
        keys = self.shaped(node, "a figure", "figure")
        if keys is None:
            return None
        label = self.string(keys.get("label"), "figure label")
        return Figure(
            label=label,
            value=self.string(keys.get("value"), "figure value"),
            citation=self.read_citation(keys.get("source"), f"figure '{label}'"),
            location=self.at(node),
        )

    def read_document(self, node: yaml.Node) -> Document | None:
        keys = self.shaped(node, "a document", "document")
        if keys is None:
            return None
        common = self.common(node, keys, "document")
        document = Document(
            **common,
            name=self.string(keys.get("name"), "document name"),
            kind=self.string(keys.get("kind"), "document kind"),
            signed=self.date(keys.get("signed"), "signed") or _NO_DATE,
            short=self.string(keys.get("short"), "short"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            place_id=self.reference(
                keys.get("place"), "place", "entity", "the place of a document is an entity"
            ),
            parties=tuple(
                self.reference(
                    p, "party", "organisation", "the parties to a document are entities or groups"
                )
                for p in self.sequence(keys["parties"], "parties")
            )
            if "parties" in keys
            else (),
            description=self.string(keys.get("description"), "description"),
            provisions=tuple(self.items(keys.get("provisions"), "provisions", self.read_provision)),
            **self.subject_parts(keys, common["id"]),
            verb=self.string(keys.get("verb"), "verb", "signed"),
            in_force=self.date(keys.get("in_force"), "in_force"),
        )
        if document.in_force and document.in_force.latest < document.signed.earliest:
            self.problem(
                keys["in_force"],
                f"document '{document.id}' enters into force ({document.in_force}) before it "
                f"was {document.verb} ({document.signed})",
            )
        return document

    def read_provision(self, node: yaml.Node) -> Provision | None:
        keys = self.shaped(node, "a provision", "provision")
        if keys is None:
            return None
        return Provision(
            label=self.string(keys.get("label"), "provision label"),
            text=self.string(keys.get("text"), "provision text"),
            summary=self.string(keys.get("summary"), "provision summary"),
            location=self.at(node),
        )

    def read_person(self, node: yaml.Node) -> Person | None:
        keys = self.shaped(node, "a person", "person")
        if keys is None:
            return None
        common = self.common(node, keys, "person")
        person = Person(
            **common,
            name=self.string(keys.get("name"), "person name"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            description=self.string(keys.get("description"), "description"),
            nationality_id=self.reference(
                keys.get("nationality"), "nationality", "entity", "a nationality is an entity"
            ),
            roles=tuple(self.items(keys.get("roles"), "roles", self.read_role)),
            **self.subject_parts(keys, common["id"]),
            born=self.date(keys.get("born"), "born"),
            died=self.date(keys.get("died"), "died"),
        )
        self.check_life(person, keys)
        if (
            person.died is None
            and any(r.span.until is None for r in person.roles)
            and not (person.as_of or self.topic_as_of)
        ):
            self.problem(
                node,
                f"person '{person.id}' has open-ended roles but no 'as_of' date",
                "roles change over time: say as of when it holds (as_of: 2020-10)",
            )
        return person

    def check_life(self, person: Person, keys: dict[str, yaml.Node]) -> None:
        """Birth and death bound a person's roles: none before birth, none after death, and a
        role of someone who has died has ended (its 'until' says when)."""
        born, died = person.born, person.died
        if born and died and died.latest < born.earliest:
            self.problem(
                keys["died"], f"person '{person.id}' dies ({died}) before being born ({born})"
            )
        for role in person.roles:
            where = role.location
            since, until = role.span.since, role.span.until
            if born and since and since.latest < born.earliest and where:
                self.problems.append(
                    Problem(
                        where,
                        f"the role '{role.title}' begins ({since}) before '{person.id}' was born "
                        f"({born})",
                    )
                )
            if died and where and until is None:
                self.problems.append(
                    Problem(
                        where,
                        f"the role '{role.title}' has no 'until', but '{person.id}' died in "
                        f"{died.text}",
                        "say when the role ended ('until'), at the latest the date of death",
                    )
                )
            elif died and until and until.earliest > died.latest and where:
                self.problems.append(
                    Problem(
                        where,
                        f"the role '{role.title}' ends ({until}) after '{person.id}' died ({died})",
                    )
                )

    def read_role(self, node: yaml.Node) -> Role | None:
        keys = self.shaped(node, "a role", "role")
        if keys is None:
            return None
        title = self.string(keys.get("title"), "role title")
        return Role(
            title=title,
            organization_id=self.reference(
                keys.get("of"),
                "organisation",
                "organisation",
                "a role is held in an entity or a group",
            ),
            span=self.span(keys, f"the role '{title}'"),
            citation=self.read_citation(keys.get("source"), f"role '{title}'"),
            location=self.at(node),
            aliases=self.strings(keys.get("aliases"), "aliases"),
        )

    def read_term(self, node: yaml.Node) -> Term | None:
        keys = self.shaped(node, "a term", "term")
        if keys is None:
            return None
        return Term(
            **self.common(node, keys, "term"),
            term=self.string(keys.get("term"), "term"),
            definition=self.string(keys.get("definition"), "definition"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            category=self.string(keys.get("category"), "category"),
            explain=self.explanation(keys.get("explain"), "term"),
            used_in=self.used_in(keys.get("used_in")),
        )

    def read_statement(self, node: yaml.Node) -> Statement | None:
        keys = self.shaped(node, "a statement", "statement")
        if keys is None:
            return None
        common = self.common(node, keys, "statement")
        raw = self.string(keys.get("text"), "statement text")
        text_parts, blanks = parse_cloze(raw)
        if "text" in keys and raw:
            outside = "".join(text_parts)
            if "{" in outside or "}" in outside:
                self.problem(
                    keys["text"],
                    "statement text has an unmatched '{' or '}'",
                    "write blanks as {answer}",
                )
            elif not blanks:
                self.problem(
                    keys["text"],
                    "statement text has no blank",
                    "put braces around the words a learner should recall: "
                    "'The river flows into the {sea}.'",
                )
            elif any(not b.answer for b in blanks):
                self.problem(keys["text"], "statement text has an empty blank '{}'")
        return Statement(
            **common,
            text_parts=text_parts,
            blanks=blanks,
            about=tuple(
                self.reference(a, "fact", "fact") for a in self.sequence(keys["about"], "about")
            )
            if "about" in keys
            else (),
            explain=self.explanation(keys.get("explain"), "statement"),
        )

    # -- quantities, categories and relations -------------------------------------------------

    def subject_parts(self, keys: dict[str, yaml.Node], fact_id: str) -> dict[str, Any]:
        """The numbers about a named fact and its links to others."""
        return {
            "quantities": tuple(
                self.items(keys.get("quantities"), "quantities", self.read_quantity)
            ),
            "links": tuple(self.items(keys.get("links"), "links", self.read_link)),
        }

    def read_quantity(self, node: yaml.Node) -> Quantity | None:
        keys = self.shaped(node, "a quantity", "quantity")
        if keys is None:
            return None
        name = self.string(keys.get("property"), "quantity property")
        what = f"quantity '{name}'" if name else "a quantity"
        value_node, range_node = keys.get("value"), keys.get("range")
        value, decimals = self.number(value_node, f"value of {what}")
        low = high = value
        if (value_node is None) == (range_node is None):
            self.problem(
                node,
                f"{what} needs either 'value' or 'range', and not both",
                "write 'value: 142984' or 'range: [80, 95]'",
            )
        if range_node is not None:
            ends = self.sequence(range_node, f"range of {what}")
            numbers = [self.number(end, f"each end of the range of {what}") for end in ends]
            if len(ends) != 2:
                self.problem(range_node, f"the range of {what} needs two numbers: [low, high]")
            elif all(number is not None for number, _ in numbers):
                low, high = numbers[0][0], numbers[1][0]
                decimals = max(places for _, places in numbers)
                if low is not None and high is not None and high <= low:
                    self.problem(range_node, f"the range of {what} must run from low to high")
        precision, _ = self.number(keys.get("precision"), f"precision of {what}")
        if precision is not None:
            if precision < 0:
                self.problem(keys["precision"], f"precision of {what} must not be negative")
            elif value is not None:
                low, high = value - precision, value + precision
            if range_node is not None:
                self.problem(
                    keys["precision"],
                    f"{what} has a range, so 'precision' says nothing more",
                    "give 'value' with 'precision', or a 'range' alone",
                )
        round_to, _ = self.number(keys.get("round_to"), f"round_to of {what}")
        if round_to is not None and round_to <= 0:
            self.problem(keys["round_to"], f"round_to of {what} must be more than 0")
        return Quantity(
            property=name,
            low=low if low is not None else 0.0,
            high=high if high is not None else 0.0,
            unit=self.string(keys.get("unit"), f"unit of {what}"),
            value=value,
            decimals=decimals,
            round_to=round_to or 0.0,
            as_of=self.date(keys.get("as_of"), f"as_of of {what}"),
            citation=self.read_citation(keys.get("source"), what),
            note=self.string(keys.get("note"), "note"),
            location=self.at(node),
            most=self.string(keys.get("most"), f"most of {what}"),
            least=self.string(keys.get("least"), f"least of {what}"),
            explain=self.explanation(keys.get("explain"), "quantity"),
        )

    def read_category(self, node: yaml.Node) -> Category | None:
        keys = self.shaped(node, "a category", "category")
        if keys is None:
            return None
        category_id = self.definition(keys.get("id"), "category id")
        citation = self.read_citation(keys.get("source"), f"category '{category_id}'")
        attributed = self.boolean(keys.get("attributed"), "attributed")
        if attributed and (citation is None or not citation.source_id):
            self.problem(
                keys["attributed"],
                f"category '{category_id}' is attributed, but its source names no source",
                "give it 'source: {ref: <id of a source under sources>}', whose 'cite_as' says"
                " whose classification it is",
            )
        return Category(
            id=category_id,
            name=self.string(keys.get("name"), "category name"),
            plural=self.string(keys.get("plural"), "category plural"),
            complete=self.boolean(keys.get("complete"), "complete"),
            description=self.string(keys.get("description"), "description"),
            citation=citation,
            as_of=self.date(keys.get("as_of"), f"as_of of category '{category_id}'"),
            tags=self.tags(keys.get("tags")),
            attributed=attributed,
            location=self.at(node),
        )

    def read_category_membership(self, node: yaml.Node) -> CategoryMembership | None:
        """A category id (``gas-giant``), or a mapping with a span and a source of its own."""
        rule = "an entity belongs to categories declared under 'categories'"
        if isinstance(node, yaml.ScalarNode):
            return CategoryMembership(
                self.reference(node, "category", "category", rule), location=self.at(node)
            )
        keys = self.shaped(node, "a category of an entity", "category_membership")
        if keys is None:
            return None
        category_id = self.reference(keys.get("category"), "category", "category", rule)
        return CategoryMembership(
            category_id=category_id,
            span=self.span(keys, f"category '{category_id}'"),
            citation=self.read_citation(keys.get("source"), f"category '{category_id}'"),
            location=self.at(node),
        )

    def read_relation(self, node: yaml.Node) -> RelationKind | None:
        keys = self.shaped(node, "a relation", "relation")
        if keys is None:
            return None
        return RelationKind(
            id=self.definition(keys.get("id"), "relation id"),
            forward=self.string(keys.get("forward"), "relation forward"),
            reverse=self.string(keys.get("reverse"), "relation reverse"),
            subject_noun=self.string(keys.get("subject"), "relation subject"),
            object_noun=self.string(keys.get("object"), "relation object"),
            one_object=self.boolean(keys.get("one_object"), "one_object"),
            one_subject=self.boolean(keys.get("one_subject"), "one_subject"),
            complete=self.boolean(keys.get("complete"), "complete"),
            location=self.at(node),
        )

    def read_link(self, node: yaml.Node) -> Link | None:
        keys = self.shaped(node, "a link", "link")
        if keys is None:
            return None
        relation_id = self.reference(
            keys.get("relation"), "relation", "relation", "a link names a declared relation"
        )
        object_id = self.reference(
            keys.get("to"), f"the other end of link '{relation_id}'", "named", LINK_TARGET_RULE
        )
        return Link(
            relation_id=relation_id,
            object_id=object_id,
            citation=self.read_citation(keys.get("source"), f"link '{relation_id}'"),
            note=self.string(keys.get("note"), "note"),
            location=self.at(node),
            explain=self.explanation(keys.get("explain"), f"link '{relation_id}'"),
        )

    def number(self, node: yaml.Node | None, what: str) -> tuple[float | None, int]:
        """A number as the author wrote it (``142984``, ``0.0553``, ``5.97e24``), with how many
        decimals it was written with."""
        if node is None:
            return None, 0
        text = str(node.value).strip().replace("_", "") if isinstance(node, yaml.ScalarNode) else ""
        match = NUMBER_PATTERN.match(text) if node.tag != NULL_TAG else None
        if match is None:
            self.problem(
                node,
                f"{what} must be a number, not {kind_of(node)}",
                "write digits without grouping or units: 142984, 0.0553 or 5.97e24",
            )
            return None, 0
        decimals = len(match.group(1) or "") if not match.group(2) else 0
        return float(text), decimals


# Stands in for a date the reader already reported as missing or bad; the file is refused anyway.
_NO_DATE = PartialDate(1)


def parse_cloze(raw: str) -> tuple[tuple[str, ...], tuple[Blank, ...]]:
    """Splits ``The dam was finished in {1970|AD 1970}.`` into text parts and blanks."""
    parts: list[str] = []
    blanks: list[Blank] = []
    position = 0
    for match in BLANK_PATTERN.finditer(raw):
        parts.append(raw[position : match.start()])
        answer, *others = (piece.strip() for piece in match.group(1).split("|"))
        accept = tuple(a for a in others if a and not a.startswith("!"))
        wrong = tuple(a[1:].strip() for a in others if a.startswith("!") and a[1:].strip())
        blanks.append(Blank(answer=answer, accept=accept, wrong=wrong))
        position = match.end()
    parts.append(raw[position:])
    return tuple(parts), tuple(blanks)


def check_references(reader: FactsReader, facts: Facts) -> None:
    """Ids are unique across the file and every reference names something defined."""
    first_lines: dict[str, int] = {}
    # In file order, so the later of two is the one reported, whatever sections they are in.
    for location, defined_id in sorted(reader.definitions):
        if defined_id in first_lines:
            reader.problems.append(
                Problem(
                    location,
                    f"duplicate id '{defined_id}'",
                    f"it is already used at line {first_lines[defined_id]}",
                )
            )
        else:
            first_lines[defined_id] = location.line
    entity_ids = {e.id for e in facts.entities}
    named_ids = entity_ids | {
        f.id for f in (*facts.groups, *facts.events, *facts.documents, *facts.people)
    }
    defined = {
        "entity": entity_ids,
        "organisation": entity_ids | {g.id for g in facts.groups},
        "participant": entity_ids | {g.id for g in facts.groups} | {p.id for p in facts.people},
        "source": {s.id for s in facts.sources},
        "fact": {f.id for f in facts.all_facts},
        "named": named_ids,
        "category": {c.id for c in facts.categories},
        "relation": {r.id for r in facts.relations},
    }
    kinds = kinds_by_id(facts)
    for reference in reader.references:
        allowed = defined[reference.kind]
        if reference.target_id in allowed:
            continue
        actual = kinds.get(reference.target_id)
        if actual is not None:
            # The id exists, as something else: say what it is and what belongs here.
            rule = reference.rule or f"{reference.what} must name {DEFAULT_RULES[reference.kind]}"
            message = f"{reference.what} '{reference.target_id}' is {actual}"
            reader.problems.append(Problem(reference.location, message, rule))
            continue
        reader.problems.append(
            Problem(
                reference.location,
                f"{reference.what} '{reference.target_id}' is not defined",
                reader_suggest(reference.target_id, allowed),
            )
        )


# What each kind of reference names, for a message when it names something else.
DEFAULT_RULES = {
    "entity": "an entity",
    "organisation": "an entity or a group",
    "participant": "an entity, a group or a person",
    "source": "a source listed under 'sources'",
    "fact": "a fact",
    "named": "an entity, group, event, document or person",
    "category": "a category declared under 'categories'",
    "relation": "a relation declared under 'relations'",
}


def kinds_by_id(facts: Facts) -> dict[str, str]:
    """What each id names, as a message says it: ``a group``, ``an entity (a city)``."""
    kinds: dict[str, str] = {source.id: "a source" for source in facts.sources}
    kinds |= {c.id: "a category" for c in facts.categories}
    kinds |= {r.id: "a relation" for r in facts.relations}
    kinds |= {e.id: f"an entity ({e.type})" if e.type else "an entity" for e in facts.entities}
    kinds |= {g.id: "a group" for g in facts.groups}
    kinds |= {e.id: "an event" for e in facts.events}
    kinds |= {d.id: "a document" for d in facts.documents}
    kinds |= {p.id: "a person" for p in facts.people}
    kinds |= {t.id: "a term" for t in facts.terms}
    kinds |= {s.id: "a statement" for s in facts.statements}
    return kinds


def check_former_names(reader: FactsReader, facts: Facts) -> None:
    """A former name names its own state or body alone: it is none of its present names (it
    would not be former) and no name of another fact, or a question could not tell them apart."""
    owners: dict[str, set[str]] = {}
    for fact in facts.all_facts:
        if isinstance(fact, Term | Statement):
            continue  # a term may share a name with what it abbreviates
        formers = getattr(fact, "former_names", ())
        names = [getattr(fact, "name", ""), getattr(fact, "short", "")]
        names += [*getattr(fact, "aliases", ()), *(f for n in formers for f in n.forms)]
        for name in names:
            if name:
                owners.setdefault(_name_key(name), set()).add(fact.id)
    kinds = kinds_by_id(facts)
    renameable: tuple[Entity | Group, ...] = (*facts.entities, *facts.groups)
    for renamed in renameable:
        present = {_name_key(n) for n in (renamed.name, renamed.short, *renamed.aliases) if n}
        for former in renamed.former_names:
            if former.location is None:
                continue
            for form in former.forms:
                said = f"former name '{form}' of '{renamed.id}'"
                if _name_key(form) in present:
                    reader.problems.append(
                        Problem(
                            former.location,
                            f"{said} is also one of its present names",
                            "a former name is one it no longer goes by: keep it out of 'name', "
                            "'short' and 'aliases'",
                        )
                    )
                for other in sorted(owners.get(_name_key(form), set()) - {renamed.id}):
                    reader.problems.append(
                        Problem(
                            former.location,
                            f"{said} is also a name of '{other}', {kinds.get(other, 'a fact')}",
                            "a name names one thing: if both are the same state or body, keep "
                            "one fact and list the old name under its 'former_names'",
                        )
                    )


def _name_key(name: str) -> str:
    """A name as two spellings of it compare: case and spacing do not count."""
    return " ".join(name.casefold().split())


def check_lives(reader: FactsReader, facts: Facts) -> None:
    """A person takes part only in events of their lifetime."""
    people = {person.id: person for person in facts.people}
    for event in facts.events:
        for participation in event.participants:
            person = people.get(participation.entity_id)
            if person is None or participation.location is None:
                continue
            start, end = event.date, event.end or event.date
            if person.born and end.latest < person.born.earliest:
                reader.problems.append(
                    Problem(
                        participation.location,
                        f"'{person.id}' takes part in '{event.id}' ({event.date}) before being "
                        f"born ({person.born})",
                    )
                )
            if person.died and start.earliest > person.died.latest:
                reader.problems.append(
                    Problem(
                        participation.location,
                        f"'{person.id}' takes part in '{event.id}' ({event.date}) after dying "
                        f"({person.died})",
                    )
                )


def check_links(reader: FactsReader, facts: Facts) -> None:
    """Links keep to what their relation declares: one object per subject where it says so."""
    relations = {relation.id: relation for relation in facts.relations}
    subjects: tuple[Entity | Group | Event | Document | Person, ...] = (
        *facts.entities,
        *facts.groups,
        *facts.events,
        *facts.documents,
        *facts.people,
    )
    objects_seen: dict[tuple[str, str], str] = {}
    for subject in subjects:
        seen: dict[str, str] = {}
        for link in subject.links:
            relation = relations.get(link.relation_id)
            if relation is None or link.location is None:
                continue
            if link.object_id == subject.id:
                reader.problems.append(
                    Problem(link.location, f"'{subject.id}' is linked to itself")
                )
            if relation.one_object and link.relation_id in seen:
                reader.problems.append(
                    Problem(
                        link.location,
                        f"'{subject.id}' has a second '{relation.id}' link (to "
                        f"'{link.object_id}' after '{seen[link.relation_id]}'), but the relation "
                        "says each subject has one object",
                        "remove one link, or 'one_object: true' from the relation",
                    )
                )
            seen.setdefault(link.relation_id, link.object_id)
            key = (link.relation_id, link.object_id)
            if relation.one_subject and objects_seen.get(key, subject.id) != subject.id:
                reader.problems.append(
                    Problem(
                        link.location,
                        f"'{link.object_id}' has a second '{relation.id}' subject "
                        f"('{subject.id}' after '{objects_seen[key]}'), but the relation says "
                        "each object has one subject",
                        "remove one link, or 'one_subject: true' from the relation",
                    )
                )
            objects_seen.setdefault(key, subject.id)


def reader_suggest(word: str, known: set[str]) -> str:
    """A 'did you mean' for a mistyped id; a long list of every id would not help."""
    close = suggest(word, sorted(known))
    return close if close.startswith("did you mean") else ""
