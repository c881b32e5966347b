"""quizgen: Anki decks, printable quizzes and learning-platform exports from a vetted,
source-anchored fact base.

The library and the command line are the same operations::

    import quizgen

    base = quizgen.load_factbase("facts.json")
    core = quizgen.Selection.of(importances=["core"])
    quizgen.build_deck(base, core, ["qa", "cloze"], "core.apkg", "My course::Core")
    quizgen.build_quiz(base, core, ["mcq", "true-false"], "quiz.pdf", count=20, versions=2, seed=7)

Every error a user can cause (bad input, an impossible request) is a :class:`QuizgenError`
whose ``problems`` name the file, the fact id, the field and the reason; a bad value passed to a
call (an unknown item type, paper size, filter value) is its subclass :class:`InvalidOption`,
whose problem names the option.

Names are imported on first use, so ``import quizgen`` (and ``quizgen --help``) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

# public name → the module that owns it
_EXPORTS = {
    "QuizgenError": "quizgen.errors",
    "InvalidOption": "quizgen.errors",
    "Problem": "quizgen.errors",
    "FactBase": "quizgen.factbase",
    "load_factbase": "quizgen.factbase",
    "CheckReport": "quizgen.check",
    "check_factbase": "quizgen.check",
    "Selection": "quizgen.select",
    "select_facts": "quizgen.select",
    "ITEM_TYPES": "quizgen.choices",
    "DECK_TYPES": "quizgen.choices",
    "QUIZ_TYPES": "quizgen.choices",
    "PAPERS": "quizgen.choices",
    "KINDS": "quizgen.choices",
    "IMPORTANCES": "quizgen.choices",
    "Item": "quizgen.items",
    "items_for": "quizgen.items",
    "answer_text": "quizgen.items",
    "Finding": "quizgen.lint",
    "lint_factbase": "quizgen.lint",
    "cite_passage": "quizgen.sources",
    "build_deck": "quizgen.build",
    "build_quiz": "quizgen.build",
    "build_handout": "quizgen.build",
    "build_export": "quizgen.build",
    "build_all": "quizgen.build",
    "EXPORT_FORMATS": "quizgen.export.formats",
}

__all__ = [  # noqa: RUF022 (grouped as _EXPORTS is)
    "__version__",
    "QuizgenError", "InvalidOption", "Problem",
    "FactBase", "load_factbase", "CheckReport", "check_factbase", "cite_passage",
    "Selection", "select_facts",
    "ITEM_TYPES", "DECK_TYPES", "QUIZ_TYPES", "PAPERS", "KINDS", "IMPORTANCES",
    "Item", "items_for", "answer_text", "Finding", "lint_factbase",
    "build_deck", "build_quiz", "build_handout", "build_export", "build_all", "EXPORT_FORMATS",
]

if TYPE_CHECKING:
    from quizgen.build import build_all, build_deck, build_export, build_handout, build_quiz
    from quizgen.check import CheckReport, check_factbase
    from quizgen.choices import DECK_TYPES, IMPORTANCES, ITEM_TYPES, KINDS, PAPERS, QUIZ_TYPES
    from quizgen.errors import InvalidOption, Problem, QuizgenError
    from quizgen.export.formats import EXPORT_FORMATS
    from quizgen.factbase import FactBase, load_factbase
    from quizgen.items import Item, answer_text, items_for
    from quizgen.lint import Finding, lint_factbase
    from quizgen.select import Selection, select_facts
    from quizgen.sources import cite_passage


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
