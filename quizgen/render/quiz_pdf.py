"""Printable quizzes, with reportlab; the answer key (quizgen.render.key_pdf) shares their pages' header."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from quizgen.items import LETTERS
from quizgen.quiz import Quiz, QuizQuestion, QuizVersion
from quizgen.render.pdf_base import (
    FONT,
    MUTED,
    Bookmark,
    FullWidth,
    NumberedCanvas,
    preflight,
    styles,
    text,
    write_pdf,
)

BOX = "☐"


class PageGroup(Flowable):
    """Marks where a version starts, so "Page X of Y" counts within each version."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.width = self.height = 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, NumberedCanvas):
            canvas.page_group = self.label


class WriteLine(FullWidth):
    """A ruled line to write an answer on."""

    def __init__(self, indent: float = 18, height: float = 20) -> None:
        super().__init__(height)
        self.indent = indent

    def draw(self) -> None:
        self.canv.setStrokeColor(MUTED)
        self.canv.setLineWidth(0.5)
        self.canv.line(self.indent, 2, self.width, 2)


def quiz_texts(quiz: Quiz, with_key: bool) -> Iterator[str]:
    """Every string the quiz (or key) prints, for the font preflight."""
    yield quiz.title
    for version in quiz.versions:
        for question in version.questions:
            item = question.item
            yield from (item.prompt, item.answer, *question.options, *question.prompts)
            yield from (part for pair in item.pairs for part in pair)
            if item.cloze:
                yield from item.cloze
            if with_key:
                yield question.key_answer()
                for passage in item.passages:
                    yield from (passage.quote, passage.source_label)


def _header(quiz: Quiz, version: QuizVersion, st: dict[str, Any], key: bool) -> list[Flowable]:
    points = sum(section.points for section in version.sections)
    kind = "Answer key" if key else "Quiz"
    flow: list[Flowable] = [
        PageGroup(version.label),
        Bookmark(f"Version {version.label}", f"version-{version.label}"),
        Paragraph(text(quiz.title), st["title"]),
        Paragraph(f"{kind} · Version {version.label} · {len(version.questions)} questions · {points} points",
                  st["subtitle"]),
        Spacer(1, 4 * mm),
    ]
    if not key:
        fields = Table([["Name:", "", "Class:", "", "Date:", ""]],
                       colWidths=[14 * mm, 62 * mm, 14 * mm, 32 * mm, 12 * mm, 30 * mm], rowHeights=[9 * mm])
        fields.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 10),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            *[("LINEBELOW", (col, 0), (col, 0), 0.5, colors.black) for col in (1, 3, 5)],
        ]))
        flow += [fields, Spacer(1, 4 * mm)]
    return flow


def _section_heading(section_type: str, title: str, instructions: str, points: int, st: dict[str, Any],
                     version: str) -> list[Flowable]:
    return [
        Bookmark(title, f"version-{version}-{section_type}", level=1),
        Paragraph(f"{text(title)} <font size=9 color='#5c5c5c'>({points} points)</font>", st["section"]),
        Paragraph(text(instructions), st["instructions"]),
    ]


def _question_flowables(question: QuizQuestion, st: dict[str, Any]) -> list[Flowable]:
    item = question.item
    number = f"<b>{question.number}.</b>"
    if item.type == "cloze" and item.cloze:
        before, _, after = item.cloze
        blank = "_" * 18
        return [Paragraph(f"{number} {text(before)}{blank}{text(after)}", st["question"]), WriteLine(indent=18)]
    flow: list[Flowable] = [Paragraph(f"{number} {text(item.prompt)}", st["question"])]
    if item.type == "mcq":
        flow += [Paragraph(f"{LETTERS[i]}. {text(option)}", st["option"]) for i, option in enumerate(question.options)]
    elif item.type == "true-false":
        flow.append(Paragraph(f"{BOX} True&nbsp;&nbsp;&nbsp;&nbsp;{BOX} False", st["option"]))
    elif item.type == "matching":
        flow.append(_matching_table(question, st))
    elif item.type == "ordering":
        flow += [Paragraph(f"{BOX}&nbsp;&nbsp;{text(entry)}", st["option"]) for entry in question.options]
    else:
        flow += [WriteLine(), WriteLine()]
    return flow


def _matching_table(question: QuizQuestion, st: dict[str, Any]) -> Table:
    rows = []
    lefts = list(question.prompts)
    rights = list(question.options)
    for i in range(max(len(lefts), len(rights))):
        left = Paragraph(f"____ {i + 1}. {text(lefts[i])}", st["body"]) if i < len(lefts) else ""
        right = Paragraph(f"{LETTERS[i]}. {text(rights[i])}", st["body"]) if i < len(rights) else ""
        rows.append([left, right])
    table = Table(rows, colWidths=["58%", "42%"], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (0, -1), 18),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return table


def _story(quiz: Quiz, key: bool, block: Callable[[QuizQuestion, dict[str, Any]], list[Flowable]]) -> list[Flowable]:
    """Each version on its own pages: header, then sections of question blocks."""
    st = styles()
    story: list[Flowable] = []
    for index, version in enumerate(quiz.versions):
        if index:
            story.append(PageBreak())
        story += _header(quiz, version, st, key=key)
        for section in version.sections:
            heading = _section_heading(section.type, section.title, section.instructions, section.points, st,
                                       version.label)
            first, *rest = section.questions
            # the heading travels with its first question: never alone at a page's foot
            story.append(KeepTogether([*heading, *block(first, st)]))
            story += [KeepTogether(block(q, st)) for q in rest]
    return story


def quiz_story(quiz: Quiz) -> list[Flowable]:
    return _story(quiz, False, _question_flowables)


def write_quiz(quiz: Quiz, path: Path | str, paper: str = "a4") -> None:
    preflight(quiz_texts(quiz, with_key=False), Path(path))
    write_pdf(path, quiz_story(quiz), title=quiz.title, subject=f"Quiz, {len(quiz.versions)} version(s)",
              paper=paper, footer=quiz.title)
