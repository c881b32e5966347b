"""``quizgen items`` and ``quizgen lint``: the question engine, for a person to inspect."""

import json
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from json.encoder import encode_basestring
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
    from quizgen.render.passages import shown_quote

    factbase, chosen = load_selected(facts, selected)
    items = items_for(factbase, chosen, item_types(types), seed)
    if as_json:
        _echo_json_array(items)
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
            console.print(f"  [dim]{shown(passage.source_label)}: “{shown_quote(passage, shown)}”[/]")
        console.print()
    console.print(f"{len(items)} items from {len(chosen)} facts (seed {seed})")


JSON_BATCH = 256  # items written at a time: a large base's JSON is never held as one string


def _echo_json_array(values: Iterable[object], batch: int | None = None) -> None:
    """What ``json.dumps([asdict(v) for v in values], indent=2, ensure_ascii=False)`` prints, a batch at a time.

    A large fact base has a hundred thousand items: their JSON is never held as one string.
    """
    parts: list[str] = []
    written = 0
    for value in values:
        parts.append(("," if written else "[") + "\n  " + _indented_json(value, "  "))
        written += 1
        if len(parts) == (batch or JSON_BATCH):
            typer.echo("".join(parts), nl=False)
            parts = []
    typer.echo("".join(parts) + ("\n]" if written else "[]"))


_FIELD_KEYS: dict[type, tuple[tuple[str, str], ...]] = {}  # a dataclass's field names, and each as a JSON key


def _indented_json(value: object, indent: str = "") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, a dataclass written as ``asdict`` makes it.

    Written here because json's own indented output, and asdict's copies, run in pure Python:
    several times slower than making the items.
    """
    kind = type(value)
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, (bool, float)):
        return json.dumps(value)
    if isinstance(value, int):
        return int.__repr__(value)
    inner = indent + "  "
    separator = ",\n" + inner
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return ("[\n" + inner + separator.join([encode_basestring(v) if type(v) is str else _indented_json(v, inner)
                                                for v in value]) + "\n" + indent + "]")
    if isinstance(value, dict):
        keyed = [(encode_basestring(str(key)) + ": ", item) for key, item in value.items()]
    elif is_dataclass(value) and not isinstance(value, type):
        keys = _FIELD_KEYS.get(kind)
        if keys is None:
            keys = _FIELD_KEYS[kind] = tuple((f.name, encode_basestring(f.name) + ": ") for f in fields(value))
        keyed = [(key, getattr(value, name)) for name, key in keys]
    else:
        raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")
    if not keyed:
        return "{}"
    return ("{\n" + inner + separator.join([key + (encode_basestring(item) if type(item) is str
                                                   else _indented_json(item, inner)) for key, item in keyed])
            + "\n" + indent + "}")


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
