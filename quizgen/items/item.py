"""Learner-facing items: what decks and printed quizzes are made of.

An item knows nothing of Anki or PDF. Its id comes from its type, its role and its
fact ids, never from its wording, so that editing a statement updates an Anki note
in place rather than creating a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.choices import ITEM_TYPES as ITEM_TYPES  # the item types are named in quizgen.choices
from quizgen.choices import ItemType as ItemType
from quizgen.numbers_in_text import numbers_in


@dataclass(frozen=True, slots=True)
class Passage:
    """A cited passage as the learner sees it, with where it comes from."""

    fact_id: str
    source_id: str
    source_label: str  # title, publisher, date
    start: int
    end: int
    quote: str
    before: str = ""  # surrounding text, for context
    after: str = ""
    source_short: str = ""  # publisher and date, where space is short
    sic: tuple[str, ...] = ()  # the quote's words that are the text's own slips, shown with [sic] after them


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    type: ItemType
    role: str
    prompt: str
    answer: str
    fact_ids: tuple[str, ...]
    passages: tuple[Passage, ...]
    tags: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    options: tuple[str, ...] = ()  # multiple choice, in display order
    correct_option: int | None = None
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (prompt, answer); ordering: (label, date) in true order
    extra_options: tuple[str, ...] = ()  # matching: right-hand options that match nothing
    cloze: tuple[str, str, str] | None = None  # (before, deleted, after)
    correction: str | None = None  # true/false: the true statement when the item's is false
    sort_key: str = ""  # chronological position, for introducing new cards in order
    context: str = ""  # the fact's statement, shown after answering
    status: str = "established"
    according_to: str | None = None
    # which came first: each event and its date, in true order, shown once answered (a learner who guessed sees
    # why; a back naming only the earlier event teaches no date)
    timeline: tuple[tuple[str, str], ...] = ()
    # what the facts it conflicts with say, each in its claimant's voice: shown beside the fact, never resolved
    other_accounts: tuple[str, ...] = ()


def true_on_its_face(item: Item) -> bool:
    """A true statement with no date or figure in it ("Faced with the prospect of rule by Azerbaijan, ethnic
    Armenians fled …"): nothing in it could have been made false, so a learner ticks True unread. Neither a bank
    nor a quiz asks it."""
    return item.type == "true-false" and item.correction is None and not numbers_in(item.prompt)


# option letters, as every output prints them
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def answer_text(item: Item, options: Sequence[str] | None = None, correct: int | None = None) -> str:
    """The answer as a learner or a marker reads it, the same in every output: "B. Stepanakert" for multiple
    choice (in the order shown: a quiz version passes its own ``options`` and ``correct``), "False — " and the
    true statement for a false one, and otherwise the answer itself."""
    if item.type == "mcq":
        shown, at = (options, correct) if options is not None else (item.options, item.correct_option)
        if at is not None:
            return f"{LETTERS[at]}. {shown[at]}"
    if item.type == "true-false" and item.correction:
        return f"False — {item.correction}"
    return item.answer


RANGE_DASH = " – "  # how a range of dates or figures is written in an answer ("1991 – 1994")


def with_range_ends(forms: Sequence[str]) -> list[str]:
    """The forms of an answer and, for a range, each of its ends: "1991" and "1994" of "1991 – 1994"."""
    return [*forms, *(end.strip() for form in forms if RANGE_DASH in form for end in form.split(RANGE_DASH))]
