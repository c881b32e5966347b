"""``quizgen anki`` and ``quizgen build``: writing decks (and, with their recipes, quizzes)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from quizgen.cli.common import Command, console, load, reports_errors, selects_facts, shown
from quizgen.cli.options import DEFAULT_FACTS, FactsOption, PaperOption, SeedOption, TypesOption

if TYPE_CHECKING:
    from quizgen.build import DeckReport
    from quizgen.select import Selection


def register(app: typer.Typer) -> None:
    app.command("anki", cls=Command)(anki)
    app.command("build", cls=Command)(build)
    app.command("pdf", cls=Command)(pdf)
    app.command("handout", cls=Command)(handout)


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
@selects_facts
def anki(
    selected: "Selection",
    out: Annotated[Path, typer.Option("--out", help="The .apkg file to write.")],
    facts: FactsOption = DEFAULT_FACTS,
    types: TypesOption = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Deck name ('::' for sub-decks).")] = None,
    deck_id: Annotated[Optional[int], typer.Option("--deck-id", min=1, max=2**63 - 1,
                                                         help="Fixed deck id (default: from the name).")]
    = None,
) -> None:
    """Build one Anki deck from command-line filters, e.g. only the agreements."""
    from quizgen.build import build_deck

    print_deck_report(build_deck(load(facts), selected, types, out, name, deck_id))


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


@reports_errors
@selects_facts
def pdf(
    selected: "Selection",
    out: Annotated[Path, typer.Option("--out", help="The quiz PDF to write.")],
    facts: FactsOption = DEFAULT_FACTS,
    types: TypesOption = None,
    count: Annotated[Optional[int], typer.Option("--count", min=1,
                                                 help="Number of questions (default: 20, a classroom quiz).")] = None,
    versions: Annotated[int, typer.Option("--versions", min=1, max=26, help="Shuffled versions A, B, …")] = 1,
    seed: SeedOption = 0,
    paper: PaperOption = "a4",
    title: Annotated[str, typer.Option("--title", help="Title printed on the quiz.")] = "Quiz",
    key: Annotated[Optional[Path], typer.Option("--key", help="Answer key PDF (default: FILE-key.pdf).")] = None,
) -> None:
    """Write a printable quiz and its answer key, e.g. two versions of a quiz on 2023 with seed 7."""
    from quizgen.build import build_quiz

    report = build_quiz(load(facts), selected, types, out, key=key, count=count, versions=versions, seed=seed,
                        paper=paper, title=title)
    console.print(shown(str(report)))


@reports_errors
@selects_facts
def handout(
    selected: "Selection",
    out: Annotated[Path, typer.Option("--out", help="The handout PDF to write.")],
    facts: FactsOption = DEFAULT_FACTS,
    paper: PaperOption = "a4",
    title: Annotated[str, typer.Option("--title", help="Title printed on the handout.")] = "Study handout",
    full: Annotated[bool, typer.Option("--full", help="Every selected fact, grouped and cited, not the two-page "
                                                      "study sheet.")] = False,
) -> None:
    """Write a two-page study sheet (timeline, places, key figures, who is who, sources), or with --full the
    full reference of every selected fact."""
    from quizgen.build import build_handout

    report = build_handout(load(facts), selected, out, title=title, paper=paper, full=full)
    console.print(shown(str(report)))
