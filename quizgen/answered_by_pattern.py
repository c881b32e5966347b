"""A deck's cards that ask one question twice in one shape: the second is answered from the shape.

"Which country brokered the ceasefire that ended the war of the early 1990s?" "Russia", and
"Which country brokered the ceasefire of September 2023?" "Russia": two cards that open alike
and end alike teach "ceasefire, so Russia", and the student stops reading the rest. One of them
is kept; the other fact is read on its note's other cards and in the full reference.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from quizgen.card_worth import rank
from quizgen.items import Item
from quizgen.phrases import normalise, words

# how many opening words two fronts share before they read as one question's shape ("which country brokered the
# ceasefire"); fewer ("which country brokered") would join a treaty's broker to a ceasefire's
OPENING_WORDS = 5


def _shape(item: Item) -> tuple[str, tuple[str, ...]] | None:
    opening = tuple(words(item.prompt)[:OPENING_WORDS])
    return (normalise(item.answer), opening) if len(opening) == OPENING_WORDS and item.type == "qa" else None


def answered_by_pattern(items: Sequence[Item], notes_of: Sequence[str], importance: Mapping[str, str]) -> set[int]:
    """The ``id`` of each question card whose answer and opening words another card of another note shares. The
    card of the most important fact stays; between equals, one whose note asks nothing else (a note keeps its other
    cards when one leaves), then the first in the deck's order."""
    cards_in_note = Counter(notes_of)
    by_shape: dict[tuple[str, tuple[str, ...]], list[tuple[int, int, int, Item, str]]] = {}
    for order, (item, note) in enumerate(zip(items, notes_of, strict=True)):
        shape = _shape(item)
        if shape is not None:
            by_shape.setdefault(shape, []).append((rank(item, importance), cards_in_note[note] > 1, order, item, note))
    dropped: set[int] = set()
    for sharing in by_shape.values():
        kept_notes: set[str] = set()
        for *_, item, note in sorted(sharing, key=lambda entry: entry[:3]):
            if kept_notes - {note}:
                dropped.add(id(item))
            else:
                kept_notes.add(note)
    return dropped
