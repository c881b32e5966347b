"""Planning a printed quiz: which items, in which sections, in which versions.

A quiz never asks two items about one fact (a multiple choice would give away the
true-or-false next to it). Versions hold the same questions in another order, with
multiple-choice options reshuffled (dates stay chronological) and the correct
letter balanced within each version. Everything follows from the seed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from quizgen.items import Item
from quizgen.items.engine import seeded_rng

SECTION_ORDER = ("mcq", "true-false", "matching", "ordering", "short-answer", "qa", "cloze")
SECTIONS = {
    "mcq": ("Multiple choice", "Circle the letter of the one correct answer.", 1),
    "true-false": ("True or false", "Tick True or False for each statement.", 1),
    "matching": ("Matching", "Write the letter of the matching answer on each line. "
                 "There are more answers than lines.", 1),
    "ordering": ("Chronological order", "Number the boxes 1 to the last, earliest first.", 2),
    "short-answer": ("Short answer", "Write your answer on the line.", 2),
    "qa": ("Questions", "Write your answer on the line.", 2),
    "cloze": ("Fill in the blank", "Write the missing words on the line.", 1),
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class QuizQuestion:
    number: int
    item: Item
    options: tuple[str, ...] = ()  # mcq options; ordering entries; matching right-hand answers
    correct: int | None = None  # mcq: index of the correct option
    prompts: tuple[str, ...] = ()  # matching: left-hand prompts in this version's order

    @property
    def points(self) -> int:
        each = SECTIONS[self.item.type][2]
        return each * len(self.item.pairs) if self.item.type == "matching" else each

    def key_answer(self) -> str:
        item = self.item
        if item.type == "mcq" and self.correct is not None:
            return f"{LETTERS[self.correct]}. {item.answer}"
        if item.type == "matching":
            letters = {answer: LETTERS[i] for i, answer in enumerate(self.options)}
            answers = dict(item.pairs)
            return "; ".join(f"{prompt} → {letters[answers[prompt]]} ({answers[prompt]})" for prompt in self.prompts)
        if item.type == "ordering":
            position = {name: i + 1 for i, (name, _) in enumerate(item.pairs)}
            return "; ".join(f"{position[name]} {name}" for name in self.options)
        if item.type == "true-false" and item.correction:
            return f"False — {item.correction}"
        return item.answer


@dataclass(frozen=True)
class Section:
    type: str
    title: str
    instructions: str
    questions: tuple[QuizQuestion, ...]

    @property
    def points(self) -> int:
        return sum(q.points for q in self.questions)


@dataclass(frozen=True)
class QuizVersion:
    label: str
    sections: tuple[Section, ...]

    @property
    def questions(self) -> list[QuizQuestion]:
        return [q for section in self.sections for q in section.questions]


@dataclass
class Quiz:
    title: str
    seed: int
    items: list[Item]
    versions: list[QuizVersion] = field(default_factory=list)


def choose_items(items: Sequence[Item], count: int | None, seed: int) -> list[Item]:
    """Up to ``count`` items, spread over the item types, never two about the same fact."""
    by_type: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_type[item.type].append(item)
    for kind, group in by_type.items():
        seeded_rng(seed, "choose", kind).shuffle(group)
    chosen: list[Item] = []
    used_facts: set[str] = set()
    limit = count if count is not None else len(items)
    queues = [by_type[t] for t in SECTION_ORDER if by_type.get(t)]
    while len(chosen) < limit and any(queues):
        for queue in queues:
            while queue:
                item = queue.pop()
                if used_facts.isdisjoint(item.fact_ids):
                    chosen.append(item)
                    used_facts.update(item.fact_ids)
                    break
            if len(chosen) >= limit:
                break
    return chosen


def _version(items: Sequence[Item], label: str, seed: int, index: int) -> QuizVersion:
    rng = seeded_rng(seed, "version", index)
    sections = []
    number = 1
    used = [0, 0, 0, 0]  # correct letters so far in this version
    for kind in SECTION_ORDER:
        group = sorted((item for item in items if item.type == kind), key=lambda item: item.id)
        if not group:
            continue
        rng.shuffle(group)
        questions = []
        for item in group:
            questions.append(_question(item, number, seeded_rng(seed, label, item.id), used))
            number += 1
        title, instructions, _ = SECTIONS[kind]
        sections.append(Section(kind, title, instructions, tuple(questions)))
    return QuizVersion(label, tuple(sections))


def _question(item: Item, number: int, rng: random.Random, used: list[int]) -> QuizQuestion:
    if item.type == "mcq" and item.correct_option is not None:
        if item.role == "date":
            used[item.correct_option] += 1  # dates stay in chronological order
            return QuizQuestion(number, item, item.options, item.correct_option)
        wrong = [o for i, o in enumerate(item.options) if i != item.correct_option]
        rng.shuffle(wrong)
        fewest = min(used[: len(item.options)])  # two-option items (which came first) use A and B only
        target = rng.choice([p for p in range(len(item.options)) if used[p] == fewest])
        used[target] += 1
        options = [*wrong[:target], item.answer, *wrong[target:]]
        return QuizQuestion(number, item, tuple(options), target)
    if item.type == "matching":
        prompts = [left for left, _ in item.pairs]
        answers = [right for _, right in item.pairs] + list(item.extra_options)
        rng.shuffle(prompts)
        rng.shuffle(answers)
        return QuizQuestion(number, item, tuple(answers), prompts=tuple(prompts))
    if item.type == "ordering":
        shown = list(item.options)
        rng.shuffle(shown)
        return QuizQuestion(number, item, tuple(shown))
    return QuizQuestion(number, item, item.options, item.correct_option)


def plan_quiz(items: Sequence[Item], title: str, count: int | None = None, versions: int = 1,
              seed: int = 0) -> Quiz:
    chosen = choose_items(items, count, seed)
    quiz = Quiz(title, seed, chosen)
    quiz.versions = [_version(chosen, LETTERS[i], seed, i) for i in range(versions)]
    return quiz
