"""``quizgen lint``: each defect of the item rubric is an error with its code, shown on a fixture of bad items."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen import FactBase, Item, items_for, lint_factbase, load_factbase
from quizgen.items import build_items
from quizgen.lint import LINT_CODES, ItemLinter, gives_away_findings
from tests.conftest import APOLLO, FACTS

APOLLO_BASE = load_factbase(APOLLO)
ITEMS = {item.id: item for item in items_for(APOLLO_BASE, seed=0, every_form=True)}


def _item(item_id: str, **changes: object) -> Item:
    return replace(ITEMS[item_id], **changes)  # type: ignore[arg-type]


def _codes(items: list[Item], base: FactBase = APOLLO_BASE) -> set[str]:
    return {finding.code for finding in ItemLinter(base).check(items) if finding.severity == "error"}


DATE = "qa:date:apollo-11-launch"
VALUE = "mcq:value:television-audience"
WHO = "qa:role:neil-armstrong"

DEFECTS: dict[str, list[Item]] = {
    "label-stem": [_item(DATE, prompt="When did this take place: Launch of Apollo 11?")],
    "source-label": [_item(DATE, prompt="When did the Launch of Apollo 11 (NASA account) happen?")],
    "double-attribution": [_item(DATE, prompt="According to NASA, when did the launch happen, according to NASA?"),
                           _item(VALUE, prompt="According to NASA, which number fills the blank in “NASA says ___ "
                                               "people watched”?")],
    "date-appended": [_item(WHO, prompt="Who was Neil Armstrong (July 1969)?")],
    "broken-grammar": [_item(DATE, prompt="When did this talks take place?"),
                       _item(DATE, prompt="Tell me when Apollo 11 was launched")],
    "numeric-distractor": [_item(VALUE, options=("650 million", "1 people", "65 million", "6,500 million"),
                                 correct_option=0)],
    "unlike-options": [_item("qa:acronym:NASA:nasa", type="mcq", correct_option=0,
                             options=("National Aeronautics and Space Administration", "NASA", "Saturn V",
                                      "Outer Space Treaty"))],
    "implausible-false": [_item("true-false:apollo-11-launch", answer="False", correct_option=1,
                                prompt="Apollo 11 was launched on a Saturn V rocket from Kennedy Space Center on "
                                       "16 July 1869.",
                                correction="Apollo 11 was launched on a Saturn V rocket from Kennedy Space Center "
                                           "on 16 July 1969.")],
    "trivial-cloze": [_item("cloze:apollo-11-launch", cloze=("Apollo 11 was launched on ", "a",
                                                             " Saturn V rocket."))],
    "same-prompt-twice": [_item(DATE, id="mcq:date:apollo-11-launch", type="mcq"),
                          _item(DATE, id="short-answer:date:apollo-11-launch", type="short-answer")],
    "answer-in-prompt": [_item(WHO, prompt="Was Neil Armstrong the mission commander or the pilot?")],
}


def test_every_code_is_declared_once() -> None:
    assert len(set(LINT_CODES)) == len(LINT_CODES)
    assert set(DEFECTS) <= set(LINT_CODES)


def test_the_engine_makes_none_of_these_defects_on_apollo() -> None:
    assert _codes(list(ITEMS.values())) == set()


@pytest.mark.parametrize("code", sorted(DEFECTS))
def test_each_defect_is_an_error_with_its_code(code: str) -> None:
    assert code in _codes(DEFECTS[code])


def test_a_date_question_answered_by_the_publication_day() -> None:
    """A claim dated only by the day its text appeared is no date to learn; an event reported that day is."""
    published_on_launch = replace(APOLLO_BASE.document, sources=[
        replace(source, published="1969-07-16") for source in APOLLO_BASE.document.sources])
    launch = APOLLO_BASE.by_id["apollo-11-launch"]
    claimed = replace(launch, status="claimed", according_to="a NASA press officer")
    as_claim = replace(published_on_launch, facts=[claimed if f is launch else f for f in published_on_launch.facts])
    base = FactBase(APOLLO_BASE.path, as_claim, APOLLO_BASE.texts)
    assert "published-day" in _codes([ITEMS[DATE]], base)
    # and the engine does not ask it
    assert not any(item.role == "date" and item.fact_ids == ("apollo-11-launch",)
                   for item in items_for(base, every_form=True))
    # the same launch as an event the text reports on its day keeps its date question
    reported_that_day = FactBase(APOLLO_BASE.path, published_on_launch, APOLLO_BASE.texts)
    assert "published-day" not in _codes([ITEMS[DATE]], reported_that_day)


def test_a_photo_caption_taught_as_an_event() -> None:
    linter = ItemLinter(APOLLO_BASE)
    linter.captions = {"apollo-11-launch"}
    assert "caption-as-event" in {f.code for f in linter.check([ITEMS[DATE]])}


def test_a_prompt_that_gives_another_facts_answer_away() -> None:
    result = build_items(APOLLO_BASE, seed=0)
    leaking = _item("qa:date:splashdown", prompt="Neil Armstrong, the mission commander, returned to Earth. When?")
    findings = gives_away_findings(ItemLinter(APOLLO_BASE), [leaking], result.questions)
    assert {f.code for f in findings} == {"gives-away"} and "neil-armstrong" in findings[0].line()


def test_a_core_fact_with_no_item_and_thin_coverage(apollo_copy: Path) -> None:
    data = json.loads(apollo_copy.read_text(encoding="utf-8"))
    splashdown = next(f for f in data["facts"] if f["id"] == "splashdown")
    data["facts"].append({**splashdown, "id": "moon-rocks-studied", "name": "Study of the Moon rocks",
                          "statement": "Scientists studied the rocks afterwards.",
                          "when": {"date": "1969", "qualifier": "after"}})
    apollo_copy.write_text(json.dumps(data), encoding="utf-8")
    findings = lint_factbase(load_factbase(apollo_copy))
    missing = [f for f in findings if f.code == "no-item"]
    assert [f.problem.fact_id for f in missing] == ["moon-rocks-studied"] and missing[0].severity == "error"
    assert "add an authored question" in missing[0].line()
    assert any(f.code == "coverage" for f in findings)  # 1 of 12 facts is more than 5%


def test_the_shipped_base_has_no_lint_errors_and_covers_its_core() -> None:
    base = load_factbase(FACTS)
    findings = lint_factbase(base)
    assert [f.line() for f in findings if f.severity == "error"] == []
    covered = {fact_id for item in items_for(base, every_form=True) for fact_id in item.fact_ids}
    assert all(fact.id in covered for fact in base.facts if fact.importance == "core")
    assert len([fact for fact in base.facts if fact.id not in covered]) <= 0.05 * len(base.facts)
