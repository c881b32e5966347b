"""Teaching a party's claim as that party's claim: one rule for every output."""

from __future__ import annotations

from quizgen.model import Fact
from quizgen.text import contains_phrase, normalise

ATTRIBUTED_STATUSES = ("claimed", "disputed", "reported")


# opening words that may be lowercased after "According to X, "; anything else may be a name
_FUNCTION_WORDS = frozenset([
    "a", "an", "the", "in", "on", "at", "by", "for", "from", "with", "after", "before", "during", "when",
    "what", "who", "which", "where", "how", "this", "that", "these", "those", "its", "it", "there", "some",
    "many", "most", "all", "both",
])


def _speaker(according_to: str) -> str:
    """The core of an attribution: "Nikolay Mitrokhin, University of Bremen" names Nikolay Mitrokhin."""
    core = according_to.split(",")[0].strip()
    return core[4:] if core.lower().startswith("the ") else core


def attribute(text: str, fact: Fact) -> str:
    """'According to X, …' unless the text already names X or says 'according to'."""
    if fact.status not in ATTRIBUTED_STATUSES or not fact.according_to or not text:
        return text
    # already attributed: it says "according to", or names the claimant, or opens with the
    # speaker as its subject ("Nikolay Mitrokhin … referred to …"); a passing mention is not enough
    if "according to" in normalise(text) or contains_phrase(text, fact.according_to) \
            or normalise(text).startswith(normalise(_speaker(fact.according_to))):
        return text
    first = text.split(" ", 1)[0]
    opening = text[0].lower() + text[1:] if first.lower() in _FUNCTION_WORDS else text
    return f"According to {fact.according_to}, {opening}"
