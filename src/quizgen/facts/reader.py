"""Reads YAML nodes into typed values, collecting every problem with its file position.

The loaders of facts and deck files share it: they walk the composed YAML node tree (which keeps
line and column marks) instead of the plain Python objects PyYAML would construct.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import yaml

from quizgen.errors import Location, Problem
from quizgen.facts.model import PartialDate, days_in_month

T = TypeVar("T")

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
TAG_PATTERN = re.compile(r"^[A-Za-z0-9_-]+(::[A-Za-z0-9_-]+)*$")
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Dates a historian writes: 44 BC, 44-03-15 BC, AD 800, c. 1265, c. 500 BC, 4th century BC.
APPROXIMATE_PREFIX = re.compile(r"^(?:c\.|ca\.|circa)\s*", re.IGNORECASE)
ERA_DATE_PATTERN = re.compile(
    r"^(?:AD\s*(?P<ad>\d{1,4})(?:-(?P<ad_month>\d{2})(?:-(?P<ad_day>\d{2}))?)?"
    r"|(?P<bc>\d{1,4})(?:-(?P<bc_month>\d{2})(?:-(?P<bc_day>\d{2}))?)?\s*BC)$"
)
CENTURY_PATTERN = re.compile(r"^(?P<number>\d{1,2})(?:st|nd|rd|th)\s+century(?P<bc>\s+BC)?$")
DATE_EXAMPLES = "for example 1992, 2020-07, 2020-07-13, 44 BC, AD 800, c. 1265 or 4th century BC"

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"


class NodeReader:
    """Turns YAML nodes into values; never raises on bad data, records a Problem instead."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def at(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def problem(self, node: yaml.Node | None, message: str, hint: str = "") -> None:
        location = self.at(node) if node is not None else Location(self.path)
        self.problems.append(Problem(location, message, hint))

    def mapping(
        self,
        node: yaml.Node,
        what: str,
        required: tuple[str, ...] = (),
        optional: tuple[str, ...] = (),
    ) -> dict[str, yaml.Node] | None:
        """The mapping's values by key, after checking for unknown, missing and repeated keys."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values, not {kind_of(node)}")
            return None
        known = required + optional
        values: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == STR_TAG):
                self.problem(key_node, f"a key in {what} must be a plain name")
                continue
            key = key_node.value
            if key in values:
                continue  # compose_file reports repeated keys in any mapping; the first counts
            if key not in known:
                self.problem(key_node, f"unknown key '{key}' in {what}", suggest(key, known))
                continue
            values[key] = value_node
        missing = [key for key in required if key not in values]
        for key in missing:
            self.problem(node, f"{what} is missing the required key '{key}'")
        return values

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(
                node, f"{what} must be a list, not {kind_of(node)}", "write it as '- item' lines"
            )
            return []
        return list(node.value)

    def items(
        self, node: yaml.Node | None, what: str, read: Callable[[yaml.Node], T | None]
    ) -> Iterator[T]:
        """Each item of an optional list, read by ``read``; bad items are skipped, not fatal."""
        if node is None:
            return
        for item in self.sequence(node, what):
            value = read(item)
            if value is not None:
                yield value

    def string(self, node: yaml.Node | None, what: str, default: str = "") -> str:
        if node is None:
            return default
        if isinstance(node, yaml.ScalarNode) and node.tag in (STR_TAG, INT_TAG):
            text = str(node.value).strip()
            if not text:
                self.problem(node, f"{what} must not be empty")
            return text
        # YAML reads 6.65, yes, null or 2020-07-13 as something other than text.
        quote_it = isinstance(node, yaml.ScalarNode) and node.tag != NULL_TAG
        hint = f'put it in quotes to use it as text: "{node.value}"' if quote_it else ""
        self.problem(node, f"{what} must be text, not {kind_of(node)}", hint)
        return default

    def explanation(self, node: yaml.Node | None, what: str) -> str:
        """An author's explanation: whole sentences, since a learner reads it after answering."""
        text = self.string(node, f"explain of {what}")
        if node is not None and text and (not text[:1].isupper() or text[-1:] not in '.!?)”"'):
            self.problem(
                node,
                f"explain of {what} must be whole sentences, opening with a capital and ending "
                "with a full stop",
                'write it as a learner should read it: "The dam was built to hold back the flood."',
            )
        return text

    def used_in(self, node: yaml.Node | None) -> str:
        """Where a term means what it is defined as: a phrase a stem opens with ("in chemistry,
        what does ... mean?"), so in lower case and with no full stop."""
        text = self.string(node, "used_in of a term")
        if node is not None and text and (not text[:1].islower() or text[-1:] in ".!?"):
            self.problem(
                node,
                "used_in of a term must be a phrase that a question opens with, in lower case "
                "and with no full stop",
                'for example: "in music theory"',
            )
        return text

    def strings(self, node: yaml.Node | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
            return (self.string(node, what),)
        return tuple(self.string(item, f"each of {what}") for item in self.sequence(node, what))

    def identifier(self, node: yaml.Node | None, what: str) -> str:
        text = self.string(node, what)
        if node is not None and text and not ID_PATTERN.match(text):
            self.problem(
                node,
                f"{what} '{text}' is not a valid id",
                "use lower-case letters, digits, '-' and '_', starting with a letter or digit",
            )
        return text

    def tags(self, node: yaml.Node | None) -> tuple[str, ...]:
        """One tag or a list of them; a bad tag is reported where it is written."""
        if node is None:
            return ()
        single = isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG
        tags = []
        for item in [node] if single else self.sequence(node, "tags"):
            tag = self.string(item, "tags" if single else "each of tags")
            if tag and not TAG_PATTERN.match(tag):
                self.problem(
                    item,
                    f"tag '{tag}' has a character a tag cannot hold",
                    "use letters, digits, '-' and '_', with '::' for levels (topic::subtopic)",
                )
            tags.append(tag)
        return tuple(tags)

    def boolean(self, node: yaml.Node | None, what: str, default: bool = False) -> bool:
        if node is None:
            return default
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on")
        self.problem(node, f"{what} must be true or false, not {kind_of(node)}")
        return default

    def integer(self, node: yaml.Node | None, what: str, default: int, low: int, high: int) -> int:
        if node is None:
            return default
        if isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG:
            try:
                value = int(node.value.replace("_", ""), 0)
            except ValueError:
                value = low - 1
            if low <= value <= high:
                return value
        self.problem(node, f"{what} must be a whole number from {low} to {high}")
        return default

    def date(self, node: yaml.Node | None, what: str) -> PartialDate | None:
        """A year, year-month or full date; impossible dates such as 2020-02-30 are refused.
        A date before Christ, an early year, an approximate date or a century is written as a
        historian writes it: ``44 BC``, ``AD 800``, ``c. 1265``, ``4th century BC``."""
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG:
            self.problem(node, f"{what} is empty", "write a date: 1992, 2020-07 or 2020-07-13")
            return None
        text = node.value if isinstance(node, yaml.ScalarNode) else ""
        written = str(text).strip()
        approximate = APPROXIMATE_PREFIX.match(written)
        bare = written[approximate.end() :] if approximate else written
        candidate = parse_date(bare)
        if candidate is None and approximate and bare.isdigit() and len(bare) < 4:
            candidate = PartialDate(int(bare))  # "c. 973": the "c." shows it is no typo
        if candidate is None:
            self.problem(
                node,
                f"{what} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}"
                if isinstance(node, yaml.ScalarNode)
                else f"{what} must be a date, not {kind_of(node)}",
                DATE_EXAMPLES,
            )
            return None
        if approximate:
            if candidate.month or candidate.century:
                self.problem(
                    node,
                    f"{what} {text} is approximate to a day, a month or a century",
                    "write an approximate year only: c. 1265 or c. 500 BC",
                )
                return None
            candidate = PartialDate(candidate.year, approximate=True)
        try:
            candidate.latest  # noqa: B018 - raises for an impossible month or day
            valid_day = candidate.day <= days_in_month(candidate.year, candidate.month or 1)
        except ValueError:
            valid_day = False
        if not valid_day or candidate.year == 0:
            self.problem(node, f"{what} {text} is not a real date")
            return None
        return candidate


def parse_date(text: str) -> PartialDate | None:
    """The date ``text`` writes, checked only for its form (see ``NodeReader.date``)."""
    match = DATE_PATTERN.match(text)
    if match:
        year, month, day = (int(g) if g else 0 for g in match.groups())
        return PartialDate(year, month, day)
    match = ERA_DATE_PATTERN.match(text)
    if match:
        before_christ = match.group("bc") is not None
        prefix = "bc" if before_christ else "ad"
        year = int(match.group(prefix))
        month, day = (
            int(g) if g else 0
            for g in (match.group(f"{prefix}_month"), match.group(f"{prefix}_day"))
        )
        return PartialDate(-year if before_christ else year, month, day)
    match = CENTURY_PATTERN.match(text)
    if match:
        number = int(match.group("number"))
        if number == 0:
            return PartialDate(0)  # reported as no real date
        if match.group("bc"):
            return PartialDate(-number * 100, century=number)
        return PartialDate((number - 1) * 100 + 1, century=number)
    return None


def kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "nothing (null)"
    if node.tag == BOOL_TAG:
        return f"true/false ({node.value})"
    if node.tag in (INT_TAG, "tag:yaml.org,2002:float"):
        return f"a number ({node.value})"
    shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return repr(shown)


def suggest(word: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "expected one of: " + ", ".join(sorted(known))
