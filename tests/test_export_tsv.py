"""TSV for Anki's text import and Quizlet: three clean fields a line, imported into a real Anki collection."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from anki_collection import fresh_collection, import_tsv
from export_support import all_items

from quizgen.export import render_export, write_export
from quizgen.export.tsv import tags


@pytest.mark.parametrize("base", ["shipped", "apollo"])
def test_tsv_fields_are_clean(base: str) -> None:
    items = all_items(base)
    lines = render_export(items, "tsv").decode("utf-8").split("\n")
    assert lines.pop() == ""  # every line ends with a newline
    assert len(lines) == len(items)
    fronts = []
    for line, item in zip(lines, items, strict=True):
        fields = line.split("\t")
        assert len(fields) == 3
        front, back, tag_field = fields
        assert all(field and not field.startswith('"') and "\r" not in field for field in fields)
        assert front.startswith(item.prompt.split()[0]) or item.type == "true-false"
        if item.type == "mcq":
            assert all(option in front for option in item.options)
        if item.type in ("qa", "short-answer", "cloze", "true-false"):
            assert front.strip() != item.answer.strip()  # the answer is never the front itself
        assert back.startswith(item.answer) or back[3:].startswith(item.answer)
        assert all(passage.source_label in back for passage in item.passages)
        assert tag_field == tags(item)
        fronts.append(front)
    assert len(set(fronts)) == len(fronts)


@pytest.mark.parametrize("base", ["shipped", "apollo"])
def test_anki_imports_one_note_per_line(base: str, tmp_path: Path) -> None:
    items = all_items(base)
    path = tmp_path / "cards.tsv"
    write_export(items, "tsv", path)
    col = fresh_collection(tmp_path / "anki")
    try:
        result = import_tsv(col, path)
        assert len(result.log.new) == len(items)
        assert not (result.log.duplicate or result.log.conflicting or result.log.updated)
        assert col.note_count() == len(items)
        lines = path.read_text(encoding="utf-8").splitlines()
        by_front = {}
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            by_front[note["Front"]] = note
        for line in lines:
            front, back, tag_field = line.split("\t")
            note = by_front[escape(front)]  # plain text, as Anki stores it: HTML-escaped
            assert note["Back"] == escape(back)
            assert sorted(note.tags) == sorted(tag_field.split())
    finally:
        col.close()
