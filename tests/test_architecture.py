"""One source, one model, many writers: the model packages never reach for an output format."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import PROJECT

PACKAGE = PROJECT / "src" / "quizgen"
OUTPUT_MODULES = ("genanki", "reportlab", "jinja2", "quizgen.exporters", "quizgen.build")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", ["facts", "questions"])
def test_the_model_imports_no_output_format(package: str) -> None:
    sources = sorted((PACKAGE / package).rglob("*.py"))
    assert sources
    for source in sources:
        for name in imported_modules(source):
            assert not name.startswith(OUTPUT_MODULES), f"{source.name} imports {name}"


def test_an_exporter_depends_on_no_other_exporter() -> None:
    exporters = sorted((PACKAGE / "exporters").glob("*.py"))
    families = {path.stem.split("_")[0] for path in exporters if path.stem != "__init__"}
    for source in exporters:
        own = source.stem.split("_")[0]
        for name in imported_modules(source):
            if name.startswith("quizgen.exporters."):
                other = name.rsplit(".", 1)[1].split("_")[0]
                assert other in (own, "__init__") or other not in families, (
                    f"{source.name} imports {name}"
                )


# Where each kind keeps its answer; writers of new formats read the answer view instead.
ANSWER_FIELDS = {"answer", "accept", "choices", "blanks", "pairs", "order", "prompt_parts"}


def test_the_platform_writers_read_answers_only_from_the_answer_view() -> None:
    sources = sorted((PACKAGE / "exporters" / "lms").glob("*.py"))
    assert sources
    for source in sources:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                reads_question = node.value.id == "question"
                assert not (reads_question and node.attr in ANSWER_FIELDS), (
                    f"{source.name}:{node.lineno} reads question.{node.attr}"
                )
