"""An IMS content package of QTI 2.1 items and one test that references them all.

Each item is its own ``assessmentItem`` file (resource type ``imsqti_item_xmlv2p1``) and the
``assessmentTest`` (``imsqti_test_xmlv2p1``) lists them in order. Identifiers are NCNames
mapped from item ids. Every response declares its ``correctResponse`` and is scored by
explicit rules that do what the standard templates do (``match_correct``, or
``map_response`` where several answers or pairs count), and also show the passage and its
source as modal feedback once the item is answered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from quizgen.export.archive import element, namespaced_root, xml_bytes, zip_bytes
from quizgen.export.feedback import feedback_html, ordered_labels, question_name
from quizgen.export.ids import digest, ncname
from quizgen.export.manifest import Resource, manifest
from quizgen.items import Item, ItemType

QTI21_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
SCHEMA_LOCATION = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True)
_FEEDBACK_ID = "PASSAGE"


def render(items: Sequence[Item], title: str) -> bytes:
    files = {f"items/{ncname(item.id)}.xml": item_xml(item) for item in items}
    test_id = f"test-{digest(title + '|' + '|'.join(item.id for item in items))}"
    resources = [Resource(test_id, "imsqti_test_xmlv2p1", "test.xml",
                          tuple(f"res-{ncname(item.id)}" for item in items))]
    resources += [Resource(f"res-{ncname(item.id)}", "imsqti_item_xmlv2p1", f"items/{ncname(item.id)}.xml")
                  for item in items]
    return zip_bytes({"imsmanifest.xml": manifest(f"manifest-{test_id}", resources),
                      "test.xml": test_xml(items, title, test_id), **files})


def interaction_name(item_type: ItemType) -> str:
    return _INTERACTIONS[item_type]


def _root(tag: str, **attributes: str) -> etree._Element:
    return namespaced_root(QTI21_NS, tag, SCHEMA_LOCATION, **attributes)


def test_xml(items: Sequence[Item], title: str, test_id: str) -> bytes:
    test = _root("assessmentTest", identifier=test_id, title=title)
    element(test, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    part = element(test, "testPart", identifier="part1", navigationMode="nonlinear", submissionMode="simultaneous")
    section = element(part, "assessmentSection", identifier="section1", title=title, visible="true")
    for item in items:
        element(section, "assessmentItemRef", identifier=ncname(item.id), href=f"items/{ncname(item.id)}.xml")
    total = element(element(test, "outcomeProcessing"), "setOutcomeValue", identifier="SCORE")
    element(element(total, "sum"), "testVariables", variableIdentifier="SCORE")
    return xml_bytes(test)


def item_xml(item: Item) -> bytes:
    root = _root("assessmentItem", identifier=ncname(item.id), title=question_name(item), adaptive="false",
                 timeDependent="false")
    declaration = element(root, "responseDeclaration", identifier="RESPONSE")
    for name, base in (("SCORE", "float"), ("FEEDBACK", "identifier")):
        element(root, "outcomeDeclaration", identifier=name, cardinality="single", baseType=base)
    body = element(root, "itemBody")
    mapped = _BODIES[item.type](declaration, body, item)
    _processing(element(root, "responseProcessing"), mapped)
    feedback = element(root, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=_FEEDBACK_ID, showHide="show",
                   title="Source")
    feedback.extend(_flow(feedback_html(item)))
    return xml_bytes(root)


def _flow(xhtml: str) -> list[etree._Element]:
    """Our feedback HTML (p, blockquote, strong, cite) as QTI's XHTML elements."""
    holder = etree.fromstring(f'<div xmlns="{QTI21_NS}">{xhtml}</div>', _SAFE)
    return list(holder)


def _declare(declaration: etree._Element, cardinality: str, base_type: str, correct: Sequence[str]) -> None:
    declaration.set("cardinality", cardinality)
    declaration.set("baseType", base_type)
    values = element(declaration, "correctResponse")
    for value in correct:
        element(values, "value", value)


def _map(declaration: etree._Element, keys: Sequence[str], case_sensitive: bool = True) -> None:
    mapping = element(declaration, "mapping", defaultValue="0", lowerBound="0")
    for key in keys:
        entry = element(mapping, "mapEntry", mapKey=key, mappedValue="1")
        if not case_sensitive:
            entry.set("caseSensitive", "false")


def _processing(processing: etree._Element, mapped: bool) -> None:
    """``map_response`` or ``match_correct`` written out, then the passage shown as feedback."""
    condition = element(processing, "responseCondition")
    first = element(condition, "responseIf")
    if mapped:
        element(element(first, "isNull"), "variable", identifier="RESPONSE")
        _set(first, "SCORE", "float", "0")
        element(element(element(condition, "responseElse"), "setOutcomeValue", identifier="SCORE"), "mapResponse",
            identifier="RESPONSE")
    else:
        match = element(first, "match")
        element(match, "variable", identifier="RESPONSE")
        element(match, "correct", identifier="RESPONSE")
        _set(first, "SCORE", "float", "1")
        _set(element(condition, "responseElse"), "SCORE", "float", "0")
    _set(processing, "FEEDBACK", "identifier", _FEEDBACK_ID)


def _set(parent: etree._Element, identifier: str, base_type: str, value: str) -> None:
    element(element(parent, "setOutcomeValue", identifier=identifier), "baseValue", value, baseType=base_type)


def _choice(declaration: etree._Element, body: etree._Element, item: Item) -> bool:
    options = item.options if item.type == "mcq" or item.options else ("True", "False")
    correct = item.correct_option if item.correct_option is not None else int(item.answer.lower() != "true")
    _declare(declaration, "single", "identifier", [f"choice{correct + 1}"])
    interaction = element(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false", maxChoices="1")
    element(interaction, "prompt", item.prompt)
    for index, option in enumerate(options, start=1):
        element(interaction, "simpleChoice", option, identifier=f"choice{index}")
    return False


def _text_entry(declaration: etree._Element, body: etree._Element, item: Item) -> bool:
    answers = list(dict.fromkeys((item.answer, *item.alternatives)))
    _declare(declaration, "single", "string", [item.answer])
    _map(declaration, answers, case_sensitive=False)
    if item.type == "cloze" and item.cloze:
        before, _, after = item.cloze
    else:
        element(body, "p", item.prompt)
        before, after = "", ""
    paragraph = element(body, "p", before)
    entry = element(paragraph, "textEntryInteraction", responseIdentifier="RESPONSE",
                expectedLength=str(max(len(a) for a in answers)))
    entry.tail = after
    return True


def _match(declaration: etree._Element, body: etree._Element, item: Item) -> bool:
    rights = list(dict.fromkeys([*(right for _, right in item.pairs), *item.extra_options]))
    pairs = [f"left{i} right{rights.index(right) + 1}" for i, (_, right) in enumerate(item.pairs, start=1)]
    _declare(declaration, "multiple", "directedPair", pairs)
    _map(declaration, pairs)
    interaction = element(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                      maxAssociations=str(len(item.pairs)))
    element(interaction, "prompt", item.prompt)
    lefts = element(interaction, "simpleMatchSet")
    for index, (left, _) in enumerate(item.pairs, start=1):
        element(lefts, "simpleAssociableChoice", left, identifier=f"left{index}", matchMax="1")
    answers = element(interaction, "simpleMatchSet")
    for index, right in enumerate(rights, start=1):
        element(answers, "simpleAssociableChoice", right, identifier=f"right{index}", matchMax="1")
    return True


def _order(declaration: etree._Element, body: etree._Element, item: Item) -> bool:
    shown = list(item.options or ordered_labels(item))
    order = [f"element{shown.index(label) + 1}" for label in ordered_labels(item)]
    _declare(declaration, "ordered", "identifier", order)
    interaction = element(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="false")
    element(interaction, "prompt", item.prompt)
    for index, label in enumerate(shown, start=1):
        element(interaction, "simpleChoice", label, identifier=f"element{index}")
    return False


_INTERACTIONS: dict[ItemType, str] = {
    "mcq": "choiceInteraction", "true-false": "choiceInteraction", "short-answer": "textEntryInteraction",
    "qa": "textEntryInteraction", "cloze": "textEntryInteraction", "matching": "matchInteraction",
    "ordering": "orderInteraction",
}
_BODIES: dict[ItemType, Callable[[etree._Element, etree._Element, Item], bool]] = {
    "mcq": _choice, "true-false": _choice, "short-answer": _text_entry, "qa": _text_entry, "cloze": _text_entry,
    "matching": _match, "ordering": _order,
}
