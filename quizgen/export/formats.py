"""The export formats, named once: what ``quizgen export`` and recipes accept, and their defaults."""

from __future__ import annotations

from typing import Literal

ExportFormat = Literal["moodle", "gift", "qti12", "qti21", "tsv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("moodle", "gift", "qti12", "qti21", "tsv")

# the file a format writes when no name is given
DEFAULT_OUTPUT: dict[ExportFormat, str] = {
    "moodle": "quiz-moodle.xml",
    "gift": "quiz.gift.txt",
    "qti12": "quiz-canvas-qti12.zip",
    "qti21": "quiz-qti21.zip",
    "tsv": "cards.tsv",
}
