"""Decks verified in real Anki: identity across decks and file names, one note per fact, backs, updates."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import statistics
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from anki.collection import Collection

from quizgen import QuizgenError, Selection, build_all, build_deck, load_factbase
from quizgen.build import DeckReport, manifest_path
from quizgen.phrases import contains_phrase
from quizgen.render.anki_notetype import FACT_MODEL_ID, FACT_MODEL_NAME
from tests.anki_collection import fresh_collection, import_deck, visible_text
from tests.conftest import FACTS, ROOT

V1, V2, V3 = 1_700_000_000.0, 1_700_086_400.0, 1_700_172_800.0
SHIPPED = ("nagorno-karabakh-full.apkg", "nagorno-karabakh-timeline.apkg", "nagorno-karabakh-places.apkg")


@pytest.fixture(scope="module")
def shipped_build(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("dist")
    return out, build_all(FACTS, ROOT / "decks", out)


@pytest.fixture(scope="module")
def all_three(shipped_build, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The three shipped decks imported into one student's collection, and their manifests."""
    out, _ = shipped_build
    col = fresh_collection(tmp_path_factory.mktemp("student"))
    manifests = {}
    for name in SHIPPED:
        import_deck(col, out / name)
        manifests[name] = json.loads(manifest_path(out / name).read_text(encoding="utf-8"))
    yield col, manifests
    col.close()


@pytest.fixture(scope="module")
def every_deck(shipped_build, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The three shipped decks and a deck of every fact with multiple-choice cards (which holds the notes of items
    about several facts, "which happened first?"), imported into one collection, and their manifests."""
    out, _ = shipped_build
    every = out / "every.apkg"
    build_deck(load_factbase(FACTS), Selection(), ["qa", "cloze", "mcq"], every)
    col = fresh_collection(tmp_path_factory.mktemp("every"))
    manifests = {}
    for path in (*(out / name for name in SHIPPED), every):
        import_deck(col, path)
        manifests[path.name] = json.loads(manifest_path(path).read_text(encoding="utf-8"))
    yield col, manifests
    col.close()


def _reports(results) -> list[DeckReport]:  # type: ignore[no-untyped-def]
    return [report for result in results for report in result.reports if isinstance(report, DeckReport)]


def test_every_shipped_deck_imports_with_the_counts_the_build_reported(shipped_build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, results = shipped_build
    decks = _reports(results)
    assert len(decks) >= 3
    for report in decks:
        col = fresh_collection(tmp_path / report.path.stem)
        log = import_deck(col, report.path)
        assert len(log.log.new) == report.notes
        assert col.note_count() == report.notes and col.card_count() == report.cards
        assert not col.get_empty_cards().notes
        col.close()


def test_decks_together_give_one_note_per_fact_and_no_repeated_front(every_deck) -> None:  # type: ignore[no-untyped-def]
    col, manifests = every_deck
    notes = {record["guid"]: record for manifest in manifests.values() for record in manifest["notes"]}
    assert col.note_count() == len(notes)  # a note in two decks is one note
    keys = [col.get_note(nid)["Key"] for nid in col.find_notes("")]
    assert len(keys) == len(set(keys)) == len(notes)
    single = [r["fact_ids"][0] for r in notes.values() if len(r["fact_ids"]) == 1]
    assert len(single) == len(set(single))  # exactly one note per fact
    assert any(len(r["fact_ids"]) > 1 for r in notes.values())  # items about several facts: notes of their own
    fronts: dict[str, set[int]] = defaultdict(set)
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        fronts[visible_text(card.question())].add(card.nid)
    assert all(len(nids) == 1 for nids in fronts.values()), [f for f, n in fronts.items() if len(n) > 1][:3]


def test_a_note_is_the_same_in_every_deck_that_holds_it(shipped_build) -> None:  # type: ignore[no-untyped-def]
    out, _ = shipped_build
    fields: dict[str, str] = {}
    for name in SHIPPED:
        with zipfile.ZipFile(out / name) as archive, archive.open("collection.anki2") as packed:
            path = out / f"{name}.anki2"
            path.write_bytes(packed.read())
        for guid, flds in sqlite3.connect(path).execute("select guid, flds from notes"):
            assert fields.setdefault(guid, flds) == flds, guid


def _answers(field_html: str) -> list[str]:
    """What a card's answer field says: the filled-in word of a cloze, each row of a list, or the answer."""
    filled = re.findall(r'class="qg-filled">.*?<b>(.*?)</b>', field_html)
    rows = re.findall(r"<li>(.*?)</li>", field_html)
    text = filled or rows or [re.sub(r"^[A-Z]\. ", "", re.sub(r"<[^>]+>", "", field_html))]
    return [html.unescape(answer) for answer in text if answer.strip()]


def test_no_card_asks_what_another_note_about_the_same_fact_answers(every_deck) -> None:  # type: ignore[no-untyped-def]
    col, manifests = every_deck
    facts_of = {r["key"]: set(r["fact_ids"]) for m in manifests.values() for r in m["notes"]}
    notes = [col.get_note(nid) for nid in col.find_notes("")]
    cards = {note.id: [(card.template()["name"], visible_text(card.question())) for card in note.cards()]
             for note in notes}
    by_fact: dict[str, list[int]] = defaultdict(list)
    for note in notes:
        for fact_id in facts_of[note["Key"]]:
            by_fact[fact_id].append(note.id)
    checked = 0
    by_id = {note.id: note for note in notes}
    for sharing in by_fact.values():
        for asking in sharing:
            for answering in sharing:
                if asking == answering:
                    continue  # siblings: Anki buries them
                for slot, _ in cards[answering]:
                    for answer in _answers(by_id[answering][f"{slot} answer"]):
                        for _, front in cards[asking]:
                            checked += 1
                            assert not contains_phrase(front, answer), (front, answer)
    assert checked


def test_highlights_never_split_a_word(all_three) -> None:  # type: ignore[no-untyped-def]
    col, _ = all_three
    marks = 0
    card_ids = col.find_cards("")
    for card_id in card_ids:
        blocks_apart = re.sub(r"</?(?:div|p|li|ol|hr|br|details|summary)\b[^>]*>", " ", col.get_card(card_id).answer())
        shown = html.unescape(re.sub(r"<(?!/?mark>)[^>]+>", "", blocks_apart))
        for match in re.finditer(r"(.?)<mark>(.*?)</mark>(.?)", shown):
            before, marked, after = match.groups()
            marks += 1
            assert marked.strip()
            assert not (before.isalnum() and marked[0].isalnum()), match.group(0)
            assert not (after.isalnum() and marked[-1].isalnum()), match.group(0)
    assert marks > len(card_ids) // 2  # most backs mark their answer in the sentence that supports it


def test_full_deck_backs_are_short_and_show_no_internal_id(shipped_build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out, _ = shipped_build
    col = fresh_collection(tmp_path / "full")
    import_deck(col, out / SHIPPED[0])
    factbase = load_factbase(FACTS)
    slugs = [fact.id for fact in factbase.facts if "-" in fact.id]
    backs = []
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        back = visible_text(card.answer())
        # what the back adds below the front it repeats: the answer, its sentence and its source
        backs.append(len(visible_text(card.answer().split('<hr id="answer">', 1)[-1])))
        assert card.note()["Key"] not in back
        assert not any(slug in back for slug in slugs)
        assert "qg-source" in card.answer() and "<details" in card.answer()
    assert statistics.median(backs) < 300
    col.close()


def test_the_same_selection_under_another_file_name_adds_no_note(apollo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = build_deck(apollo, Selection(), ["qa", "cloze"], tmp_path / "apollo.apkg", "quizgen::apollo", timestamp=V1)
    second = build_deck(apollo, Selection(), ["qa", "cloze"], tmp_path / "my-copy.apkg", "quizgen::my-copy",
                        timestamp=V1)
    guids = [json.loads(manifest_path(r.path).read_text(encoding="utf-8"))["notes"] for r in (first, second)]
    assert guids[0] == guids[1]
    col = fresh_collection(tmp_path / "student")
    import_deck(col, first.path)
    log = import_deck(col, second.path)
    assert len(log.log.new) == 0 and col.note_count() == first.notes
    col.close()


def test_note_type_and_deck_ids_are_fixed(shipped_build) -> None:  # type: ignore[no-untyped-def]
    out, _ = shipped_build
    with zipfile.ZipFile(out / SHIPPED[0]) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
    manifest = json.loads(manifest_path(out / SHIPPED[0]).read_text(encoding="utf-8"))
    assert manifest["deck_id"] == 1741500201
    assert FACT_MODEL_ID == 1741500110 and FACT_MODEL_NAME == "quizgen Fact"


def _edit(path: Path, **changes: str) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    for fact in doc["facts"]:
        for fact_id, statement in changes.items():
            if fact["id"] == fact_id.replace("_", "-"):
                fact["statement"] = statement
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")


def _deck(facts: Path, out: Path, stamp: float) -> DeckReport:
    return build_deck(load_factbase(facts), Selection(), ["qa", "cloze"], out, "Apollo::Test", 1234567890,
                      timestamp=stamp)


def test_rebuild_without_changes_gives_the_same_bytes(apollo_copy: Path, tmp_path: Path) -> None:
    first = _deck(apollo_copy, tmp_path / "a.apkg", V1)
    second = _deck(apollo_copy, tmp_path / "b.apkg", V1)
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()
    assert first.notes == second.notes


def _review_first_card(col: Collection, key: str) -> int:
    card = col.get_card(col.find_cards(f'"Key:{key}"')[0])
    card.start_timer()
    col.sched.answerCard(card, 3)  # the student reviews the card: "Good"
    return card.id


def test_edited_wording_updates_notes_in_place_and_keeps_reviews(apollo_copy: Path, tmp_path: Path) -> None:
    v1 = _deck(apollo_copy, tmp_path / "v1.apkg", V1)
    col = fresh_collection(tmp_path / "student")
    import_deck(col, v1.path)
    note_ids_before = sorted(col.find_notes(""))
    notetypes_before = sorted(m["name"] for m in col.models.all())
    reviewed_id = _review_first_card(col, "eagle-landing")

    _edit(apollo_copy, eagle_landing="On 20 July 1969 the lunar module Eagle touched down in the Sea of Tranquility.")
    v2 = _deck(apollo_copy, tmp_path / "v2.apkg", V2)
    log = import_deck(col, v2.path)

    assert len(log.log.new) == 0 and len(log.log.duplicate) == 0
    assert len(log.log.updated) == v2.notes  # every note is stamped newer; one of them changed wording
    assert sorted(col.find_notes("")) == note_ids_before
    assert sorted(m["name"] for m in col.models.all()) == notetypes_before  # no "quizgen Fact+" copy
    reviewed = col.get_card(reviewed_id)
    assert reviewed.reps == 1 and reviewed.type != 0  # the review survived the update
    assert col.db.scalar("select count() from revlog where cid = ?", reviewed_id) == 1
    assert "touched down" in col.get_note(reviewed.nid)["Context"]
    col.close()


def test_what_an_update_keeps_and_what_it_replaces(apollo_copy: Path, tmp_path: Path) -> None:
    """README's table: an update keeps scheduling and suspension, and replaces fields and tags."""
    _deck(apollo_copy, tmp_path / "v1.apkg", V1)
    col = fresh_collection(tmp_path / "student")
    import_deck(col, tmp_path / "v1.apkg")
    reviewed_id = _review_first_card(col, "eagle-landing")
    suspended_id = col.find_cards('"Key:splashdown"')[0]
    col.sched.suspend_cards([suspended_id])
    edited = col.get_note(col.find_notes('"Key:nasa"')[0])
    edited.add_tag("my-tag")
    edited["Fact"] = "my own label"
    col.update_note(edited)

    # a deck built before the student's edit leaves the edited note alone
    _deck(apollo_copy, tmp_path / "v2.apkg", V2)
    log = import_deck(col, tmp_path / "v2.apkg")
    assert len(log.log.duplicate) == 1 and col.get_note(edited.id)["Fact"] == "my own label"

    # a deck built after it replaces the note's fields and tags
    _deck(apollo_copy, tmp_path / "v3.apkg", col.get_note(edited.id).mod + 3600)
    import_deck(col, tmp_path / "v3.apkg")
    after = col.get_note(edited.id)
    assert after["Fact"] != "my own label" and "my-tag" not in after.tags
    assert col.get_card(reviewed_id).reps == 1  # scheduling kept
    assert col.get_card(suspended_id).queue == -1  # suspension kept
    col.close()


def test_card_kinds_a_deck_leaves_out_come_with_another_deck(apollo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plain = build_deck(apollo, Selection(), ["qa"], tmp_path / "plain.apkg", "Apollo::Plain", timestamp=V1)
    more = build_deck(apollo, Selection(), ["qa", "cloze"], tmp_path / "more.apkg", "Apollo::More", timestamp=V1)
    col = fresh_collection(tmp_path / "student")
    import_deck(col, plain.path)
    assert col.card_count() == plain.cards
    log = import_deck(col, more.path)
    # every note the first deck made is found and updated in place; a new note is only a fact with no flashcard
    # question (its statement is its one card, a cloze)
    assert len(log.log.updated) + len(log.log.duplicate) + len(log.log.new) == more.notes
    assert col.note_count() == more.notes == plain.notes + len(log.log.new)
    assert col.card_count() == more.cards  # the cloze cards joined the notes already there
    col.close()


def test_retired_notes_are_found_in_any_deck_and_stay_listed(apollo_copy: Path, tmp_path: Path) -> None:
    v1 = _deck(apollo_copy, tmp_path / "deck.apkg", V1)
    col = fresh_collection(tmp_path / "student")
    import_deck(col, v1.path)
    # the student keeps these notes in a deck of their own
    col.set_deck(col.find_cards(""), col.decks.id("Elsewhere"))
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"] = [f for f in doc["facts"] if f["id"] != "splashdown"]
    apollo_copy.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    v2 = _deck(apollo_copy, tmp_path / "deck.apkg", V2)
    assert v2.retired_facts == ["splashdown"] and v2.newly_retired == len(v2.retired) >= 1
    assert all("splashdown" in note.fact_ids for note in v2.retired)
    for note in v2.retired:
        assert len(col.find_notes(note.search)) == 1, note.search
    assert len(col.find_notes(v2.retired_search)) == len(v2.retired)

    v3 = _deck(apollo_copy, tmp_path / "deck.apkg", V3)  # a later build still lists them
    assert [n.guid for n in v3.retired] == [n.guid for n in v2.retired] and v3.newly_retired == 0
    manifest = json.loads(manifest_path(tmp_path / "deck.apkg").read_text(encoding="utf-8"))
    assert [r["key"] for r in manifest["retired"]] == [n.key for n in v2.retired]
    col.close()


def test_changelog_search_for_old_notes_is_valid_anki_search(tmp_path: Path) -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    search = re.search(r"`(\"note:quizgen Q&A\".*?)`", changelog)
    assert search is not None
    col = fresh_collection(tmp_path / "student")
    assert col.find_notes(search.group(1)) == []  # parses; finds nothing in a new collection
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
    import_deck(col, out / SHIPPED[1])
    cards = sorted((col.get_card(cid) for cid in col.find_cards("is:new")), key=lambda card: card.due)
    keys = [card.note()["Key"] for card in cards]
    dates = [factbase.by_id[key].date for key in keys if key in factbase.by_id]
    dated = [when.start.first_day() for when in dates if when is not None]
    assert len(dated) > len(keys) // 2 and dated == sorted(dated)  # a timeline: most of its cards are dated
    first_undated = next((i for i, when in enumerate(dates) if when is None), len(dates))
    assert all(when is None for when in dates[first_undated:]), "undated agreements come last"
    col.close()


def _collection_rows(apkg: Path, folder: Path) -> dict[str, list[tuple[object, ...]]]:
    with zipfile.ZipFile(apkg) as archive:
        archive.extract("collection.anki2", folder)
    connection = sqlite3.connect(folder / "collection.anki2")
    try:
        return {table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("notes", "cards")}
    finally:
        connection.close()


def test_notes_written_in_batches_are_the_rows_genanki_writes_note_by_note(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A batch of notes per statement (batches cut short here, so a deck spans several) writes what genanki's own
    ``Package.write_to_file`` writes, and real Anki imports the same notes and cards from both."""
    import genanki

    from quizgen import build
    from quizgen.recipes import DECK_TYPES
    from quizgen.render import anki
    from quizgen.render.anki_notetype import fact_model

    monkeypatch.setattr(anki, "_NOTES_PER_BATCH", 7)
    factbase = load_factbase(FACTS)
    plan = build.planned_deck(factbase, Selection(), DECK_TYPES)
    assert len(plan.notes) > 3 * 7
    ours = tmp_path / "batched.apkg"
    anki.write_apkg(plan, anki.DeckSpec("Batched", 5), ours, V1)
    deck = genanki.Deck(5, "Batched", anki.deck_description(anki.DeckSpec("Batched", 5), plan))
    for _, note in anki.anki_notes(plan, fact_model()):
        deck.add_note(note)
    theirs = tmp_path / "genanki.apkg"
    genanki.Package(deck).write_to_file(str(theirs), timestamp=V1)
    assert _collection_rows(ours, tmp_path / "a") == _collection_rows(theirs, tmp_path / "b")

    imported = []
    for name, path in (("ours", ours), ("theirs", theirs)):
        col = fresh_collection(tmp_path / f"student-{name}")
        import_deck(col, path)
        notes = sorted((note.guid, tuple(note.fields), tuple(sorted(note.tags)),
                        tuple(sorted(card.ord for card in note.cards())))
                       for note in (col.get_note(nid) for nid in col.find_notes("")))
        imported.append(notes)
        col.close()
    assert imported[0] == imported[1] and len(imported[0]) == len(plan.notes)


def test_a_cards_back_shows_the_evidence_and_only_its_source() -> None:
    from quizgen.items import items_for
    from quizgen.render.anki_fields import support_html

    every = {item.id: item for item in items_for(load_factbase(FACTS), seed=0, every_form=True)}
    # "more than 400" stands in the text as "more than four hundred": its sentence is shown, from its one text
    wounded = support_html(every["qa:value:wounded-september-2023-ombudsman"])
    assert "<mark>four hundred</mark> wounded" in wounded and "Azad" not in wounded
    # an answer the text words otherwise ("protestors"): the source of the fact's evidence, not of its date
    protests = support_html(every["qa:who-said:yerevan-protesters-accusation"])
    assert "Council on Foreign Relations" in protests and "Azad" not in protests


def test_round_hundreds_and_thousands_are_spelled_as_texts_spell_them() -> None:
    from quizgen.numbers_in_text import spelled_number

    assert [spelled_number(n) for n in (44, 400, 7000, 30000, 100000, 120000, 250)] == [
        "forty-four", "four hundred", "seven thousand", "thirty thousand", "one hundred thousand", None, None]


def test_a_cards_back_takes_the_sentence_with_the_whole_answer_over_a_bare_year_elsewhere() -> None:
    from quizgen.items import items_for
    from quizgen.render.anki_fields import support_html

    every = {item.id: item for item in items_for(load_factbase(FACTS), seed=0, every_form=True)}
    declared = support_html(every["qa:date:azerbaijan-independence-1991-08-30"])
    assert "<mark>August 30, 1991</mark>" in declared  # not "Amid Soviet dissolution in <mark>1991</mark> …"


def test_which_came_first_shows_both_dates_once_answered() -> None:
    from quizgen.items import items_for
    from quizgen.render.anki_fields import support_html

    base = load_factbase(FACTS)
    asked = [item for item in items_for(base, seed=0, every_form=True) if item.role == "which-first"]
    assert asked
    for item in asked:
        # each event with its own date, earlier first: a learner who guessed sees why
        assert item.timeline[0][0] == item.answer
        assert [when for _, when in item.timeline] == [base.by_id[i].date.human() for i in item.fact_ids]  # type: ignore[union-attr]
        back = support_html(item)
        assert all(when in back for _, when in item.timeline)
