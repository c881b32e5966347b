"""``quizgen items`` and ``quizgen lint``: the question engine, for a person to inspect."""

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

import typer

from quizgen.cli.common import Command, console, load_selected, reports_errors, selects_facts, shown
from quizgen.cli.options import DEFAULT_FACTS, FactsOption, JsonOption, SeedOption, TypesOption

if TYPE_CHECKING:
    from quizgen.select import Selection


def register(app: typer.Typer) -> None:
    app.command("items", cls=Command)(show_items)
    app.command("lint", cls=Command)(lint)


@reports_errors
@selects_facts
def show_items(
    selected: "Selection",
    facts: FactsOption = DEFAULT_FACTS,
    types: TypesOption = None,
    seed: SeedOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Print the items the selected facts yield: prompt, options, answer and source."""
    from quizgen.choices import item_types
    from quizgen.items import items_for

    factbase, chosen = load_selected(facts, selected)
    items = items_for(factbase, chosen, item_types(types), seed)
    if as_json:
        typer.echo(json.dumps([asdict(item) for item in items], indent=2, ensure_ascii=False))
        return
    for item in items:
        console.print(f"[dim]{shown(item.id)}[/]")
        console.print(f"[bold]{shown(item.prompt)}[/]")
        for index, option in enumerate(item.options):
            mark = "✓" if index == item.correct_option else " "
            console.print(f"  {mark} {chr(65 + index)}. {shown(option)}")
        for left, right in item.pairs:
            console.print(f"  • {shown(left)} — {shown(right)}")
        console.print(f"  [green]answer:[/] {shown(item.answer)}")
        if item.correction:
            console.print(f"  [green]true statement:[/] {shown(item.correction)}")
        for passage in item.passages[:2]:
            console.print(f"  [dim]{shown(passage.source_label)}: “{shown(passage.quote)}”[/]")
        console.print()
    console.print(f"{len(items)} items from {len(chosen)} facts (seed {seed})")


@reports_errors
@selects_facts
def lint(
    selected: "Selection",
    facts: FactsOption = DEFAULT_FACTS,
    seed: SeedOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Report each item defect by its code (label stems, unlike options, giveaways …) and facts with no item."""
    from quizgen.lint import lint_factbase

    factbase, chosen = load_selected(facts, selected)
    findings = lint_factbase(factbase, chosen, seed)
    errors = [f for f in findings if f.severity == "error"]
    if as_json:
        typer.echo(json.dumps([finding.as_json() for finding in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            typer.echo(f"{finding.severity}: {finding.line()}", err=finding.severity == "error")
        console.print(f"{len(errors)} error(s), {len(findings) - len(errors)} warning(s) over {len(chosen)} facts")
    if errors:
        raise typer.Exit(1)
