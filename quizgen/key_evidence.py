"""Which passages the answer key quotes for a question, in which order.

The key shows evidence, not every passage a fact cites: first the passages that state
the answer (for matching and ordering, a line's date), the rest only when no passage of
their fact states it. A dateline ("These were the updates on … Thursday, 28 September")
is evidence only when another passage of its fact dates something by a weekday, today
or yesterday: then it grounds that relative date. A stem that names its source
("According to the … guide, …") gets that source's passages first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.items import Item, Passage
from quizgen.items.likeness import stems
from quizgen.phrases import contains_phrase, content_words
from quizgen.render.passages import answer_forms, mark_span

# the item types whose answer is one text that the key shows in bold inside a quoted passage
TEXT_ANSWER_TYPES = frozenset({"mcq", "short-answer", "qa", "cloze"})
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# a weekday followed by a full date: a page's dateline, not a statement of what happened
_DATELINE = re.compile(rf"\b{_WEEKDAY},? (?:\d{{1,2}} [a-z]+|[a-z]+ \d{{1,2}}),? \d{{4}}", re.IGNORECASE)
# a date given relative to the page's own day
_RELATIVE_DAY = re.compile(rf"\b(?:{_WEEKDAY}|today|yesterday|tonight|last week|this week)\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})")
_NAMED_SOURCE = re.compile(r"^according to (?:the )?([^,]+),", re.IGNORECASE)


@dataclass(frozen=True)
class KeyPassage:
    """A passage the answer key quotes, with where its answer stands in it (None: nothing to mark)."""

    passage: Passage
    answer_span: tuple[int, int] | None


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    inside = (start > 0 and text[start - 1].isalnum() and text[start].isalnum()) or \
             (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())
    return not inside


def answer_passages(item: Item) -> list[KeyPassage]:
    """The item's passages in which its answer stands as whole words, with the answer's span."""
    forms = answer_forms(item)
    found = []
    for passage in item.passages:
        span = mark_span(passage, forms)
        if span and _on_word_boundaries(passage.quote, *span):
            found.append(KeyPassage(passage, span))
    return found


def is_dateline(passage: Passage) -> bool:
    return bool(_DATELINE.search(passage.quote))


def _grounds_relative_date(dateline: Passage, passages: Sequence[Passage]) -> bool:
    """Another passage of the dateline's fact dates something relative to the page's day."""
    return any(p is not dateline and p.fact_id == dateline.fact_id and not is_dateline(p)
               and _RELATIVE_DAY.search(p.quote) for p in passages)


def _states_a_line(passage: Passage, item: Item) -> bool:
    """The passage states the date (or answer) of one of a matching or ordering item's lines."""
    for _, right in item.pairs:
        forms = [right, *(part.strip() for part in re.split(r"[–-]", right) if part.strip() != right)]
        forms += [f"{m[2]} {m[1]}" for form in forms for m in [_DAY_MONTH_YEAR.fullmatch(form)] if m]
        if any(contains_phrase(passage.quote, form) for form in forms if form):
            return True
    return False


def _line_evidence(item: Item) -> list[Passage]:
    """A matching or ordering item's passages that state a line's date, then the facts' passages that none of
    their fact's passages does. A date found in a passage about something else ("In a flurry of diplomacy in May
    2023 …" for Pashinyan's recognition) comes with the passage that speaks of the line's event."""
    passages = [p for p in item.passages if not is_dateline(p) or _grounds_relative_date(p, item.passages)]
    stating = [p for p in passages if _states_a_line(p, item)]
    labels = [stems(left) for left, _ in item.pairs]
    shown: list[Passage] = []
    for fact_id in dict.fromkeys(p.fact_id for p in passages):
        own = [p for p in passages if p.fact_id == fact_id]
        # the fact's line: the label its passages speak of most (an ordering lists its lines by date, not by fact)
        words = set().union(*(stems(p.quote) for p in own))
        label = max(labels, key=lambda line: len(line & words) / max(len(line), 1), default=frozenset())

        def about(passage: Passage, label: frozenset[str] = label) -> int:
            return len(stems(passage.quote) & label)

        dated = [p for p in own if p in stating]
        best = max(own, key=about)
        shown += ([best] if dated and best not in dated and about(best) > max(map(about, dated)) else []) + dated
    covered = {p.fact_id for p in stating}
    return shown + [p for p in passages if p.fact_id not in covered]


def _named_source_first(item: Item, shown: list[KeyPassage]) -> list[KeyPassage]:
    """When the stem names its source ("According to the X, …"), that source's passages come first."""
    named = _NAMED_SOURCE.match(item.prompt)
    if not named:
        return shown
    wanted = {word[:5] for word in content_words(named.group(1))}

    def overlap(kept: KeyPassage) -> int:
        return len(wanted & {word[:5] for word in content_words(kept.passage.source_label)})

    best = max((overlap(kept) for kept in shown), default=0)
    if best == 0:
        return shown
    return sorted(shown, key=lambda kept: overlap(kept) < best)  # stable: the named source first


def _speaking_of_it_first(item: Item, shown: list[KeyPassage]) -> list[KeyPassage]:
    """The passages that state the answer, those that speak of what the question asks first. Where the answer
    stands only in a passage about something else ("Russia" in "the United States, European Union, and Russia all
    hosted peace talks" for Putin's trilateral meeting), the fact's passage that speaks of it comes first."""
    if not shown:
        return shown
    asked = stems(item.prompt)

    def about(passage: Passage) -> int:
        return len(stems(passage.quote) & asked)

    shown = sorted(shown, key=lambda kept: -about(kept.passage))  # stable: the fact's order among equals
    own = [p for p in item.passages if p.fact_id == item.fact_ids[0] and not is_dateline(p)]
    best = max(own, key=about, default=None)
    if best is not None and all(kept.passage != best for kept in shown) and about(best) > about(shown[0].passage):
        shown.insert(0, KeyPassage(best, None))
    return shown


def key_passages(item: Item) -> list[KeyPassage]:
    """The passages the key quotes for the item: the evidence for its answer, the named source's first."""
    if item.type in TEXT_ANSWER_TYPES:
        shown = _speaking_of_it_first(item, answer_passages(item))
        if not shown:
            # whose claim it is stands in each passage's source line; a figure the text spells out ("one hundred
            # thousand") is read, not matched: the passages of the fact asked about are the evidence, never none
            shown = [KeyPassage(p, None) for p in item.passages
                     if p.fact_id == item.fact_ids[0] and not is_dateline(p)]
    elif item.type in ("matching", "ordering"):
        shown = [KeyPassage(p, None) for p in _line_evidence(item)]
    else:
        shown = [KeyPassage(p, None) for p in item.passages
                 if not is_dateline(p) or _grounds_relative_date(p, item.passages)] or \
                [KeyPassage(p, None) for p in item.passages]
    return _named_source_first(item, shown)
