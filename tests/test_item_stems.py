"""Stems cut from statements, and authored questions preferred to templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.dates import parse_partial_date
from quizgen.factbase import load_factbase
from quizgen.items import items_for
from quizgen.items.captions import is_caption
from quizgen.items.stems import number_span, plural_subject, without_attribution, without_count, without_date


@pytest.mark.parametrize(("statement", "date", "stem"), [
    ("In 1923 the Soviet Union established the oblast.", "1923", "The Soviet Union established the oblast."),
    ("The crew returned to Earth on 24 July 1969, splashing down.", "1969-07-24",
     "The crew returned to Earth, splashing down."),
    ("It ended with the deal of 9 November 2020.", "2020-11-09", "It ended with the deal."),
    ("After the 1994 ceasefire the firing went on.", "1994", "After the ceasefire the firing went on."),
    ("Fighting broke out in late September 2020.", "2020-09", "Fighting broke out."),
    ("Talks began in 2021.", "1994", "Talks began in 2021."),
])
def test_a_date_is_taken_out_with_the_words_that_carry_it(statement: str, date: str, stem: str) -> None:
    assert without_date(statement, parse_partial_date(date)) == stem


def test_numbers_are_found_in_digits_and_in_words() -> None:
    text = "roughly thirty thousand casualties and 70,500 refugees, about 650 million viewers"
    for value, shown in ((30000, "thirty thousand"), (70500, "70,500"), (650e6, "650 million")):
        span = number_span(text, value)
        assert span is not None and text[span.start:span.end] == shown
    assert without_count("It was blockaded for nine months before the attack.", 9) == \
        "It was blockaded before the attack."


@pytest.mark.parametrize(("statement", "who", "claim"), [
    ("According to the Azad Archives guide, the war lasted 44 days.", "the Azad Archives guide",
     "the war lasted 44 days."),
    ("According to CFR expert David J. Scheffer, it was cleansing.", "David J. Scheffer, CFR expert",
     "it was cleansing."),
    ("Kremlin spokesman Dmitry Peskov said on 28 September 2023 that Armenians had nothing to fear.",
     "Dmitry Peskov, Kremlin spokesman", "Armenians had nothing to fear."),
    ("Seventy thousand had crossed, according to the authorities in Yerevan.", "the authorities in Yerevan",
     "Seventy thousand had crossed."),
])
def test_the_claim_without_its_claimant(statement: str, who: str, claim: str) -> None:
    assert without_attribution(statement, who) == claim


def test_do_or_does() -> None:
    assert plural_subject("Armenians") and plural_subject("France and Russia")
    assert not plural_subject("Azerbaijan") and not plural_subject("the Azad Archives guide")


def test_a_caption_is_known_by_its_photo_credit() -> None:
    text = "Soldiers watch a road in Lachin on November 13, 2020\nTPX Images of the Day via Reuters\n\nThe war began."
    assert is_caption(text, 0, 20)
    assert not is_caption(text, text.index("The war"), len(text))


def test_an_authored_question_replaces_the_template_of_its_role(apollo_copy: Path) -> None:
    data = json.loads(apollo_copy.read_text(encoding="utf-8"))
    for fact in data["facts"]:
        if fact["id"] == "eagle-landing":
            fact["questions"] = [{"prompt": "On what day did the Apollo 11 lunar module land on the Moon?",
                                  "asks": "date"}]
    apollo_copy.write_text(json.dumps(data), encoding="utf-8")
    items = [i for i in items_for(load_factbase(apollo_copy), seed=0, every_form=True)
             if i.fact_ids == ("eagle-landing",)]
    dated = [i for i in items if i.role == "date"]
    assert dated and {i.prompt for i in dated} == {"On what day did the Apollo 11 lunar module land on the Moon?"}
    assert {i.answer for i in dated} == {"20 July 1969"}
    assert any(i.type == "mcq" for i in dated)


def test_a_count_is_asked_where_its_blank_stands_and_never_in_quotation_marks() -> None:
    from quizgen.items.questions import completion

    # the fact's sentence is not the text's: in quotation marks it would read as a quote
    assert completion("George told Al Jazeera that it took ___ hours to reach Goris.", "number") == \
        "George told Al Jazeera that it took how many hours to reach Goris?"
    assert completion("The office put the toll at ___ people.", "number") == \
        "The office put the toll at how many people?"
    # a share is no count: it keeps the completion form
    assert completion("More than ___ percent had left.", "number") == \
        "Which number fills the blank in “More than ___ percent had left”?"


def test_a_conversion_beside_the_blank_does_not_give_the_number_away() -> None:
    from tests.conftest import FACTS

    base = load_factbase(FACTS)
    every = items_for(base, seed=0, every_form=True)
    fuel = next(i for i in every if i.id == "qa:value:fuel-ration-5-liters-per-family")
    assert "how many liters of fuel" in fuel.prompt and "gallons" not in fuel.prompt
    assert fuel.prompt.startswith("A resident told CNN")  # the claimant is named once, by the sentence itself
