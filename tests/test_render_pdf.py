"""Quizzes, keys and handouts read back from the PDF, the way a teacher's printer sees them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen import QuizgenError, Selection, build_handout, build_quiz, load_factbase
from quizgen.build import planned_quiz
from quizgen.quiz import keyable
from quizgen.render.passages import shown_quote
from tests.conftest import APOLLO, FACTS
from tests.pdf_reading import label_span

TYPES = ["mcq", "true-false", "matching", "ordering", "short-answer", "cloze"]


def flat(text: str) -> str:
    """PDF text without line breaks, spaces or soft hyphens: for finding a passage in it."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def quiz_files(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("quiz")
    factbase = load_factbase(FACTS)
    report = build_quiz(factbase, Selection(), TYPES, out / "quiz.pdf", count=24, versions=3, seed=5,
                        title="Test quiz")
    quiz = planned_quiz(factbase, Selection(), TYPES, count=24, versions=3, seed=5, title="Test quiz")  # type: ignore[arg-type]
    return report, quiz


def test_each_version_holds_the_same_questions_in_another_order(quiz_files) -> None:  # type: ignore[no-untyped-def]
    report, quiz = quiz_files
    assert report.questions == 24 and report.versions == 3
    ids = [[q.item.id for q in version.questions] for version in quiz.versions]
    assert all(sorted(v) == sorted(ids[0]) for v in ids)
    assert len({tuple(v) for v in ids}) == 3, "versions differ in order"
    text = flat("".join(page_texts(report.path)))
    for version in quiz.versions:
        assert flat(f"Version {version.label}") in text
        for question in version.questions:
            item = question.item
            printed = [item.cloze[0], item.cloze[2]] if item.cloze else [item.prompt]  # blanks replace the gap
            assert all(flat(part) in text for part in printed), item.prompt


def test_dates_stay_chronological_and_letters_are_balanced(quiz_files) -> None:  # type: ignore[no-untyped-def]
    _, quiz = quiz_files
    for version in quiz.versions:
        mcqs = [q for q in version.questions if q.item.type == "mcq"]
        for question in mcqs:
            assert question.options[question.correct] == question.item.answer
            if question.item.role == "date":
                spans = [label_span(option) for option in question.options]
                assert spans == sorted(spans), question.options
        letters = [q.correct for q in mcqs]
        assert max(letters.count(i) for i in range(4)) - min(letters.count(i) for i in range(4)) <= 2


def test_every_key_answer_and_passage_is_printed(quiz_files) -> None:  # type: ignore[no-untyped-def]
    report, quiz = quiz_files
    key = flat("".join(page_texts(report.key)))
    for version in quiz.versions:
        for question in version.questions:
            assert flat(question.key_answer()) in key, question.key_answer()
            for shown in question.key_passages():
                assert flat(shown_quote(shown.passage)) in key, shown.passage.quote
                assert flat(shown.passage.source_label) in key


def test_no_multiple_choice_question_is_split_across_pages(quiz_files) -> None:  # type: ignore[no-untyped-def]
    report, quiz = quiz_files
    pages = [flat(p) for p in page_texts(report.path)]
    for question in quiz.versions[0].questions:
        if question.item.type != "mcq":
            continue
        parts = [flat(question.item.prompt[-30:]), *(flat(o) for o in question.options)]
        assert any(all(part in page for part in parts) for page in pages), question.item.prompt


def test_pages_are_numbered_within_each_version(quiz_files) -> None:  # type: ignore[no-untyped-def]
    report, _ = quiz_files
    texts = page_texts(report.path)
    footers = [re.search(r"Page (\d+) of (\d+)", t) for t in texts]
    assert all(footers)
    assert [int(m.group(1)) for m in footers if m].count(1) == 3  # each of 3 versions starts at page 1


def test_font_is_embedded_and_metadata_set(quiz_files) -> None:  # type: ignore[no-untyped-def]
    report, _ = quiz_files
    for path in (report.path, report.key):
        reader = PdfReader(str(path))
        fonts = reader.pages[0]["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold|-Oblique)?", font["/BaseFont"]), font["/BaseFont"]
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object(), "TrueType font embedded"
        assert reader.metadata.title.startswith("Test quiz") and reader.metadata.author == "quizgen"
        assert reader.trailer["/Root"]["/Lang"] == "en"
    assert [o.title for o in PdfReader(str(report.key)).outline if not isinstance(o, list)] == [
        "Answer grid", "Version A", "Version B", "Version C"]


def test_same_inputs_and_seed_give_identical_pdfs(tmp_path: Path) -> None:
    factbase = load_factbase(APOLLO)
    for name in ("one", "two"):
        build_quiz(factbase, Selection(), TYPES, tmp_path / f"{name}.pdf", versions=2, seed=3)
        build_handout(factbase, Selection(), tmp_path / f"{name}-handout.pdf")
    assert (tmp_path / "one.pdf").read_bytes() == (tmp_path / "two.pdf").read_bytes()
    assert (tmp_path / "one-key.pdf").read_bytes() == (tmp_path / "two-key.pdf").read_bytes()
    assert (tmp_path / "one-handout.pdf").read_bytes() == (tmp_path / "two-handout.pdf").read_bytes()


def test_letter_paper(tmp_path: Path) -> None:
    build_quiz(load_factbase(APOLLO), Selection(), ["mcq"], tmp_path / "q.pdf", paper="letter")
    box = PdfReader(str(tmp_path / "q.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_preflight_names_characters_the_font_cannot_print(apollo_copy: Path, tmp_path: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"][2]["statement"] = "The crew returned to Earth on 24 July 1969 and said 你好."
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "h.pdf"
    with pytest.raises(QuizgenError, match=r"U\+4F60 CJK UNIFIED IDEOGRAPH-4F60 \(你\)"):
        build_handout(load_factbase(apollo_copy), Selection(), out, full=True)
    assert not out.exists()


def test_armenian_and_schwa_print(apollo_copy: Path, tmp_path: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"][2]["statement"] = "The crew returned on 24 July 1969 (Արցախ, Xankəndi — “test”)."
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    report = build_handout(load_factbase(apollo_copy), Selection(), tmp_path / "h.pdf", full=True)
    assert "Արցախ" in "".join(page_texts(report.path))


def test_key_cannot_overwrite_the_quiz(tmp_path: Path) -> None:
    with pytest.raises(QuizgenError, match="overwrite the quiz"):
        build_quiz(load_factbase(APOLLO), Selection(), ["mcq"], tmp_path / "q.pdf", key=tmp_path / "q.pdf")


CLASS_TYPES = ["mcq", "true-false", "matching", "ordering", "short-answer"]


@pytest.fixture(scope="module")
def class_quizzes(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A 20-question quiz in two versions on each fact base, as the class recipe makes it."""
    out = tmp_path_factory.mktemp("class")
    made = {}
    for name, facts in (("shipped", FACTS), ("apollo", APOLLO)):
        factbase = load_factbase(facts)
        chosen = Selection.of(None, None, None, None, None, None, ["core"])
        report = build_quiz(factbase, chosen, CLASS_TYPES, out / f"{name}.pdf", versions=2, seed=7,  # type: ignore[arg-type]
                            title="Class quiz")
        quiz = planned_quiz(factbase, chosen, CLASS_TYPES, versions=2, seed=7, title="Class quiz")  # type: ignore[arg-type]
        made[name] = (report, quiz)
    return made


def test_default_quiz_is_classroom_sized(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    report, _ = class_quizzes["shipped"]
    assert report.questions == 20
    for _, apollo_quiz in [class_quizzes["apollo"]]:
        assert 1 <= len(apollo_quiz.items) <= 30


def test_one_item_per_fact_and_mixed_types(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    _, quiz = class_quizzes["shipped"]
    facts = [fid for item in quiz.items for fid in item.fact_ids]
    assert len(facts) == len(set(facts))
    assert len({item.type for item in quiz.items}) >= 3


def test_letters_are_spread_and_move_between_versions(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    _, quiz = class_quizzes["shipped"]
    letters: dict[str, list[int]] = {}
    for version in quiz.versions:
        mcqs = [q for q in version.questions if q.item.type == "mcq"]
        counts = [sum(1 for q in mcqs if q.correct == letter) for letter in range(4)]
        assert max(counts) <= max(2, 0.4 * len(mcqs)), counts
        for question in mcqs:
            letters.setdefault(question.item.id, []).append(question.correct)  # type: ignore[arg-type]
            if question.item.role == "date":
                spans = [label_span(option) for option in question.options]
                assert spans == sorted(spans), question.options
    moved = [len(set(found)) > 1 for found in letters.values()]
    assert sum(moved) >= 0.75 * len(moved), letters
    # a date's letter moves in every case, December and January too (kept to their year, they could not)
    dates = {q.item.id for version in quiz.versions for q in version.questions if q.item.role == "date"}
    assert all(len(set(letters[i])) > 1 for i in dates if i in letters), letters


def test_versions_of_a_date_question_offer_mostly_the_same_dates(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    # the letter moves by sliding the window of dates past the answer: versions equally hard, not two draws
    _, quiz = class_quizzes["shipped"]
    shown: dict[str, list[set[str]]] = {}
    for version in quiz.versions:
        for question in version.questions:
            if question.item.type == "mcq" and question.item.role == "date":
                shown.setdefault(question.item.id, []).append(set(question.options))
    assert shown
    for options in shown.values():
        assert all(len(options[0] & other) >= 3 for other in options[1:]), options


def test_mcq_and_short_answers_stand_in_a_quoted_passage(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    from quizgen.quiz import answer_passages

    for _, quiz in class_quizzes.values():
        for item in quiz.items:
            if item.type in ("mcq", "short-answer"):
                # whose claim it is stands in the source line of the passage the key quotes
                said = item.role in ("who-said", "which-source") and keyable(item)
                assert answer_passages(item) or said, item.id


def test_key_page_one_holds_every_answer_of_every_version(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    for report, quiz in class_quizzes.values():
        first = page_texts(report.key)[0]
        blocks = re.split(r"\nVersion [A-Z]\n", "\n" + first)
        assert len(blocks) == len(quiz.versions) + 1
        for version, block in zip(quiz.versions, blocks[1:], strict=True):
            for question in version.questions:
                assert flat(f"{question.number}{question.grid_answer()}") in flat(block), question.grid_answer()


def test_grid_answers_read_as_a_marker_reads_them(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    for _, quiz in class_quizzes.values():
        for question in quiz.versions[0].questions:
            answer = question.grid_answer()
            if question.item.type == "mcq":
                assert re.fullmatch(r"[A-D]", answer)
            elif question.item.type == "true-false":
                assert answer in ("T", "F")
            elif question.item.type == "ordering":
                assert sorted(answer.split()) == sorted(str(i + 1) for i in range(len(question.options)))
            elif question.item.type == "matching":
                assert re.fullmatch(r"(\d+-[A-Z] ?)+", answer)


def test_every_key_passage_holds_its_answer_in_bold_on_word_boundaries(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    from quizgen.key_evidence import answer_passages
    from quizgen.phrases import normalise
    from quizgen.render.passages import answer_forms
    from tests.pdf_reading import bold_runs

    for report, quiz in class_quizzes.values():
        key = flat("".join(page_texts(report.key)))
        for version in quiz.versions:
            for question in version.questions:
                shown_all = question.key_passages()
                for shown in shown_all:
                    assert flat(shown_quote(shown.passage)) in key
                    if shown.answer_span is not None:
                        start, end = shown.answer_span
                        marked = normalise(shown.passage.quote[start:end])
                        assert marked in [normalise(form) for form in answer_forms(question.item)]
                # the answer is in bold wherever a passage states it; a passage that speaks of the event without
                # its answer ("… has signed a decree") stands beside one that does, or alone where none does
                if question.item.type in ("mcq", "short-answer") and answer_passages(question.item):
                    assert any(shown.answer_span is not None for shown in shown_all), question.item.id
        runs = bold_runs(report.key, 9)  # the passage style's size
        assert runs
        for before, run, after in runs:
            assert not (before.isalnum() and run[0].isalnum()), (before, run)
            assert not (after.isalnum() and run[-1].isalnum()), (run, after)


def test_the_key_grid_shows_the_short_forms_a_marker_accepts(class_quizzes) -> None:  # type: ignore[no-untyped-def]
    report, quiz = class_quizzes["shipped"]
    grid = PdfReader(str(report.key)).pages[0].extract_text()
    shown = [q.grid_answer() for version in quiz.versions for q in version.questions
             if q.item.type == "short-answer" and q.accepted_alternatives()]
    assert shown and all("(or " in answer for answer in shown)
    assert all(answer in " ".join(grid.split()) for answer in shown)


def test_draws_that_leave_two_dates_unordered_are_merged_by_their_dates() -> None:
    # "9 October" of one draw and "9 August" of another both come before "9 November": the draws alone do not say
    # which came first, the dates do; no window is cut across them ("9 September, 9 August, …")
    from quizgen.items import Item
    from quizgen.items.item import Passage
    from quizgen.quiz import plan_quiz

    passage = Passage("deal", "text", "A text", 0, 40, "A deal was brokered on November 9, 2020.")

    def drawn(options: tuple[str, ...]) -> Item:
        return Item(id="mcq:date:deal", type="mcq", role="date", prompt="On what date was the deal brokered?",
                    answer="9 November 2020", fact_ids=("deal",), passages=(passage,), options=options,
                    correct_option=options.index("9 November 2020"))

    first = drawn(("9 September 2020", "9 October 2020", "9 November 2020", "9 December 2020"))
    other = drawn(("9 August 2020", "9 November 2020", "9 December 2020", "9 January 2021"))
    quiz = plan_quiz([first], "Quiz", 1, 4, 0, lambda chosen, version: [other])
    shown = {question.options for version in quiz.versions for question in version.questions}
    in_time = [f"9 {month}" for month in ("August 2020", "September 2020", "October 2020", "November 2020",
                                          "December 2020", "January 2021")]
    windows = {tuple(in_time[start:start + 4]) for start in range(3)}
    assert first.options in shown and shown <= windows


def test_a_days_versions_stay_within_its_year_where_the_letter_can_still_move() -> None:
    # "9 January 2021" for a deal of the "2020 war" another question names is ruled out unread
    from quizgen.items import Item
    from quizgen.items.item import Passage
    from quizgen.quiz import plan_quiz

    passage = Passage("deal", "text", "A text", 0, 40, "A deal was brokered on November 9, 2020.")
    months = ("August 2020", "September 2020", "October 2020", "November 2020", "December 2020", "January 2021",
              "February 2021")
    days = [f"9 {month}" for month in months]

    def drawn(start: int) -> Item:
        options = tuple(days[start:start + 4])
        return Item(id="mcq:date:deal", type="mcq", role="date", prompt="On what date was the deal brokered?",
                    answer="9 November 2020", fact_ids=("deal",), passages=(passage,), options=options,
                    correct_option=options.index("9 November 2020"))

    quiz = plan_quiz([drawn(2)], "Quiz", 1, 4, 0, lambda chosen, version: [drawn(start) for start in range(4)])
    shown = [question for version in quiz.versions for question in version.questions]
    assert all(option.endswith("2020") for question in shown for option in question.options)
    assert len({question.correct for question in shown}) == 2
