"""The root ``quizgen`` command and its groups."""

from typing import Annotated

import typer

from quizgen.cli import export, facts, items, outputs, vetting
from quizgen.cli.common import Group

app = typer.Typer(
    name="quizgen",
    help="Anki decks and printable quizzes from a vetted fact base, every item linked to its source passage.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,
    cls=Group,
)


def _show_version(value: bool) -> None:
    if value:
        from quizgen import __version__

        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Anki decks, printable quizzes and learning-platform exports from a vetted fact base."""


app.add_typer(facts.app, name="facts")
vetting.register(app)
items.register(app)
outputs.register(app)
export.register(app)


def main() -> None:
    app(prog_name="quizgen")
