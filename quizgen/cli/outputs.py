"""``quizgen anki`` and ``quizgen build``: writing decks (and, with their recipes, quizzes)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

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

if TYPE_CHECKING:
    from quizgen.build import DeckReport


def register(app: typer.Typer) -> None:
    app.command("anki")(anki)
    app.command("build")(build)
    app.command("pdf")(pdf)
    app.command("handout")(handout)


def print_deck_report(report: "DeckReport") -> None:
    types = ", ".join(f"{count} {kind}" for kind, count in sorted(report.items_by_type.items()))
    console.print(f"wrote [bold]{shown(str(report.path))}[/]: deck “{shown(report.deck_name)}”, "
                  f"{report.notes} notes, {report.cards} cards ({types}); "
                  f"{report.new_guids} new since last build")
    for fact_id in report.retired_facts:
        console.print(f"  retired fact [yellow]{shown(fact_id)}[/]: no longer in the fact base")
    if report.retired:
        console.print(f"  {len(report.retired)} retired note(s) ({report.newly_retired} new in this build); "
                      f"find them in Anki, in any deck, with: {shown(report.retired_search)}")


@reports_errors
def anki(
    out: Annotated[Path, typer.Option("--out", help="The .apkg file to write.")],
    facts: FactsOption = DEFAULT_FACTS,
    kind: KindOption = None,
    tag: TagOption = None,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    id: IdOption = None,
    importance: ImportanceOption = None,
    types: TypeOption = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Deck name ('::' for sub-decks).")] = None,
    deck_id: Annotated[Optional[int], typer.Option("--deck-id", min=1, max=2**63 - 1,
                                                         help="Fixed deck id (default: from the name).")]
    = None,
) -> None:
    """Build one Anki deck from command-line filters, e.g. only the agreements."""
    from quizgen.build import build_deck
    from quizgen.recipes import DECK_TYPES

    factbase = load(facts)
    chosen = selection(kind, tag, source, since, until, id, importance)
    deck_name = name or f"quizgen::{out.stem}"
    item_types = parse_types(types, str(facts)) if types else DECK_TYPES
    report = build_deck(factbase, chosen, item_types, out, deck_name, deck_id)  # type: ignore[arg-type]
    print_deck_report(report)


@reports_errors
def build(
    facts: FactsOption = DEFAULT_FACTS,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("dist"),
    recipes: Annotated[Path, typer.Option("--recipes", help="Folder of recipes (*.toml).")] = Path("decks"),
) -> None:
    """Build every recipe (decks, quizzes, handouts) into the output folder."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from quizgen.build import DeckReport, build_all

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("loading the fact base", total=None)
        results = build_all(facts, recipes, out,
                            lambda name: progress.update(task, description=f"building {shown(name)}"))
    for result in results:
        for report in result.reports:
            if isinstance(report, DeckReport):
                print_deck_report(report)
            else:
                console.print(str(report))


PaperOption = Annotated[str, typer.Option("--paper", help="a4 or letter.")]


def _paper(value: str, facts: Path) -> str:
    from quizgen.errors import Problem, QuizgenError

    if value not in ("a4", "letter"):
        raise QuizgenError(Problem(str(facts), None, "--paper", f"unknown value {value!r}; valid values: a4, letter"))
    return value


@reports_errors
def pdf(
    out: Annotated[Path, typer.Option("--out", help="The quiz PDF to write.")],
    facts: FactsOption = DEFAULT_FACTS,
    kind: KindOption = None,
    tag: TagOption = None,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    id: IdOption = None,
    importance: ImportanceOption = None,
    types: TypeOption = None,
    count: Annotated[Optional[int], typer.Option("--count", min=1,
                                                 help="Number of questions (default: 20, a classroom quiz).")] = None,
    versions: Annotated[int, typer.Option("--versions", min=1, max=26, help="Shuffled versions A, B, …")] = 1,
    seed: SeedOption = 0,
    paper: PaperOption = "a4",
    title: Annotated[str, typer.Option("--title", help="Title printed on the quiz.")] = "Quiz",
    key: Annotated[Optional[Path], typer.Option("--key", help="Answer key PDF (default: FILE-key.pdf).")] = None,
) -> None:
    """Write a printable quiz and its answer key, e.g. twenty questions on 2023 with seed 7."""
    from quizgen.build import build_quiz
    from quizgen.recipes import QUIZ_TYPES

    factbase = load(facts)
    item_types = parse_types(types, str(facts)) if types else QUIZ_TYPES
    report = build_quiz(factbase, selection(kind, tag, source, since, until, id, importance), item_types,  # type: ignore[arg-type]
                        out, key=key, count=count, versions=versions, seed=seed, paper=_paper(paper, facts),
                        title=title)
    console.print(shown(str(report)))


@reports_errors
def handout(
    out: Annotated[Path, typer.Option("--out", help="The handout PDF to write.")],
    facts: FactsOption = DEFAULT_FACTS,
    kind: KindOption = None,
    tag: TagOption = None,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    id: IdOption = None,
    importance: ImportanceOption = None,
    paper: PaperOption = "a4",
    title: Annotated[str, typer.Option("--title", help="Title printed on the handout.")] = "Study handout",
    full: Annotated[bool, typer.Option("--full", help="Every selected fact, grouped and cited, not the two-page "
                                                      "study sheet.")] = False,
) -> None:
    """Write a two-page study sheet (timeline, places, key figures, who is who, sources), or with --full the
    full reference of every selected fact."""
    from quizgen.build import build_handout

    factbase = load(facts)
    report = build_handout(factbase, selection(kind, tag, source, since, until, id, importance), out, title=title,
                           paper=_paper(paper, facts), full=full)
    console.print(shown(str(report)))
