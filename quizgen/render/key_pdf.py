"""The answer key: page 1 an answer grid for every version, then each question's passages.

The grid is what a marker keeps beside a stack of papers: per version, each question's
number and its answer (B, T, F, the short answer, the order as numbers, matching as
1-B). The passages follow, per version and question, in quotation marks, with the
answer in bold where it stands in the passage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from quizgen.quiz import Quiz, QuizQuestion, QuizVersion
from quizgen.render.handout_pdf import RULE
from quizgen.render.passages import marked_quote, shown_quote
from quizgen.render.pdf_base import ACCENT, FONT, FONT_BOLD, Bookmark, frame_width, preflight, styles, text, write_pdf
from quizgen.render.quiz_pdf import _story, quiz_texts

GRID_COLUMNS = 2  # number-and-answer pairs side by side in each version's block


def _grid_cell(question: QuizQuestion) -> str:
    """The answer as the grid shows it, with the question's points (and, for ordering, what the numbers are)."""
    answer = text(question.grid_answer())
    if question.item.type == "ordering":
        answer = f"{answer} (box numbers, top to bottom)"
    points = question.points
    return f"{answer} <font size=8 color='#5c5c5c'>· {points} pt{'s' if points != 1 else ''}</font>"


def _grid_block(version: QuizVersion, st: dict[str, Any], width: float) -> Flowable:
    questions = version.questions
    per_column = -(-len(questions) // GRID_COLUMNS)
    columns = [questions[i * per_column:(i + 1) * per_column] for i in range(GRID_COLUMNS)]
    rows = []
    for row in range(per_column):
        cells: list[Any] = []
        for column in columns:
            if row < len(column):
                question = column[row]
                cells += [Paragraph(f"<b>{question.number}</b>", st["grid_number"]),
                          Paragraph(_grid_cell(question), st["grid_answer"])]
            else:
                cells += ["", ""]
        rows.append(cells)
    pair = width / GRID_COLUMNS
    table = Table(rows, colWidths=[9 * mm, pair - 9 * mm] * GRID_COLUMNS, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("LINEAFTER", (1, 0), (1, -1), 0.5, ACCENT),
    ]))
    heading = Paragraph(f"Version {version.label}", st["section"])
    return KeepTogether([heading, table, Spacer(1, 2 * mm)])


def grid_story(quiz: Quiz, width: float) -> list[Flowable]:
    st = styles()
    st["grid_number"] = st["body"].clone("grid-number", fontName=FONT_BOLD, fontSize=9.5, leading=12)
    st["grid_answer"] = st["body"].clone("grid-answer", fontSize=9.5, leading=12)
    story: list[Flowable] = [
        Bookmark("Answer grid", "answer-grid"),
        Paragraph(text(quiz.title), st["title"]),
        Paragraph("Answer key: the answers of every version on this page; the passages each answer rests on "
                  "follow, version by version.", st["subtitle"]),
    ]
    story += [_grid_block(version, st, width) for version in quiz.versions]
    if any(q.item.type == "short-answer" and q.points > 1 for v in quiz.versions for q in v.questions):
        # a marker decides partial answers the same way in every script
        story.append(Paragraph("Written answers: full points for the answer, a form in brackets, or a name misspelt "
                               "but recognisable; half the points for part of it (the year of a date, one end of a "
                               "range, one of several names).", st["subtitle"]))
    return [*story, PageBreak()]


def _key_flowables(question: QuizQuestion, st: dict[str, Any]) -> list[Flowable]:
    """The question, its answer, and under it each source and the passage it rests on."""
    item = question.item
    block: list[Flowable] = [
        Paragraph(f"<b>{question.number}.</b> {text(item.prompt)}", st["question"]),
        Paragraph(text(question.key_answer()), st["answer"]),
    ]
    for shown in question.key_passages():
        passage = shown.passage
        quote = marked_quote(passage, item, text, "b") if shown.answer_span else shown_quote(passage, text)
        block += [Paragraph(f"{text(passage.source_label)} · fact {text(passage.fact_id)}", st["source"]),
                  Paragraph(f"“{quote}”", st["passage"])]
    return block


def key_story(quiz: Quiz, width: float) -> list[Flowable]:
    return [*grid_story(quiz, width), *_story(quiz, True, _key_flowables)]




def write_key(quiz: Quiz, path: Path | str, paper: str = "a4") -> int:
    """Write the answer key; returns its page count."""
    preflight(quiz_texts(quiz, with_key=True), Path(path))
    return write_pdf(path, key_story(quiz, frame_width(paper)),
                     title=f"{quiz.title} — answer key", subject="Answer key with sources", paper=paper,
                     footer=f"{quiz.title} — answer key")
