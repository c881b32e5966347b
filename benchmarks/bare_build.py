"""Baseline for `quizgen build`: genanki and reportlab alone writing what the shipped build writes.

    python benchmarks/bare_build.py outputs.json OUT_DIR

``outputs.json`` (made by ``run.py`` from a real build, not timed) holds each deck's note type
and notes, each PDF's text page by page, and the bytes of the other outputs. genanki writes
the same decks (its own ``Package.write_to_file``), reportlab lays out the same text on the
same number of pages, and the exports are written as they are.
"""

import base64
import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import genanki
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

with open(sys.argv[1], encoding="utf-8") as handle:
    spec = json.load(handle)
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)

for deck_spec in spec["decks"]:
    model_spec = deck_spec["model"]
    model = genanki.Model(model_spec["id"], model_spec["name"], fields=[{"name": n} for n in model_spec["fields"]],
                          templates=model_spec["templates"], css=model_spec["css"])
    deck = genanki.Deck(deck_spec["deck_id"], deck_spec["name"], deck_spec["description"])
    for note in deck_spec["notes"]:
        made = genanki.Note(model=model, fields=note["fields"], guid=note["guid"], tags=note["tags"])
        made.cards = [genanki.Card(ord) for ord in note["cards"]]
        deck.add_note(made)
    genanki.Package(deck).write_to_file(str(out / deck_spec["file"]))

fonts = Path(__file__).resolve().parent.parent / "quizgen" / "fonts"
pdfmetrics.registerFont(TTFont("Sans", str(fonts / "DejaVuSans.ttf")))
body = ParagraphStyle("body", fontName="Sans", fontSize=10, leading=13)
for document in spec["pdfs"]:
    flowables = []
    for number, page in enumerate(document["pages"]):
        if number:
            flowables.append(PageBreak())
        flowables += [Paragraph(escape(line), body) for line in page]
    SimpleDocTemplate(str(out / document["file"]), pagesize=A4, invariant=True).build(flowables)

for other in spec["files"]:
    (out / other["file"]).write_bytes(base64.b64decode(other["data"]))
