"""Baseline: reportlab alone laying out what `quizgen pdf` prints, prepared beforehand:
the quiz's questions and options, and the key's answers with their sources and passages.

    python benchmarks/bare_reportlab.py questions.json out.pdf   # also writes out-key.pdf

It prints the seconds spent in reportlab, after reading its input: the part of its time
that quizgen cannot avoid either.
"""

import json
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

with open(sys.argv[1], encoding="utf-8") as handle:
    versions = json.load(handle)
started = time.perf_counter()
fonts = Path(__file__).resolve().parent.parent / "quizgen" / "fonts"
pdfmetrics.registerFont(TTFont("Sans", str(fonts / "DejaVuSans.ttf")))
body = ParagraphStyle("body", fontName="Sans", fontSize=10.5, leading=14)
indented = ParagraphStyle("indented", parent=body, leftIndent=36)
quiz, key = [], []
for version in versions:
    for question in version:
        prompt = Paragraph(f"{question['number']}. {escape(question['prompt'])}", body)
        options = [Paragraph(f"{chr(65 + i)}. {escape(o)}", indented) for i, o in enumerate(question["options"])]
        quiz.append(KeepTogether([prompt, *options]))
        passages = [Paragraph(f"{escape(p['source'])}: “{escape(p['quote'])}”", indented) for p in question["passages"]]
        key.append(KeepTogether([prompt, Paragraph(escape(question["answer"]), indented), *passages]))
out = Path(sys.argv[2])
SimpleDocTemplate(str(out), pagesize=A4, invariant=True).build(quiz)
SimpleDocTemplate(str(out.with_name(out.stem + "-key.pdf")), pagesize=A4, invariant=True).build(key)
print(f"{time.perf_counter() - started:.6f}")
