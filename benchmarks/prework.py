"""quizgen's own work before it calls genanki or reportlab, timed as a process of its own.

    python benchmarks/prework.py anki facts.json   # load and verify the facts, plan the deck's notes
    python benchmarks/prework.py pdf facts.json    # load and verify the facts, make and plan the quiz
    python benchmarks/prework.py load facts.json   # load and verify the facts, nothing more
    python benchmarks/prework.py build decks/      # the shipped build's notes and quizzes, nothing written

The bare scripts start from finished notes and questions, so this is the work the ratio
targets leave room for: at most 0.2 times the bare script's time. `run.py` times it in
the same run as the bare scripts, so whether a target can be met at all is measured, not
argued. It calls the very functions `quizgen anki`, `quizgen pdf` and `quizgen build` call, with
their defaults. `load` is the floor of every command: the verification the issue keeps.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.deck_plan import DeckPlan
    from quizgen.quiz import Quiz

QUIZ_QUESTIONS = 200


def planned_deck(facts: Path) -> DeckPlan:
    """What `quizgen anki --facts FACTS` has made when it starts writing the deck."""
    from quizgen import build
    from quizgen.choices import DECK_TYPES
    from quizgen.factbase import load_factbase
    from quizgen.select import Selection

    return build.planned_deck(load_factbase(facts), Selection(), DECK_TYPES)


def planned_quiz(facts: Path) -> Quiz:
    """What `quizgen pdf --facts FACTS --count 200` has made when it starts laying out."""
    from quizgen import build
    from quizgen.choices import QUIZ_TYPES
    from quizgen.factbase import load_factbase
    from quizgen.select import Selection

    return build.planned_quiz(load_factbase(facts), Selection(), QUIZ_TYPES, count=QUIZ_QUESTIONS)


def loaded(facts: Path) -> int:
    """What every command does first: read, parse and verify the fact base and its sources."""
    from quizgen.factbase import load_factbase

    return len(load_factbase(facts))


def planned_build(recipes: Path, facts: Path) -> int:
    """What `quizgen build` makes before any library writes: every deck's notes (one notebook for all) and every
    quiz's questions (one plan per quiz, shared with its exports), as ``build_all`` makes them."""
    from quizgen import build
    from quizgen.choices import QUIZ_TYPES, item_types
    from quizgen.deck_plan import NoteBook
    from quizgen.factbase import load_factbase
    from quizgen.recipes import QuizRecipe, load_recipes

    factbase = load_factbase(facts)
    made = len(NoteBook(factbase).notes)
    for _, recipe in load_recipes(recipes):
        if isinstance(recipe, QuizRecipe):
            quiz = build.planned_quiz(factbase, recipe.filters.selection(), item_types(recipe.types, QUIZ_TYPES),
                                      count=recipe.count, versions=recipe.versions, seed=recipe.seed,
                                      title=recipe.name)
            made += len(quiz.versions[0].questions)
    return made


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    mode, path = sys.argv[1], Path(sys.argv[2])
    if mode == "anki":
        planned_deck(path)
    elif mode == "pdf":
        planned_quiz(path)
    elif mode == "load":
        loaded(path)
    elif mode == "build":
        planned_build(path, path.parent / "facts.json")
    else:
        raise SystemExit(f"unknown mode {mode!r}: anki, pdf, load or build")
