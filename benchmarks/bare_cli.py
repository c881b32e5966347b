"""Baseline for `quizgen --help`: a bare typer + rich command line of the same shape, and no work.

    python benchmarks/bare_cli.py --help

The same commands and group, each with options of the same kinds as quizgen's (a fact
base, the filters, an output, a seed), and rich help as quizgen prints it. What
`quizgen --help` costs beyond this is quizgen's own.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(name="bare", help="A command line of quizgen's shape that does nothing.", no_args_is_help=True,
                  pretty_exceptions_enable=False, rich_markup_mode="rich", add_completion=False)
facts_group = typer.Typer(help="List and show facts.")

Facts = Annotated[Path, typer.Option("--facts", help="The fact base; its sources are resolved beside it.")]
Kind = Annotated[Optional[list[str]], typer.Option("--kind", help="Only facts of this kind (repeatable).")]
Tag = Annotated[Optional[list[str]], typer.Option("--tag", help="Only facts with this tag (repeatable).")]
Source = Annotated[Optional[list[str]], typer.Option("--source", help="Only facts citing this source id.")]
Since = Annotated[Optional[str], typer.Option("--since", help="Only dated facts on or after YYYY[-MM[-DD]].")]
Until = Annotated[Optional[str], typer.Option("--until", help="Only dated facts on or before YYYY[-MM[-DD]].")]
Importance = Annotated[Optional[list[str]], typer.Option("--importance", help="Only facts of this importance.")]
Ids = Annotated[Optional[list[str]], typer.Option("--id", help="Only the fact with this id (repeatable).")]
Types = Annotated[Optional[list[str]], typer.Option("--type", "--types", help="Item types.")]
Seed = Annotated[int, typer.Option("--seed", help="Seed for options and order.")]
Out = Annotated[Path, typer.Option("--out", help="The file to write.")]


@app.callback()
def root(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    """A command line of quizgen's shape."""


@app.command()
def check(facts: Facts = Path("facts.json"), fix_offsets: bool = False, full: bool = False) -> None:
    """Verify every citation; print the report."""


@app.command()
def schema(out: Annotated[Optional[Path], typer.Option("--out")] = None) -> None:
    """Print the JSON Schema."""


@app.command()
def cite(source: str, text: str, facts: Facts = Path("facts.json")) -> None:
    """Print the exact citation for a passage."""


@app.command()
def items(facts: Facts = Path("facts.json"), kind: Kind = None, tag: Tag = None, source: Source = None,
          since: Since = None, until: Until = None, id: Ids = None, importance: Importance = None,
          types: Types = None, seed: Seed = 0, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Print the items the selected facts yield."""


@app.command()
def lint(facts: Facts = Path("facts.json"), kind: Kind = None, tag: Tag = None, source: Source = None,
         since: Since = None, until: Until = None, id: Ids = None, importance: Importance = None,
         seed: Seed = 0) -> None:
    """Report each item defect."""


@app.command()
def anki(out: Out, facts: Facts = Path("facts.json"), kind: Kind = None, tag: Tag = None, source: Source = None,
         since: Since = None, until: Until = None, id: Ids = None, importance: Importance = None,
         types: Types = None, name: Annotated[Optional[str], typer.Option("--name")] = None,
         deck_id: Annotated[Optional[int], typer.Option("--deck-id", min=1)] = None) -> None:
    """Build one Anki deck."""


@app.command()
def build(facts: Facts = Path("facts.json"), out: Annotated[Path, typer.Option("--out")] = Path("dist"),
          recipes: Annotated[Path, typer.Option("--recipes")] = Path("decks")) -> None:
    """Build every recipe."""


@app.command()
def pdf(out: Out, facts: Facts = Path("facts.json"), kind: Kind = None, tag: Tag = None, source: Source = None,
        since: Since = None, until: Until = None, id: Ids = None, importance: Importance = None,
        types: Types = None, count: Annotated[Optional[int], typer.Option("--count", min=1)] = None,
        versions: Annotated[int, typer.Option("--versions", min=1, max=26)] = 1, seed: Seed = 0,
        paper: str = "a4", title: str = "Quiz", key: Annotated[Optional[Path], typer.Option("--key")] = None) -> None:
    """Write a printable quiz and its key."""


@app.command()
def handout(out: Out, facts: Facts = Path("facts.json"), kind: Kind = None, tag: Tag = None, source: Source = None,
            since: Since = None, until: Until = None, id: Ids = None, importance: Importance = None,
            paper: str = "a4", title: str = "Study handout", full: bool = False) -> None:
    """Write a study sheet."""


@app.command()
def export(export_format: Annotated[str, typer.Option("--format")], out: Annotated[Optional[Path],
           typer.Option("--out")] = None, facts: Facts = Path("facts.json"), kind: Kind = None, tag: Tag = None,
           source: Source = None, since: Since = None, until: Until = None, id: Ids = None,
           importance: Importance = None, types: Types = None, seed: Seed = 0, title: str = "Quiz",
           count: Annotated[Optional[int], typer.Option("--count", min=1)] = None) -> None:
    """Export the selected items."""


@facts_group.command("list")
def list_facts(facts: Facts = Path("facts.json"), kind: Kind = None, tag: Tag = None,
               as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List the facts the filters select."""


@facts_group.command("show")
def show_fact(fact_id: str, facts: Facts = Path("facts.json")) -> None:
    """Show one fact in full."""


app.add_typer(facts_group, name="facts")

if __name__ == "__main__":
    app(prog_name="bare")
