"""The deck rules on made-up cards: what each leaves out, at any size, whatever the topic."""

from __future__ import annotations

from quizgen.card_worth import clozes_printing_answers, dates_printed_everywhere, giveaways
from quizgen.items import Item


def card(key: str, prompt: str, answer: str, kind: str = "qa") -> Item:
    cloze = (prompt.split("[…]")[0], answer, prompt.split("[…]")[-1]) if kind == "cloze" else None
    return Item(id=f"{kind}:x:{key}", type=kind, role="x", prompt=prompt, answer=answer,  # type: ignore[arg-type]
                fact_ids=(key,), passages=(), cloze=cloze)


def test_a_year_many_fronts_print_is_not_asked() -> None:
    asked = card("launch", "In what year was the probe launched?", "1977")
    printing = [card(f"f{i}", f"What did the probe photograph in 1977 on pass {i}?", f"moon {i}") for i in range(5)]
    items = [asked, *printing]
    assert dates_printed_everywhere(items, [item.fact_ids[0] for item in items]) == {id(asked)}
    # four other notes printing it are not too many; its own note printing it does not count
    fewer = [asked, *printing[:4], card("launch", "The probe of 1977 carried what record?", "Golden Record")]
    assert dates_printed_everywhere(fewer, ["launch", "f0", "f1", "f2", "f3", "launch"]) == set()


def test_a_cloze_that_prints_another_cards_answer_is_left_out() -> None:
    question = card("crew", "Who commanded the mission?", "Neil Armstrong")
    cloze = card("eva", "With Neil Armstrong, […] walked on the Moon.", "Buzz Aldrin", "cloze")
    other = card("pilot", "Who flew the command module?", "Michael Collins")
    items = [question, cloze, other]
    assert clozes_printing_answers(items, ["crew", "eva", "pilot"]) == {id(cloze)}


def test_of_two_cards_giving_each_other_away_the_more_important_stays() -> None:
    core = card("launch", "From which site was the rocket launched in 1969?", "Cape Kennedy")
    supporting = card("pad", "Which pad at Cape Kennedy launched the rocket?", "Pad 39A")
    importance = {"launch": "core", "pad": "supporting"}
    items = [supporting, core]
    assert giveaways(items, ["pad", "launch"], importance, frozenset()) == {id(supporting)}
    # a name the course prints everywhere gives nothing away
    assert giveaways(items, ["pad", "launch"], importance, frozenset({"cape kennedy"})) == set()


def test_a_shared_answer_is_one_entry_however_many_cards_give_it() -> None:
    # ten thousand cards answered "2020", each front printing "2020": the first stays, every other is given away
    # (read by answer, this runs in a moment; a check per pair of cards would be a hundred million)
    items = [card(f"f{i}", f"What happened in 2020 to thing {i}?", "2020") for i in range(10_000)]
    notes = [item.fact_ids[0] for item in items]
    assert giveaways(items, notes, {}, frozenset()) == {id(item) for item in items[1:]}
    assert dates_printed_everywhere(items, notes) == {id(item) for item in items}
