"""Comparing wording: the ASCII fast path normalises as the general path does."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from quizgen.phrases import _normalise_unicode, normalise

ascii_text = st.text(alphabet=string.printable, max_size=80)


@given(ascii_text)
def test_the_ascii_shortcut_normalises_as_the_unicode_path_does(text: str) -> None:
    assert normalise(text) == _normalise_unicode(text)


def test_normalise_unifies_typography_and_case() -> None:
    assert normalise("Stepanakert\u2019s  \u201cCity\u201d \u2013 KHANKENDI") == "stepanakert's \"city\" - khankendi"

@given(st.text(alphabet=st.sampled_from("aB É\u2019\u2018\u201c\u201d\u2013\u2014\u00a0\u2010'\"-ﬁ\t"), max_size=40))
def test_typography_is_unified_as_one_table_would_unify_it(text: str) -> None:
    import unicodedata

    table = {ord(k): v for k, v in {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                                    "\u2014": "-", "\u00a0": " "}.items()}
    assert _normalise_unicode(text) == " ".join(unicodedata.normalize("NFKC", text).casefold().translate(table).split())


def test_a_surname_alone_is_offered_only_for_a_plain_personal_name() -> None:
    from quizgen.phrases import surname

    assert surname("Samvel Shahramanyan") == "Shahramanyan"
    assert surname("Ursula von der Leyen") is None  # "Leyen" alone is no answer
    assert surname("Martin Luther King Jr.") is None
    assert surname("European Union") == "Union"  # a body: callers ask only of people (a card or a who-role)


def test_significant_digits_read_a_figures_precision_at_any_magnitude() -> None:
    from quizgen.numbers_in_text import significant_digits

    assert [significant_digits(v) for v in (120000, 70500, 25e9, 30e9, 0.00005)] == [2, 3, 2, 1, 1]
