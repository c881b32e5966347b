"""Draw a seeded sample of what users meet: the item bank's items and the full deck's cards together.

    .venv/bin/python docs/item-audit/mixed_sample.py BANK.txt DECK.txt 2026 60 > sample.txt

BANK.txt is what ``sample.py`` prints (the whole bank), DECK.txt what ``deck_sample.py`` prints
(the whole deck, rendered by real Anki). Each entry keeps its own form (a test item with its
options and passages; a flashcard with its front, back and fold) and is labelled with where it
comes from. ``random.Random(SEED)`` draws COUNT entries: the same files and seed, the same sample.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path


def entries(path: str, label: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    parts = [part.strip("\n") for part in re.split(r"\n(?=\[\d+\] )", "\n" + text) if part.strip()]
    return [re.sub(r"^\[\d+\] ", f"({label}) ", part) for part in parts]


def main(bank: str, deck: str, seed: int, count: int) -> None:
    pool = entries(bank, "bank item") + entries(deck, "flashcard")
    for number, entry in enumerate(random.Random(seed).sample(pool, min(count, len(pool))), 1):
        print(f"[{number}] {entry}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
