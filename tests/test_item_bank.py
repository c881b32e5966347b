"""The bank of items a teacher reads (``items_for``): each question once, no sibling giving another away."""

from __future__ import annotations

from collections import Counter
from functools import cache

from quizgen import Selection, load_factbase
from quizgen.build import planned_quiz
from quizgen.factbase import FactBase
from quizgen.items import Item, items_for
from quizgen.items.siblings import distinct
from quizgen.phrases import normalise
from tests.conftest import APOLLO, FACTS


@cache
def _bank(path: str = str(FACTS)) -> tuple[FactBase, tuple[Item, ...], tuple[Item, ...]]:
    base = load_factbase(path)
    return base, tuple(items_for(base, seed=0)), tuple(items_for(base, seed=0, every_form=True))


def test_each_question_of_a_fact_is_asked_once() -> None:
    for path in (str(FACTS), str(APOLLO)):
        _, bank, _ = _bank(path)
        asked = Counter((item.fact_ids, normalise(item.prompt)) for item in bank)
        assert max(asked.values()) == 1


def test_a_statement_is_asked_only_of_a_fact_with_no_question() -> None:
    _, bank, _ = _bank()
    questioned = {item.fact_ids[0] for item in bank if item.type in ("qa", "mcq", "short-answer")
                  and len(item.fact_ids) == 1}
    statements = [item for item in bank if item.type in ("true-false", "cloze")]
    assert statements and not [item.id for item in statements if item.fact_ids[0] in questioned]


def test_the_best_form_is_kept_and_every_form_remains_for_those_who_choose() -> None:
    _, bank, every = _bank()
    assert {item.id for item in bank} <= {item.id for item in every}
    by_prompt = {(item.fact_ids, normalise(item.prompt)): item.type for item in bank}
    for item in every:
        if item.type == "qa" and (item.fact_ids, normalise(item.prompt)) in by_prompt:
            assert by_prompt[(item.fact_ids, normalise(item.prompt))] in ("mcq", "short-answer", "qa")
    # a note keeps each kind apart: the flashcards of one fact, then its test cards, each a question once
    flashcards = distinct([item for item in every if item.type in ("qa", "cloze")])
    assert any(item.type == "qa" for item in flashcards) and any(item.type == "cloze" for item in flashcards)


def test_a_detail_is_a_flashcard_of_the_full_deck_not_a_bank_item() -> None:
    base, bank, every = _bank()
    details = {fact.id for fact in base.facts if fact.importance == "detail"}
    assert not [item.id for item in bank if set(item.fact_ids) <= details]
    assert [item.id for item in every if set(item.fact_ids) <= details]
    alone = items_for(base, [fact for fact in base.facts if fact.id in details], seed=0)
    assert alone and all(set(item.fact_ids) <= details for item in alone)


def test_a_false_date_is_always_before_the_true_one() -> None:
    from quizgen.dates_in_text import dates_in
    _, _, every = _bank()
    false = [item for item in every if item.type == "true-false" and item.correction]
    checked = 0
    for item in false:
        shown = {d for d in dates_in(item.prompt) if d[0] is not None}
        true = {d for d in dates_in(item.correction or "") if d[0] is not None}
        moved, kept = sorted(shown - true), sorted(true - shown)
        if moved and kept:
            assert moved[0] < kept[0], (item.prompt, item.correction)
            checked += 1
    assert checked >= 5


def test_whose_claim_it_is_is_chosen_among_options_never_written() -> None:
    _, _, every = _bank()
    assert not [item.id for item in every if item.type == "short-answer" and item.role == "who-said"]


def test_matching_says_which_side_has_answers_to_spare() -> None:
    _, _, every = _bank()
    prompts = {item.prompt for item in every if item.type == "matching"}
    assert prompts and all("nothing." not in p or "of the dates" in p or "of the names" in p for p in prompts)


def test_the_class_quiz_never_leans_on_one_answer_of_true_or_false() -> None:
    base = load_factbase(FACTS)
    quiz = planned_quiz(base, Selection(importances=("core",)), ["mcq", "true-false", "matching", "ordering",
                                                                "short-answer"], versions=2, seed=7)
    statements = [q.item for q in quiz.versions[0].questions if q.item.type == "true-false"]
    false = sum(1 for item in statements if item.correction)
    assert statements and abs((len(statements) - false) - false) <= 2


def test_randomness_is_seeded_one_way() -> None:
    from pathlib import Path

    import quizgen

    package = Path(quizgen.__file__).parent
    makers = [path.relative_to(package).as_posix() for path in package.rglob("*.py")
              if "random.Random(" in path.read_text(encoding="utf-8")]
    assert makers == ["items/seeding.py"]


def test_a_fact_is_asked_one_question_in_the_bank() -> None:
    _, bank, every = _bank()
    single = Counter(item.fact_ids[0] for item in bank if len(item.fact_ids) == 1)
    assert max(single.values()) == 1
    assert max(Counter(item.fact_ids[0] for item in every if len(item.fact_ids) == 1).values()) > 1


def test_parties_are_offered_beside_parties_of_their_sort() -> None:
    base, _, every = _bank()
    people = {normalise(fact.name) for fact in base.facts if fact.kind == "person"}
    for item in every:
        if item.type == "mcq" and item.role == "parties":
            sorts = {all(normalise(n) in people for n in option.replace(" and ", ", ").split(", "))
                     for option in item.options}
            assert len(sorts) == 1, item.options


def test_which_text_reports_a_plain_report_is_never_a_quiz_question() -> None:
    base = load_factbase(FACTS)
    quiz = planned_quiz(base, Selection(importances=("core",)), ["mcq", "true-false", "matching", "ordering",
                                                                "short-answer"], versions=1, seed=7)
    assert not [q.item.id for q in quiz.versions[0].questions
                if q.item.role == "who-said" and q.item.status == "reported"]


def test_the_key_backs_whose_claim_it_is_with_its_passages() -> None:
    base = load_factbase(FACTS)
    quiz = planned_quiz(base, Selection(importances=("core",)), ["mcq", "true-false", "matching", "ordering",
                                                                "short-answer"], versions=1, seed=7)
    said = [q for q in quiz.versions[0].questions if q.item.role in ("who-said", "which-source")]
    assert said and all(q.key_passages() for q in said)


def test_people_are_offered_of_the_sort_the_stem_names_and_blanks_never_follow_a_possessive() -> None:
    _, _, every = _bank()
    ids = {item.id for item in every}
    assert "qa:who-said:aliyev-iron-fist" in ids
    assert "mcq:who-said:aliyev-iron-fist" not in ids  # "Which president …?": the base's claimants hold no others
    assert not [item.id for item in every if item.type == "cloze" and item.cloze
                and item.cloze[0].rstrip().lower().endswith((" its", " his", " her", " their"))]


def test_two_facts_that_overlap_are_not_asked_the_same_question_twice() -> None:
    from quizgen.phrases import content_words, stem
    _, bank, _ = _bank()
    asked = [(normalise(item.answer), frozenset(stem(w) for w in content_words(item.prompt)))
             for item in bank if item.type not in ("matching", "ordering", "true-false")]
    for i, (answer, words) in enumerate(asked):
        for other, seen in asked[i + 1:]:
            assert not (answer == other and len(words & seen) * 2 >= min(len(words), len(seen))), answer


def test_which_source_offers_only_texts() -> None:
    base, _, every = _bank()
    from quizgen.items.claimants import Claimants
    texts = {name for name, kind in Claimants(base.facts, base.sources).kinds.items() if kind[0] == "text"}
    asked = [item for item in every if item.type == "mcq" and item.role == "which-source"]
    # the shipped base's rival figures are of texts beside a person (no choice among one sort) or within each
    # other's bounds ("80 percent", "over three-quarters": no rivals): where one is asked, it is among texts
    assert all(normalise(option) in texts for item in asked for option in item.options)


def test_a_former_post_is_no_option_for_a_post_held() -> None:
    _, _, every = _bank()
    for item in every:
        if item.type == "mcq" and item.role == "role" and not item.answer.lower().startswith("former "):
            assert not [o for o in item.options if o.lower().startswith("former ")], item.options
