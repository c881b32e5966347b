"""Indexes of a whole fact base that several item engines share, within a scope that a caller opens.

Every item engine indexes the whole base (the names its statements mention, the names too common to blank, the
wrong answers of each sort, the sort of each claimant), whatever facts it makes items of. A build makes the
items of several decks and quizzes, and every other draw of a quiz's options is an engine of its own: within
``shared_indexes(factbase)`` each index is built once. Outside a scope nothing is kept, so the engine of a
single deck leaves nothing behind once its items are made. Every index is a function of the fact base alone
(no seed, no selection), so sharing one changes no item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from quizgen.factbase import FactBase

_Index = TypeVar("_Index")
_SHARED: dict[int, dict[str, Any]] = {}  # the id of a fact base in scope -> its indexes by name


@contextmanager
def shared_indexes(factbase: FactBase) -> Iterator[None]:
    """Within: the item engines of this fact base build each whole-base index once."""
    key = id(factbase)  # the caller holds the fact base for the whole scope, so its id names no other
    if key in _SHARED:  # an outer scope shares them already, and lets them go when it ends
        yield
        return
    _SHARED[key] = {}
    try:
        yield
    finally:
        del _SHARED[key]


def whole_base_index(factbase: FactBase, name: str, make: Callable[[], _Index]) -> _Index:
    """The index ``name`` of this fact base: the one built in this scope, or ``make()`` outside a scope."""
    shared = _SHARED.get(id(factbase))
    if shared is None:
        return make()
    if name not in shared:
        shared[name] = make()
    index: _Index = shared[name]
    return index
