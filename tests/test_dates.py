import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.dates import InvalidDate, PartialDate, Precision, parse_partial_date


def test_precision_follows_the_text() -> None:
    assert parse_partial_date("1994").precision is Precision.YEAR
    assert parse_partial_date("2022-12").precision is Precision.MONTH
    assert parse_partial_date("2023-09-19").precision is Precision.DAY


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "2023-00", "23-09-19", "2023/09/19", "0000", "2023-9-1"])
def test_impossible_or_malformed_dates_are_rejected(text: str) -> None:
    with pytest.raises(InvalidDate):
        parse_partial_date(text)


def test_leap_day_only_in_leap_years() -> None:
    assert parse_partial_date("2024-02-29").last_day() == dt.date(2024, 2, 29)
    with pytest.raises(InvalidDate, match="February 2023 has 28 days"):
        parse_partial_date("2023-02-29")


def test_human_forms() -> None:
    assert parse_partial_date("2023-09-19").human() == "19 September 2023"
    assert parse_partial_date("2023-05").human() == "May 2023"
    assert parse_partial_date("1923").human() == "1923"


def test_spans_and_containment() -> None:
    year, month, day = (parse_partial_date(t) for t in ("2023", "2023-09", "2023-09-19"))
    assert year.contains(month) and month.contains(day) and year.contains(day)
    assert not day.contains(month)
    assert month.first_day() == dt.date(2023, 9, 1) and month.last_day() == dt.date(2023, 9, 30)


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_round_trip_of_any_real_day(day: dt.date) -> None:
    parsed = parse_partial_date(day.isoformat())
    assert parsed.first_day() == day == parsed.last_day()
    assert parsed.iso() == day.isoformat()


@given(st.lists(st.tuples(st.integers(1, 9999), st.integers(0, 12), st.integers(0, 28)), max_size=40))
def test_the_pools_sort_dates_in_their_own_order(parts: list[tuple[int, int, int]]) -> None:
    """Distractor pools sort dates by (year, month, day) in C: the order PartialDate gives itself."""
    from quizgen.items.distractors import _DATE_ORDER

    dates = [PartialDate(year, month, day if month else 0) for year, month, day in parts]
    assert sorted(dates, key=_DATE_ORDER) == sorted(dates)
