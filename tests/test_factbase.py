"""Loading: every broken fact file in tests/fixtures/broken fails with its exact message."""

from pathlib import Path

import pytest

from quizgen import QuizgenError, load_factbase
from tests.conftest import APOLLO, BROKEN

EXPECTED = {
    "bad-json": "-: -: invalid JSON at line 46 column 7: Expecting ',' delimiter",
    "unknown-kind": "splashdown: kind: unknown kind 'voyage'; valid kinds: event, agreement, place, person, "
                    "organization, figure",
    "missing-citation": "splashdown: citations: at least one citation is required",
    "quote-off-offsets": "eagle-landing: citations[0].quote: quote not at offsets 195:268; the text there reads "
                         "'July 20, 1969, the lunar module Eagle landed in the Sea of …'",
    "wrong-sha256": "-: sources[apollo-notes].sha256: sources/apollo-11-notes.txt has sha256 "
                    "03a26742ae83986e3cd7369df4e26d4d4be59308da900c772ce214e260c03ce2, not the pinned "
                    + "0" * 64 + ": the text changed after its quotes were anchored",
    "duplicate-id": "nasa: id: duplicate id: facts[9] and facts[11] share it",
    "dangling-reference": "eagle-landing: conflicts_with[0]: no fact has the id 'moon-landing-hoax'",
    "impossible-date": "splashdown: when.date: '1969-02-30' is an impossible date: February 1969 has 28 days",
    "unknown-key": "nasa: founded: unknown key (not part of the fact format; see facts.schema.json)",
    "wrong-type": "television-audience: value: Input should be a valid number (got a string)",
    "missing-according-to": "television-audience: according_to: required for a reported fact: say who makes the claim",
    "sic-not-in-quote": "splashdown: citations[0].sic: 'Romania' is not in the quote",
    "offsets-outside-text": "splashdown: citations[0].quote: offsets 5000:5010 run past the end of the text "
                            "(978 characters)",
    "bom": "-: -: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM",
    "not-utf8": "-: -: not valid UTF-8 at line 291 (byte 8095)",
    "empty": "-: -: file is empty; a fact base is a JSON object with sources and facts",
    "missing-source-file": "-: sources[apollo-notes].file: source file not found: "
                           + str(BROKEN / "sources" / "apollo-12-notes.txt"),
}


def test_every_broken_file_is_covered() -> None:
    assert {path.stem for path in BROKEN.glob("*.json")} == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_file_fails_with_its_exact_message(case: str) -> None:
    path = BROKEN / f"{case}.json"
    with pytest.raises(QuizgenError) as raised:
        load_factbase(path)
    assert [problem.line() for problem in raised.value.problems] == [f"{path}: {EXPECTED[case]}"]


def test_the_other_subject_loads_cleanly() -> None:
    factbase = load_factbase(APOLLO)
    assert len(factbase) == 11
    assert {fact.kind for fact in factbase} == {"event", "agreement", "place", "person", "organization", "figure"}


def test_shipped_fact_base_loads_with_every_kind(factbase) -> None:  # type: ignore[no-untyped-def]
    assert {fact.kind for fact in factbase} == {"event", "agreement", "place", "person", "organization", "figure"}
    assert {c.source for fact in factbase for c in fact.citations} == set(factbase.sources)


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "file is empty; a fact base is a JSON object with sources and facts"),
    (b"\xef\xbb\xbf{}", "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"),
    (b'{"facts": "\xff"}', "not valid UTF-8 at line 1 (byte 11)"),
    (b"[]", "top level must be a JSON object, not an array"),
])
def test_unreadable_files_get_one_clear_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "facts.json"
    path.write_bytes(content)
    with pytest.raises(QuizgenError) as raised:
        load_factbase(path)
    assert [p.line() for p in raised.value.problems] == [f"{path}: -: -: {reason}"]


def test_missing_fact_base(tmp_path: Path) -> None:
    with pytest.raises(QuizgenError, match="fact base not found"):
        load_factbase(tmp_path / "nowhere.json")


def test_a_repeated_key_is_found_at_any_depth_by_the_scan_that_keeps_nothing() -> None:
    from quizgen.factbase import has_repeated_key

    assert not has_repeated_key('{"a": [{"b": 1, "c": {"b": 2}}], "b": {}}')
    assert has_repeated_key('{"a": [{"b": 1, "c": {"d": 2, "d": 3}}]}')
    assert has_repeated_key('{"a": 1, "a": 1}')
