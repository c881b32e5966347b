"""The claimants' index of people finds the person the plain search over every person finds."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.items.claimants import _PeopleByName
from quizgen.phrases import contains_phrase

# few letters, spaces, punctuation, typography and case: names that overlap, repeat and sit inside each other
_TEXT = st.text(alphabet="abAB .,'\u2019\u00a0-(İ1", max_size=12)


def _first_by_trying_each(people: list[Any], claimant: str) -> Any:
    return next((person for person in people if contains_phrase(claimant, person.name)), None)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT, max_size=8), st.text(alphabet="abAB .,'\u2019\u00a0-(İ1", max_size=30))
def test_the_first_person_named_as_a_whole_phrase(names: list[str], claimant: str) -> None:
    people = [SimpleNamespace(name=name, id=str(index)) for index, name in enumerate(names)]
    for name in names:  # a claimant that does name someone, among other words
        text = f"{claimant} {name}, said"
        assert _PeopleByName(cast(Any, people)).first_in(text) is _first_by_trying_each(people, text)
    assert _PeopleByName(cast(Any, people)).first_in(claimant) is _first_by_trying_each(people, claimant)


def test_a_name_inside_a_longer_word_is_not_named() -> None:
    people = [SimpleNamespace(name="Ivan", id="ivan"), SimpleNamespace(name="Ivan Petrov", id="petrov")]
    index = _PeopleByName(cast(Any, people))
    assert index.first_in("Ivanov, a resident") is None
    assert index.first_in("according to Ivan Petrov") is people[0]
