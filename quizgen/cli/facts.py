"""``quizgen facts list`` and ``quizgen facts show``: reading the fact base."""

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from quizgen.cli.common import Command, Group, console, load_selected, reports_errors, selects_facts, shown
from quizgen.cli.options import DEFAULT_FACTS, FactsOption, JsonOption

if TYPE_CHECKING:
    from quizgen.factbase import FactBase
    from quizgen.model import Fact
    from quizgen.select import Selection

app = typer.Typer(help="List and show facts.", no_args_is_help=True, cls=Group)

COMMON_FIELDS = {"id", "kind", "name", "statement", "citations", "status", "according_to", "conflicts_with",
                 "tags", "vetting"}


@app.command("list", cls=Command)
@reports_errors
@selects_facts
def list_facts(
    selected: "Selection",
    facts: FactsOption = DEFAULT_FACTS,
    as_json: JsonOption = False,
) -> None:
    """List the facts the filters select: id, kind, date, status and name."""
    factbase, chosen = load_selected(facts, selected)
    if as_json:
        from quizgen.model import as_json as fact_json

        typer.echo(json.dumps([fact_json(fact) for fact in chosen],
                              indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(chosen)} of {len(factbase)} facts", title_justify="left")
    # ids are printed whole, on one line, so they can be copied into --id; the name column wraps instead
    table.add_column("id", no_wrap=True, min_width=max((len(fact.id) for fact in chosen), default=2))
    for heading in ("kind", "date", "status", "name"):
        table.add_column(heading)
    for fact in chosen:
        when = fact.date
        table.add_row(fact.id, fact.kind, when.human() if when else "", fact.status, shown(fact.name))
    console.print(table)


@app.command("show", cls=Command)
@reports_errors
def show_fact(
    fact_id: Annotated[str, typer.Argument(metavar="ID", help="The fact's id.")],
    facts: FactsOption = DEFAULT_FACTS,
    as_json: JsonOption = False,
) -> None:
    """Show one fact in full, and each cited passage in its surrounding text."""
    from quizgen.select import Selection

    factbase, (fact,) = load_selected(facts, Selection(ids=(fact_id,)))
    if as_json:
        from quizgen.model import as_json as fact_json

        typer.echo(json.dumps(fact_json(fact), indent=2, ensure_ascii=False))
        return
    _print_fact(fact)
    for index in range(len(fact.citations)):
        _print_passage(factbase, fact, index)


def _print_fact(fact: "Fact") -> None:
    console.print(f"[bold]{shown(fact.name)}[/]  [dim]{fact.id} · {fact.kind} · {fact.status}[/]")
    console.print(shown(fact.statement))
    rows: list[tuple[str, str]] = []
    if fact.according_to:
        rows.append(("according to", fact.according_to))
    from quizgen.model import as_json

    data = as_json(fact)
    for name, value in data.items():
        if name not in COMMON_FIELDS:
            rows.append((name.replace("_", " "), _plain(value)))
    for name in ("conflicts_with", "tags"):
        if data.get(name):
            rows.append((name.replace("_", " "), ", ".join(data[name])))
    rows += [(f"vetting {k.replace('_', ' ')}", str(v)) for k, v in data["vetting"].items()]
    table = Table(show_header=False, box=None, pad_edge=False)
    for label, value in rows:
        table.add_row(f"[dim]{label}[/]", shown(value))
    console.print(table)


def _plain(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    return str(value)


def _print_passage(factbase: "FactBase", fact: "Fact", index: int) -> None:
    from rich.panel import Panel

    from quizgen.sources import passage_around

    citation = fact.citations[index]
    source = factbase.sources[citation.source]
    before, quote, after = passage_around(factbase.text_of(citation.source), citation.start, citation.end)
    passage = Text.assemble(("…" if before else "", "dim"), (before, "dim"), (quote, "bold yellow"),
                            (after, "dim"), ("…" if after else "", "dim"))
    title = f"[{index}] {shown(source.citation_label())} · {citation.start}:{citation.end}"
    console.print(Panel(passage, title=title, title_align="left"))
