"""GIFT, Moodle's plain-text question format (Question bank → Import → GIFT format).

Written as Moodle's own GIFT export writes it: a comment line carrying ``[id:…]`` and
``[tag:…]``, ``::name::`` (the item id), the question text, the answers in braces with
``####`` general feedback (the passage and its source), and one blank line between
questions. ``~ = # { } :`` and ``\\`` inside text are escaped with a backslash. GIFT has
no ordering question: an ordering item is given as matching (each element to its
position), and a comment says so. A cloze item is a missing-word question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quizgen.export.feedback import feedback_text, one_line, ordering_as_matching
from quizgen.export.ids import short_id
from quizgen.items import Item, ItemType

_RESERVED = {"\\": "\\\\", "#": "\\#", "=": "\\=", "~": "\\~", "{": "\\{", "}": "\\}", ":": "\\:"}


def escape(text: str) -> str:
    """Escape GIFT's reserved characters, and keep the text on one line."""
    return "".join(_RESERVED.get(ch, ch) for ch in one_line(text))


def render(items: Sequence[Item], title: str) -> bytes:
    blocks = [f"$CATEGORY: $course$/top/{one_line(title).replace('/', '//')}\n"]
    blocks += [_question(item) for item in items]
    return "\n".join(blocks).encode("utf-8")


def _question(item: Item) -> str:
    comments = []
    if item.type == "ordering":
        comments.append("// ordering given as matching: GIFT has no ordering question")
    marks = [f"[id:{_bracketed(short_id(item.id))}]"]
    marks += [f"[tag:{_bracketed(tag)}]" for tag in dict.fromkeys(item.tags)]
    comments.append("// " + " ".join(marks))
    head = f"::{escape(short_id(item.id))}::"
    general = f"\t####{escape(feedback_text(item))}\n"
    return "\n".join(comments) + "\n" + _BODIES[item.type](item, head, general)


def _bracketed(text: str) -> str:
    """Inside ``[id:…]`` and ``[tag:…]`` only ``]`` is escaped."""
    return text.replace("]", "\\]")


def _answers(head: str, prompt: str, lines: Sequence[str], general: str) -> str:
    body = "".join(f"\t{line}\n" for line in lines)
    return f"{head}{escape(prompt)} {{\n{body}{general}}}\n"


def _multichoice(item: Item, head: str, general: str) -> str:
    lines = [("=" if i == item.correct_option else "~") + escape(o) for i, o in enumerate(item.options)]
    return _answers(head, item.prompt, lines, general)


def _truefalse(item: Item, head: str, general: str) -> str:
    is_true = item.correct_option == 0 if item.options else item.answer.lower() == "true"
    return f"{head}{escape(item.prompt)} {{{'TRUE' if is_true else 'FALSE'}\n{general}}}\n"


def _shortanswer(item: Item, head: str, general: str) -> str:
    return _answers(head, item.prompt, [f"={escape(a)}" for a in dict.fromkeys((item.answer, *item.alternatives))],
                    general)


def _matching(item: Item, head: str, general: str) -> str:
    pairs = [*item.pairs, *(("", extra) for extra in item.extra_options)]
    return _answers(head, item.prompt, [f"={escape(left)} -> {escape(right)}" for left, right in pairs], general)


def _ordering(item: Item, head: str, general: str) -> str:
    prompt, pairs = ordering_as_matching(item)
    return _answers(head, prompt, [f"={escape(left)} -> {escape(right)}" for left, right in pairs], general)


def _cloze(item: Item, head: str, general: str) -> str:
    """A missing-word question: the answers in braces where the blank is."""
    before, _, after = item.cloze or (item.prompt, "", "")
    answers = " ".join(f"={escape(a)}" for a in dict.fromkeys((item.answer, *item.alternatives)))
    return f"{head}{escape(before)}{{{answers}\n{general}}}{escape(after)}\n"


_BODIES: dict[ItemType, Callable[[Item, str, str], str]] = {
    "mcq": _multichoice, "true-false": _truefalse, "short-answer": _shortanswer, "qa": _shortanswer,
    "matching": _matching, "cloze": _cloze, "ordering": _ordering,
}
