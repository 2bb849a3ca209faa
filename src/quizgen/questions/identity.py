"""Stable question ids and per-question randomness, both derived with SHA-256 from fact keys."""

from __future__ import annotations

import hashlib
import random

ID_PREFIX = "q-"
ID_HEX_LENGTH = 12


def question_id(fact_ids: tuple[str, ...], kind: str, template: str, qualifier: str = "") -> str:
    """``q-`` and 12 hex digits from the facts asked about, the kind and the template.

    Never from the seed or the question's position, so a question keeps its id (and a student's
    Anki history) across rebuilds and when other facts are added or edited. ``qualifier`` tells
    apart two questions of one template on one fact (a role of an event, an article of a treaty).
    """
    key = "|".join([*fact_ids, kind, template, *([qualifier] if qualifier else [])])
    return ID_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HEX_LENGTH]


def question_rng(seed: int, identity: str) -> random.Random:
    """A generator of its own for each question, so editing one fact shifts no other draws."""
    digest = hashlib.sha256(f"{seed}|{identity}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))
