"""Baseline: genanki alone writing the same notes quizgen writes (fields prepared beforehand).

    python benchmarks/bare_genanki.py notes.json out.apkg

It prints the seconds spent in genanki, after reading its input: the part of its time
that quizgen cannot avoid either.
"""

import json
import sys
import time

import genanki

with open(sys.argv[1], encoding="utf-8") as handle:
    spec = json.load(handle)
started = time.perf_counter()
qa = genanki.Model(1, "Q&A", fields=[{"name": n} for n in spec["qa_fields"]],
                   templates=[{"name": "Card", "qfmt": "{{Prompt}}", "afmt": "{{FrontSide}}<hr>{{Answer}}"}])
cloze = genanki.Model(2, "Cloze", fields=[{"name": n} for n in spec["cloze_fields"]],
                      templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}"}],
                      model_type=genanki.Model.CLOZE)
deck = genanki.Deck(3, "Bare")
for note in spec["notes"]:
    model = cloze if note["cloze"] else qa
    deck.add_note(genanki.Note(model=model, fields=note["fields"], guid=note["guid"], tags=note["tags"]))
genanki.Package(deck).write_to_file(sys.argv[2], timestamp=1_700_000_000)
print(f"{time.perf_counter() - started:.6f}")
