"""What travels with every exported question: the verified passage and its source.

Each platform shows this as the question's general feedback (the back of a card in TSV),
so a learner who has answered can read where the answer comes from.
"""

from __future__ import annotations

from html import escape

from quizgen.items import Item
from quizgen.render.passages import marked_quote, shown_quote


def feedback_lines(item: Item) -> list[str]:
    """Plain lines: the true statement for a false one, then each passage with its source."""
    lines = [f"The true statement: {item.correction}"] if item.correction else []
    lines += [f"“{shown_quote(passage)}” ({passage.source_label})" for passage in item.passages]
    return [one_line(line) for line in lines]


def feedback_text(item: Item, separator: str = " ") -> str:
    return separator.join(feedback_lines(item))


def feedback_html(item: Item) -> str:
    """The same as HTML: each quote with the answer in bold where it can be found, then its source."""
    parts = [f"<p>The true statement: {escape(item.correction)}</p>"] if item.correction else []
    for passage in item.passages:
        quote = marked_quote(passage, item, escape, "strong")
        parts.append(f"<blockquote><p>“{quote}”</p></blockquote><p><cite>{escape(passage.source_label)}</cite></p>")
    return "".join(parts)


def one_line(text: str) -> str:
    """Line breaks and tabs as spaces: several formats give a field a single line."""
    return " ".join(text.split())


def ordering_as_matching(item: Item) -> tuple[str, list[tuple[str, str]]]:
    """For a platform without an ordering question: match each element to its position.

    The elements come in the item's display order, which does not give the answer away.
    """
    position = {label: index for index, (label, _) in enumerate(item.pairs, start=1)}
    shown = item.options or tuple(label for label, _ in item.pairs)
    prompt = f"{item.prompt} Match each to its position, from 1 to {len(position)}."
    return prompt, [(label, str(position[label])) for label in shown]


def ordered_labels(item: Item) -> list[str]:
    """An ordering item's elements in their true order."""
    return [label for label, _ in item.pairs]


def question_name(item: Item, limit: int = 80) -> str:
    """A readable name for a question bank: the prompt, cut at a word boundary."""
    text = one_line(item.prompt)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
