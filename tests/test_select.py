import pytest

from quizgen import QuizgenError, Selection, select_facts
from quizgen.select import tag_matches


def ids(facts) -> set[str]:  # type: ignore[no-untyped-def]
    return {fact.id for fact in facts}


def test_no_filter_selects_everything(apollo) -> None:  # type: ignore[no-untyped-def]
    assert len(select_facts(apollo)) == len(apollo)


def test_kind_filters_are_alternatives(apollo) -> None:  # type: ignore[no-untyped-def]
    chosen = select_facts(apollo, Selection.of(kinds=["agreement", "figure"]))
    assert ids(chosen) == {"outer-space-treaty", "television-audience"}


def test_filters_of_different_names_must_all_hold(apollo) -> None:  # type: ignore[no-untyped-def]
    chosen = select_facts(apollo, Selection.of(kinds=["event"], tags=["mission::landing"]))
    assert ids(chosen) == {"eagle-landing"}


def test_tag_selects_its_subtree() -> None:
    assert tag_matches("period::2020-war", "period")
    assert tag_matches("period::2020-war", "period::2020-war")
    assert not tag_matches("period::2020-warfare", "period::2020-war")


def test_date_range_keeps_dated_facts_that_overlap(apollo) -> None:  # type: ignore[no-untyped-def]
    chosen = select_facts(apollo, Selection.of(since="1969-07-17", until="1969-07-21"))
    assert ids(chosen) == {"eagle-landing", "television-audience"}
    assert ids(select_facts(apollo, Selection.of(until="1968"))) == {"outer-space-treaty"}


@pytest.mark.parametrize(("selection", "message"), [
    (Selection.of(kinds=["battle"]), "--kind: unknown value 'battle'; valid values: event, agreement, place, person, "
                                     "organization, figure"),
    (Selection.of(sources=["wiki"]), "--source: unknown value 'wiki'; valid values: apollo-notes"),
    (Selection.of(ids=["apollo-12"]), "--id: no fact has the id 'apollo-12'"),
    (Selection.of(since="1969-02-30"), "--since: '1969-02-30' is an impossible date: February 1969 has 28 days"),
    (Selection.of(since="1970", until="1969"), "--until: 1969 is before --since 1970"),
    (Selection.of(kinds=["agreement"], since="1969"), "filters: no fact matches the filters "
                                                      "(kind=agreement since=1969)"),
])
def test_bad_filters_name_the_valid_values(apollo, selection: Selection, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QuizgenError) as raised:
        select_facts(apollo, selection)
    (problem,) = raised.value.problems
    assert problem.line().endswith(message)


def test_unknown_tag_lists_valid_tags_including_parents(apollo) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QuizgenError) as raised:
        select_facts(apollo, Selection.of(tags=["misson"]))
    assert "valid values: agencies, crew, law, mission, mission::landing" in raised.value.problems[0].reason
