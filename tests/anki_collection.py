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
