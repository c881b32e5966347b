"""Baseline: reportlab alone laying out the same questions quizgen prints (prepared beforehand).

    python benchmarks/bare_reportlab.py questions.json out.pdf
"""

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

fonts = Path(__file__).resolve().parent.parent / "quizgen" / "fonts"
pdfmetrics.registerFont(TTFont("Sans", str(fonts / "DejaVuSans.ttf")))
body = ParagraphStyle("body", fontName="Sans", fontSize=10.5, leading=14)
option = ParagraphStyle("option", parent=body, leftIndent=36)
story = []
with open(sys.argv[1], encoding="utf-8") as handle:
    versions = json.load(handle)
for version in versions:
    for question in version:
        block = [Paragraph(f"{question['number']}. {escape(question['prompt'])}", body)]
        block += [Paragraph(f"{chr(65 + i)}. {escape(o)}", option) for i, o in enumerate(question["options"])]
        story.append(KeepTogether(block))
SimpleDocTemplate(sys.argv[2], pagesize=A4, invariant=True).build(story)
