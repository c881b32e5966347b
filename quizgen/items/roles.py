"""The roles an item plays, defined once: the second part of an item id (``type:role:fact-id``).

A role names what an item asks of its fact. Some roles carry a suffix where one fact
has several of them (``side-name:khankendi``, ``acronym:OSCE``).
"""

from __future__ import annotations

from typing import Literal, get_args

from quizgen.phrases import content_words

Role = Literal[
    "date", "on-date", "duration", "value", "who", "role", "identify", "located-in", "alias-of", "side-name",
    "place-called", "acronym", "mediator", "parties", "who-said", "which-source", "which-first", "statement",
    "dates", "other-names", "events", "place", "name", "affiliation",
]
ROLES: tuple[Role, ...] = get_args(Role)

# roles that compare facts: their items rest on two or more facts
COMPARING_ROLES: tuple[Role, ...] = ("which-first", "which-source")

# an identification asked of a bare name ("What is the capital of X?", "Who was the President of Y?")
# tests general knowledge, not the texts
IDENTIFY_ROLES = frozenset({"identify", "who", "located-in"})
BARE_IDENTIFICATION_WORDS = 3


def role_kind(role: str) -> str:
    """A role without the suffix that tells one fact's roles of a kind apart: "side-name:khankendi" is a side-name."""
    return role.split(":", 1)[0]


def bare_identification(role: str, prompt: str) -> bool:
    kind = role_kind(role)
    # "What does WHO stand for?" asks an expansion any dictionary gives
    return kind == "acronym" or (kind in IDENTIFY_ROLES and len(content_words(prompt)) <= BARE_IDENTIFICATION_WORDS)
