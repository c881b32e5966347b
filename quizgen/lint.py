"""``quizgen lint``: what weakens the items a fact base yields.

Errors are what would teach something wrong or unsupported (an answer that cannot
be read in its passage); warnings are what makes items weaker or missing (a name
that gives its date away, near-duplicate prompts, facts a learner will confuse).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from itertools import combinations

from quizgen.dates import MONTH_NAMES
from quizgen.errors import Problem
from quizgen.factbase import FactBase
from quizgen.items import build_items
from quizgen.model import Fact, PersonFact
from quizgen.text import normalise, words

LONG_ANSWER_WORDS = 12
NEAR_DUPLICATE = 0.9
CONFUSABLE_NAMES = 0.75


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, normalise(a), normalise(b)).ratio()


def lint_factbase(factbase: FactBase, facts: Sequence[Fact] | None = None, seed: int = 0) -> list[Problem]:
    chosen = list(facts if facts is not None else factbase.facts)
    file = str(factbase.path)
    result = build_items(factbase, chosen, seed=seed)
    problems: list[Problem] = []

    for rejection in result.rejected:
        fact = factbase.by_id[rejection.fact_id]
        # a date resolved from context ("Thursday") is recorded in the vetting note, not in the quote
        inferred = rejection.role == "date" and fact.vetting.relative_date is not None
        severity = "error" if "cannot be read" in rejection.reason and rejection.role != "on-date" \
            and not inferred else "warning"
        if "multiple choice" in rejection.reason:
            continue  # a thin pool, not a flaw of the fact
        problems.append(Problem(file, rejection.fact_id, rejection.role, rejection.reason, severity))  # type: ignore[arg-type]

    covered = {fact_id for item in result.items for fact_id in item.fact_ids}
    problems += [Problem(file, fact.id, "-", "yields no item at all", "warning")
                 for fact in chosen if fact.id not in covered]

    qa = [item for item in result.items if item.type == "qa"]
    for item in qa:
        if len(item.answer.split()) > LONG_ANSWER_WORDS:
            problems.append(Problem(file, item.fact_ids[0], item.role,
                                    f"answer of {len(item.answer.split())} words is too long to recall", "warning"))
    for a, b in combinations(qa, 2):
        if a.fact_ids == b.fact_ids or normalise(a.prompt)[:12] != normalise(b.prompt)[:12]:
            continue  # near duplicates share their opening; skipping the rest keeps this fast
        if _differ_only_in_dates(a.prompt, b.prompt):
            continue  # "What took place on 19 September 2023?" and "… on 28 September 2023?" are distinct
        if a.prompt != b.prompt and _similar(a.prompt, b.prompt) >= NEAR_DUPLICATE:
            problems.append(Problem(file, a.fact_ids[0], a.role,
                                    f"prompt nearly the same as {b.fact_ids[0]}'s: {b.prompt!r}", "warning"))
    problems += _confusable(chosen, file)
    return problems


def _differ_only_in_dates(a: str, b: str) -> bool:
    different = set(words(a)) ^ set(words(b))
    return all(word.isdigit() or word.capitalize() in MONTH_NAMES for word in different)


def _confusable(facts: list[Fact], file: str) -> list[Problem]:
    """Pairs a learner will mix up: same year and similar names, or near-identical people's names."""
    problems = []
    by_year: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.date is not None:
            by_year[fact.date.start.year].append(fact)
    for year, group in by_year.items():
        for a, b in combinations(group, 2):
            if a.kind == b.kind and _similar(a.name, b.name) >= CONFUSABLE_NAMES:
                problems.append(Problem(file, a.id, "name", f"easily confused with {b.id} (same year {year}, "
                                        "similar name): add a distinguishing cue", "warning"))
    people = [fact for fact in facts if isinstance(fact, PersonFact)]
    for a, b in combinations(people, 2):
        if _similar(a.name, b.name) >= CONFUSABLE_NAMES:
            problems.append(Problem(file, a.id, "name", f"easily confused with {b.id} (similar name): "
                                    "make the role the cue", "warning"))
    return problems
