"""What every command shares: error reporting, the filters spliced into a command, help that shows
flags as flags, the console and loading the fact base. (The options themselves: ``quizgen.cli.options``.)

Kept free of heavy imports (pydantic models, genanki, reportlab) so that
``quizgen --help`` answers fast; commands import what they need when they run.
"""

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup, TyperOption

from quizgen.cli.options import FILTER_OPTIONS
from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from typer._click import Context, Parameter

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


def selects_facts(command: F) -> F:
    """Give a command the shared filters (``--kind``, ``--importance``, ``--tag``, ``--source``, ``--since``,
    ``--until``, ``--id``); it receives them as one ``Selection`` in its ``selected`` parameter.

    Typer has no groups of parameters: the filters are spliced into the command's signature (after
    ``--facts`` where it has one), so that each option is declared only in ``FILTER_OPTIONS``.
    """
    signature = inspect.signature(command)
    own = [param for name, param in signature.parameters.items() if name != "selected"]
    at = next((i + 1 for i, param in enumerate(own) if param.name == "facts"), len(own))
    filters = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
               for name, annotation in FILTER_OPTIONS.items()]
    # keyword-only after the command's own parameters keeps the signature valid wherever they stand
    own = [param.replace(kind=inspect.Parameter.KEYWORD_ONLY) for param in own]

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: Any) -> object:
        from quizgen.select import Selection

        chosen = {name: kwargs.pop(name, None) for name in FILTER_OPTIONS}
        selected = Selection.of(kinds=chosen["kind"], importances=chosen["importance"], tags=chosen["tag"],
                                sources=chosen["source"], since=chosen["since"], until=chosen["until"],
                                ids=chosen["id"])
        return command(*args, selected=selected, **kwargs)

    spliced = signature.replace(parameters=[*own[:at], *filters, *own[at:]])
    wrapper.__signature__ = spliced  # type: ignore[attr-defined]
    wrapper.__annotations__ = {name: param.annotation for name, param in spliced.parameters.items()}
    return wrapper  # type: ignore[return-value]


def _flags_bare(params: "list[Parameter]") -> "list[Parameter]":
    """Typer's rich help prints an option's type (``<bool>``) unless it has a metavar, flags included; an
    empty metavar prints nothing where a flag takes no value (``--json``, ``--full``, ``--help``)."""
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""
    return params


class Command(TyperCommand):
    """A command whose ``--help`` shows its flags as flags."""

    def get_params(self, ctx: "Context") -> "list[Parameter]":
        return _flags_bare(super().get_params(ctx))


class Group(TyperGroup):
    """A group of commands (``quizgen``, ``quizgen facts``) whose ``--help`` shows its flags as flags."""

    def get_params(self, ctx: "Context") -> "list[Parameter]":
        return _flags_bare(super().get_params(ctx))


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
