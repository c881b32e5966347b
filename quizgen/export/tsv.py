"""Tab-separated flashcards for Anki's text import and Quizlet: front, back, tags.

Exactly three fields a line, no header. No field holds a tab or a line break, and none
starts with ``"`` (both importers would read it as a quoted field). Fronts are unique,
since both importers treat a repeated front as the same card: a multiple-choice front
shows its options, and a front that would repeat another's says its question type.
The back gives the answer, then the passage and its source. Tags are space-separated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quizgen.export.feedback import feedback_text, one_line
from quizgen.items import LETTERS, Item, ItemType, answer_text


def render(items: Sequence[Item], title: str) -> bytes:
    del title  # a TSV file has nowhere to put one
    seen: set[str] = set()
    lines = []
    for item in items:
        front = _unique(_field(_FRONTS[item.type](item)), item, seen)
        back = _field(f"{answer_text(item)} — {feedback_text(item)}")
        lines.append(f"{front}\t{back}\t{tags(item)}\n")
    return "".join(lines).encode("utf-8")


def tags(item: Item) -> str:
    return " ".join(dict.fromkeys(tag.replace(" ", "_") for tag in (*item.tags, f"type::{item.type}")))


def _field(text: str) -> str:
    text = one_line(text)
    return "“" + text[1:] if text.startswith('"') else text


def _unique(front: str, item: Item, seen: set[str]) -> str:
    candidate, number = front, 1
    while candidate in seen:
        number += 1
        candidate = f"{front} ({item.type.replace('-', ' ')})" if number == 2 else f"{front} ({item.type} {number})"
    seen.add(candidate)
    return candidate


def _plain(item: Item) -> str:
    return item.prompt


def _choices(item: Item) -> str:
    options = "  ".join(f"{LETTERS[i]}. {option}" for i, option in enumerate(item.options))
    return f"{item.prompt}  {options}"


def _true_false(item: Item) -> str:
    return f"True or false? {item.prompt}"


def _matching(item: Item) -> str:
    lefts = "; ".join(left for left, _ in item.pairs)
    rights = "; ".join(sorted({*(right for _, right in item.pairs), *item.extra_options}))
    return f"{item.prompt}  {lefts}  — choose from: {rights}"


def _ordering(item: Item) -> str:
    return f"{item.prompt}  {'; '.join(item.options or tuple(label for label, _ in item.pairs))}"


_FRONTS: dict[ItemType, Callable[[Item], str]] = {
    "mcq": _choices, "true-false": _true_false, "short-answer": _plain, "qa": _plain, "cloze": _plain,
    "matching": _matching, "ordering": _ordering,
}
