"""What an Anki deck holds: one note per fact, with its cards in fixed slots, and a note per item about several facts.

A note is the same in every deck that holds it, so decks that overlap never fight over
it: its cards are made from the whole fact base with one seed, whatever the deck
selects, and a deck only chooses which notes it holds and which kinds of card it
brings (Anki adds a note's other cards when another deck brings them). A note's identity is its fact base's namespace
and its key: the fact id for a fact's note, the item's type, role and fact ids for a
note about several facts. Never a deck, a file name or a wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import genanki

from quizgen.answered_by_pattern import answered_by_pattern
from quizgen.card_worth import (
    Course,
    answer_texts,
    clozes_printing_answers,
    dates_printed_everywhere,
    front_text,
    giveaways,
    passage_repeats,
    refrains,
    versions_asked_once,
    without_echoes,
    worth_a_card,
    worth_first,
)
from quizgen.errors import Problem, QuizgenError
from quizgen.factbase import FactBase
from quizgen.gc_pause import long_lived_objects
from quizgen.items import ITEM_TYPES, Item, ItemType
from quizgen.items.captions import caption_first, caption_only
from quizgen.items.claimants import calls_a_text, initials, text_vocabulary
from quizgen.items.engine import build_items, names_a_minor_voice, without_repeats, without_shown_names
from quizgen.items.siblings import distinct
from quizgen.model import Fact, PersonFact
from quizgen.parts_elsewhere import learnt_in_parts
from quizgen.phrases import normalise, phrase_in

# Cards are made with one seed for every deck: a note must not change with the deck it is built into.
NOTE_SEED = 0


@dataclass(frozen=True)
class Slot:
    """A card of a fact's note: the ``index``-th item of ``kind`` about the fact (in the engine's order)."""

    name: str
    kind: ItemType
    index: int = 0


# The card kinds of a fact's note, in the note type's order. Append only: a slot's place
# is its card's template number in every student's collection.
SLOTS: tuple[Slot, ...] = (
    Slot("Question 1", "qa", 0), Slot("Question 2", "qa", 1), Slot("Question 3", "qa", 2),
    Slot("Cloze", "cloze"),
    Slot("Choice 1", "mcq", 0), Slot("Choice 2", "mcq", 1),
    Slot("True or false", "true-false"),
)
# an item about several facts is a note of its own, with this one card
MULTI_FACT_SLOT = SLOTS[0]
CARD_KINDS: tuple[ItemType, ...] = tuple(dict.fromkeys(slot.kind for slot in SLOTS))
FLASHCARD_KINDS: tuple[ItemType, ...] = ("qa", "cloze")
TEST_KINDS: tuple[ItemType, ...] = ("mcq", "true-false")


@dataclass(frozen=True)
class PlannedNote:
    key: str  # the fact id, or "type:role:id+id" for an item about several facts
    guid: str
    fact_ids: tuple[str, ...]
    label: str  # what the browser lists the note by: the fact's name
    cards: dict[str, Item]  # slot name → item
    tags: tuple[str, ...]
    sort_key: str  # chronological position: new cards come in time order

    @property
    def multi_fact(self) -> bool:
        return len(self.fact_ids) > 1


@dataclass(frozen=True)
class DeckPlan:
    notes: list[PlannedNote]
    kinds: frozenset[ItemType]  # the card kinds the deck holds: a note's other cards stay out of it

    def holds(self, item: Item) -> bool:
        return item.type in self.kinds

    def cards(self, note: PlannedNote) -> list[Item]:
        return [item for item in note.cards.values() if self.holds(item)]


def note_guid(namespace: str, key: str) -> str:
    """A note's GUID: from the fact base's namespace and the note's key, nothing else."""
    return str(genanki.guid_for(namespace, key))


def multi_fact_key(item: Item) -> str:
    return f"{item.type}:{item.role}:" + "+".join(sorted(item.fact_ids))


class NoteBook:
    """Every note a fact base gives, made once and shared by every deck built from it."""

    def __init__(self, factbase: FactBase) -> None:
        self.factbase = factbase
        self.namespace = factbase.document.namespace

    @cached_property
    def _text_words(self) -> list[frozenset[str]]:
        return [text_vocabulary(source) for source in self.factbase.sources.values()]

    def _names_a_text(self, answer: str) -> bool:
        """"the Azad Archives guide": one of the fact base's texts, by its genre and its words."""
        return any(calls_a_text(answer, words) for words in self._text_words)

    @cached_property
    def notes(self) -> dict[str, PlannedNote]:
        with long_lived_objects():  # a large base's notes, made once, live on through every deck built from them
            return self._planned_notes()

    def _planned_notes(self) -> dict[str, PlannedNote]:
        built = build_items(self.factbase, self.factbase.facts, ITEM_TYPES, NOTE_SEED)
        made, subject, common = built.items, built.subject, built.common
        del built  # its questions and rejections: a large base's memory, needed by lint, not by a deck
        by_id = self.factbase.by_id
        standing = {fact.name: fact.importance for fact in self.factbase.facts if isinstance(fact, PersonFact)}
        texts = {source: self.factbase.text_of(source) for source in self.factbase.sources}
        course = Course(subject, common, self._names_a_text, lambda fact: caption_only(fact, texts),
                        lambda fact: caption_first(fact, texts),
                        {source.id: source.published for source in self.factbase.sources.values()},
                        _publishers(self.factbase))
        # a card that teaches nothing is no card; the fact's statement may stand in for its question. "Which analyst
        # said …?" of a commentator kept as a detail asks a name no course teaches, as the bank leaves it out
        items = [item for item in made if len(item.fact_ids) > 1
                 or (worth_a_card(item, by_id[item.fact_ids[0]], course)
                     and not names_a_minor_voice(item, self.factbase, standing))]
        # within each kind of card a question is asked once, a statement only where no question is: the flashcards
        # (a question, else its cloze) and the test cards (a choice, else true or false) each hold a fact once
        items = distinct(distinct(items, FLASHCARD_KINDS), TEST_KINDS)
        by_fact: dict[str, dict[ItemType, list[Item]]] = {}
        multi: list[Item] = []
        for item in items:
            if len(item.fact_ids) > 1:
                multi.append(item)
            elif item.type in CARD_KINDS:
                by_fact.setdefault(item.fact_ids[0], {}).setdefault(item.type, []).append(item)
        notes: dict[str, PlannedNote] = {}
        for fact in self.factbase.facts:
            kinds = _echoes_left_out(by_fact.get(fact.id, {}))
            cards = {slot.name: kinds[slot.kind][slot.index] for slot in SLOTS
                     if slot.index < len(kinds.get(slot.kind, ()))}
            if cards:
                notes[fact.id] = self._note(fact.id, (fact.id,), fact.name, cards, _tags([fact]),
                                            next(iter(cards.values())).sort_key)
        multi_of: dict[str, list[PlannedNote]] = {}  # fact id → the notes about several facts that include it
        for item in sorted(multi, key=multi_fact_key):
            facts = [self.factbase.by_id[fact_id] for fact_id in item.fact_ids]
            # checked both ways, and against other notes about several facts too: an ordering that lists an
            # event would answer a "which happened first?" that answers with it
            # (the same comparison asked in another form is a sibling, not a giveaway)
            own = set(item.fact_ids)
            sharing = list({id(note): note for fact_id in item.fact_ids for note in multi_of.get(fact_id, ())
                            if set(note.fact_ids) != own}.values())
            related = [notes[f.id] for f in facts if f.id in notes] + sharing
            if _gives_away(item, related) or any(_gives_away(card, [_single_card_note(item)])
                                                 for note in related for card in note.cards.values()):
                continue
            label = "; ".join(f.name for f in facts)
            key = multi_fact_key(item)
            notes[key] = self._note(key, tuple(item.fact_ids), label, {MULTI_FACT_SLOT.name: item},
                                    (*_tags(facts), f"type::{item.type}"), item.sort_key)
            for fact_id in item.fact_ids:
                multi_of.setdefault(fact_id, []).append(notes[key])
        return self._without_asked_twice(_without_repeated_fronts(notes), common)

    def _without_asked_twice(self, notes: dict[str, PlannedNote], common: frozenset[str]) -> dict[str, PlannedNote]:
        """The notes with no flashcard that the deck, read as a whole, asks twice:
        - an answer too many other cards give (``refrains``);
        - a detail cut from a passage another card's fact rests on (``passage_repeats``);
        - a quantity another card asks in another text's version (``versions_asked_once``);
        - a date or number that many other fronts print (``dates_printed_everywhere``), a cloze whose sentence
          prints another card's answer (``clozes_printing_answers``), and any card another card gives away or
          that gives another's away (``giveaways``);
        - one question asked again in other words (``without_repeats``, the bank's rule);
        - a post or name another card prints (``without_shown_names``, the bank's rule: "What office did Charles
          Michel hold?" beside "Which President of the European Council …?").
        - last, a set or span whose every piece the cards left print or answer (``learnt_in_parts``), and a
          question another card asks in the same opening words with the same answer (``answered_by_pattern``).
        The most important fact's card stays; a note left with no card leaves the deck."""
        flashcards = [item for note in notes.values() for item in note.cards.values() if item.type in FLASHCARD_KINDS]
        importance = {fact.id: fact.importance for fact in self.factbase.facts}
        dropped = refrains(flashcards, importance, self._names_a_text)
        dropped |= passage_repeats(flashcards, importance, self.factbase.by_id)
        dropped |= versions_asked_once(flashcards, importance, self.factbase.by_id)
        owners = {id(item): note.key for note in notes.values() for item in note.cards.values()}
        notes_of = [owners[id(item)] for item in flashcards]
        dropped |= dates_printed_everywhere(flashcards, notes_of) | clozes_printing_answers(flashcards, notes_of)

        def left() -> tuple[list[Item], list[str]]:
            """The cards no rule has dropped yet, and their notes."""
            kept = [(item, note) for item, note in zip(flashcards, notes_of, strict=True) if id(item) not in dropped]
            return [item for item, _ in kept], [note for _, note in kept]

        dropped |= giveaways(*left(), importance, common)
        kept_ids = {id(item) for item in without_shown_names(without_repeats(left()[0], importance))}
        dropped |= {id(item) for item in flashcards if id(item) not in kept_ids}
        dropped |= learnt_in_parts(*left(), importance, common)
        dropped |= answered_by_pattern(*left(), importance)
        kept: dict[str, PlannedNote] = {}
        for key, note in notes.items():
            if not any(id(item) in dropped for item in note.cards.values()):
                kept[key] = note  # most notes lose nothing: not made again (a large base's memory)
                continue
            cards = {slot: item for slot, item in note.cards.items() if id(item) not in dropped}
            if cards:
                kept[key] = PlannedNote(note.key, note.guid, note.fact_ids, note.label, cards, note.tags, note.sort_key)
        return kept

    def _note(self, key: str, fact_ids: tuple[str, ...], label: str, cards: dict[str, Item],
              tags: Iterable[str], sort_key: str) -> PlannedNote:
        return PlannedNote(key, note_guid(self.namespace, key), fact_ids, label, cards, tuple(sorted(set(tags))),
                           sort_key)

    def plan(self, facts: Sequence[Fact], kinds: Iterable[ItemType]) -> DeckPlan:
        """The notes of the selected facts with a card of a wanted kind, and the wanted items about several facts."""
        wanted = frozenset(kinds)
        unknown = wanted - set(ITEM_TYPES)
        if unknown:
            raise QuizgenError(Problem(str(self.factbase.path), None, "types",
                                       f"unknown item types: {', '.join(sorted(unknown))}"))
        chosen = {fact.id for fact in facts}
        notes = [note for note in self.notes.values()
                 if set(note.fact_ids) <= chosen and any(item.type in wanted for item in note.cards.values())]
        if not notes:
            raise QuizgenError(Problem(str(self.factbase.path), None, "types",
                                       f"the selected facts yield no card of type {', '.join(sorted(wanted))}"))
        notes.sort(key=lambda note: (note.sort_key, note.key))
        return DeckPlan(notes, wanted)


def _echoes_left_out(kinds: dict[ItemType, list[Item]]) -> dict[ItemType, list[Item]]:
    """A fact's cards by kind, its content asked before whose voice it is, and no card whose answer a sibling prints
    (among the flashcards, and among the choices; a true-or-false statement shows every answer by design)."""
    ordered = {kind: worth_first(found) for kind, found in kinds.items()}
    kept = {id(item) for family in (FLASHCARD_KINDS, ("mcq",))
            for item in without_echoes([item for kind in family for item in ordered.get(kind, ())])}
    return {kind: [item for item in found if kind == "true-false" or id(item) in kept]
            for kind, found in ordered.items()}


def _publishers(factbase: FactBase) -> frozenset[str]:
    """Who published the texts, as a card may name them: "Azad Archives", "Council on Foreign Relations", "CFR",
    "Al Jazeera" (a publisher's parenthesis and its parts after a comma are left off)."""
    names: set[str] = set()
    for source in factbase.sources.values():
        name = re.sub(r"\s*\([^)]*\)", "", source.publisher).split(",")[0].strip()
        short = initials(name)
        names |= {normalise(name), *([short] if len(short) >= 3 else [])}  # "CFR", not "AA"
    return frozenset(names)


def _tags(facts: Sequence[Fact]) -> set[str]:
    tags: set[str] = set()
    for fact in facts:
        tags |= {*fact.tags, f"kind::{fact.kind}", f"status::{fact.status}"}
        tags |= {f"source::{citation.source}" for citation in fact.citations}
    return tags


def _single_card_note(item: Item) -> PlannedNote:
    """An item as a note of its own, to check other notes' fronts against its answers."""
    return PlannedNote(multi_fact_key(item), "", item.fact_ids, "", {MULTI_FACT_SLOT.name: item}, (), item.sort_key)


def _gives_away(item: Item, fact_notes: Sequence[PlannedNote]) -> bool:
    """The item's front shows an answer of a card on its facts' own notes (a date to match, say)."""
    front = normalise(front_text(item))
    return any(phrase_in(front, answer) for note in fact_notes for card in note.cards.values()
               for answer in answer_texts(card))


def _without_repeated_fronts(notes: dict[str, PlannedNote]) -> dict[str, PlannedNote]:
    """Two notes must never ask the same thing: a card whose front another note already shows is left out."""
    seen: set[str] = set()
    kept: dict[str, PlannedNote] = {}
    for key in sorted(notes):
        note = notes[key]
        cards = {}
        for slot, item in note.cards.items():
            front = normalise(front_text(item))
            if front not in seen:
                seen.add(front)
                cards[slot] = item
        if len(cards) == len(note.cards):
            kept[key] = note
        elif cards:
            kept[key] = PlannedNote(note.key, note.guid, note.fact_ids, note.label, cards, note.tags, note.sort_key)
    return kept
