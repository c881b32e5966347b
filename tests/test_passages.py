"""Answer highlights in passages: whole words or the whole date or number, never part of a word."""

from __future__ import annotations

from html import escape, unescape

import pytest

from quizgen import Item
from quizgen.items import Passage
from quizgen.render.passages import find_whole, marked_quote, sentence_bounds, supporting_sentence


def _item(answer: str, *quotes: str) -> Item:
    passages = tuple(Passage("f", "s", "A source, Publisher, 1 May 2024", 0, len(q), q) for q in quotes)
    return Item("qa:x:f", "qa", "x", "Which?", answer, ("f",), passages)


@pytest.mark.parametrize(("text", "form", "expected"), [
    ("In 2023 it ended.", "2", None),
    ("Russian troops left; Russia agreed.", "Russia", "Russia agreed."),
    ("Russian troops left.", "Russia", None),
    ("about 170,500 or 70,500 people", "70,500", "70,500 people"),
    ("on 19 September 2023.", "19 September 2023", "19 September 2023."),
    ("Russia's role", "Russia", "Russia's role"),
])
def test_find_whole_lands_on_word_boundaries(text: str, form: str, expected: str | None) -> None:
    span = find_whole(text, form)
    assert (text[span[0]:] if span else None) == expected


def test_typed_spaces_and_quotes_still_match_as_whole_words() -> None:
    text = "the Lachin\u00a0corridor’s closure"
    span = find_whole(text, "Lachin corridor")
    assert span is not None and text[span[0]:span[1]] == "Lachin\u00a0corridor"


def test_the_pdf_key_marks_the_whole_number_not_a_digit_inside_a_year() -> None:
    item = _item("2", "In 2023, 2 convoys passed.")
    assert marked_quote(item.passages[0], item, escape, "b") == "In 2023, <b>2</b> convoys passed."


def test_supporting_sentence_is_the_sentence_that_holds_the_answer() -> None:
    item = _item("Shusha", "The war began. The U.S. envoy spoke of Shusha on 8 November. Talks followed.")
    found = supporting_sentence(item)
    assert found is not None
    assert found[1] == "…The U.S. envoy spoke of <mark>Shusha</mark> on 8 November.…"


def test_no_supporting_sentence_when_the_answer_stands_only_inside_a_word() -> None:
    assert supporting_sentence(_item("Russia", "Russian forces withdrew.")) is None


def test_sentence_bounds_keep_abbreviations_inside_the_sentence() -> None:
    text = "First. Mr. Aliyev met St. Petersburg's mayor. Last."
    at = text.index("Aliyev")
    start, end = sentence_bounds(text, at, at + 6)
    assert text[start:end] == "Mr. Aliyev met St. Petersburg's mayor."


def test_a_slip_of_the_text_is_printed_with_sic_wherever_the_quote_is_shown() -> None:
    from quizgen.export.feedback import feedback_lines
    from quizgen.render.passages import shown_quote

    quote = "arrived in Goris, in southern Romania Armenia – the town at the heart of the exodus"
    passage = Passage("goris", "s", "A source", 0, len(quote), quote, sic=("Romania",))
    item = Item("qa:identify:goris", "qa", "identify", "Which town?", "Goris", ("goris",), (passage,))
    assert shown_quote(passage) == quote.replace("Romania", "Romania [sic]")
    assert marked_quote(passage, item, escape, "b") == (
        "arrived in <b>Goris</b>, in southern Romania [sic] Armenia – the town at the heart of the exodus")
    assert "Romania [sic] Armenia" in feedback_lines(item)[0]
    found = supporting_sentence(item)
    assert found is not None and "Romania [sic] Armenia" in unescape(found[1])  # a card escapes brackets


def test_the_shipped_key_marks_the_texts_slips() -> None:
    from quizgen.factbase import load_factbase
    from quizgen.items import items_for
    from quizgen.render.passages import shown_quote
    from tests.conftest import FACTS

    base = load_factbase(FACTS)
    goris = [fact for fact in base.facts if fact.id == "goris"]
    shown = [shown_quote(p) for item in items_for(base, goris, every_form=True) for p in item.passages]
    assert shown and all("Romania [sic] Armenia" in quote for quote in shown if "Romania" in quote)


def test_a_cards_sentence_is_completed_from_the_text_around_a_quote_cut_inside_it() -> None:
    quote = "is internationally recognized as part of Azerbaijan"
    before = "It began in 1988. The small, land-locked territory, located in the South Caucasus, "
    after = " but has been controlled by ethnic Armenians. Then the war came."
    passage = Passage("f", "s", "A source", 0, len(quote), quote, before=before, after=after)
    item = Item("qa:identify:f", "qa", "identify", "Of which country?", "Azerbaijan", ("f",), (passage,))
    found = supporting_sentence(item)
    assert found is not None and found[1] == (
        "The small, land-locked territory, located in the South Caucasus, is internationally recognized as part "
        "of <mark>Azerbaijan</mark> but has been controlled by ethnic Armenians.")
    # a context cut before the sentence began: the quote's own edge, marked as cut
    cut = Passage("f", "s", "A source", 0, len(quote), quote, before="x" * 200, after=after)
    found = supporting_sentence(Item("qa:identify:f", "qa", "identify", "Of which country?", "Azerbaijan", ("f",),
                                     (cut,)))
    assert found is not None and found[1].startswith("…is internationally")


@pytest.mark.parametrize(("answer", "quote", "marked"), [
    # a person with a post, named in the text post first; a body named without its acronym in front
    ("Dmitry Peskov, Kremlin spokesman", "Kremlin spokesman Dmitry Peskov says nothing is amiss.",
     "<mark>Kremlin spokesman Dmitry Peskov</mark> says nothing is amiss."),
    ("OSCE Minsk Group", "Talks were led by the Minsk Group of the OSCE.",
     "Talks were led by the <mark>Minsk Group</mark> of the OSCE."),
    # a round count the text spells out
    ("more than 100,000 people", "By October, more than one hundred thousand people had fled.",
     "By October, <mark>more than one hundred thousand people</mark> had fled."),
])
def test_a_cards_back_finds_the_sentence_that_names_the_answer_in_other_words(answer: str, quote: str,
                                                                              marked: str) -> None:
    found = supporting_sentence(_item(answer, quote))
    assert found is not None and found[1] == marked


def test_a_markers_key_does_not_take_a_name_alone_for_a_person_with_a_post() -> None:
    from quizgen.render.passages import answer_forms

    assert "Dmitry Peskov" not in answer_forms(_item("Dmitry Peskov, Kremlin spokesman", "Peskov spoke."))
