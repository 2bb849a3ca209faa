"""Reads deck files (``decks/*.yaml``), the study sets that select questions, with located errors.

Each file defines one deck. A deck selects by fact id, tag and kind; an empty selection takes the
whole topic. Without deck files the whole topic is one deck named after the topic title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quizgen.errors import InputError, Location, Problem
from quizgen.facts.loader import reader_suggest
from quizgen.facts.model import Facts
from quizgen.facts.reader import STR_TAG, NodeReader, suggest
from quizgen.facts.yaml_source import compose_file
from quizgen.questions.model import Blueprint, Kind, Question

DECK_FILE_PATTERN = "*.yaml"
DEFAULT_SEED = 0
"""The seed of a deck file without ``seed`` and of the bank when ``--seed`` is not given."""
MAX_SEED = 2**32 - 1
MAX_COUNT = 100_000

SELECTION_KEYS = ("facts", "tags", "kinds", "exclude_facts", "exclude_tags", "background")
DECK_KEYS = ("title", "description", *SELECTION_KEYS, "count", "quotas", "seed", "formats")
QUOTA_KEYS = ("tags", "kinds", "difficulty")
DIFFICULTY_LEVELS = {"easy": 1, "medium": 2, "hard": 3}


@dataclass(frozen=True)
class DeckSpec:
    """A validated deck file: its name, what it selects, and how many questions to take."""

    name: str
    """Anki-style hierarchical name: ``CSTO::Members and observers``."""
    slug: str
    title: str
    description: str = ""
    fact_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    kinds: tuple[Kind, ...] = ()
    exclude_fact_ids: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    blueprint: Blueprint = field(default_factory=Blueprint)
    """How many questions a test of this deck asks, and what it must cover; the deck keeps
    every selected question for review."""
    seed: int = DEFAULT_SEED
    formats: tuple[str, ...] = ()
    """The output formats this deck is written in; empty means every format."""
    file_stem: str = ""
    """The deck file's name without ``.yaml``; empty for the default whole-topic deck."""
    location: Location | None = field(default=None, compare=False)
    background: bool = False
    """Whether the deck also asks about background facts (a deck naming the fact always does)."""
    blueprint_location: Location | None = field(default=None, compare=False)
    """Where ``count`` (or else ``quotas``) is written: the place to blame for a test too long."""

    def selects(self, question: Question) -> bool:
        """True when the question belongs in this deck (before ``count`` is applied)."""
        if self.kinds and question.kind not in self.kinds:
            return False
        named = any(fact_id in self.fact_ids for fact_id in question.fact_ids)
        if question.background and not (self.background or named):
            return False
        if any(fact_id in self.exclude_fact_ids for fact_id in question.fact_ids):
            return False
        if any(tag_matches(tag, wanted) for tag in question.tags for wanted in self.exclude_tags):
            return False
        if not self.fact_ids and not self.tags:
            return True
        return any(fact_id in self.fact_ids for fact_id in question.fact_ids) or any(
            tag_matches(tag, wanted) for tag in question.tags for wanted in self.tags
        )


def tag_matches(tag: str, wanted: str) -> bool:
    """``csto`` selects ``csto`` and its sub-tags such as ``csto::members``, as Anki does."""
    return tag == wanted or tag.startswith(wanted + "::")


# Letters that Unicode decomposition leaves outside ASCII, spelled as readers would. Accented
# letters (é, й, ά) need no entry: decomposition first splits off their accents.
TRANSLITERATION = str.maketrans(
    {
        **dict(zip("əıøłđðħŧ", "eiolddht", strict=True)),
        **{"ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"},
        **dict(zip("абвгдезиклмнопрстуфхыэі", "abvgdeziklmnoprstufhyei", strict=True)),
        **{"ж": "zh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya"},
        **{"ъ": "", "ь": "", "є": "ye", "ґ": "g"},
        **dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstyfo", strict=True)),
        **{"θ": "th", "χ": "ch", "ψ": "ps"},
    }
)


def slug_of(text: str, fallback: str = "deck") -> str:
    """A file-name-safe ASCII form of ``text``.

    ``CSTO::Members and observers`` -> ``csto-members-and-observers``; ``Bakı`` -> ``baki``;
    ``Хартия`` -> ``hartiya``. Text with no letter or digit to keep gives ``fallback``.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower()).translate(TRANSLITERATION)
    folded = decomposed.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or fallback


CLASS_PERIOD = 25
"""The questions of a printed test a class answers in one period: the default deck's length."""


def default_deck(facts: Facts) -> DeckSpec:
    """The deck used when there are no deck files: every question of the topic for review, and
    a test of one class period drawn from them."""
    title = facts.topic.title
    return DeckSpec(
        name=title,
        slug=slug_of(title),
        title=title,
        description=facts.topic.description,
        blueprint=Blueprint(at_most=CLASS_PERIOD),
    )


def load_decks(path: Path, facts: Facts, formats: Sequence[str]) -> tuple[DeckSpec, ...]:
    """The decks of the folder ``path`` in file-name order; raises InputError listing every problem.

    A missing or empty folder gives the one default deck holding the whole topic. ``formats`` are
    the output formats a deck may name (the exporters' names: decks know no exporter).
    """
    if path.exists() and not path.is_dir():
        raise InputError([Problem(Location(str(path)), "is a file, not a folder of deck files")])
    deck_files = sorted(path.glob(DECK_FILE_PATTERN)) if path.is_dir() else []
    if not deck_files:
        return (default_deck(facts),)
    problems: list[Problem] = []
    decks: list[DeckSpec] = []
    vocabulary = Vocabulary.of(facts, formats)
    for deck_file in deck_files:
        try:
            root = compose_file(deck_file, str(deck_file), problems)
        except InputError as error:
            problems += error.problems
            continue
        reader = DeckReader(str(deck_file), vocabulary)
        deck = reader.read(root, deck_file.stem)
        problems += reader.problems
        if deck is not None:
            decks.append(deck)
    problems += find_clashes(decks)
    if problems:
        raise InputError(problems)
    return tuple(decks)


@dataclass(frozen=True)
class Vocabulary:
    """What deck files may name: the fact ids and tags the facts file defines, and the formats."""

    fact_ids: frozenset[str]
    tags: frozenset[str]
    formats: tuple[str, ...]

    @classmethod
    def of(cls, facts: Facts, formats: Sequence[str]) -> Vocabulary:
        return cls(
            fact_ids=frozenset(fact.id for fact in facts.all_facts),
            tags=frozenset(tag for fact in facts.all_facts for tag in fact.tags),
            formats=tuple(formats),
        )

    def knows_tag(self, wanted: str) -> bool:
        return any(tag_matches(tag, wanted) for tag in self.tags)


class DeckReader(NodeReader):
    """Reads one deck file; every reference is checked against the facts."""

    def __init__(self, path: str, vocabulary: Vocabulary) -> None:
        super().__init__(path)
        self.vocabulary = vocabulary

    def read(self, root: yaml.Node, file_stem: str) -> DeckSpec | None:
        keys = self.mapping(root, "a deck file", required=("name",), optional=DECK_KEYS)
        if keys is None:
            return None
        name = self.string(keys.get("name"), "deck name")
        if name and any(not level.strip() for level in name.split("::")):
            self.problem(
                keys["name"], f"deck name '{name}' has an empty level", "write levels as A::B"
            )
        count = self.integer(keys["count"], "count", 1, 1, MAX_COUNT) if "count" in keys else None
        blueprint = Blueprint(count=count)
        if "quotas" in keys:
            blueprint = self.quotas(keys["quotas"], blueprint)
        return DeckSpec(
            name=name,
            slug=slug_of(name),
            title=self.string(keys.get("title"), "deck title", name.split("::")[-1].strip()),
            description=self.string(keys.get("description"), "deck description"),
            fact_ids=self.fact_ids(keys.get("facts"), "facts"),
            tags=self.known_tags(keys.get("tags"), "tags"),
            kinds=self.kinds(keys.get("kinds")),
            exclude_fact_ids=self.fact_ids(keys.get("exclude_facts"), "exclude_facts"),
            exclude_tags=self.known_tags(keys.get("exclude_tags"), "exclude_tags"),
            blueprint=blueprint,
            seed=self.integer(keys.get("seed"), "seed", DEFAULT_SEED, 0, MAX_SEED),
            formats=self.formats(keys.get("formats")),
            file_stem=file_stem,
            location=self.at(keys["name"]) if "name" in keys else self.at(root),
            background=self.boolean(keys.get("background"), "background"),
            blueprint_location=next(
                (self.at(keys[key]) for key in ("count", "quotas") if key in keys), None
            ),
        )

    def quotas(self, node: yaml.Node, blueprint: Blueprint) -> Blueprint:
        """``quotas: {tags: {treaties: 5}, kinds: {short: 3}, difficulty: {hard: 4}}``: minimums."""
        keys = self.mapping(node, "quotas", optional=QUOTA_KEYS)
        if keys is None:
            return blueprint
        tag_quotas = tuple(
            (tag, n) for tag, n, _ in self.counts(keys.get("tags"), "tags", self.tag_known)
        )
        kind_quotas = tuple(
            (Kind(name), n)
            for name, n, _ in self.counts(keys.get("kinds"), "kinds", self.kind_known)
        )
        difficulty_quotas = tuple(
            (DIFFICULTY_LEVELS[name], n)
            for name, n, _ in self.counts(keys.get("difficulty"), "difficulty", self.level_known)
        )
        for what, quotas in (("tags", tag_quotas), ("kinds", kind_quotas)):
            self.within_count(keys.get(what), what, [n for _, n in quotas], blueprint.count)
        self.within_count(
            keys.get("difficulty"), "difficulty", [n for _, n in difficulty_quotas], blueprint.count
        )
        return Blueprint(
            count=blueprint.count,
            tag_quotas=tag_quotas,
            kind_quotas=kind_quotas,
            difficulty_quotas=difficulty_quotas,
        )

    def counts(
        self, node: yaml.Node | None, what: str, known: Callable[[str, yaml.Node], bool]
    ) -> list[tuple[str, int, yaml.Node]]:
        """A mapping of names to whole numbers, each name checked by ``known``."""
        if node is None:
            return []
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"quotas {what} must map names to numbers, like {{name: 3}}")
            return []
        found: list[tuple[str, int, yaml.Node]] = []
        for key_node, value_node in node.value:
            name = self.string(key_node, f"a name in quotas {what}")
            number = self.integer(value_node, f"the quota of '{name}'", 0, 1, MAX_COUNT)
            if name and known(name, key_node) and number:
                found.append((name, number, key_node))
        return found

    def tag_known(self, tag: str, node: yaml.Node) -> bool:
        if self.vocabulary.knows_tag(tag):
            return True
        hint = reader_suggest(tag, set(self.vocabulary.tags))
        self.problem(node, f"tag '{tag}' in quotas is on no fact", hint)
        return False

    def kind_known(self, name: str, node: yaml.Node) -> bool:
        names = [kind.value for kind in Kind]
        if name in names:
            return True
        self.problem(node, f"unknown kind '{name}' in quotas", suggest(name, names))
        return False

    def level_known(self, name: str, node: yaml.Node) -> bool:
        if name in DIFFICULTY_LEVELS:
            return True
        hint = suggest(name, list(DIFFICULTY_LEVELS))
        self.problem(node, f"unknown difficulty '{name}' in quotas", hint)
        return False

    def within_count(
        self, node: yaml.Node | None, what: str, numbers: list[int], count: int | None
    ) -> None:
        """Quotas of one sort cannot ask for more questions than a form holds."""
        if node is not None and count is not None and sum(numbers) > count:
            self.problem(
                node,
                f"quotas {what} ask for {sum(numbers)} questions, more than count {count}",
                "lower the quotas or raise count",
            )

    def listed(self, node: yaml.Node | None, what: str) -> list[tuple[str, yaml.Node]]:
        """Each text of a list (or the one text) with its node, to place problems exactly."""
        if node is None:
            return []
        one_text = isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG
        items = [node] if one_text else self.sequence(node, what)
        return [(self.string(item, f"each of {what}"), item) for item in items]

    def fact_ids(self, node: yaml.Node | None, what: str) -> tuple[str, ...]:
        listed = self.listed(node, what)
        for fact_id, item in listed:
            if fact_id and fact_id not in self.vocabulary.fact_ids:
                hint = reader_suggest(fact_id, set(self.vocabulary.fact_ids))
                self.problem(item, f"fact '{fact_id}' in {what} is not in the facts file", hint)
        return tuple(fact_id for fact_id, _ in listed)

    def known_tags(self, node: yaml.Node | None, what: str) -> tuple[str, ...]:
        listed = self.listed(node, what)
        for tag, item in listed:
            if tag and not self.vocabulary.knows_tag(tag):
                hint = reader_suggest(tag, set(self.vocabulary.tags))
                self.problem(item, f"tag '{tag}' in {what} is on no fact", hint)
        return tuple(tag for tag, _ in listed)

    def kinds(self, node: yaml.Node | None) -> tuple[Kind, ...]:
        names = [kind.value for kind in Kind]
        kinds: list[Kind] = []
        for text, item in self.listed(node, "kinds"):
            if text in names:
                kinds.append(Kind(text))
            elif text:
                self.problem(item, f"unknown kind '{text}' in kinds", suggest(text, names))
        return tuple(kinds)

    def formats(self, node: yaml.Node | None) -> tuple[str, ...]:
        names = self.vocabulary.formats
        formats: list[str] = []
        for text, item in self.listed(node, "formats"):
            if text in names:
                formats.append(text)
            elif text:
                self.problem(item, f"unknown format '{text}' in formats", suggest(text, names))
        return tuple(formats)


RESERVED_SLUGS = frozenset({"index", "questions"})
"""File names of outputs that hold every deck (index.html, questions.json)."""


def find_clashes(decks: list[DeckSpec]) -> list[Problem]:
    """Two decks may share neither a name nor a slug: outputs are named after slugs."""
    problems: list[Problem] = []
    by_name: dict[str, DeckSpec] = {}
    by_slug: dict[str, DeckSpec] = {}
    for deck in decks:
        if not deck.name:
            continue  # already reported as missing or empty
        where = deck.location or Location(deck.file_stem)
        first = by_name.get(deck.name)
        if first is not None:
            problems.append(
                Problem(
                    where,
                    f"duplicate deck name '{deck.name}'",
                    f"it is already used at {first.location}",
                )
            )
            continue
        by_name[deck.name] = deck
        if deck.slug in RESERVED_SLUGS:
            problems.append(
                Problem(
                    where,
                    f"deck name '{deck.name}' gives the file name '{deck.slug}', which an output "
                    "of every deck already has (index.html, questions.json)",
                    "rename the deck",
                )
            )
            continue
        first = by_slug.get(deck.slug)
        if first is not None:
            problems.append(
                Problem(
                    where,
                    f"deck name '{deck.name}' gives the same file name '{deck.slug}'"
                    f" as deck '{first.name}'",
                    f"that deck is at {first.location}; rename one of them",
                )
            )
            continue
        by_slug[deck.slug] = deck
    return problems
