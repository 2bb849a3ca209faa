"""The JSON Schema that editors use to check facts files as a teacher types agrees with
``quizgen validate``: the same files pass, the same files fail, and it knows the same keys."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import (
    ASTRONOMY_FACTS,
    BUNDLED_FACTS,
    FIXTURES,
    HOSTILE_FACTS,
    LITERATURE_FACTS,
    run_quizgen,
)
from quizgen.errors import InputError
from quizgen.facts.loader import FACT_SHAPES, SHAPES, load_facts

SCHEMA_FIXTURES = FIXTURES / "schema"
VALID_FILES = sorted((SCHEMA_FIXTURES / "valid").glob("*.yaml"))
INVALID_FILES = sorted((SCHEMA_FIXTURES / "invalid").glob("*.yaml"))


def facts_schema() -> dict[str, Any]:
    text = (files("quizgen") / "data" / "facts.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


class EditorLoader(yaml.SafeLoader):
    """yaml.safe_load as an editor's YAML 1.2 tooling reads a file: 2020-07-13 stays text.

    PyYAML would turn it into a date object, which JSON Schema has no type for.
    """


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_errors(path: Path) -> list[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)  # a SafeLoader
    validator = jsonschema.Draft202012Validator(
        facts_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)
    ]


def loader_problems(path: Path) -> list[str]:
    try:
        load_facts(path)
    except InputError as refused:
        return [str(problem) for problem in refused.problems]
    return []


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = facts_schema()

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_quizgen_schema_prints_the_shipped_schema() -> None:
    result = run_quizgen("schema")

    assert result.exit_code == 0
    assert json.loads(result.output) == facts_schema()


def test_there_are_enough_examples_to_compare() -> None:
    assert len(VALID_FILES) >= 3
    assert len(INVALID_FILES) >= 20


@pytest.mark.parametrize(
    "path",
    [
        *VALID_FILES,
        HOSTILE_FACTS,
        ASTRONOMY_FACTS,
        LITERATURE_FACTS,
        pytest.param(
            BUNDLED_FACTS,
            marks=pytest.mark.skipif(not BUNDLED_FACTS.exists(), reason="no bundled facts file"),
        ),
    ],
    ids=lambda path: path.name if path.parent.name != "valid" else f"valid/{path.name}",
)
def test_a_valid_file_passes_both(path: Path) -> None:
    assert loader_problems(path) == []
    assert schema_errors(path) == []


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda path: path.stem)
def test_an_invalid_file_fails_both(path: Path) -> None:
    # One defect per example, so that both sides are judged on the same thing.
    assert len(loader_problems(path)) == 1, loader_problems(path)
    assert schema_errors(path), "the schema accepts it"


def test_the_schema_knows_exactly_the_keys_the_loader_reads() -> None:
    schema = facts_schema()
    definitions = schema["$defs"]
    for name, shape in SHAPES.items():
        part = schema if name == "facts" else definitions[name]
        loader_keys = {*shape.required, *shape.optional}

        assert set(part["properties"]) == loader_keys, name
        assert part["additionalProperties"] is False, name
        # Facts must also have a 'source'; the loader asks for it with a message of its own.
        also_required = {"source"} if name in FACT_SHAPES else set()
        assert set(part["required"]) == {*shape.required, *also_required}, name


def test_the_schema_describes_nothing_the_loader_does_not_read() -> None:
    definitions = facts_schema()["$defs"]
    object_definitions = {name for name, part in definitions.items() if "properties" in part}

    assert object_definitions == set(SHAPES) - {"facts"}


def properties_of(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every property in the schema, with its path, however deep."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            found.append((f"{where}.{name}", value))
        for key, value in node.items():
            found += properties_of(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += properties_of(value, f"{where}[{index}]")
    return found


def test_every_property_has_a_description_for_editors() -> None:
    properties = properties_of(facts_schema())

    assert len(properties) > 80
    undescribed = [path for path, value in properties if not value.get("description", "").strip()]
    assert undescribed == []
