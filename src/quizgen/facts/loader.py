"""Builds the facts model from a YAML facts file, reporting every problem with its location."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import InputError, Location, Problem
from quizgen.facts.model import (
    Blank,
    Citation,
    Document,
    Entity,
    Event,
    Facts,
    Figure,
    Group,
    Membership,
    PartialDate,
    Participation,
    Person,
    Provision,
    Role,
    Source,
    Span,
    Statement,
    Term,
    Topic,
)
from quizgen.facts.reader import BOOL_TAG, NodeReader, suggest
from quizgen.facts.yaml_source import compose_file

FORMAT_NAME = "quizgen-facts/1"
SECTIONS = ("entities", "groups", "events", "documents", "people", "terms", "statements")
COMMON_KEYS = ("tags", "source", "as_of", "attributed", "background", "note")
BLANK_PATTERN = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Shape:
    """The keys one kind of mapping in a facts file must have and may have."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()


# Every mapping the loader reads, by the name the JSON Schema gives it under "$defs" (the facts
# file itself is the schema's root); tests hold the two in step. Facts also need a 'source',
# which ``common`` asks for with its own message.
SHAPES: dict[str, Shape] = {
    "facts": Shape(("format", "topic"), ("sources", *SECTIONS)),
    "topic": Shape(("title",), ("description", "as_of", "language")),
    "source": Shape(("id", "title"), ("author", "publisher", "published", "url", "cite_as")),
    "citation": Shape((), ("ref", "quote", "reference", "note")),
    "entity": Shape(
        ("id", "name", "type"), ("short", "aliases", "description", "the", *COMMON_KEYS)
    ),
    "group": Shape(
        ("id", "name"),
        ("short", "aliases", "description", "founded", "members", "complete", "the", *COMMON_KEYS),
    ),
    "membership": Shape(("entity",), ("status", "since", "until", "source", "note")),
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
            *COMMON_KEYS,
        ),
    ),
    "participant": Shape(("entity", "role"), ("reason", "source")),
    "figure": Shape(("label", "value"), ("source",)),
    "document": Shape(
        ("id", "name", "kind", "signed"),
        (
            "short",
            "aliases",
            "place",
            "parties",
            "description",
            "provisions",
            "verb",
            *COMMON_KEYS,
        ),
    ),
    "provision": Shape(("label", "text"), ("summary",)),
    "person": Shape(
        ("id", "name"), ("aliases", "description", "nationality", "roles", *COMMON_KEYS)
    ),
    "role": Shape(("title",), ("of", "since", "until", "source")),
    "term": Shape(("id", "term", "definition"), ("aliases", "category", *COMMON_KEYS)),
    "statement": Shape(("id", "text"), ("about", *COMMON_KEYS)),
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
        )
        if not facts.all_facts and not self.problems:
            self.problem(
                root, "the facts file has no facts", "add at least one of: " + ", ".join(SECTIONS)
            )
        check_references(self, facts)
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

    def reference(self, node: yaml.Node | None, what: str, kind: str) -> str:
        """An id naming another item; whether it is defined is checked once the file is read."""
        target_id = self.identifier(node, what)
        if node is not None and target_id:
            self.references.append(Reference(target_id, kind, what, self.at(node)))
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
            language=self.string(keys.get("language"), "topic language", "en"),
        )

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
        return Entity(
            **self.common(node, keys, "entity"),
            name=self.string(keys.get("name"), "entity name"),
            type=self.string(keys.get("type"), "entity type"),
            short=self.string(keys.get("short"), "short"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            description=self.string(keys.get("description"), "description"),
            the=self.article(keys.get("the")),
        )

    def article(self, node: yaml.Node | None) -> bool | None:
        """``the: true`` or ``the: false``; absent lets the grammar module decide."""
        return None if node is None else self.boolean(node, "the")

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
        )
        group = replace(
            group,
            complete=self.complete_lists(
                keys.get("complete"), [m.status for m in group.members], "status", "members"
            ),
            the=self.article(keys.get("the")),
        )
        if any(m.span.until is None for m in group.members) and not (
            group.as_of or self.topic_as_of
        ):
            self.problem(
                node,
                f"group '{group.id}' has open-ended memberships but no 'as_of' date",
                "membership changes over time: say as of when it holds (as_of: 2020-10)",
            )
        return group

    def read_membership(self, node: yaml.Node) -> Membership | None:
        keys = self.shaped(node, "a membership", "membership")
        if keys is None:
            return None
        entity_id = self.reference(keys.get("entity"), "member entity", "entity")
        return Membership(
            entity_id=entity_id,
            status=self.string(keys.get("status"), "status", "member"),
            span=self.span(keys, f"the membership of '{entity_id}'"),
            citation=self.read_citation(keys.get("source"), f"membership '{entity_id}'"),
            note=self.string(keys.get("note"), "note"),
            location=self.at(node),
        )

    def read_event(self, node: yaml.Node) -> Event | None:
        keys = self.shaped(node, "an event", "event")
        if keys is None:
            return None
        event = Event(
            **self.common(node, keys, "event"),
            name=self.string(keys.get("name"), "event name"),
            date=self.date(keys.get("date"), "event date") or _NO_DATE,
            end=self.date(keys.get("end"), "event end"),
            place_id=self.reference(keys.get("place"), "place", "entity"),
            description=self.string(keys.get("description"), "description"),
            participants=tuple(
                self.items(keys.get("participants"), "participants", self.read_participation)
            ),
            figures=tuple(self.items(keys.get("figures"), "figures", self.read_figure)),
            recurring=self.boolean(keys.get("recurring"), "recurring"),
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
        entity_id = self.reference(keys.get("entity"), "participant", "organisation")
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
        return Document(
            **self.common(node, keys, "document"),
            name=self.string(keys.get("name"), "document name"),
            kind=self.string(keys.get("kind"), "document kind"),
            signed=self.date(keys.get("signed"), "signed") or _NO_DATE,
            short=self.string(keys.get("short"), "short"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            place_id=self.reference(keys.get("place"), "place", "entity"),
            parties=tuple(
                self.reference(p, "party", "organisation")
                for p in self.sequence(keys["parties"], "parties")
            )
            if "parties" in keys
            else (),
            description=self.string(keys.get("description"), "description"),
            provisions=tuple(self.items(keys.get("provisions"), "provisions", self.read_provision)),
            verb=self.string(keys.get("verb"), "verb", "signed"),
        )

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
        person = Person(
            **self.common(node, keys, "person"),
            name=self.string(keys.get("name"), "person name"),
            aliases=self.strings(keys.get("aliases"), "aliases"),
            description=self.string(keys.get("description"), "description"),
            nationality_id=self.reference(keys.get("nationality"), "nationality", "entity"),
            roles=tuple(self.items(keys.get("roles"), "roles", self.read_role)),
        )
        if any(r.span.until is None for r in person.roles) and not (
            person.as_of or self.topic_as_of
        ):
            self.problem(
                node,
                f"person '{person.id}' has open-ended roles but no 'as_of' date",
                "roles change over time: say as of when it holds (as_of: 2020-10)",
            )
        return person

    def read_role(self, node: yaml.Node) -> Role | None:
        keys = self.shaped(node, "a role", "role")
        if keys is None:
            return None
        title = self.string(keys.get("title"), "role title")
        return Role(
            title=title,
            organization_id=self.reference(keys.get("of"), "organisation", "organisation"),
            span=self.span(keys, f"the role '{title}'"),
            citation=self.read_citation(keys.get("source"), f"role '{title}'"),
            location=self.at(node),
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
                    "put braces around the key words a learner should recall: {Tashkent}",
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
        )


# Stands in for a date the reader already reported as missing or bad; the file is refused anyway.
_NO_DATE = PartialDate(1)


def parse_cloze(raw: str) -> tuple[tuple[str, ...], tuple[Blank, ...]]:
    """Splits ``The Treaty was signed in {Tashkent|Toshkent}.`` into text parts and blanks."""
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
    defined = {
        "entity": entity_ids,
        "organisation": entity_ids | {g.id for g in facts.groups},
        "source": {s.id for s in facts.sources},
        "fact": {f.id for f in facts.all_facts},
    }
    for reference in reader.references:
        allowed = defined[reference.kind]
        if reference.target_id not in allowed:
            reader.problems.append(
                Problem(
                    reference.location,
                    f"{reference.what} '{reference.target_id}' is not defined",
                    reader_suggest(reference.target_id, allowed),
                )
            )


def reader_suggest(word: str, known: set[str]) -> str:
    """A 'did you mean' for a mistyped id; a long list of every id would not help."""
    close = suggest(word, sorted(known))
    return close if close.startswith("did you mean") else ""
