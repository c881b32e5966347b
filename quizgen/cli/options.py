"""The options commands share, each declared once: the fact base, the filters, item types, seed, paper, JSON.

Kept free of heavy imports: ``quizgen --help`` reads them.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from quizgen.choices import IMPORTANCES, ITEM_TYPES, KINDS, PAPERS

FactsOption = Annotated[
    Path,
    typer.Option("--facts", help="The fact base; its sources are resolved beside it.", show_default=True),
]
Values = Optional[list[str]]  # a repeatable option
KindOption = Annotated[
    Values, typer.Option("--kind", metavar="KIND", help=f"Only facts of this kind: {', '.join(KINDS)} (repeatable).")
]
TagOption = Annotated[
    Values, typer.Option("--tag", metavar="TAG", help="Only facts with this tag or a tag below it (repeatable).")
]
SourceOption = Annotated[Values, typer.Option("--source", metavar="SOURCE", help="Only facts citing this source id.")]
SinceOption = Annotated[
    Optional[str], typer.Option("--since", metavar="DATE", help="Only dated facts on or after YYYY[-MM[-DD]].")
]
UntilOption = Annotated[
    Optional[str], typer.Option("--until", metavar="DATE", help="Only dated facts on or before YYYY[-MM[-DD]].")
]
ImportanceOption = Annotated[
    Values, typer.Option("--importance", metavar="LEVEL",
                         help=f"Only facts of this importance: {', '.join(IMPORTANCES)} (repeatable).")
]
IdOption = Annotated[Values, typer.Option("--id", metavar="ID", help="Only the fact with this id (repeatable).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text, for scripts.")]
TypesOption = Annotated[
    Values, typer.Option("--types", "--type", metavar="TYPE",
                         help=f"Item types, repeatable or comma-separated: {', '.join(ITEM_TYPES)}.")
]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed for options and order: same seed, same items.")]
PaperOption = Annotated[str, typer.Option("--paper", metavar="PAPER", help=f"Paper size: {' or '.join(PAPERS)}.")]

# the filters every command that selects facts takes, declared once: name → option (see selects_facts)
FILTER_OPTIONS: dict[str, object] = {
    "kind": KindOption, "importance": ImportanceOption, "tag": TagOption, "source": SourceOption,
    "since": SinceOption, "until": UntilOption, "id": IdOption,
}

DEFAULT_FACTS = Path("facts.json")
