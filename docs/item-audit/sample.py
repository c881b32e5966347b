"""Draw the seeded sample of items that an item audit rates, and print it as a teacher reads it.

    .venv/bin/python docs/item-audit/sample.py 11 60 > sample.txt

The item bank of the whole fact base (``items_for``: all seven types, each question once, seed SEED) is
drawn from with ``random.Random(SEED)``: the same seed gives the same sample on the same fact base. A bank
smaller than COUNT is read whole, in the seeded order.
"""

from __future__ import annotations

import random
import sys

from quizgen.factbase import load_factbase
from quizgen.items import ITEM_TYPES, Item, items_for
from quizgen.key_evidence import key_passages
from quizgen.render.passages import shown_quote


def show(number: int, item: Item) -> str:
    attributed = f", according to {item.according_to}" if item.according_to else ""
    lines = [f"[{number}] {item.id}  ({item.type}, {item.status}{attributed})"]
    if item.type == "cloze" and item.cloze:
        lines.append(f"   CLOZE: {item.cloze[0]}_____{item.cloze[2]}   ->  {item.cloze[1]}")
    else:
        lines.append(f"   Q: {item.prompt}")
    lines += [f"     {'*' if i == item.correct_option else ' '} {chr(65 + i)}. {o}" for i, o in enumerate(item.options)]
    lines += [f"     - {left} = {right}" for left, right in item.pairs]
    lines += [f"     (spare) {extra}" for extra in item.extra_options]
    correction = f" | true statement: {item.correction}" if item.correction else ""
    lines.append(f"   A: {item.answer}{correction}")
    # the passages the printed key quotes, in its order (the evidence for the answer first), up to two of each fact
    evidence = [kept.passage for kept in key_passages(item)]
    shown = [p for fact_id in item.fact_ids for p in [q for q in evidence if q.fact_id == fact_id][:2]]
    # as the printed key shows them: the text's own slips followed by [sic]
    lines += [f"   passage ({p.source_short or p.source_label}): “{shown_quote(p)}”" for p in shown]
    return "\n".join(lines)


def main(seed: int, count: int, facts: str = "facts.json") -> None:
    factbase = load_factbase(facts)
    items = items_for(factbase, factbase.facts, ITEM_TYPES, seed)
    for number, item in enumerate(random.Random(seed).sample(items, min(count, len(items))), 1):
        print(show(number, item), end="\n\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:4])
