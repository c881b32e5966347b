import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.model import Citation
from quizgen.sources import citation_mismatch, locate_quote, passage_around, reanchor

TEXT = "Alpha said\u00a0“yes”. Beta said no. Alpha said\u00a0“yes”. Gamma—said maybe."


def cite(quote: str, start: int = 0, **context: str) -> Citation:
    return Citation(source="s", start=start, end=start + len(quote), quote=quote, **context)


def test_quote_must_match_exactly_in_code_points() -> None:
    start = TEXT.index("Beta")
    assert citation_mismatch(cite("Beta said no.", start), TEXT) is None
    # a plain space where the text has a no-break space is a different quote
    assert citation_mismatch(cite("Alpha said “yes”", 0), TEXT) is not None


def test_locate_tolerates_how_a_quote_was_typed_and_returns_exact_offsets() -> None:
    spans = locate_quote(TEXT, 'Gamma-said maybe')
    assert spans == [(TEXT.index("Gamma"), TEXT.index("Gamma") + len("Gamma—said maybe"))]
    assert len(locate_quote(TEXT, 'Alpha said "yes"')) == 2


def test_reanchor_moves_a_unique_quote() -> None:
    assert reanchor(cite("Beta said no.", 3), TEXT) == (TEXT.index("Beta"), TEXT.index("Beta") + 13)


def test_reanchor_refuses_an_ambiguous_quote_without_context() -> None:
    assert reanchor(cite("Alpha said\u00a0“yes”", 5), TEXT) == (
        "quote occurs 2 times in the source; add a prefix or suffix to say which")


def test_reanchor_uses_prefix_to_choose() -> None:
    second = TEXT.index("Alpha", 1)
    assert reanchor(cite("Alpha said\u00a0“yes”", 5, prefix="no. "), TEXT) == (second, second + 16)


def test_reanchor_reports_a_vanished_quote() -> None:
    assert reanchor(cite("Delta"), TEXT) == "quote does not occur anywhere in the source"


def test_passage_stops_at_line_breaks() -> None:
    text = "first line\nbefore QUOTE after\nlast line"
    start = text.index("QUOTE")
    assert passage_around(text, start, start + 5) == ("before ", "QUOTE", " after")


@pytest.mark.parametrize("text, typed", [
    ("Talks in Minsk. Minsk talks. Minsk", "Minsk"),
    ("aaaa", "aa"),  # matches do not overlap, as the pattern's finditer gives them
    ("the ceasefire of 10 November 2020", "10 November 2020"),
    ("the ceasefire of 10\u00a0November 2020", "10 November 2020"),  # a no-break space in the text
    ("it's the “Lachin” corridor", 'the "Lachin" corridor'),
    ("a  double space", "a double space"),
    ("plain text", "plain  text"),  # typed with a run of spaces
    ("Nagorno-Karabakh", "Nagorno–Karabakh"),
])
def test_a_quote_typed_as_the_text_stands_is_located_as_the_tolerant_pattern_locates_it(text: str, typed: str) -> None:
    from quizgen.sources import _tolerant_pattern, locate_quote

    assert locate_quote(text, typed) == [(m.start(), m.end()) for m in _tolerant_pattern(typed).finditer(text)]


_TYPED = st.text(alphabet="ab -'\"\u00a0\u2019\u201c\u2013\n", max_size=8)


@given(text=st.text(alphabet="ab -'\"\u00a0\u2019\u201c\u2013\n", max_size=30), typed=_TYPED)
def test_a_quote_whose_plain_pieces_are_absent_is_not_located(text: str, typed: str) -> None:
    """Only spaces, quotes and hyphens are matched tolerantly: a quote found without compiling its pattern (a piece
    between them missing from the text) is found nowhere by the pattern either."""
    from quizgen.sources import _tolerant_pattern, locate_quote

    assert locate_quote(text, typed) == [(m.start(), m.end()) for m in _tolerant_pattern(typed).finditer(text)]
