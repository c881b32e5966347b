"""Text helpers for items: formatting answers, normalising for comparison, finding
dates and numbers in passages so an answer can be checked against what the text says.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quizgen.dates import MONTH_NAMES, PartialDate, Precision

_APPROXIMATION_WORDS = {
    "exact": "", "about": "about ", "more-than": "more than ", "at-least": "at least ",
    "up-to": "up to ", "fewer-than": "fewer than ",
}
_STOPWORDS = frozenset([
    "a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "by", "from", "with", "as", "its", "it",
    "is", "was", "were", "be", "been", "that", "this", "these", "those", "or", "who", "which", "what", "when",
    "where", "how", "his", "her", "their", "our", "your", "into", "over", "under", "than", "then", "also",
])


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


def normalise(text: str) -> str:
    """Casefold and unify the characters that vary between a typed answer and a printed text."""
    if text.isascii():
        # most text: NFKC and the typography table change nothing, and ASCII casefold is lower
        return " ".join(text.lower().split())
    return _normalise_unicode(text)


@lru_cache(maxsize=65536)
def _normalise_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    # a replace per character present: str.translate with a table looks every character up, six times slower
    for typographic, plain in _TYPOGRAPHY:
        if typographic in text:
            text = text.replace(typographic, plain)
    return " ".join(text.split())


_TYPOGRAPHY: tuple[tuple[str, str], ...] = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                                            ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " "))


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", normalise(text))


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOPWORDS and not w.isdigit() and len(w) > 2]


def stem(word: str) -> str:
    # "Azerbaijani" reads as "Azerbaijan", "brokered" as "broker": a crude prefix stem is
    # enough to tell whether a passage speaks of the answer's words
    return word[:6]


def words_appear_in(answer: str, passage: str) -> bool:
    """Every content word of the answer (by stem) occurs in the passage."""
    wanted = content_words(answer)
    if not wanted:
        return normalise(answer) in normalise(passage)
    present = {stem(w) for w in words(passage)}
    return all(stem(w) in present for w in wanted)


def contains_phrase(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` as whole words, ignoring case and typography."""
    return phrase_in(normalise(haystack), needle)


def phrase_in(text: str, needle: str) -> bool:
    """``contains_phrase`` for a haystack already normalised: one text checked for many phrases is normalised once."""
    phrase = normalise(needle)
    if not phrase:
        return False
    at = text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        # a whole-word match: no letter or digit runs on at either side
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(phrase, at + 1)
    return False


# --- dates in text -------------------------------------------------------------------

_MONTHS = {name.casefold(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTHS.update({name[:3].casefold(): i + 1 for i, name in enumerate(MONTH_NAMES)})
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr" \
         r"|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_DATE_PATTERNS = [
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b"), ("month", "day", "year")),
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})\b"), ("day", "month", "year")),
    (re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(\d{{4}})\b"), ("month", "year")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("year", "month", "day")),
    (re.compile(r"\b(1[0-9]\d{2}|20\d{2})s?\b"), ("year",)),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})\b"), ("month", "day")),
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\b"), ("day", "month")),
]
_NUMERIC_DATE_PATTERNS = [(pattern, fields) for pattern, fields in _DATE_PATTERNS if _MONTH not in pattern.pattern]


_ANY_MONTH = re.compile(rf"\b{_MONTH}")
_ANY_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def dates_in(text: str) -> tuple[tuple[int | None, int, int], ...]:
    """Dates a passage mentions, as (year or None, month or 0, day or 0)."""
    lowered = normalise(text)
    if not _ANY_DIGIT.search(lowered):
        return ()  # every form of date has a day or a year in digits
    # the patterns with a month name are the slow ones; most passages name no month
    return _matches(lowered, _DATE_PATTERNS if _ANY_MONTH.search(lowered) else _NUMERIC_DATE_PATTERNS)


def _matches(lowered: str, patterns: list[tuple[re.Pattern[str], tuple[str, ...]]]
             ) -> tuple[tuple[int | None, int, int], ...]:
    found: list[tuple[int | None, int, int]] = []
    for pattern, fields in patterns:
        for match in pattern.finditer(lowered):
            parts = dict(zip(fields, match.groups(), strict=True))
            month = parts.get("month")
            month_number = _month_number(month) if month else 0
            year = int(parts["year"]) if "year" in parts else None
            found.append((year, month_number, int(parts.get("day") or 0)))
    return tuple(found)


def _month_number(month: str) -> int:
    if month.isdigit():
        return int(month)  # 2023-09-19
    return _MONTHS.get(month if month in _MONTHS else month.rstrip(".")[:3], 0)


def date_in_text(date: PartialDate, text: str, context_year: int | None = None) -> bool:
    """The text names this date at its precision: '19 September 2023', 'September 19, 2023', '2023-09'…

    ``context_year`` fills in a year the passage leaves implicit ("On September 19" in a
    text about 2023), when the fact's vetting records how the year was resolved.
    """
    for year, month, day in dates_in(text):
        year = year if year is not None else context_year
        if year != date.year:
            continue
        if date.precision is Precision.YEAR:
            return True
        if month == date.month and (date.precision is Precision.MONTH or day == date.day):
            return True
    return False


# --- numbers in text -----------------------------------------------------------------

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
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
