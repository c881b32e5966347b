"""The study-sheet plan: what a two-page sheet shows, chosen and ordered, as plain text.

From the selected facts of the highest importance present (core, when there are core
facts): the timeline of events and agreements in true chronological order, the places
with the name each side uses, the key figures with conflicting sources side by side,
who is who, and the sources the markers ([1], [1, 3]) resolve to. A renderer draws the
plan and never reads the fact base.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizgen.authored import figure_text
from quizgen.choices import IMPORTANCES
from quizgen.claims import attribute
from quizgen.errors import Problem, QuizgenError
from quizgen.factbase import FactBase
from quizgen.handout.chronology import chronological
from quizgen.handout.sources import SourceEntry, SourceKeys
from quizgen.model import AgreementFact, EventFact, Fact, FigureFact, OrganizationFact, PersonFact, PlaceFact
from quizgen.phrases import contains_phrase, words_appear_in


@dataclass(frozen=True)
class TimelineEntry:
    when: str  # as the fact base writes it: "19 September 2023", "1991 – 1994", "4th century"
    name: str
    keys: tuple[int, ...]


@dataclass(frozen=True)
class PlaceEntry:
    name: str
    place_type: str
    other_names: tuple[str, ...]  # "Khankendi (Azerbaijan)"
    note: str
    keys: tuple[int, ...]


@dataclass(frozen=True)
class FigureValue:
    value: str  # "more than 100,000 people"
    as_of: str
    keys: tuple[int, ...]


@dataclass(frozen=True)
class FigureGroup:
    """One quantity; more than one value when sources disagree (facts linked by ``conflicts_with``)."""

    label: str
    values: tuple[FigureValue, ...]


@dataclass(frozen=True)
class WhoEntry:
    name: str
    description: str
    keys: tuple[int, ...]


@dataclass(frozen=True)
class SheetBudget:
    """The most entries each section shows: the sheet must fit two pages."""

    timeline: int = 40
    places: int = 10
    figures: int = 6
    who: int = 8

    @classmethod
    def share_of(cls, sheet: StudySheet, share: float) -> SheetBudget:
        """A budget that keeps ``share`` of each section of ``sheet``: every section gives up its part."""
        counts = (len(sheet.timeline), len(sheet.places), len(sheet.figures), len(sheet.who))
        return cls(*(max(1, int(n * share)) for n in counts))


@dataclass(frozen=True)
class StudySheet:
    title: str
    importance: str
    timeline: tuple[TimelineEntry, ...]
    places: tuple[PlaceEntry, ...]
    figures: tuple[FigureGroup, ...]
    who: tuple[WhoEntry, ...]
    sources: tuple[SourceEntry, ...]
    left_out: int = 0  # entries the budget left out: the full reference (--full) has them

    @property
    def entries(self) -> int:
        return len(self.timeline) + len(self.places) + len(self.figures) + len(self.who)


def most_important(facts: Sequence[Fact]) -> list[Fact]:
    """The selected facts of the highest importance present: a sheet is a summary."""
    for level in IMPORTANCES:
        chosen = [fact for fact in facts if fact.importance == level]
        if chosen:
            return chosen
    return []


def _spread(entries: Sequence[Fact], most: int) -> list[Fact]:
    """At most ``most`` entries, spread evenly over the list (a timeline keeps its whole span)."""
    if len(entries) <= most:
        return list(entries)
    step = (len(entries) - 1) / max(most - 1, 1)
    return [entries[round(i * step)] for i in range(most)]


def _attributed_name(fact: Fact) -> str:
    """The name, with whose claim it is when the name does not say so already."""
    if attribute(fact.name, fact) == fact.name or not fact.according_to \
            or words_appear_in(fact.according_to, fact.name):
        return fact.name
    return f"{fact.name} (according to {fact.according_to})"


_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")
# "… in one week", "… by early afternoon of …": a span that belongs to one figure, not to what the group counts
_TRAILING_SPAN = re.compile(r"\s+(?:in|by|within|over)\s+(?:one|a|an|\d+|early|late|mid)\b.*$")
_TRAILING_DATE = re.compile(r",?\s+(?:on |by |in )?(?:early |late |mid )?(?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4}$")


def _quantity_label(facts: Sequence[FigureFact]) -> str:
    """What a group of figures counts: a name that does not name who gives it, the most cited and then the
    shortest, without its source note and date."""
    def preference(fact: FigureFact) -> tuple[bool, int, int, str]:
        label = _TRAILING_SPAN.sub("", _TRAILING_DATE.sub("", _TRAILING_NOTE.sub("", fact.name)))
        speaker = (fact.according_to or "").split(",")[0].removeprefix("the ")
        # "X's count of …" names who counts as surely as the claimant's own name does
        names_claimant = (bool(speaker) and contains_phrase(fact.name, speaker)) or "'s count" in fact.name
        return names_claimant, len(label), -len(fact.citations), label

    return min(preference(fact) for fact in facts)[3]


def _figure_groups(figures: Sequence[FigureFact]) -> list[list[FigureFact]]:
    """Figures linked by ``conflicts_with`` and counting the same unit, each group in chronological order."""
    by_id = {fact.id: fact for fact in figures}
    seen: set[str] = set()
    groups = []
    for fact in figures:
        if fact.id in seen:
            continue
        group, todo = [], [fact]
        while todo:
            current = todo.pop()
            if current.id in seen:
                continue
            seen.add(current.id)
            group.append(current)
            todo += [by_id[i] for i in current.conflicts_with if i in by_id and by_id[i].unit == fact.unit]
        groups.append([f for f in chronological(group) if isinstance(f, FigureFact)])
    return groups


def other_names(fact: PlaceFact | OrganizationFact) -> tuple[str, ...]:
    """Each other name of a place or body, with who uses it: "Khankendi (Azerbaijan)"."""
    return tuple(f"{alias.name} ({alias.used_by})" if alias.used_by else alias.name for alias in fact.aliases)


def _who(fact: PersonFact | OrganizationFact) -> str:
    if isinstance(fact, PersonFact):
        if fact.affiliation and not words_appear_in(fact.affiliation, fact.role):
            return f"{fact.role} ({fact.affiliation})"
        return fact.role
    return attribute(fact.statement, fact)


def plan_study_sheet(factbase: FactBase, facts: Sequence[Fact], title: str,
                     budget: SheetBudget = SheetBudget()) -> StudySheet:
    """The sheet for the selected facts; raises QuizgenError when it would show nothing."""
    chosen = most_important(facts)
    keys = SourceKeys(factbase.sources)
    events = chronological([f for f in chosen if isinstance(f, (EventFact, AgreementFact))])
    places = sorted((f for f in chosen if isinstance(f, PlaceFact)), key=lambda f: f.name.casefold())
    figures = _figure_groups([f for f in chronological(chosen) if isinstance(f, FigureFact)])
    who = sorted((f for f in chosen if isinstance(f, (PersonFact, OrganizationFact))),
                 key=lambda f: (f.kind != "person", f.name.casefold()))
    shown_events = _spread(events, budget.timeline)
    # conflicting figures first: side by side is what a sheet can show that a list cannot
    shown_figures = sorted(figures, key=lambda g: -len(g))[:budget.figures]
    shown_figures.sort(key=lambda g: figures.index(g))
    left_out = (len(events) - len(shown_events) + max(0, len(places) - budget.places)
                + len(figures) - len(shown_figures) + max(0, len(who) - budget.who))
    sheet = StudySheet(
        title=title,
        importance=chosen[0].importance if chosen else "",
        timeline=tuple(TimelineEntry(f.date.human(), _attributed_name(f), keys.keys_for(f))  # type: ignore[union-attr]
                       for f in shown_events),
        places=tuple(PlaceEntry(f.name, f.place_type, other_names(f), attribute(f.statement, f), keys.keys_for(f))
                     for f in places[:budget.places]),
        figures=tuple(FigureGroup(_quantity_label(group),
                                  tuple(FigureValue(figure_text(f), f.as_of.human(), keys.keys_for(f)) for f in group))
                      for group in shown_figures),
        who=tuple(WhoEntry(f.name + (f" ({f.aliases[0].name})" if isinstance(f, OrganizationFact) and f.aliases
                                     else ""), _who(f), keys.keys_for(f)) for f in who[:budget.who]),
        sources=(),
        left_out=left_out,
    )
    if not sheet.entries:
        raise QuizgenError(Problem(str(factbase.path), None, "filters",
                                   "the selected facts give a study sheet nothing to show (no dated event or "
                                   "agreement, place, figure, person or organization); try --full"))
    return replace(sheet, sources=tuple(keys.entries()))
