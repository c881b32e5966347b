"""Audit 8's causes, each held by a test: options the stem rules out, answers the key cannot show, one side's
place name alone, names that date themselves, a bank that answers its own questions."""

from __future__ import annotations

import re
from functools import cache

from quizgen import load_factbase
from quizgen.factbase import FactBase
from quizgen.items import Item, items_for
from quizgen.items.place_names import BothNames
from quizgen.items.questions import UNASKABLE_QUALIFIERS
from quizgen.items.role_sorts import role_sort
from quizgen.key_evidence import key_passages
from quizgen.model import PersonFact
from quizgen.phrases import contains_phrase
from tests.conftest import APOLLO, FACTS


@cache
def _shipped() -> tuple[FactBase, tuple[Item, ...], tuple[Item, ...]]:
    base = load_factbase(FACTS)
    return base, tuple(items_for(base, seed=0)), tuple(items_for(base, seed=0, every_form=True))


def test_roles_are_sorted_by_the_post_they_name() -> None:
    assert role_sort("President of Azerbaijan") == "office"
    assert role_sort("Kremlin spokesman") == "office"
    assert role_sort("former Chief Prosecutor of the International Criminal Court") == "former"
    assert role_sort("Baku-based analyst") == "expert"
    assert role_sort("research fellow at the Quincy Institute") == "expert"
    assert role_sort("MP from the ruling New Azerbaijan Party") == "legislator"
    assert role_sort("Armenian king") == "monarch"
    assert role_sort("lunar module pilot") == "office"


def test_a_role_is_offered_only_beside_roles_of_its_sort() -> None:
    _, _, every = _shipped()
    roles = [item for item in every if item.type == "mcq" and item.role == "role"]
    assert roles
    for item in roles:
        assert {role_sort(option) for option in item.options} == {role_sort(item.answer)}, item.id


def test_a_person_is_offered_only_beside_people_of_the_posts_sort() -> None:
    base, _, every = _shipped()
    role_of = {fact.name: getattr(fact, "role", "") for fact in base.facts if fact.kind == "person"}
    for item in every:
        if item.type == "mcq" and item.role == "who-said" and item.answer in role_of and \
                not re.search(r"\b(?:who|which|that)\b", role_of[item.answer]):
            sorts = {role_sort(role_of[option]) for option in item.options if option in role_of}
            assert sorts == {role_sort(role_of[item.answer])}, item.id


def test_a_side_name_alone_is_given_with_the_main_name() -> None:
    base, _, _ = _shipped()
    names = BothNames(base.facts, base.sources)
    assert names.added("Which source calls the blockade of the road to Artsakh illegal?", "the Azad guide") == \
        "Which source calls the blockade of the road to Artsakh (Nagorno-Karabakh) illegal?"
    unchanged = ["Whose account describes the Artsakh War?", "Was Artsakh (Nagorno-Karabakh) a province?",
                 "Is Artsakh the name Armenians use for Nagorno-Karabakh?"]
    assert [names.added(text, "x") for text in unchanged] == unchanged
    assert names.added("Which place do Armenians call Artsakh?", "Nagorno-Karabakh") == \
        "Which place do Armenians call Artsakh?"  # the main name is the answer it asks for
    # the guide's own wording for a Soviet republic is no side's name
    assert names.added("Who put it into the Soviet Republic of Azerbaijan?", "Stalin") == \
        "Who put it into the Soviet Republic of Azerbaijan?"


def test_no_prompt_names_a_place_by_one_sides_name_alone() -> None:
    _, bank, _ = _shipped()
    alone = [item.prompt for item in bank if item.role != "side-name" and item.type != "cloze"
             and re.search(r"\bArtsakh\b(?!\s+[A-Z]|\s*\()", item.prompt)
             and not contains_phrase(item.prompt, "Nagorno-Karabakh") and "Nagorno-Karabakh" not in item.answer]
    assert alone == []


def test_no_date_is_asked_that_the_text_does_not_give() -> None:
    base, _, every = _shipped()
    for item in every:
        fact = base.by_id[item.fact_ids[0]]
        if item.role not in ("date", "duration") or item.type not in ("mcq", "short-answer", "qa"):
            continue
        if item.role == "duration" and fact.kind == "figure":
            continue  # a figure's length ("more than 32 years") is its own words, not a span between dates
        assert fact.date is None or fact.date.qualifier not in UNASKABLE_QUALIFIERS, item.id
        assert fact.importance == "core" or not fact.vetting.relative_date, item.id


def test_the_key_finds_a_number_the_text_spells_out() -> None:
    _, _, every = _shipped()
    item = next(i for i in every if i.id == "short-answer:duration:lachin-blockade-2022-2023")
    assert item.answer == "9 months"
    assert any("nine months" in kept.passage.quote for kept in key_passages(item))


def test_which_came_first_never_offers_a_name_that_dates_itself() -> None:
    for path in (FACTS, APOLLO):
        base = load_factbase(path)
        asked = [item for item in items_for(base, seed=0, every_form=True) if item.role == "which-first"]
        assert asked, path
        for item in asked:
            for option in item.options:
                assert not re.search(r"\b(?:\d{3,4}s?|first|second|third)\b", option, re.IGNORECASE), option


def test_the_bank_does_not_print_the_answer_to_its_own_post_questions() -> None:
    _, bank, _ = _shipped()
    for item in bank:
        if item.role not in ("role", "affiliation"):
            continue
        others = [other for other in bank if item.fact_ids[0] not in other.fact_ids]
        assert not [other.id for other in others
                    if contains_phrase(other.prompt, item.answer) or contains_phrase(other.answer, item.answer)]


def test_which_source_sets_a_figure_only_beside_figures_its_bound_excludes() -> None:
    _, _, every = _shipped()
    asked = [item for item in every if item.role == "which-source"]
    assert asked  # the population figures: about 120,000 beside 140,000
    for item in asked:
        assert "share-fled-one-week-cfr-tracker" not in item.fact_ids  # 80 percent is "over three-quarters" too
        assert "…" not in item.prompt and " that." not in item.prompt


def test_the_class_quiz_is_full_and_keeps_its_true_or_false_share() -> None:
    from quizgen import Selection
    from quizgen.build import planned_quiz
    from quizgen.quiz import DEFAULT_QUESTION_COUNT, TRUE_FALSE_SHARE

    base = load_factbase(FACTS)
    # the shipped class quiz's recipe (decks/class-quiz.toml)
    quiz = planned_quiz(base, Selection.of(importances=["core"]),
                        ["mcq", "true-false", "matching", "ordering", "short-answer"], count=DEFAULT_QUESTION_COUNT,
                        seed=7)
    questions = quiz.versions[0].questions
    assert len(questions) == DEFAULT_QUESTION_COUNT
    # the share gives way only as far as a full quiz needs: one statement past it on the shipped base
    assert sum(q.item.type == "true-false" for q in questions) <= round(TRUE_FALSE_SHARE * DEFAULT_QUESTION_COUNT) + 1


def test_the_key_shows_first_the_passage_that_speaks_of_the_question() -> None:
    _, _, every = _shipped()
    item = next(i for i in every if i.id == "short-answer:mediator:putin-trilateral-may-2023")
    first = key_passages(item)[0].passage.quote
    assert "trilateral meeting" in first  # not "the United States, European Union, and Russia all hosted …"


def test_a_corrected_day_is_cued_by_its_month_elsewhere() -> None:
    from quizgen.quiz_cues import answers_of

    _, _, every = _shipped()
    false = [i for i in every if i.type == "true-false" and i.correction and "9 November 2020" in i.correction
             and "9 November 2020" not in i.prompt]
    assert false and all("November 2020" in answers_of(item) for item in false)


def test_which_source_asks_who_of_a_person_and_the_bank_asks_a_figure_once() -> None:
    _, bank, every = _shipped()
    person = next(i for i in every
                  if i.role == "which-source" and i.fact_ids[0] == "population-estimate-140000-mitrokhin")
    assert "Who puts it at 140,000 people?" in person.prompt
    valued = {i.fact_ids[0] for i in bank if len(i.fact_ids) == 1}
    assert not [i.id for i in bank if i.role == "which-source" and i.fact_ids[0] in valued]


def test_a_range_and_a_corrected_year_cue_each_other() -> None:
    from quizgen.quiz_cues import answers_of

    _, _, every = _shipped()
    war = next(i for i in every if i.id == "short-answer:date:first-war-1991-1994")
    assert {"1991", "1994"} <= set(answers_of(war))
    corrected = [i for i in every if i.type == "true-false" and i.correction and "1991," in i.correction
                 and "1991" not in i.prompt]
    assert all("1991" in answers_of(item) for item in corrected)


def test_which_first_never_pairs_events_a_generation_apart() -> None:
    base, _, every = _shipped()
    for item in every:
        if item.role == "which-first":
            first, second = (base.by_id[i].date for i in item.fact_ids)
            assert first is not None and second is not None
            assert abs(second.start.first_day().toordinal() - first.start.first_day().toordinal()) < 20 * 365


def test_which_text_says_it_is_not_read_off_a_sides_word() -> None:
    _, _, every = _shipped()
    said = [i for i in every if i.role in ("who-said", "which-source")]
    assert said and not [i.prompt for i in said if re.search(r"\bArtsakh\b(?!\s+[A-Z])", i.prompt)
                         and "Republic of Artsakh" not in i.prompt]


def test_a_claim_is_attributed_once_however_the_text_names_its_claimant() -> None:
    from quizgen.claims import speaker_names

    assert "Azerbaijan's security service" in speaker_names("the Azerbaijani security service")
    _, _, every = _shipped()
    assert not [i.prompt for i in every if re.match(r"According to the Azerbaijani security service, Azerbaijan's",
                                                    i.prompt) or re.match(r"According to the government of Azerbaijan,"
                                                                          r" Azerbaijan ", i.prompt)]


def test_a_bank_judges_a_statement_shown_true_only_where_nothing_else_is_asked() -> None:
    _, bank, every = _shipped()
    clozed = {i.fact_ids[0] for i in every if i.type == "cloze"}
    assert not [i.id for i in bank if i.type == "true-false" and not i.correction and i.fact_ids[0] in clozed]


def test_no_true_or_false_of_a_statement_with_a_phrase_set_off_by_commas() -> None:
    _, _, every = _shipped()
    assert not [i.prompt for i in every if i.type == "true-false"
                and re.search(r",\s+(?:a|an|the)\s+[^,]{8,},\s+(?:is|was|are|were|has|had)\b", i.prompt)]


def test_figure_options_stand_in_order_of_size_in_every_version() -> None:
    from quizgen.numbers_in_text import numbers_in

    _, _, every = _shipped()
    figures = [i for i in every if i.type == "mcq" and i.role == "value"]
    assert figures
    for item in figures:
        sizes = [max(numbers_in(option)) for option in item.options]  # "1 million" reads as 1 and 1,000,000
        assert sizes == sorted(sizes), item.options
    assert len({i.correct_option for i in figures}) > 2  # the answer is not always the smallest or the largest


def test_the_bank_does_not_ask_open_for_a_commentators_name() -> None:
    base, bank, every = _shipped()
    standing = {f.name: f.importance for f in base.facts if f.kind == "person"}

    def minor(item: Item) -> bool:
        name, comma, _ = (base.by_id[item.fact_ids[0]].according_to or "").partition(",")
        return item.role == "who-said" and item.type != "mcq" and bool(comma) \
            and standing.get(name.strip(), "detail") == "detail"

    assert [i for i in every if minor(i)] and not [i.id for i in bank if minor(i)]


def test_the_bank_asks_neither_the_courses_subject_as_a_place_nor_which_text_carried_a_report() -> None:
    _, bank, every = _shipped()
    assert [i for i in every if i.role == "place" and i.answer == "Nagorno-Karabakh"]
    assert not [i.id for i in bank if i.role == "place" and i.answer == "Nagorno-Karabakh"]
    assert not [i.id for i in bank if i.role == "who-said" and i.status == "reported"]
    # a count of two children (a detail, tested when chosen alone) is never offered as "1 children died"
    base = load_factbase(FACTS)
    counts = [i for i in items_for(base, [base.by_id["children-died-blockade-2023"]], ["mcq"], 0)
              if i.role == "value"]
    assert counts and not [o for i in counts for o in i.options if o.startswith("1 ")]


def test_a_statement_shown_true_is_not_asked_beside_a_stem_that_tells_it() -> None:
    from quizgen.quiz_cues import cue_each_other

    _, _, every = _shipped()
    from dataclasses import replace

    fled = next(i for i in every if i.type == "true-false" and i.fact_ids[0] == "fled-fearing-persecution")
    share = next(i for i in every if i.prompt.startswith("According to the CFR Global Conflict Tracker, what share"))
    # the tracker's share asked with the text's own lead-in, as the fact base once worded it
    told = replace(share, prompt="According to the CFR Global Conflict Tracker, what share of Nagorno-Karabakh's "
                   "population, faced with the prospect of rule by Azerbaijan, fled to Armenia in one week?")
    assert not fled.correction and cue_each_other(fled, told) and not cue_each_other(fled, share)


def test_a_bound_is_never_offered_as_the_day_something_happened() -> None:
    base, _, every = _shipped()
    bounds = {f.date.start.human() for f in base.facts if f.date and f.date.qualifier in ("by", "before", "after")}
    days = {f.date.start.human() for f in base.facts if f.date and f.date.qualifier not in ("by", "before", "after")}
    # a day: a bare year or month is also a made-up neighbour of another date, as any year may be
    only_bounds = {day for day in bounds - days if day[:1].isdigit() and not day.isdigit()}
    assert "24 January 2024" in only_bounds  # the day the tracker was last updated
    assert not [(i.id, o) for i in every if i.type == "mcq" and i.role == "date"
                for o in i.options if o in only_bounds and o != i.answer]


def test_date_options_stand_near_enough_to_the_answer_to_be_plausible() -> None:
    from datetime import datetime

    _, _, every = _shipped()
    days = [i for i in every if i.type == "mcq" and i.role == "date" and i.answer[:1].isdigit() and " " in i.answer]
    assert days
    for item in days:
        when = [datetime.strptime(option, "%d %B %Y") for option in item.options]
        answer = datetime.strptime(item.answer, "%d %B %Y")
        assert all(abs((day - answer).days) <= 366 for day in when), item.options  # a 2020 deal, no day of 2023


def test_the_bank_asks_no_true_statement_with_nothing_in_it_to_make_false() -> None:
    from quizgen.numbers_in_text import numbers_in

    _, bank, _ = _shipped()
    assert not [i.id for i in bank if i.type == "true-false" and not i.correction and not numbers_in(i.prompt)]


def test_a_claimants_figure_is_made_false_with_the_figure_another_text_gives() -> None:
    _, _, every = _shipped()
    statements = {i.fact_ids[0]: i for i in every if i.type == "true-false" and i.correction}
    mitrokhin = statements["population-estimate-140000-mitrokhin"]
    assert "120,000" in mitrokhin.prompt and "140,000" in (mitrokhin.correction or "")


def test_figure_options_leave_to_the_stem_what_it_already_says() -> None:
    _, _, every = _shipped()
    area = next(i for i in every if i.id == "mcq:value:azerbaijan-area-occupied-1993")
    assert area.options == ("10 percent", "20 percent", "30 percent", "40 percent") and area.answer == "20 percent"
    # no option of any figure repeats a phrase of the stem after its number and unit ("… of Azerbaijan's area")
    for item in (i for i in every if i.type == "mcq" and i.role == "value"):
        for option in item.options:
            tail = re.search(r"\d[\d,.]*\s+\w+\s+(\w+\s.*)", option)
            assert not (tail and contains_phrase(item.prompt, tail.group(1))), item.options


def test_a_commentator_kept_as_a_detail_is_not_asked_for_by_name_in_the_bank() -> None:
    base, bank, _ = _shipped()
    details = {f.name for f in base.facts if isinstance(f, PersonFact) and f.importance == "detail"}
    assert {"David J. Scheffer", "Elin Suleymanov"} <= details
    assert not [i.id for i in bank if i.role == "who-said" and i.type != "mcq" and i.answer.split(",")[0] in details]


def test_which_source_of_a_persons_figure_calls_them_estimates_not_sources() -> None:
    _, _, every = _shipped()
    person = next(i for i in every
                  if i.role == "which-source" and i.fact_ids[0] == "population-estimate-140000-mitrokhin")
    assert person.prompt == "Estimates of the population of Nagorno-Karabakh differ. Who puts it at 140,000 people?"


def test_a_person_asked_as_a_party_is_accepted_by_surname_and_a_body_is_not_by_its_last_word() -> None:
    _, _, every = _shipped()
    answers = {i.id: i.alternatives for i in every if i.type == "qa" and i.role in ("parties", "mediator")}
    assert answers["qa:parties:dissolution-decree"] == ("Shahramanyan",)
    assert answers["qa:mediator:eu-mediating-role"] == ()


def test_a_round_figures_options_are_no_more_precise_than_it() -> None:
    from quizgen.numbers_in_text import numbers_in

    _, _, every = _shipped()
    for item in (i for i in every if i.type == "mcq" and i.role == "value" and i.answer.startswith("about ")):
        answer_digits = len(str(int(max(numbers_in(item.answer)))).rstrip("0"))
        for option in item.options:
            digits = len(str(int(max(numbers_in(option)))).rstrip("0"))
            assert digits <= max(2, answer_digits), item.options


def test_a_centurys_or_a_ranges_answer_is_written_whole() -> None:
    _, _, every = _shipped()
    centuries = [i for i in every if i.answer.endswith("century")]
    assert centuries and all(i.alternatives == () for i in centuries)  # never "1201" for the 13th century
    ranged = next(i for i in every if i.id == "qa:value:armenians-remaining-2023-10-02")
    assert ranged.alternatives == ("between 50 and 1,000",)  # "50" alone is half an answer, not another form


def test_a_days_options_keep_to_its_year_where_a_balanced_letter_allows() -> None:
    base = load_factbase(FACTS)
    for seed in (0, 2026):
        deal = next(i for i in items_for(base, seed=seed, every_form=True) if i.id == "mcq:date:ceasefire-2020-11-09")
        assert all(option.endswith("2020") for option in deal.options), deal.options  # not "9 January 2021"


def test_a_floor_stated_on_the_paper_that_strikes_options_is_a_cue() -> None:
    from quizgen.items import Item
    from quizgen.quiz_cues import cue_each_other

    fled = Item("true-false:x:fled", "true-false", "x", "By October more than one hundred thousand people had fled "
                "the valley.", "True", ("fled",), ())

    def population(*options: str, correct: int) -> Item:
        return Item("mcq:value:pop", "mcq", "value", "About how many people lived in the valley?", options[correct],
                    ("pop",), (), options=options, correct_option=correct)

    # "more than 100,000 fled" leaves only the answer above it: the options below are struck unread
    assert cue_each_other(fled, population("about 60,000 people", "about 70,000 people", "about 100,000 people",
                                           "about 120,000 people", correct=3))
    # every option above the floor: the floor tells nothing
    assert not cue_each_other(fled, population("about 130,000 people", "about 150,000 people",
                                               "about 170,000 people", "about 190,000 people", correct=1))
    # a floor of another thing (hours, not people) tells nothing either
    hours = Item("true-false:x:h", "true-false", "x", "The crossing took more than 100,000 hours.", "True", ("h",), ())
    assert not cue_each_other(hours, population("about 60,000 people", "about 70,000 people",
                                                "about 100,000 people", "about 120,000 people", correct=3))
