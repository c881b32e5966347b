"""What Moodle's importer accepts: a checker for Moodle XML written from Moodle's own rules.

Moodle publishes no schema for its XML format; ``qformat_xml`` (question/format/xml/format.php)
reads each field by path, ``qformat_default`` (question/format.php) checks every answer's grade
against Moodle's grade options and stops the import on any other, each question type's
``save_question_options`` refuses what it cannot save, and the cloze parser
(question/type/multianswer/questiontype.php: ``ANSWER_REGEX``,
``qtype_multianswer_validate_question``) reads the parts of a cloze text. This module applies
those rules and returns one line per problem; an empty list means Moodle imports the file
as it stands. Two losses that Moodle does not report are reported too: an ``idnumber`` longer
than 100 characters or repeated within a category, and a tag longer than 50 characters.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field

from lxml import etree

SAFE = etree.XMLParser(resolve_entities=False, no_network=True)

# question_bank::fraction_options_full(), as percentages
GRADE_OPTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                 12.5, 11.11111, 10, 5, 0)
MAX_IDNUMBER = 100
MAX_TAG = 50
TYPES_WITH_GRADED_ANSWERS = {"multichoice", "shortanswer", "numerical", "calculated", "calculatedsimple",
                             "calculatedmulti"}
KNOWN_TYPES = {"category", "multichoice", "truefalse", "shortanswer", "numerical", "description", "matching", "match",
               "cloze", "multianswer", "essay", "calculated", "calculatedsimple", "calculatedmulti",
               "ordering"}  # ordering: a standard question type from Moodle 4.5

# the cloze syntax, from multianswer/questiontype.php (PCRE's alternation in a look-behind split in three)
_FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
_ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"
_FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
_ALTERNATIVE = f"({_FRACTION})?({_ANSWER})(#({_FEEDBACK}))?"
_TYPE_DEF = (r"(NUMERICAL|NM)|(MULTICHOICE|MC)|(MULTICHOICE_V|MCV)|(MULTICHOICE_H|MCH)|"
             r"(SHORTANSWER|SA|MW)|(SHORTANSWER_C|SAC|MWC)|"
             r"(MULTICHOICE_S|MCS)|(MULTICHOICE_VS|MCVS)|(MULTICHOICE_HS|MCHS)|"
             r"(MULTIRESPONSE|MR)|(MULTIRESPONSE_H|MRH)|(MULTIRESPONSE_S|MRS)|(MULTIRESPONSE_HS|MRHS)")
ANSWER_REGEX = re.compile(r"\{([0-9]*):(" + _TYPE_DEF + r"):(" + _ALTERNATIVE + "(~" + _ALTERNATIVE + r")*)\}",
                          re.S)
_ALTERNATIVE_REGEX = re.compile("~?" + _ALTERNATIVE, re.S)
_NUMBER = r"-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)"
_NUMERICAL_ALTERNATIVE = re.compile(f"^({_NUMBER})(:{_NUMBER})?$", re.S)
# group numbers in ANSWER_REGEX: 3 numerical, 4 multichoice … 7 shortanswer, 8 shortanswer_c … 12-15 multiresponse
_GROUP_TYPES = {3: "numerical", 7: "shortanswer", 8: "shortanswer"}
_MULTIRESPONSE_GROUPS = {12, 13, 14, 15}
_ALTERNATIVES_GROUP = 16


@dataclass
class ClozePart:
    qtype: str
    single: bool = True
    answers: list[str] = field(default_factory=list)
    fractions: list[float] = field(default_factory=list)


def cloze_parts(text: str) -> tuple[list[ClozePart], str]:
    """``qtype_multianswer_extract_question``: the parts of a cloze text, and the text with ``{#n}`` markers."""
    parts: list[ClozePart] = []
    position = 1
    while match := ANSWER_REGEX.search(text):
        kind = next(g for g in range(3, 16) if match.group(g))
        part = ClozePart(_GROUP_TYPES.get(kind, "multichoice"), single=kind not in _MULTIRESPONSE_GROUPS)
        remaining = match.group(_ALTERNATIVES_GROUP)
        while alternative := _ALTERNATIVE_REGEX.search(remaining):
            if alternative.group(1) == "=":
                part.fractions.append(1.0)
            elif alternative.group(2):
                part.fractions.append(0.01 * float(alternative.group(2).replace(",", ".")))
            else:
                part.fractions.append(0.0)
            answer = alternative.group(3)
            numeric = _NUMERICAL_ALTERNATIVE.search(answer) if part.qtype == "numerical" else None
            if numeric:
                part.answers.append(numeric.group(1))
            else:
                part.answers.append(html.unescape(answer).replace("\\}", "}").replace("\\#", "#"))
            remaining = remaining.split(alternative.group(0), 1)[1]
        parts.append(part)
        text = text.replace(match.group(0), f"{{#{position}}}", 1)
        position += 1
    return parts, text


def cloze_problems(text: str) -> list[str]:
    """``qtype_multianswer_validate_question``."""
    parts, _ = cloze_parts(text)
    if not parts:
        return ["cloze: no subquestions in the text"]
    problems = []
    for number, part in enumerate(parts, start=1):
        given = [(a.strip(), f) for a, f in zip(part.answers, part.fractions, strict=True) if a.strip() != ""]
        if part.qtype == "numerical":
            problems += [f"cloze part {number}: answer {a!r} is not a number" for a, _ in given
                         if a != "*" and not re.fullmatch(_NUMBER, a)]
        full = any(f == 1 for _, f in given) or (not part.single and any(f > 0 for _, f in given))
        if part.qtype == "multichoice" and len(given) < 2:
            problems.append(f"cloze part {number}: a multiple-choice part needs at least 2 answers")
        elif not given:
            problems.append(f"cloze part {number}: no answer")
        if not full:
            problems.append(f"cloze part {number}: no answer gives the full grade")
    return problems


def _child(node: etree._Element, *path: str) -> etree._Element | None:
    for name in path:
        found = node.find(name)
        if found is None:
            return None
        node = found
    return node


def _text(node: etree._Element, *path: str) -> str | None:
    found = _child(node, *path, "text")
    return None if found is None else (found.text or "").strip()


def _valid_grade(percent: float) -> bool:
    return any(abs(percent / 100 - sign * option / 100) < 0.00001 for option in GRADE_OPTIONS for sign in (1, -1))


def question_problems(question: etree._Element) -> list[str]:
    qtype = question.get("type") or ""
    if qtype not in KNOWN_TYPES:
        return [f"question type {qtype!r} is not one Moodle imports"]
    if qtype == "category":
        return [] if _text(question, "category") else ["a category question without category/text"]
    problems = []
    if qtype not in ("cloze", "multianswer") and _text(question, "name") is None:
        problems.append("no name/text")
    answers = question.findall("answer")
    fractions = [float(a.get("fraction", "0")) for a in answers]
    answer_texts = [(_text(a) or "") for a in answers]
    if qtype in TYPES_WITH_GRADED_ANSWERS:
        problems += [f"grade {f:g} is not one of Moodle's grade options" for f in fractions if not _valid_grade(f)]
    if qtype == "multichoice":
        single = (question.findtext("single") or "true").strip() not in ("false", "", "0")
        if sum(1 for t in answer_texts if t) < 2:
            problems.append("multichoice: fewer than 2 answers")
        if single and not any(abs(f - 100) < 0.001 for f in fractions):
            problems.append("multichoice: no answer gives the full grade")
        if not single and abs(sum(f for f in fractions if f > 0) - 100) > 0.01:
            problems.append("multichoice: the positive grades do not add up to 100%")
    elif qtype == "truefalse":
        if sorted(answer_texts) != ["false", "true"]:
            problems.append(f"truefalse: answers must be 'true' and 'false', not {answer_texts}")
        elif sorted(fractions) != [0, 100]:
            problems.append("truefalse: one answer must be at 100 and the other at 0")
    elif qtype == "shortanswer":
        if not any(t for t in answer_texts):
            problems.append("shortanswer: no answer")
        if not any(abs(f - 100) < 0.001 for f, t in zip(fractions, answer_texts, strict=True) if t):
            problems.append("shortanswer: no answer gives the full grade")
    elif qtype in ("matching", "match"):
        subquestions = question.findall("subquestion")
        with_text = [s for s in subquestions if _text(s) and _text(s, "answer")]
        with_answer = [s for s in subquestions if _text(s, "answer")]
        if len(with_text) < 2 or len(with_answer) < 3:
            problems.append("matching: needs at least 2 subquestions and 3 answers")
    elif qtype in ("cloze", "multianswer"):
        problems += cloze_problems(_text(question, "questiontext") or "")
    elif qtype == "ordering":
        if sum(1 for t in answer_texts if t) < 2:
            problems.append("ordering: fewer than 2 items")
        selecttype = (question.findtext("selecttype") or "").strip()
        if selecttype and selecttype not in ("ALL", "RANDOM", "CONTIGUOUS", "0", "1", "2"):
            problems.append(f"ordering: unknown selecttype {selecttype!r}")
    tags = question.findall("tags/tag")
    problems += [f"tag longer than {MAX_TAG} characters, Moodle cuts it: {_text(t)!r}" for t in tags
                 if len(_text(t) or "") > MAX_TAG]
    return problems


def check_moodle_xml(data: bytes) -> list[str]:
    """Every reason Moodle would refuse (or silently change) this file; empty when it imports as is.

    A file whose root is one ``<question>`` is read as a quiz of one: Moodle's own tests feed
    such fragments to the question type's importer.
    """
    try:
        root = etree.parse(io.BytesIO(data), SAFE).getroot()
    except etree.XMLSyntaxError as err:
        return [f"not well-formed XML: {err}"]
    if root.tag == "question":
        questions = [root]
    elif root.tag == "quiz":
        questions = root.findall("question")
    else:
        return [f"the root element is <{root.tag}>, not <quiz>"]
    problems = []
    category = ""
    idnumbers: set[tuple[str, str]] = set()
    for number, question in enumerate(questions, start=1):
        label = f"question {number} ({_text(question, 'name') or question.get('type')})"
        problems += [f"{label}: {problem}" for problem in question_problems(question)]
        if question.get("type") == "category":
            category = _text(question, "category") or ""
            continue
        idnumber = (question.findtext("idnumber") or "").strip()
        if len(idnumber) > MAX_IDNUMBER:
            problems.append(f"{label}: idnumber longer than {MAX_IDNUMBER} characters")
        if idnumber and (category, idnumber) in idnumbers:
            problems.append(f"{label}: idnumber {idnumber!r} repeated in its category, Moodle drops it")
        idnumbers.add((category, idnumber))
    return problems
