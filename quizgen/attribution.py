"""Teaching a party's claim as that party's claim: one rule for every output."""

from __future__ import annotations

from quizgen.model import Fact
from quizgen.text import contains_phrase, normalise

ATTRIBUTED_STATUSES = ("claimed", "disputed", "reported")


def attribute(text: str, fact: Fact) -> str:
    """'According to X, …' unless the text already names X or says 'according to'."""
    if fact.status not in ATTRIBUTED_STATUSES or not fact.according_to:
        return text
    if contains_phrase(text, fact.according_to) or "according to" in normalise(text):
        return text
    return f"According to {fact.according_to}, {text[0].lower()}{text[1:]}"
