"""Partial dates: a year, a month or a day, never more precise than the text.

A fact base writes dates as ISO strings cut to their precision (``"1994"``,
``"2022-12"``, ``"2023-09-19"``). Keeping them as strings keeps ``facts.json``
readable; this module is the one place that turns them into comparable values.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# "September 2023" (month, year) and "9 November 2020" (day, month, year), as the items write dates
MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r") (\d{4})\b")
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTH_NAMES) + r") (\d{4})\b")


class Precision(IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A calendar date known to a year, a month or a day.

    Ordering compares the earliest day the date can mean, so ``1994`` sorts
    before ``1994-05-05``; ties go to the less precise date.
    """

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> Precision:
        if self.day:
            return Precision.DAY
        if self.month:
            return Precision.MONTH
        return Precision.YEAR

    def first_day(self) -> dt.date:
        return _first_day(self.year, self.month, self.day)

    def last_day(self) -> dt.date:
        return _last_day(self.year, self.month, self.day)

    def contains(self, other: PartialDate) -> bool:
        """True when ``other`` falls inside the span this date names."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def iso(self) -> str:
        if self.precision is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        """The date as a reader writes it: ``19 September 2023``, ``May 2023``, ``1994``."""
        if self.precision is Precision.DAY:
            return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
        if self.precision is Precision.MONTH:
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()


@lru_cache(maxsize=1 << 16)
def _first_day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month or 1, day or 1)


@lru_cache(maxsize=1 << 16)
def _last_day(year: int, month: int, day: int) -> dt.date:
    if day:
        return dt.date(year, month, day)
    last_month = month or 12
    return dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


class InvalidDate(ValueError):
    pass


@lru_cache(maxsize=1 << 16)
def parse_partial_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; reject impossible days like 2023-02-30."""
    if not _PARTIAL_DATE.match(text):
        raise InvalidDate(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in text.split("-") if p]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 0
    day = parts[2] if len(parts) > 2 else 0
    if not 1 <= year <= 9999:
        raise InvalidDate(f"{text!r}: year {year} is out of range")
    if len(parts) > 1 and not 1 <= month <= 12:
        raise InvalidDate(f"{text!r}: there is no month {month}")
    if len(parts) > 2:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise InvalidDate(f"{text!r} is an impossible date: {MONTH_NAMES[month - 1]} {year} has {last} days")
    return PartialDate(year, month, day)
