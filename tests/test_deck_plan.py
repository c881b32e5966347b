"""The deck plan: note identity from the namespace and key only, the same notes whatever the deck selects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.deck_plan import SLOTS, NoteBook, front_text, note_guid
from quizgen.errors import QuizgenError
from quizgen.factbase import FactBase, load_factbase
from quizgen.model import DEFAULT_NAMESPACE
from quizgen.phrases import normalise


def test_guid_comes_from_the_namespace_and_the_key_only() -> None:
    assert note_guid("ns-a", "eagle-landing") == note_guid("ns-a", "eagle-landing")
    assert note_guid("ns-a", "eagle-landing") != note_guid("ns-b", "eagle-landing")


def test_a_fact_base_without_namespace_gets_the_default(apollo_copy: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    del doc["namespace"]
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    assert load_factbase(apollo_copy).document.namespace == DEFAULT_NAMESPACE


def test_a_namespace_with_spaces_is_refused(apollo_copy: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["namespace"] = "my fact base"
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(QuizgenError, match="namespace"):
        load_factbase(apollo_copy)


def test_one_note_per_fact_keyed_by_its_id(apollo: FactBase) -> None:
    notes = NoteBook(apollo).notes
    single = [note for note in notes.values() if not note.multi_fact]
    assert [note.fact_ids for note in single] == [(note.key,) for note in single]
    assert all(note.guid == note_guid(apollo.document.namespace, note.key) for note in notes.values())
    assert all(item.fact_ids == note.fact_ids for note in single for item in note.cards.values())
    assert {slot for note in notes.values() for slot in note.cards} <= {slot.name for slot in SLOTS}


def test_a_note_is_the_same_whatever_the_deck_selects(apollo: FactBase) -> None:
    book = NoteBook(apollo)
    everything = book.plan(apollo.facts, ["qa", "cloze", "mcq", "true-false", "ordering", "matching"])
    events = book.plan([f for f in apollo.facts if f.kind == "event"], ["qa"])
    whole = {note.key: note for note in everything.notes}
    assert events.notes and all(whole[note.key] == note for note in events.notes)
    assert all(item.type == "qa" for note in events.notes for item in events.cards(note))


def test_a_note_about_several_facts_comes_only_with_all_of_them(factbase: FactBase) -> None:
    book = NoteBook(factbase)
    multi = [note for note in book.notes.values() if note.multi_fact]
    if not multi:
        pytest.skip("this fact base yields no item about several facts")
    note = multi[0]
    kinds = [item.type for item in note.cards.values()]
    assert note in book.plan([factbase.by_id[fid] for fid in note.fact_ids], kinds).notes
    # all its facts but the first, and others that surely yield a card of their own
    others = [fact for fact in factbase.facts if fact.id not in note.fact_ids][:20]
    some = [factbase.by_id[fid] for fid in note.fact_ids[1:]] + others
    assert note not in book.plan(some, [*kinds, "qa"]).notes


def test_no_two_notes_ask_the_same_question(factbase: FactBase) -> None:
    fronts = [normalise(front_text(item)) for note in NoteBook(factbase).notes.values()
              for item in note.cards.values()]
    assert len(fronts) == len(set(fronts))


def test_a_selection_without_cards_of_the_wanted_kinds_is_an_error(apollo: FactBase) -> None:
    with pytest.raises(QuizgenError, match="no card of type"):
        NoteBook(apollo).plan(apollo.facts[:1], ["matching"])


def test_unknown_card_kinds_are_refused(apollo: FactBase) -> None:
    with pytest.raises(QuizgenError, match="unknown item types: essay"):
        NoteBook(apollo).plan(apollo.facts, ["essay"])  # type: ignore[list-item]

