"""quizgen's own work before it calls genanki or reportlab, timed as a process of its own.

    python benchmarks/prework.py anki facts.json   # load and verify the facts, plan the deck's notes
    python benchmarks/prework.py pdf facts.json    # load and verify the facts, make and plan the quiz

The bare scripts start from finished notes and questions, so this is the work the ratio
targets leave room for: at most 0.2 times the bare script's time. `run.py` times it in
the same run as the bare scripts, so whether a target can be met at all is measured, not
argued. It calls the very functions `quizgen anki` and `quizgen pdf` call, with their defaults.
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
    from quizgen.factbase import load_factbase
    from quizgen.recipes import DECK_TYPES
    from quizgen.select import Selection

    return build.planned_deck(load_factbase(facts), Selection(), DECK_TYPES)


def planned_quiz(facts: Path) -> Quiz:
    """What `quizgen pdf --facts FACTS --count 200` has made when it starts laying out."""
    from quizgen import build
    from quizgen.factbase import load_factbase
    from quizgen.recipes import QUIZ_TYPES
    from quizgen.select import Selection

    return build.planned_quiz(load_factbase(facts), Selection(), QUIZ_TYPES, count=QUIZ_QUESTIONS)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    mode, path = sys.argv[1], Path(sys.argv[2])
    if mode == "anki":
        planned_deck(path)
    elif mode == "pdf":
        planned_quiz(path)
    else:
        raise SystemExit(f"unknown mode {mode!r}: anki or pdf")
