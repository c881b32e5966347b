"""Bar charts on honest axes: equal bins of time (empty ones drawn), counts from zero, a labelled scale."""

from __future__ import annotations

import math

from reportlab.lib.units import mm

from quizgen.handout.reference import Chart
from quizgen.render.pdf_base import ACCENT, FONT, FONT_BOLD, INK, MUTED, FullWidth

LEFT = 12 * mm  # room for the count scale
BOTTOM = 11 * mm  # room for the bin labels
LABEL_ROOM = 11 * mm  # width one bin label needs


def _nice_top(most: int) -> int:
    """The top of the count scale: a round number at or above the largest bar."""
    if most <= 5:
        return max(most, 1)
    step: int = 10 ** int(math.log10(most))
    for multiple in (1, 2, 5, 10):
        if step * multiple >= most:
            return step * multiple
    return most


class BarChart(FullWidth):
    def __init__(self, chart: Chart, height: float = 46 * mm) -> None:
        super().__init__(height)
        self.chart = chart

    def draw(self) -> None:
        canvas, chart = self.canv, self.chart
        top = self.height - 8 * mm
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.setFillColor(INK)
        canvas.drawString(0, self.height - 4 * mm, chart.title)
        if chart.note:
            canvas.setFont(FONT, 7.5)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(self.width, self.height - 4 * mm, chart.note)
        scale = _nice_top(max((b.count for b in chart.bins), default=1))
        span = top - BOTTOM
        canvas.setLineWidth(0.4)
        canvas.setFont(FONT, 7)
        for tick in sorted({0, scale // 2, scale}):
            y = BOTTOM + span * tick / scale
            canvas.setStrokeColor(MUTED if tick == 0 else ACCENT.clone(alpha=0.25))
            canvas.line(LEFT, y, self.width, y)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(LEFT - 1.5 * mm, y - 2.5, str(tick))
        slot = (self.width - LEFT) / len(chart.bins)
        every = max(1, math.ceil(len(chart.bins) * LABEL_ROOM / (self.width - LEFT)))
        every = next(step for step in (1, 2, 5, 10, 20, 50, every) if step >= every)
        for index, bin_ in enumerate(chart.bins):
            x = LEFT + index * slot
            if bin_.count:
                bar = span * bin_.count / scale
                canvas.setFillColor(ACCENT)
                canvas.rect(x + slot * 0.15, BOTTOM, slot * 0.7, bar, stroke=0, fill=1)
                canvas.setFillColor(INK)
                canvas.setFont(FONT, 6.5)
                canvas.drawCentredString(x + slot / 2, BOTTOM + bar + 1.5, str(bin_.count))
                canvas.setFont(FONT, 7)
            if index % every == 0:
                canvas.setFillColor(INK)
                canvas.drawCentredString(x + slot / 2, BOTTOM - 4 * mm, bin_.label)
