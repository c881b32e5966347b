"""The root ``quizgen`` command and its groups."""

import typer

from quizgen.cli import export, facts, items, outputs, vetting

app = typer.Typer(
    name="quizgen",
    help="Anki decks and printable quizzes from a vetted fact base, every item linked to its source passage.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,
)
app.add_typer(facts.app, name="facts")
vetting.register(app)
items.register(app)
outputs.register(app)
export.register(app)


def main() -> None:
    app(prog_name="quizgen")
