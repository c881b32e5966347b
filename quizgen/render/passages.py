"""A passage as HTML, with the answer marked inside it: shared by Anki cards and, as text, the PDF key.

The mark always covers whole words or the whole matched date or number: "2" is never
marked inside "2023", nor "Russia" inside "Russian". A form of the answer that stands
in the passage only inside a longer word is not marked at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

from quizgen.items import Item, Passage
from quizgen.items.captions import reads_as_caption
from quizgen.items.item import with_range_ends
from quizgen.numbers_in_text import spelled_number
from quizgen.render.card_text import card_text
from quizgen.sources import CITED_CONTEXT, locate_quote

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})")
_NUMBER = re.compile(r"\d[\d,.]*(?: (?:million|billion))?")
# a sentence ends at . ! or ? (with any closing quote or bracket) before white space, but not
# after an initial or an abbreviation ("U.S. Agency", "Mr. Aliyev", "St. Petersburg")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\.[A-Za-z])[.!?][\"'’”)\]]*\s+")


def answer_forms(item: Item) -> list[str]:
    """The ways the answer may be written in a passage, most specific first."""
    # a range, "1991 – 1994": each end stands in its own passage
    forms = with_range_ends([item.answer, *item.alternatives])
    # "19 September 2023" is also "September 19"; a figure "at least 70,500 people" is "70,500"
    for form in list(forms):
        match = _DAY_MONTH_YEAR.fullmatch(form)
        if match:
            forms += [f"{match[2]} {match[1]}, {match[3]}", f"{match[2]} {match[1]}", match[3]]
        number = _NUMBER.search(form)
        if number:
            digits = number.group(0).rstrip(".,")
            forms.append(digits)
            # "9 months" stands in a text as "nine months", "3 million" as "three million", "400" as "four hundred"
            whole = digits.split()[0]
            count = int(whole.replace(",", "")) if whole.replace(",", "").isdigit() else None
            # a year is written in digits: "2000" is no "two thousand refugees"
            year = item.role == "date" or (count is not None and "," not in whole and 1000 <= count <= 2100)
            spelled = spelled_number(count) if count is not None and not year else None
            if spelled:
                forms += [form.replace(whole, spelled, 1), digits.replace(whole, spelled, 1)]
    return [f for f in dict.fromkeys(forms) if f.strip()]


def looser_forms(item: Item) -> list[str]:
    """The answer's forms, and then the words a sentence may name it by without being the key's evidence: a person
    with a post ("Dmitry Peskov, Kremlin spokesman") as "Kremlin spokesman Dmitry Peskov" or by name, a body with
    its acronym before it ("OSCE Minsk Group") by its name alone. A card's back shows that sentence; a marker's
    key, which must find the answer itself, does not read these."""
    forms = answer_forms(item)
    name, comma, post = item.answer.partition(", ")
    if comma and post and name[:1].isupper():
        forms += [f"{post} {name}", name]
    acronym, space, rest = item.answer.partition(" ")
    if space and len(acronym) > 1 and acronym.isupper() and acronym.isalpha() and rest[:1].isupper():
        forms.append(rest)
    return list(dict.fromkeys(forms))


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Every place ``form`` stands in ``text``: exact matches first, then as typed (spaces, quotes, dashes)."""
    at = text.find(form)
    while at != -1:
        yield at, at + len(form)
        at = text.find(form, at + 1)
    yield from locate_quote(text, form)


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    """No letter or digit runs on at either end of the span (when the span itself ends in one)."""
    if start == end:
        return False
    if text[start].isalnum() and start > 0 and text[start - 1].isalnum():
        return False
    return not (text[end - 1].isalnum() and end < len(text) and text[end].isalnum())


def find_whole(text: str, form: str) -> tuple[int, int] | None:
    """The first place ``form`` stands in ``text`` as whole words, or None."""
    return next((span for span in _occurrences(text, form) if _on_word_boundaries(text, *span)), None)


def mark_span(passage: Passage, forms: list[str]) -> tuple[int, int] | None:
    """Where the first form that stands in the quote as whole words is, or None."""
    for form in forms:
        span = find_whole(passage.quote, form)
        if span:
            return span
    quote = passage.quote
    folded = quote.lower()
    if len(folded) != len(quote):
        return None  # a character whose lower case is longer ("İ"): offsets would not line up
    for form in forms:  # "Lachin corridor" stands in a text as "Lachin Corridor"
        wanted = form.lower()
        at = folded.find(wanted) if len(wanted) == len(form) and wanted else -1
        while at != -1:
            if _on_word_boundaries(quote, at, at + len(form)):
                return at, at + len(form)
            at = folded.find(wanted, at + 1)
    return None


def marked_quote(passage: Passage, item: Item, escape_text: Callable[[str], str], tag: str) -> str:
    """The quote, escaped, with the answer wrapped in ``<tag>`` where it can be found and [sic] after its slips."""
    return _marked(passage.quote, mark_span(passage, answer_forms(item)), escape_text, tag, passage.sic)


def shown_quote(passage: Passage, escape_text: Callable[[str], str] = str) -> str:
    """The quote as every output prints it: escaped, with [sic] after each of the text's own slips."""
    return _marked(passage.quote, None, escape_text, "", passage.sic)


SIC = " [sic]"


def _marked(text: str, span: tuple[int, int] | None, escape_text: Callable[[str], str], tag: str,
            slips: tuple[str, ...] = ()) -> str:
    # the places to cut at: the answer's ends, and the end of each slip's first whole-word stand
    after_slips = sorted({found[1] for slip in slips for found in [find_whole(text, slip)] if found})
    cuts = sorted({0, len(text), *(span or ()), *after_slips})
    pieces = []
    for start, end in pairwise(cuts):
        piece = escape_text(text[start:end])
        if span and (start, end) == span:
            piece = f"<{tag}>{piece}</{tag}>"
        pieces.append(piece + (escape_text(SIC) if end in after_slips else ""))
    return "".join(pieces)


def passage_html(passage: Passage, item: Item | None = None) -> str:
    """The quote in bold within its context, the answer (if an item is given) in <mark>; all text escaped."""
    body = marked_quote(passage, item, card_text, "mark") if item is not None else shown_quote(passage, card_text)
    around_before = f'<span class="qg-around">…{card_text(passage.before)}</span>' if passage.before else ""
    around_after = f'<span class="qg-around">{card_text(passage.after)}…</span>' if passage.after else ""
    return f"{around_before}<b>{body}</b>{around_after}"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` that holds ``text[start:end]``: from the end of the one before to its own end."""
    first = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        first = boundary.end()
    finish = _SENTENCE_END.search(text, end)
    return first, (finish.start() + 1 if finish else len(text))


def supporting_sentence(item: Item, preferred: Sequence[Passage] = ()) -> tuple[Passage, str] | None:
    """The shortest passage that supports the item's answer: the sentence of a quote in which it stands, looked
    for in the ``preferred`` passages (the key's evidence) before the item's others.

    Returned as the passage and the sentence as HTML, the answer in <mark>; None when no
    quote names the answer as whole words (a true-or-false item, say).
    """
    forms = looser_forms(item)
    passages = list(dict.fromkeys([*preferred, *item.passages]))
    # the passage with the most specific form of the answer: "August 30, 1991" over a "1991" in another sentence;
    # a sentence of the body over a photo's caption, which shows a moment, not the fact
    found = [(reads_as_caption(passage.quote, passage.after), rank, order, passage, span)
             for order, passage in enumerate(passages)
             for rank, form in enumerate(forms) for span in [mark_span(passage, [form])] if span is not None]
    for _, _, _, passage, span in sorted(found, key=lambda hit: hit[:3])[:1]:
        text, (first, last), (cut_before, cut_after) = _whole_sentence(passage, span)
        shift = len(passage.before)
        sentence = text[first:last].strip()
        offset = first + (len(text[first:last]) - len(text[first:last].lstrip()))
        marked = _marked(sentence, (span[0] + shift - offset, span[1] + shift - offset), card_text, "mark", passage.sic)
        return passage, ("…" if cut_before else "") + marked + ("…" if cut_after else "")
    return None


def _whole_sentence(passage: Passage, span: tuple[int, int]) -> tuple[str, tuple[int, int], tuple[bool, bool]]:
    """The sentence that holds the answer, completed from the text around a quote that begins or ends inside it
    ("… is internationally recognized as part of Azerbaijan" reads "The small, land-locked territory … is …"). Where
    the context is cut before the sentence's start or end, the quote's own edge stands, marked as cut."""
    before, quote, after = passage.before, passage.quote, passage.after
    text, shift = before + quote + after, len(before)
    first, last = sentence_bounds(text, span[0] + shift, span[1] + shift)
    own_first, own_last = sentence_bounds(quote, *span)
    # a context shorter than the engine's cut began or ended at its paragraph's edge
    if first < shift and first == 0 and len(before) >= CITED_CONTEXT:
        first = shift + own_first  # the sentence began before the context: the quote's own start, cut
    if last > shift + len(quote) and last == len(text) and len(after) >= CITED_CONTEXT:
        last = shift + own_last
    if last - first > 3 * CITED_CONTEXT:
        first, last = shift + own_first, shift + own_last  # too long for a card's back: the quote's own sentence
    cut_before = first > shift or (first == shift and bool(before) and not _ends_a_sentence(before))
    cut_after = last < shift + len(quote.rstrip()) or (last == shift + len(quote) and bool(after.strip())
                                                        and not _ends_a_sentence(quote))
    return text, (first, last), (cut_before, cut_after)


def _ends_a_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?][\"'’”)\]]*\s*$", text))
