"""Shared by the export tests: every item of a fact base, and each format's questions counted by type."""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import cache
from pathlib import Path

from gift_parser import read_gift
from lxml import etree
from validation import parse, unzip

from quizgen import ITEM_TYPES, Item, Selection, load_factbase
from quizgen.build import selected_items
from quizgen.export.qti12 import QTI12_NS
from quizgen.export.qti21 import QTI21_NS

ROOT = Path(__file__).resolve().parent.parent
BASES = {"shipped": ROOT / "facts.json", "apollo": ROOT / "tests" / "fixtures" / "apollo" / "facts.json"}


@cache
def all_items(base: str) -> tuple[Item, ...]:
    """Every item of every type the fact base yields (seed 0): what ``quizgen items`` prints."""
    return tuple(selected_items(load_factbase(BASES[base]), Selection(), ITEM_TYPES, 0))


def plain_text(html_text: str) -> str:
    """HTML as a reader sees it: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def moodle_questions(data: bytes) -> list[etree._Element]:
    return [q for q in parse(data).getroot().findall("question") if q.get("type") != "category"]


def qti12_items(data: bytes) -> list[etree._Element]:
    files = unzip(data)
    (path,) = [name for name in files if name != "imsmanifest.xml"]
    return parse(files[path]).getroot().findall(f".//{{{QTI12_NS}}}item")


def qti12_type(item: etree._Element) -> str:
    fields = item.findall(f".//{{{QTI12_NS}}}qtimetadatafield")
    return next(f.findtext(f"{{{QTI12_NS}}}fieldentry") or "" for f in fields
                if f.findtext(f"{{{QTI12_NS}}}fieldlabel") == "question_type")


def qti21_interaction(data: bytes) -> str:
    body = parse(data).getroot().find(f"{{{QTI21_NS}}}itemBody")
    assert body is not None
    (interaction,) = [node for node in body.iter() if isinstance(node.tag, str) and node.tag.endswith("Interaction")]
    return etree.QName(interaction).localname


def questions_by_type(export_format: str, data: bytes) -> Counter[str]:
    """How many questions a file holds, by the platform's own question type."""
    if export_format == "moodle":
        return Counter(q.get("type") or "" for q in moodle_questions(data))
    if export_format == "gift":
        return Counter(q.qtype for q in read_gift(data.decode("utf-8")) if q.qtype != "category")
    if export_format == "qti12":
        return Counter(qti12_type(item) for item in qti12_items(data))
    if export_format == "qti21":
        files = unzip(data)
        return Counter(qti21_interaction(body) for name, body in files.items() if name.startswith("items/"))
    return Counter("card" for _ in data.decode("utf-8").splitlines())
