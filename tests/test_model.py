import json

import pytest
from pydantic import ValidationError

from quizgen.model import SCHEMA_FILENAME, EventFact, FactBaseDocument, FigureFact, json_schema
from tests.conftest import FACTS, ROOT, parse_as

EVENT = {
    "id": "an-event", "kind": "event", "name": "An event", "statement": "Something happened.",
    "when": {"date": "2020-01"}, "status": "established",
    "importance": "core", "vetting": {"reviewed_on": "2024-01-01"},
    "citations": [{"source": "s", "start": 0, "end": 4, "quote": "Some"}],
}


def test_committed_schema_is_generated_from_the_model() -> None:
    committed = json.loads((ROOT / SCHEMA_FILENAME).read_text(encoding="utf-8"))
    assert committed == json_schema(), "facts.schema.json is stale: run `quizgen schema --out facts.schema.json`"


def test_fact_base_names_its_schema() -> None:
    assert json.loads(FACTS.read_text(encoding="utf-8"))["$schema"] == f"./{SCHEMA_FILENAME}"


def test_unknown_keys_are_forbidden() -> None:
    with pytest.raises(ValidationError, match="Unexpected keyword argument"):
        parse_as(EventFact, {**EVENT, "colour": "red"})


def test_strict_types_refuse_coercion() -> None:
    with pytest.raises(ValidationError):
        parse_as(EventFact, {**EVENT, "citations": [{**EVENT["citations"][0], "start": "0"}]})


def test_unestablished_facts_must_say_who_claims_them() -> None:
    with pytest.raises(ValidationError, match="say who makes the claim"):
        parse_as(EventFact, {**EVENT, "status": "claimed"})
    assert parse_as(EventFact, {**EVENT, "status": "claimed", "according_to": "a party"}).according_to


def test_dates_keep_their_precision_and_qualifier() -> None:
    fact = parse_as(EventFact, {**EVENT, "when": {"date": "2023-10", "qualifier": "early"}})
    assert fact.when.human() == "early October 2023"


def test_ranges_must_not_end_before_they_start() -> None:
    with pytest.raises(ValidationError, match="ends"):
        parse_as(EventFact, {**EVENT, "when": {"date": "2020-11", "end": "2020-09"}})


def test_figures_need_a_value_or_a_range() -> None:
    figure = {**EVENT, "kind": "figure", "unit": "people", "as_of": {"date": "2023"}}
    del figure["when"]
    with pytest.raises(ValidationError, match="either value"):
        parse_as(FigureFact, figure)
    with pytest.raises(ValidationError, match="greater than high"):
        parse_as(FigureFact, {**figure, "low": 300, "high": 100})
    assert parse_as(FigureFact, {**figure, "low": 100, "high": 300}).high == 300


def test_kind_discriminates_the_fact_type() -> None:
    doc = parse_as(FactBaseDocument, {
        "sources": [{"id": "s", "title": "t", "publisher": "p", "note": "n", "file": "f", "sha256": "0" * 64}],
        "facts": [EVENT],
    })
    assert isinstance(doc.facts[0], EventFact)


def test_a_whole_century_reads_as_a_century() -> None:
    fact = parse_as(EventFact, {**EVENT, "when": {"date": "0301", "end": "0400"}})
    assert fact.when.human() == "4th century"
    assert parse_as(EventFact, {**EVENT, "when": {"date": "1101", "end": "1200"}}).when.human() == "12th century"
    assert parse_as(EventFact, {**EVENT, "when": {"date": "2020", "end": "2021"}}).when.human() == "2020 – 2021"
