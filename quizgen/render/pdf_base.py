"""What every quizgen PDF shares: the embedded font, the character preflight,
styles, "Page X of Y", bookmarks, metadata and byte-for-byte reproducible output.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from quizgen.atomic import write_with
from quizgen.choices import Paper, paper_size
from quizgen.errors import Problem, QuizgenError

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT = "QuizgenSans"
FONT_BOLD = "QuizgenSans-Bold"
FONT_ITALIC = "QuizgenSans-Oblique"
PAGE_SIZES: dict[Paper, tuple[float, float]] = {"a4": A4, "letter": LETTER}
AUTHOR = "quizgen"
LANGUAGE = "en"
INK = colors.HexColor("#1d1d1f")
MUTED = colors.HexColor("#5c5c5c")
ACCENT = colors.HexColor("#7a5c12")


@cache
def register_fonts() -> TTFont:
    """Register DejaVu Sans (shipped with quizgen) so every PDF embeds the same TrueType font."""
    regular = TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)
    return regular


def missing_characters(texts: Iterable[str]) -> list[str]:
    """Characters the font cannot print (they would come out as empty boxes)."""
    covered = register_fonts().face.charToGlyph
    seen = {ch for text in texts for ch in text if ch not in "\n\r\t"}
    return sorted(ch for ch in seen if ord(ch) not in covered)


def preflight(texts: Iterable[str], output: Path) -> None:
    """Fail the build, naming each character, rather than print a box where a letter should be."""
    missing = missing_characters(texts)
    if missing:
        names = ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')} ({ch})" for ch in missing)
        raise QuizgenError(Problem(str(output), None, None, f"the font cannot print {len(missing)} "
                                                            f"character(s): {names}"))


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14, textColor=INK)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=23, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, textColor=MUTED, fontSize=10),
        "section": ParagraphStyle("section", parent=base, fontName=FONT_BOLD, fontSize=13, leading=17,
                                  spaceBefore=10, spaceAfter=2, keepWithNext=1),
        "instructions": ParagraphStyle("instructions", parent=base, fontName=FONT_ITALIC, textColor=MUTED,
                                       fontSize=9.5, spaceAfter=6),
        "question": ParagraphStyle("question", parent=base, leftIndent=18, firstLineIndent=-18, spaceBefore=6),
        "option": ParagraphStyle("option", parent=base, leftIndent=36, firstLineIndent=-14),
        "answer": ParagraphStyle("answer", parent=base, fontName=FONT_BOLD, leftIndent=18),
        "source": ParagraphStyle("source", parent=base, fontName=FONT_ITALIC, fontSize=8.5, leading=11,
                                 textColor=MUTED, leftIndent=18),
        "passage": ParagraphStyle("passage", parent=base, fontSize=9, leading=12, leftIndent=24,
                                  borderPadding=(2, 4, 2, 4), textColor=INK),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


def text(value: str) -> str:
    """Fact-base text made safe for reportlab's paragraph markup."""
    return escape(value)


class FullWidth(Flowable):
    """A drawing of fixed height that spans the frame's width (a rule, a figure, a timeline mark)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.height


class Bookmark(Flowable):
    """An invisible flowable that adds an outline entry (a PDF bookmark) where it lands."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.showOutline()
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class NumberedCanvas(Canvas):
    """Holds pages back until the end so each footer can say "Page X of Y".

    A flowable may set ``page_group`` (a quiz version): pages are then counted within
    their group, so each printed version says "Page 1 of 3" on its own first page.
    """

    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_group = ""
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        groups = [state["page_group"] for state in self._pages]
        totals = {group: groups.count(group) for group in groups}
        seen: dict[str, int] = {}
        for state, group in zip(self._pages, groups, strict=True):
            seen[group] = seen.get(group, 0) + 1
            self.__dict__.update(state)
            self._draw_footer(seen[group], totals[group], group)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int, group: str) -> None:
        width, _ = self._pagesize
        self.setFont(FONT, 8.5)
        self.setFillColor(MUTED)
        self.drawRightString(width - 18 * mm, 10 * mm, f"Page {number} of {total}")
        label = f"{self.footer_left} — Version {group}" if group else self.footer_left
        if label:
            self.drawString(18 * mm, 10 * mm, label)


def make_canvas(footer: str) -> type[NumberedCanvas]:
    return type("FooterCanvas", (NumberedCanvas,), {"footer_left": footer})


def _layout(target: Path | BytesIO, story: Sequence[Flowable], *, title: str, subject: str, paper: Paper,
            footer: str, name: str = "-") -> int:
    """Lay ``story`` out into ``target``; returns the number of pages."""
    doc = BaseDocTemplate(
        target if isinstance(target, BytesIO) else str(target), pagesize=PAGE_SIZES[paper], leftMargin=MARGIN,
        rightMargin=MARGIN, topMargin=16 * mm, bottomMargin=18 * mm, title=title, author=AUTHOR, subject=subject,
        creator=AUTHOR, lang=LANGUAGE, invariant=True, pageCompression=1, initialFontName=FONT,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    try:
        doc.build(list(story), canvasmaker=make_canvas(footer))
    except LayoutError as err:
        # a single entry taller than a page: a name, statement or quote far longer than any real one
        shown = _LAYOUT_TEXT.search(str(err))
        excerpt = f" (it begins {shown.group(1)[:60]!r})" if shown else ""
        raise QuizgenError(Problem(name, None, None, "cannot lay out the page: one entry is taller than "
                                   f"a page{excerpt}; shorten that text in the fact base")) from None
    return int(doc.page)


_LAYOUT_TEXT = re.compile(r"<Paragraph[^>]*>\s*(?:<[^>]+>)*\s*([^<'\n]{8,})")


MARGIN: float = 18 * mm


def frame_width(paper: str) -> float:
    """The width the text takes on this paper, between the margins."""
    width: float = PAGE_SIZES[paper_size(paper)][0]
    return width - 2 * MARGIN


def count_pages(story: Sequence[Flowable], *, paper: str) -> int:
    """How many pages ``story`` takes, laid out in memory (nothing is written)."""
    register_fonts()
    return _layout(BytesIO(), story, title="", subject="", paper=paper_size(paper), footer="")


@dataclass(frozen=True)
class LaidOut:
    """A document laid out in memory: its bytes, as ``write_pdf`` would write them, and its page count."""

    data: bytes
    pages: int


def lay_out(story: Sequence[Flowable], *, title: str, subject: str, paper: str, footer: str = "",
            name: str = "-") -> LaidOut:
    """``write_pdf`` in memory: a layout that is tried (does it fit?) and then kept is laid out once."""
    register_fonts()
    buffer = BytesIO()
    pages = _layout(buffer, story, title=title, subject=subject, paper=paper_size(paper), footer=footer, name=name)
    return LaidOut(buffer.getvalue(), pages)


def write_laid_out(path: Path | str, laid: LaidOut) -> int:
    """Write what ``lay_out`` made, atomically; returns the page count."""
    def write(temp: Path) -> None:
        temp.write_bytes(laid.data)

    write_with(path, write)
    return laid.pages


def write_pdf(path: Path | str, story: Sequence[Flowable], *, title: str, subject: str, paper: str,
              footer: str = "") -> int:
    """Lay out ``story`` into ``path`` atomically, with metadata and reproducible bytes; returns the page count."""
    register_fonts()
    size = paper_size(paper)
    pages = [0]

    def render(temp: Path) -> None:
        pages[0] = _layout(temp, story, title=title, subject=subject, paper=size, footer=footer, name=str(path))

    write_with(path, render)
    return pages[0]
