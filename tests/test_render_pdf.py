"""Quizzes, keys and handouts read back from the PDF, the way a teacher's printer sees them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.build import build_handout, build_quiz
from quizgen.errors import QuizgenError
from quizgen.factbase import load_factbase
from quizgen.items import items_for
from quizgen.quiz import plan_quiz
from quizgen.select import Selection
from tests.conftest import APOLLO, FACTS

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
    quiz = plan_quiz(items_for(factbase, factbase.facts, TYPES, 5), "Test quiz", 24, 3, 5)  # type: ignore[arg-type]
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
                assert question.options == question.item.options
        letters = [q.correct for q in mcqs]
        assert max(letters.count(i) for i in range(4)) - min(letters.count(i) for i in range(4)) <= 2


def test_every_key_answer_and_passage_is_printed(quiz_files) -> None:  # type: ignore[no-untyped-def]
    report, quiz = quiz_files
    key = flat("".join(page_texts(report.key)))
    for version in quiz.versions:
        for question in version.questions:
            assert flat(question.key_answer()) in key, question.key_answer()
            for passage in question.item.passages:
                assert flat(passage.quote) in key, passage.quote
                assert flat(passage.source_label) in key


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
        "Version A", "Version B", "Version C"]


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


def test_handout_has_timeline_and_glossary_with_citations(tmp_path: Path) -> None:
    factbase = load_factbase(APOLLO)
    report = build_handout(factbase, Selection(), tmp_path / "h.pdf", title="Apollo handout")
    text = flat("".join(page_texts(report.path)))
    for fact in factbase:
        if fact.date is not None or fact.kind in ("place", "agreement"):
            assert flat(fact.name) in text, fact.name
    assert flat("also called Mare Tranquillitatis (used by astronomers)") in text
    assert flat("Apollo 11: a short study text, quizgen test suite, 1 March 2024") in text
    outline = [o.title for o in PdfReader(str(report.path)).outline if not isinstance(o, list)]
    assert outline == ["Timeline", "Glossary"]


def test_preflight_names_characters_the_font_cannot_print(apollo_copy: Path, tmp_path: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"][2]["statement"] = "The crew returned to Earth on 24 July 1969 and said 你好."
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "h.pdf"
    with pytest.raises(QuizgenError, match=r"U\+4F60 CJK UNIFIED IDEOGRAPH-4F60 \(你\)"):
        build_handout(load_factbase(apollo_copy), Selection(), out)
    assert not out.exists()


def test_armenian_and_schwa_print(apollo_copy: Path, tmp_path: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"][2]["statement"] = "The crew returned on 24 July 1969 (Արցախ, Xankəndi — “test”)."
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    report = build_handout(load_factbase(apollo_copy), Selection(), tmp_path / "h.pdf")
    assert "Արցախ" in "".join(page_texts(report.path))


def test_key_cannot_overwrite_the_quiz(tmp_path: Path) -> None:
    with pytest.raises(QuizgenError, match="overwrite the quiz"):
        build_quiz(load_factbase(APOLLO), Selection(), ["mcq"], tmp_path / "q.pdf", key=tmp_path / "q.pdf")
