"""The study handout: a drawn timeline of the dated facts, then a glossary of places
and agreements with their other names, every entry with its citation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from quizgen.attribution import attribute
from quizgen.factbase import FactBase
from quizgen.model import AgreementFact, Fact, PlaceFact
from quizgen.render.pdf_base import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    Bookmark,
    FullWidth,
    preflight,
    styles,
    text,
    write_pdf,
)

AXIS_X = 40 * mm
DOT = 2.2


def _attributed(fact: Fact) -> str:
    return attribute(fact.statement, fact)


class YearBars(FullWidth):
    """How many dated facts fall in each year: the shape of the story at a glance."""

    def __init__(self, years: Counter[int]) -> None:
        super().__init__(48 * mm)
        self.years = years

    def draw(self) -> None:
        canvas = self.canv
        years = sorted(self.years)
        if not years:
            return
        base = 14 * mm
        top = self.height - 6 * mm
        slot = self.width / len(years)
        most = max(self.years.values())
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.line(0, base, self.width, base)
        for i, year in enumerate(years):
            count = self.years[year]
            x = i * slot + slot / 2
            bar = (top - base) * count / most
            canvas.setFillColor(ACCENT)
            canvas.rect(x - min(slot * 0.35, 4 * mm), base, min(slot * 0.7, 8 * mm), bar, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.setFont(FONT, 6.5)
            canvas.drawCentredString(x, base + bar + 1.5, str(count))
            canvas.saveState()
            canvas.translate(x + 2, base - 2)
            canvas.rotate(60)
            canvas.setFont(FONT, 7)
            canvas.drawRightString(0, 0, str(year))
            canvas.restoreState()


class TimelineRow(Flowable):
    """One dated fact: its date left of the axis, a dot on the axis, its name and statement right."""

    def __init__(self, body: Paragraph, left: Paragraph, first: bool) -> None:
        super().__init__()
        self.body, self.left, self.first = body, left, first

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, body_height = self.body.wrap(available_width - AXIS_X - 6 * mm, available_height)
        _, left_height = self.left.wrap(AXIS_X - 5 * mm, available_height)
        self.height = max(body_height, left_height) + 5
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(AXIS_X, 0, AXIS_X, self.height)
        canvas.setFillColor(ACCENT if self.first else colors.white)
        canvas.circle(AXIS_X, self.height - 6, DOT, stroke=1, fill=1)
        _, left_height = self.left.wrap(AXIS_X - 5 * mm, self.height)
        self.left.drawOn(canvas, 0, self.height - left_height - 1)
        _, body_height = self.body.wrap(self.width - AXIS_X - 6 * mm, self.height)
        self.body.drawOn(canvas, AXIS_X + 5 * mm, self.height - body_height - 1)


class YearMark(FullWidth):
    """The badge on the timeline's axis where a new year (or century) begins."""

    def __init__(self, label: str) -> None:
        super().__init__(9 * mm)
        self.label = label

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(AXIS_X, 0, AXIS_X, self.height)
        canvas.setFillColor(ACCENT)
        half = max(9 * mm, canvas.stringWidth(self.label, FONT_BOLD, 9.5) / 2 + 3 * mm)
        canvas.roundRect(AXIS_X - half, 1.5 * mm, 2 * half, 6 * mm, 2 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, 9.5)
        canvas.drawCentredString(AXIS_X, 3.3 * mm, self.label)


def _dated(facts: Sequence[Fact]) -> list[Fact]:
    return sorted((f for f in facts if f.date is not None), key=lambda f: (f.date.start, f.id))  # type: ignore[union-attr]


def _citation_line(factbase: FactBase, fact: Fact) -> str:
    citation = fact.citations[0]
    label = factbase.sources[citation.source].citation_label()
    quote = citation.quote if len(citation.quote) <= 220 else citation.quote[:219] + "…"
    return f"{text(label)}: “{text(quote)}”"


def handout_texts(factbase: FactBase, facts: Sequence[Fact], title: str) -> Iterator[str]:
    yield title
    for fact in facts:
        yield from (fact.name, _attributed(fact))
        if fact.date is not None:
            yield fact.date.human()
        yield _citation_line(factbase, fact)
        for alias in getattr(fact, "aliases", []):
            yield alias.name
            yield alias.used_by or ""
        yield from getattr(fact, "parties", [])
        yield from getattr(fact, "mediators", [])


def _timeline(dated: Sequence[Fact], st: dict[str, Any]) -> list[Flowable]:
    flow: list[Flowable] = [Bookmark("Timeline", "timeline"), Paragraph("Timeline", st["section"])]
    if not dated:
        return [*flow, Paragraph("No dated facts were selected.", st["instructions"])]
    flow += [Paragraph(f"{len(dated)} dated facts, by year.", st["instructions"]),
             YearBars(Counter(f.date.start.year for f in dated)),  # type: ignore[union-attr]
             Spacer(1, 4 * mm)]
    year = None
    for fact in dated:
        when = fact.date
        assert when is not None
        if when.start.year != year:
            year = when.start.year
            flow.append(YearMark(when.human() if "century" in when.human() else str(year)))
        body = Paragraph(f"<b>{text(fact.name)}</b><br/><font size=8.5>{text(_attributed(fact))}</font>",
                         st["body"])
        left = Paragraph(f"<font size=8.5 color='#5c5c5c'>{text(when.human())}</font>", st["body"])
        flow.append(TimelineRow(body, left, first=fact.status == "established"))
    return flow


def _glossary_groups(facts: Sequence[Fact]) -> tuple[list[PlaceFact], list[AgreementFact]]:
    places = sorted((f for f in facts if isinstance(f, PlaceFact)), key=lambda f: f.name.casefold())
    agreements = sorted((f for f in facts if isinstance(f, AgreementFact)), key=lambda f: f.name.casefold())
    return places, agreements


def _glossary(factbase: FactBase, places: list[PlaceFact], agreements: list[AgreementFact],
              st: dict[str, Any]) -> list[Flowable]:
    flow: list[Flowable] = []
    if not places and not agreements:
        return flow
    flow += [Bookmark("Glossary", "glossary"), Paragraph("Glossary", st["section"])]
    for title, group in (("Places", places), ("Agreements", agreements)):
        if not group:
            continue
        flow += [Bookmark(title, f"glossary-{title.lower()}", level=1), Paragraph(title, st["section"])]
        for fact in group:
            details = []
            if isinstance(fact, PlaceFact):
                details.append(text(fact.place_type))
                names = [f"{text(a.name)}" + (f" (used by {text(a.used_by)})" if a.used_by else "")
                         for a in fact.aliases]
                if names:
                    details.append("also called " + "; ".join(names))
            else:
                details.append(text(fact.agreement_type.replace("-", " ")))
                if fact.when:
                    details.append(text(fact.when.human()))
                if fact.parties:
                    details.append("parties: " + text(", ".join(fact.parties)))
                if fact.mediators:
                    details.append("mediated by " + text(", ".join(fact.mediators)))
            flow.append(KeepTogether([
                Paragraph(f"<b>{text(fact.name)}</b> <font color='#5c5c5c'>— {' · '.join(details)}</font>",
                          st["question"]),
                Paragraph(text(_attributed(fact)), st["option"]),
                Paragraph(_citation_line(factbase, fact), st["source"]),
            ]))
    return flow


def write_handout(factbase: FactBase, facts: Sequence[Fact], path: Path | str, title: str,
                  paper: str = "a4") -> tuple[int, int]:
    """Write the handout; returns how many facts its timeline and its glossary show."""
    preflight(handout_texts(factbase, facts, title), Path(path))
    st = styles()
    story: list[Flowable] = [Paragraph(text(title), st["title"]),
                             Paragraph("Study handout: a timeline of the dated facts, then a glossary of places "
                                       "and agreements. Every entry cites its source.", st["subtitle"]),
                             Spacer(1, 3 * mm)]
    dated = _dated(facts)
    places, agreements = _glossary_groups(facts)
    story += _timeline(dated, st)
    story += _glossary(factbase, places, agreements, st)
    write_pdf(path, story, title=title, subject="Study handout: timeline and glossary", paper=paper, footer=title)
    return len(dated), len(places) + len(agreements)


__all__ = ["write_handout"]
