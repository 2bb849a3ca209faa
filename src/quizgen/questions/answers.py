"""How a typed answer is graded: one normalisation, shared with the self-test's JavaScript
(``data/html/answers.js``), so that every output that grades accepts the same answers.

What does not count: case, accents, a leading "the", punctuation, hyphens and spaces, digit
grouping ("1,000" is "1000") and British or American spelling of "-isation" ("Organisation" is
"Organization"). What counts: letters, digits and a decimal point ("6.5" is not
"65"). Other forms a learner may type (aliases, short names) come from the facts, as accepted
answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# A comma or (narrow) space between a digit and three more, as in 1,000 or 80 000.
_DIGIT_GROUPING = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")
# What is left between two digits is a decimal point, written either way: 51.9 or 51,9.
_DECIMAL_POINT = re.compile(r"(?<=\d)[.,](?=\d)")
_STRAY_POINT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_LEADING_ARTICLE = re.compile(r"^the\s+")


def answer_key(text: str) -> str:
    """The form two typed answers share when they are the same answer."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()
    folded = _LEADING_ARTICLE.sub("", folded).replace("&", " and ")
    folded = _DECIMAL_POINT.sub(".", _DIGIT_GROUPING.sub("", folded))
    kept = "".join(c for c in folded if c.isalnum() or c == ".")
    return _STRAY_POINT.sub("", kept).replace("isation", "ization")


def is_accepted(typed: str, accepted: Iterable[str]) -> bool:
    """Whether ``typed`` is one of the ``accepted`` answers (the keyed answer among them)."""
    key = answer_key(typed)
    return bool(key) and any(answer_key(text) == key for text in accepted)


# A typed answer a learner can produce: a name, a term, a year or a number, not a descriptive
# label ("Russian snap command and staff drills before Kavkaz-2020"), which is chosen instead.
MAX_TYPED_WORDS = 4
MAX_TYPED_CHARACTERS = 32


def is_typable(answer: str, accepted: Iterable[str] = (), spelled_by: str = "") -> bool:
    """Whether a learner could type the answer or one of its accepted forms: a short one, or
    the name an abbreviation (``spelled_by``) spells out word by word."""
    if spelled_by and _initials(answer) == "".join(c for c in spelled_by if c.isupper()):
        return True
    return any(
        len(text.split()) <= MAX_TYPED_WORDS and len(text) <= MAX_TYPED_CHARACTERS
        for text in (answer, *accepted)
        if text.strip()
    )


def _initials(name: str) -> str:
    """``CSCE`` from "Conference on Security and Cooperation in Europe"."""
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())
