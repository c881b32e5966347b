"""One question asked once: the items of a fact that would repeat or give away one another.

A fact's question can be a flashcard, a multiple choice and a short answer, all in the
same words; its statement can be a cloze or a true-or-false item, which shows every other
answer of the fact. In a bank of items (``quizgen items``, an export, the cards of one
kind in a note) each question of a fact is asked once, in the best form the bank holds,
and a fact's statement is asked only where none of its questions is.

A quiz, which takes one item per fact itself, and the Anki note, which keeps each kind of
card apart, choose among all the forms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen.items.item import Item
from quizgen.phrases import normalise

# the form a question is asked in, best first: a teacher can mark a choice at a glance
QUESTION_FORMS = ("mcq", "short-answer", "qa")
STATEMENT_FORMS = ("true-false", "cloze")


def distinct(items: Sequence[Item], types: Iterable[str] | None = None, *, one_per_fact: bool = False) -> list[Item]:
    """The items, each fact's question once and its statement only where no question of it is asked.

    ``types`` limits the comparison to items of those types (others pass through untouched). With
    ``one_per_fact`` a fact is asked one question, its first (a teacher's question comes first): two questions
    about one fact in a bank hand each other their answers ("Which text reports …?" beside "When did …?").
    """
    among = set(types) if types is not None else None

    def compared(item: Item) -> bool:
        return among is None or item.type in among

    def key(item: Item) -> tuple[str, str]:
        # one fact's question by its words; a question about several facts ("which happened first?") by its facts
        return (item.fact_ids[0], normalise(item.prompt)) if len(item.fact_ids) == 1 else \
            (",".join(item.fact_ids), item.role)

    best: dict[tuple[str, str], Item] = {}
    for item in items:
        if compared(item) and item.type in QUESTION_FORMS:
            held = best.get(key(item))
            if held is None or QUESTION_FORMS.index(item.type) < QUESTION_FORMS.index(held.type):
                best[key(item)] = item
    if one_per_fact:
        first: dict[str, tuple[str, str]] = {}
        for item in items:
            if len(item.fact_ids) == 1 and key(item) in best:
                first.setdefault(item.fact_ids[0], key(item))
        best = {k: v for k, v in best.items() if len(v.fact_ids) > 1 or first[v.fact_ids[0]] == k}
    kept_ids = {id(item) for item in best.values()}
    asked = {item.fact_ids[0] for item in best.values() if len(item.fact_ids) == 1}
    if one_per_fact:
        # one statement item per fact too (each shows the other's answer): a statement shown false, else the cloze,
        # else a statement shown true, which a learner ticks "true" copied word for word from the text
        stated: dict[str, Item] = {}
        for item in items:
            if compared(item) and item.type in STATEMENT_FORMS and len(item.fact_ids) == 1:
                held = stated.get(item.fact_ids[0])
                if held is None or _statement_rank(item) < _statement_rank(held):
                    stated[item.fact_ids[0]] = item
        kept_ids |= {id(item) for item in stated.values()}
    out = []
    for item in items:
        if not compared(item) or item.type not in (*QUESTION_FORMS, *STATEMENT_FORMS):
            out.append(item)
        elif item.type in QUESTION_FORMS:
            if id(item) in kept_ids:
                out.append(item)
        elif len(item.fact_ids) > 1 or (item.fact_ids[0] not in asked and (not one_per_fact or id(item) in kept_ids)):
            out.append(item)
    return out


def _statement_rank(item: Item) -> int:
    if item.type == "true-false":
        return 0 if item.correction else 2
    return 1
