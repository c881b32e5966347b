"""Dates as passages write them ('19 September 2023', 'September 19, 2023', '2023-09'), read so that an
item's date can be checked against what its passage says."""

from __future__ import annotations

import re
from functools import lru_cache

from quizgen.dates import MONTH_NAMES, PartialDate, Precision
from quizgen.phrases import normalise

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
