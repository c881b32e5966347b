"""What a cloze blanks and a true-or-false swaps, on any fact base: a term that teaches, never a giveaway.

The rules hold on the shipped base and on the Apollo fixture, which shares no word of its topic.
"""

from __future__ import annotations

import re

import pytest

from quizgen.claims import attribute, speaker_names
from quizgen.factbase import FactBase, load_factbase
from quizgen.items import build_items
from quizgen.items.captions import CAPTION_ROLES
from quizgen.items.engine import ItemEngine
from quizgen.items.questions import figure_surface
from quizgen.lint import ItemLinter
from quizgen.model import EventFact, FigureFact
from tests.conftest import APOLLO, FACTS, parse_as

BASES = {"shipped": load_factbase(FACTS), "apollo": load_factbase(APOLLO)}
SEEDS = (0, 11)


@pytest.mark.parametrize("name", BASES)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_cloze_never_blanks_the_attribution_a_parenthesis_or_a_common_name(name: str, seed: int) -> None:
    base = BASES[name]
    engine = ItemEngine(base, seed)
    clozes = [item for item in engine.build(base.facts, ["cloze"]).items]
    assert clozes, "the engine still makes clozes"
    for item in clozes:
        assert item.cloze is not None
        before, blank, after = item.cloze
        assert not re.search(r"according to[^,]*$", before, re.IGNORECASE), item.id  # inside "According to X,"
        fact = base.by_id[item.fact_ids[0]]
        if fact.according_to:
            assert not any(blank.lower() in n.lower() for n in speaker_names(fact.according_to)), item.id
        assert not after.lstrip().startswith("(") and not before.rstrip().endswith("("), item.id
        assert blank not in engine.common_terms, item.id


def test_common_names_are_the_ones_in_more_than_eight_percent_of_statements() -> None:
    base = BASES["shipped"]
    engine = ItemEngine(base)
    share = {fact.name: sum(fact.name in other.statement for other in base.facts) / len(base.facts)
             for fact in base.facts if fact.kind in ("place", "person", "organization")}
    for fact_name, part in share.items():
        if part > 0.12:
            assert fact_name in engine.common_terms, fact_name
        if 0 < part < 0.04:
            assert fact_name not in engine.common_terms, fact_name


@pytest.mark.parametrize("name", BASES)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_false_statement_keeps_longer_names_whole_and_a_figure_its_unit(name: str, seed: int) -> None:
    base = BASES[name]
    common = ItemEngine(base, seed).common_terms
    for item in build_items(base, base.facts, ["true-false"], seed).items:
        if item.answer != "False":
            continue
        assert item.correction is not None
        true, false = item.correction, item.prompt
        # the part that differs: it never runs into a capitalised word that continues a name
        head = len(_common_prefix(true, false))
        tail = len(_common_prefix(true[::-1], false[::-1]))
        while head and true[head - 1].isalnum():
            head -= 1
        while tail and true[len(true) - tail].isalnum():
            tail -= 1
        assert true[head:len(true) - tail].strip() not in common, item.id  # never "Armenia" for "Azerbaijan"
        following = false[len(false) - tail:]
        assert not re.match(r"\s+[A-Z]", following) or re.match(r"\s+(?:[A-Z]\w*\s+)?\d", following), item.id
        fact = base.by_id[item.fact_ids[0]]
        swapped = false[head:len(false) - tail]
        if isinstance(fact, FigureFact) and re.search(r"\d", swapped):  # the figure swapped, not a name
            assert not re.search(r"\d\.0\b", swapped), item.id
            assert fact.unit.split()[0] in false, item.id


def _common_prefix(a: str, b: str) -> str:
    at = 0
    while at < min(len(a), len(b)) and a[at] == b[at]:
        at += 1
    return a[:at]


def test_a_figures_substitute_keeps_its_words_and_unit() -> None:
    fact = parse_as(FigureFact, {
        "id": "share", "kind": "figure", "name": "Share", "statement": "More than 80 percent had left.",
        "value": 80, "unit": "percent", "approximation": "more-than", "as_of": {"date": "2023"},
        "status": "established", "importance": "core",
        "citations": [{"source": "s", "start": 0, "end": 1, "quote": "M"}], "vetting": {"reviewed_on": "2024-01-01"}})
    ((form, render),) = figure_surface(fact, "more than 80 percent")
    assert form == "more than 80 percent" and render(60.0) == "more than 60 percent"
    ((_, bare),) = figure_surface(fact, "four-fifths")
    assert bare(60.0).endswith("60 percent")


@pytest.mark.parametrize("name", BASES)
def test_a_photo_caption_yields_only_identification(name: str) -> None:
    base = BASES[name]
    engine = ItemEngine(base)
    made = engine.build(base.facts, ["qa", "cloze", "mcq", "true-false", "matching", "ordering", "short-answer"])
    for item in made.items:
        if any(fact_id in engine.context.captions for fact_id in item.fact_ids):
            assert item.type not in ("cloze", "true-false", "matching", "ordering"), item.id
            assert item.role.split(":")[0] in CAPTION_ROLES, item.id


def test_lint_calls_a_caption_cloze_or_true_false_an_event(apollo: FactBase) -> None:
    made = build_items(apollo, apollo.facts, ["cloze", "true-false"], 0).items
    linter = ItemLinter(apollo)
    for item in made[:6]:
        linter.captions = {item.fact_ids[0]}
        assert "caption-as-event" in {f.code for f in linter.check([item])}, item.id


def _claim(according_to: str) -> EventFact:
    return parse_as(EventFact, {
        "id": "x", "kind": "event", "name": "X", "statement": "S.", "when": {"date": "2023"}, "status": "reported",
        "according_to": according_to, "importance": "core",
        "citations": [{"source": "s", "start": 0, "end": 1, "quote": "S"}], "vetting": {"reviewed_on": "2024-01-01"}})


@pytest.mark.parametrize(("according_to", "text"), [
    ("the separatist authorities of Ruritania", "After the war, separatist authorities announced a dissolution."),
    ("the government of Ruritania", "On 1 May Ruritania's government approved a budget."),
    ("Grand Fenwick's live blog", "Grand Fenwick reported that the talks began."),
])
def test_a_claimant_the_statement_already_names_is_not_named_again(according_to: str, text: str) -> None:
    assert attribute(text, _claim(according_to)) == text


def test_a_bare_office_is_no_claimant_named() -> None:
    text = "The government approved a budget."
    assert attribute(text, _claim("the government of Ruritania")).startswith("According to the government of")


@pytest.mark.parametrize("name", BASES)
def test_no_item_names_its_claimant_twice(name: str) -> None:
    base = BASES[name]
    items = build_items(base, base.facts, ["qa", "cloze", "true-false"], 11).items
    assert not [f for f in ItemLinter(base).check(items) if f.code == "double-attribution"]
