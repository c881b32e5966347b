"""``quizgen export FORMAT``: the selected items for a learning platform or a flashcard app."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from quizgen.cli.common import Command, console, load, reports_errors, selects_facts, shown
from quizgen.cli.options import DEFAULT_FACTS, FactsOption, SeedOption, TypesOption
from quizgen.export.formats import EXPORT_FORMATS

if TYPE_CHECKING:
    from quizgen.select import Selection


def register(app: typer.Typer) -> None:
    app.command("export", cls=Command)(export)


@reports_errors
@selects_facts
def export(
    export_format: Annotated[str, typer.Argument(metavar="FORMAT", help=f"One of: {', '.join(EXPORT_FORMATS)}.")],
    selected: "Selection",
    out: Annotated[Optional[Path], typer.Option("--out", help="The file to write (default: by format, e.g. "
                                                "quiz-moodle.xml).")] = None,
    facts: FactsOption = DEFAULT_FACTS,
    types: TypesOption = None,
    seed: SeedOption = 0,
    title: Annotated[str, typer.Option("--title", help="The quiz's title (its category in Moodle).")] = "Quiz",
    count: Annotated[Optional[int], typer.Option("--count", min=1, help="Only the questions of a quiz of this "
                                                 "size: the ones `quizgen pdf` prints with the same options.")]
    = None,
) -> None:
    """Export the selected items for Moodle, GIFT, Canvas (QTI 1.2), QTI 2.1 or Anki/Quizlet (TSV)."""
    from quizgen.build import build_export
    from quizgen.export.formats import export_format_named

    export_format_named(export_format)  # a bad FORMAT is reported before the fact base is read
    report = build_export(load(facts), selected, types, export_format, out, seed=seed, title=title, count=count)
    console.print(shown(str(report)))
