"""Where the presentation files live: ``templates/`` in a checkout, ``quizgen/templates`` in a wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def templates_dir() -> Path:
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if (candidate / "anki").is_dir():
            return candidate
    raise FileNotFoundError("quizgen's templates folder is missing from this installation")


def read_template(relative: str) -> str:
    return (templates_dir() / relative).read_text(encoding="utf-8")
