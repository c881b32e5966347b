"""Whole-base indexes shared by the item engines of one scope, and kept by none outside it."""

from __future__ import annotations

from quizgen.factbase import FactBase
from quizgen.items import items_for
from quizgen.items.engine import ItemEngine
from quizgen.items.shared_indexes import shared_indexes


def test_engines_in_a_scope_build_each_index_once_and_outside_each_its_own(factbase: FactBase) -> None:
    with shared_indexes(factbase):
        first, second = ItemEngine(factbase, seed=1), ItemEngine(factbase, seed=2)
        assert first.pools is second.pools and first.mentions is second.mentions
        with shared_indexes(factbase):  # an inner scope neither starts afresh nor ends the outer one
            assert ItemEngine(factbase).claimants is first.claimants
        assert ItemEngine(factbase).common_terms is first.common_terms
    assert ItemEngine(factbase).pools is not ItemEngine(factbase).pools


def test_items_made_on_shared_indexes_are_the_items_made_alone(factbase: FactBase) -> None:
    few = factbase.facts[:20]
    alone = [items_for(factbase, few, seed=seed, every_form=True) for seed in (0, 7)]
    with shared_indexes(factbase):
        items_for(factbase, factbase.facts[100:140], seed=3)  # indexes first built for other facts and another seed
        shared = [items_for(factbase, few, seed=seed, every_form=True) for seed in (0, 7)]
    assert shared == alone
