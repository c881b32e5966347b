"""Options of the sort the stem names, and items in proportion to what a course teaches (shipped base)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from quizgen.factbase import FactBase, load_factbase
from quizgen.items import Item, items_for
from quizgen.items.claimants import Claimants
from quizgen.items.distractors import Candidate, of_the_stems_sort
from quizgen.model import PlaceFact
from quizgen.numbers_in_text import numbers_in
from quizgen.phrases import normalise
from tests.conftest import FACTS


@cache
def _shipped() -> tuple[FactBase, tuple[Item, ...]]:
    base = load_factbase(FACTS)
    return base, tuple(items_for(base, seed=0, every_form=True))


def test_a_detail_makes_one_flashcard_and_no_test_item() -> None:
    base, items = _shipped()
    # one card each; a detail whose key term an editor named also has that blank (its question may ask only who
    # said it, which a deck does not ask)
    per_fact = Counter(item.fact_ids[0] for item in items if base.by_id[item.fact_ids[0]].importance == "detail"
                       and not (item.type == "cloze" and base.by_id[item.fact_ids[0]].key_term))
    assert per_fact and max(per_fact.values()) == 1
    assert all(item.type in ("qa", "cloze") for item in items if item.fact_ids[0] in per_fact)


def test_which_came_first_is_asked_of_core_events_only() -> None:
    base, items = _shipped()
    asked = [item for item in items if item.role == "which-first"]
    assert asked
    assert all(base.by_id[fact_id].importance == "core" for item in asked for fact_id in item.fact_ids)


def test_who_says_so_offers_texts_beside_a_text_and_people_beside_a_person() -> None:
    base, items = _shipped()
    claimants = Claimants(base.facts, base.sources)
    texts = {name for name, kind in claimants.kinds.items() if kind[0] == "text"}
    people = {normalise(fact.name) for fact in base.facts if fact.kind == "person"} | {
        normalise(name.split(",")[0]) for name, kind in claimants.kinds.items() if kind[0] == "person"}
    asked = [item for item in items if item.type == "mcq" and item.role == "who-said"]
    assert asked
    for item in asked:
        sorts = {"text" if normalise(o) in texts else "person" if normalise(o) in people else "other"
                 for o in item.options}
        assert len(sorts) == 1 and "other" not in sorts, (item.id, item.options)


def test_who_says_so_is_not_asked_where_the_text_names_no_one() -> None:
    base, items = _shipped()
    claimants = Claimants(base.facts, base.sources)
    unnamed = {fact.id for fact in base.facts if fact.according_to and claimants.kind(fact) is None}
    assert "lachin-protesters-state-backing" in unnamed
    assert not [item.id for item in items if item.role == "who-said" and item.fact_ids[0] in unnamed
                and not base.by_id[item.fact_ids[0]].questions]


def test_place_options_are_one_level_in_one_country_each_named_once() -> None:
    base, items = _shipped()
    by_name = {normalise(name): fact for fact in base.facts if isinstance(fact, PlaceFact)
               for name in (fact.name, *(a.name for a in fact.aliases))}
    for item in items:
        if item.type != "mcq" or not all(normalise(o) in by_name for o in item.options):
            continue
        places = [by_name[normalise(o)] for o in item.options]
        assert len({p.id for p in places}) == len(places), item.options  # never Stepanakert beside Khankendi
        assert len({_country(p, base) for p in places}) == 1, (item.id, item.options)


def _country(place: PlaceFact, base: FactBase) -> str:
    """The country or region a place lies in (Kornidzor, in Syunik province, lies in Armenia)."""
    while place.place_type not in ("country", "region") and place.located_in:
        container = base.by_id[place.located_in]
        assert isinstance(container, PlaceFact)
        place = container
    return place.id


def test_no_multiple_choice_between_bodies_of_every_sort() -> None:
    _, items = _shipped()
    assert not [item.id for item in items if item.type == "mcq" and item.id.startswith("mcq:identify:")
                and item.answer in ("World Health Organization", "International Committee of the Red Cross")]


def test_options_keep_the_sort_the_stem_names() -> None:
    options = [Candidate(name, name) for name in ("the government of Armenia", "protesters in Yerevan",
                                                   "the Azerbaijani security service")]
    kept = of_the_stems_sort("Which government denied the accusation?", "the government of Azerbaijan", options)
    assert [c.text for c in kept] == ["the government of Armenia"]
    assert of_the_stems_sort("Who denied it?", "the government of Azerbaijan", options) == options


def _swapped(item: Item) -> tuple[str, str]:
    """The words a false statement put in place of the true ones (the two texts differ in one run)."""
    shown, true = item.prompt, item.correction or ""
    start = 0
    while start < min(len(shown), len(true)) and shown[start] == true[start]:
        start += 1
    end = 0
    while end < min(len(shown), len(true)) - start and shown[-1 - end] == true[-1 - end]:
        end += 1
    return shown[start:len(shown) - end], true[start:len(true) - end]


def test_false_statements_swap_a_date_a_figure_or_a_place_in_the_main_claim() -> None:
    base, items = _shipped()
    people = {normalise(f.name) for f in base.facts if f.kind in ("person", "organization")}
    false = [item for item in items if item.type == "true-false" and item.correction]
    assert len(false) >= 10  # a supporting fact dated from its context offers no date to swap, a detail makes none
    for item in false:
        new, _ = _swapped(item)
        assert not any(name in normalise(item.prompt) and name not in normalise(item.correction or "")
                       for name in people), item.prompt
        assert item.prompt.count("(", 0, item.prompt.find(new)) == item.prompt.count(")", 0, item.prompt.find(new))
        assert len((item.correction or "").split()) <= 40, item.prompt  # attribution included


def test_a_bound_is_shown_false_only_beyond_itself() -> None:
    base, items = _shipped()
    for item in items:
        fact = base.by_id[item.fact_ids[0]]
        if item.type == "true-false" and item.correction and getattr(fact, "approximation", None) == "more-than":
            new, old = _swapped(item)
            assert float(new.replace(",", "")) > float(old.replace(",", "")), item.prompt


def test_no_question_is_answered_by_the_two_main_parties() -> None:
    _, items = _shipped()
    # who blamed whom ("both sides") is asked: that each side blames the other is what is taught
    assert not [item.id for item in items if item.type in ("qa", "short-answer", "mcq") and item.role != "who-said"
                and normalise(item.answer) == normalise("Armenia and Azerbaijan")]


def test_a_bare_identification_gives_way_to_a_card_that_teaches() -> None:
    _, items = _shipped()
    ids = {item.id for item in items}
    assert "qa:role:vladimir-putin" in ids and "qa:who:vladimir-putin" not in ids


def test_figure_options_stand_apart_from_one_another() -> None:
    _, items = _shipped()

    for item in items:
        if item.type == "mcq" and item.role == "value":
            values = sorted(min(numbers_in(option)) for option in item.options)
            assert all(b - a > 0.05 * a for a, b in pairwise(values)), item.options


def test_ordering_draws_on_the_core_events() -> None:
    base, items = _shipped()
    ordering = [item for item in items if item.type == "ordering"]
    assert ordering and all(base.by_id[i].importance == "core" for item in ordering for i in item.fact_ids)


def test_no_blank_stands_before_a_possessive() -> None:
    _, items = _shipped()
    assert not [item.id for item in items if item.type == "cloze" and item.cloze
                and item.cloze[2][:1] in ("'", "’")]


def test_no_blank_is_one_name_of_a_list() -> None:
    # "The United States, Canada and the _____ pledged aid": which name is blanked is chance, and any other fits
    _, items = _shipped()
    name = r"(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)*"
    before = re.compile(rf"{name}(?:, {name})*,? and (?:the )?$")
    after = re.compile(rf"^(?:, {name})*,? and {name}")
    clozes = [item for item in items if item.type == "cloze" and item.cloze]
    assert any(item.fact_ids == ("international-aid-pledges-2023",) for item in items)
    assert not [item.id for item in clozes if before.search(item.cloze[0]) or after.match(item.cloze[2])]


def test_no_option_stands_out_by_an_acronym_among_spelled_out_titles() -> None:
    _, items = _shipped()
    has_acronym = re.compile(r"\b[A-Z]{2,}\b")
    assert not [item.id for item in items if item.type == "mcq" and item.role == "role"
                and len({bool(has_acronym.search(option)) for option in item.options}) > 1]
