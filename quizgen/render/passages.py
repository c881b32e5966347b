"""A passage as HTML, with the answer marked inside it: shared by Anki cards and, as text, the PDF key."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from quizgen.items import Item, Passage
from quizgen.sources import find_in_passage

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})")
_NUMBER = re.compile(r"\d[\d,.]*(?: (?:million|billion))?")


def answer_forms(item: Item) -> list[str]:
    """The ways the answer may be written in a passage, most specific first."""
    forms = [item.answer, *item.alternatives]
    # "19 September 2023" is also "September 19"; a figure "at least 70,500 people" is "70,500"
    for form in list(forms):
        match = _DAY_MONTH_YEAR.fullmatch(form)
        if match:
            forms += [f"{match[2]} {match[1]}, {match[3]}", f"{match[2]} {match[1]}", match[3]]
        number = _NUMBER.search(form)
        if number:
            forms.append(number.group(0))
    return [f for f in dict.fromkeys(forms) if f.strip()]


def mark_span(passage: Passage, forms: list[str]) -> tuple[int, int] | None:
    for form in forms:
        span = find_in_passage(passage.quote, form)
        if span:
            return span
    return None


def marked_quote(passage: Passage, item: Item, escape_text: Callable[[str], str], tag: str) -> str:
    """The quote, escaped, with the answer wrapped in ``<tag>`` where it can be found."""
    span = mark_span(passage, answer_forms(item))
    quote = passage.quote
    if not span:
        return escape_text(quote)
    start, end = span
    return (f"{escape_text(quote[:start])}<{tag}>{escape_text(quote[start:end])}</{tag}>"
            f"{escape_text(quote[end:])}")


def passage_html(passage: Passage, item: Item) -> str:
    """The quote in bold context, the answer in <mark>; every character escaped."""
    body = marked_quote(passage, item, escape, "mark")
    around_before = f'<span class="qg-around">…{escape(passage.before)}</span>' if passage.before else ""
    around_after = f'<span class="qg-around">{escape(passage.after)}…</span>' if passage.after else ""
    return f"{around_before}<b>{body}</b>{around_after}"
