"""The full reference as a PDF, from a :class:`FullReference` plan: charts, then each group of entries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from quizgen.handout.reference import FullReference, ReferenceEntry
from quizgen.render.charts import BarChart
from quizgen.render.handout_pdf import heading, keys_markup, sheet_styles, sources_section
from quizgen.render.pdf_base import preflight, text, write_pdf


def _entry(entry: ReferenceEntry, st: dict[str, ParagraphStyle], dated_first: bool) -> Flowable:
    when = f"<font color='#7a5c12'><b>{text(entry.when)}</b></font> · " if entry.when and dated_first else ""
    after = f" <font color='#5c5c5c'>({text(entry.when)})</font>" if entry.when and not dated_first else ""
    lines = [Paragraph(f"{when}<b>{text(entry.name)}</b>{after}{keys_markup(entry.keys)}", st["entry"])]
    if entry.details:
        lines.append(Paragraph(text(entry.details), st["note"]))
    lines.append(Paragraph(text(entry.statement), st["body"]))
    return KeepTogether(lines)


def reference_story(reference: FullReference) -> list[Flowable]:
    st = sheet_styles()
    story: list[Flowable] = [
        Paragraph(text(reference.title), st["title"]),
        Paragraph("Full reference: every selected fact, grouped, in chronological order where dated. A marker such "
                  "as [1] names the source, listed at the end.", st["subtitle"]),
        Spacer(1, 2 * mm),
    ]
    if reference.charts:
        story += heading("Over time", st)
        for chart in reference.charts:
            story += [BarChart(chart), Spacer(1, 3 * mm)]
    for group in reference.groups:
        story += heading(group.title, st)
        story += [_entry(entry, st, group.chronological) for entry in group.entries]
    story += sources_section(reference.sources, st)
    return story


def reference_texts(reference: FullReference) -> Iterator[str]:
    yield reference.title
    for group in reference.groups:
        yield group.title
        for entry in group.entries:
            yield from (entry.when, entry.name, entry.statement, entry.details)
    for source in reference.sources:
        yield from (source.title, source.publisher, source.date)


def write_full_reference(reference: FullReference, path: Path | str, paper: str = "a4") -> int:
    """Write the full reference; returns its page count."""
    preflight(reference_texts(reference), Path(path))
    return write_pdf(path, reference_story(reference), title=reference.title, subject="Full reference",
                     paper=paper, footer=reference.title)
