"""Anki decks from items, with genanki.

Identity is what keeps a student's review history: the note types and decks have
fixed ids, and each note's GUID is derived from its deck and its item id (type, role,
fact id), never from its text. Rebuilding after a fact's wording changes therefore
updates the same notes in place when the deck is imported again.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import genanki

from quizgen.atomic import write_with
from quizgen.factbase import FactBase
from quizgen.items import Item
from quizgen.render.passages import passage_html
from quizgen.templates import read_template

# Fixed forever: changing them would make every student's Anki treat the decks as new.
QA_MODEL_ID = 1741500101
CLOZE_MODEL_ID = 1741500102
QA_MODEL_NAME = "quizgen Q&A"
CLOZE_MODEL_NAME = "quizgen Cloze"
QA_FIELDS = ("Prompt", "Options", "Answer", "Alternatives", "Context", "Passage", "Source", "FactIds", "ItemId")
CLOZE_FIELDS = ("Text", "Passage", "Source", "FactIds", "ItemId")

# Zip entries carry a date; a fixed one keeps two builds of the same inputs byte-identical.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ZIP_LEVEL = 3


def qa_model() -> genanki.Model:
    return genanki.Model(
        QA_MODEL_ID, QA_MODEL_NAME,
        fields=[{"name": name} for name in QA_FIELDS],
        templates=[{"name": "Card", "qfmt": read_template("anki/qa-front.html"),
                    "afmt": read_template("anki/qa-back.html")}],
        css=read_template("anki/style.css"),
    )


def cloze_model() -> genanki.Model:
    return genanki.Model(
        CLOZE_MODEL_ID, CLOZE_MODEL_NAME,
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[{"name": "Cloze", "qfmt": read_template("anki/cloze-front.html"),
                    "afmt": read_template("anki/cloze-back.html")}],
        css=read_template("anki/style.css"),
        model_type=genanki.Model.CLOZE,
    )


@dataclass(frozen=True)
class DeckSpec:
    name: str  # "::" makes sub-decks, as in Anki
    deck_id: int
    description: str = ""


@dataclass(slots=True)
class NoteRecord:
    guid: str
    item_id: str
    fact_ids: tuple[str, ...]


@dataclass
class AnkiBuild:
    path: Path
    deck: DeckSpec
    notes: list[NoteRecord] = field(default_factory=list)
    cards: int = 0


def note_guid(deck_id: int, item_id: str) -> str:
    return str(genanki.guid_for(deck_id, item_id))


def _tags(item: Item, factbase: FactBase) -> list[str]:
    tags = {*item.tags, f"type::{item.type}"}
    for fact_id in item.fact_ids:
        fact = factbase.by_id[fact_id]
        tags |= {f"kind::{fact.kind}", f"status::{fact.status}"}
        tags |= {f"source::{citation.source}" for citation in fact.citations}
    return sorted(tags)


def _source_html(item: Item) -> str:
    labels = dict.fromkeys(passage.source_label for passage in item.passages)
    return "<br>".join(escape(label) for label in labels)


def _passages_html(item: Item) -> str:
    return "".join(f"<div>{passage_html(passage, item)}</div>" for passage in item.passages)


def _answer_html(item: Item) -> str:
    if item.type == "mcq" and item.correct_option is not None:
        return f"{chr(65 + item.correct_option)}. {escape(item.answer)}"
    if item.type == "true-false" and item.correction:
        return f"False. True statement: {escape(item.correction)}"
    if item.type in ("matching", "ordering"):
        rows = "".join(f"<li>{escape(left)} — {escape(right)}</li>" for left, right in item.pairs)
        return f"<ol>{rows}</ol>"
    return escape(item.answer)


def _options_html(item: Item) -> str:
    if item.type == "mcq" or item.type == "ordering":
        return "".join(f"<li>{escape(option)}</li>" for option in item.options)
    if item.type == "matching":
        rights = sorted([right for _, right in item.pairs] + list(item.extra_options))
        return "".join(f"<li>{escape(left)}</li>" for left, _ in item.pairs) + \
            "".join(f"<li>{escape(right)}</li>" for right in rights)
    return ""


def _cloze_text(item: Item) -> str | None:
    assert item.cloze is not None
    before, deleted, after = item.cloze
    if "}}" in deleted or "::" in deleted:
        return None  # would break Anki's cloze syntax
    return f"{escape(before)}{{{{c1::{escape(deleted)}}}}}{escape(after)}"


def build_notes(items: Sequence[Item], factbase: FactBase, deck_id: int) -> list[genanki.Note]:
    """One note per item, in chronological order so that new cards are introduced in time order."""
    return list(iter_notes(items, factbase, deck_id, qa_model(), cloze_model()))


def iter_notes(items: Sequence[Item], factbase: FactBase, deck_id: int, qa: genanki.Model,
               cloze: genanki.Model) -> Iterator[genanki.Note]:
    """The notes one at a time, so a large deck is written without holding them all.

    Each note carries its item as ``note.item`` for the build's manifest.
    """
    ordered = sorted(items, key=lambda item: (item.sort_key, item.id))
    for due, item in enumerate(ordered):
        ids = ", ".join(item.fact_ids)
        common = dict(guid=note_guid(deck_id, item.id), tags=_tags(item, factbase), due=due)
        if item.type == "cloze":
            text = _cloze_text(item)
            if text is None:
                continue
            fields = [text, _passages_html(item), _source_html(item), escape(ids), escape(item.id)]
            note = genanki.Note(model=cloze, fields=fields, **common)
        else:
            fields = [escape(item.prompt), _options_html(item), _answer_html(item),
                      escape(", ".join(item.alternatives)),
                      escape(item.context) if item.context != item.prompt else "",
                      _passages_html(item), _source_html(item), escape(ids), escape(item.id)]
            note = genanki.Note(model=qa, fields=fields, **common)
        note.item = item
        yield note


def deck_description(spec: DeckSpec, items: Sequence[Item]) -> str:
    labels = sorted({passage.source_label for item in items for passage in item.passages})
    sources = "".join(f"<li>{escape(label)}</li>" for label in labels)
    intro = f"<p>{escape(spec.description)}</p>" if spec.description else ""
    return (f"{intro}<p>Built by quizgen from a vetted fact base. The back of every card shows the passage "
            f"it rests on, from these sources:</p><ul>{sources}</ul>")


def write_apkg(items: Sequence[Item], factbase: FactBase, spec: DeckSpec, path: Path | str,
               timestamp: float) -> AnkiBuild:
    """Write the deck to ``path`` atomically; ``timestamp`` stamps notes (Anki updates only newer notes)."""
    qa, cloze = qa_model(), cloze_model()
    deck = genanki.Deck(spec.deck_id, spec.name, deck_description(spec, items))
    deck.add_model(qa)
    deck.add_model(cloze)
    result = AnkiBuild(Path(path), spec)
    notes = iter_notes(items, factbase, spec.deck_id, qa, cloze)
    write_with(path, lambda temp: _write_package(genanki.Package(deck), notes, temp, timestamp, result))
    return result


def _write_package(package: genanki.Package, notes: Iterator[genanki.Note], target: Path, timestamp: float,
                   result: AnkiBuild) -> None:
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
            for note in notes:
                note.write_to_db(cursor, timestamp, deck.deck_id, ids)
                result.notes.append(NoteRecord(note.guid, note.item.id, note.item.fact_ids))
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
