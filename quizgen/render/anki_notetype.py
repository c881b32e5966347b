"""The "quizgen Fact" note type: its fields, one card template per slot, and its style.

A card is made only when its slot's field is filled (the front template is empty
otherwise), so one note type serves a fact with a single question and a fact with
seven cards, and a note about several facts with its one card.
"""

from __future__ import annotations

import genanki

from quizgen.deck_plan import SLOTS
from quizgen.templates import read_template

# Fixed forever: changing it would make every student's Anki treat the note type as new.
FACT_MODEL_ID = 1741500110
FACT_MODEL_NAME = "quizgen Fact"

LABEL_FIELD = "Fact"  # first field: what Anki's browser lists and sorts notes by
CONTEXT_FIELD = "Context"  # the fact and its wider passages, behind a collapsed <details>
KEY_FIELD = "Key"  # hidden: the note's key (a fact id), for the browser and for search
_SLOT_PLACEHOLDER = "SLOT"


def slot_fields(slot_name: str) -> tuple[str, str, str]:
    """A slot's front, its answer, and the sentence that supports it, with its source."""
    return slot_name, f"{slot_name} answer", f"{slot_name} support"


FIELDS: tuple[str, ...] = (LABEL_FIELD, *(name for slot in SLOTS for name in slot_fields(slot.name)),
                           CONTEXT_FIELD, KEY_FIELD)


def fact_model() -> genanki.Model:
    front, back = read_template("anki/front.html"), read_template("anki/back.html")
    return genanki.Model(
        FACT_MODEL_ID, FACT_MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": slot.name, "qfmt": front.replace(_SLOT_PLACEHOLDER, slot.name),
                    "afmt": back.replace(_SLOT_PLACEHOLDER, slot.name)} for slot in SLOTS],
        css=read_template("anki/style.css"),
    )


def _search_value(text: str) -> str:
    """Text as Anki's search reads it literally: its wildcards and quotes escaped."""
    return "".join("\\" + ch if ch in '\\"*_' else ch for ch in text)


def search_for_keys(keys: list[str]) -> str:
    """An Anki browser search that finds the notes with these keys, in whatever deck they are."""
    terms = " OR ".join(f'"{KEY_FIELD}:{_search_value(key)}"' for key in keys)
    return f'"note:{FACT_MODEL_NAME}" ({terms})' if len(keys) > 1 else f'"note:{FACT_MODEL_NAME}" {terms}'
