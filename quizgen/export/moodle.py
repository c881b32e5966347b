"""Moodle XML (``<quiz>``), as Moodle's question bank imports it (Question bank → Import).

There is no schema: Moodle's importer (``question/format/xml/format.php``) is the definition.
A category question comes first, so everything lands in one category named after the quiz.
Every question carries the item id in ``idnumber`` (short form past 100 characters), the
item's tags, and the passage and its source as general feedback.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from lxml import etree

from quizgen.export.archive import element, xml_bytes
from quizgen.export.feedback import feedback_html, ordered_labels, question_name
from quizgen.export.ids import short_id
from quizgen.items import Item, ItemType

MAX_TAG_LENGTH = 50  # Moodle cuts longer tags
_CLOZE_ANSWER_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "}": "&#125;", "~": "&#126;", "#": "\\#",
                         "{": "&#123;"}


def render(items: Sequence[Item], title: str) -> bytes:
    quiz = etree.Element("quiz")
    category = element(quiz, "question", type="category")
    _text(category, "category", f"$course$/top/{title.replace('/', '//')}")
    for item in items:
        quiz.append(_question(item))
    return xml_bytes(quiz)


def moodle_type(item_type: ItemType) -> str:
    return _MOODLE_TYPES[item_type]


def _question(item: Item) -> etree._Element:
    question = etree.Element("question", type=moodle_type(item.type))
    _text(question, "name", question_name(item))
    if item.type == "cloze":
        _text(question, "questiontext", _cloze_text(item), format="html")
    else:
        _text(question, "questiontext", f"<p>{html.escape(item.prompt)}</p>", format="html")
    _text(question, "generalfeedback", feedback_html(item), format="html")
    element(question, "defaultgrade", "1")
    element(question, "penalty", "1" if item.type == "true-false" else "0.3333333")
    element(question, "hidden", "0")
    element(question, "idnumber", short_id(item.id))
    _BODIES[item.type](question, item)
    if item.tags:
        tags = element(question, "tags")
        for tag in dict.fromkeys(tag[:MAX_TAG_LENGTH] for tag in item.tags):
            _text(tags, "tag", tag)
    return question


def _text(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    field = element(parent, tag, **attributes)
    element(field, "text", text)
    return field


def _answer(question: etree._Element, text: str, fraction: str, answer_format: str = "html") -> None:
    answer = element(question, "answer", fraction=fraction, format=answer_format)
    element(answer, "text", text)
    _text(answer, "feedback", "", format="html")


def _multichoice(question: etree._Element, item: Item) -> None:
    element(question, "single", "true")
    element(question, "shuffleanswers", "false")  # the engine's order (dates stay chronological)
    element(question, "answernumbering", "abc")
    for index, option in enumerate(item.options):
        _answer(question, html.escape(option), "100" if index == item.correct_option else "0")


def _truefalse(question: etree._Element, item: Item) -> None:
    is_true = item.correct_option == 0 if item.options else item.answer.lower() == "true"
    _answer(question, "true", "100" if is_true else "0", "moodle_auto_format")
    _answer(question, "false", "0" if is_true else "100", "moodle_auto_format")


def _shortanswer(question: etree._Element, item: Item) -> None:
    element(question, "usecase", "0")
    for answer in dict.fromkeys((item.answer, *item.alternatives)):
        # in a short answer, * is a wildcard unless escaped
        _answer(question, answer.replace("*", "\\*"), "100", "moodle_auto_format")


def _matching(question: etree._Element, item: Item) -> None:
    element(question, "shuffleanswers", "true")
    for left, right in item.pairs:
        _subquestion(question, html.escape(left), right)
    for extra in item.extra_options:
        _subquestion(question, "", extra)  # a subquestion without text is an extra wrong answer


def _subquestion(question: etree._Element, text: str, answer: str) -> None:
    sub = element(question, "subquestion", format="html")
    element(sub, "text", text)
    _text(sub, "answer", answer)


def _ordering(question: etree._Element, item: Item) -> None:
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
        element(question, tag, value)
    for position, label in enumerate(ordered_labels(item), start=1):
        _answer(question, html.escape(label), f"{position}.0000000")


def _cloze(question: etree._Element, item: Item) -> None:
    """The blank lives in the question text (see ``_cloze_text``); nothing else to add."""


def _cloze_text(item: Item) -> str:
    """``before {1:SHORTANSWER:=answer~=alternative} after``, in HTML.

    Moodle's cloze parser ends an answer at an unescaped ``~``, ``#`` or ``}``; it decodes HTML
    entities afterwards, and ``&#…;`` is never read as an end. So ``}``, ``~`` and ``{`` become
    entities and ``#`` is escaped the way the parser undoes (``\\#``).
    """
    before, _, after = item.cloze or (item.prompt, "", "")
    answers = "~".join(f"={_cloze_answer(a)}" for a in dict.fromkeys((item.answer, *item.alternatives)))
    return f"<p>{_cloze_prose(before)}{{1:SHORTANSWER:{answers}}}{_cloze_prose(after)}</p>"


def _cloze_answer(answer: str) -> str:
    return "".join(_CLOZE_ANSWER_ESCAPES.get(ch, ch) for ch in answer)


def _cloze_prose(text: str) -> str:
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


_MOODLE_TYPES: dict[ItemType, str] = {
    "mcq": "multichoice", "true-false": "truefalse", "short-answer": "shortanswer", "qa": "shortanswer",
    "matching": "matching", "cloze": "cloze", "ordering": "ordering",
}
_BODIES: dict[ItemType, Callable[[etree._Element, Item], None]] = {
    "mcq": _multichoice, "true-false": _truefalse, "short-answer": _shortanswer, "qa": _shortanswer,
    "matching": _matching, "cloze": _cloze, "ordering": _ordering,
}
