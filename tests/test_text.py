"""The text helpers' fast paths give exactly what their general paths give."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from quizgen.text import _DATE_PATTERNS, _matches, _normalise_unicode, dates_in, normalise

ascii_text = st.text(alphabet=string.printable, max_size=80)
date_like = st.lists(st.sampled_from(["On", "19", "September", "Sept.", "2023", "2023-09-19", "1990s", "of", "may",
                                      "jan", ",", " ", "\n", "12", "31", "December", "x"]), max_size=12).map(" ".join)


@given(ascii_text)
def test_the_ascii_shortcut_normalises_as_the_unicode_path_does(text: str) -> None:
    assert normalise(text) == _normalise_unicode(text)


def test_normalise_unifies_typography_and_case() -> None:
    assert normalise("Stepanakert\u2019s  \u201cCity\u201d \u2013 KHANKENDI") == "stepanakert's \"city\" - khankendi"


@given(st.one_of(date_like, ascii_text))
def test_dates_in_skips_only_patterns_that_cannot_match(text: str) -> None:
    assert dates_in(text) == _matches(normalise(text), _DATE_PATTERNS)  # every pattern on every text


def test_dates_in_reads_each_form() -> None:
    assert (2023, 9, 19) in dates_in("On 19 September 2023 the offensive began.")
    assert (2023, 9, 19) in dates_in("On September 19, 2023 the offensive began.")
    assert (2023, 9, 19) in dates_in("dated 2023-09-19")
    assert dates_in("no date here") == ()



@given(st.text(alphabet=st.sampled_from("aB É\u2019\u2018\u201c\u201d\u2013\u2014\u00a0\u2010'\"-ﬁ\t"), max_size=40))
def test_typography_is_unified_as_one_table_would_unify_it(text: str) -> None:
    import unicodedata

    table = {ord(k): v for k, v in {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                                    "\u2014": "-", "\u00a0": " "}.items()}
    assert _normalise_unicode(text) == " ".join(unicodedata.normalize("NFKC", text).casefold().translate(table).split())
