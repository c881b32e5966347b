"""``quizgen export FORMAT``: the selected items for a learning platform or a flashcard app."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from quizgen.cli.common import (
    DEFAULT_FACTS,
    FactsOption,
    IdOption,
    ImportanceOption,
    KindOption,
    SinceOption,
    SourceOption,
    TagOption,
    UntilOption,
    console,
    load,
    reports_errors,
    selection,
    shown,
)
from quizgen.cli.items import SeedOption, TypeOption, parse_types
from quizgen.export.formats import DEFAULT_OUTPUT, EXPORT_FORMATS


def register(app: typer.Typer) -> None:
    app.command("export")(export)


@reports_errors
def export(
    export_format: Annotated[str, typer.Argument(metavar="FORMAT", help=f"One of: {', '.join(EXPORT_FORMATS)}.")],
    out: Annotated[Optional[Path], typer.Option("--out", help="The file to write (default: by format, e.g. "
                                                "quiz-moodle.xml).")] = None,
    facts: FactsOption = DEFAULT_FACTS,
    kind: KindOption = None,
    tag: TagOption = None,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    id: IdOption = None,
    importance: ImportanceOption = None,
    types: TypeOption = None,
    seed: SeedOption = 0,
    title: Annotated[str, typer.Option("--title", help="The quiz's title (its category in Moodle).")] = "Quiz",
    count: Annotated[Optional[int], typer.Option("--count", min=1, help="Only the questions of a quiz of this "
                                                 "size: the ones `quizgen pdf` prints with the same options.")]
    = None,
) -> None:
    """Export the selected items for Moodle, GIFT, Canvas (QTI 1.2), QTI 2.1 or Anki/Quizlet (TSV)."""
    from quizgen.build import build_export
    from quizgen.errors import Problem, QuizgenError
    from quizgen.recipes import DECK_TYPES, QUIZ_TYPES

    if export_format not in EXPORT_FORMATS:
        raise QuizgenError(Problem(str(facts), None, "FORMAT", f"unknown value {export_format!r}; valid values: "
                                   f"{', '.join(EXPORT_FORMATS)}"))
    factbase = load(facts)
    default_types = DECK_TYPES if export_format == "tsv" else QUIZ_TYPES
    item_types = parse_types(types, str(facts)) if types else default_types
    report = build_export(factbase, selection(kind, tag, source, since, until, id, importance), item_types,  # type: ignore[arg-type]
                          export_format, out or Path(DEFAULT_OUTPUT[export_format]), seed=seed,
                          title=title, count=count)
    console.print(shown(str(report)))
