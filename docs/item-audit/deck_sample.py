"""Draw a seeded sample of a built deck's cards and print them as a student's Anki shows them.

    .venv/bin/python docs/item-audit/deck_sample.py dist/nagorno-karabakh-full.apkg 2026 60 > cards.txt

The deck is imported into a fresh Anki collection (the ``anki`` package, a test dependency) and every card is
rendered by Anki itself. The cards, in the order of their notes' GUIDs and templates, are drawn from with
``random.Random(SEED)``: the same deck and seed give the same sample. For each card: the front, the back as
first shown, and what the back folds away (the source passage a student opens to check); " / " stands where the
phone starts a new line.
"""

from __future__ import annotations

import html
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.anki_collection import fresh_collection, import_deck, visible_text

_FOLDED = re.compile(r"<details\b.*?</details>", re.S)
_TAG = re.compile(r"<[^>]+>")
# where a phone starts a new line (a paragraph, a list item, a block): printed as " / " so that lines do not run on
_BLOCK_END = re.compile(r"</(?:div|p|li|summary)>|<br\s*/?>", re.I)


def _lines(card_html: str) -> str:
    return _BLOCK_END.sub(" / ", re.sub(r"(?=<(?:div|p|li)\b)", " / ", card_html))


def _tidy(text: str) -> str:
    """One " / " between lines, none at either end."""
    return re.sub(r"/(?: /)+", "/", text).strip(" /")


def _folded(card_html: str) -> str:
    texts = (" ".join(html.unescape(_TAG.sub(" ", _lines(part))).split()) for part in _FOLDED.findall(card_html))
    return " | ".join(_tidy(text) for text in texts)


def _back(card_html: str) -> str:
    return _tidy(visible_text(_lines(card_html)))


def main(deck: str, seed: int, count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        col = fresh_collection(Path(folder))
        import_deck(col, Path(deck))
        cards = [col.get_card(card_id) for card_id in col.find_cards("")]
        cards.sort(key=lambda card: (card.note().guid, card.ord))
        for number, card in enumerate(random.Random(seed).sample(cards, min(count, len(cards))), 1):
            back = card.answer()
            after = back.split('<hr id="answer">', 1)[-1]
            print(f"[{number}] note {card.note().guid} card {card.ord + 1} ({card.note_type()['name']})")
            print(f"   FRONT: {visible_text(card.question())}")
            print(f"   BACK: {_back(after)}")
            folded = _folded(after)
            if folded:
                print(f"   FOLDED (opened on tap): {folded}")
            print()
        col.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
