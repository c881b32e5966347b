"""The deck rules on made-up cards: what each leaves out, at any size, whatever the topic."""

from __future__ import annotations

from quizgen.card_worth import clozes_printing_answers, dates_printed_everywhere, giveaways
from quizgen.items import Item
from quizgen.parts_elsewhere import learnt_in_parts


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


def test_a_pair_whose_names_other_fronts_print_is_learnt_from_them() -> None:
    pair = card("summit", "Between which two leaders was the summit held?", "Richard Nixon and Leonid Brezhnev")
    nixon = card("nixon", "What office did Richard Nixon hold in 1972?", "President of the United States")
    brezhnev = card("brezhnev", "What office did Leonid Brezhnev hold in 1972?", "General Secretary")
    items = [pair, nixon, brezhnev]
    notes = ["summit", "nixon", "brezhnev"]
    importance = {"summit": "supporting", "nixon": "core", "brezhnev": "core"}
    assert learnt_in_parts(items, notes, importance) == {id(pair)}
    # one name left untaught: the pair still teaches it
    assert learnt_in_parts(items[:2], notes[:2], importance) == set()
    # a less important card does not teach a more important one: a deck of the core facts would not hold it
    assert learnt_in_parts(items, notes, {**importance, "summit": "core", "nixon": "supporting"}) == set()


def test_a_span_of_years_asked_and_printed_elsewhere_is_left_out() -> None:
    span = card("program", "In which years did the program fly?", "1961 – 1972")
    start = card("first", "In what year did the program first fly?", "1961")
    end = card("record", "Which record did the flight of 1972 set?", "longest stay")
    items, notes = [span, start, end], ["program", "first", "record"]
    assert learnt_in_parts(items, notes, {}) == {id(span)}
    # a figure's range is one quantity, not two things: "50–1,000 people" keeps its card
    spread = card("crowd", "How many people watched?", "50–1,000 people")
    assert learnt_in_parts([spread, card("a", "What did 50 people see?", "x")], ["crowd", "a"], {}) == set()


def test_a_set_another_card_also_answers_is_no_piece_taught() -> None:
    # two cards answered by one set ask one question twice (a rule on repeats); neither teaches the other's pieces
    first = card("chairs", "Which countries chair the group?", "France, Spain and Italy")
    second = card("talks", "Which countries hosted the talks?", "France, Spain and Italy")
    assert learnt_in_parts([first, second], ["chairs", "talks"], {}) == set()


def test_which_came_first_of_an_event_with_a_date_card_of_its_own_is_left_out() -> None:
    def dated(key: str, year: str) -> Item:
        return Item(id=f"qa:date:{key}", type="qa", role="date", prompt=f"When was {key}?", answer=year,
                    fact_ids=(key,), passages=())

    first = Item(id="qa:which-first:launch,landing", type="qa", role="which-first", prompt="Which happened first?",
                 answer="launch", fact_ids=("launch", "landing"), passages=())
    items = [first, dated("launch", "1969"), dated("landing", "1969")]
    assert learnt_in_parts(items, ["both", "launch", "landing"], {}) == {id(first)}
    # one date known makes the order a comparison with a known year
    assert learnt_in_parts(items[:2], ["both", "launch"], {}) == {id(first)}
    assert learnt_in_parts(items[:1], ["both"], {}) == set()
