"""What every command shares: the fact-base option, the filters, error reporting.

Kept free of heavy imports (pydantic models, genanki, reportlab) so that
``quizgen --help`` answers fast; commands import what they need when they run.
"""

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TypeVar

import typer
from rich.console import Console

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.factbase import FactBase
    from quizgen.model import Fact
    from quizgen.select import Selection

# emoji off: ids such as "qa:date:x" must not turn into pictures; user text goes through shown()
console = Console(highlight=False, emoji=False)


def shown(text: str) -> str:
    """User text (fact base, recipes) as console markup that prints it literally: no rich markup,
    no terminal control sequences."""
    from rich.markup import escape

    from quizgen.errors import printable

    return escape(printable(text))

FactsOption = Annotated[
    Path,
    typer.Option("--facts", help="The fact base; its sources are resolved beside it.", show_default=True),
]
KindOption = Annotated[Optional[list[str]], typer.Option("--kind", help="Only facts of this kind (repeatable).")]
TagOption = Annotated[
    Optional[list[str]], typer.Option("--tag", help="Only facts with this tag or a tag below it (repeatable).")
]
SourceOption = Annotated[Optional[list[str]], typer.Option("--source", help="Only facts citing this source id.")]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="Only dated facts on or after YYYY[-MM[-DD]].")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Only dated facts on or before YYYY[-MM[-DD]].")]
ImportanceOption = Annotated[
    Optional[list[str]],
    typer.Option("--importance", help="Only facts of this importance: core, supporting, detail (repeatable)."),
]
IdOption = Annotated[Optional[list[str]], typer.Option("--id", help="Only the fact with this id (repeatable).")]

DEFAULT_FACTS = Path("facts.json")

F = TypeVar("F", bound=Callable[..., object])


def reports_errors(command: F) -> F:
    """Turn bad input into one line per problem on stderr and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return command(*args, **kwargs)
        except QuizgenError as err:
            for problem in err.problems:
                typer.echo(problem.line(), err=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def selection(
    kind: Optional[list[str]],
    tag: Optional[list[str]],
    source: Optional[list[str]],
    since: Optional[str],
    until: Optional[str],
    ids: Optional[list[str]],
    importance: Optional[list[str]] = None,
) -> "Selection":
    from quizgen.select import Selection

    return Selection.of(kind, tag, source, since, until, ids, importance)


def load_selected(facts: Path, selected: "Selection") -> tuple["FactBase", list["Fact"]]:
    """The fact base and the facts the filters select: what listing and inspecting commands start from."""
    from quizgen.select import select_facts

    factbase = load(facts)
    return factbase, select_facts(factbase, selected)


def load(facts: Path) -> "FactBase":
    from quizgen.factbase import load_factbase

    factbase = load_factbase(facts)
    for warning in factbase.warnings:
        typer.echo(f"warning: {warning.line()}", err=True)
    return factbase
