"""GIFT: read back with a parser written from Moodle's GIFT importer, into the same questions."""

from __future__ import annotations

import pytest
from export_support import all_items
from gift_parser import GiftQuestion, read_gift
from validation import shared

from quizgen import Item
from quizgen.export import render_export
from quizgen.export.feedback import feedback_text, one_line, ordering_as_matching
from quizgen.export.gift import escape
from quizgen.export.ids import short_id

GIFT_TYPES = {"mcq": "multichoice", "true-false": "truefalse", "short-answer": "shortanswer", "qa": "shortanswer",
              "cloze": "shortanswer", "matching": "match", "ordering": "match"}


def test_parser_reads_moodles_fixtures() -> None:
    questions = read_gift((shared("moodle/fixtures") / "gift_questions.gift.txt").read_text(encoding="utf-8"))
    kinds = [q.qtype for q in questions]
    assert kinds == ["essay", "match", "multichoice", "multichoice", "numerical", "shortanswer", "truefalse",
                     "truefalse", "truefalse"]
    match = questions[1]
    assert match.subquestions[0] == ("An activity supporting asynchronous discussions.", "Forum")
    assert match.subquestions[-1] == ("", "Chat")
    assert questions[6].correct is False
    assert questions[6].general_feedback == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    in_category = read_gift((shared("moodle/fixtures") / "gift_questions_in_category.gift.txt").read_text("utf-8"))
    assert in_category[0].category == "$course$/Default for New Features"


def _expected_text(item: Item) -> str:
    if item.type == "cloze" and item.cloze:
        before, _, after = item.cloze
        return one_line(before) + ("_____" + one_line(after) if after else "")
    if item.type == "ordering":
        return ordering_as_matching(item)[0]
    return one_line(item.prompt)


def _assert_same(question: GiftQuestion, item: Item) -> None:
    assert question.qtype == GIFT_TYPES[item.type]
    assert question.name == question.idnumber == short_id(item.id)
    assert question.tags == list(dict.fromkeys(item.tags))
    assert question.text == _expected_text(item).strip()
    assert question.general_feedback == feedback_text(item)
    if item.type == "mcq":
        assert question.answers == [(o, 1.0 if i == item.correct_option else 0.0) for i, o in enumerate(item.options)]
    elif item.type == "true-false":
        assert question.correct == (item.correct_option == 0)
    elif item.type in ("qa", "short-answer", "cloze"):
        assert question.answers == [(a, 1.0) for a in dict.fromkeys((item.answer, *item.alternatives))]
    elif item.type == "matching":
        assert question.subquestions == [*item.pairs, *(("", extra) for extra in item.extra_options)]
    else:
        assert question.subquestions == ordering_as_matching(item)[1]


@pytest.mark.parametrize("base", ["shipped", "apollo"])
def test_gift_reads_back_into_the_same_questions(base: str) -> None:
    items = all_items(base)
    text = render_export(items, "gift", "Class quiz").decode("utf-8")
    category, *questions = read_gift(text)
    assert category.category == "$course$/top/Class quiz"
    assert len(questions) == len(items)
    for question, item in zip(questions, items, strict=True):
        _assert_same(question, item)
    blocks = text.rstrip("\n").split("\n\n")
    assert len(blocks) == len(items) + 1  # one blank line between questions, none inside one
    assert sum("// ordering given as matching" in block for block in blocks) == sum(
        item.type == "ordering" for item in items)


def test_escapes_as_moodles_export_does() -> None:
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert escape("two\nlines") == "two lines"
