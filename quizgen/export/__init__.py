"""Exports for learning platforms and flashcard apps: one module per format.

``moodle`` (Moodle XML), ``gift`` (GIFT text), ``qti12`` (a Canvas QTI 1.2 package),
``qti21`` (an IMS content package of QTI 2.1 items and a test) and ``tsv`` (Anki's and
Quizlet's text import). Each takes items, already made and selected, and returns bytes;
``write_export`` writes them atomically. None of them chooses questions.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.atomic import write_atomic
from quizgen.errors import InvalidOption, option_problem
from quizgen.export.formats import DEFAULT_OUTPUT, EXPORT_FORMATS, ExportFormat, export_format_named

if TYPE_CHECKING:  # the command line reads the format names from here; items load when used
    from quizgen.items import Item

__all__ = ["DEFAULT_OUTPUT", "EXPORT_FORMATS", "ExportFormat", "render_export", "write_export"]


def render_export(items: Sequence[Item], export_format: ExportFormat, title: str = "Quiz") -> bytes:
    """The bytes of ``items`` in ``export_format``: the same items and title give the same bytes."""
    chosen = export_format_named(export_format)
    repeated = sorted(item_id for item_id, count in Counter(item.id for item in items).items() if count > 1)
    if repeated:
        raise InvalidOption([option_problem("items", f"item {item_id!r} is given more than once")
                             for item_id in repeated])
    if not items:
        raise InvalidOption(option_problem("items", "nothing to export"))
    writer = importlib.import_module(f"quizgen.export.{chosen}")
    data: bytes = writer.render(items, title)
    return data


def write_export(items: Sequence[Item], export_format: ExportFormat, out: Path | str, title: str = "Quiz") -> None:
    write_atomic(out, render_export(items, export_format, title))
