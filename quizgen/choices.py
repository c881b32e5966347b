"""The closed sets a caller chooses from, each named once: item types, paper sizes, fact kinds,
statuses and importance. Recipes, the command line and the library all take them from here,
and each set has one function that checks a value against it, so that a bad value is an
``InvalidOption`` naming the option and listing what is valid, never a bare ``KeyError``.

(Export formats are named in ``quizgen.export.formats``, item roles in ``quizgen.items.roles``.)
Kept free of heavy imports: ``quizgen --help`` lists these values.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, cast, get_args

from quizgen.errors import InvalidOption, unknown_value

# --- item types ----------------------------------------------------------------------

ItemType = Literal["qa", "cloze", "mcq", "true-false", "matching", "ordering", "short-answer"]
ITEM_TYPES: tuple[ItemType, ...] = get_args(ItemType)

# what a deck or a quiz holds when neither a recipe nor the caller names types
DECK_TYPES: tuple[ItemType, ...] = ("qa", "cloze")
QUIZ_TYPES: tuple[ItemType, ...] = ("mcq", "true-false", "short-answer")


def item_types(values: Iterable[str] | None, default: tuple[ItemType, ...] = ITEM_TYPES, *,
               option: str = "--types") -> tuple[ItemType, ...]:
    """Item types as a caller names them ("mcq", or "qa,cloze" comma-separated), each once, in the order
    given; ``default`` when none is named. An unknown type is an ``InvalidOption`` naming ``option``."""
    if isinstance(values, str):
        values = [values]
    wanted = [part.strip() for value in values or () for part in value.split(",") if part.strip()]
    unknown = [unknown_value(option, name, ITEM_TYPES) for name in wanted if name not in ITEM_TYPES]
    if unknown:
        raise InvalidOption(unknown)
    return tuple(dict.fromkeys(cast("list[ItemType]", wanted))) or default


# --- paper sizes ---------------------------------------------------------------------

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = get_args(Paper)


def paper_size(value: str) -> Paper:
    """A paper size by name; anything else is an ``InvalidOption`` naming ``--paper``."""
    if value not in PAPERS:
        raise InvalidOption(unknown_value("--paper", value, PAPERS))
    return value


# --- facts ---------------------------------------------------------------------------

Kind = Literal["event", "agreement", "place", "person", "organization", "figure"]
KINDS: tuple[Kind, ...] = get_args(Kind)

Status = Literal["established", "reported", "claimed", "disputed"]
STATUSES: tuple[Status, ...] = get_args(Status)

# how much a fact matters to a learner of the topic: a class quiz draws on core facts only
Importance = Literal["core", "supporting", "detail"]
IMPORTANCES: tuple[Importance, ...] = get_args(Importance)
# most important first: where two items ask one thing, the lower rank's stays
IMPORTANCE_RANK: dict[str, int] = {level: rank for rank, level in enumerate(IMPORTANCES)}
