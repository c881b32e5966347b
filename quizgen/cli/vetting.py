"""``quizgen check`` and ``quizgen schema``: the vetting gate and the fact format."""

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.table import Table

from quizgen.cli.common import Command, console, reports_errors, shown
from quizgen.cli.options import DEFAULT_FACTS, FactsOption, JsonOption

if TYPE_CHECKING:
    from quizgen.check import CheckReport

SHOWN_PER_LIST = 12


def register(app: typer.Typer) -> None:
    app.command(cls=Command)(check)
    app.command(cls=Command)(schema)
    app.command(cls=Command)(cite)


@reports_errors
def check(
    facts: FactsOption = DEFAULT_FACTS,
    fix_offsets: Annotated[
        bool, typer.Option("--fix-offsets", help="Re-anchor quotes whose offsets drifted, where unambiguous.")
    ] = False,
    full: Annotated[bool, typer.Option("--full", help="List every contested fact, conflict and slip.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Verify every citation, source hash, id, reference and date; print the vetting report."""
    from quizgen.check import check_factbase
    from quizgen.check import fix_offsets as fix

    if fix_offsets:
        result = fix(facts)
        for change in result.fixed:
            console.print(f"re-anchored {change.fact_id} citations[{change.citation}]: "
                          f"{change.old[0]}:{change.old[1]} → {change.new[0]}:{change.new[1]}")
        for problem in result.unfixable:
            typer.echo(f"not re-anchored: {problem.line()}", err=True)
    report = check_factbase(facts)
    if as_json:
        typer.echo(json.dumps(_report_json(report), indent=2, ensure_ascii=False))
        if not report.ok:
            raise typer.Exit(2)
        return
    for problem in report.errors:
        typer.echo(problem.line(), err=True)
    for problem in report.warnings:
        typer.echo(f"warning: {problem.line()}", err=True)
    if report.facts:
        _print_report(report, full)
    if not report.ok:
        typer.echo(f"{report.file}: {len(report.errors)} error(s)", err=True)
        raise typer.Exit(2)


def _report_json(report: "CheckReport") -> dict[str, object]:
    """The vetting report as ``check --json`` prints it: every list whole."""
    from dataclasses import asdict

    return {
        "file": report.file, "ok": report.ok,
        "errors": [asdict(p) for p in report.errors], "warnings": [asdict(p) for p in report.warnings],
        "facts": len(report.facts), "sources": [s.id for s in report.sources],
        "by_kind": report.by_kind, "by_source": report.by_source, "by_status": report.by_status,
        "by_importance": report.by_importance,
        "contested": [{"id": f.id, "according_to": f.according_to} for f in report.contested],
        "authored_questions": {"facts_with_one": report.with_questions,
                               "core_and_supporting": report.core_and_supporting, "questions": report.question_count},
        "conflicts": report.conflicts,
        "slips": dict(report.slips), "relative_dates": dict(report.relative_dates),
    }


def _counts_table(title: str, counts: dict[str, int], order: list[str]) -> Table:
    table = Table(title=title, show_header=False, title_justify="left", box=None, pad_edge=False)
    for key in order:
        if counts.get(key):
            table.add_row(key, str(counts[key]))
    return table


def _print_report(report: "CheckReport", full: bool) -> None:
    from rich.columns import Columns

    from quizgen.choices import IMPORTANCES, KINDS, STATUSES

    state = "[green]clean[/]" if report.ok else f"[red]{len(report.errors)} error(s)[/]"
    counts = f"{len(report.facts)} facts from {len(report.sources)} sources"
    console.print(f"[bold]{shown(report.file)}[/]: {counts} — {state}, {len(report.warnings)} warning(s)",
                  soft_wrap=True)  # one line, however long the path
    console.print(Columns([
        _counts_table("by kind", report.by_kind, list(KINDS)),
        _counts_table("by source", report.by_source, [s.id for s in report.sources]),
        _counts_table("by status", report.by_status, list(STATUSES)),
        _counts_table("by importance", report.by_importance, list(IMPORTANCES)),
    ], padding=(0, 4)))
    # each list is read once: every one is a pass over all the facts
    contested, conflicts, slips, relative_dates = report.contested, report.conflicts, report.slips, \
        report.relative_dates
    _print_list(f"contested (claimed or disputed, taught as 'According to …'): {len(contested)}",
                [f"{f.id} — according to {f.according_to}" for f in contested], full)
    asked, taught = report.with_questions, report.core_and_supporting
    console.print(f"authored questions: {asked} of {taught} core and supporting facts "
                  f"({asked / max(taught, 1):.0%}), {report.question_count} questions in all")
    _print_list(f"conflicts recorded between facts: {len(conflicts)}", [f"{a} ⟷ {b}" for a, b in conflicts], full)
    _print_list(f"slips in the sources, noted and kept out of questions: {len(slips)}",
                [f"{fact_id}: {note}" for fact_id, note in slips], full)
    _print_list(f"relative dates resolved: {len(relative_dates)}",
                [f"{fact_id}: {note}" for fact_id, note in relative_dates], full)


def _print_list(title: str, lines: list[str], full: bool) -> None:
    console.print(f"[bold]{title}[/]")
    listed = lines if full else lines[:SHOWN_PER_LIST]
    for line in listed:
        console.print(f"  {shown(line)}", overflow="ellipsis", no_wrap=not full)
    if len(listed) < len(lines):
        console.print(f"  … {len(lines) - len(listed)} more (--full lists them all)")


@reports_errors
def schema(
    out: Annotated[Optional[Path], typer.Option("--out", help="Write the schema here instead of printing it.")] = None,
) -> None:
    """Print (or write) the JSON Schema of the fact format, generated from the model."""
    from quizgen.atomic import write_atomic
    from quizgen.model import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(out, text)
        console.print(f"wrote {out}")


@reports_errors
def cite(
    source_id: Annotated[str, typer.Argument(metavar="SOURCE", help="The source id.")],
    quote: Annotated[str, typer.Argument(help="The passage as you would type it (spaces and quotes may differ).")],
    facts: FactsOption = DEFAULT_FACTS,
) -> None:
    """Print the exact citation (offsets and verbatim quote) for a passage of a source, as JSON."""
    from quizgen.sources import cite_passage

    citation = cite_passage(facts, source_id, quote)
    typer.echo(json.dumps({"source": citation.source, "start": citation.start, "end": citation.end,
                           "quote": citation.quote}, ensure_ascii=False))
