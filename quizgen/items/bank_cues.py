"""A bank read as a whole: no item hands over another's answer.

A teacher reads a bank through, and a student meets its items as cards of one deck: "What figure
did Nikolay Mitrokhin give …?" tells who said what another item asks "Which analyst said …?"
of; "Which group of the OSCE …?" names the organization another item asks for; two facts of one
sentence ("Who accused …, a claim Baku denies?" and "Which government denied …?") ask it twice.
A quiz keeps such items apart (``quizgen.quiz_cues``); a bank keeps one of them, the more
important fact's.

Two items are compared only where they can cue each other: one's answer stands in the other's
text (found through an index of the answers by their first words, so a bank of any size is read
once), or their own quotes overlap in one text. Two questions of one sentence are one question.
An answer printed in another item's text gives it away when it is a name of several words
("Second Nagorno-Karabakh War") or a word few items print ("Yevlakh"), or when the two texts
speak of the same thing; a word every item prints ("Azerbaijan") is the context of a course.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from quizgen.choices import IMPORTANCE_RANK
from quizgen.dates import MONTH_NAMES, MONTH_YEAR
from quizgen.items.item import Item
from quizgen.items.likeness import stems
from quizgen.numbers_in_text import numbers_in, significant_digits
from quizgen.phrases import contains_phrase, normalise, stem, words

# an answer printed by at most this many other items' texts names something specific: it is a cue wherever printed
RARE = 3
# the share of the shorter text's stems two texts share when they speak of the same thing
SAME_THING = 0.4
# multiple-choice among the texts, or a matching or ordering task: kept apart by their own rules
_ASKED_FORMS = frozenset({"qa", "short-answer", "mcq", "cloze"})
_ARTICLES = frozenset({"the", "a", "an"})
_YEAR = re.compile(r"^\d{3,4}$")
_MONTHS = frozenset(month.lower() for month in MONTH_NAMES)
_DAY = re.compile(r"\b\d{1,2} (?P<month>[A-Z][a-z]+) (?P<year>\d{4})\b")
# an answer printed by at least this share of a bank's items is the course's context, not something to ask
CONTEXT_SHARE = 0.25
# "Azerbaijan's offensive", "Russia-mediated talks": a word, then what it owns or did (up to three words)
_OWNER = re.compile(r"\b(\w+)(?:'s|-)\s?(\w+)(?:\s(\w+))?(?:\s(\w+))?")
_VOICE_ROLES = frozenset({"who-said", "mediator", "parties"})
# the words for one country's part in talks: "Russia-mediated" tells "which country brokered …?" and "hosted …?"
_AGENCY = frozenset(stem(word) for word in ("brokered", "mediated", "hosted", "sponsored", "negotiated"))
_PLACE_ROLES = frozenset({"identify", "place", "located-in"})
# the same quantity or time given by two texts that disagree: the bank asks it once (which-source compares them)
_MEASURED_ROLES = frozenset({"value", "duration", "date"})
_DISTINCTIVE_ROLES = ("side-name", "which-source")
# a fact's time asked on its own: a comparison of its date with another's asks it again
_TIMED_ROLES = frozenset({"date", "duration"})
_FIGURE_ROLES = frozenset({"value", "duration"})
_LIST = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# a stem more than this share of a bank's items use (and more than the floor) is the topic, not what one item says
COMMON_SHARE = 0.05
COMMON_FLOOR = 5

Form = tuple[str, ...]


def _shown(item: Item) -> list[str]:
    """What the item prints as true: its prompt, its blanked sentence, its matching or ordering lines, and the
    answer on its back ("Zangezur corridor and Nakhchivan" tells "Which is Azerbaijan's exclave?")."""
    shown = [item.prompt, *([item.answer] if item.type in _ASKED_FORMS else [])]
    if item.cloze:
        shown.append(f"{item.cloze[0]} {item.cloze[2]}")
    shown += [f"{left} {right}" for left, right in item.pairs]
    return shown


def _forms(item: Item, names_a_text: Callable[[str], bool]) -> list[Form]:
    """The answer's accepted forms as runs of words, a leading article dropped ("the government of Azerbaijan"
    stands in a text as "government of Azerbaijan")."""
    if item.type not in _ASKED_FORMS or _among_texts(item, names_a_text):
        return []
    found: list[Form] = []
    listed = " and " in item.answer or ", " in item.answer
    # a range's ends are not asked alone: "by early October 2023" elsewhere does not answer "when did they flee?"
    forms = [item.answer, *item.alternatives, *(_LIST.split(item.answer) if listed else ())]
    for form in forms:
        if listed and form != item.answer and len(form.split()) < 2:
            continue  # "Russia" printed elsewhere is the setting; "Luis Moreno Ocampo" is half of his answer
        run = _words(form)
        while run and run[0] in _ARTICLES:
            run = run[1:]
        if run and tuple(run) not in found:
            found.append(tuple(run))
    # "Artsakh, used by Armenians; Republic of Artsakh, used by …": each name is asked, and "Artsakh (Nagorno-Karabakh)"
    # in another stem gives it
    if item.role.startswith("side-name"):  # "side-name:artsakh": the role names the side's name
        for part in item.answer.split("; "):
            name = tuple(_words(part.split(", used by")[0]))
            if name and name not in found:
                found.append(name)
    # a day's month printed elsewhere ("the fighting of September 2022") leaves only the day to ask
    for day in _DAY.finditer(item.answer if item.role == "date" else ""):
        month = (day.group("month").lower(), day.group("year"))
        if month not in found:
            found.append(month)
    return found


def _is_partial(form: Form) -> bool:
    """A month and year taken from a day's answer: a cue only where few items print it."""
    return len(form) == 2 and form[1].isdigit() and form[0] in _MONTHS


def _month_picks_option(item: Item, months: Collection[Form]) -> bool:
    """A month and year printed elsewhere that only the answer among a multiple choice's options falls in."""
    if item.type != "mcq":
        return False
    wrong = [option for at, option in enumerate(item.options) if at != item.correct_option]
    return any(all(not contains_phrase(option, " ".join(month)) for option in wrong) for month in months)


def _runs(found: Sequence[str], lengths: Mapping[str, Collection[int]]) -> Iterator[Form]:
    """The runs of a text's words that could be an indexed answer: those beginning with an answer's first word, of
    that answer's length (a text is read once, never compared with every answer)."""
    for at, word in enumerate(found):
        for length in lengths.get(word, ()):
            yield tuple(found[at:at + length])


def _words(text: str) -> list[str]:
    # "Nancy Pelosi's visit" names "Nancy Pelosi"
    return [word.removesuffix("'s") for word in words(text)]


def _among_texts(item: Item, names_a_text: Callable[[str], bool]) -> bool:
    # "which text says …?" answered by a text: a text named as another item's source says nothing of this claim;
    # it is compared as the same thing said twice, through a shared passage or the same words. "Which analyst
    # said …?" answered by a person is given away wherever the person is named.
    return item.role in ("who-said", "which-source") and names_a_text(item.answer)


def _overlap(one: frozenset[str], other: frozenset[str]) -> float:
    return len(one & other) / min(len(one), len(other)) if one and other else 0.0


class _Printed:
    """Which items' texts print each item's answer, found through an index of the answers by their first word."""

    def __init__(self, bank: Sequence[Item], shown: Sequence[list[str]], names_a_text: Callable[[str], bool]) -> None:
        # the answers by their words, and the lengths of those that begin with each word: a text is read once,
        # each of its words looked up, never compared with every answer ("about 30,000 …" begins thousands)
        askers: dict[Form, list[int]] = defaultdict(list)
        side_names: set[Form] = set()
        lengths: dict[str, set[int]] = defaultdict(set)
        for index, item in enumerate(bank):
            for form in _forms(item, names_a_text):
                askers[form].append(index)
                if item.role.startswith("side-name"):
                    side_names.add(form)  # a side's name is given away wherever printed, however often
                lengths[form[0]].add(len(form))
        # printed[asked] = the items whose text prints one of asked's forms, and in which forms
        self.printed: dict[int, dict[int, set[Form]]] = defaultdict(lambda: defaultdict(set))
        printers: dict[Form, set[int]] = defaultdict(set)
        for shower, item in enumerate(bank):
            for text in shown[shower]:
                for form in _runs(_words(text), lengths):
                    for asked in askers.get(form, ()):
                        printers[form].add(shower)
                        if asked != shower and bank[asked].fact_ids[0] not in item.fact_ids:
                            self.printed[asked][shower].add(form)
        self._printers = {form: len(showers) for form, showers in printers.items()}
        self._owned = _owners(bank, shown)
        # a name of several words is specific wherever it is printed ("Second Nagorno-Karabakh War", "Nikolay
        # Mitrokhin"), and so is a word few items print ("Yevlakh"); a bare year printed anywhere is only a time, and
        # a word many items print ("Russia", "Armenia") is the setting: both are cues only where the texts speak of
        # the same thing
        self._rare = {form for form, showers in printers.items() if not _YEAR.match(" ".join(form))
                      and ((len(form) > 1 and not _is_partial(form)) or len(showers) <= RARE or form in side_names)}
        # "To which country did they flee?" "Armenia": an answer most of the bank prints is the course's setting
        context = max(RARE + 1, CONTEXT_SHARE * len(bank))
        # (a place asked for; "who called it an anti-terrorist operation?" "Azerbaijan" asks whose words they are)
        self.context = {index for index, item in enumerate(bank) if item.type in _ASKED_FORMS
                        and item.role in _PLACE_ROLES and len(printers.get(tuple(_words(item.answer)), ())) >= context}

    def same_answer(self, one: Item, other: Item) -> bool:
        """"Lachin corridor" twice, "9 November 2020" or "Yevlakh" twice: the second asks what the first taught.
        A word many items print ("Russia") is the setting, asked of many events."""
        if one.type not in _ASKED_FORMS or other.type not in _ASKED_FORMS:
            return False
        answer = tuple(_words(one.answer))
        if answer != tuple(_words(other.answer)):
            return False
        # "Russia" as the answer of every "which country mediated …?", or "Yerevan" of two "in which city …?", teaches
        # the guess, not the events
        alike = one.role == other.role or (one.role in _VOICE_ROLES and other.role in _VOICE_ROLES)
        return alike or len(answer) > 1 or self._printers.get(answer, 0) <= RARE

    def prints(self, shower: int, asked: int) -> bool:
        return shower in self.printed.get(asked, {})

    def named_as_owner(self, item: Item) -> bool:
        """"Who called the offensive an anti-terrorist operation?" beside "Azerbaijan's offensive", "Which country
        brokered the talks?" beside "Russia-brokered talks": another fact's item names the answer as the owner or
        agent of what this one asks about."""
        if item.role not in _VOICE_ROLES:
            return False
        answer = _words(item.answer)
        if len(answer) != 1:
            return False
        asked = stems(item.prompt)
        agency = not _AGENCY.isdisjoint(asked)
        return any(owner_facts - {item.fact_ids[0]} for owned, owner_facts in self._owned.get(answer[0], {}).items()
                   if owned in asked or (agency and owned in _AGENCY))

    def only_partial(self, asked: int, shower: int) -> bool:
        return all(_is_partial(form) for form in self.printed.get(asked, {}).get(shower, ()))

    def rare_in(self, asked: int, shower: int) -> bool:
        """The answer of ``asked`` stands in ``shower``'s text in a specific form (a name, a rare word)."""
        return not self._rare.isdisjoint(self.printed.get(asked, {}).get(shower, ()))


def _owners(bank: Sequence[Item], shown: Sequence[list[str]]) -> dict[str, dict[str, set[str]]]:
    """For each word printed as an owner or agent ("Azerbaijan's offensive", "Russia-brokered"), the stems of the
    words that follow it, each with (up to two of) the facts whose items print it: a bank is read once."""
    owned: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for item, texts in zip(bank, shown, strict=True):
        for text in texts:
            for found in _OWNER.finditer(normalise(text)):
                for word in found.groups()[1:]:
                    if word and not word.isdigit():
                        facts = owned[found.group(1)][stem(word)]
                        if len(facts) < 2:
                            facts.add(item.fact_ids[0])
    return owned


def _topic_stems(texts: Sequence[frozenset[str]]) -> frozenset[str]:
    """The stems so many items use that they are the course's own topic ("Nagorno-Karabakh", "Azerbaijan")."""
    counts: Counter[str] = Counter(stem for text in texts for stem in text)
    limit = max(COMMON_FLOOR, COMMON_SHARE * len(texts))
    return frozenset(stem for stem, count in counts.items() if count > limit)


def _sharing_a_passage(bank: Sequence[Item]) -> dict[int, set[int]]:
    """The items whose own passages (the first each quotes, not the context beside it) overlap in one text: two
    quotes of one sentence ("banning even Red Cross convoys …" and "… over alleged smuggling"). Each text's quotes
    are swept once in order of their starts."""
    by_source: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for index, item in enumerate(bank):
        for passage in item.passages[:1]:
            by_source[passage.source_id].append((passage.start, passage.end, index))
    sharing: dict[int, set[int]] = defaultdict(set)
    for quotes in by_source.values():
        quotes.sort()
        open_quotes: list[tuple[int, int]] = []  # (end, index) of the quotes not yet ended
        for start, end, index in quotes:
            open_quotes = [(other_end, other) for other_end, other in open_quotes if other_end > start]
            for _, other in open_quotes:
                sharing[index].add(other)
                sharing[other].add(index)
            open_quotes.append((end, index))
    return sharing


def _setting_months(shown: Sequence[list[str]]) -> set[tuple[str, str]]:
    """The months (with their years) that more than a few items print: the course's setting ("September 2023")."""
    counts: Counter[tuple[str, str]] = Counter()
    for texts in shown:
        counts.update({(month, year) for text in texts for month, year in MONTH_YEAR.findall(text)})
    return {month for month, count in counts.items() if count > RARE}


def _dates_in_passages(bank: Sequence[Item]) -> dict[int, set[int]]:
    """For each "how long did it last?", the date questions whose answers its own passages print: "9 months" quoted
    beside "Since December 2022" is the blockade that "when did the blockade begin?" asks, measured twice. The
    date answers are indexed by their first word, so each passage is read once."""
    dates: dict[Form, list[int]] = defaultdict(list)
    lengths: dict[str, set[int]] = defaultdict(set)
    for index, item in enumerate(bank):
        if item.role == "date" and item.type in _ASKED_FORMS and len(item.fact_ids) == 1:
            form = tuple(_words(item.answer))
            if form:
                dates[form].append(index)
                lengths[form[0]].add(len(form))
    found: dict[int, set[int]] = defaultdict(set)
    for index, item in enumerate(bank):
        if item.role != "duration" or not dates:
            continue
        for passage in item.passages:
            for form in _runs(_words(passage.quote), lengths):
                for dated in dates.get(form, ()):
                    if bank[dated].fact_ids[0] not in item.fact_ids:
                        found[index].add(dated)
    return found


def without_cued(bank: Sequence[Item], importance: Mapping[str, str], names_a_text: Callable[[str], bool],
                 conflicts: Mapping[str, Collection[str]] | None = None) -> list[Item]:
    """The bank with no item that another kept item gives away or restates; the more important fact's is kept.
    ``names_a_text`` tells an answer that names one of the texts ("the Azad Archives guide"); ``conflicts`` the
    facts each fact's texts disagree with (one question of a disagreement is asked, of the same role)."""
    conflicts = conflicts or {}
    shown = [_shown(item) for item in bank]  # each item's texts, read by every step below
    printed = _Printed(bank, shown, names_a_text)
    sharing = _sharing_a_passage(bank)
    shown_all = [stems(" ".join(texts)) for texts in shown]
    topic = _topic_stems(shown_all)
    shown_stems = [text - topic for text in shown_all]
    asked_stems = [stems(item.prompt) - topic for item in bank]

    def cues(shower: int, asked: int, same_passage: bool) -> bool:
        if same_passage:
            return True  # two questions of one sentence: each re-asks, or half-answers, the other
        if not printed.prints(shower, asked):
            return False
        if printed.rare_in(asked, shower) or printed.same_answer(bank[asked], bank[shower]):
            return True
        if bank[asked].role in _PLACE_ROLES and bank[asked].type in _ASKED_FORMS:
            return True  # "In which city …?" beside "the authorities in Yerevan": a place is asked where none prints it
        if printed.only_partial(asked, shower):
            # "September 2023" printed by half the bank is no cue to "on what day …?", but it picks "19 September
            # 2023" out of four months' 19ths
            return _month_picks_option(bank[asked], printed.printed[asked][shower])
        return _overlap(asked_stems[asked], shown_stems[shower]) >= SAME_THING

    # "which came first?" after the questions of one fact: it is kept where those leave its events undated; and of
    # equally important facts, what each side calls a place and which text gives a figure first, which only a base
    # that keeps sides and sources can ask ("Artsakh" in a date question's stem would otherwise leave it out)
    order = sorted(range(len(bank)), key=lambda i: (
        bank[i].role == "which-first", IMPORTANCE_RANK.get(importance.get(bank[i].fact_ids[0], ""), 1),
        not bank[i].role.startswith(_DISTINCTIVE_ROLES), i))
    measured = _dates_in_passages(bank)
    measured_by: dict[int, set[int]] = defaultdict(set)
    for duration, dated in measured.items():
        for date in dated:
            measured_by[date].add(duration)
    prints: dict[int, set[int]] = defaultdict(set)  # shower -> the items whose answers it prints
    for asked, showers in printed.printed.items():
        for shower in showers:
            prints[shower].add(asked)
    printed_by = {asked: set(showers) for asked, showers in printed.printed.items()}
    kept: set[int] = set()
    compared_facts: set[str] = set()  # the facts a kept comparison ("which came first?") already sets side by side
    asked_roles: dict[str, str] = {}  # the role each kept single-fact question asks of its fact
    exercises: list[int] = []
    for index in order:
        if bank[index].type not in _ASKED_FORMS and bank[index].type != "true-false":
            exercises.append(index)  # matching and ordering: judged after the questions they would repeat
            continue
        item = bank[index]
        if index in printed.context or printed.named_as_owner(item):
            continue
        if len(item.fact_ids) > 1 and not compared_facts.isdisjoint(item.fact_ids):
            continue  # "which came first?" of the Bishkek Protocol twice, beside two other events: asked once
        if item.role == "which-first" and any(asked_roles.get(fact) in _TIMED_ROLES for fact in item.fact_ids):
            continue  # "which came first?" of an event whose date another question asks: its answer is printed
        if (measured.get(index, set()) | measured_by.get(index, set())) & kept:
            continue  # the blockade's nine months beside "when did it begin? December 2022": one time, asked twice
        rival_facts = conflicts.get(item.fact_ids[0], ())
        if len(item.fact_ids) == 1 and item.role in _MEASURED_ROLES and any(
                asked_roles.get(fact) == item.role for fact in rival_facts):
            continue  # how long the war lasted, by one text and by another: asked once (which-source compares them)
        shares = sharing.get(index, set())
        partners = (printed_by.get(index, set()) | prints.get(index, set()) | shares) & kept
        if not any(cues(other, index, other in shares) or cues(index, other, other in shares)
                   for other in partners if bank[other].fact_ids[0] not in item.fact_ids):
            kept.add(index)
            if len(item.fact_ids) > 1:
                compared_facts.update(item.fact_ids)
            else:
                asked_roles[item.fact_ids[0]] = item.role
    # "The attack of September 2023 involved artillery": a true statement whose only date is a month the course
    # prints throughout could only have been made false by a month everyone knows is wrong; it is ticked unread
    setting = _setting_months(shown)
    for index in [index for index in kept if bank[index].type == "true-false" and bank[index].correction is None]:
        months = MONTH_YEAR.findall(bank[index].prompt)
        if months and all(month in setting for month in months) and \
                numbers_in(bank[index].prompt) <= {float(year) for _, year in months}:
            kept.discard(index)
    # "which text says …?" answered by one text most of the time teaches a test-wise learner to pick that text (the
    # advocacy guide, whose claims sound like its own): one text answers at most one more than all the others
    # together, the more important facts' first
    voices = [index for index in order if index in kept and bank[index].type == "mcq"
              and _among_texts(bank[index], names_a_text)]
    by_text = Counter(bank[index].answer for index in voices)
    allowed = {text: len(voices) - count + 1 for text, count in by_text.items()}
    for index in voices:
        allowed[bank[index].answer] -= 1
        if allowed[bank[index].answer] < 0:
            kept.discard(index)
    # a matching or ordering task whose lines print what the bank asks one by one (a date, "Bishkek Protocol") asks
    # it twice
    exercised: set[str] = set()
    questions_asked = len(exercises) < len(bank)  # a bank of nothing but exercises (--types matching) keeps them all
    asked_of: dict[str, list[int]] = defaultdict(list)
    for index in kept:
        if len(bank[index].fact_ids) == 1:
            asked_of[bank[index].fact_ids[0]].append(index)
    for index in exercises:
        facts = set(bank[index].fact_ids)
        # and two exercises over mostly the same events (a matching and an ordering of one set) are one exercise
        # and a matching of dates of one precision: "1991" among full days is matched by its shape alone
        shapes = {right.count(" ") for _, right in bank[index].pairs} if bank[index].type == "matching" else {0}
        if not questions_asked or (not prints.get(index, set()) & kept and len(facts & exercised) <= 1
                                   and len(shapes) == 1 and not _repeats_its_facts(bank, index, asked_of,
                                                                                   names_a_text)):
            kept.add(index)
            exercised |= facts
    return [item for index, item in enumerate(bank) if index in kept]


def _repeats_its_facts(bank: Sequence[Item], exercise: int, asked_of: Mapping[str, Sequence[int]],
                       names_a_text: Callable[[str], bool]) -> bool:
    """An ordering or matching whose own events the bank asks one by one: a line "Bishkek Protocol" prints the
    answer of "what was the 1994 ceasefire called?", and an event whose date a question asks is placed for it."""
    lines = " ".join(_shown(bank[exercise]))
    for fact in bank[exercise].fact_ids:
        for asked in asked_of.get(fact, ()):
            if bank[asked].role in _TIMED_ROLES or any(
                    contains_phrase(lines, " ".join(form)) for form in _forms(bank[asked], names_a_text)):
                return True
    return False


def options_giving_figures(items: Sequence[Item], tested: Collection[str]) -> set[int]:
    """The multiple choices of a figure with a wrong option that is another tested fact's figure: "about 70,500
    people" among populations is the refugee count another question asks, handed over as an option (and, exact
    among round values, it stands out). A round value ("80 percent", "100,000 people") is any scale's step and
    hands over nothing. A bank asks such a figure open, where it has that form."""
    given: dict[float, set[str]] = defaultdict(set)
    for item in items:
        if item.role in _FIGURE_ROLES and item.type in _ASKED_FORMS and item.fact_ids[0] in tested:
            for figure in _exact_figures(item.answer):
                given[figure].update(item.fact_ids)
    found: set[int] = set()
    for index, item in enumerate(items):
        if item.type != "mcq" or item.role not in _FIGURE_ROLES:
            continue
        wrong = [option for at, option in enumerate(item.options) if at != item.correct_option]
        if any(given.get(figure, set()) - set(item.fact_ids) for option in wrong for figure in _exact_figures(option)):
            found.add(index)
    return found


def _exact_figures(text: str) -> set[float]:
    """The figures of a text with at least three significant digits ("70,500", "about 70,500 people", "$25.6m"):
    a round value ("80 percent", "100,000") is any scale's step."""
    return {number for number in numbers_in(text)
            if significant_digits(number) >= 3
            and not (number.is_integer() and 1000 <= number <= 2100 and str(int(number)) in text)}


__all__ = ["options_giving_figures", "without_cued"]
