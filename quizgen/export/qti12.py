"""A QTI 1.2 content package in Canvas's dialect (Settings → Import course content → QTI .zip).

One assessment holds every item. Each item's metadata gives Canvas its ``question_type``
and ``points_possible``; the right response sets the full score (100); the passage and its
source are the item's general feedback, shown after answering. Canvas has no ordering
question: an ordering item is a matching question (each element to its position). A cloze
item is a fill-in-multiple-blanks question with one blank.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from lxml import etree

from quizgen.export.archive import element, namespaced_root, xml_bytes, zip_bytes
from quizgen.export.feedback import feedback_html, ordering_as_matching, question_name
from quizgen.export.ids import digest, ncname
from quizgen.export.manifest import Resource, manifest
from quizgen.items import Item, ItemType

QTI12_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
FULL_SCORE = 100
_FEEDBACK_ID = "general_fb"


def render(items: Sequence[Item], title: str) -> bytes:
    assessment_id = f"assessment-{digest(title + '|' + '|'.join(item.id for item in items))}"
    path = f"{assessment_id}/{assessment_id}.xml"
    return zip_bytes({
        "imsmanifest.xml": manifest(f"manifest-{assessment_id}", [Resource(assessment_id, "imsqti_xmlv1p2", path)]),
        path: assessment_xml(items, title, assessment_id),
    })


def assessment_xml(items: Sequence[Item], title: str, assessment_id: str) -> bytes:
    root = namespaced_root(QTI12_NS, "questestinterop", "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd")
    assessment = element(root, "assessment", ident=assessment_id, title=title)
    section = element(assessment, "section", ident="root_section")
    for item in items:
        _item(section, item)
    return xml_bytes(root)


def canvas_type(item_type: ItemType) -> str:
    return _CANVAS_TYPES[item_type]


def _item(section: etree._Element, item: Item) -> None:
    node = element(section, "item", ident=ncname(item.id), title=question_name(item))
    metadata = element(element(node, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", canvas_type(item.type)), ("points_possible", "1.0"),
                         ("assessment_question_identifierref", ncname(item.id))):
        field = element(metadata, "qtimetadatafield")
        element(field, "fieldlabel", label)
        element(field, "fieldentry", entry)
    presentation = element(node, "presentation")
    processing = element(node, "resprocessing")
    element(element(processing, "outcomes"), "decvar", maxvalue=str(FULL_SCORE), minvalue="0", varname="SCORE",
        vartype="Decimal")
    shown = element(processing, "respcondition", **{"continue": "Yes"})
    element(element(shown, "conditionvar"), "other")
    element(shown, "displayfeedback", feedbacktype="Response", linkrefid=_FEEDBACK_ID)
    _BODIES[item.type](presentation, processing, item)
    feedback = element(node, "itemfeedback", ident=_FEEDBACK_ID)
    _mattext(element(feedback, "flow_mat"), feedback_html(item), "text/html")


def _mattext(parent: etree._Element, text: str, texttype: str = "text/plain") -> None:
    element(element(parent, "material"), "mattext", text, texttype=texttype)


def _prompt(presentation: etree._Element, text: str) -> None:
    _mattext(presentation, f"<div><p>{html.escape(text)}</p></div>", "text/html")


def _score(processing: etree._Element, respident: str, values: Sequence[str], score: str,
           action: str = "Set") -> None:
    condition = element(processing, "respcondition", **{"continue": "No"})
    test = element(condition, "conditionvar")
    if len(values) > 1:
        test = element(test, "or")
    for value in values:
        element(test, "varequal", value, respident=respident)
    element(condition, "setvar", score, action=action, varname="SCORE")


def _choices(presentation: etree._Element, processing: etree._Element, prompt: str, options: Sequence[str],
             correct: int) -> None:
    _prompt(presentation, prompt)
    choice = element(element(presentation, "response_lid", ident="response1", rcardinality="Single"), "render_choice")
    for index, option in enumerate(options, start=1):
        _mattext(element(choice, "response_label", ident=f"choice{index}"), option)
    _score(processing, "response1", [f"choice{correct + 1}"], str(FULL_SCORE))


def _multiple_choice(presentation: etree._Element, processing: etree._Element, item: Item) -> None:
    _choices(presentation, processing, item.prompt, item.options, item.correct_option or 0)


def _true_false(presentation: etree._Element, processing: etree._Element, item: Item) -> None:
    is_true = item.correct_option == 0 if item.options else item.answer.lower() == "true"
    _choices(presentation, processing, item.prompt, ("True", "False"), 0 if is_true else 1)


def _short_answer(presentation: etree._Element, processing: etree._Element, item: Item) -> None:
    _prompt(presentation, item.prompt)
    response = element(presentation, "response_str", ident="response1", rcardinality="Single")
    element(element(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    _score(processing, "response1", list(dict.fromkeys((item.answer, *item.alternatives))), str(FULL_SCORE))


def _pairs(presentation: etree._Element, processing: etree._Element, prompt: str,
           pairs: Sequence[tuple[str, str]], extras: Sequence[str]) -> None:
    _prompt(presentation, prompt)
    answers = list(dict.fromkeys([*(right for _, right in pairs), *extras]))
    shares = _shares(len(pairs))
    for number, (left, right) in enumerate(pairs, start=1):
        response = element(presentation, "response_lid", ident=f"response_{number}")
        _mattext(response, left)
        choice = element(response, "render_choice")
        for index, answer in enumerate(answers, start=1):
            _mattext(element(choice, "response_label", ident=f"match{index}"), answer)
        _score(processing, f"response_{number}", [f"match{answers.index(right) + 1}"], shares[number - 1],
               "Add")


def _shares(count: int) -> list[str]:
    """``count`` parts of the full score, in hundredths, that add up to it exactly."""
    hundredths = FULL_SCORE * 100
    parts = [hundredths // count] * count
    parts[-1] += hundredths - sum(parts)
    return [f"{part / 100:.2f}" for part in parts]


def _matching(presentation: etree._Element, processing: etree._Element, item: Item) -> None:
    _pairs(presentation, processing, item.prompt, item.pairs, item.extra_options)


def _ordering(presentation: etree._Element, processing: etree._Element, item: Item) -> None:
    prompt, pairs = ordering_as_matching(item)
    _pairs(presentation, processing, prompt, pairs, ())


def _fill_in_blank(presentation: etree._Element, processing: etree._Element, item: Item) -> None:
    before, _, after = item.cloze or (item.prompt, "", "")
    _prompt(presentation, f"{before}[blank1]{after}")
    response = element(presentation, "response_lid", ident="response_blank1")
    _mattext(response, "blank1")
    choice = element(response, "render_choice")
    answers = list(dict.fromkeys((item.answer, *item.alternatives)))
    for index, answer in enumerate(answers, start=1):
        _mattext(element(choice, "response_label", ident=f"blank1_{index}"), answer)
    _score(processing, "response_blank1", [f"blank1_{i}" for i in range(1, len(answers) + 1)], str(FULL_SCORE),
           "Add")


_CANVAS_TYPES: dict[ItemType, str] = {
    "mcq": "multiple_choice_question", "true-false": "true_false_question", "short-answer": "short_answer_question",
    "qa": "short_answer_question", "matching": "matching_question", "ordering": "matching_question",
    "cloze": "fill_in_multiple_blanks_question",
}
_BODIES: dict[ItemType, Callable[[etree._Element, etree._Element, Item], None]] = {
    "mcq": _multiple_choice, "true-false": _true_false, "short-answer": _short_answer, "qa": _short_answer,
    "matching": _matching, "ordering": _ordering, "cloze": _fill_in_blank,
}
