"""Writing a planned deck as an Anki package, with genanki.

The deck plan decides what the deck holds (``quizgen.deck_plan``); this module only
writes it: one note of the "quizgen Fact" note type per planned note, its cards in
chronological order, and only the cards of the kinds the deck wants.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import genanki

from quizgen.atomic import write_with
from quizgen.deck_plan import SLOTS, DeckPlan, PlannedNote
from quizgen.gc_pause import collector_paused
from quizgen.render.anki_fields import note_fields
from quizgen.render.anki_notetype import fact_model
from quizgen.render.card_text import card_text

# Zip entries carry a date; a fixed one keeps two builds of the same inputs byte-identical.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ZIP_LEVEL = 3
_T = TypeVar("_T")


@dataclass(frozen=True)
class DeckSpec:
    name: str  # "::" makes sub-decks, as in Anki
    deck_id: int
    description: str = ""


@dataclass(slots=True)
class NoteRecord:
    """A note as the deck's manifest lists it."""

    guid: str
    key: str
    fact_ids: tuple[str, ...]


@dataclass
class AnkiBuild:
    path: Path
    deck: DeckSpec
    notes: list[NoteRecord] = field(default_factory=list)
    cards: int = 0


def anki_notes(plan: DeckPlan, model: genanki.Model) -> Iterator[tuple[PlannedNote, genanki.Note]]:
    """The notes one at a time, so a large deck is written without holding them all."""
    for due, planned in enumerate(plan.notes):
        note = genanki.Note(model=model, fields=note_fields(planned), guid=planned.guid, tags=list(planned.tags),
                            due=due)
        # a card of a kind the deck does not want is left out: another deck holding the note may
        # bring it, and Anki adds it then (see README: what an import keeps)
        note.cards = [card for card in note.cards if plan.holds(planned.cards[SLOTS[card.ord].name])]
        yield planned, note


_NOTES_PER_BATCH = 1000


def _batched(notes: Iterator[_T]) -> Iterator[tuple[_T, ...]]:
    """Batches of notes, as ``itertools.batched`` (Python 3.12) makes them."""
    while batch := tuple(itertools.islice(notes, _NOTES_PER_BATCH)):
        yield batch


def _write_notes(cursor: sqlite3.Cursor, notes: list[genanki.Note], timestamp: float, deck_id: int,
                 ids: Iterator[int]) -> None:
    """The rows genanki's ``Note.write_to_db`` writes for each note, one statement per batch of notes, not per note.

    Ids are drawn from the same counter in the same order (a note, then its cards), so the
    collection holds the very rows genanki's note-by-note writing would.
    """
    note_rows, card_rows = [], []
    stamp = int(timestamp)
    for note in notes:
        note._check_number_model_fields_matches_num_fields()  # genanki's own checks, as it makes them
        note._check_invalid_html_tags_in_fields()
        note_id = next(ids)
        note_rows.append((note_id, note.guid, note.model.model_id, stamp, -1, note._format_tags(),
                          note._format_fields(), note.sort_field, 0, 0, ""))
        card_rows += [(next(ids), note_id, deck_id, card.ord, stamp, -1, 0, -1 if card.suspend else 0, note.due,
                       0, 0, 0, 0, 0, 0, 0, 0, "") for card in note.cards]
    cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);", note_rows)
    cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);", card_rows)


def deck_description(spec: DeckSpec, plan: DeckPlan) -> str:
    labels = sorted({passage.source_label for note in plan.notes for item in note.cards.values()
                     for passage in item.passages})
    sources = "".join(f"<li>{card_text(label)}</li>" for label in labels)
    intro = f"<p>{card_text(spec.description)}</p>" if spec.description else ""
    return (f"{intro}<p>Built by quizgen from a vetted fact base. The back of every card shows the sentence "
            f"it rests on, from these sources:</p><ul>{sources}</ul>")


def write_apkg(plan: DeckPlan, spec: DeckSpec, path: Path | str, timestamp: float) -> AnkiBuild:
    """Write the deck to ``path`` atomically; ``timestamp`` stamps notes (Anki updates only newer notes)."""
    model = fact_model()
    deck = genanki.Deck(spec.deck_id, spec.name, deck_description(spec, plan))
    deck.add_model(model)
    result = AnkiBuild(Path(path), spec)
    notes = anki_notes(plan, model)
    with collector_paused():
        write_with(path, lambda temp: _write_package(genanki.Package(deck), notes, temp, timestamp, result))
    return result


def _write_package(package: genanki.Package, notes: Iterator[tuple[PlannedNote, genanki.Note]], target: Path,
                   timestamp: float, result: AnkiBuild) -> None:
    """genanki's write_to_file, streaming the notes, with a fixed zip date and no stray temporary file.

    The package's deck holds the note types but no notes: genanki writes the collection,
    the deck and the models, then each note is written as it is made, drawing its ids
    from the same counter in the same order as genanki would.
    """
    (deck,) = package.decks
    with tempfile.TemporaryDirectory(prefix="quizgen-anki-") as folder:
        database = os.path.join(folder, "collection.anki2")
        connection = sqlite3.connect(database)
        try:
            cursor = connection.cursor()
            ids = itertools.count(int(timestamp * 1000))
            package.write_to_db(cursor, timestamp, ids)
            for batch in _batched(notes):
                _write_notes(cursor, [note for _, note in batch], timestamp, deck.deck_id, ids)
                for planned, note in batch:
                    result.notes.append(NoteRecord(note.guid, planned.key, planned.fact_ids))
                    result.cards += len(note.cards)
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            entry = zipfile.ZipInfo("collection.anki2", date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            # level 3: a 100 MB collection packs in half the time of the default level 6, 7% larger
            # (zipfile reads the level from the entry; Python 3.13 renames the attribute, keeping this alias)
            entry._compresslevel = _ZIP_LEVEL  # type: ignore[attr-defined]
            entry.file_size = os.path.getsize(database)  # lets zipfile choose ZIP64 for a huge deck
            # copied in chunks: a large collection is never held in memory whole
            with open(database, "rb") as collection, archive.open(entry, "w") as packed:
                shutil.copyfileobj(collection, packed, 1 << 20)
            media = zipfile.ZipInfo("media", date_time=_ZIP_DATE)
            archive.writestr(media, "{}")
