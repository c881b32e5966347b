"""Moodle XML: checked against Moodle's importer rules (tests/moodle_rules.py) on both fact bases."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_support import all_items, moodle_questions, plain_text
from moodle_rules import check_moodle_xml, cloze_parts
from validation import shared

from quizgen import Item
from quizgen.export import render_export
from quizgen.export.ids import short_id
from quizgen.export.moodle import moodle_type
from quizgen.items import Passage
from quizgen.render.passages import shown_quote

MOODLE_REJECTS = {"broken_cloze_questions.xml": 5, "error_invalid_grades.xml": 1}


def _fixtures() -> list[Path]:
    return sorted(shared("moodle/fixtures").glob("*.xml"))


def test_checker_accepts_what_moodle_imports() -> None:
    accepted = [path for path in _fixtures() if path.name not in MOODLE_REJECTS]
    assert len(accepted) >= 15
    for path in accepted:
        assert check_moodle_xml(path.read_bytes()) == [], path.name


@pytest.mark.parametrize(("fixture", "questions"), sorted(MOODLE_REJECTS.items()))
def test_checker_rejects_what_moodle_rejects(fixture: str, questions: int) -> None:
    problems = check_moodle_xml((shared("moodle/fixtures") / fixture).read_bytes())
    assert len({problem.split(":")[0] for problem in problems}) == questions, problems


@pytest.mark.parametrize("base", ["shipped", "apollo"])
def test_moodle_imports_every_item(base: str) -> None:
    items = all_items(base)
    data = render_export(items, "moodle", "Class quiz")
    assert check_moodle_xml(data) == []
    questions = moodle_questions(data)
    assert [q.get("type") for q in questions] == [moodle_type(item.type) for item in items]
    assert [q.findtext("idnumber") for q in questions] == [short_id(item.id) for item in items]
    for question, item in zip(questions, items, strict=True):
        assert [t.findtext("text") for t in question.findall("tags/tag")] == list(dict.fromkeys(item.tags))
        feedback = plain_text(question.findtext("generalfeedback/text") or "")
        for passage in item.passages:
            assert shown_quote(passage) in feedback and passage.source_label in feedback
        if item.type == "cloze":
            (part,), _ = cloze_parts(question.findtext("questiontext/text") or "")
            assert part.answers[0] == item.answer and part.fractions[0] == 1


def test_category_comes_first() -> None:
    data = render_export(all_items("apollo"), "moodle", "Apollo / 11")
    assert check_moodle_xml(data) == []
    assert b"<text>$course$/top/Apollo // 11</text>" in data.split(b"</question>")[0]


def _cloze_item(answer: str) -> Item:
    passage = Passage("f", "s", "Source, 2024", 0, len(answer), f"it was {answer}")
    return Item(id="cloze:f", type="cloze", role="statement", prompt="It was […].", answer=answer, fact_ids=("f",),
                passages=(passage,), cloze=("It was {1:", answer, "} #1 & ~ <b>."))


@pytest.mark.parametrize("answer", ["a}b", "x#y", "p~q", "A & B", "<tag>", "{1:SA:=x}", "100%"])
def test_cloze_answers_survive_moodles_parser(answer: str) -> None:
    data = render_export([_cloze_item(answer)], "moodle")
    assert check_moodle_xml(data) == []
    text = moodle_questions(data)[0].findtext("questiontext/text") or ""
    (part,), rest = cloze_parts(text)
    assert part.answers == [answer]
    assert plain_text(rest) == "It was {1:{#1}} #1 & ~ <b>."


def test_checker_catches_what_the_export_guards_against() -> None:
    long_id = "matching:dates:" + "+".join(f"a-fact-with-a-long-id-{n}" for n in range(8))
    item = _cloze_item("x")
    data = render_export([item], "moodle").replace(b"<idnumber>cloze:f", b"<idnumber>" + long_id.encode())
    assert any("idnumber longer" in p for p in check_moodle_xml(data))
    unescaped = render_export([_cloze_item("a}b")], "moodle").replace(b"&amp;#125;", b"}")
    assert check_moodle_xml(unescaped) == [] and cloze_parts(
        moodle_questions(unescaped)[0].findtext("questiontext/text") or "")[0][0].answers == ["a"]
