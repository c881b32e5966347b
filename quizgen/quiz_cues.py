"""Which items may not share a printed quiz, and which are general knowledge rather than the topic.

A quiz is read as a whole: a true-or-false statement that says "more than 70,000" hands
over the answer of a multiple choice asking for 70,500, and a matching line that pairs an
event with its date answers a date question on the same event. Two items cue each other
when the text one of them shows (prompt, blanked sentence, options, matching and ordering
lines) states the other's answer or one of its accepted forms, or a figure close to it.
Nothing here knows the topic: only the items' text, their roles, and their facts' kinds.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quizgen.dates import MONTH_NAMES, MONTH_YEAR
from quizgen.items import Item
from quizgen.items.item import with_range_ends
from quizgen.items.likeness import stems
from quizgen.items.roles import IDENTIFY_ROLES, bare_identification
from quizgen.numbers_in_text import numbers_in
from quizgen.phrases import normalise, normalised_phrase_in, words

# the fact kinds about the setting rather than the story: a place, a person, an organization
SETTING_KINDS = frozenset({"place", "person", "organization"})
# at most this share of a quiz asks about the setting (the rest: events, agreements, figures)
SETTING_SHARE = 0.2
# a figure within this fraction of an answer's figure gives that answer away
NEAR_FIGURE = 0.15
_YEAR = re.compile(r"^\s*\d{4}\s*$")


def _statements(item: Item) -> list[str]:
    """What the item states as true: its prompt (a true-or-false's statement), blanked sentence, paired lines."""
    shown = [item.prompt]
    if item.cloze:
        shown.append(f"{item.cloze[0]} {item.cloze[2]}")
    shown += [f"{left} {right}" for left, right in item.pairs] if item.type == "matching" else []
    shown += [left for left, _ in item.pairs] if item.type == "ordering" else []
    return shown


def _choices(item: Item) -> list[str]:
    """What the item offers to choose from: options and the right-hand side of matching."""
    return [*item.options, *item.extra_options, *(right for _, right in item.pairs if item.type == "matching")]


def answers_of(item: Item) -> list[str]:
    """The answers the item asks for, in every accepted form; a true-or-false asks for none."""
    if item.type == "true-false":
        # a false statement's corrected date or figure: a statement of it elsewhere shows this one false, and so
        # does the month of a corrected day ("the November 2020 ceasefire" beside "On 9 September 2020 …")
        corrected = _corrected(item)
        months = [f"{m[1]} {m[2]}" for part in corrected if part in MONTH_NAMES
                  for m in [re.search(rf"\b({part}),? (?:\d{{1,2}},? )?(\d{{4}})\b", item.correction or "")] if m]
        return [part for part in corrected if any(ch.isdigit() for ch in part)] + months
    if item.type in ("matching", "ordering"):
        return [right for _, right in item.pairs]
    # a range's ends are answers too: "since 1994" elsewhere gives away half of "1991 – 1994"
    forms = with_range_ends([item.answer, *item.alternatives])
    return [form for form in dict.fromkeys(forms) if form.strip()]


def _corrected(item: Item) -> list[str]:
    """The words a false statement's correction puts back, as runs of the correction."""
    return list(_put_back(item.prompt, item.correction)) if item.correction else []


@lru_cache(maxsize=4096)
def _put_back(said_text: str, true_text: str) -> tuple[str, ...]:
    # a quiz asks this of each statement against every other item it might cue, many times: compared once
    said, true = said_text.split(), true_text.split()
    matcher = difflib.SequenceMatcher(a=said, b=true, autojunk=False)
    # "1991," is 1991: a run ends where the sentence's punctuation begins
    return tuple(" ".join(true[j1:j2]).strip(".,;:") for op, _, _, j1, j2 in matcher.get_opcodes()
                 if op != "equal" and j2 > j1)


def _figures(forms: Iterable[str]) -> set[float]:
    """The figures of answers that are counts or amounts (not years)."""
    return {n for form in forms if not _YEAR.match(form) for n in numbers_in(form)
            if not (n.is_integer() and 1000 <= n <= 2100 and _YEAR.search(f"{int(n)}"))}


def _any_near(values: Iterable[float], figures: Iterable[float]) -> bool:
    """Whether any of ``values`` is near one of ``figures`` (a loop, not a generator per value: a quiz asks this of
    every pair of its candidates)."""
    for value in values:
        for other in figures:
            if abs(value - other) <= NEAR_FIGURE * max(abs(value), abs(other)):
                return True
    return False


_DAY = re.compile(r"^\d{1,2} \w+ \d{3,4}$")  # "19 September 2023": one day names one event of a quiz


def _line_shown(label: str, date: str, shown: CueProfile) -> bool:
    """A dated line (event, date) stands in a statement: a day's date, or a coarser date with most of the
    event's words."""
    wanted, phrase = stems(label), normalise(date)
    for text, normalised in zip(shown.statements, shown.normalised_statements, strict=True):
        if not normalised_phrase_in(normalised, phrase):
            continue
        if _DAY.match(date) or 2 * len(wanted & stems(text)) >= len(wanted):
            return True
    return False


@dataclass(frozen=True)
class CueProfile:
    """What ``gives_away`` reads of an item, read once: a quiz compares each candidate with many others, many
    times over (``profile``)."""

    item: Item
    statements: tuple[str, ...]  # what it states as true (``_statements``)
    normalised_statements: tuple[str, ...]
    normalised_choices: tuple[str, ...]  # what it offers to choose from (``_choices``)
    answers: tuple[str, ...]  # ``answers_of``
    normalised_answers: tuple[str, ...]
    figures: frozenset[float]  # of its answers (``_figures``)
    shown_figures: tuple[float, ...]  # every figure it prints or answers with, years left out
    own: frozenset[str]  # its answers, casefolded
    floors: tuple[str, ...]  # the words after each floor it states ("more than …")


def profile(item: Item) -> CueProfile:
    """What ``gives_away`` reads of the item, whichever side of the comparison it stands on."""
    statements, choices, answers = _statements(item), _choices(item), answers_of(item)
    return CueProfile(
        item, tuple(statements), tuple(normalise(text) for text in statements),
        tuple(normalise(text) for text in choices), tuple(answers), tuple(normalise(form) for form in answers),
        frozenset(_figures(answers)),
        tuple(n for text in (*statements, *choices, *answers) for n in numbers_in(text)
              if not (n.is_integer() and 1000 <= n <= 2100)),
        frozenset(form.casefold() for form in answers), _floors(statements))


def gives_away(shown: CueProfile, asked: CueProfile) -> bool:
    """True when ``shown`` prints the answer of ``asked`` (or a figure close to it), each read as its ``profile``."""
    question = asked.item
    if question.type in ("matching", "ordering"):
        # a line is given away by a statement of the same event with its date
        return any(_line_shown(label, date, shown) for label, date in question.pairs)
    forms = asked.answers
    if not forms:
        return False
    if question.type == "mcq" and question.role in ("who-said", "which-source"):
        # "which text says …?" among the texts: another question naming a text as its source tells nothing,
        # unless it states the same claim with it
        return any(normalised_phrase_in(normalised, form) and _restated(text, question.prompt)
                   for text, normalised in zip(shown.statements, shown.normalised_statements, strict=True)
                   for form in asked.normalised_answers)
    # a bare year among offered dates is one choice of many; stated in a sentence it is a cue
    for form, phrase in zip(forms, asked.normalised_answers, strict=True):
        pool = shown.normalised_statements if _YEAR.match(form) else \
            shown.normalised_statements + shown.normalised_choices
        if any(normalised_phrase_in(text, phrase) for text in pool):
            return True
    figures = asked.figures
    if figures and _any_near(shown.shown_figures, figures):
        return True
    if question.type == "mcq" and _rules_out_options(shown.floors, question):
        return True
    # two items asking the same date or name ask one question twice
    return any(form.casefold() in shown.own for form in forms)


# "more than one hundred thousand people": a floor, read as a number and the word after it within this many characters
_FLOOR = re.compile(r"\b(?:more than|over|at least|upwards of)\s+", re.I)
_FLOOR_REACH = 40


def _floors(statements: Iterable[str]) -> tuple[str, ...]:
    """The words just after each floor the statements state: most state none."""
    return tuple(text[floor.end():floor.end() + _FLOOR_REACH] for text in statements
                 for floor in _FLOOR.finditer(text))


def _rules_out_options(reaches: Sequence[str], asked: Item) -> bool:
    """A floor stated on the paper ("more than one hundred thousand people had fled") below a question's answer
    and at or above one of its options ("about 70,000 people" lived there): the student strikes that option
    without knowing the answer. Read only where the options count the same thing (their last word, "people").
    ``reaches`` are the words after each floor the paper states (``_floors``)."""
    if not reaches or asked.correct_option is None:
        return False
    unit = asked.options[asked.correct_option].split()[-1].casefold()
    values = [min(numbers_in(option), default=None) for option in asked.options]
    if not unit.isalpha() or None in values:
        return False
    answer = values[asked.correct_option]
    for reach in reaches:
        bound = min(numbers_in(reach), default=None)
        if bound is None or unit not in words(reach):
            continue
        if answer is not None and answer > bound and any(v is not None and v <= bound for v in values):
            return True
    return False


def _restates(a: Item, b: Item) -> bool:
    """Two statements or questions that say mostly the same thing (two facts of one sentence, say; "Azerbaijan's
    exclave, separated by Armenian territory" beside "the Armenian territory separating Azerbaijan from its
    exclave"): each half-answers the other. A matching or ordering task's prompt is the same for every such
    task, and says nothing of its lines."""
    if {a.type, b.type} & {"matching", "ordering"}:
        return False
    if a.type == "true-false" and b.type == "true-false":
        return _restated(a.prompt, b.prompt) or _shown_true_by(a, b) or _shown_true_by(b, a)
    # two questions restate each other when they speak of the same named things in mostly the same words; the
    # words a template repeats in every stem ("When did … happen?") are not enough
    return (_restated(a.prompt, b.prompt) and len(_names(a.prompt) & _names(b.prompt)) >= 2) \
        or _shown_true_by(a, b) or _shown_true_by(b, a)


# the share of a statement's stems another text shares when, with its date or figure, it says the same thing
SAME_THING_SHARE = 0.4


def _names(text: str) -> set[str]:
    """The capitalised words of a text past its first: the places, people and bodies it names."""
    return {re.sub(r"['’]s$", "", word) for word in re.findall(r"(?<!^)(?<![.?!] )\b[A-Z][\w'’-]+", text)}


def _shown_true_by(statement: Item, other: Item) -> bool:
    """A statement to judge that another question's stem already tells ("faced with the prospect of rule by
    Azerbaijan … fled") is a free point: half its words stand in the other stem."""
    if statement.type != "true-false" or statement.correction:
        return False
    mine = stems(statement.prompt)
    shared = len(mine & stems(other.prompt))
    if mine and shared >= 0.5 * len(mine):
        return True
    # "In 1923 the Soviet Union established the oblast" beside "When the oblast was established in 1923, …": the
    # date or figure it could have been made false by, stated of the same thing
    # (a month's year, "in September 2023", is the course's setting, not what the statement could be false by)
    settings = {float(year) for _, year in MONTH_YEAR.findall(statement.prompt)}
    figures = numbers_in(statement.prompt) - settings
    return bool(figures) and figures <= numbers_in(other.prompt) and shared >= SAME_THING_SHARE * len(mine)


def _restated(one: str, other: str) -> bool:
    mine, theirs = stems(one), stems(other)
    return bool(mine and theirs) and len(mine & theirs) >= 0.6 * min(len(mine), len(theirs))


def cue_each_other(a: Item, b: Item) -> bool:
    return profiled_cue(profile(a), profile(b))


def profiled_cue(a: CueProfile, b: CueProfile) -> bool:
    """``cue_each_other`` of two profiled items."""
    return gives_away(a, b) or gives_away(b, a) or _restates(a.item, b.item)


def falsehood(item: Item) -> frozenset[frozenset[str]] | None:
    """How a false true-or-false item was made false: the words swapped out and in (unordered), or None."""
    if item.type != "true-false" or not item.correction:
        return None
    said, true = set(words(item.prompt)), set(words(item.correction))
    swapped = frozenset({frozenset(true - said), frozenset(said - true)})
    return swapped if any(swapped) else None


def same_falsehood(a: Item, b: Item) -> bool:
    way = falsehood(a)
    return way is not None and way == falsehood(b)


def about_setting(item: Item, kinds: Mapping[str, str]) -> bool:
    """An item on the setting (places, people, organizations) or one that only asks to name something."""
    if item.role in IDENTIFY_ROLES:
        return True
    found = [kinds[fact] for fact in item.fact_ids if fact in kinds]
    return bool(found) and all(kind in SETTING_KINDS for kind in found)


def general_knowledge(item: Item) -> bool:
    """An identification asked of a bare name ("What is the capital of X?", "Who is the president of Y?")."""
    return bare_identification(item.role, item.prompt)


_BOUND = re.compile(r"^(?:more than|at least|up to|fewer than|over|nearly|almost)\b", re.IGNORECASE)


def answer_is_a_bound(item: Item) -> bool:
    """A written answer that is a bound ("more than 60,000"): other figures the texts give fit it too, and a
    key cannot list them all. A quiz asks such figures only where a learner recognises them (true or false)."""
    return item.type in ("short-answer", "qa", "cloze", "mcq") and bool(_BOUND.match(item.answer.strip()))


def setting_limit(count: int) -> int:
    """How many of ``count`` questions may be about the setting: about a fifth, at least one."""
    return max(1, round(count * SETTING_SHARE))
