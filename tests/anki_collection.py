"""Importing decks into a real Anki collection, the way a student's Anki does."""

from __future__ import annotations

from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def fresh_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_deck(col: Collection, path: Path):  # type: ignore[no-untyped-def]
    """Import with Anki's default options (update notes and note types only if newer, no merging)."""
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path),
                                                            options=ImportAnkiPackageOptions()))
