"""The export formats, named once: what ``quizgen export`` and recipes accept, and their defaults."""

from __future__ import annotations

from typing import Literal, get_args

from quizgen.errors import InvalidOption, unknown_value

ExportFormat = Literal["moodle", "gift", "qti12", "qti21", "tsv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)

# the file a format writes when no name is given
DEFAULT_OUTPUT: dict[ExportFormat, str] = {
    "moodle": "quiz-moodle.xml",
    "gift": "quiz.gift.txt",
    "qti12": "quiz-canvas-qti12.zip",
    "qti21": "quiz-qti21.zip",
    "tsv": "cards.tsv",
}


def export_format_named(value: str) -> ExportFormat:
    """An export format by name; anything else is an ``InvalidOption`` naming ``FORMAT``."""
    if value not in EXPORT_FORMATS:
        raise InvalidOption(unknown_value("FORMAT", value, EXPORT_FORMATS))
    return value
