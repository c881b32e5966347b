"""Planning a printed quiz: which items, in which sections, in which versions.

A quiz never asks two items about one fact (a multiple choice would give away the
true-or-false next to it), mixes item types and periods, and asks a multiple-choice or
short-answer question only when its answer stands, on word boundaries, in a passage the
answer key can quote. Versions hold the same questions in another order, with
multiple-choice options reshuffled (dates stay chronological) and correct letters spread
evenly within each version; a date question draws another distractor set in a later
version when that moves its correct letter. Everything follows from the seed.
"""

from __future__ import annotations

import calendar
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from graphlib import CycleError, TopologicalSorter
from itertools import pairwise

from quizgen.dates import DAY_MONTH_YEAR, MONTH_NAMES
from quizgen.dates_in_text import dates_in
from quizgen.errors import InvalidOption, QuizgenError, option_problem
from quizgen.items import LETTERS, Item, answer_text
from quizgen.items.claimants import names_the_text, vocabulary
from quizgen.items.item import true_on_its_face
from quizgen.items.seeding import seeded_rng
from quizgen.key_evidence import TEXT_ANSWER_TYPES, KeyPassage, answer_passages, key_passages
from quizgen.numbers_in_text import numbers_in, spelled_number
from quizgen.phrases import surname
from quizgen.quiz_cues import (
    CueProfile,
    about_setting,
    answer_is_a_bound,
    general_knowledge,
    profile,
    profiled_cue,
    same_falsehood,
    setting_limit,
)

SECTION_ORDER = ("mcq", "true-false", "matching", "ordering", "short-answer", "qa", "cloze")
SECTIONS = {
    "mcq": ("Multiple choice", "Circle the letter of the one correct answer.", 1),
    "true-false": ("True or false", "Tick True or False for each statement.", 1),
    "matching": ("Matching", "Write the letter of the matching answer on each line. "
                 "There are more answers than lines.", 1),
    "ordering": ("Chronological order", "Number the boxes 1 to the last, earliest first.", 2),
    "short-answer": ("Short answer", "Write your answer on the line.", 2),
    "qa": ("Questions", "Write your answer on the line.", 2),
    "cloze": ("Fill in the blank", "Write the missing words on the line.", 1),
}
_LIST_PARTS = re.compile(r"\s*(?:–|—|,| and | to )\s*")

GRID_ALTERNATIVE_CHARS = 24  # longer accepted forms are left to the passages pages

# a classroom quiz when no count is asked for: about twenty questions, never more than thirty
DEFAULT_QUESTION_COUNT = 20

# another draw of the given items (same ids, other distractors) for the version with this index
Redraw = Callable[[Sequence[Item], int], Sequence[Item]]


@dataclass(frozen=True)
class QuizQuestion:
    number: int
    item: Item
    options: tuple[str, ...] = ()  # mcq options; ordering entries; matching right-hand answers
    correct: int | None = None  # mcq: index of the correct option
    prompts: tuple[str, ...] = ()  # matching: left-hand prompts in this version's order

    @property
    def points(self) -> int:
        each = SECTIONS[self.item.type][2]
        return each * len(self.item.pairs) if self.item.type == "matching" else each

    def key_answer(self) -> str:
        """The answer spelt out, as the key's passages page heads each question."""
        item = self.item
        if item.type == "mcq":
            return answer_text(item, self.options, self.correct)
        if item.type == "matching":
            letters = {answer: LETTERS[i] for i, answer in enumerate(self.options)}
            answers = dict(item.pairs)
            return "; ".join(f"{prompt} → {letters[answers[prompt]]} ({answers[prompt]})" for prompt in self.prompts)
        if item.type == "ordering":
            position = {name: i + 1 for i, (name, _) in enumerate(item.pairs)}
            return "Boxes as printed, top to bottom: " + "; ".join(f"{position[name]} {name}" for name in self.options)
        if item.type == "true-false":
            return answer_text(item)
        accepted = self.accepted_alternatives()
        return f"{item.answer} (also accept: {'; '.join(accepted)})" if accepted else item.answer

    def accepted_alternatives(self) -> list[str]:
        """A written answer's other accepted forms, as the marker reads them beside the answer."""
        if self.item.type not in ("short-answer", "qa", "cloze"):
            return []
        seen = {self.item.answer.casefold()}
        # a part of a list or range ("1991" of "1991 – 1994", "France" of three countries) is not the answer
        parts = {part.casefold() for part in _LIST_PARTS.split(self.item.answer)}
        if len(parts) > 1:
            seen |= parts
        accepted = []
        forms = list(self.item.alternatives)
        alone = surname(self.item.answer) if self.item.role in ("who", "who-said") else None
        if alone:
            forms.append(alone)  # "Shahramanyan" for Samvel Shahramanyan
        counted = re.fullmatch(r"(\d{1,2})( [a-z]+)?", self.item.answer)
        spelled = spelled_number(int(counted.group(1))) if counted else None
        if counted and spelled:
            forms.append(f"{spelled}{counted.group(2) or ''}")  # "nine months" for 9 months
        for form in forms:
            if form.strip() and form.casefold() not in seen:
                seen.add(form.casefold())
                accepted.append(form)
        return accepted

    def grid_answer(self) -> str:
        """The answer as a marker checks it at a glance: B, T, F, 3 1 4 2, 1-B 2-D, or the short answer."""
        item = self.item
        if item.type == "mcq" and self.correct is not None:
            return LETTERS[self.correct]
        if item.type == "true-false":
            return "F" if item.correct_option == 1 else "T"
        if item.type == "ordering":
            position = {name: i + 1 for i, (name, _) in enumerate(item.pairs)}
            return " ".join(str(position[name]) for name in self.options)
        if item.type == "matching":
            letters = {answer: LETTERS[i] for i, answer in enumerate(self.options)}
            answers = dict(item.pairs)
            return " ".join(f"{i + 1}-{letters[answers[prompt]]}" for i, prompt in enumerate(self.prompts))
        # a marker working from this page alone must not reject "April 2016" for "early April 2016"
        accepted = [form for form in self.accepted_alternatives() if len(form) <= GRID_ALTERNATIVE_CHARS][:2]
        return f"{item.answer} (or {' / '.join(accepted)})" if accepted else item.answer

    def key_passages(self) -> list[KeyPassage]:
        """The passages the key quotes: the evidence for the answer (quizgen.key_evidence)."""
        return key_passages(self.item)


@dataclass(frozen=True)
class Section:
    type: str
    title: str
    instructions: str
    questions: tuple[QuizQuestion, ...]

    @property
    def points(self) -> int:
        return sum(q.points for q in self.questions)


@dataclass(frozen=True)
class QuizVersion:
    label: str
    sections: tuple[Section, ...]

    @property
    def questions(self) -> list[QuizQuestion]:
        return [q for section in self.sections for q in section.questions]


@dataclass
class Quiz:
    title: str
    seed: int
    items: list[Item]
    versions: list[QuizVersion] = field(default_factory=list)


# --- which items: keyable, one per fact, types and periods mixed ----------------------------------



def keyable(item: Item) -> bool:
    """The key can back this item's answer with a passage (always so for types without one text answer); whose
    claim it is stands in the passage's source line when the answer is a text ("the CFR Global Conflict Tracker")."""
    if item.type not in TEXT_ANSWER_TYPES or answer_passages(item):
        return True
    return item.role in ("who-said", "which-source") and any(
        names_the_text(item.answer, vocabulary(p.source_label, p.source_short)) for p in item.passages)


def period_of(item: Item) -> str:
    """The part of the story an item is about: its ``period::`` tag, else the decade of its date."""
    for tag in item.tags:
        if tag.startswith("period::"):
            return tag
    return item.sort_key[:3] if item.sort_key and item.sort_key[:1].isdigit() else "undated"


MOST_TRUE_FALSE_LEAD = 2  # never: a quiz of statements mostly "True" (or "False") rewards ticking one box
TRUE_FALSE_SHARE = 0.3  # past this, a quiz leans on guessing: other types fill the rest where they can


def _true_false_lead(candidate: Item, chosen: Sequence[Item]) -> int:
    """How far the answer of a true-or-false candidate already leads among the chosen statements (0 for any other
    item): a quiz of mostly "True" teaches guessing."""
    if candidate.type != "true-false":
        return 0
    false = sum(1 for item in chosen if item.type == "true-false" and item.correction is not None)
    true = sum(1 for item in chosen if item.type == "true-false" and item.correction is None)
    return (true - false) if candidate.correction is None else (false - true)


def choose_items(items: Sequence[Item], count: int | None, seed: int,
                 kinds: Mapping[str, str] | None = None) -> list[Item]:
    """Up to ``count`` keyable items, types taken in turn, each turn the least-asked period,
    never two items about the same fact nor two that give each other's answer away, at most
    about a fifth on the setting (places, people, organizations, naming), no bare identification,
    and two false statements made false the same way only when nothing else is left.

    A matching or ordering task rests on several facts and shows their dates: in a small selection it can
    crowd out the questions it cues. Where the quiz then falls short, it is chosen again without them, and
    the fuller quiz is kept."""
    limit = count if count is not None else DEFAULT_QUESTION_COUNT

    def worth(quiz: list[Item]) -> tuple[int, int, int]:
        """A fuller quiz first, then one whose true-or-false share stayed within its cap, then one whose choice and
        written questions are each at least a fifth of it."""
        types = Counter(item.type for item in quiz)
        balanced = min(types["mcq"], types["short-answer"], round(limit * TYPE_FLOOR))
        return len(quiz), -max(0, types["true-false"] - round(TRUE_FALSE_SHARE * limit)), balanced

    cued = _Cues()

    def best(pool: list[Item]) -> list[Item]:
        """A greedy choice can paint itself into a corner: each question it takes rules out those that cue it, and
        the caps then give way. Where that happens, other seeded orders are tried, each as it comes and, in a
        small pool, weighing what each question rules out; the best quiz (the first of equals) is kept."""
        chosen = _choose(pool, count, seed, kinds or {}, cued)
        ways = (True, False) if len(pool) <= CAREFUL_POOL else (False,)
        tries = [(attempt, careful) for attempt in range(RETRIES + 1) for careful in ways if attempt or careful]
        for number, (attempt, careful) in enumerate(tries, 1):
            if worth(chosen) >= (limit, 0, round(limit * TYPE_FLOOR)) or (len(chosen) >= limit and number > RESHARES):
                break  # a full quiz is tried again only a few times for a better share of types
            again = _choose(pool, count, seed, kinds or {}, cued, attempt, careful)
            if worth(again) > worth(chosen):
                chosen = again
        return chosen

    # what may be asked at all is judged once: each order tried only regroups it
    items = sorted((item for item in items if _askable(item)), key=lambda item: item.id)
    chosen = best(items)
    if len(chosen) < limit and any(len(item.fact_ids) > 1 for item in chosen):
        alone = best([item for item in items if len(item.fact_ids) == 1])
        if len(alone) > len(chosen):
            return alone
    return chosen


TYPE_FLOOR = 0.2  # where the candidates allow it, a quiz asks at least this share in choices and in writing
RETRIES = 32  # other orders tried when a quiz falls short: each a greedy pass over the candidates (the judgements of
# which items cue each other are kept across passes), so the cost of a quiz stays bounded whatever the base
CAREFUL_POOL = 150  # a quiz chosen from at most this many askable items weighs what each question rules out
RESHARES = 8  # of those, the orders tried for a full quiz whose share of types could be better


def _askable(item: Item) -> bool:
    """An item a printed quiz can ask and a key can mark. "Which text reports …?" of a plain report tests a
    text's wording: other texts may report it too."""
    asks_wording = item.role == "who-said" and item.status == "reported"
    return keyable(item) and not general_knowledge(item) and not answer_is_a_bound(item) and not asks_wording \
        and not true_on_its_face(item)


def _same_voice(candidate: Item, chosen: Sequence[Item]) -> bool:
    """A second "which text says …?" (or "who said …?" among choices) with the answer of one already asked: a
    test-wise learner ticks the text that made the first claim."""
    return candidate.type == "mcq" and candidate.role == "who-said" and any(
        other.type == "mcq" and other.role == "who-said" and other.answer == candidate.answer for other in chosen)


class _Cues:
    """Whether two items cue each other, each pair judged once however many orders are tried."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], bool] = {}
        self._partners: dict[tuple[str, int], list[Item]] = {}
        self._profiles: dict[str, CueProfile] = {}  # what the judgement reads of each item, read once

    def __call__(self, a: Item, b: Item) -> bool:
        key = (a.id, b.id) if a.id <= b.id else (b.id, a.id)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = profiled_cue(self._profile(a), self._profile(b))
        return found

    def _profile(self, item: Item) -> CueProfile:
        found = self._profiles.get(item.id)
        if found is None:
            found = self._profiles[item.id] = profile(item)
        return found

    def partners(self, item: Item, pool: Sequence[Item]) -> list[Item]:
        """The items of other facts in ``pool`` that ``item`` cues, found once per item and pool."""
        key = (item.id, id(pool))  # a pool stays alive while a quiz is chosen from it
        found = self._partners.get(key)
        if found is None:
            found = self._partners[key] = [other for other in pool
                                           if other.fact_ids != item.fact_ids and self(item, other)]
        return found


def _choose(items: Sequence[Item], count: int | None, seed: int, kinds: Mapping[str, str], cued: _Cues,
            attempt: int = 0, careful: bool = False) -> list[Item]:
    by_type: dict[str, list[Item]] = defaultdict(list)
    for item in items:  # askable, in the order of their ids (``choose_items``)
        by_type[item.type].append(item)
    for kind, group in by_type.items():
        # the first attempt keeps the order every earlier quiz of this seed was chosen in
        seeded_rng(seed, "choose", kind, *((attempt,) if attempt else ())).shuffle(group)
    chosen: list[Item] = []
    used_facts: set[str] = set()
    periods: Counter[str] = Counter()
    limit = count if count is not None else DEFAULT_QUESTION_COUNT
    on_setting = setting_limit(limit)

    def fits(candidate: Item, capped: bool) -> bool:
        if capped and about_setting(candidate, kinds) and sum(about_setting(c, kinds) for c in chosen) >= on_setting:
            return False
        # one more statement of an answer that already leads by two: another type of question serves instead
        if _true_false_lead(candidate, chosen) >= MOST_TRUE_FALSE_LEAD:
            return False
        if capped and candidate.type == "true-false" and \
                sum(c.type == "true-false" for c in chosen) >= round(TRUE_FALSE_SHARE * limit):
            return False
        return not _same_voice(candidate, chosen) and not any(cued(candidate, other) for other in chosen)

    def ruled_out(candidate: Item, open_ids: set[str]) -> int:
        """How many of the questions still open this one would rule out. A small pool (a class quiz of the core
        facts) is packed with care: a question whose answer half the others print costs the quiz several; a
        large pool has room to spare, and the count, a judgement per pair, is not made."""
        if not careful:
            return 0
        return sum(1 for other in cued.partners(candidate, items) if other.id in open_ids)

    def fill(capped: bool) -> None:
        queues = [list(by_type[t]) for t in SECTION_ORDER if by_type.get(t)]
        while len(chosen) < limit and any(queues):
            # the types with the fewest items left choose first, so that a rare type is not crowded out
            for queue in sorted(queues, key=len):
                fresh = [item for item in queue
                         if used_facts.isdisjoint(item.fact_ids) and fits(item, capped)]
                queue[:] = fresh
                if not fresh:
                    continue
                # the first of the least-asked periods, in this type's seeded order; a false statement
                # made false as another chosen one was only when no other is left
                open_ids = {other.id for open_queue in queues for other in open_queue} if careful else set()
                item = min(fresh, key=lambda candidate: (any(same_falsehood(candidate, c) for c in chosen),
                                                         _true_false_lead(candidate, chosen) >= 1,
                                                         ruled_out(candidate, open_ids),
                                                         periods[period_of(candidate)]))
                queue.remove(item)
                chosen.append(item)
                used_facts.update(item.fact_ids)
                periods[period_of(item)] += 1
                if len(chosen) >= limit:
                    break

    # what gives way when the quiz cannot otherwise be filled: the share of questions on the setting and of
    # true or false; never the balance of "True" and "False", which would reward ticking one box throughout
    fill(capped=True)
    if len(chosen) < limit:
        fill(capped=False)
    return chosen


# --- versions: order, options, letters ------------------------------------------------------------


def _chronological(item: Item) -> bool:
    """Options that keep their order in every version: dates in time, figures by size."""
    return item.type == "mcq" and item.role in ("date", "value")


@dataclass
class _Letters:
    """Where correct letters have landed in one version, and in earlier versions per question."""

    used: Counter[int] = field(default_factory=Counter)

    def pick(self, choices: Sequence[int], earlier: set[int], rng: random.Random, options: int = 4) -> int:
        """Of the letters one can choose, one not used for this question before whose count stays within one
        of the version's least used letter; failing that, the least used."""
        fewest = min(self.used[letter] for letter in range(options))
        fair = [c for c in choices if self.used[c] <= fewest + (0 if c in earlier else 1)]
        fresh = [c for c in fair if c not in earlier]
        if fresh or fair:
            pool = fresh or fair
            least = min(self.used[c] for c in pool)
            return rng.choice([c for c in pool if self.used[c] == least])
        least = min(self.used[c] for c in choices)
        return rng.choice([c for c in choices if self.used[c] == least])


def _mcq(item: Item, number: int, rng: random.Random, letters: _Letters, earlier: set[int],
         windows: Mapping[int, tuple[str, ...]]) -> QuizQuestion:
    assert item.correct_option is not None
    if _chronological(item):
        # dates stay in order: the letter moves with the window of options. The draws' options, merged in time,
        # are slid past the answer, so that every version offers mostly the same dates ("9 October … 9 January" in
        # one and "9 September … 9 December" in the other, never "9 August, 9 September" in one alone)
        # a window one step from every earlier version's: any two versions share all dates but one, so that
        # neither is the harder ("9 September … 9 December" beside "9 November … 9 February" shares two)
        near = [letter for letter in windows if all(abs(letter - other) <= 1 for other in earlier)] or list(windows)
        # months or days of the answer's own year where such windows leave the letter free to move: "9 January
        # 2021" for a deal of the "2020 war" another question names is ruled out unread
        within = [letter for letter in near if _within_the_year(windows[letter], item.answer)]
        choice = letters.pick(sorted(within if len(within) >= min(2, len(near)) else near), earlier, rng,
                              len(item.options))
        letters.used[choice] += 1
        return QuizQuestion(number, item, windows[choice], choice)
    wrong = [o for i, o in enumerate(item.options) if i != item.correct_option]
    rng.shuffle(wrong)
    target = letters.pick(range(len(item.options)), earlier, rng, len(item.options))
    letters.used[target] += 1
    return QuizQuestion(number, item, (*wrong[:target], item.answer, *wrong[target:]), target)


def _a_month_either_side(merged: list[str]) -> list[str]:
    """A day's options on the engine's grid ("9 September, 9 October, … 2020": one day, month after month) with
    that day of the month before and after them: room for the answer's window to slide within its year."""
    found = [DAY_MONTH_YEAR.fullmatch(option) for option in merged]
    if not all(found) or len({match[1] for match in found if match}) != 1:
        return merged
    months = [int(match[3]) * 12 + MONTH_NAMES.index(match[2]) for match in found if match]
    if months != list(range(months[0], months[0] + len(months))):
        return merged
    day = int(found[0][1]) if found[0] else 0

    def named(month: int) -> str | None:
        year, index = divmod(month, 12)
        return f"{day} {MONTH_NAMES[index]} {year}" if day <= calendar.monthrange(year, index + 1)[1] else None

    earlier, later = named(months[0] - 1), named(months[-1] + 1)
    return [*([earlier] if earlier else []), *merged, *([later] if later else [])]


def _within_the_year(options: Sequence[str], answer: str) -> bool:
    """Every option a month or day of the answer's year (a bare year's options have none in common)."""
    asked = _the_date(answer)
    if asked is None or not asked[1]:
        return False
    return all((found := _the_date(option)) is not None and found[0] == asked[0] for option in options)


def _the_date(text: str) -> tuple[int, int, int] | None:
    """The one date a text names, at its finest ("9 November 2020" also reads as "November 2020" and "2020"); none
    for a range or a text without a year."""
    found = [(year, month, day) for year, month, day in dates_in(text) if year is not None]
    if len({year for year, _, _ in found}) != 1:
        return None
    return max(found, key=lambda date: (bool(date[1]), bool(date[2])))


def _windows(item: Item, redrawn: Sequence[Item]) -> dict[int, tuple[str, ...]]:
    """For each letter the answer can take, the options in time order around it: consecutive options of every
    draw's, merged, nearest the first draw's (which keeps its own letter)."""
    assert item.correct_option is not None
    draws = [item.options, *(draw.options for draw in redrawn)]
    merged = _sorted_in_time(draws, item.role) or _merged_in_order(draws)
    if merged is not None and item.role == "date":
        merged = _a_month_either_side(merged)
    windows = {item.correct_option: item.options}
    if merged is None:  # draws that disagree on the order: each keeps its own options
        for draw in redrawn:
            if draw.correct_option is not None:
                windows.setdefault(draw.correct_option, draw.options)
        return windows
    at, size, first = merged.index(item.answer), len(item.options), set(item.options)
    for letter in range(size):
        start = at - letter
        if letter not in windows and start >= 0 and start + size <= len(merged):
            windows[letter] = tuple(merged[start:start + size])
    # a letter reached only far from the first draw's options is left out, as a draw of other options would be
    return {letter: shown for letter, shown in windows.items() if len(first & set(shown)) >= size // 2}


def _sorted_in_time(draws: Sequence[Sequence[str]], role: str) -> list[str] | None:
    """The options of several draws in time (a date's) or size (a figure's), where each can be read so and every
    draw's own order agrees: two draws' "9 September … 9 December" and "9 November … 9 February" leave no
    option unordered, though neither draw has both ends."""
    places: dict[str, tuple[float, ...]] = {}
    for option in (option for options in draws for option in options):
        place = _place_in_time(option, role)
        if place is None:
            return None
        places[option] = place
    merged = sorted(places, key=places.__getitem__)
    if len(set(places.values())) != len(places) or any(
            [option for option in merged if option in options] != list(options) for options in draws):
        return None  # two options at one place, or a draw in another order: the draws' own order is used
    return merged


def _place_in_time(option: str, role: str) -> tuple[float, ...] | None:
    if role == "date":
        date = _the_date(option)
        return None if date is None else tuple(float(part) for part in date)
    numbers = numbers_in(option)
    return (max(numbers),) if numbers else None  # "1 million" reads as 1 and 1,000,000


def _merged_in_order(draws: Sequence[Sequence[str]]) -> list[str] | None:
    """The options of several draws, each already in time order, in the one order that keeps every draw's; none
    if they disagree, or leave two options unordered (a draw's "October" and another's "November", both before
    "December": which came first is not known from the draws)."""
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for options in draws:
        for option in options:
            sorter.add(option)
        for earlier, later in pairwise(options):
            sorter.add(later, earlier)
    try:
        sorter.prepare()
    except CycleError:
        return None
    merged: list[str] = []
    while sorter.is_active():
        ready = sorter.get_ready()
        if len(ready) != 1:
            return None
        merged.append(ready[0])
        sorter.done(ready[0])
    return merged


def _question(item: Item, number: int, rng: random.Random) -> QuizQuestion:
    if item.type == "matching":
        prompts = [left for left, _ in item.pairs]
        answers = [right for _, right in item.pairs] + list(item.extra_options)
        rng.shuffle(prompts)
        rng.shuffle(answers)
        # dates to match stand in time order, as a teacher lists them: the order tells nothing, the prompts move
        places = {answer: _place_in_time(answer, "date") for answer in answers}
        if all(place is not None for place in places.values()):
            answers.sort(key=lambda answer: places[answer] or ())
        return QuizQuestion(number, item, tuple(answers), prompts=tuple(prompts))
    if item.type == "ordering":
        shown = list(item.options)
        rng.shuffle(shown)
        return QuizQuestion(number, item, tuple(shown))
    return QuizQuestion(number, item, item.options, item.correct_option)


def _version(items: Sequence[Item], label: str, seed: int, index: int, earlier: dict[str, set[int]],
             windows: Mapping[str, dict[int, tuple[str, ...]]], truths: set[tuple[bool, ...]]) -> QuizVersion:
    rng = seeded_rng(seed, "version", index)
    letters = _Letters()
    sections = []
    number = 1
    for kind in SECTION_ORDER:
        group = sorted((item for item in items if item.type == kind), key=lambda item: item.id)
        if not group:
            continue
        rng.shuffle(group)
        if kind == "true-false":
            group = _statements_in_order(group, rng, truths)
        numbers = {item.id: number + i for i, item in enumerate(group)}
        made: dict[str, QuizQuestion] = {}
        # letters go first to the questions whose options keep their order (dates, figures), those with the fewest
        # letters open first (a figure at the top of its scale has one): the others can take whichever letter is
        # least used, so no letter is left to gather the ordered ones' answers
        def freedom(item: Item) -> tuple[bool, int]:
            if not _chronological(item) or item.correct_option is None:
                return True, 0
            return False, len(windows[item.id])

        for item in sorted(group, key=freedom):
            item_rng = seeded_rng(seed, label, item.id)
            if item.type == "mcq" and item.correct_option is not None:
                question = _mcq(item, numbers[item.id], item_rng, letters, earlier[item.id], windows.get(item.id, {}))
                earlier[item.id].add(question.correct)  # type: ignore[arg-type]
            else:
                question = _question(item, numbers[item.id], item_rng)
            made[item.id] = question
        questions = [made[item.id] for item in group]
        number += len(group)
        title, instructions, _ = SECTIONS[kind]
        sections.append(Section(kind, title, instructions, tuple(questions)))
    return QuizVersion(label, tuple(sections))


# "F, F, F, F": a run this long of one answer tells a test-wise student to break it
LONGEST_RUN = 2
# orders tried for a version's statements whose answers read otherwise than an earlier version's
TRUTH_ORDER_TRIES = 24


def _statements_in_order(statements: list[Item], rng: random.Random, truths: set[tuple[bool, ...]]) -> list[Item]:
    """A version's true-or-false statements: no long run of one answer, and of the orders tried the one whose
    answers agree with every earlier version's, place by place, nearest half the time: "F T F T T F" twice lets a
    student copy a neighbour's, and its mirror "T F T F F T" lets one who notices copy it inverted."""
    best = _without_long_runs(statements)
    if truths:
        def agreement(order: list[Item]) -> float:
            return max(abs(sum(a == b for a, b in zip(_truths(order), earlier, strict=True)) - len(order) / 2)
                       for earlier in truths)

        for _ in range(TRUTH_ORDER_TRIES):
            rng.shuffle(statements)
            tried = _without_long_runs(statements)
            if agreement(tried) < agreement(best):
                best = tried
    truths.add(_truths(best))
    return best


def _truths(statements: Sequence[Item]) -> tuple[bool, ...]:
    return tuple(item.correction is None for item in statements)


def _without_long_runs(statements: Sequence[Item]) -> list[Item]:
    """True-or-false statements in their shuffled order, but each next one taken, where it can be, so that no more
    than ``LONGEST_RUN`` in a row share an answer (the next taken is the first that leaves the rest arrangeable)."""
    left, ordered = list(statements), list[Item]()
    # where the answers are too lopsided for runs of two ("F" six times, "T" once), the shortest runs they allow
    trues = sum(item.correction is None for item in statements)
    fewer, more = sorted((trues, len(statements) - trues))
    longest = max(LONGEST_RUN, -(-more // (fewer + 1)))
    while left:
        last = ordered[-1].correction is None if ordered else None
        run = next((n for n, item in enumerate(reversed(ordered)) if (item.correction is None) != last), len(ordered))
        trues = sum(item.correction is None for item in left)
        falses = len(left) - trues
        at = 0
        for index, item in enumerate(left):
            true = item.correction is None
            same, other = (trues - 1, falses) if true else (falses - 1, trues)
            if true == last and run >= longest:
                continue
            if _arrangeable(same, other, run + 1 if true == last else 1, longest):
                at = index
                break
        ordered.append(left.pop(at))
    return ordered


@cache
def _arrangeable(same: int, other: int, run: int, longest: int = LONGEST_RUN) -> bool:
    """Whether ``same`` more answers like the last (already ``run`` in a row) and ``other`` unlike it can follow
    with no run longer than ``longest``."""
    if not same and not other:
        return True
    return bool(same and run < longest and _arrangeable(same - 1, other, run + 1, longest)) or \
        bool(other and _arrangeable(other - 1, same, 1, longest))


def _redraws(chosen: Sequence[Item], versions: int, redraw: Redraw | None) -> dict[str, list[Item]]:
    """Other distractor sets for the chosen date questions: same id, prompt and answer, other options."""
    dates = [item for item in chosen if _chronological(item)]
    found: dict[str, list[Item]] = defaultdict(list)
    if redraw is None or not dates or versions < 2:
        return found
    wanted = {item.id: item for item in dates}
    for index in range(1, versions):
        for other in redraw(dates, index):
            base = wanted.get(other.id)
            if base is not None and other.prompt == base.prompt and other.answer == base.answer \
                    and len(other.options) == len(base.options) and other.correct_option is not None:
                found[other.id].append(other)
    return found


def plan_quiz(items: Sequence[Item], title: str, count: int | None = None, versions: int = 1,
              seed: int = 0, redraw: Redraw | None = None, kinds: Mapping[str, str] | None = None) -> Quiz:
    """The quiz: ``count`` questions (default about twenty) in ``versions`` versions A, B, …

    ``kinds`` maps fact ids to their kinds (event, place, …), so that the quiz stays on the story."""
    if count is not None and count < 1:
        raise InvalidOption(option_problem("--count", f"must be at least 1, not {count}"))
    if not 1 <= versions <= len(LETTERS):
        raise InvalidOption(option_problem("--versions", f"must be between 1 and {len(LETTERS)}, not {versions}"))
    chosen = choose_items(items, count, seed, kinds)
    if not chosen:
        raise QuizgenError(option_problem("filters", "the selected facts yield no question whose answer the "
                                                         "key can quote from a source"))
    quiz = Quiz(title, seed, chosen)
    earlier: dict[str, set[int]] = defaultdict(set)
    alternatives = _redraws(chosen, versions, redraw)
    # each date's or figure's windows, the same for every version: worked out once
    windows = {item.id: _windows(item, alternatives.get(item.id, [])) for item in chosen
               if _chronological(item) and item.correct_option is not None}
    truths: set[tuple[bool, ...]] = set()
    quiz.versions = [_version(chosen, LETTERS[i], seed, i, earlier, windows, truths) for i in range(versions)]
    return quiz
