"""Which of a fact's items make a card worth a student's review: one whose answer is recalled, not read off.

The engine makes every form of every question (``every_form``); a quiz and the bank choose
among them with their own rules. A deck meets a student every day for weeks, card by card,
so its cards are held to more:
- a card on its own (``worth_a_card``): not of the setting, a passing voice, a photo or a text's
  slip; an answer that is not the course's subject, a main party, a publisher, an atlas fact or
  "which text says …?"; a front a phone shows whole, a set short enough to recall;
- a note (``worth_first``, ``without_echoes``): a fact's content before whose voice it is, and no
  card whose answer a sibling's front prints;
- the deck read as a whole (``refrains``, ``versions_asked_once``, ``passage_repeats``,
  ``dates_printed_everywhere``, ``clozes_printing_answers``, ``giveaways``): one question asked
  once, the card of the most important fact kept.
The card faces the rules read (``front_text``, ``answer_texts``) are defined here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from quizgen.choices import IMPORTANCE_RANK
from quizgen.claims import ATTRIBUTED_STATUSES
from quizgen.items import Item
from quizgen.items.questions import dated_by_publication
from quizgen.items.roles import bare_identification, role_kind
from quizgen.model import Fact
from quizgen.phrases import content_words, normalise, phrase_in, words

# the roles whose answer is the claimant or the text, not the fact's content
_VOICE_ROLES = frozenset({"who-said", "which-source"})
# how many cards of one kind may give one answer: three facts brokered by one country teach; five roads named
# "Lachin corridor" teach the name, not the facts
REFRAIN_LIMIT = 3
# how many other notes' fronts may print a card's date or number before the card asks what a student reads daily
PRINTED_ELSEWHERE = 4
# a set of more than three to recall is learned in pieces, each forgotten apart ("avoid sets": four signatories)
LONGEST_SET = 3
# a front read on a phone: a question of more than this many words is read twice before it is answered once
LONGEST_FRONT_WORDS = 40


@dataclass(frozen=True)
class Course:
    """What a card is judged against: the fact base's subject and common names, its texts, its photo captions."""

    subject: frozenset[str]  # the course's own subject, by each of its names (``CommonTerms.subject``)
    common: frozenset[str]  # the names most statements print: the main parties (``CommonTerms.names``)
    names_a_text: Callable[[str], bool]  # "the Azad Archives guide": one of the base's texts
    caption_only: Callable[[Fact], bool]  # every passage the fact cites is a photo caption
    caption_first: Callable[[Fact], bool]  # the passage the fact states (its first) is a photo caption
    published: Mapping[str, str | None]  # each text's day of publication, by source id
    publishers: frozenset[str] = frozenset()  # who published the texts, normalised ("azad archives", "cfr")


def worth_a_card(item: Item, fact: Fact, course: Course) -> bool:
    """Whether a card of this item teaches: it is about something the course asks a student to know, and its answer
    is recalled, not guessed."""
    if is_the_setting(fact, course) or passing_voice(fact) or shown_by_a_photo(fact, course) or outlying_version(fact):
        return False
    # "What office did Antony Blinken hold?": a post is learned for the main actors; of the others, what they did
    # or said is what their cards ask
    if role_kind(item.role) == "role" and fact.kind == "person" and fact.importance != "core":
        return False
    return len(front_text(item).split()) <= LONGEST_FRONT_WORDS and not recalls_nothing(item, fact, course) \
        and len(_listed(item.answer)) <= LONGEST_SET


def shown_by_a_photo(fact: Fact, course: Course) -> bool:
    """A fact known only from photo captions, or a detail that states what a photo showed ("a residential building
    in Stepanakert was struck", "Samantha Power visited an aid center in Kornidzor"): a moment, not a fact to drill."""
    return course.caption_only(fact) or (fact.importance == "detail" and course.caption_first(fact))


def outlying_version(fact: Fact) -> bool:
    """A figure kept as a detail because other facts contradict it (a text's slip beside its own counts): the
    reference records it beside the versions it disagrees with; a card would drill it alone, as if settled."""
    return fact.kind == "figure" and fact.importance == "detail" and bool(fact.conflicts_with)


def is_the_setting(fact: Fact, course: Course) -> bool:
    """A place the whole course stands in ("Armenia, whose capital is […], is the neighbouring country …"): its own
    cards ask an atlas; what happened there is asked by the facts of what happened."""
    return fact.kind == "place" and normalise(fact.name) in course.subject | course.common


def passing_voice(fact: Fact) -> bool:
    """A commentator or body the fact base keeps as a detail ("Who was Emil Mustafayev?", "The […] is the affiliation
    of Stefan Meister"): a student meets them on the cards of what they said, not learned by name and post."""
    return fact.importance == "detail" and fact.kind in ("person", "organization")


def recalls_nothing(item: Item, fact: Fact, course: Course) -> bool:
    """A card whose answer a student gives without knowing the fact."""
    kind = role_kind(item.role)
    if kind in _VOICE_ROLES and _voice_recalls_nothing(item, fact, course):
        return True
    # "On what date did the authorities say …?" answered by the day the text that reports it appeared
    if kind == "date" and dated_by_publication(fact, course.published, ATTRIBUTED_STATUSES):
        return True
    # "In which region is Askaran?" "Nagorno-Karabakh"; "Who called the offensive an anti-terrorist operation?"
    # "Azerbaijan": the course's common names answer by habit, and most fronts print them ("Artsakh (Nagorno-
    # Karabakh)" teaches the side's name on every card that glosses it)
    if normalise(item.answer) in course.subject or normalise(item.answer) in course.common:
        return True
    # "Which two countries exchanged blame?" "Armenia and Azerbaijan": the main parties, named on every other card
    parts = _listed(normalise(item.answer))
    if len(parts) > 1 and all(part in course.common for part in parts):
        return True
    # "Which organization wrote the guide …?" "Azad Archives": every attributed card prints the texts' names
    if any(part in course.publishers for part in parts):
        return True
    # "[…] is the capital of Armenia, where …": the atlas question as a blank, the named thing opening its own
    # definition ("[…] stayed in orbit aboard Columbia" tells what someone did: that is taught)
    if item.type == "cloze" and item.cloze is not None and not item.cloze[0].strip() and item.answer == fact.name \
            and fact.kind in ("place", "person", "organization") and re.match(r"\s+(?:is|was)\s", item.cloze[2]):
        return True
    # "What is the capital of Armenia?": an atlas's fact, not what the texts teach (the bank's rule too); what an
    # acronym stands for is a flashcard's own business ("What does NASA stand for?")
    return kind != "acronym" and bare_identification(item.role, item.prompt)


def _voice_recalls_nothing(item: Item, fact: Fact, course: Course) -> bool:
    """"Who said …?" or "Which text says …?" answered by habit, not by knowing whose voice it is."""
    parts = _listed(item.answer)
    if any(course.names_a_text(part) for part in parts):
        # "which text says …?" on a card reviewed for weeks: the claim sits on the front untested, and its tone
        # names the text (six readers in three audits). The card asks the claim with its text named instead, a
        # blank of its ``key_term``; a quiz and the bank still ask which text gives a disputed version
        return True
    first = next(iter(item.answer.split()), "")
    if first in ("a", "an") or (first.islower() and first != "the"):
        return True  # "a resident of Nagorno-Karabakh", "senior U.S. officials", "reports cited by …": no one to recall
    # "Whose statement said that Armenia must …?" "the government of Armenia": the front names the speaker
    named = set(content_words(item.answer)) - _TITLES
    # "Which government announced plans to 'reintegrate' Nagorno-Karabakh?" "the government of Azerbaijan": a main
    # party's voice is guessed as readily as named
    return bool(named) and (named <= set(words(item.prompt)) or named <= course.common)


# "the government of Armenia" is Armenia's voice: these words say what kind of voice, not whose
_TITLES = frozenset({"government", "authorities", "officials", "official", "leaders", "leader", "ministry",
                     "service", "security", "body", "office", "spokesman", "spokesperson", "president", "forces"})


def rank(item: Item, importance: Mapping[str, str]) -> int:
    """Where a card's fact stands, most important first (a fact of no known importance last)."""
    return IMPORTANCE_RANK.get(importance.get(item.fact_ids[0], ""), len(IMPORTANCE_RANK))


def _listed(answer: str) -> list[str]:
    """The things an answer lists ("United States, France and Russia"), or the answer alone."""
    return [part for part in LIST_SEPARATOR.split(answer) if part]


def tokens(text: str) -> tuple[str, ...]:
    """A text's words as a whole-word match reads them: "'genocide by attrition'" holds "genocide", "Russia's treaty"
    holds "Russia"."""
    return tuple(_TOKEN.findall(normalise(text)))


def runs_in(found: Sequence[str], wanted: Collection[tuple[str, ...]], lengths: Sequence[int]) -> set[tuple[str, ...]]:
    """The runs of ``found`` (a text's ``tokens``) that are ``wanted``, read at each of the ``lengths`` they come in:
    a front is read once, however many answers are looked for in it."""
    return {run for at in range(len(found)) for length in lengths if at + length <= len(found)
            for run in [tuple(found[at:at + length])] if run in wanted}


_TOKEN = re.compile(r"\w+")
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]+")
LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")  # "United States, France and Russia"; not "1,500,000"


def worth_first(items: Sequence[Item]) -> list[Item]:
    """A fact's cards of one kind, the fact's content before whose voice it is (a stable sort: otherwise the engine's
    order, a teacher's question first)."""
    return sorted(items, key=lambda item: role_kind(item.role) in _VOICE_ROLES)


def without_echoes(items: Sequence[Item]) -> list[Item]:
    """A note's cards, each kept only where no kept card prints its answer and it prints none of theirs: siblings
    come on different days, and a card answered by yesterday's front is read, not recalled. First come, first kept."""
    kept: list[Item] = []
    for item in items:
        front = normalise(front_text(item))
        if any(phrase_in(front, answer) for other in kept for answer in answer_texts(other)):
            continue
        if any(phrase_in(normalise(front_text(other)), answer) for other in kept for answer in answer_texts(item)):
            continue
        kept.append(item)
    return kept


def refrains(items: Sequence[Item], importance: Mapping[str, str], names_a_text: Callable[[str], bool]) -> set[int]:
    """The ``id`` of each card whose answer more than ``REFRAIN_LIMIT`` cards of other facts give: "Lachin corridor"
    five times over is answered from habit. The cards of the most important facts keep the answer (then the first
    in the deck's order); the rest are the refrain. "Which text claims …?" is no refrain: a base of four texts
    answers each of them often, and which voice makes a claim is the lesson."""
    by_answer: dict[str, list[tuple[int, int, Item]]] = {}
    for order, item in enumerate(items):
        if names_a_text(item.answer):
            continue
        by_answer.setdefault(normalise(item.answer), []).append((rank(item, importance), order, item))
    return {id(item) for sharing in by_answer.values() if len(sharing) > REFRAIN_LIMIT
            for _, _, item in sorted(sharing, key=lambda entry: entry[:2])[REFRAIN_LIMIT:]}


def dates_printed_everywhere(items: Sequence[Item], notes_of: Sequence[str]) -> set[int]:
    """The ``id`` of each card whose answer is a date or a number that more than ``PRINTED_ELSEWHERE`` other notes'
    fronts print: "In what month and year did the exodus happen?" "September 2023", on the front of a dozen cards
    about the offensive, is read there every day. A name is left alone: "Azerbaijan" on every front is the subject
    of the course, and what a question asks of it is the lesson. ``notes_of`` gives each item's note key."""
    fronts = _Fronts(items, notes_of, lambda item: any(c.isdigit() for c in item.answer))
    return {id(item) for index, item in enumerate(items)
            if fronts.key_of[index] is not None and fronts.notes_printing(index) > PRINTED_ELSEWHERE}


def clozes_printing_answers(items: Sequence[Item], notes_of: Sequence[str]) -> set[int]:
    """The ``id`` of each cloze whose sentence prints another note's answer of several words, or its date: a cloze
    shows a whole sentence ("The three […] co-chairs, the United States, France and Russia, …" beside "Which three
    countries co-chair …?"), and a question's card keeps its answer."""
    fronts = _Fronts(items, notes_of, lambda item: item.type != "cloze" and (
        len(words(item.answer)) > 1 or any(c.isdigit() for c in item.answer)))
    return {id(item) for index, item in enumerate(items)
            if item.type == "cloze" and any(fronts.answered_elsewhere(key, notes_of[index])
                                            for key in fronts.printed_by[index])}


def giveaways(items: Sequence[Item], notes_of: Sequence[str], importance: Mapping[str, str],
              common: Collection[str]) -> set[int]:
    """The ``id`` of each card that a kept card of another note gives away, or that gives away a kept card's answer:
    "Who put Artsakh into Soviet Azerbaijan in 1923?" beside "In what year did the Soviet Union establish the
    oblast?". Cards are kept most important first (then in the deck's order), so the one a teacher would keep
    stays; of two core cards, one giving the other away, the first stays, and a core card stays beside any less
    important one. The course's common names ("Azerbaijan", "Armenia") are printed on every front and give nothing
    away. Kept answers and the answers kept fronts print are held by answer, so each card is checked once."""
    fronts = _Fronts(items, notes_of, lambda item: normalise(item.answer) not in common)
    order = sorted(range(len(items)), key=lambda index: (rank(items[index], importance), index))
    # for each answer, the notes of the kept cards that give it and of the kept fronts that print it; core apart
    kept_answers: dict[bool, dict[tuple[str, ...], set[str]]] = {True: {}, False: {}}
    kept_printed: dict[bool, dict[tuple[str, ...], set[str]]] = {True: {}, False: {}}
    dropped: set[int] = set()
    for index in order:
        note, key, is_core = notes_of[index], fronts.key_of[index], importance.get(items[index].fact_ids[0]) == "core"

        def clash(core_only: bool, note: str = note, key: tuple[str, ...] | None = key, index: int = index) -> bool:
            levels = (True,) if core_only else (True, False)
            given = key is not None and any(kept_printed[level].get(key, set()) - {note} for level in levels)
            gives = any(kept_answers[level].get(printed, set()) - {note} for printed in fronts.printed_by[index]
                        for level in levels)
            return given or gives

        if clash(core_only=is_core):
            dropped.add(id(items[index]))
            continue
        if key is not None:
            kept_answers[is_core].setdefault(key, set()).add(note)
        for printed in fronts.printed_by[index]:
            kept_printed[is_core].setdefault(printed, set()).add(note)
    return dropped


_NOTHING: frozenset[tuple[str, ...]] = frozenset()


class _Fronts:
    """Which asked answers each card's front prints, by answer (the words of it): a deck of any size is read once,
    each front by the runs of its words as long as an answer asked, and a shared answer ("2020") is one entry, not
    one per card that gives it."""

    def __init__(self, items: Sequence[Item], notes_of: Sequence[str], asked: Callable[[Item], bool]) -> None:
        self._notes_of = notes_of
        self.key_of: list[tuple[str, ...] | None] = [tokens(item.answer) or None if asked(item) else None
                                                     for item in items]
        self._answering: dict[tuple[str, ...], set[str]] = {}  # each answer's notes
        for key, note in zip(self.key_of, notes_of, strict=True):
            if key is not None:
                self._answering.setdefault(key, set()).add(note)
        lengths = sorted({len(key) for key in self._answering})
        self.printed_by: list[frozenset[tuple[str, ...]]] = []  # the answers each front prints
        self._printers: dict[tuple[str, ...], set[str]] = {}  # the notes whose fronts print each answer
        for item, note in zip(items, notes_of, strict=True):
            printed = runs_in(tokens(front_text(item)), self._answering, lengths)
            self.printed_by.append(frozenset(printed) if printed else _NOTHING)  # most fronts print none: one shared
            for run in printed:
                self._printers.setdefault(run, set()).add(note)

    def notes_printing(self, index: int) -> int:
        """How many other notes' fronts print item ``index``'s answer."""
        key = self.key_of[index]
        printers = self._printers.get(key, set()) if key is not None else set()
        return len(printers) - (self._notes_of[index] in printers)

    def answered_elsewhere(self, key: tuple[str, ...], note: str) -> bool:
        """Whether a card of another note gives this answer."""
        return bool(self._answering.get(key, set()) - {note})


def versions_asked_once(items: Sequence[Item], importance: Mapping[str, str], facts: Mapping[str, Fact]) -> set[int]:
    """The ``id`` of each figure card whose quantity another kept card asks in another text's version: "how long
    did the war last?" as 44 days (the guide) and as 6 weeks (the tracker), linked by ``conflicts_with``. The most
    important version's card stays (then the first in the deck's order); the others are read in the full
    reference, beside it."""
    figures = [(rank(item, importance), order, item) for order, item in enumerate(items)
               if role_kind(item.role) in ("value", "duration")]
    asked: set[str] = set()  # the facts whose version is kept
    dropped: set[int] = set()
    for _, _, item in sorted(figures, key=lambda entry: entry[:2]):
        fact = facts[item.fact_ids[0]]
        if asked & set(fact.conflicts_with):
            dropped.add(id(item))
        else:
            asked.add(fact.id)
    return dropped


def passage_repeats(items: Sequence[Item], importance: Mapping[str, str], facts: Mapping[str, Fact]) -> set[int]:
    """The ``id`` of each card that asks again of a passage another card's fact rests on: three sites cut from one
    sentence's list, two tallies from one ministry's sentence, "Sumgait" beside "Sumgait and Baku", a cloze of a
    sentence another card asks of. The card of the most important fact (then the first in the deck's order) stays;
    questions of facts that matter more are each worth their card, though one sentence holds several (a deal's date,
    its broker, its corridor)."""
    by_passage: dict[tuple[str, int, int], list[tuple[int, int, Item]]] = {}
    for order, item in enumerate(items):
        citation = facts[item.fact_ids[0]].citations[0]  # a fact's first citation is what it states
        by_passage.setdefault((citation.source, citation.start, citation.end), []).append(
            (rank(item, importance), order, item))
    repeated: set[int] = set()
    for sharing in by_passage.values():
        if len(sharing) < 2:
            continue
        sharing.sort(key=lambda entry: entry[:2])
        first_fact = sharing[0][2].fact_ids[0]
        answered: set[str] = set()  # the words of the answers kept so far in this passage
        for _, _, item in sharing:
            own = {name.lower() for name in _NAME_WORD.findall(item.answer)}
            # a detail; a cloze, which prints the rest of the sentence; an answer that shares a name with one kept
            # ("Sumgait" beside "Sumgait and Baku"; "more than 70,000 people" beside "70,500 people" shares none)
            if item.fact_ids[0] != first_fact and (importance.get(item.fact_ids[0]) == "detail"
                                                   or item.type == "cloze" or own & answered):
                repeated.add(id(item))
            else:
                answered |= own
    return repeated


def shown_choices(item: Item) -> tuple[str, ...]:
    """What a card shows to choose from before it is answered (options, things to match or order)."""
    if item.type == "matching":
        rights = sorted([right for _, right in item.pairs] + list(item.extra_options))
        return tuple(left for left, _ in item.pairs) + tuple(rights)
    if item.type == "true-false":
        return ()  # "True" and "False" need no list
    return item.options


def front_text(item: Item) -> str:
    """All a card shows before it is answered, as plain text."""
    return " ".join((item.prompt, *shown_choices(item)))


def answer_texts(item: Item) -> tuple[str, ...]:
    """What a card's answer says, in each form a learner would recognise."""
    if item.type in ("matching", "ordering"):
        return tuple(f"{left} — {right}" for left, right in item.pairs)
    if item.type == "true-false":
        return (item.correction,) if item.correction else ()
    return (item.answer, *item.alternatives)
