"""Wrong answers that teach nothing false by accident.

Distractors come from the fact base first (a real date of another event, a real town,
a real figure of the same unit), of the answer's kind and granularity. What could also
be true is never offered as wrong: the answer's aliases, the values of facts recorded
as conflicting versions of it, a person with the same role, a place that contains the
answer. Only when the fact base has too few are values made up, and then only ones
that differ from every version.

Everything is indexed once, so a question looks only at the nearest dates and numbers
(by bisection) and at a bounded window of names: fifty thousand facts cost no more per
question than fifty.
"""

from __future__ import annotations

import bisect
import calendar
import hashlib
import math
import operator
import random
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from quizgen.dates import PartialDate, Precision, parse_partial_date
from quizgen.items.claimants import ClaimantKind
from quizgen.items.likeness import alike, likeness, stems
from quizgen.items.questions import UNASKABLE_QUALIFIERS, Question, Value, is_office, joined
from quizgen.items.role_sorts import role_sort
from quizgen.items.stems import is_proper_name
from quizgen.model import AgreementFact, EventFact, Fact, FigureFact, OrganizationFact, PersonFact, PlaceFact
from quizgen.numbers_in_text import format_number, significant_digits
from quizgen.phrases import normalise, stem, words

OPTIONS = 4
NEAREST = 24  # dates or numbers either side of the answer worth considering
NAME_WINDOW = 60  # names considered per question in a large pool
_MANY_OWNERS = 32  # a name owned by more facts than this is frozen, and compared with another, once a pool
# how far a real date may stand from the answer and still be a plausible option: a 2020 deal is not confused
# with a day of 2023, nor 1991 with 2022
_HORIZON_DAYS = {int(Precision.YEAR): 12 * 366, int(Precision.MONTH): 3 * 366, int(Precision.DAY): 366}


@dataclass(frozen=True, slots=True)
class Candidate:
    value: Value
    text: str


class DistractorPools:
    """Every value in the fact base, grouped and indexed by the pools questions draw from."""

    def __init__(self, facts: list[Fact], claimant_kinds: Mapping[str, ClaimantKind] | None = None) -> None:
        self.by_id = {fact.id: fact for fact in facts}
        self.claimant_kinds = claimant_kinds or {}
        self.dates: dict[int, dict[PartialDate, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.numbers: dict[str, dict[float, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.names: dict[str, dict[str, str]] = defaultdict(dict)  # pool -> normalised name -> display name
        self.owner: dict[tuple[str, str], set[str]] = defaultdict(set)  # (pool, normalised) -> fact ids
        self.place_types: dict[str, str] = {}
        self.conflicted_by: dict[str, set[str]] = defaultdict(set)  # who lists this fact as a conflict
        self.people_by_role: dict[str, list[PersonFact]] = defaultdict(list)
        self.people = {normalise(fact.name) for fact in facts if isinstance(fact, PersonFact)}
        self.children: dict[str, list[str]] = defaultdict(list)
        self.tagged: dict[str, set[str]] = defaultdict(set)
        dated_events: list[tuple[int, str, Fact]] = []  # (first day, id, event): as _add reads each fact's date
        for fact in facts:
            self._add(fact, dated_events)
        # the dates' own order (year, month, day), compared in C rather than by the dataclass's __lt__
        self._sorted_dates = {p: sorted(d, key=_DATE_ORDER) for p, d in self.dates.items()}
        self._date_days = {p: [d.first_day().toordinal() for d in ds] for p, ds in self._sorted_dates.items()}
        self._date_last_days = {p: [d.last_day().toordinal() for d in ds] for p, ds in self._sorted_dates.items()}
        self._date_holders = {p: [self.dates[p][d] for d in ds] for p, ds in self._sorted_dates.items()}
        # each real date's option made once: a date is a near miss for many questions, each worded the same
        self._date_options = {p: [Candidate(d, d.human()) for d in ds] for p, ds in self._sorted_dates.items()}
        self._sorted_numbers = {unit: sorted(values) for unit, values in self.numbers.items()}
        self._owner_sets: dict[tuple[str, str], frozenset[str]] = {}
        self._shared_owner: dict[tuple[str, str, str], bool] = {}
        self._sorted_names = {pool: sorted(names) for pool, names in self.names.items()}
        self._names_by_type: dict[tuple[str, str], list[str]] = defaultdict(list)
        for key in self._sorted_names.get("place-name", []):
            self._names_by_type[self._place_kind(key)].append(key)
        # the events by their first day, then id: each one's date read once, in _add (the day is the date's ordinal)
        dated_events.sort(key=operator.itemgetter(0, 1))
        self._events = [event for _, _, event in dated_events]
        self._event_days = [day for day, _, _ in dated_events]

    def _name(self, pool: str, name: str, fact_id: str) -> str:
        """Index a name of a fact in a pool; its normalised key."""
        key = normalise(name)
        self.names[pool].setdefault(key, name)
        self.owner[(pool, key)].add(fact_id)
        return key

    def _add(self, fact: Fact, dated_events: list[tuple[int, str, Fact]]) -> None:
        when = fact.date  # read once (a property that parses its date): every fact of the base passes here
        if when is not None:
            start = when.start
            # a single date (``standalone_date``). "by 24 January 2024" (the day a text was updated) bounds a fact,
            # it is no day anything happened on: never a date to offer beside one that is
            if when.end is None and when.qualifier not in UNASKABLE_QUALIFIERS:
                self.dates[int(start.precision)][start].add(fact.id)
            if isinstance(fact, (EventFact, AgreementFact)):
                dated_events.append((start.first_day().toordinal(), fact.id, fact))
        for other in fact.conflicts_with:
            self.conflicted_by[other].add(fact.id)
        if fact.according_to and fact.status != "established":
            self._name("claimant", fact.according_to, fact.id)
        for tag in fact.tags:
            self.tagged[tag].add(fact.id)
        if isinstance(fact, (EventFact, AgreementFact)):
            self._name("event-name", fact.name, fact.id)
        if isinstance(fact, AgreementFact):
            for name in fact.mediators:
                self._name("mediator", name, fact.id)
            if len(fact.parties) > 1:
                self._name(f"parties:{len(fact.parties)}", joined(fact.parties), fact.id)
        elif isinstance(fact, PlaceFact):
            for name in [fact.name, *(alias.name for alias in fact.aliases)]:
                self.place_types[self._name("place-name", name, fact.id)] = fact.place_type
            if fact.located_in:
                self.children[fact.located_in].append(fact.id)
        elif isinstance(fact, PersonFact):
            self._name("person", fact.name, fact.id)
            if is_office(fact.role):  # "one who says the mood …" is no option beside offices
                self._name("role", fact.role, fact.id)
            self.people_by_role[normalise(fact.role)].append(fact)
        elif isinstance(fact, OrganizationFact):
            self._name("organization", fact.name, fact.id)
            if len(fact.name.split()) > 1 and not fact.name.isupper():
                self._name("expansion", fact.name, fact.id)
        elif isinstance(fact, FigureFact) and fact.value is not None:
            self.numbers[fact.unit][float(fact.value)].add(fact.id)

    # --- what must never be offered as wrong ----------------------------------------

    def _true_versions(self, question: Question) -> set[str]:
        """The fact and every fact recorded as another version of it (either way round)."""
        fact = question.fact
        return {fact.id, *fact.conflicts_with, *self.conflicted_by.get(fact.id, ())}

    def _also_true_names(self, question: Question) -> set[str]:
        fact = question.fact
        names = {normalise(question.answer)}
        if isinstance(fact, PlaceFact):
            names |= {normalise(fact.name)} | {normalise(alias.name) for alias in fact.aliases}
        if isinstance(fact, PersonFact):
            # another person with the same role would be a second true answer
            same_role = self.people_by_role.get(normalise(fact.role), [])
            names |= {normalise(p.name) for p in same_role}
            if question.pool == "role":
                names |= {normalise(p.role) for p in same_role}
        if isinstance(fact, AgreementFact):
            names |= {normalise(m) for m in fact.mediators}
        if question.pool == "claimant":
            # whoever makes the same claim in another version of it is a second true answer
            names |= {normalise(self.by_id[i].according_to or "") for i in self._true_versions(question)
                      if i in self.by_id and self.by_id[i].statement == fact.statement}
        return names

    # --- candidates -------------------------------------------------------------------

    def candidates(self, question: Question) -> list[Candidate]:
        """Wrong answers of the answer's kind, the most plausible first."""
        kind, _, detail = question.pool.partition(":")
        if kind == "date":
            return self._date_candidates(question, int(detail))
        if kind == "number":
            return self._number_candidates(question, detail)
        if kind == "given":
            return [Candidate(choice, choice) for choice in question.choices]
        if question.pool == "event-name":
            return self._event_candidates(question)
        if question.pool == "parties":
            return self._parties_candidates(question)
        if question.pool == "expansion":
            return self._expansion_candidates(question)
        if question.pool in ("mediator", "place-name", "person", "role", "organization", "claimant"):
            return self._name_candidates(question)
        return []  # "early October 2023", "hundreds of thousands", a list of mediators: no options to set

    def siblings(self, fact: Fact) -> set[str]:
        """Facts that share a tag with this one: their values make the most plausible wrong answers."""
        found: set[str] = set()
        for tag in fact.tags:
            members = self.tagged.get(tag, set())
            if len(members) <= 200:  # a tag on half the fact base says nothing about kinship
                found |= members
        found.discard(fact.id)
        return found

    def _date_candidates(self, question: Question, precision: int) -> list[Candidate]:
        answer = question.value
        assert isinstance(answer, PartialDate)
        excluded = self._true_versions(question)
        taken = {answer}
        for fact_id in excluded:
            when = self.by_id[fact_id].date if fact_id in self.by_id else None
            if when is not None:
                taken.add(when.start)
        # a real date is a good distractor only if it is near enough to be plausible
        days, dates = self._date_days.get(precision, []), self._sorted_dates.get(precision, [])
        centre = answer.first_day().toordinal()
        horizon = _HORIZON_DAYS[precision]
        low = bisect.bisect_left(days, centre - horizon)
        high = bisect.bisect_right(days, centre + horizon)
        at = bisect.bisect_left(days, centre)
        first, last = max(low, at - NEAREST), min(high, at + NEAREST)
        # _overlaps(date, answer), by the days the index holds: no date object made or compared per candidate
        answer_first, answer_last = centre, answer.last_day().toordinal()
        # and a taken date by its first day, as the index holds it: dates of one precision are equal when their
        # first days are, and ordered as them
        taken_days = {date.first_day().toordinal() for date in taken if date.precision == precision}
        holders, last_days = self._date_holders[precision], self._date_last_days[precision]
        kept = [i for i in range(first, last) if days[i] not in taken_days and not holders[i] & excluded
                and not (days[i] <= answer_last and answer_first <= last_days[i])]
        found = [dates[i] for i in kept]
        # dates are shown in order, so the answer's letter depends on how many options fall before it: each side
        # needs enough dates for the answer to stand at any letter (the latest event in a base has no later one)
        before = sum(1 for i in kept if days[i] < centre)
        after = len(found) - before
        if before < OPTIONS - 1 or after < OPTIONS - 1:
            # made-up dates stay within the span the fact base covers: no year after its texts were written
            latest = max((days[-1] for days in self._date_days.values() if days), default=centre)
            made = [d for d in _nearby_dates(answer) if d not in taken and d not in found
                    and d.first_day().toordinal() <= latest]
            made = [d for d in made if (d < answer and before < OPTIONS - 1) or (d > answer and after < OPTIONS - 1)]
        else:
            made = []
        options = self._date_options[precision]
        return [options[i] for i in kept] + [Candidate(d, d.human()) for d in made]

    def _number_candidates(self, question: Question, unit: str) -> list[Candidate]:
        """Figures of the same unit and magnitude that other facts give, then round values near the answer."""
        answer = question.value
        assert isinstance(answer, float)
        excluded = self._true_versions(question)
        truths = self._figure_truths(excluded, answer)

        def plausible(value: float) -> bool:
            return (all(abs(value - truth) > 0.05 * max(abs(truth), 1) for truth in truths)
                    and _same_magnitude(value, answer) and _fits_unit(value, unit, answer))

        values = self._sorted_numbers.get(unit, [])
        at = bisect.bisect_left(values, answer)
        window = values[max(0, at - NEAREST):at + NEAREST]  # the nearest figures of the same unit
        siblings = self.siblings(question.fact)
        # "about 70,500" among round populations stands out by its precision: a real figure is no more precise
        # than the answer (at least two significant digits allowed)
        precision = max(2, significant_digits(answer))
        real = [v for v in window if plausible(v) and not self.numbers[unit][v] & excluded
                and significant_digits(v) <= precision]
        real.sort(key=lambda v: (not self.numbers[unit][v] & siblings, abs(math.log(v / answer)) if v > 0 else 9))
        found = list(real)
        if len(found) < OPTIONS - 1:
            found += [v for v in _nearby_numbers(answer, unit) if plausible(v) and v not in found]
        # options apart from one another as from the answer: "about 70,000" beside "about 70,500" is one option
        spaced: list[float] = []
        for value in found:
            if all(abs(value - other) > 0.05 * max(abs(other), 1) for other in spaced):
                spaced.append(value)
        return [Candidate(v, format_number(v)) for v in spaced]

    def _figure_truths(self, excluded: set[str], answer: float) -> set[float]:
        truths = {answer}
        for fact_id in excluded:
            fact = self.by_id.get(fact_id)
            if isinstance(fact, FigureFact):
                truths |= {float(v) for v in (fact.value, fact.low, fact.high) if v is not None}
        return truths

    def _event_candidates(self, question: Question) -> list[Candidate]:
        """Other events near in time, none on an overlapping date (which could also be the answer)."""
        when = question.fact.date
        assert when is not None
        excluded = self._true_versions(question)
        at = bisect.bisect_left(self._event_days, when.start.first_day().toordinal())
        nearby = self._events[max(0, at - NEAREST):at + NEAREST]
        found: dict[str, Candidate] = {}
        for fact in nearby:
            other = fact.date
            key = normalise(fact.name)
            if fact.id in excluded or other is None or _overlaps(other.start, when.start) or key in found:
                continue
            owners = self.owner[("event-name", key)]
            if owners & excluded or any(self.by_id[o].date is not None and _overlaps(
                    self.by_id[o].date.start, when.start) for o in owners):  # type: ignore[union-attr]
                continue
            found[key] = Candidate(fact.name, fact.name)
        # a proper name among proper names of its form: "Bishkek Protocol" is never set beside a label such as
        # "Amaras Monastery, a 4th-century site"
        answer = question.answer
        return [c for c in found.values() if alike(answer, c.text) and is_proper_name(c.text) == is_proper_name(answer)]

    def _name_candidates(self, question: Question) -> list[Candidate]:
        pool = question.pool
        # the answer's owner may have other names (aliases): none of them is wrong (``_share_an_owner``)
        answer_key = normalise(question.answer)
        excluded_ids = {question.fact.id}
        also_true = self._also_true_names(question)
        if pool == "place-name":
            # a town among towns, a region among regions: a place of another level may
            # contain the answer ("in Azerbaijan" for a town in Nagorno-Karabakh) and be true
            keys = _window(self._names_by_type.get(self._place_kind(answer_key), []), question)
            excluded_ids |= self._containment(question)
        else:
            keys = _window(self._sorted_names.get(pool, []), question)
        if pool == "role":
            # offices beside offices: "former Chief Prosecutor" is no post anyone held in September 2023, and
            # "Armenian king" beside "Kremlin spokesman" is ruled out by the options alone
            wanted = role_sort(question.answer)
            keys = [key for key in keys if role_sort(self.names[pool][key]) == wanted]
        kept: dict[object, str] = {}  # one name per owner: "Stepanakert" and "Khankendi" are one city
        sort = self.claimant_kinds.get(normalise(question.answer)) if pool == "claimant" else None
        for key in keys:
            owners: object
            if pool == "claimant":
                # texts beside a text, people beside a person, each once ("Al Jazeera" is its live blog)
                kind = self.claimant_kinds.get(key)
                # groups are not offered: "the government of Armenia" beside its ambassador, or two texts'
                # names for one body ("the separatist authorities", "the ethnic Armenian authorities"), are
                # two defensible answers
                if sort is None or sort[0] not in ("person", "text") or kind is None or kind[0] != sort[0] \
                        or kind == sort:
                    continue
                owners = kind
            else:
                owners = self._owner_set(pool, key)
            if key not in also_true and not self.owner[(pool, key)] & excluded_ids \
                    and not self._share_an_owner(pool, answer_key, key):
                owner = self.by_id.get(min(self.owner[(pool, key)])) if pool == "place-name" else None
                # a place by its main name ("Stepanakert"), not by whichever of its names sorts first
                name = kept.setdefault(owners, owner.name if isinstance(owner, PlaceFact) else self.names[pool][key])
                if sort is not None and sort[0] == "text" and len(self.names[pool][key]) > len(name):
                    kept[owners] = self.names[pool][key]  # "Al Jazeera's live blog" says which text, "Al Jazeera" less
        if sort is not None and sort[0] == "text":
            # the texts are few and all of one sort: each other text is an option, whatever its name's shape
            return [Candidate(name, name) for name in sorted(kept.values()) if not _mentions(question.prompt, name)]
        return self._alike_names(question, list(kept.values()))

    def _owner_set(self, pool: str, key: str) -> frozenset[str]:
        """The facts that own a name, frozen; a name many facts own is frozen once, as it is an option to many
        questions (a few facts' names are frozen each time: kept, a frozenset each would cost more than it saves)."""
        owners = self.owner[(pool, key)]
        if len(owners) < _MANY_OWNERS:
            return frozenset(owners)
        found = self._owner_sets.get((pool, key))
        if found is None:
            found = self._owner_sets[(pool, key)] = frozenset(owners)
        return found

    def _share_an_owner(self, pool: str, key: str, other: str) -> bool:
        """One fact owns both names: a place's two names, a body's two names for itself.

        Names that many facts own (a side that makes thousands of claims, a mediator of hundreds of
        talks) are compared once a pair and remembered: every question compares its answer with each option.
        """
        mine, theirs = self.owner[(pool, key)], self.owner[(pool, other)]
        if min(len(mine), len(theirs)) < _MANY_OWNERS:
            return not mine.isdisjoint(theirs)
        pair = (pool, key, other)
        shared = self._shared_owner.get(pair)
        if shared is None:
            shared = self._shared_owner[pair] = not mine.isdisjoint(theirs)
        return shared

    def _place_kind(self, key: str) -> tuple[str, str]:
        """A place's level and the country or region it lies in: options for "which Armenian town" are
        Armenian towns, never a town of another country."""
        # "which Armenian border town" among towns: a city or a village beside them is ruled out by the stem
        kind = self.place_types.get(key, "")
        owner = min(self.owner[("place-name", key)], default="")
        seen = {owner}
        place = self.by_id.get(owner)
        while isinstance(place, PlaceFact) and place.place_type not in ("country", "region") \
                and place.located_in and place.located_in not in seen:
            seen.add(place.located_in)
            place = self.by_id.get(place.located_in)
        return kind, place.id if isinstance(place, PlaceFact) and place.id != owner else ""

    def _alike_names(self, question: Question, names: list[str]) -> list[Candidate]:
        """Names of the answer's form, the likest first (ties broken by the name, for determinism)."""
        answer = question.answer
        prompt = normalise(question.prompt)
        kept = [name for name in names if alike(answer, name) and not _mentions(prompt, name)
                and not _overlapping(answer, name)]
        kept.sort(key=lambda name: (-likeness(answer, name), name))
        return [Candidate(name, name) for name in kept]

    def _parties_candidates(self, question: Question) -> list[Candidate]:
        fact = question.fact
        assert isinstance(fact, AgreementFact)
        pool = f"parties:{len(fact.parties)}"
        mine = {normalise(p) for p in fact.parties}

        def members(names: str) -> set[str]:
            return {normalise(n) for n in names.replace(" and ", ", ").split(", ")}

        # leaders beside leaders, countries beside countries: "Armenia and Azerbaijan" among pairs of leaders
        # stands out, and is true as well (their leaders met)
        people = all(p in self.people for p in mine)
        names = [self.names[pool][key] for key in _window(self._sorted_names.get(pool, []), question)
                 if members(self.names[pool][key]) != mine
                 and all(m in self.people for m in members(self.names[pool][key])) == people]
        return self._alike_names(question, names)

    def _expansion_candidates(self, question: Question) -> list[Candidate]:
        """Other bodies' full names; never one whose initials spell the acronym asked about."""
        acronym = question.cue
        keys = _window(self._sorted_names.get("expansion", []), question)
        names = [self.names["expansion"][key] for key in keys
                 if not self.owner[("expansion", key)] & {question.fact.id} and _initials(key) != acronym.lower()]
        return self._alike_names(question, names)

    def _containment(self, question: Question) -> set[str]:
        """Ids of every place above or below the question's place and its answer."""
        start = {question.fact.id} | self.owner[("place-name", normalise(question.answer))]
        above: set[str] = set()
        for place_id in start:
            current: str | None = place_id
            while current and current not in above:
                above.add(current)
                fact = self.by_id.get(current)
                current = fact.located_in if isinstance(fact, PlaceFact) else None
        below: set[str] = set()
        stack = list(start)
        while stack:
            place_id = stack.pop()
            if place_id not in below:
                below.add(place_id)
                stack.extend(self.children.get(place_id, ()))
        return above | below


_DATE_ORDER = operator.attrgetter("year", "month", "day")  # as PartialDate orders itself


def standalone_date(fact: Fact) -> tuple[int, PartialDate] | None:
    """The single date a fact stands at, with its precision; None for ranges and undated facts."""
    when = fact.date
    if when is None or when.end is not None:
        return None
    start = when.start  # read once: every fact of the base passes here when the pools are built
    return int(start.precision), start


def _window(keys: list[str], question: Question) -> list[str]:
    """All of a small pool; of a large one, a stretch chosen by the question's own id."""
    if len(keys) <= NAME_WINDOW:
        return keys
    digest = hashlib.sha256(f"{question.fact.id}:{question.role}".encode()).digest()
    start = int.from_bytes(digest[:4], "big") % len(keys)
    return [keys[(start + i) % len(keys)] for i in range(NAME_WINDOW)]


def _overlaps(a: PartialDate, b: PartialDate) -> bool:
    return a.first_day() <= b.last_day() and b.first_day() <= a.last_day()


def _nearby_dates(date: PartialDate) -> list[PartialDate]:
    """Made-up dates of the same precision near the answer, for a thin fact base.

    A day moves by whole months and keeps its day: "1 January 2024" among 4, 7 and 10 January stands out as the
    one round date, among 1 December 2023 and 1 February 2024 it does not.
    """
    out: list[PartialDate] = []
    for step in (1, -1, 2, -2, 3, -3, 5, -5):
        if date.precision is Precision.YEAR:
            text = f"{date.year + step:04d}"
        else:
            month = date.year * 12 + (date.month or 1) - 1 + step
            year, month_of_year = month // 12, month % 12 + 1
            text = f"{year:04d}-{month_of_year:02d}"
            if date.precision is Precision.DAY:
                last = calendar.monthrange(year, month_of_year)[1]
                text += f"-{min(date.day or 1, last):02d}"
        out.append(parse_partial_date(text))
    return out


def _same_magnitude(value: float, answer: float) -> bool:
    """Within a factor of three of the answer: 7,000 beside 3,000 or 20,000, never beside 7 or 7 million."""
    if answer <= 0 or value <= 0:
        return False
    return 1 / 3 <= value / answer <= 3


def _fits_unit(value: float, unit: str, answer: float) -> bool:
    """A share stays within 0–100; a count stays whole and, with a plural unit, above one."""
    if unit.split()[0] in ("percent", "%") and not 0 < value < 100:
        return False  # "100 percent" (all of them) is a claim of its own, never a near miss
    if float(answer).is_integer() and not float(value).is_integer():
        return False
    return not (value == 1 and _plural(unit.split()[0]))


# plurals that do not end in "s": "1 children died" is never an option
_IRREGULAR_PLURALS = frozenset({"children", "people", "men", "women", "feet", "teeth", "mice", "geese", "personnel"})


def _plural(word: str) -> bool:
    return word.endswith("s") or word.lower() in _IRREGULAR_PLURALS


def _step(value: float) -> float:
    """The precision a text gave a figure to: 70,500 → 500; 30,000 → 10,000; 95 → 5; 44 → 1."""
    if value <= 0 or not float(value).is_integer():
        return 0.1
    step = 1.0
    while value % (step * 10) == 0:
        step *= 10
    if value / step < 10 and step >= 10:
        step /= 10  # 30,000 is "30 thousand": vary the tens of thousands by thousands, not by whole 10,000s
    return 5.0 if step == 1 and value % 5 == 0 and value >= 20 else step


def _nearby_numbers(value: float, unit: str) -> list[float]:
    """Round values on a grid around the answer, for a fact base with few figures of its unit.

    Never the answer scaled ("35,200" as half of 70,500): a learner spots a computed value. The grid is
    one step of the answer's leading digit: 70,500 gives 60,000, 80,000, 50,000, 90,000 …
    """
    if value <= 0:
        return []
    step = 10.0 ** math.floor(math.log10(value))
    if value / step < 2:
        step /= 2  # 1,500 moves by 500, not by 1,000
    base = round(value / step) * step
    out: list[float] = []
    for k in (-1, 1, -2, 2, -3, 3, -4, 4):
        candidate = base + k * step
        if candidate > 0 and candidate != value and candidate not in out:
            out.append(float(candidate) if step >= 1 else round(candidate, 1))
    return out


def _initials(name: str) -> str:
    return "".join(word[0] for word in words(name) if word not in ("of", "and", "for", "the", "in", "on"))


def _overlapping(answer: str, option: str) -> bool:
    """One names a part of the other ("Azerbaijan" and "Azerbaijan's president"): both may be true."""
    mine, theirs = stems(answer), stems(option)
    return bool(mine) and bool(theirs) and (mine <= theirs or theirs <= mine)


def _mentions(prompt: str, option: str) -> bool:
    """An option the stem (``prompt``, normalised) itself names would be a clue, or an absurdity."""
    return len(option) > 3 and normalise(option) in prompt


# the sort a stem names: the words after "which" or "what name is given to the"
_WHICH = re.compile(r"\b(?:which|what (?:name is given to|is the name of|was the name of) the)((?:\s+[\w.'’-]+){1,2})",
                    re.IGNORECASE)


def of_the_stems_sort(prompt: str, answer: str, candidates: list[Candidate]) -> list[Candidate]:
    """Only options of the sort the stem names, where the answer shows its sort.

    "Which CFR expert …?" with "David J. Scheffer, CFR expert" among bare names, or "Which government …?"
    with one government among activists, is answered by the words alone.
    """
    found = _WHICH.search(prompt)
    if found is None:
        return candidates
    named = stems(found.group(1))
    shown = named & {stem(w) for w in words(answer)}
    if not shown:
        return candidates
    return [c for c in candidates if shown <= {stem(w) for w in words(c.text)}]


def choose(candidates: list[Candidate], answer_value: Value, rng: random.Random, target: int,
           chronological: bool, wanted: int = OPTIONS - 1) -> tuple[list[str], int] | None:
    """Pick ``wanted`` distractors and lay out the options with the answer at ``target`` where possible.

    Candidates come most plausible first: the pick is among the best few, so a
    distractor is never chosen by its alphabetical place. Dates are shown in
    chronological order, so their answer's position is steered by choosing how many
    distractors fall before it.
    """
    if len(candidates) < wanted:
        return None
    if not chronological:
        best = candidates[: max(wanted + 2, len(candidates) // 3)] if len(candidates) > wanted + 2 else candidates
        texts = [c.text for c in rng.sample(best, wanted)]
        target = min(target, wanted)
        texts.insert(target, "")
        return texts, target
    answer_day = _days(answer_value)
    days = {id(c): _days(c.value) for c in candidates}
    by_distance = sorted(candidates, key=lambda c: (abs(days[id(c)] - answer_day), c.text))
    before = [c for c in by_distance if days[id(c)] < answer_day]
    after = [c for c in by_distance if days[id(c)] > answer_day]
    n_before = min(target, len(before))
    n_after = OPTIONS - 1 - n_before
    if n_after > len(after):
        n_after = len(after)
        n_before = min(len(before), OPTIONS - 1 - n_after)
    if n_before + n_after < OPTIONS - 1:
        return None
    picked = before[:n_before] + after[:n_after]
    ordered = sorted(picked, key=lambda c: days[id(c)])
    texts = [c.text for c in ordered]
    texts.insert(n_before, "")
    return texts, n_before


def _days(value: Value) -> float:
    """Where an option stands in its order: a date by its first day, a figure by its size."""
    if isinstance(value, float):
        return value
    assert isinstance(value, PartialDate)
    return value.first_day().toordinal()
