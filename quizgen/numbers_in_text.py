"""Numbers as texts write them: a figure formatted as a text would print it ('70,500', '650 million',
'about 100'), and every number a passage states, in digits or in words."""

from __future__ import annotations

import re
from functools import lru_cache

from quizgen.phrases import normalise

_APPROXIMATION_WORDS = {
    "exact": "", "about": "about ", "more-than": "more than ", "at-least": "at least ",
    "up-to": "up to ", "fewer-than": "fewer than ",
}


def format_number(value: float) -> str:
    """70500 → '70,500'; 25.6 → '25.6'; 650000000 → '650 million': as a text would print it."""
    for scale, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if abs(value) >= scale and (value / scale * 10).is_integer():
            return f"{format_number(value / scale)} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def approximation_prefix(approximation: str) -> str:
    return _APPROXIMATION_WORDS[approximation]


_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
_UNIT_WORDS = {number: word for word, number in _UNITS.items()}


def spelled_number(value: int) -> str | None:
    """9 → 'nine', 44 → 'forty-four', 400 → 'four hundred', 30,000 → 'thirty thousand', 100,000 → 'one hundred
    thousand': a whole number below a hundred, or a round count of hundreds or thousands, as a text spells it; else
    None."""
    if value in _UNIT_WORDS:
        return _UNIT_WORDS[value]
    tens, units = divmod(value, 10)
    if 2 <= tens <= 9 and units:
        return f"{_UNIT_WORDS[tens * 10]}-{_UNIT_WORDS[units]}"
    for scale, word in ((1000, "thousand"), (100, "hundred")):
        count, rest = divmod(value, scale)
        # 100,000 is "one hundred thousand"; 250,000 ("two hundred fifty thousand") is left to digits
        spelled = spelled_number(count) if not rest and 1 <= count < (1000 if scale == 1000 else 10) else None
        if spelled:
            return f"{spelled} {word}"
    return None


_NUMBER_WORD = "|".join(sorted([*_UNITS, "hundred", "thousand", "million", "billion"], key=len, reverse=True))
_SPELLED = re.compile(rf"\b(?:(?:{_NUMBER_WORD})(?:[\s-]+|\b))+")
_DIGITS = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(million|billion|thousand|bn|m|k)?\b")


def _spelled_value(phrase: str) -> float | None:
    total, current = 0.0, 0.0
    seen = False
    for word in re.split(r"[\s-]+", phrase.strip()):
        if word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
            seen = True
    return total + current if seen else None


@lru_cache(maxsize=8192)
def numbers_in(text: str) -> frozenset[float]:
    """Every number a passage states, in digits ('70,500', '$25.6m', '95%') or words ('one hundred thousand')."""
    lowered = normalise(text)
    found: set[float] = set()
    for match in _DIGITS.finditer(lowered):
        whole, fraction, scale = match.groups()
        value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
        found.add(value)
        if scale:
            found.add(value * _SCALES[scale])
    for match in _SPELLED.finditer(lowered):
        spelled = _spelled_value(match.group(0))
        if spelled is not None:
            found.add(spelled)
    return frozenset(found)


def significant_digits(value: float) -> int:
    """70,500 has three, 120,000 two, 25 billion two: what a figure's precision is, whatever its magnitude."""
    mantissa = f"{abs(value):.10e}".split("e")[0]
    return len(mantissa.replace(".", "").rstrip("0")) or 1
