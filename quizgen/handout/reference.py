"""The full-reference plan: every selected fact, grouped, chronological where dated, each cited.

Groups: the timeline (dated events and agreements), figures (by the date they hold for),
places, people, organizations, and agreements without a date. Two charts of how the
dated facts spread over time, on honest axes: equal bins of calendar time, empty bins
included, counts from zero.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.authored import figure_text
from quizgen.claims import attribute
from quizgen.factbase import FactBase
from quizgen.handout.chronology import chronological
from quizgen.handout.sheet import other_names
from quizgen.handout.sources import SourceEntry, SourceKeys
from quizgen.model import AgreementFact, EventFact, Fact, FigureFact, OrganizationFact, PersonFact, PlaceFact

# a span longer than this is charted by decade or century, with a chart by year of its last years beside it
YEARS_PER_CHART = 40


@dataclass(frozen=True)
class ReferenceEntry:
    when: str  # "" when undated
    name: str
    statement: str
    details: str  # other names, parties and mediators, role, the figure's value
    keys: tuple[int, ...]


@dataclass(frozen=True)
class ReferenceGroup:
    title: str
    entries: tuple[ReferenceEntry, ...]
    chronological: bool


@dataclass(frozen=True)
class Bin:
    label: str
    count: int


@dataclass(frozen=True)
class Chart:
    title: str
    bins: tuple[Bin, ...]  # equal spans of time, in order, empty ones included
    note: str = ""


@dataclass(frozen=True)
class FullReference:
    title: str
    charts: tuple[Chart, ...]
    groups: tuple[ReferenceGroup, ...]
    sources: tuple[SourceEntry, ...]

    @property
    def entries(self) -> int:
        return sum(len(group.entries) for group in self.groups)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _chart(years: Sequence[int], first: int, last: int, width: int, title: str, note: str = "") -> Chart:
    """Bins of ``width`` years from ``first`` to ``last``: a bar for every span, empty or not."""
    start = first - (first - 1) % width if width == 100 else first - first % width
    counts = Counter((year - start) // width for year in years if first <= year <= last)
    bins = []
    for index in range((last - start) // width + 1):
        low = start + index * width
        label = str(low) if width == 1 else f"{low}s" if width == 10 else f"{_ordinal((low + 99) // 100)} c."
        bins.append(Bin(label, counts.get(index, 0)))
    return Chart(title, tuple(bins), note)


def plan_charts(years: Sequence[int]) -> tuple[Chart, ...]:
    if not years:
        return ()
    first, last = min(years), max(years)
    if last - first < YEARS_PER_CHART:
        return (_chart(years, first, last, 1, "Events and agreements per year"),)
    width = 10 if last - first < 400 else 100
    overall = _chart(years, first, last, width, f"Events and agreements per {'decade' if width == 10 else 'century'}")
    recent = last - YEARS_PER_CHART + 1
    earlier = sum(1 for year in years if year < recent)
    return overall, _chart(years, recent, last, 1, f"Events and agreements per year, {recent}–{last}",
                           f"{earlier} earlier one{'' if earlier == 1 else 's'} not in this chart")


def _details(fact: Fact) -> str:
    if isinstance(fact, (PlaceFact, OrganizationFact)):
        names = other_names(fact)
        kind = fact.place_type if isinstance(fact, PlaceFact) else ""
        return "; ".join(part for part in (kind, "also " + ", ".join(names) if names else "") if part)
    if isinstance(fact, AgreementFact):
        parts = [fact.agreement_type.replace("-", " ")]
        if fact.parties:
            parts.append("parties: " + ", ".join(fact.parties))
        if fact.mediators:
            parts.append("mediated by " + ", ".join(fact.mediators))
        return "; ".join(parts)
    if isinstance(fact, PersonFact):
        return ", ".join(part for part in (fact.role, fact.affiliation) if part)
    if isinstance(fact, FigureFact):
        return figure_text(fact)
    return ""


def _entry(fact: Fact, keys: SourceKeys) -> ReferenceEntry:
    when = fact.date
    return ReferenceEntry(when.human() if when else "", fact.name, attribute(fact.statement, fact), _details(fact),
                          keys.keys_for(fact))


def plan_full_reference(factbase: FactBase, facts: Sequence[Fact], title: str) -> FullReference:
    keys = SourceKeys(factbase.sources)
    by_name = sorted(facts, key=lambda f: f.name.casefold())
    layout: list[tuple[str, list[Fact], bool]] = [
        ("Timeline", chronological([f for f in facts if isinstance(f, (EventFact, AgreementFact))]), True),
        ("Figures", chronological([f for f in facts if isinstance(f, FigureFact)]), True),
        ("Places", [f for f in by_name if isinstance(f, PlaceFact)], False),
        ("People", [f for f in by_name if isinstance(f, PersonFact)], False),
        ("Organizations", [f for f in by_name if isinstance(f, OrganizationFact)], False),
        ("Agreements without a date", [f for f in by_name if isinstance(f, AgreementFact) and f.date is None], False),
    ]
    groups = tuple(ReferenceGroup(name, tuple(_entry(f, keys) for f in members), ordered)
                   for name, members, ordered in layout if members)
    years = [f.date.start.year for f in facts if f.date is not None and isinstance(f, (EventFact, AgreementFact))]
    return FullReference(title, plan_charts(years), groups, tuple(keys.entries()))
