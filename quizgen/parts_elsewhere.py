"""A deck's cards whose answer is a set or a span that other cards teach piece by piece.

"Between which two leaders were the talks?" "Pashinyan and Aliyev", in a deck whose other
fronts ask "What office did Nikol Pashinyan hold?" and "What office did Ilham Aliyev hold?":
each name is read there every day, and the pair is recalled from those fronts, not from the
talks. "In which years was the first war fought?" "1991 – 1994", beside "In what year did
Nagorno-Karabakh declare independence?" (1991) and "the war that ended in 1994" on other
fronts, is the same; so is "Which happened first?" of two events, one of whose dates its own
card asks. Such a card teaches nothing its deck does not, so it leaves; the cards that teach its
parts stay, for each of them asks something of its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from quizgen.card_worth import LIST_SEPARATOR, front_text, rank, runs_in, tokens
from quizgen.items import Item
from quizgen.items.roles import role_kind

# a set's separators ("United States, France and Russia"; "Pashinyan and Aliyev"), and a span of dates "1991 –
# 1994" (spaced, as a date's human form writes it; "50–1,000 people" is one figure, not two things)
_PARTS = re.compile(rf"{LIST_SEPARATOR.pattern}|\s+[–-]\s+")


def parts(answer: str) -> list[tuple[str, ...]]:
    """The pieces of a set or a span, as words; an answer of one piece gives one."""
    return [key for piece in _PARTS.split(answer) if (key := tokens(piece))]


def learnt_in_parts(items: Sequence[Item], notes_of: Sequence[str], importance: Mapping[str, str],
                    common: Collection[str] = ()) -> set[int]:
    """The ``id`` of each "which happened first?" one of whose events' dates its own card asks, and of each card of
    two or more pieces, every one of which another note's card, of a fact at least as important, prints on its
    front or answers alone (a deck of the core facts holds no supporting card to teach a piece). A piece that is
    the course's common name (``common``: "Armenia") is printed everywhere and counts as given. ``notes_of`` gives
    each item's note key: a note's own cards do not teach it its answer."""
    dated = {item.fact_ids[0] for item in items if role_kind(item.role) == "date" and len(item.fact_ids) == 1}
    # one event's date learnt on its own card makes the order a comparison with a known year ("after 2016?"),
    # which readers find obvious: the card asks again what that card asks
    ordered = {id(item) for item in items if item.role == "which-first" and any(f in dated for f in item.fact_ids)}
    pieces_of = [parts(item.answer) for item in items]
    sets = [index for index, (item, pieces) in enumerate(zip(items, pieces_of, strict=True))
            if len(pieces) > 1 and item.role != "which-first"]
    wanted = {piece for index in sets for piece in pieces_of[index]}
    if not wanted:
        return ordered
    lengths = sorted({len(piece) for piece in wanted})
    levels = [rank(item, importance) for item in items]
    # each wanted piece, and the notes whose cards print or answer it, with the rank of their facts
    taught: dict[tuple[str, ...], set[tuple[str, int]]] = {}
    for item, note, own, level in zip(items, notes_of, pieces_of, levels, strict=True):
        # a piece is taught by a card that asks it alone: a set answered elsewhere ("United States, France and
        # Russia" twice) is one question asked twice, for the rules on repeats, and the pieces a key accepts of a
        # set (its alternatives) are no card's answer
        if len(own) == 1 and own[0] in wanted:
            taught.setdefault(own[0], set()).add((note, level))
        for run in runs_in(tokens(front_text(item)), wanted, lengths):
            taught.setdefault(run, set()).add((note, level))
    commons = {tokens(name) for name in common}

    def taught_elsewhere(piece: tuple[str, ...], note: str, at: int) -> bool:
        return piece in commons or any(by != note and level <= at for by, level in taught.get(piece, ()))

    return ordered | {id(items[index]) for index in sets
                      if all(taught_elsewhere(piece, notes_of[index], levels[index]) for piece in pieces_of[index])}
