"""The question engine's rules, on the shipped fact base and on a fact base of another subject."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.dates import parse_partial_date
from quizgen.dates_in_text import date_in_text
from quizgen.factbase import FactBase, load_factbase
from quizgen.items import ITEM_TYPES, Item, items_for
from quizgen.items.roles import COMPARING_ROLES
from quizgen.model import FigureFact, PersonFact, PlaceFact
from quizgen.numbers_in_text import numbers_in
from quizgen.phrases import contains_phrase, normalise, words_appear_in
from tests.conftest import APOLLO, FACTS, ROOT

BASES = {"shipped": load_factbase(FACTS), "apollo": load_factbase(APOLLO)}
SEEDS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
YES_NO_OPENINGS = ("is ", "are ", "was ", "were ", "did ", "does ", "do ", "can ", "has ", "have ", "will ")
DATE_FORMS = [re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$"), re.compile(r"^[A-Z][a-z]+ \d{4}$"), re.compile(r"^\d{4}$")]


def all_items(base: FactBase, seed: int) -> list[Item]:
    return items_for(base, seed=seed, every_form=True)


def true_names(base: FactBase, item: Item) -> set[str]:
    """Every text that would be a correct answer to this item's prompt."""
    fact = base.by_id[item.fact_ids[0]]
    names = {normalise(item.answer), *(normalise(a) for a in item.alternatives)}
    for other in base.facts:
        if isinstance(other, PlaceFact):
            place_names = {normalise(other.name), *(normalise(a.name) for a in other.aliases)}
            if normalise(item.answer) in place_names:
                names |= place_names
    if isinstance(fact, PersonFact):
        names |= {normalise(p.name) for p in base.facts if isinstance(p, PersonFact)
                  and normalise(p.role) == normalise(fact.role)}
    return names


def conflicting_values(base: FactBase, item: Item) -> set[str]:
    fact = base.by_id[item.fact_ids[0]]
    related = [base.by_id[i] for i in fact.conflicts_with]
    related += [f for f in base.facts if fact.id in f.conflicts_with]
    values = set()
    for other in related:
        if other.date is not None:
            values.add(normalise(other.date.start.human()))
        if isinstance(other, FigureFact) and other.value is not None:
            values.add(f"{other.value:g}")
    return values


@pytest.mark.parametrize("name", BASES)
@SEEDS
@given(seed=st.integers(0, 10_000))
def test_multiple_choice_has_exactly_one_correct_option(name: str, seed: int) -> None:
    base = BASES[name]
    for item in (i for i in all_items(base, seed) if i.type == "mcq"):
        # comparing two events, or a figure's rival sources, offers as many options as there are rivals
        assert len(item.options) == 4 or (item.role in COMPARING_ROLES and len(item.options) >= 2)
        assert item.correct_option is not None
        assert item.options[item.correct_option] == item.answer
        assert len({normalise(o) for o in item.options}) == len(item.options), item.options
        correct = true_names(base, item)
        wrong = [o for i, o in enumerate(item.options) if i != item.correct_option]
        assert not {normalise(o) for o in wrong} & correct, (item.id, item.options)
        assert not {normalise(o) for o in wrong} & conflicting_values(base, item), (item.id, item.options)
        assert not any("of the above" in normalise(o) for o in item.options)


@pytest.mark.parametrize("name", BASES)
@SEEDS
@given(seed=st.integers(0, 10_000))
def test_distractors_share_the_answers_kind_and_granularity(name: str, seed: int) -> None:
    for item in (i for i in all_items(BASES[name], seed) if i.type == "mcq"):
        if item.role == "date":
            form = next(p for p in DATE_FORMS if p.match(item.answer))
            assert all(form.match(option) for option in item.options), item.options
            days = [parse_partial_date(_iso(option)).first_day() for option in item.options]
            assert days == sorted(days), "date options are shown in chronological order"
        if item.role in ("value", "duration") and item.answer[:1].isdigit():
            # the stem keeps the unit ("___ percent"): options are numbers of the answer's magnitude
            values = [_number(option) for option in item.options]
            answer = _number(item.answer)
            assert all(answer / 3 <= v <= answer * 3 for v in values), item.options
            if "percent" in item.prompt:
                assert all(0 < v <= 100 for v in values), item.options


def _number(text: str) -> float:
    scale = {"million": 1e6, "billion": 1e9}
    number, _, word = text.partition(" ")
    return float(number.replace(",", "")) * scale.get(word, 1)


def _iso(human: str) -> str:
    from quizgen.dates import MONTH_NAMES

    parts = human.split()
    if len(parts) == 3:
        return f"{parts[2]}-{MONTH_NAMES.index(parts[1]) + 1:02d}-{int(parts[0]):02d}"
    if len(parts) == 2:
        return f"{parts[1]}-{MONTH_NAMES.index(parts[0]) + 1:02d}"
    return parts[0]


@pytest.mark.parametrize("name", BASES)
def test_correct_position_is_balanced_over_a_quiz(name: str) -> None:
    mcqs = [i for i in all_items(BASES[name], 7) if i.type == "mcq"]
    counts = Counter(i.correct_option for i in mcqs)
    assert max(counts.values()) - min(counts.get(p, 0) for p in range(4)) <= max(2, len(mcqs) // 4), counts


@pytest.mark.parametrize("name", BASES)
@SEEDS
@given(seed=st.integers(0, 10_000))
def test_false_statements_are_truly_false(name: str, seed: int) -> None:
    base = BASES[name]
    items = [i for i in all_items(base, seed) if i.type == "true-false"]
    assert items
    for item in items:
        fact = base.by_id[item.fact_ids[0]]
        if item.answer == "True":
            assert normalise(item.prompt).endswith(normalise(fact.statement))
            continue
        assert item.correction and normalise(item.prompt) != normalise(item.correction)
        swapped = set(normalise(item.prompt).split()) - set(normalise(item.correction).split())
        assert swapped, item.prompt
        aliases = {normalise(a.name) for a in getattr(fact, "aliases", [])}
        assert not any(word in alias.split() for word in swapped for alias in aliases)


@pytest.mark.parametrize("name", BASES)
def test_claims_are_taught_as_claims(name: str) -> None:
    base = BASES[name]
    for item in all_items(base, 0):
        if item.type in ("matching", "ordering"):
            assert all(base.by_id[i].status == "established" for i in item.fact_ids)
            continue
        fact = base.by_id[item.fact_ids[0]]
        if item.role in ("who-said", "which-source"):
            continue  # these ask whose claim it is
        if fact.status in ("claimed", "disputed"):
            speaker = normalise((fact.according_to or "").split(",")[0].removeprefix("the "))
            assert "according to" in normalise(item.prompt) or speaker in normalise(item.prompt), item.prompt


@pytest.mark.parametrize("name", BASES)
def test_answers_can_be_read_in_their_passages(name: str) -> None:
    base = BASES[name]
    for item in all_items(base, 0):
        if item.type not in ("qa", "mcq", "short-answer") or item.role in ("on-date", *COMPARING_ROLES):
            continue
        text = " ".join(p.quote for p in item.passages)
        fact = base.by_id[item.fact_ids[0]]
        if item.role == "date":
            when = fact.date
            assert when is not None and item.answer == when.human()
            relative = fact.vetting.relative_date is not None
            ends = [when.start] if when.finish is None else [when.start, when.finish]
            in_text = all(date_in_text(d, text, context_year=d.year) for d in ends)
            # "the 4th century" stands in the text as the words the answer uses
            assert in_text or relative or words_appear_in(item.answer, text), (item.id, text)
        elif item.role == "who-said":
            claimant = fact.according_to or ""
            assert item.answer == claimant or claimant.startswith(item.answer + ","), (item.id, item.answer)
        elif item.role == "duration" and not isinstance(fact, FigureFact):
            # stated ("nine months"), or both ends of the range stand in the passages
            when = fact.date
            assert when is not None and when.finish is not None
            ends = date_in_text(when.start, text) and date_in_text(when.finish, text)
            assert numbers_in(item.answer) & numbers_in(text) or ends, (item.id, text)
        elif item.role in ("value", "duration"):
            assert isinstance(fact, FigureFact)
            if fact.wording:  # a vague figure is taught in the text's own words
                assert item.answer == fact.wording and words_appear_in(fact.wording, text), (item.id, text)
            else:
                given = [fact.value] if fact.value is not None else [fact.low, fact.high]
                assert all(v in numbers_in(text) for v in given), (item.id, text)
        elif item.role.startswith(("place", "located-in", "side-name")):
            # a place by any of its names ("Tavush" for Tavush province); each side's name stands in the text
            names = [n.strip() for n in re.split(r";| and |, ", re.sub(r" \([^)]*\)|, used by [^;]*", "", item.answer))]
            assert all(words_appear_in(n, text) or words_appear_in(n.rsplit(" ", 1)[0], text) for n in names), (
                item.id, item.answer, text)
        else:
            assert words_appear_in(item.answer, text), (item.id, item.answer, text)


@pytest.mark.parametrize("name", BASES)
def test_prompts_are_well_formed(name: str) -> None:
    items = all_items(BASES[name], 0)
    seen: set[tuple[str, str]] = set()
    for item in items:
        prompt = normalise(item.prompt)
        if item.type not in ("true-false", "cloze", "matching", "ordering") and item.role != "which-first":
            assert not contains_phrase(prompt, item.answer), item.prompt
            assert not prompt.startswith(YES_NO_OPENINGS), item.prompt
        # matching and ordering prompts are shared instructions; their pairs are the question
        key = (item.type, prompt if item.type not in ("matching", "ordering") and item.role != "which-first"
               else item.id)
        assert key not in seen, f"two {item.type} items ask {item.prompt!r}"
        seen.add(key)
        assert item.fact_ids and item.passages, item.id


@pytest.mark.parametrize("name", BASES)
def test_every_item_type_is_made(name: str) -> None:
    assert {item.type for item in all_items(BASES[name], 0)} == set(ITEM_TYPES)


def test_matching_and_ordering_shapes() -> None:
    for base in BASES.values():
        for item in all_items(base, 1):
            if item.type == "matching":
                assert 4 <= len(item.pairs) <= 6
                rights = [normalise(r) for _, r in item.pairs] + [normalise(e) for e in item.extra_options]
                assert len(set(rights)) == len(rights)
            if item.type == "ordering":
                assert 4 <= len(item.pairs) <= 5
                dates = [base.by_id[i].date for i in item.fact_ids]
                assert len({d.start for d in dates if d}) == len(dates)
                assert sorted(item.options) == sorted(name for name, _ in item.pairs)


@pytest.mark.parametrize("name", BASES)
def test_same_seed_same_items(name: str) -> None:
    assert all_items(BASES[name], 11) == all_items(BASES[name], 11)


def test_item_ids_come_from_facts_and_type_not_wording() -> None:
    base = BASES["apollo"]
    before = {i.id for i in all_items(base, 0)}
    edited_facts = [replace(f, statement=f.statement.replace("Apollo 11", "The Apollo 11 mission"))
                    for f in base.facts]
    edited = FactBase(base.path, replace(base.document, facts=edited_facts), base.texts)
    after = {i.id for i in all_items(edited, 0)}
    assert after == before


def test_types_select_what_is_made() -> None:
    items = items_for(BASES["apollo"], types=["mcq"], seed=3, every_form=True)
    assert items and {i.type for i in items} == {"mcq"}
    # a bad value is the library's own error, naming the option, never a bare ValueError
    with pytest.raises(quizgen.InvalidOption, match="--types: unknown value 'essay'"):
        quizgen.items_for(BASES["apollo"], types=["essay"], every_form=True)  # type: ignore[list-item]


def test_engine_knows_nothing_of_anki_or_pdf() -> None:
    code = "import sys, quizgen.items; print(sorted(m for m in sys.modules if m.split('.')[0] in " \
           "('genanki', 'reportlab', 'anki')))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          check=True).stdout.strip() == "[]"


@pytest.mark.parametrize("name", BASES)
def test_matching_dates_never_overlap(name: str) -> None:
    """No prompt may have two true matches: 'September 2023' beside '24 September 2023' would."""
    base = BASES[name]
    for seed in range(5):
        for item in (i for i in all_items(base, seed) if i.type == "matching" and i.role == "dates"):
            spans = [parse_partial_date(_iso(right)) for _, right in item.pairs]
            spans += [parse_partial_date(_iso(extra)) for extra in item.extra_options]
            for i, a in enumerate(spans):
                for b in spans[i + 1:]:
                    assert a.last_day() < b.first_day() or b.last_day() < a.first_day(), (item.id, a, b)
