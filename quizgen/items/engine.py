"""The question engine: selected facts in, learner-facing items out.

``items_for`` is the library entry point. It is deterministic: each item draws its
distractors from the seed and its own id, so one item's options do not change when
another fact is added; only where the correct option stands is balanced over the set.
 Items that would teach badly are not made at all: an answer
that leaks into its prompt, an answer not found in its passage, two items with the
same prompt, a multiple choice without three honest distractors.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from quizgen.allocation import long_lived_objects
from quizgen.attribution import ATTRIBUTED_STATUSES, attribute
from quizgen.dates import PartialDate
from quizgen.factbase import FactBase
from quizgen.items.distractors import OPTIONS, DistractorPools, choose, standalone_date
from quizgen.items.grounding import answer_grounded
from quizgen.items.model import ITEM_TYPES, Item, ItemType, Passage
from quizgen.items.questions import Question, Value, questions_for
from quizgen.model import AgreementFact, EventFact, Fact, PlaceFact
from quizgen.sources import passage_around
from quizgen.text import contains_phrase, normalise, words

SHORT_ANSWER_WORDS = 6
MATCHING_SIZE = 5
ORDERING_SIZE = 5


@dataclass
class Rejection:
    """A question the engine would not turn into an item, and why (for ``quizgen lint``)."""

    fact_id: str
    role: str
    reason: str
    severity: str = "warning"


@dataclass
class ItemSet:
    items: list[Item] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def seeded_rng(*parts: object) -> random.Random:
    """A generator seeded by its parts ("7", "mcq:date:x"): stable across runs and Python versions."""
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _passages(fact: Fact, factbase: FactBase) -> tuple[Passage, ...]:
    out = []
    for citation in fact.citations:
        source = factbase.sources[citation.source]
        before, quote, after = passage_around(factbase.text_of(citation.source), citation.start, citation.end, 160)
        out.append(Passage(fact.id, source.id, source.citation_label(), citation.start, citation.end, quote,
                           before, after))
    return tuple(out)


def _sort_key(fact: Fact) -> str:
    when = fact.date
    return when.start.iso() if when is not None else "9999"


def _leaks(question: Question) -> bool:
    """The prompt, attribution included, gives its own answer away (or for dates the year)."""
    forms = [question.answer, *question.alternatives]
    if question.pool.startswith("date"):
        value = question.value
        forms.append(str(getattr(value, "year", "")))
    prompt = normalise(attribute(question.prompt, question.fact))
    return any(form and contains_phrase(prompt, form) for form in forms)


def _surface_in_statement(question: Question) -> tuple[str, int, int, Callable[[Value], str]] | None:
    """Where the answer stands in the statement, for a cloze deletion or a true-or-false swap.

    Never inside the attribution: deleting "Russia" from "Russia claimed …" would hide
    whose claim it is, and swapping it would falsify the attribution, not the claim.
    """
    fact = question.fact
    statement = fact.statement
    lowered = normalise(statement)
    claimant = normalise(fact.according_to or "")
    for form, render in question.surface:
        if not form or normalise(form) not in lowered:
            continue
        if claimant and fact.status in ATTRIBUTED_STATUSES and (
                normalise(form) in claimant or claimant in normalise(form)):
            continue
        start = statement.find(form)
        if start < 0:
            continue
        end = start + len(form)
        # whole words only, and not the whole sentence
        if (start and statement[start - 1].isalnum()) or (end < len(statement) and statement[end].isalnum()):
            continue
        if len(words(statement)) - len(words(form)) < 3:
            continue
        return form, start, end, render
    return None


class ItemEngine:
    def __init__(self, factbase: FactBase, seed: int = 0) -> None:
        self.factbase = factbase
        self.seed = seed
        self.places = {fact.id: fact for fact in factbase.facts if isinstance(fact, PlaceFact)}
        self.result = ItemSet()
        self._shared_cache: dict[str, dict[str, Any]] = {}

    # --- questions -----------------------------------------------------------------------

    def questions(self, facts: Sequence[Fact]) -> list[Question]:
        accepted: list[Question] = []
        for fact in facts:
            made = questions_for(fact, self.places)
            if not made:
                self.result.rejected.append(Rejection(fact.id, "-", "this fact yields no question"))
            for question in made:
                if question.role == "on-date" and not self._only_fact_that_day(question):
                    continue  # "what took place on …" must have one answer in the whole fact base
                if _leaks(question):
                    self._reject(question, "the prompt contains its own answer")
                elif not answer_grounded(question, self.factbase):
                    self._reject(question, f"answer {question.answer!r} cannot be read in the cited passages")
                else:
                    accepted.append(question)
        return self._unique_prompts(accepted)

    def _only_fact_that_day(self, question: Question) -> bool:
        at = standalone_date(question.fact)
        return at is not None and self._facts_on_date[at] == 1

    @cached_property
    def _facts_on_date(self) -> Counter[tuple[int, PartialDate]]:
        """How many facts stand at each single date (the pools' own index, without building the pools)."""
        return Counter(at for fact in self.factbase.facts if (at := standalone_date(fact)) is not None)

    @cached_property
    def pools(self) -> DistractorPools:
        """Wrong answers, indexed over the whole fact base: built only for item types that offer them."""
        return DistractorPools(self.factbase.facts)

    def _reject(self, question: Question, reason: str) -> None:
        self.result.rejected.append(Rejection(question.fact.id, question.role, reason))

    def _unique_prompts(self, questions: list[Question]) -> list[Question]:
        by_prompt: dict[str, list[Question]] = defaultdict(list)
        for question in questions:
            by_prompt[normalise(attribute(question.prompt, question.fact))].append(question)
        kept = []
        for group in by_prompt.values():
            answers = {normalise(q.answer) for q in group}
            if len(answers) > 1:
                for question in group:
                    self._reject(question, f"same prompt as {len(group) - 1} other fact(s) with another answer")
                continue
            kept.append(group[0])
        order = {id(q): i for i, q in enumerate(questions)}
        return sorted(kept, key=lambda q: order[id(q)])

    # --- items -------------------------------------------------------------------------

    def _item(self, item_type: ItemType, question: Question, **fields: Any) -> Item:
        fact = question.fact
        values: dict[str, Any] = dict(
            id=f"{item_type}:{question.role}:{fact.id}", type=item_type, role=question.role,
            prompt=attribute(question.prompt, fact), answer=question.answer, alternatives=question.alternatives,
            **self._shared_fields(fact),
        )
        values.update(fields)
        return Item(**values)

    def _shared_fields(self, fact: Fact) -> dict[str, Any]:
        """What every item of a fact shares, made once: a large deck holds one copy per fact, not per item."""
        shared = self._shared_cache.get(fact.id)
        if shared is None:
            shared = self._shared_cache[fact.id] = dict(
                fact_ids=(fact.id,), passages=_passages(fact, self.factbase), tags=tuple(fact.tags),
                sort_key=_sort_key(fact), context=attribute(fact.statement, fact), status=fact.status,
                according_to=fact.according_to,
            )
        return shared

    def _passages(self, fact: Fact) -> tuple[Passage, ...]:
        """A fact's passages, cut from their texts once however many items show them."""
        passages: tuple[Passage, ...] = self._shared_fields(fact)["passages"]
        return passages

    def qa(self, questions: list[Question]) -> list[Item]:
        return [self._item("qa", q) for q in questions]

    def short_answer(self, questions: list[Question]) -> list[Item]:
        return [self._item("short-answer", q) for q in questions if len(q.answer.split()) <= SHORT_ANSWER_WORDS]

    def cloze(self, facts: Sequence[Fact], by_fact: dict[str, list[Question]]) -> list[Item]:
        items = []
        for question, (form, start, end, _) in _statement_answers(facts, by_fact):
            fact = question.fact
            text = attribute(fact.statement, fact)
            shift = len(text) - len(fact.statement)  # the attribution prefix, if one was added
            cloze = (text[: start + shift], form, text[end + shift:])
            items.append(self._item("cloze", question, id=f"cloze:{fact.id}", role="statement",
                                    prompt=f"{cloze[0]}[…]{cloze[2]}", answer=form, cloze=cloze, alternatives=()))
        return items

    def mcq(self, questions: list[Question]) -> list[Item]:
        items = []
        used = [0] * OPTIONS  # where correct answers have landed so far in this quiz
        order = random.Random(self.seed)
        for question in questions:
            item_id = f"mcq:{question.role}:{question.fact.id}"
            rng = seeded_rng(self.seed, item_id)
            fewest = min(used)
            target = order.choice([p for p in range(OPTIONS) if used[p] == fewest])
            chronological = question.pool.startswith("date")
            laid_out = choose(self.pools.candidates(question), question.value, rng, target, chronological)
            if laid_out is None:
                self._reject(question, "fewer than three honest distractors for multiple choice")
                continue
            options, correct = laid_out
            used[correct] += 1
            options[correct] = question.answer
            items.append(self._item("mcq", question, options=tuple(options), correct_option=correct))
        return items

    def true_false(self, facts: Sequence[Fact], by_fact: dict[str, list[Question]]) -> list[Item]:
        items = []
        for question, (_, start, end, render) in _statement_answers(facts, by_fact):
            fact = question.fact
            item_id = f"true-false:{fact.id}"
            rng = seeded_rng(self.seed, item_id)
            statement = fact.statement
            make_false = rng.random() < 0.5
            correction = None
            if make_false:
                swapped = self._false_value(question, rng)
                if swapped is None:
                    make_false = False
                else:
                    statement = statement[:start] + render(swapped) + statement[end:]
                    correction = attribute(fact.statement, fact)
            items.append(self._item("true-false", question, id=item_id, role="statement",
                                    prompt=attribute(statement, fact), answer="False" if make_false else "True",
                                    options=("True", "False"), correct_option=1 if make_false else 0,
                                    correction=correction, alternatives=()))
        return items

    def _false_value(self, question: Question, rng: random.Random) -> Value | None:
        # a value the sentence already names elsewhere makes nonsense, not a false statement
        candidates = [c for c in self.pools.candidates(question)
                      if not contains_phrase(question.fact.statement, c.text)]
        if not candidates:
            return None
        # the nearest plausible values make the best false statements
        return rng.choice(sorted(candidates, key=lambda c: c.text)[: max(3, len(candidates) // 2)]).value

    def matching(self, facts: Sequence[Fact]) -> list[Item]:
        """Dates to events, places to their other names, agreements to years: 4 to 6 pairs each."""
        items: list[Item] = []
        dated = [f for f in facts if isinstance(f, (EventFact, AgreementFact)) and f.status == "established"
                 and f.date is not None and f.date.end is None and not f.date.qualifier
                 and not _name_gives_date(f)]
        items += self._matching_groups("dates", dated, _date_label)
        named = [f for f in facts if isinstance(f, PlaceFact) and f.aliases and f.status == "established"]
        items += self._matching_groups("other-names", named, _first_alias)
        return items

    def _matching_groups(self, role: str, facts: Sequence[Fact], get_right: Callable[[Fact], str]) -> list[Item]:
        def compatible(a: Fact, b: Fact) -> bool:
            # two right-hand answers that could both be true ("September 2023" and "24 September
            # 2023") would give a prompt two matches
            if normalise(get_right(a)) == normalise(get_right(b)):
                return False
            return role != "dates" or _distinct_dates(a, b)

        pool = sorted(facts, key=lambda f: f.id)
        random.Random(f"{self.seed}:matching:{role}").shuffle(pool)
        items = []
        for group in _compatible_groups(pool, MATCHING_SIZE, compatible):
            group = sorted(group, key=lambda f: f.id)
            pairs = tuple((f.name, get_right(f)) for f in group)
            spare = sorted({get_right(f) for f in pool if f not in group and all(compatible(f, g) for g in group)})
            ids = tuple(f.id for f in group)
            item_id = f"matching:{role}:" + "+".join(ids)
            extras = tuple(seeded_rng(self.seed, item_id).sample(spare, min(2, len(spare))))
            spares = {0: "", 1: " One of them matches nothing.", 2: " Two of them match nothing."}[len(extras)]
            items.append(Item(
                id=item_id, type="matching", role=role, prompt=_MATCHING_PROMPTS[role] + spares, answer="; ".join(
                    f"{left} — {r}" for left, r in pairs), fact_ids=ids,
                passages=tuple(p for f in group for p in self._passages(f)),
                tags=tuple(sorted({t for f in group for t in f.tags})), pairs=pairs, extra_options=extras,
                sort_key=min(_sort_key(f) for f in group)))
        return items

    def ordering(self, facts: Sequence[Fact]) -> list[Item]:
        """Four or five events whose dates cannot be confused, to put in order."""
        dated = [f for f in facts if isinstance(f, (EventFact, AgreementFact)) and f.status == "established"
                 and f.date is not None and not f.date.qualifier and not _name_gives_date(f)]
        pool = sorted(dated, key=lambda f: f.id)
        random.Random(f"{self.seed}:ordering").shuffle(pool)
        items = []
        for group in _compatible_groups(pool, ORDERING_SIZE, _distinct_dates):
            ordered = sorted(group, key=lambda f: f.date.start)  # type: ignore[union-attr]
            ids = tuple(f.id for f in sorted(group, key=lambda f: f.id))
            item_id = "ordering:events:" + "+".join(ids)
            shown = [f.name for f in ordered]
            seeded_rng(self.seed, item_id).shuffle(shown)
            items.append(Item(
                id=item_id, type="ordering", role="events", prompt="Put these in chronological order, earliest first.",
                answer=" → ".join(f.name for f in ordered), fact_ids=ids,
                passages=tuple(p for f in ordered for p in self._passages(f)),
                tags=tuple(sorted({t for f in group for t in f.tags})), options=tuple(shown),
                pairs=tuple((f.name, f.date.human()) for f in ordered),  # type: ignore[union-attr]
                sort_key=min(_sort_key(f) for f in group)))
        return items

    def build(self, facts: Sequence[Fact], types: Iterable[ItemType]) -> ItemSet:
        wanted = set(types)
        questions = self.questions(facts)
        by_fact: dict[str, list[Question]] = defaultdict(list)
        for question in questions:
            by_fact[question.fact.id].append(question)
        made: list[Item] = []
        if "qa" in wanted:
            made += self.qa(questions)
        if "cloze" in wanted:
            made += self.cloze(facts, by_fact)
        if "mcq" in wanted:
            made += self.mcq(questions)
        if "true-false" in wanted:
            made += self.true_false(facts, by_fact)
        if "matching" in wanted:
            made += self.matching(facts)
        if "ordering" in wanted:
            made += self.ordering(facts)
        if "short-answer" in wanted:
            made += self.short_answer(questions)
        self.result.items = made
        return self.result


def _name_gives_date(fact: Fact) -> bool:
    """A name with its own year in it ("November 2020 ceasefire") would answer a matching or ordering item."""
    when = fact.date
    return when is not None and str(when.start.year) in fact.name


def _date_label(fact: Fact) -> str:
    assert fact.date is not None
    return fact.date.human()


def _first_alias(fact: Fact) -> str:
    assert isinstance(fact, PlaceFact)
    return fact.aliases[0].name


_MATCHING_PROMPTS = {
    "dates": "Match each event to its date.",
    "other-names": "Match each place to its other name.",
}


def _statement_answers(facts: Sequence[Fact], by_fact: dict[str, list[Question]]
                       ) -> Iterator[tuple[Question, tuple[str, int, int, Callable[[Value], str]]]]:
    """For each fact, its first question whose answer stands in the statement (to blank or to swap)."""
    for fact in facts:
        for question in by_fact.get(fact.id, []):
            found = _surface_in_statement(question)
            if found is not None:
                yield question, found
                break


def _compatible_groups(pool: Sequence[Fact], size: int, compatible: Callable[[Fact, Fact], bool],
                       smallest: int = 4) -> list[list[Fact]]:
    """Greedy groups of up to ``size`` facts, every pair compatible; groups under ``smallest`` are dropped."""
    groups: list[list[Fact]] = []
    for fact in pool:
        for group in groups:
            if len(group) < size and all(compatible(fact, other) for other in group):
                group.append(fact)
                break
        else:
            groups.append([fact])
    return [group for group in groups if len(group) >= smallest]


def _distinct_dates(a: Fact, b: Fact) -> bool:
    """Two dates a learner can order: one ends before the other begins."""
    da, db = a.date, b.date
    assert da is not None and db is not None
    a_last = (da.finish or da.start).last_day()
    b_last = (db.finish or db.start).last_day()
    return a_last < db.start.first_day() or b_last < da.start.first_day()


def items_for(factbase: FactBase, facts: Sequence[Fact] | None = None,
              types: Iterable[ItemType] = ITEM_TYPES, seed: int = 0) -> list[Item]:
    """The items the selected facts support, of the given types, for this seed."""
    return build_items(factbase, facts, types, seed).items


def build_items(factbase: FactBase, facts: Sequence[Fact] | None = None,
                types: Iterable[ItemType] = ITEM_TYPES, seed: int = 0) -> ItemSet:
    """Like ``items_for``, with the questions that were rejected and why."""
    unknown = set(types) - set(ITEM_TYPES)
    if unknown:
        raise ValueError(f"unknown item types: {', '.join(sorted(unknown))}")
    with long_lived_objects():
        return ItemEngine(factbase, seed).build(list(facts if facts is not None else factbase.facts), types)


__all__ = ["ITEM_TYPES", "Item", "ItemSet", "Rejection", "build_items", "items_for"]
