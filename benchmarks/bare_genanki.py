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
model = genanki.Model(1, "Fact", fields=[{"name": n} for n in spec["fields"]],
                      templates=[{"name": slot, "qfmt": f"{{{{#{slot}}}}}{{{{{slot}}}}}{{{{/{slot}}}}}",
                                  "afmt": f"{{{{FrontSide}}}}<hr>{{{{{slot} answer}}}}"} for slot in spec["slots"]])
deck = genanki.Deck(3, "Bare")
for note in spec["notes"]:
    made = genanki.Note(model=model, fields=note["fields"], guid=note["guid"], tags=note["tags"])
    made.cards = [genanki.Card(ord) for ord in note["cards"]]  # the cards quizgen writes, no more
    deck.add_note(made)
genanki.Package(deck).write_to_file(sys.argv[2])  # default settings
print(f"{time.perf_counter() - started:.6f}")
