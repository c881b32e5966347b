"""Which of a fact's items make a card worth a student's review: one whose answer is recalled, not read off.

The engine makes every form of every question (``every_form``); a quiz and the bank choose
among them with their own rules. A deck meets a student every day for weeks, card by card,
so its cards are held to this: the answer is not the course's own subject ("In which region
is Askaran?" "Nagorno-Karabakh"), not general knowledge about a place known only as a detail,
and not printed on the front of another card of the same note ("Who says that the vote was met
with violence in Sumgait and Baku?" beside "In which cities …?"). A second card that asks only
which text says what the first card's fact says is left out: the first card names the text
already ("According to the guide, …").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from quizgen.choices import IMPORTANCE_RANK
from quizgen.items import Item
from quizgen.items.roles import bare_identification
from quizgen.model import Fact
from quizgen.phrases import normalise, phrase_in

# the roles whose answer is the claimant or the text, not the fact's content
_VOICE_ROLES = frozenset({"who-said", "which-source"})
# how many cards of one kind may give one answer: three facts brokered by one country teach; five roads named
# "Lachin corridor" teach the name, not the facts
REFRAIN_LIMIT = 3


def worth_a_card(item: Item, fact: Fact, subject: Collection[str], names_a_text: Callable[[str], bool]) -> bool:
    """Whether a card of this item teaches: it is about something the course asks a student to know, and its answer
    is recalled, not guessed."""
    return not passing_voice(fact) and not recalls_nothing(item, fact, subject, names_a_text)


def passing_voice(fact: Fact) -> bool:
    """A commentator or body the fact base keeps as a detail ("Who was Emil Mustafayev?", "The […] is the affiliation
    of Stefan Meister"): a student meets them on the cards of what they said, not learned by name and post."""
    return fact.importance == "detail" and fact.kind in ("person", "organization")


def recalls_nothing(item: Item, fact: Fact, subject: Collection[str], names_a_text: Callable[[str], bool]) -> bool:
    """A card whose answer a student gives without knowing the fact."""
    kind = item.role.split(":", 1)[0]
    # "Which text reports that the separatists disarmed?" of a plain report: which page carried a sentence any of the
    # texts could have; of a claim, or of a report another text contradicts, whose voice it is is the lesson
    if kind in _VOICE_ROLES and item.status == "reported" and not fact.conflicts_with and names_a_text(item.answer):
        return True
    # "What name do Armenians use for Nagorno-Karabakh?" "Artsakh" asks one of the subject's names: that is taught
    if kind != "side-name" and normalise(item.answer) in subject:
        return True
    # "In which country is Vayk?" of a town a photo caption names: an atlas's fact, and the course's least
    return fact.importance == "detail" and bare_identification(item.role, item.prompt)


def worth_first(items: Sequence[Item]) -> list[Item]:
    """A fact's cards of one kind, the fact's content before whose voice it is (a stable sort: otherwise the engine's
    order, a teacher's question first)."""
    return sorted(items, key=lambda item: item.role.split(":", 1)[0] in _VOICE_ROLES)


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
        rank = IMPORTANCE_RANK.get(importance.get(item.fact_ids[0], ""), len(IMPORTANCE_RANK))
        by_answer.setdefault(normalise(item.answer), []).append((rank, order, item))
    return {id(item) for sharing in by_answer.values() if len(sharing) > REFRAIN_LIMIT
            for _, _, item in sorted(sharing, key=lambda entry: entry[:2])[REFRAIN_LIMIT:]}


def passage_repeats(items: Sequence[Item], importance: Mapping[str, str], facts: Mapping[str, Fact]) -> set[int]:
    """The ``id`` of each card of a detail whose fact rests on the very passage another card's fact rests on: three
    sites cut from one sentence's list, two tallies from one ministry's sentence, are one thing to learn. The card of
    the most important fact (then the first in the deck's order) stays; facts that matter more are each worth their
    card, though one sentence holds several (a deal's date, its broker, its corridor)."""
    by_passage: dict[tuple[str, int, int], list[tuple[int, int, Item]]] = {}
    for order, item in enumerate(items):
        citation = facts[item.fact_ids[0]].citations[0]  # a fact's first citation is what it states
        rank = IMPORTANCE_RANK.get(importance.get(item.fact_ids[0], ""), len(IMPORTANCE_RANK))
        by_passage.setdefault((citation.source, citation.start, citation.end), []).append((rank, order, item))
    repeated: set[int] = set()
    for sharing in by_passage.values():
        first_fact = min(sharing, key=lambda entry: entry[:2])[2].fact_ids[0]
        repeated |= {id(item) for _, _, item in sharing
                     if item.fact_ids[0] != first_fact and importance.get(item.fact_ids[0]) == "detail"}
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
