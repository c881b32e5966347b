"""True chronological order for timelines: where a dated fact stands among the others.

Dates are only as precise as the texts, so order needs more than the start date:

- a range stands at its start ("1991 – 1994" among the events of 1991);
- a qualifier moves a date inside its span: "early", "mid", "late" April; "before" and
  "after" a day stand just before and just after the facts of that very day;
- a fact whose statement places it after or during another event ("After Nagorno-Karabakh
  declared independence in 1991, war erupted …") comes after that event, where the dates
  alone leave the order open. When the dates contradict the statement, the dates win and
  :func:`order_conflicts` names the fact, for its date to be fixed in the fact base.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.dates import PartialDate
from quizgen.dates_in_text import dates_in
from quizgen.model import Fact, When
from quizgen.phrases import content_words, stem

# how far into its span a qualified date stands, as a share of the span
_QUALIFIER_SHARE = {"early": 0.0, "mid": 1 / 3, "late": 2 / 3}
# before the undated-qualified facts of the same day, or after them
_QUALIFIER_RANK = {"before": -1, "after": 1}
# "after X, …", "following X", "during X", "amid X": the clause up to the next comma or stop names X
_RELATIVE_CLAUSE = re.compile(r"\b(?:after|following|during|amid)\b([^,.;:]*)", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Position:
    """Where a date stands: a day ordinal, a rank on that day, and how many facts it follows."""

    day: int
    rank: int = 0
    depth: int = 0


def position(when: When) -> Position:
    start = when.start
    first, last = start.first_day().toordinal(), start.last_day().toordinal()
    share = _QUALIFIER_SHARE.get(when.qualifier or "", 0.0)
    if when.qualifier == "by":
        return Position(last)  # "by 1993": the state of things at the end of 1993
    # rounded up: "late September" (21–30) stands after 20 September, "mid" after the 10th
    return Position(first + math.ceil((last - first) * share), _QUALIFIER_RANK.get(when.qualifier or "", 0))


def earliest_day(when: When) -> int:
    return when.span()[0].toordinal()


def latest_day(when: When) -> int:
    return when.span()[1].toordinal()


def _dated(fact: Fact) -> When:
    when = fact.date
    assert when is not None, f"{fact.id} has no date"
    return when


def _named_dates(fact: Fact) -> list[PartialDate]:
    """The dates named in the clauses of the statement that say what the fact follows."""
    named = []
    for match in _RELATIVE_CLAUSE.finditer(fact.statement):
        for year, month, day in dates_in(match.group(1)):
            if year is not None:
                named.append(PartialDate(year, month, day if month else 0))
    return named


def _anchors(fact: Fact, named: list[PartialDate], others: Sequence[Fact]) -> list[Fact]:
    """The facts this one's statement says it follows: they start on a date its clause names (at the same
    precision), and their name shares a word of the clause that the fact's own name does not have."""
    own = {stem(w) for w in content_words(fact.name)}
    clause_words = {stem(w) for match in _RELATIVE_CLAUSE.finditer(fact.statement)
                    for w in content_words(match.group(1))} - own
    found: list[Fact] = []
    for other in others:
        # only a plainly dated event or agreement can be what a clause names: not a figure, not "late
        # September" standing for "September"
        if other is not fact and other.kind in ("event", "agreement") and _dated(other).qualifier is None \
                and _dated(other).start in named and clause_words & {stem(w) for w in content_words(other.name)}:
            found.append(other)
    return found


def _relations(facts: Sequence[Fact]) -> dict[str, list[Fact]]:
    by_year: dict[int, list[Fact]] = {}
    for fact in facts:
        by_year.setdefault(_dated(fact).start.year, []).append(fact)
    relative = {fact.id: named for fact in facts if (named := _named_dates(fact))}
    relations = {}
    for fact in facts:
        if fact.id not in relative:
            continue
        named = relative[fact.id]
        nearby = [other for year in sorted({d.year for d in named}) for other in by_year.get(year, [])]
        anchors = _anchors(fact, named, nearby)
        if anchors:
            relations[fact.id] = anchors
    return relations


def _compatible(fact: Fact, anchor: Fact) -> bool:
    """The dates allow the fact to stand after its anchor (they overlap, or the fact is later)."""
    return latest_day(_dated(fact)) >= earliest_day(_dated(anchor))


def chronological(facts: Sequence[Fact]) -> list[Fact]:
    """Dated facts in true chronological order (see the module's notes); undated facts are left out."""
    dated = [fact for fact in facts if fact.date is not None]
    relations = _relations(dated)
    placed: dict[str, Position] = {}

    def place(fact: Fact, visiting: frozenset[str]) -> Position:
        if fact.id in placed:
            return placed[fact.id]
        here = position(_dated(fact))
        for anchor in relations.get(fact.id, []):
            if anchor.id in visiting or not _compatible(fact, anchor):
                continue
            there = place(anchor, visiting | {fact.id})
            here = max(here, Position(there.day, there.rank, there.depth + 1))
        placed[fact.id] = here
        return here

    order = {fact.id: index for index, fact in enumerate(dated)}
    return sorted(dated, key=lambda f: (place(f, frozenset()), _dated(f).start.precision, order[f.id]))


@dataclass(frozen=True)
class OrderConflict:
    """A fact whose statement says it follows another, though its date stands before that one's."""

    fact_id: str
    follows: str
    reason: str


def order_conflicts(facts: Sequence[Fact]) -> list[OrderConflict]:
    dated = [fact for fact in facts if fact.date is not None]
    conflicts = []
    for fact_id, anchors in sorted(_relations(dated).items()):
        fact = next(f for f in dated if f.id == fact_id)
        for anchor in anchors:
            if not _compatible(fact, anchor):
                conflicts.append(OrderConflict(fact_id, anchor.id,
                                               f"its statement places it after {anchor.id} "
                                               f"({_dated(anchor).human()}), but it is dated {_dated(fact).human()}"))
    return conflicts
