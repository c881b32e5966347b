"""Decks verified in real Anki: counts, rendering, passages, identity across rebuilds."""

from __future__ import annotations

import html
import json
import zipfile
from pathlib import Path

import pytest

from quizgen.build import DeckReport, build_all, build_deck
from quizgen.errors import QuizgenError
from quizgen.factbase import load_factbase
from quizgen.items import items_for
from quizgen.render.anki import CLOZE_MODEL_ID, QA_MODEL_ID, note_guid
from quizgen.select import Selection
from tests.anki_collection import fresh_collection, import_deck
from tests.conftest import FACTS, ROOT

V1, V2 = 1_700_000_000.0, 1_700_086_400.0


@pytest.fixture(scope="module")
def shipped_build(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("dist")
    return out, build_all(FACTS, ROOT / "decks", out)


def test_every_shipped_deck_imports_with_the_counts_the_build_reported(shipped_build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, results = shipped_build
    decks = [report for result in results for report in result.reports if isinstance(report, DeckReport)]
    assert len(decks) >= 3
    for report in decks:
        col = fresh_collection(tmp_path / report.path.stem)
        log = import_deck(col, report.path)
        assert len(log.log.new) == report.notes
        assert col.note_count() == report.notes and col.card_count() == report.cards
        assert not col.get_empty_cards().notes
        col.close()


def test_cards_render_with_the_source_passage_on_the_back(shipped_build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out, _ = shipped_build
    factbase = load_factbase(FACTS)
    col = fresh_collection(tmp_path / "full")
    import_deck(col, out / "nagorno-karabakh-full.apkg")
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        question, answer = card.question(), card.answer()
        assert question.strip() and answer.strip()
        note = card.note()
        fact = factbase.by_id[note["FactIds"].split(", ")[0]]
        # the passage is shown escaped, with the answer possibly wrapped in <mark>
        shown = answer.replace("<mark>", "").replace("</mark>", "")
        assert html.escape(fact.citations[0].quote) in shown, note["ItemId"]
        assert "qg-source" in answer and factbase.sources[fact.citations[0].source].title in html.unescape(answer)
    col.close()


def test_model_and_deck_ids_are_fixed(shipped_build) -> None:  # type: ignore[no-untyped-def]
    out, _ = shipped_build
    with zipfile.ZipFile(out / "nagorno-karabakh-full.apkg") as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
    manifest = json.loads((out / "nagorno-karabakh-full.apkg.manifest.json").read_text(encoding="utf-8"))
    assert manifest["deck_id"] == 1741500201
    assert QA_MODEL_ID == 1741500101 and CLOZE_MODEL_ID == 1741500102


def test_guid_comes_from_deck_and_item_id_not_text(apollo) -> None:  # type: ignore[no-untyped-def]
    item = next(i for i in items_for(apollo) if i.type == "qa")
    assert note_guid(1, item.id) == note_guid(1, item.id) != note_guid(2, item.id)


def _edit(path: Path, **changes: str) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    for fact in doc["facts"]:
        for fact_id, statement in changes.items():
            if fact["id"] == fact_id.replace("_", "-"):
                fact["statement"] = statement
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")


def _deck(facts: Path, out: Path, stamp: float):  # type: ignore[no-untyped-def]
    return build_deck(load_factbase(facts), Selection(), ["qa", "cloze"], out, "Apollo::Test", 1234567890,
                      timestamp=stamp)


def test_rebuild_without_changes_gives_the_same_bytes(apollo_copy: Path, tmp_path: Path) -> None:
    first = _deck(apollo_copy, tmp_path / "a.apkg", V1)
    second = _deck(apollo_copy, tmp_path / "b.apkg", V1)
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()
    assert first.notes == second.notes


def test_edited_wording_updates_notes_in_place_and_keeps_reviews(apollo_copy: Path, tmp_path: Path) -> None:
    v1 = _deck(apollo_copy, tmp_path / "v1.apkg", V1)
    col = fresh_collection(tmp_path / "student")
    import_deck(col, v1.path)
    note_ids_before = sorted(col.find_notes(""))
    notetypes_before = sorted(m["name"] for m in col.models.all())

    card = col.get_card(col.find_cards('"ItemId:qa:date:eagle-landing"')[0])
    card.start_timer()
    col.sched.answerCard(card, 3)  # the student reviews the card: "Good"
    reviewed_id = card.id

    _edit(apollo_copy, eagle_landing="On 20 July 1969 the lunar module Eagle touched down in the Sea of Tranquility.")
    v2 = _deck(apollo_copy, tmp_path / "v2.apkg", V2)
    log = import_deck(col, v2.path)

    assert len(log.log.new) == 0 and len(log.log.duplicate) == 0
    assert len(log.log.updated) == v2.notes  # every note is stamped newer; one of them changed wording
    assert sorted(col.find_notes("")) == note_ids_before
    assert sorted(m["name"] for m in col.models.all()) == notetypes_before  # no "quizgen Q&A+" copy
    reviewed = col.get_card(reviewed_id)
    assert reviewed.reps == 1 and reviewed.type != 0  # the review survived the update
    assert col.db.scalar("select count() from revlog where cid = ?", reviewed_id) == 1
    context = col.get_note(reviewed.nid)["Context"]
    assert "touched down" in context
    col.close()


def test_removed_fact_is_reported_retired_with_a_search_that_finds_it(apollo_copy: Path, tmp_path: Path) -> None:
    v1 = _deck(apollo_copy, tmp_path / "deck.apkg", V1)
    col = fresh_collection(tmp_path / "student")
    import_deck(col, v1.path)
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"] = [f for f in doc["facts"] if f["id"] != "splashdown"]
    apollo_copy.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    v2 = _deck(apollo_copy, tmp_path / "deck.apkg", V2)
    assert v2.retired_facts == ["splashdown"]
    assert v2.retired and all("splashdown" in note.fact_ids for note in v2.retired)
    for note in v2.retired:
        assert len(col.find_notes(note.search)) == 1, note.search
    col.close()


def test_fact_text_is_escaped_never_run(apollo_copy: Path, tmp_path: Path) -> None:
    _edit(apollo_copy, splashdown="The crew returned to Earth on 24 July 1969 <script>alert('x')</script> safely.")
    report = _deck(apollo_copy, tmp_path / "deck.apkg", V1)
    col = fresh_collection(tmp_path / "student")
    import_deck(col, report.path)
    texts = [col.get_card(cid).answer() for cid in col.find_cards("")]
    assert any("&lt;script&gt;alert" in text for text in texts)
    assert not any("<script>alert" in text for text in texts)
    col.close()


def test_failed_build_leaves_the_earlier_deck_untouched(apollo_copy: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "deck.apkg"
    _deck(apollo_copy, out, V1)
    good = out.read_bytes()

    def broken(package, notes, target: Path, timestamp: float, result) -> None:  # type: ignore[no-untyped-def]
        target.write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("quizgen.render.anki._write_package", broken)
    with pytest.raises(QuizgenError, match="No space left on device"):
        _deck(apollo_copy, out, V2)
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_unwritable_output_folder_fails_before_any_work(apollo_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(QuizgenError, match="does not exist"):
        _deck(apollo_copy, tmp_path / "missing" / "deck.apkg", V1)


def test_new_cards_come_in_chronological_order(shipped_build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out, _ = shipped_build
    factbase = load_factbase(FACTS)
    col = fresh_collection(tmp_path / "timeline")
    import_deck(col, out / "nagorno-karabakh-timeline.apkg")
    cards = sorted((col.get_card(cid) for cid in col.find_cards("is:new")), key=lambda card: card.due)
    dates = [factbase.by_id[card.note()["FactIds"].split(", ")[0]].date for card in cards]
    dated = [when.start.first_day() for when in dates if when is not None]
    assert len(dated) > 50 and dated == sorted(dated)
    first_undated = next((i for i, when in enumerate(dates) if when is None), len(dates))
    assert all(when is None for when in dates[first_undated:]), "undated agreements come last"
    col.close()
