"""Reads a YAML file into a node tree that keeps line and column marks, refusing unsafe input.

Only plain YAML passes: one UTF-8 document of mappings, lists and standard scalars, of bounded
size and depth. Every refusal is a located Problem; nothing PyYAML raises escapes as a traceback.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import InputError, Location, Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Far beyond any hand-written facts file; larger input is refused before it is read."""
MAX_DEPTH = 50
"""A facts file nests about eight levels deep; PyYAML's composer recurses once per level."""
MAX_ALIAS_NODES = 100_000
"""How many nodes aliases may stand for in total; a billion-laughs file stands for billions."""
MAX_ITEMS = 200_000
"""How many items one list may hold (facts in a section, members of a group...)."""

STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
MERGE_TAG = "tag:yaml.org,2002:merge"
YAML_TAG_PREFIX = "tag:yaml.org,2002:"


class _Refused(Exception):
    """Stops composing at the first input that must not be read further."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class GuardedLoader(yaml.SafeLoader):
    """PyYAML's safe composer with limits on depth, alias expansion and list length.

    Aliases are counted while composing, by the size of what they stand for (each node's size is
    known once it is composed), so an alias bomb is refused long before anyone walks it.
    """

    def __init__(self, text: str, display_path: str) -> None:
        super().__init__(text)
        self.display_path = display_path
        self.depth = 0
        self.alias_nodes = 0
        self.sizes: dict[int, int] = {}
        """Each composed node's size with aliases expanded, by ``id(node)``."""

    def refuse(self, mark: Any, message: str, hint: str = "") -> _Refused:
        return _Refused(Problem(location_of(mark, self.display_path), message, hint))

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            return self.compose_alias(event)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.refuse(
                event.start_mark,
                f"the data is nested more than {MAX_DEPTH} levels deep",
                "a facts file needs about eight levels; look for unclosed brackets",
            )
        try:
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        if node is not None:
            self.sizes[id(node)] = 1 + self.children_size(node)
        return node

    def compose_alias(self, event: yaml.AliasEvent) -> yaml.Node:
        target = self.anchors.get(event.anchor)
        if target is None:
            raise self.refuse(event.start_mark, f"the alias '*{event.anchor}' names no anchor")
        size = self.sizes.get(id(target))
        if size is None:
            raise self.refuse(
                event.start_mark,
                f"the alias '*{event.anchor}' refers to a list or mapping that contains it",
                "an alias may only repeat something complete",
            )
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise self.refuse(
                event.start_mark,
                f"aliases expand to more than {MAX_ALIAS_NODES:,} values",
                "write the values out instead of nesting aliases",
            )
        self.get_event()  # type: ignore[no-untyped-call]
        return target

    def children_size(self, node: yaml.Node) -> int:
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_ITEMS:
                raise self.refuse(node.start_mark, f"a list holds more than {MAX_ITEMS:,} items")
            return sum(self.sizes[id(child)] for child in node.value)
        if isinstance(node, yaml.MappingNode):
            if len(node.value) > MAX_ITEMS:
                raise self.refuse(node.start_mark, f"a mapping holds more than {MAX_ITEMS:,} keys")
            return sum(self.sizes[id(key)] + self.sizes[id(value)] for key, value in node.value)
        return 0

    def single_node(self) -> yaml.Node | None:
        """The one document's root; a second document is refused where it starts."""
        self.get_event()  # type: ignore[no-untyped-call]  # the StreamStartEvent
        node: yaml.Node | None = None
        if not self.check_event(yaml.StreamEndEvent):
            node = self.compose_document()
        if not self.check_event(yaml.StreamEndEvent):
            second = self.get_event()  # type: ignore[no-untyped-call]
            raise self.refuse(
                second.start_mark,
                "the file holds more than one YAML document",
                "a facts file is one document: remove this '---' and what follows, or merge them",
            )
        return node


def compose_file(
    path: Path,
    display_path: str,
    problems: list[Problem] | None = None,
    streamed_keys: frozenset[str] = frozenset(),
) -> yaml.Node:
    """The document's root node; raises InputError for anything that is not a usable YAML file.

    Repeated keys do not stop the reading: they go into ``problems`` when a list is given (so
    they are reported with everything else), and are raised at once otherwise.
    """
    text = read_text(path, display_path)
    tab_problems = tab_indentation(text, display_path)
    if tab_problems:
        raise InputError(tab_problems)
    node = fast_compose(text, streamed_keys, display_path, problems)
    loader: GuardedLoader | None = None
    try:
        if node is None:
            loader = GuardedLoader(text, display_path)
            node = loader.single_node()
    except _Refused as refused:
        raise InputError([refused.problem]) from None
    except yaml.MarkedYAMLError as err:
        raise InputError([syntax_problem(err, display_path)]) from None
    except yaml.reader.ReaderError as err:
        raise InputError([unreadable_character(err, text, display_path)]) from None
    except yaml.YAMLError as err:
        raise InputError([Problem(Location(display_path), f"YAML error: {err}")]) from None
    except (RecursionError, MemoryError):
        raise InputError(
            [
                Problem(
                    Location(display_path), "the data is nested too deeply or is too large to read"
                )
            ]
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        empty = "the file is empty" if not text.strip() else "the file holds only comments"
        raise InputError(
            [
                Problem(
                    Location(display_path),
                    empty,
                    "a facts file starts with 'format: quizgen-facts/1'",
                )
            ]
        )
    found = structure_problems(node, display_path)
    refusals = [problem for problem, fatal in found if fatal]
    repeats = [problem for problem, fatal in found if not fatal]
    if refusals or problems is None:
        raise_if_any([*refusals, *repeats])
    else:
        problems.extend(repeats)
    return node


def fast_compose(
    text: str,
    streamed_keys: frozenset[str] = frozenset(),
    display_path: str = "",
    problems: list[Problem] | None = None,
) -> yaml.Node | None:
    """The root node through libyaml, when the text is plainly safe; None means "use the guard".

    PyYAML's pure-Python composer reads about 1,500 facts a second; libyaml's events, composed
    here, several times that. A first pass over the events (iterative, so deep nesting cannot
    overflow anything) lets only one document with no anchors, no aliases and bounded depth
    through; anything else, valid or not, takes the guarded path, which gives the located
    refusals. The top-level lists named in ``streamed_keys`` are not composed in that pass: their
    items are composed one at a time as the reader asks for them (``StreamedSequence``), so a large
    file never stands in memory as a whole tree of nodes.
    """
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        return _compose_top_level(text, streamed_keys, display_path, problems)
    except (_NeedsGuard, yaml.YAMLError):
        return None


class _NeedsGuard(Exception):
    """The text uses what only the guarded composer handles (anchors, depth, documents)."""


_RESOLVER = yaml.resolver.Resolver()
STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


def _events(text: str) -> Iterator[Any]:
    """libyaml's events, refusing (for the guard) anchors, aliases and a second document."""
    documents = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if type(event) is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
            raise _NeedsGuard
        if type(event) is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _NeedsGuard
        yield event


def _compose(events: Iterator[Any], event: Any, depth: int) -> yaml.Node:
    """The node that starts with ``event``, read from ``events``; its end mark is not kept."""
    kind = type(event)
    if kind is yaml.ScalarEvent:
        tag = event.tag
        if tag is None or tag == "!":
            value = event.value
            # Most scalars are words no implicit type starts with: skip the resolver's call.
            if event.implicit[0] and value and value[0] not in _RESOLVER.yaml_implicit_resolvers:
                tag = STR_TAG
            else:
                tag = _RESOLVER.resolve(  # type: ignore[no-untyped-call]
                    yaml.ScalarNode, value, event.implicit
                )
        return yaml.ScalarNode(tag, event.value, event.start_mark, None, event.style)
    if depth >= MAX_DEPTH:
        raise _NeedsGuard
    tag = event.tag if event.tag not in (None, "!") else None
    if kind is yaml.SequenceStartEvent:
        items: list[yaml.Node] = []
        for item in events:
            if type(item) is yaml.SequenceEndEvent:
                break
            items.append(_compose(events, item, depth + 1))
        return yaml.SequenceNode(tag or _SEQ_TAG, items, event.start_mark, None, event.flow_style)
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    for key in events:
        if type(key) is yaml.MappingEndEvent:
            break
        pairs.append((_compose(events, key, depth + 1), _compose(events, next(events), depth + 1)))
    return yaml.MappingNode(tag or _MAP_TAG, pairs, event.start_mark, None, event.flow_style)


def _skip(events: Iterator[Any]) -> None:
    """Passes over the rest of a collection whose start event was just read."""
    depth = 1
    for event in events:
        kind = type(event)
        if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            depth += 1
            if depth > MAX_DEPTH:
                raise _NeedsGuard
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            depth -= 1
            if depth == 0:
                return


def _compose_top_level(
    text: str, streamed_keys: frozenset[str], display_path: str, problems: list[Problem] | None
) -> yaml.Node | None:
    first_pass = _events(text)
    root_event: Any = next(
        e for e in first_pass if type(e) not in (yaml.StreamStartEvent, yaml.DocumentStartEvent)
    )
    if type(root_event) is yaml.StreamEndEvent:
        return None
    if type(root_event) is not yaml.MappingStartEvent:
        return _finish(_compose(first_pass, root_event, 0), first_pass)
    stream = _SectionStream(text, display_path, problems)
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    for key_event in first_pass:
        if type(key_event) is yaml.MappingEndEvent:
            break
        key = _compose(first_pass, key_event, 1)
        value_event = next(first_pass)
        if (
            type(value_event) is yaml.SequenceStartEvent
            and value_event.tag in (None, "!")
            and isinstance(key, yaml.ScalarNode)
            and key.value in streamed_keys
        ):
            _skip(first_pass)
            value: yaml.Node = StreamedSequence(stream, len(pairs), value_event)
        else:
            value = _compose(first_pass, value_event, 1)
        pairs.append((key, value))
    root_mark: Any = root_event.start_mark
    root = yaml.MappingNode(_MAP_TAG, pairs, root_mark, None, root_event.flow_style)
    return _finish(root, first_pass)


def _finish(root: yaml.Node, events: Iterator[Any]) -> yaml.Node:
    for _ in events:  # the rest of the stream: a second document raises _NeedsGuard here
        pass
    return root


class StreamedSequence(yaml.SequenceNode):
    """A top-level list whose items are composed only while it is read, and read only once."""

    def __init__(self, stream: _SectionStream, position: int, start: Any) -> None:
        super().__init__(_SEQ_TAG, [], start.start_mark, None, start.flow_style)
        self.stream = stream
        self.position = position
        self.read = False

    @property
    def value(self) -> Iterator[yaml.Node]:
        if self.read:
            raise RuntimeError("a streamed list can be read only once")
        self.read = True
        return self.stream.items(self.position)

    @value.setter
    def value(self, items: list[yaml.Node]) -> None:
        pass  # SequenceNode's constructor sets an empty list; the items come from the stream


class _SectionStream:
    """One second pass over the events, handing out the items of each top-level list in turn.

    A list asked for before those written ahead of it in the file makes the earlier ones be
    composed and kept until they are asked for; in the usual order nothing is kept.
    """

    def __init__(self, text: str, display_path: str, problems: list[Problem] | None) -> None:
        self.display_path = display_path
        self.problems = problems
        # The first pass has already refused what needs the guard: no checks needed here.
        self.events = iter(yaml.parse(text, Loader=yaml.CSafeLoader))
        self.next_position = 0
        self.kept: dict[int, list[yaml.Node]] = {}
        for event in self.events:
            if type(event) is yaml.MappingStartEvent:
                break

    def items(self, position: int) -> Iterator[yaml.Node]:
        if position in self.kept:
            yield from self.kept.pop(position)
            return
        while self.next_position < position:
            value = self._next_value()
            if isinstance(value, list):
                self.kept[self.next_position - 1] = value
        yield from self._stream_value()

    def _advance_to_value(self) -> Any:
        key = next(self.events)
        _compose(self.events, key, 1)
        self.next_position += 1
        return next(self.events)

    def _next_value(self) -> list[yaml.Node] | None:
        start = self._advance_to_value()
        if type(start) is yaml.SequenceStartEvent:
            return list(self._items_after(start))
        _compose(self.events, start, 1)
        return None

    def _stream_value(self) -> Iterator[yaml.Node]:
        start = self._advance_to_value()
        yield from self._items_after(start)

    def _items_after(self, start: Any) -> Iterator[yaml.Node]:
        for event in self.events:
            if type(event) is yaml.SequenceEndEvent:
                return
            item = _compose(self.events, event, 2)
            # What compose_file checks in a whole tree, checked here item by item.
            found = structure_problems(item, self.display_path)
            refusals = [problem for problem, fatal in found if fatal]
            repeats = [problem for problem, fatal in found if not fatal]
            if refusals or (repeats and self.problems is None):
                raise InputError([*refusals, *repeats])
            if self.problems is not None:
                self.problems.extend(repeats)
            yield item


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


def read_text(path: Path, display_path: str) -> str:
    """The file's text; refuses missing, huge and non-UTF-8 files. A UTF-8 BOM is dropped."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                [
                    Problem(
                        Location(display_path),
                        f"the file is {size / 1024 / 1024:.1f} MB; facts files may be at most "
                        f"{MAX_FILE_BYTES // 1024 // 1024} MB",
                        "split the topic into several facts files",
                    )
                ]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(Location(display_path), "file not found")]) from None
    except IsADirectoryError:
        raise InputError([Problem(Location(display_path), "is a folder, not a file")]) from None
    except PermissionError:
        raise InputError(
            [Problem(Location(display_path), "cannot be read (permission denied)")]
        ) from None
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        # Columns count characters, as editors do, so decode the valid part of the line.
        column = len(before[line_start:].decode("utf-8")) + 1
        raise InputError(
            [
                Problem(
                    Location(display_path, line, column),
                    f"byte 0x{raw[err.start]:02x} is not UTF-8 text",
                    "save the file as UTF-8",
                )
            ]
        ) from None


def tab_indentation(text: str, display_path: str) -> list[Problem]:
    """Every line indented with a tab: YAML indents with spaces, and PyYAML stops at the first."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.lstrip(" \t")
        indent = line[: len(line) - len(content)]
        if "\t" in indent and content and not content.startswith("#"):
            found.append(
                Problem(
                    Location(display_path, number, indent.index("\t") + 1),
                    "a tab character is used for indentation",
                    "use spaces",
                )
            )
    return found


def location_of(mark: Any, display_path: str) -> Location:
    """PyYAML's marks count from 0; editors count lines and columns from 1."""
    if mark is None:
        return Location(display_path)
    return Location(display_path, mark.line + 1, mark.column + 1)


SYNTAX_HINT = (
    "put text in quotes when it starts with {, [, *, &, !, % or @, or holds ': ' or ' #'; "
    "and check that this line is indented like its neighbours"
)


def syntax_problem(err: yaml.MarkedYAMLError, display_path: str) -> Problem:
    detail = err.problem or err.context or "unreadable YAML"
    if "'\\t'" in detail:
        location = location_of(err.problem_mark or err.context_mark, display_path)
        return Problem(location, "a tab character where YAML expects spaces", "use spaces")
    if err.context == "while scanning a quoted scalar" and err.context_mark is not None:
        # PyYAML notices an unclosed quote only where the file ends; the quote is the mistake.
        return Problem(
            location_of(err.context_mark, display_path),
            "this quoted text is never closed",
            "add the closing quote mark",
        )
    location = location_of(err.problem_mark or err.context_mark, display_path)
    return Problem(location, f"YAML syntax error: {detail}", SYNTAX_HINT)


def unreadable_character(err: yaml.reader.ReaderError, text: str, display_path: str) -> Problem:
    """PyYAML names a control character only by its offset; editors want line and column."""
    before = text[: err.position]
    line = before.count("\n") + 1
    column = err.position - (before.rfind("\n") + 1) + 1
    character = err.character if isinstance(err.character, int) else ord(str(err.character)[:1])
    return Problem(
        Location(display_path, line, column),
        f"the control character U+{character:04X} is not allowed in YAML",
        "delete it (it is often invisible; it may come from copying out of a PDF)",
    )


def structure_problems(root: yaml.Node, display_path: str) -> list[tuple[Problem, bool]]:
    """Non-standard tags and merge keys (fatal), and repeated keys (not fatal), in every mapping.

    Each node is visited once, so repeated aliases cost nothing here.
    """
    found: list[tuple[Problem, bool]] = []
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag in STANDARD_TAGS:
            pass
        elif node.tag == MERGE_TAG:
            where = location_of(node.start_mark, display_path)
            found.append(
                (Problem(where, "merge keys '<<' are not supported", "write the keys out"), True)
            )
        else:
            where = location_of(node.start_mark, display_path)
            shown = node.tag.replace(YAML_TAG_PREFIX, "!!", 1)
            found.append(
                (
                    Problem(
                        where,
                        f"the tag '{shown}' is not allowed",
                        "facts files hold only text, numbers, dates, lists and mappings; "
                        "remove the tag",
                    ),
                    True,
                )
            )
        if isinstance(node, StreamedSequence):
            continue  # its items are checked one by one as they are read
        if isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            found.extend((problem, False) for problem in repeated_keys(node, display_path))
            for key, value in node.value:
                pending.extend((key, value))
    return found


def repeated_keys(node: yaml.MappingNode, display_path: str) -> list[Problem]:
    first_lines: dict[str, int] = {}
    found = []
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        name = str(key.value)
        if name in first_lines:
            found.append(
                Problem(
                    location_of(key.start_mark, display_path),
                    f"duplicate key '{name}'",
                    f"it is already set at line {first_lines[name]}; keep one of them",
                )
            )
        else:
            first_lines[name] = key.start_mark.line + 1
    return found
