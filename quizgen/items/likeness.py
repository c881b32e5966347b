"""Options alike in form: no distractor stands out by its length, its shape or its kind.

A test-wise learner picks the longest option, the only capitalised one, the only
acronym. ``alike`` keeps out options that differ from the answer in form; ``likeness``
ranks the rest, so that "President of Russia" comes before "Armenian king" as a wrong
answer to "President of Azerbaijan".
"""

from __future__ import annotations

import math
from functools import lru_cache

from quizgen.phrases import content_words, stem

LONGEST_RATIO = 2.2  # an option more than this many times longer (or shorter) than the answer stands out


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """The stems of a text's content words, remembered: one answer is compared with many options."""
    return frozenset(stem(w) for w in content_words(text))


@lru_cache(maxsize=65536)
def _shape(text: str) -> tuple[bool, bool, bool, bool]:
    """An acronym; capitalised; a title ("Prime Minister of Armenia") rather than a description ("Armenian king");
    an acronym within it ("USAID Administrator" stands out among "President of Azerbaijan" and its kind)."""
    # a leading article is no shape: "the CFR photo essay" is a name as "Al Jazeera's live blog" is
    first = text.lstrip("“\"'(").removeprefix("the ")[:1]
    content = content_words(text)
    title = len(content) >= 2 and all(w[:1].isupper() for w in text.split() if w.lower() in content)
    whole = text.isupper() and len(text) > 1
    inner = not whole and any(len(word) > 1 and word.isalpha() and word.isupper() for word in text.split())
    return whole, first.isupper(), title, inner


def alike(answer: str, option: str) -> bool:
    """Same shape (an acronym among acronyms, a capitalised name among names) and a comparable length."""
    if _shape(answer) != _shape(option):
        return False
    ratio = max(len(answer), 1) / max(len(option), 1)
    if not 1 / LONGEST_RATIO <= ratio <= LONGEST_RATIO:
        return False
    answer_words, option_words = len(answer.split()), len(option.split())
    return abs(answer_words - option_words) <= max(2, answer_words // 2)


def likeness(answer: str, option: str) -> float:
    """Higher for options that share the answer's words and length ("President of Russia" for "President of …")."""
    shared = stems(answer) & stems(option)
    length = abs(math.log(max(len(option), 1) / max(len(answer), 1)))
    return 2.0 * len(shared) - length
