"""QTI: Canvas's QTI 1.2 package against the QTI 1.2.1 DTD, QTI 2.1 items and test against the
QTI 2.1 XSD, and both manifests against the IMS Content Packaging 1.1 XSD."""

from __future__ import annotations

import re

import pytest
from export_support import all_items, plain_text, qti12_items, qti12_type
from lxml import etree
from validation import assert_valid, cp11_schema, parse, qti12_dtd, qti21_schema, unzip, without_namespace

from quizgen.export import render_export
from quizgen.export.ids import ncname
from quizgen.export.qti12 import FULL_SCORE, QTI12_NS, canvas_type
from quizgen.export.qti21 import QTI21_NS, interaction_name
from quizgen.render.passages import shown_quote

CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")


def _package(data: bytes) -> tuple[dict[str, bytes], list[etree._Element]]:
    """The files of a content package and its resources, once its manifest is valid and lists every file."""
    files = unzip(data)
    manifest = parse(files["imsmanifest.xml"])
    assert_valid(cp11_schema(), manifest, "imsmanifest.xml")
    resources = list(manifest.getroot().iter(f"{CP}resource"))
    assert sorted(files) == sorted(["imsmanifest.xml", *(r.get("href") or "" for r in resources)])
    return files, resources


@pytest.mark.parametrize("base", ["shipped", "apollo"])
def test_qti12_is_valid_canvas_qti(base: str) -> None:
    items = all_items(base)
    files, (resource,) = _package(render_export(items, "qti12", "Class quiz"))
    assert resource.get("type") == "imsqti_xmlv1p2"
    assessment = parse(files[resource.get("href") or ""])
    assert assessment.getroot().tag == f"{{{QTI12_NS}}}questestinterop"
    assert_valid(qti12_dtd(), without_namespace(assessment), "assessment")
    nodes = qti12_items(render_export(items, "qti12", "Class quiz"))
    assert [qti12_type(node) for node in nodes] == [canvas_type(item.type) for item in items]
    assert [node.get("ident") for node in nodes] == [ncname(item.id) for item in items]
    for node, item in zip(nodes, items, strict=True):
        labels = {f.findtext(f"{{{QTI12_NS}}}fieldlabel"): f.findtext(f"{{{QTI12_NS}}}fieldentry")
                  for f in node.iter(f"{{{QTI12_NS}}}qtimetadatafield")}
        assert labels["points_possible"] == "1.0"
        scores = [float(s.text or 0) for s in node.iter(f"{{{QTI12_NS}}}setvar")]
        assert sum(scores) == pytest.approx(FULL_SCORE)  # the right response (every part of it) scores in full
        feedback = plain_text("".join(node.find(f"{{{QTI12_NS}}}itemfeedback").itertext()))  # type: ignore[union-attr]
        for passage in item.passages:
            assert shown_quote(passage) in feedback and passage.source_label in feedback


@pytest.mark.parametrize("base", ["shipped", "apollo"])
def test_qti21_is_a_valid_content_package(base: str) -> None:
    items = all_items(base)
    files, resources = _package(render_export(items, "qti21", "Class quiz"))
    test, *item_resources = resources
    assert test.get("type") == "imsqti_test_xmlv2p1"
    assert {r.get("type") for r in item_resources} == {"imsqti_item_xmlv2p1"}
    assert [d.get("identifierref") for d in test.iter(f"{CP}dependency")] == [r.get("identifier")
                                                                            for r in item_resources]
    schema = qti21_schema()
    test_tree = parse(files["test.xml"])
    assert_valid(schema, test_tree, "test.xml")
    refs = [ref.get("href") for ref in test_tree.getroot().iter(f"{{{QTI21_NS}}}assessmentItemRef")]
    assert refs == [r.get("href") for r in item_resources]
    for item, href in zip(items, refs, strict=True):
        tree = parse(files[href or ""])
        assert_valid(schema, tree, href or "")
        root = tree.getroot()
        assert root.get("identifier") == ncname(item.id) and NCNAME.fullmatch(root.get("identifier") or "")
        assert root.find(f".//{{{QTI21_NS}}}{interaction_name(item.type)}") is not None
        for declaration in root.iter(f"{{{QTI21_NS}}}responseDeclaration"):
            assert declaration.find(f"{{{QTI21_NS}}}correctResponse") is not None
        assert root.find(f"{{{QTI21_NS}}}responseProcessing/{{{QTI21_NS}}}responseCondition") is not None
        feedback = "".join(root.find(f"{{{QTI21_NS}}}modalFeedback").itertext())  # type: ignore[union-attr]
        for passage in item.passages:
            assert shown_quote(passage) in feedback and passage.source_label in feedback
