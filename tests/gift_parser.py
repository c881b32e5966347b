"""GIFT read back the way Moodle reads it: a parser written from ``qformat_gift::readquestion``.

Questions are split at blank lines (``qformat_default::readquestions``); ``//`` lines are
comments, where ``[id:…]`` and ``[tag:…]`` give the idnumber and tags; escaped characters
become placeholders before anything else is read and are restored in each piece of text;
``::name::`` opens a question; the answers are between the first ``{`` and the first ``}``;
the last ``####`` in them starts the general feedback; the question type follows from the
answer text exactly as Moodle decides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPED = {"\\:": "&&058;", "\\#": "&&035;", "\\=": "&&061;", "\\{": "&&123;", "\\}": "&&125;", "\\~": "&&126;",
            "\\n": "&&010"}
_RESTORED = {":": "&&058;", "#": "&&035;", "=": "&&061;", "{": "&&123;", "}": "&&125;", "~": "&&126;",
             "\n": "&&010"}
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_ID = re.compile(r"\[id:((?:\\]|[^\]\x00-\x1f\x7f])+)]")
_TAG = re.compile(r"\[tag:((?:\\]|[^\]<>`\x00-\x1f\x7f]|)+)]")


class GiftError(ValueError):
    """What Moodle reports as an import error."""


@dataclass
class GiftQuestion:
    qtype: str
    name: str = ""
    text: str = ""
    general_feedback: str = ""
    idnumber: str = ""
    tags: list[str] = field(default_factory=list)
    answers: list[tuple[str, float]] = field(default_factory=list)  # (text, fraction)
    subquestions: list[tuple[str, str]] = field(default_factory=list)  # matching: (question, answer)
    correct: bool | None = None  # true/false
    category: str = ""


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _ESCAPED.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for character, placeholder in _RESTORED.items():
        text = text.replace(placeholder, character)
    return text


def _with_format(text: str) -> str:
    """``parse_text_with_format``: drop a leading ``[html]``-style format, restore escapes, trim."""
    match = re.match(r"\[(moodle|html|plain|markdown)\]", text)
    if match:
        text = text[match.end():]
    return _post(text).strip()


def _weight(answer: str) -> tuple[float, str]:
    answer = answer[1:]
    end = answer.index("%")
    return float(answer[:end]) / 100, answer[end + 1:]


def _comment(answer: str) -> str:
    return _with_format(answer.split("#", 1)[0].strip())


def _split(answer_text: str, separator: str, minimum: int, text: str) -> list[str]:
    """The answers, without the empty piece before the first separator (``check_answer_count``)."""
    answers = answer_text.split(separator)
    answers[0] = answers[0].strip()
    if not answers[0]:
        answers.pop(0)
    if len(answers) < minimum:
        raise GiftError(f"fewer than {minimum} answers in {text!r}")
    return answers


def read_question(lines: list[str]) -> GiftQuestion | None:
    comments = ""
    kept = []
    for line in lines:
        line = line.strip()
        if line.startswith("//"):
            comments += line + "\n"
            kept.append(" ")
        else:
            kept.append(line)
    text = "\n".join(kept).strip()
    if not text:
        return None
    text = _pre(text)
    if text.startswith("$CATEGORY:"):
        return GiftQuestion("category", category=text[10:].strip())
    name = ""
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end >= 0:
            name = _post(text[:end]).strip()
            text = text[end + 2:].strip()
    start, finish = text.find("{"), text.find("}")
    description = start < 0 and finish < 0
    if description:
        answer_text, question_text = "", text
    elif start < 0 or finish < 0:
        raise GiftError(f"unbalanced braces in {text!r}")
    else:
        answer_text = text[start + 1:finish].strip()
        blank = "" if text.endswith("}") else "_____"
        question_text = text[:start] + blank + text[finish + 1:]
    general = ""
    separator = answer_text.rfind("####")
    if separator >= 0:
        general = answer_text[separator + 4:]
        answer_text = answer_text[:separator].strip()
    question = GiftQuestion("", name=name, text=_with_format(question_text), general_feedback=_with_format(general))
    id_match = _ID.search(comments)
    question.idnumber = id_match.group(1).strip().replace("\\]", "]") if id_match else ""
    question.tags = [tag.strip().replace("\\]", "]") for tag in _TAG.findall(comments)]
    if description:
        question.qtype = "description"
    elif answer_text == "":
        question.qtype = "essay"
    elif answer_text[0] == "#":
        question.qtype = "numerical"
    elif "~" in answer_text:
        question.qtype = "multichoice"
        for answer in _split(answer_text.replace("=", "~="), "~", 2, text):
            answer = answer.strip()
            if answer.startswith("="):
                fraction, answer = 1.0, answer[1:]
            elif _WEIGHT.match(answer):
                fraction, answer = _weight(answer)
            else:
                fraction = 0.0
            question.answers.append((_comment(answer), fraction))
    elif "=" in answer_text and "->" in answer_text:
        question.qtype = "match"
        for answer in _split(answer_text, "=", 2, text):
            answer = answer.strip()
            if "->" not in answer:
                raise GiftError(f"a matching answer without '->': {answer!r}")
            left, right = answer.split("->", 1)
            question.subquestions.append((_with_format(left), _post(right).strip()))
    else:
        check = answer_text.split("#", 1)[0].strip() if answer_text.find("#") > 0 else answer_text
        if check in ("T", "TRUE", "F", "FALSE"):
            question.qtype = "truefalse"
            question.correct = _with_format(answer_text.split("#", 2)[0]) in ("T", "TRUE")
        else:
            question.qtype = "shortanswer"
            for answer in _split(answer_text, "=", 1, text):
                answer = answer.strip()
                fraction = 1.0
                if _WEIGHT.match(answer):
                    fraction, answer = _weight(answer)
                question.answers.append((_comment(answer), fraction))
    return question


def read_gift(text: str) -> list[GiftQuestion]:
    """Every question of a GIFT file, as Moodle's importer splits and reads them."""
    questions, current = [], []
    for line in [*text.splitlines(), ""]:
        if line.strip() in ("", "0"):  # PHP's empty() is also true for "0"
            if current:
                question = read_question(current)
                if question:
                    questions.append(question)
                current = []
        else:
            current.append(line)
    return questions
