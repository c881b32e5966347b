"""Importing decks into a real Anki collection, the way a student's Anki does."""

from __future__ import annotations

import html
import re
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def fresh_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_deck(col: Collection, path: Path):  # type: ignore[no-untyped-def]
    """Import with Anki's default options (update notes and note types only if newer, no merging)."""
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path),
                                                            options=ImportAnkiPackageOptions()))


# folded, or shown on the front only (on the back, before the line that parts it from the front)
_HIDDEN = re.compile(r'<style>.*?</style>|<details\b.*?</details>'
                     r'|<(ol|div) class="[^"]*qg-front-only">.*?</\1>(?=.*<hr id="answer">)', re.S)
_BLOCK_TAG = re.compile(r"</?(?:div|p|li|ol|ul|hr|br)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


def visible_text(card_html: str) -> str:
    """What a card side shows at first: no style, nothing folded in <details>, nothing the back hides."""
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", _HIDDEN.sub("", card_html)))
    return " ".join(html.unescape(text).split())


def import_tsv(col: Collection, path: Path):  # type: ignore[no-untyped-def]
    """Import front, back, tags lines into the Basic note type, as Anki's File → Import of a .tsv with
    "Fields separated by: Tab", "Allow HTML: off", the third column mapped to tags."""
    from anki.import_export_pb2 import CsvMetadata, ImportCsvRequest

    metadata = col.get_csv_metadata(str(path), CsvMetadata.Delimiter.TAB)
    metadata.force_delimiter = True
    metadata.is_html = False
    metadata.force_is_html = True
    metadata.tags_column = 3
    basic = col.models.by_name("Basic")
    assert basic is not None
    metadata.global_notetype.id = basic["id"]
    del metadata.global_notetype.field_columns[:]
    metadata.global_notetype.field_columns.extend([1, 2])
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))
