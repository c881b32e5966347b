"""Reading dates in passages: the fast path gives exactly what the general path gives, and each form is read."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from quizgen.dates_in_text import _DATE_PATTERNS, _matches, dates_in
from quizgen.phrases import normalise

ascii_text = st.text(alphabet=string.printable, max_size=80)
date_like = st.lists(st.sampled_from(["On", "19", "September", "Sept.", "2023", "2023-09-19", "1990s", "of", "may",
                                      "jan", ",", " ", "\n", "12", "31", "December", "x"]), max_size=12).map(" ".join)


@given(st.one_of(date_like, ascii_text))
def test_dates_in_skips_only_patterns_that_cannot_match(text: str) -> None:
    assert dates_in(text) == _matches(normalise(text), _DATE_PATTERNS)  # every pattern on every text


def test_dates_in_reads_each_form() -> None:
    assert (2023, 9, 19) in dates_in("On 19 September 2023 the offensive began.")
    assert (2023, 9, 19) in dates_in("On September 19, 2023 the offensive began.")
    assert (2023, 9, 19) in dates_in("dated 2023-09-19")
    assert dates_in("no date here") == ()
