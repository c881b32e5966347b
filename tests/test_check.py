import json
from pathlib import Path

import pytest

from quizgen import QuizgenError, check_factbase
from quizgen.check import fix_offsets
from tests.conftest import APOLLO, BROKEN, FACTS


def test_shipped_fact_base_is_clean() -> None:
    report = check_factbase(FACTS)
    assert report.ok, [p.line() for p in report.errors]
    assert not report.warnings, [p.line() for p in report.warnings]


def test_report_counts_kinds_sources_and_statuses() -> None:
    report = check_factbase(APOLLO)
    assert report.ok
    assert report.by_kind == {"event": 3, "agreement": 1, "place": 2, "person": 3, "organization": 1, "figure": 1}
    assert report.by_source == {"apollo-notes": 11}
    assert report.by_status == {"established": 10, "reported": 1}


def test_contested_conflicts_and_slips_are_reported() -> None:
    report = check_factbase(FACTS)
    assert report.contested and all(f.according_to for f in report.contested)
    assert report.conflicts and all(a < b for a, b in report.conflicts)
    assert report.slips


def test_check_gathers_every_problem_instead_of_stopping_at_the_first(tmp_path: Path, apollo_copy: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"][0]["conflicts_with"] = ["nothing-here"]
    doc["facts"][1]["citations"][0]["start"] += 1
    doc["facts"][1]["citations"][0]["end"] += 1
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    report = check_factbase(apollo_copy)
    # the conflict also breaks the status rule: an established fact cannot record one
    assert sorted(p.field for p in report.errors) == ["citations[0].quote", "conflicts_with[0]", "status"]


def test_an_established_fact_cannot_record_a_conflict(apollo_copy: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"][0]["conflicts_with"], doc["facts"][1]["conflicts_with"] = [doc["facts"][1]["id"]], []
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    assert [p.line() for p in check_factbase(apollo_copy).errors] == [
        f"{apollo_copy}: apollo-11-launch: status: an established fact cannot record a conflict (with eagle-landing): "
        "attribute each version (reported, claimed or disputed, with according_to), splitting off what no text "
        "contests as a fact of its own"]
    doc["facts"][0].update(status="disputed", according_to="a sceptic")
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    assert check_factbase(apollo_copy).errors == []


def test_broken_file_gives_errors_not_exceptions() -> None:
    report = check_factbase(BROKEN / "bad-json.json")
    assert not report.ok and report.facts == []


def _shift_offsets(path: Path, fact_index: int, delta: int) -> dict:  # type: ignore[type-arg]
    doc = json.loads(path.read_text(encoding="utf-8"))
    citation = doc["facts"][fact_index]["citations"][0]
    citation["start"] += delta
    citation["end"] += delta
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return citation


def test_fix_offsets_reanchors_a_unique_quote(apollo_copy: Path) -> None:
    before = json.loads(apollo_copy.read_text(encoding="utf-8"))
    _shift_offsets(apollo_copy, 1, 7)
    result = fix_offsets(apollo_copy)
    assert [(f.fact_id, f.citation) for f in result.fixed] == [("eagle-landing", 0)]
    assert not result.unfixable
    assert json.loads(apollo_copy.read_text(encoding="utf-8")) == before
    assert check_factbase(apollo_copy).ok


def test_fix_offsets_leaves_an_ambiguous_quote_alone(apollo_copy: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    # "1969" occurs several times: nothing says which one was meant
    doc["facts"][0]["citations"] = [{"source": "apollo-notes", "start": 0, "end": 4, "quote": "1969"}]
    apollo_copy.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    unchanged = apollo_copy.read_bytes()
    result = fix_offsets(apollo_copy)
    assert not result.fixed
    assert [p.reason for p in result.unfixable] == [
        "quote occurs 3 times in the source; add a prefix or suffix to say which"]
    assert apollo_copy.read_bytes() == unchanged


def test_fix_offsets_uses_prefix_to_disambiguate(apollo_copy: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"][0]["citations"] = [
        {"source": "apollo-notes", "start": 0, "end": 4, "quote": "1969", "prefix": "on July 20, "}]
    apollo_copy.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    result = fix_offsets(apollo_copy)
    (fix,) = result.fixed
    text = (apollo_copy.parent / "sources" / "apollo-11-notes.txt").read_text(encoding="utf-8")
    assert text[fix.new[0] - len("on July 20, "):fix.new[1]] == "on July 20, 1969"


def test_fix_offsets_refuses_a_fact_base_whose_sources_changed() -> None:
    with pytest.raises(QuizgenError, match="sha256"):
        fix_offsets(BROKEN / "wrong-sha256.json")
