"""Reads a YAML file into a node tree that keeps line and column marks, refusing unsafe input."""

from __future__ import annotations

from pathlib import Path

import yaml

from quizgen.errors import InputError, Location, Problem


def compose_file(path: Path, display_path: str) -> yaml.Node:
    """The document's root node; raises InputError for anything that is not a usable YAML file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(Location(display_path), "file not found")]) from None
    except IsADirectoryError:
        raise InputError([Problem(Location(display_path), "is a folder, not a file")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            [Problem(Location(display_path), f"byte {err.start} is not UTF-8 text", "save the file as UTF-8")]
        ) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        location = Location(display_path, mark.line + 1, mark.column + 1) if mark else Location(display_path)
        raise InputError([Problem(location, f"YAML syntax error: {err.problem or err.context}")]) from None
    if node is None:
        raise InputError([Problem(Location(display_path), "the file is empty")])
    return node
