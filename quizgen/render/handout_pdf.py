"""The study sheet as a PDF: two pages a student keeps, drawn from a :class:`StudySheet` plan.

Typeset like a textbook page: a title, section heads in the accent colour over a rule,
a timeline table (date, then what happened and its source marker), places with the name
each side uses, key figures with disagreeing sources side by side, who is who, and the
sources the markers resolve to. A heading never stands alone at the foot of a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from quizgen.handout.sheet import StudySheet
from quizgen.handout.sources import SourceEntry, marker
from quizgen.render.pdf_base import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    Bookmark,
    LaidOut,
    count_pages,
    frame_width,
    lay_out,
    preflight,
    register_fonts,
    text,
    write_laid_out,
    write_pdf,
)

RULE = colors.HexColor("#d8cfb8")
SHADE = colors.HexColor("#f6f2e8")
# room a section needs below its heading before a page ends: the heading and a few lines
HEADING_ROOM = 20 * mm
DATE_COLUMN = 40 * mm
PLACE_COLUMN = 62 * mm


def sheet_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("sheet", fontName=FONT, fontSize=9, leading=11.6, textColor=INK)
    return {
        "body": base,
        "title": ParagraphStyle("sheet-title", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21),
        "subtitle": ParagraphStyle("sheet-subtitle", parent=base, textColor=MUTED, fontSize=9, spaceAfter=2),
        "section": ParagraphStyle("sheet-section", parent=base, fontName=FONT_BOLD, fontSize=12, leading=15,
                                  textColor=ACCENT, spaceBefore=9, spaceAfter=3, keepWithNext=1),
        "date": ParagraphStyle("sheet-date", parent=base, fontName=FONT_BOLD, fontSize=8.6, textColor=ACCENT),
        "note": ParagraphStyle("sheet-note", parent=base, fontSize=8.2, leading=10.4, textColor=MUTED),
        "entry": ParagraphStyle("sheet-entry", parent=base, spaceBefore=2.5),
        "source": ParagraphStyle("sheet-source", parent=base, fontSize=8.2, leading=10.4, leftIndent=14,
                                 firstLineIndent=-14),
    }


def keys_markup(keys: tuple[int, ...]) -> str:
    """A source marker, small and muted after the text it supports."""
    return f" <font color='#7a5c12' size='7.5'>{marker(keys)}</font>" if keys else ""


def heading(title: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [CondPageBreak(HEADING_ROOM), Bookmark(title, title.lower().replace(" ", "-")),
            Paragraph(text(title), st["section"])]


def ruled_table(rows: list[list[Any]], widths: list[float], shade: bool = False) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 1.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.9), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
    if shade:
        commands += [("BACKGROUND", (0, i), (-1, i), SHADE) for i in range(1, len(rows), 2)]
    table.setStyle(TableStyle(commands))
    return table


def sources_section(sources: tuple[SourceEntry, ...], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    lines = [Paragraph(f"<b>[{s.key}]</b> {text(s.title)}. {text(s.publisher)}, {text(s.date)}.", st["source"])
             for s in sources]
    return [*heading("Sources", st), KeepTogether(lines)]


def _timeline(sheet: StudySheet, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    rows = [[Paragraph(text(entry.when), st["date"]), Paragraph(text(entry.name) + keys_markup(entry.keys), st["body"])]
            for entry in sheet.timeline]
    return [*heading("Timeline", st), ruled_table(rows, [DATE_COLUMN, width - DATE_COLUMN], shade=True)] if rows else []


def _places(sheet: StudySheet, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    rows = []
    for place in sheet.places:
        names = "".join(f"<br/>{text(name)}" for name in place.other_names)
        rows.append([Paragraph(f"<b>{text(place.name)}</b> <font size='7.8' color='#5c5c5c'>"
                               f"{text(place.place_type)}</font>{names}", st["body"]),
                     Paragraph(text(place.note) + keys_markup(place.keys), st["note"])])
    if not rows:
        return []
    header = [Paragraph(f"<b>{label}</b>", st["note"]) for label in ("Place, and its other names (used by)",
                                                                    "In brief")]
    return [*heading("Places", st), ruled_table([header, *rows], [PLACE_COLUMN, width - PLACE_COLUMN])]


def _figures(sheet: StudySheet, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not sheet.figures:
        return []
    flow = heading("Key figures", st)
    if any(len(group.values) > 1 for group in sheet.figures):
        flow.append(Paragraph("Where sources disagree, each figure stands beside the others, with its date "
                              "and source.", st["note"]))
    for group in sheet.figures:
        values = " · ".join(f"<b>{text(v.value)}</b> ({text(v.as_of)}){keys_markup(v.keys)}" for v in group.values)
        flow.append(Paragraph(f"{text(group.label)}: {values}", st["entry"]))
    return flow


def _who(sheet: StudySheet, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not sheet.who:
        return []
    return [*heading("Who is who", st), *(Paragraph(f"<b>{text(w.name)}</b> — {text(w.description)}"
                                                    f"{keys_markup(w.keys)}", st["entry"]) for w in sheet.who)]


def sheet_story(sheet: StudySheet, width: float) -> list[Flowable]:
    st = sheet_styles()
    level = f"the {sheet.importance} facts" if sheet.importance else "the facts"
    more = (f" {sheet.left_out} more {'entry is' if sheet.left_out == 1 else 'entries are'} in the full "
            f"reference (quizgen handout --full)." if sheet.left_out else "")
    story: list[Flowable] = [
        Paragraph(text(sheet.title), st["title"]),
        Paragraph(f"Study sheet: {level} of the selection. A marker such as [1] names the source, listed at the "
                  f"end.{more}", st["subtitle"]),
        Spacer(1, 1 * mm),
    ]
    story += _timeline(sheet, st, width)
    story += _places(sheet, st, width)
    story += _figures(sheet, st)
    story += _who(sheet, st)
    story += sources_section(sheet.sources, st)
    return story


def sheet_texts(sheet: StudySheet) -> Iterator[str]:
    yield sheet.title
    for entry in sheet.timeline:
        yield from (entry.when, entry.name)
    for place in sheet.places:
        yield from (place.name, place.place_type, place.note, *place.other_names)
    for group in sheet.figures:
        yield group.label
        for value in group.values:
            yield from (value.value, value.as_of)
    for who in sheet.who:
        yield from (who.name, who.description)
    for source in sheet.sources:
        yield from (source.title, source.publisher, source.date)




def sheet_pages(sheet: StudySheet, paper: str) -> int:
    return count_pages(sheet_story(sheet, frame_width(paper)), paper=paper)


def laid_out_sheet(sheet: StudySheet, paper: str = "a4") -> LaidOut:
    """The sheet laid out in memory, as ``write_study_sheet`` writes it: tried for fit, then written as is."""
    return lay_out(sheet_story(sheet, frame_width(paper)), title=sheet.title, subject="Study sheet", paper=paper,
                   footer=sheet.title)


def write_study_sheet(sheet: StudySheet, path: Path | str, paper: str = "a4", laid: LaidOut | None = None) -> int:
    """Write the sheet (``laid``: as ``laid_out_sheet`` laid it out); returns its page count."""
    preflight(sheet_texts(sheet), Path(path))
    if laid is not None:
        return write_laid_out(path, laid)
    return write_pdf(path, sheet_story(sheet, frame_width(paper)), title=sheet.title, subject="Study sheet",
                     paper=paper, footer=sheet.title)


__all__ = ["laid_out_sheet", "sheet_pages", "write_study_sheet"]
