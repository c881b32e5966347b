"""Choosing facts: the filters every command shares (kind, importance, tag, source, dates, ids).

Filters of one name are alternatives (``--kind event --kind agreement``); filters of
different names must all hold. An unknown value is an error that lists the valid
ones, and a selection that matches nothing is an error too: an empty deck or quiz
is never what the user meant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.choices import IMPORTANCES, KINDS
from quizgen.dates import InvalidDate, PartialDate, parse_partial_date
from quizgen.errors import InvalidOption, Problem, QuizgenError, option_problem, unknown_value
from quizgen.factbase import FactBase
from quizgen.model import Fact


@dataclass(frozen=True)
class Selection:
    kinds: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    ids: tuple[str, ...] = ()
    importances: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        kinds: Sequence[str] | None = None,
        tags: Sequence[str] | None = None,
        sources: Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        ids: Sequence[str] | None = None,
        importances: Sequence[str] | None = None,
    ) -> Selection:
        return cls(_values(kinds), _values(tags), _values(sources), since, until, _values(ids), _values(importances))

    def describe(self) -> str:
        named = (("kind", self.kinds), ("importance", self.importances), ("tag", self.tags),
                 ("source", self.sources), ("id", self.ids))
        parts = [f"{name}={','.join(values)}" for name, values in named if values]
        parts += [f"{name}={value}" for name, value in (("since", self.since), ("until", self.until)) if value]
        return " ".join(parts) or "all facts"


def _values(values: Sequence[str] | str | None) -> tuple[str, ...]:
    """A filter's values; one value may be given bare ("core" for ["core"]), never read as its letters."""
    if isinstance(values, str):
        return (values,)
    return tuple(values or ())


def tag_matches(tag: str, wanted: str) -> bool:
    """A tag filter selects the tag itself and every tag below it in the hierarchy."""
    return tag == wanted or tag.startswith(wanted + "::")


def _date_bound(value: str | None, option: str) -> PartialDate | None:
    if value is None:
        return None
    try:
        return parse_partial_date(value)
    except InvalidDate as err:
        raise InvalidOption(option_problem(option, str(err))) from None


def _unknown(option: str, values: Sequence[str], valid: Sequence[str]) -> list[Problem]:
    return [unknown_value(option, value, valid) for value in values if value not in valid]


def validate_selection(selection: Selection, factbase: FactBase) -> tuple[PartialDate | None, PartialDate | None]:
    """Reject a filter value that names nothing in this fact base, listing what would be valid.

    Returns the parsed ``--since`` and ``--until`` bounds.
    """
    all_tags = sorted({tag for fact in factbase for tag in fact.tags})
    # every ancestor of a tag is a valid filter too (period:: selects the whole tree)
    tag_prefixes = sorted({"::".join(tag.split("::")[:n]) for tag in all_tags for n in range(1, tag.count("::") + 2)})
    problems = _unknown("--kind", selection.kinds, KINDS)
    problems += _unknown("--importance", selection.importances, IMPORTANCES)
    problems += _unknown("--tag", selection.tags, tag_prefixes)
    problems += _unknown("--source", selection.sources, sorted(factbase.sources))
    problems += [option_problem("--id", f"no fact has the id {value!r}") for value in selection.ids
                 if value not in factbase.by_id]
    if problems:
        raise InvalidOption(problems)
    since, until = _date_bound(selection.since, "--since"), _date_bound(selection.until, "--until")
    if since and until and until.last_day() < since.first_day():
        raise InvalidOption(option_problem("--until", f"{selection.until} is before --since {selection.since}"))
    return since, until


def select_facts(factbase: FactBase, selection: Selection = Selection(), *, allow_empty: bool = False) -> list[Fact]:
    """The facts the selection names, in fact-base order."""
    since, until = validate_selection(selection, factbase)
    file = str(factbase.path)
    chosen = [fact for fact in factbase if _matches(fact, selection, since, until)]
    if not chosen and not allow_empty:
        raise QuizgenError(Problem(file, None, "filters", f"no fact matches the filters ({selection.describe()})"))
    return chosen


def _matches(fact: Fact, selection: Selection, since: PartialDate | None, until: PartialDate | None) -> bool:
    if selection.kinds and fact.kind not in selection.kinds:
        return False
    if selection.importances and fact.importance not in selection.importances:
        return False
    if selection.ids and fact.id not in selection.ids:
        return False
    if selection.tags and not any(tag_matches(tag, wanted) for tag in fact.tags for wanted in selection.tags):
        return False
    if selection.sources and not any(c.source in selection.sources for c in fact.citations):
        return False
    if since or until:
        when = fact.date
        if when is None:
            return False  # an undated fact cannot be placed in a date range
        first, last = when.span()
        if since and last < since.first_day():
            return False
        if until and first > until.last_day():
            return False
    return True
