"""A bank read as a whole (``quizgen.items.bank_cues``): no item hands over another's answer."""

from __future__ import annotations

from quizgen.items import Item, items_for
from quizgen.items.bank_cues import without_cued
from quizgen.items.item import Passage
from quizgen.phrases import contains_phrase
from tests.test_item_bank import _bank

_TEXTS = ("the Azad Archives guide", "the CFR photo essay")


def _names_a_text(answer: str) -> bool:
    return answer in _TEXTS


def _item(fact: str, prompt: str, answer: str, *, role: str = "date", kind: str = "short-answer",
          quote: tuple[int, int] = (0, 10), pairs: tuple[tuple[str, str], ...] = ()) -> Item:
    passage = Passage(fact, "text", "A text", quote[0], quote[1], "a quote")
    return Item(id=f"{kind}:{role}:{fact}", type=kind, role=role, prompt=prompt, answer=answer,  # type: ignore[arg-type]
                fact_ids=(fact,), passages=(passage,), pairs=pairs)


def _kept(items: list[Item], importance: dict[str, str] | None = None) -> set[str]:
    return {item.fact_ids[0] for item in without_cued(items, importance or {}, _names_a_text)}


def test_a_person_named_in_one_prompt_is_not_asked_for_in_another() -> None:
    figure = _item("figure", "What figure did Nikolay Mitrokhin give for the region's population?", "140,000",
                   role="value", quote=(0, 10))
    speaker = _item("speaker", "Which analyst said the army badly disguised its equipment?", "Nikolay Mitrokhin",
                    role="who-said", quote=(20, 30))
    assert _kept([speaker, figure], {"figure": "core", "speaker": "supporting"}) == {"figure"}


def test_two_questions_of_one_sentence_that_restate_each_other_are_asked_once() -> None:
    accused = _item("accused", "Who accused the government of ethnic cleansing in the region, a claim it denies?",
                    "officials", role="who-said")
    denied = _item("denied", "Which government denied the accusation of ethnic cleansing in the region?",
                   "the government", role="who-said")
    assert _kept([denied, accused], {"accused": "core", "denied": "supporting"}) == {"accused"}


def test_a_common_name_printed_elsewhere_is_context_not_a_cue() -> None:
    items = [_item("talks-0", "Which country mediated the harbour talks of March?", "Russia", role="mediator",
                   quote=(0, 10))]
    # the setting of the course: many items print it
    items += [_item(f"hosted-{n}", f"In which city did Russia host the {word} summit on fisheries quotas?",
                    f"Sochi {word}", role="place", quote=(900 + n * 20, 910 + n * 20))
              for n, word in enumerate(("spring", "autumn", "winter"))]
    assert _kept(items) == {"talks-0", "hosted-0", "hosted-1", "hosted-2"}


def test_one_country_is_not_the_answer_of_every_which_country_mediated() -> None:
    items = [_item("talks-0", "Which country mediated the harbour talks of March?", "Russia", role="mediator",
                   quote=(0, 10)),
             _item("talks-1", "Which state brokered the grain ceasefire of the following winter?", "Russia",
                   role="mediator", quote=(100, 110))]
    items += [_item(f"hosted-{n}", f"In which city did Russia host the {word} summit on fisheries quotas?",
                    f"Sochi {word}", role="place", quote=(900 + n * 20, 910 + n * 20))
              for n, word in enumerate(("spring", "autumn", "winter"))]
    assert _kept(items, {"talks-0": "core"}) == {"talks-0", "hosted-0", "hosted-1", "hosted-2"}


def test_a_country_named_as_mediator_in_other_words_answers_which_country_brokered() -> None:
    brokered = _item("brokered", "Which country brokered the ceasefire of the autumn?", "Russia", role="mediator",
                     quote=(0, 10))
    mediated = _item("mediated", "In which city did Russia-mediated talks on disarmament begin?", "Yevlakh",
                     role="place", quote=(100, 110))
    # "Russia" is the course's setting, printed by many items: only its part in the talks gives the answer
    setting = [_item(f"hosted-{n}", f"In which city did Russia host the {word} summit on fisheries quotas?",
                     f"Sochi {word}", role="place", quote=(900 + n * 20, 910 + n * 20))
               for n, word in enumerate(("spring", "autumn", "winter", "summer"))]
    assert "brokered" not in _kept([brokered, mediated, *setting], {"mediated": "core"})


def test_which_came_first_is_not_asked_of_an_event_another_question_dates() -> None:
    dated = _item("vote", "In what year did the regional soviet vote to join the republic?", "1988", quote=(0, 10))
    other = _item("declared", "In what year did the region declare independence?", "1991", quote=(50, 60))
    first = Item(id="mcq:which-first:vote,protocol", type="mcq", role="which-first", prompt="Which came first?",
                 answer="The regional soviet's vote", fact_ids=("vote", "protocol"),
                 passages=dated.passages, options=("The regional soviet's vote", "The protocol"), correct_option=0)
    kept = without_cued([first, dated, other], {"vote": "core", "protocol": "core"}, _names_a_text)
    assert [item.role for item in kept] == ["date", "date"]


def test_a_duration_whose_passage_prints_a_date_another_question_asks_is_that_date_again() -> None:
    begins = _item("begins", "In what month and year did the blockade of the corridor begin?", "December 2022",
                   quote=(0, 10))
    months = Item(id="short-answer:duration:blockade", type="short-answer", role="duration",
                  prompt="For how many months had the road been blockaded when the offensive began?", answer="9 months",
                  fact_ids=("blockade",), passages=(Passage("blockade", "text", "A text", 500, 560,
                                                            "Since December 2022, the road had been closed."),))
    assert _kept([begins, months], {"begins": "core", "blockade": "core"}) == {"begins"}


def test_a_month_the_bank_prints_picks_a_day_out_of_four_months() -> None:
    day = Item(id="mcq:date:clash", type="mcq", role="date", prompt="On what date did the clash begin?",
               answer="13 September 2022", fact_ids=("clash",), passages=_item("clash", "", "").passages,
               options=("13 September 2022", "13 October 2022", "13 November 2022", "13 December 2022"),
               correct_option=0)
    killed = [_item(f"toll-{n}", f"How many were killed in the {word} attacks of September 2022?", f"{n}00 people",
                    role="value", quote=(100 + n * 20, 110 + n * 20))
              for n, word in enumerate(("border", "town", "river", "hill"))]
    assert "clash" not in _kept([*killed, day], {f"toll-{n}": "core" for n in range(4)})


def test_a_true_statement_dated_only_by_the_courses_month_is_left_out() -> None:
    told = Item(id="true-false:statement:strikes", type="true-false", role="statement",
                prompt="The attack of September 2023 involved artillery and drone strikes.", answer="True",
                fact_ids=("strikes",), passages=_item("strikes", "", "").passages, options=("True", "False"),
                correct_option=0)
    setting = [_item(f"s-{n}", f"What happened in the {word} of September 2023?", f"answer {word}", role="name",
                     quote=(100 + n * 20, 110 + n * 20)) for n, word in enumerate(("north", "south", "east", "west"))]
    assert "strikes" not in _kept([told, *setting])


def test_a_text_named_as_a_source_elsewhere_does_not_answer_which_text_says_so() -> None:
    which = _item("which", "Which text says the monastery dates from the fourth century?", "the Azad Archives guide",
                  role="who-said", kind="mcq", quote=(0, 10))
    other = _item("other", "According to the Azad Archives guide, how many provinces did the kingdom have?",
                  "fifteen", role="value", quote=(50, 60))
    assert _kept([which, other]) == {"which", "other"}


def test_a_matching_task_that_repeats_the_dates_the_bank_asks_is_left_out() -> None:
    first = _item("first", "When was the treaty signed?", "9 May 1994", quote=(0, 10))
    second = _item("second", "When did the blockade begin?", "2 December 2022", quote=(20, 30))
    matching = _item("many", "Match each event to its date.", "", kind="matching", role="dates", quote=(40, 50),
                     pairs=(("Treaty", "9 May 1994"), ("Blockade", "2 December 2022")))
    assert _kept([first, second, matching]) == {"first", "second"}
    assert _kept([first, matching]) == {"first"}  # one line repeated is a question asked twice
    other = _item("other", "Which city hosted the talks?", "Sochi", role="place", quote=(90, 99))
    assert "many" in _kept([other, matching])  # an exercise over dates the bank does not ask


def test_the_shipped_bank_names_no_person_another_of_its_items_asks_for() -> None:
    _, bank, _ = _bank()
    people = [item for item in bank if item.role == "who-said" and item.type != "mcq" and len(item.answer.split()) > 1
              and item.answer[:1].isupper()]
    assert people
    assert not [(asked.id, shower.id) for asked in people for shower in bank
                if shower.fact_ids != asked.fact_ids and contains_phrase(shower.prompt, asked.answer)]


def test_every_item_type_is_still_made_for_a_caller_that_asks_for_it() -> None:
    base, _, _ = _bank()
    for kind in ("matching", "ordering"):
        assert items_for(base, types=[kind], seed=0)  # type: ignore[list-item]


def test_an_answer_of_several_words_is_asked_once() -> None:
    banned = _item("banned", "Through which corridor were convoys banned?", "Lachin corridor", role="place",
                   quote=(0, 10))
    reopened = _item("reopened", "An agreement to reopen which road raised hopes days before the offensive?",
                     "Lachin corridor", role="place", quote=(50, 60))
    assert len(_kept([banned, reopened])) == 1


def test_a_side_name_is_given_away_wherever_another_item_prints_it() -> None:
    names = _item("region", "What name do Armenians use for the region?", "Artsakh, used by Armenians",
                  role="side-name:artsakh", quote=(0, 10))  # the engine's role names the side's name
    glosses = [_item(f"gloss-{n}", f"According to the guide, what happened in Artsakh (the region) in year {word}?",
                     f"{1990 + n}", role="date", quote=(100 + n * 20, 110 + n * 20))
               for n, word in enumerate(("one", "two", "three", "four", "five"))]
    assert "region" not in _kept([*glosses, names], {f"gloss-{n}": "core" for n in range(5)})


def test_a_fact_is_compared_with_others_once() -> None:
    def first(a: str, b: str, quote: int) -> Item:
        item = _item(f"{a},{b}", "Which of these happened first?", a, role="which-first", kind="mcq",
                     quote=(quote, quote + 5))
        return Item(**{**{f: getattr(item, f) for f in item.__dataclass_fields__}, "fact_ids": (a, b)})

    kept = without_cued([first("vote", "protocol", 0), first("independence", "protocol", 50),
                         first("clashes", "blockade", 100)], {}, _names_a_text)
    assert [item.fact_ids for item in kept] == [("vote", "protocol"), ("clashes", "blockade")]



def test_one_text_answers_at_most_one_more_which_text_question_than_all_the_others() -> None:
    guide = [_item(f"guide-{n}", f"Which text says that claim number {word} is so?", "the Azad Archives guide",
                   role="who-said", kind="mcq", quote=(n * 100, n * 100 + 10))
             for n, word in enumerate(("one", "two", "three", "four"))]
    essay = _item("essay", "Which text says that the other claim is so?", "the CFR photo essay", role="who-said",
                  kind="mcq", quote=(900, 910))
    kept = _kept([*guide, essay], {"guide-3": "core"})
    assert kept == {"guide-3", "guide-0", "essay"}  # the core fact's question first, then in order


def test_a_quantity_two_texts_disagree_on_is_asked_once() -> None:
    weeks = _item("weeks", "According to the tracker, how long did the war last?", "6 weeks", role="duration",
                  quote=(0, 10))
    days = _item("days", "According to the guide, how long did the war last before the ceasefire?", "44 days",
                 role="duration", quote=(50, 60))
    kept = without_cued([weeks, days], {"days": "core"}, _names_a_text, {"weeks": ["days"], "days": ["weeks"]})
    assert [item.fact_ids[0] for item in kept] == ["days"]


def test_a_place_the_whole_bank_prints_is_the_setting_not_a_question() -> None:
    setting = [_item(f"fled-{n}", f"How many people had fled to Armenia by round {word} of the count?",
                     f"{n} thousand", role="value", quote=(n * 100, n * 100 + 10))
               for n, word in enumerate(("one", "two", "three", "four", "five"))]
    where = _item("where", "To which neighbouring country did most of the population flee?", "Armenia",
                  role="identify", quote=(900, 910))
    assert "where" not in _kept([*setting, where])


def test_a_days_month_printed_by_a_few_items_leaves_only_the_day_to_ask() -> None:
    day = _item("clashes", "When did the two-day border conflict begin?", "13 September 2022", quote=(0, 10))
    month = _item("truce", "Which country mediated the truce after the fighting of September 2022?", "Russia",
                  role="mediator", quote=(50, 60))
    assert len(_kept([day, month], {"truce": "core"})) == 1
    # a month half the bank prints is only the time of the story
    many = [_item(f"m{n}", f"Who spoke of the offensive {word} of September 2022 to the press?", f"Speaker {word}",
                  role="who-said", quote=(200 + n * 20, 210 + n * 20))
            for n, word in enumerate(("first", "second", "third", "fourth"))]
    assert "clashes" in _kept([day, *many])


def test_a_matching_of_mixed_precisions_is_left_to_its_own_type() -> None:
    mixed = _item("many", "Match each event to its date.", "", kind="matching", role="dates", quote=(40, 50),
                  pairs=(("Treaty", "9 May 1994"), ("Blockade", "2022"), ("Vote", "20 February 1988")))
    question = _item("other", "Which city hosted the talks?", "Sochi", role="place", quote=(90, 99))
    assert _kept([mixed, question]) == {"other"}
    assert _kept([mixed]) == {"many"}  # asked for alone (--types matching), it is given


def test_an_answer_another_item_names_as_the_owner_of_what_is_asked_is_given_away() -> None:
    label = _item("label", "Who called the offensive an anti-terrorist operation?", "Azerbaijan", role="who-said",
                  quote=(0, 10))
    owner = _item("owner", "On what date did Azerbaijan's offensive begin?", "19 September 2023", quote=(50, 60))
    broker = _item("broker", "Which country brokered the truce?", "Russia", role="mediator", quote=(100, 110))
    agent = _item("agent", "In which city did the Russia-brokered truce talks begin?", "Yevlakh", role="place",
                  quote=(150, 160))
    # the question yields, however important: it asks what the bank states as its setting
    assert _kept([label, owner, broker, agent], {"label": "core", "broker": "core"}) == {"owner", "agent"}
    assert _kept([label, broker]) == {"label", "broker"}


def test_a_place_printed_in_another_items_stem_is_not_asked_for() -> None:
    city = _item("protests", "In which city did protesters demand the prime minister's resignation?", "Yerevan",
                 role="place", quote=(0, 10))
    setting = [_item(f"count-{n}", f"According to the authorities in Yerevan, how many had crossed by the {word}?",
                     f"{n}000 people", role="value", quote=(100 + n * 20, 110 + n * 20))
               for n, word in enumerate(("first", "second", "third"))]
    # a bank large enough that four printers make the city neither rare nor the course's setting
    others = [_item(f"other-{n}", f"In what year did treaty number {n} take effect?", f"{1900 + n}",
                    quote=(1000 + n * 20, 1010 + n * 20)) for n in range(20)]
    assert "protests" not in _kept([city, *setting, *others], {f"count-{n}": "core" for n in range(3)})


def test_a_figure_whose_option_is_another_questions_exact_figure_is_flagged_and_a_round_one_is_not() -> None:
    from quizgen.items.bank_cues import options_giving_figures

    def choice(fact: str, options: tuple[str, ...], correct: int) -> Item:
        return Item(id=f"mcq:value:{fact}", type="mcq", role="value", prompt="About how many?",
                    answer=options[correct], fact_ids=(fact,), passages=(Passage(fact, "text", "A", 0, 1, "q"),),
                    options=options, correct_option=correct)

    population = choice("population", ("about 60,000 people", "about 70,500 people", "about 100,000 people",
                                       "about 120,000 people"), 3)
    share = choice("share", ("75 percent", "80 percent", "90 percent", "95 percent"), 3)
    refugees = _item("refugees", "How many had crossed by noon?", "at least 70,500 people", role="value")
    fled = _item("fled", "What share fled in one week?", "80 percent", role="value", quote=(50, 60))
    items = [population, share, refugees, fled]
    # "about 70,500 people" is the refugee count another question asks; "80 percent" is any scale's step
    assert options_giving_figures(items, {"population", "share", "refugees", "fled"}) == {0}
    # a detail's figure is no question of the bank: nothing is handed over
    assert options_giving_figures(items, {"population", "share"}) == set()


def test_the_shipped_bank_shows_no_other_questions_figure_among_a_figures_options() -> None:
    from quizgen.items.bank_cues import options_giving_figures

    base, bank, _ = _bank()
    population = next(item for item in bank if item.fact_ids == ("population-estimate-120000",))
    # the refugee count of one afternoon is no option: asked elsewhere it would be handed over, and its precision
    # stands out among round populations
    assert not any("70,500" in option for option in population.options)
    assert options_giving_figures(bank, {fact.id for fact in base.facts}) == set()


def test_an_ordering_of_events_the_bank_asks_one_by_one_is_left_out() -> None:
    def ordering(*facts: str) -> Item:
        return Item(id=f"ordering:events:{'+'.join(facts)}", type="ordering", role="events",
                    prompt="Put these in chronological order, earliest first.", answer="",
                    fact_ids=facts, passages=(Passage(facts[0], "text", "A", 500, 510, "q"),),
                    pairs=(("Creation of the oblast", "1923"), ("Harbour Protocol", "1994"),
                           ("Start of the blockade", "December 2022")))

    named = _item("protocol", "What was the ceasefire that ended the war called?", "Harbour Protocol",
                  role="name", quote=(0, 10))
    dated = _item("oblast", "In what year was the oblast created?", "1923", quote=(20, 30))
    other = _item("talks", "Which city hosted the talks?", "Sochi", role="place", quote=(90, 99))
    def kept(*items: Item) -> set[str]:
        return {item.role for item in without_cued(items, {}, _names_a_text)}

    # a line is another question's answer ("Harbour Protocol"), or an event is dated by another question
    assert kept(ordering("blockade", "protocol", "oblast-creation"), named, other) == {"name", "place"}
    assert kept(ordering("blockade", "oblast", "treaty"), dated, other) == {"date", "place"}
    assert kept(ordering("blockade", "treaty", "oblast-creation"), other) == {"events", "place"}
