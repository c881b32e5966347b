"""Which items share a quiz and what the key quotes: generic rules, on made-up items and both fact bases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.build import build_quiz, planned_quiz
from quizgen.factbase import load_factbase
from quizgen.items import Item, Passage, items_for
from quizgen.key_evidence import key_passages
from quizgen.quiz import QuizQuestion, choose_items
from quizgen.quiz_cues import about_setting, cue_each_other, general_knowledge, same_falsehood, setting_limit
from quizgen.select import Selection
from tests.pdf_reading import flat
from tests.pdf_reading import pages as page_texts

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"
APOLLO = ROOT / "tests" / "fixtures" / "apollo" / "facts.json"
CLASS_TYPES = ["mcq", "true-false", "matching", "ordering", "short-answer"]


def _passage(fact: str, quote: str, label: str = "A Source, 1 May 2020", source: str = "s") -> Passage:
    return Passage(fact, source, label, 0, len(quote), quote)


def _item(item_id: str, type_: str = "short-answer", role: str = "value", prompt: str = "How many?",
          answer: str = "", **changes: object) -> Item:
    fields: dict[str, object] = {"fact_ids": (item_id,), "passages": (_passage(item_id, f"It was {answer}."),)}
    fields.update(changes)
    return Item(item_id, type_, role, prompt, answer, **fields)  # type: ignore[arg-type]


def test_a_statement_of_a_close_figure_gives_a_figure_away() -> None:
    asked = _item("a", "mcq", prompt="How many crossed by noon?", answer="at least 70,500 people",
                  alternatives=("70,500",), options=("at least 70,500 people", "1 person"), correct_option=0)
    shown = _item("b", "true-false", "statement", "More than 70,000 people had crossed by noon.", "True")
    unrelated = _item("c", "true-false", "statement", "Thirty people signed the letter.", "True")
    assert cue_each_other(asked, shown)
    assert not cue_each_other(asked, unrelated)


def test_a_matching_line_gives_a_date_question_on_its_event_away() -> None:
    asked = _item("a", "mcq", "date", "On what date did the landing happen?", "20 July 1969",
                  options=("19 July 1969", "20 July 1969"), correct_option=1)
    matching = _item("m", "matching", "dates", "Match each event to its date.", "",
                     pairs=(("The landing", "20 July 1969"), ("The launch", "16 July 1969")))
    assert cue_each_other(asked, matching)
    # an ordering that states the same event and date in a prompt elsewhere is cued too
    ordering = _item("o", "ordering", "events", "Put these in order.", "",
                     pairs=(("The landing on the Moon", "20 July 1969"), ("The launch", "16 July 1969")))
    stated = _item("t", "true-false", "statement", "The landing on the Moon took place on 20 July 1969.", "True")
    assert cue_each_other(ordering, stated)


def test_false_statements_made_false_the_same_way_are_recognised() -> None:
    one = _item("a", "true-false", "statement", "Paris lies in Spain.", "False", correction="Paris lies in France.")
    two = _item("b", "true-false", "statement", "Lyon is a city of Spain.", "False",
                correction="Lyon is a city of France.")
    three = _item("c", "true-false", "statement", "Rome lies in Greece.", "False", correction="Rome lies in Italy.")
    assert same_falsehood(one, two)
    assert not same_falsehood(one, three)


def test_bare_identifications_are_general_knowledge_and_count_as_setting() -> None:
    capital = _item("a", "mcq", "identify", "What is the capital of Ruritania?", "Strelsau")
    rich = _item("b", "mcq", "identify", "Which town did the report call the heart of the exodus after the war?",
                 "Goris")
    assert general_knowledge(capital) and not general_knowledge(rich)
    assert about_setting(rich, {}) and about_setting(_item("p", role="value"), {"p": "person"})
    assert not about_setting(_item("e", role="value"), {"e": "event"})
    assert setting_limit(20) == 4


def test_choice_keeps_setting_to_a_fifth_and_skips_cueing_items() -> None:
    people = [_item(f"person-{i}", prompt=f"What role did person {i} hold in the long war years?",
                    answer=f"role{i}") for i in range(10)]
    events = [_item(f"event-{i}", prompt=f"When did event {i} happen?", answer=f"{1900 + i}") for i in range(10)]
    kinds = {**{p.id: "person" for p in people}, **{e.id: "event" for e in events}}
    chosen = choose_items([*people, *events], 10, seed=1, kinds=kinds)
    assert sum(item.id.startswith("person") for item in chosen) <= setting_limit(10)
    asked = _item("fig", prompt="How many came?", answer="70,500", alternatives=("70,500",))
    cue = _item("cue", "true-false", "statement", "More than 70,000 came.", "True")
    chosen = choose_items([asked, cue], 2, seed=1)
    assert len(chosen) == 1


def test_a_quiz_asks_no_true_statement_with_nothing_in_it_to_make_false() -> None:
    face = _item("face", "true-false", "statement", "Faced with the prospect of rule, the residents fled.", "True")
    dated = _item("dated", "true-false", "statement", "In 1923 the oblast was established.", "True")
    shown_false = _item("false", "true-false", "statement", "The residents fled to Spain.", "False",
                        correction="The residents fled to France.")
    assert {item.id for item in choose_items([face, dated, shown_false], 3, seed=1)} == {"dated", "false"}


def test_a_quiz_asks_which_text_says_so_once_of_each_text() -> None:
    texts = ("the guide", "the essay", "the blog", "the tracker")
    first, second = (_item(f"claim-{n}", "mcq", "who-said", f"Which text says that claim {word} holds true?",
                           "the guide", options=texts, correct_option=0) for n, word in enumerate(("one", "two")))
    other = _item("claim-3", "mcq", "who-said", "Which text says that the third claim holds?", "the blog",
                  options=texts, correct_option=2)
    chosen = choose_items([first, second, other], 3, seed=1)
    assert len(chosen) == 2 and {item.answer for item in chosen} == {"the guide", "the blog"}


def test_a_small_pool_is_packed_so_that_the_quiz_is_full() -> None:
    # "Russia" answers one question and stands in three others' prompts: taken first, it would cost three
    hub = _item("hub", prompt="Which country brokered the ceasefire?", answer="Russia", role="mediator")
    spokes = [_item(f"spoke-{n}", prompt=f"When did Russia host round {word} of the harbour talks?",
                    answer=f"{1990 + n}", role="date") for n, word in enumerate(("one", "two", "three"))]
    assert len(choose_items([hub, *spokes], 3, seed=3)) == 3  # seed 3: its first order takes the hub first


@pytest.mark.parametrize("facts", [FACTS, APOLLO])
def test_no_two_chosen_questions_cue_each_other(facts: Path) -> None:
    factbase = load_factbase(facts)
    quiz = planned_quiz(factbase, Selection.of(importances=["core"]), CLASS_TYPES, versions=2, seed=7)  # type: ignore[arg-type]
    kinds = {fact.id: fact.kind for fact in factbase.facts}
    items = quiz.items
    for i, a in enumerate(items):
        assert not general_knowledge(a), a.id
        for b in items[i + 1:]:
            assert not cue_each_other(a, b), (a.id, b.id)
    # about a fifth of the quiz asked for (twenty questions) is on the setting; past that only when
    # nothing else could fill the quiz: one more on the shipped base, a tiny base uses what it has
    if facts.name == "facts.json" and facts.parent.name != "apollo":
        assert sum(about_setting(item, kinds) for item in items) <= 0.5 * 20
        assert len(quiz.versions[0].questions) == 20
        statements = [item for item in items if item.type == "true-false"]
        false = sum(1 for item in statements if item.correction is not None)
        # both answers occur, neither far outnumbers the other (a statement with no plausible alternative is true)
        assert false >= len(statements) // 4 and len(statements) - false >= len(statements) // 4, (false, statements)


def test_key_shows_alternatives_and_drops_datelines() -> None:
    item = _item("a", prompt="How long did it last?", answer="44 days", alternatives=("44", "44 days"))
    assert QuizQuestion(1, item).key_answer() == "44 days (also accept: 44; forty-four days)"
    ranged = _item("r", prompt="In which years?", answer="1991 – 1994", alternatives=("1991",))
    assert QuizQuestion(1, ranged).key_answer() == "1991 – 1994"
    dateline = _passage("d", "These were the updates on the events on Thursday, September 28, 2023.")
    stated = _passage("d", "The decree dissolved all state institutions.")
    other = _passage("x", "The town lies in the south.")
    matching = _item("m", "matching", "dates", "Match.", "", fact_ids=("d", "x"), passages=(other, dateline, stated),
                     pairs=(("Decree", "28 September 2023"), ("Town", "1923")))
    shown = [kept.passage for kept in key_passages(matching)]
    assert dateline not in shown and stated in shown and other in shown
    relative = _passage("d", "On Thursday the president signed the decree.")
    grounded = _item("g", "true-false", "statement", "The decree was signed.", "True", fact_ids=("d",),
                     passages=(relative, dateline))
    assert dateline in [kept.passage for kept in key_passages(grounded)]


def test_a_named_source_comes_first_in_the_key() -> None:
    guide = _passage("a", "It lasted 44 days.", "The Guide, Azad Archives, 2023")
    essay = _passage("a", "After 44 days it ended.", "In Photos: The Exodus, Council, undated")
    item = _item("a", prompt="According to the photo essay, how long did it last?", answer="44 days",
                 passages=(guide, essay))
    assert [kept.passage for kept in key_passages(item)] == [essay, guide]


def test_no_question_is_split_across_pages(tmp_path: Path) -> None:
    factbase = load_factbase(FACTS)
    chosen = Selection.of(importances=["core"])
    report = build_quiz(factbase, chosen, CLASS_TYPES, tmp_path / "q.pdf", versions=2, seed=7)  # type: ignore[arg-type]
    quiz = planned_quiz(factbase, chosen, CLASS_TYPES, versions=2, seed=7)  # type: ignore[arg-type]
    pages = [flat(p) for p in page_texts(report.path)]
    for version in quiz.versions:
        for question in version.questions:
            parts = [flat(question.item.prompt[-30:]), *(flat(o[:25]) for o in question.options)]
            assert any(all(part in page for part in parts) for page in pages), question.item.prompt


def test_true_or_false_answers_run_no_more_than_two_alike_and_differ_between_versions() -> None:
    factbase = load_factbase(FACTS)
    for seed in range(4):
        quiz = planned_quiz(factbase, Selection.of(importances=["core"]), CLASS_TYPES, versions=4, seed=seed)  # type: ignore[arg-type]
        patterns = []
        for version in quiz.versions:
            answers = "".join(q.grid_answer() for q in version.questions if q.item.type == "true-false")
            if "T" in answers and answers.count("F") <= 2 * (answers.count("T") + 1):
                assert "FFF" not in answers and "TTT" not in answers, (seed, version.label, answers)
            patterns.append(answers)
        # a student copying a neighbour's answers by position gets them wrong
        assert len(set(patterns)) == len(patterns), (seed, patterns)


@pytest.mark.parametrize("facts", [FACTS, APOLLO])
def test_any_two_versions_of_a_date_or_figure_question_share_all_options_but_one(facts: Path) -> None:
    factbase = load_factbase(facts)
    moved = 0
    for seed in range(3):
        quiz = planned_quiz(factbase, Selection(), ["mcq"], count=30, versions=4, seed=seed)  # type: ignore[list-item]
        shown: dict[str, list[tuple[int | None, set[str]]]] = {}
        for version in quiz.versions:
            for question in version.questions:
                if question.item.role in ("date", "value"):
                    shown.setdefault(question.item.id, []).append((question.correct, set(question.options)))
        for item_id, drawn in shown.items():
            assert all(len(a & b) >= len(a) - 1 for (_, a) in drawn for (_, b) in drawn), (seed, item_id, drawn)
            moved += len({letter for letter, _ in drawn}) > 1
    assert moved  # the letter still moves between versions


def test_two_versions_true_or_false_answers_are_neither_copies_nor_mirrors() -> None:
    factbase = load_factbase(FACTS)
    for seed in range(10):
        quiz = planned_quiz(factbase, Selection.of(importances=["core"]), CLASS_TYPES, versions=2, seed=seed)  # type: ignore[arg-type]
        first, second = ("".join(q.grid_answer() for q in version.questions if q.item.type == "true-false")
                         for version in quiz.versions)
        # copied by position from a neighbour's version, or copied and inverted, about half come out right
        alike = sum(a == b for a, b in zip(first, second, strict=True))
        assert len(first) / 3 <= alike <= 2 * len(first) / 3, (seed, first, second)


def test_a_matchings_dates_stand_in_time_order_in_every_version() -> None:
    from tests.pdf_reading import label_span

    factbase = load_factbase(FACTS)
    matched = 0
    for seed in range(4):
        quiz = planned_quiz(factbase, Selection(), ["matching"], count=3, versions=2, seed=seed)  # type: ignore[list-item]
        for version in quiz.versions:
            for question in version.questions:
                if question.item.role == "dates":
                    spans = [label_span(answer) for answer in question.options]
                    assert spans == sorted(spans), question.options
                    matched += 1
    assert matched


def test_a_true_statement_whose_date_another_statement_gives_of_the_same_thing_is_cued() -> None:
    founded = _item("a", "true-false", "statement", "In 1923 the Soviet Union established the Harbour Autonomous "
                    "Oblast within the Coastal Soviet Socialist Republic.", "True")
    share = _item("b", "true-false", "statement", "When the Harbour Autonomous Oblast was established in 1923, its "
                  "population was 80 percent fishermen.", "False", correction="… 95 percent fishermen.")
    setting = _item("c", "true-false", "statement", "In September 2023 the Harbour Autonomous Oblast held a vote.",
                    "True")
    other = _item("d", "true-false", "statement", "The Coastal republic's fleet sailed in September 2023.", "True")
    assert cue_each_other(founded, share)
    assert not cue_each_other(setting, other)  # a month's year is the setting, not what the statement is false by


def test_a_false_statement_never_moves_the_date_of_another_event_its_clause_names() -> None:
    base = load_factbase(FACTS)
    for seed in range(10):
        made = [i for i in items_for(base, seed=seed, every_form=True)
                if i.id == "true-false:nagorno-karabakh-independence-declaration-1991"]
        assert all(item.correction is None for item in made)  # "Amid the Soviet dissolution in 1988" is false unread


def test_lopsided_true_or_false_answers_keep_the_shortest_runs_they_allow() -> None:
    from quizgen.quiz import _without_long_runs

    def statements(pattern: str) -> list[Item]:
        return [_item(f"s{n}", "true-false", "statement", f"Statement {n}.", "True" if c == "T" else "False",
                      correction=None if c == "T" else f"Corrected {n}.") for n, c in enumerate(pattern)]

    for pattern in ("FFFFFFT", "FFTFFFF", "TTFFFF"):
        ordered = "".join("T" if s.correction is None else "F" for s in _without_long_runs(statements(pattern)))
        longest = max(len(run) for run in re.findall(r"T+|F+", ordered))
        assert longest <= max(2, -(-pattern.count("F") // (pattern.count("T") + 1))), (pattern, ordered)
