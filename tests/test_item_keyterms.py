"""The names a statement mentions, and the names too common in a fact base to blank."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.factbase import FactBase
from quizgen.items.keyterms import CommonTerms, Mentions


def _named_by_reading_all(mentions: Mentions, texts: list[str], least: float) -> dict[str, int]:
    named: Counter[str] = Counter()
    for text in texts:
        named.update(mentions.owners_in(text))
    return {owner: count for owner, count in named.items() if count > least}


def _named_often(mentions: Mentions, texts: list[str], least: float) -> dict[str, int]:
    return {owner: count for owner, count in mentions.owners_named_often(texts, least).items() if count > least}


@pytest.mark.parametrize("least", [0, 2, 4, 10, 21.44, 60])
def test_counting_only_the_names_that_may_be_common_counts_as_reading_every_statement(
        factbase: FactBase, least: float) -> None:
    statements = [fact.statement for fact in factbase.facts]
    expected = _named_by_reading_all(Mentions(factbase.facts), statements, least)
    assert _named_often(Mentions(factbase.facts), statements, least) == expected


def test_a_quiz_and_a_whole_deck_find_the_same_common_names(factbase: FactBase) -> None:
    read_all = CommonTerms(factbase.facts, Mentions(factbase.facts), every_statement_read=True)
    read_few = CommonTerms(factbase.facts, Mentions(factbase.facts), every_statement_read=False)
    assert read_all._names == read_few._names and read_all._names  # the shipped base has common names


_SUFFIXES = ["", "'s", "’s", "'", "''", " ", ",", "-", "s", "(", "'s'"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_names_with_possessives_case_and_typography_are_counted_alike(factbase: FactBase, data: st.DataObject,
                                                                       ) -> None:
    """Statements made of the base's own names, cut, cased and followed by possessives and punctuation: the
    bound on how often a name can occur never leaves out a name that a full reading counts."""
    mentions = Mentions(factbase.facts)
    names = sorted({name for entries in mentions._by_word.values() for name, _, _ in entries})
    part = st.tuples(st.sampled_from(names), st.sampled_from(_SUFFIXES), st.booleans(), st.integers(0, 3))
    texts = []
    for pieces in data.draw(st.lists(st.lists(part, max_size=4), min_size=1, max_size=30)):
        words = []
        for name, suffix, upper, cut in pieces:
            shown = name.upper() if upper else name
            words.append(" ".join(shown.split()[cut:] if cut < len(shown.split()) else shown.split()) + suffix)
        texts.append("The " + " and ".join(words) + " met.")
    least = data.draw(st.sampled_from([0, 1, 2, 3]))
    assert _named_often(mentions, texts, least) == _named_by_reading_all(Mentions(factbase.facts), texts, least)


def test_a_claims_cloze_blanks_its_charge_not_who_rejected_it() -> None:
    from quizgen import load_factbase
    from quizgen.items import items_for
    from tests.conftest import FACTS

    base = load_factbase(FACTS)
    every = items_for(base, seed=0, every_form=True)
    cloze = next(i for i in every if i.id == "cloze:ethnic-cleansing-armenian-officials")
    assert cloze.cloze is not None and cloze.cloze[1] == "ethnic cleansing"


def test_a_cloze_never_blanks_the_end_of_a_longer_name(factbase: FactBase) -> None:
    # "the International Committee of the _____" is filled by the name's own words: the whole name is the blank
    from quizgen.items import items_for

    every = items_for(factbase, seed=0, every_form=True)
    cloze = next(i for i in every if i.id == "cloze:icrc-evacuations-nagorno-karabakh")
    assert cloze.cloze is not None and cloze.cloze[1] == "International Committee of the Red Cross"
    # "accused Azerbaijan of _____" ends no name
    charge = next(i for i in every if i.id == "cloze:ethnic-cleansing-armenian-officials")
    assert charge.cloze is not None and charge.cloze[1] == "ethnic cleansing"


def test_a_cloze_never_blanks_one_member_of_an_open_list(factbase: FactBase) -> None:
    # "including the _____ and other UN agencies": UNICEF fits as well as the World Health Organization
    from quizgen.items import items_for

    every = items_for(factbase, seed=0, every_form=True)
    assert not [i.id for i in every if i.type == "cloze" and i.cloze is not None
                and i.cloze[2].lstrip(" ,").startswith(("and other", "or other"))]
