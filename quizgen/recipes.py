"""Recipes: what to build, as data (``decks/*.toml``): name, filters, item types, output.

A recipe is validated like the fact base: strict, unknown keys forbidden, and every
error reported as one line naming the file and the field.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from quizgen.choices import DECK_TYPES, QUIZ_TYPES, ItemType, Paper
from quizgen.confined import MAX_RECIPE_BYTES, UnreadableInput, read_regular
from quizgen.errors import Problem, QuizgenError
from quizgen.export.formats import EXPORT_FORMATS, ExportFormat
from quizgen.output_paths import relative_output_problem
from quizgen.select import Selection

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DECK_ID_LIMIT = 2**63  # Anki keeps ids as signed 64-bit integers


class StrictModel(BaseModel):
    """A recipe's parts: strict, no unknown keys, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Filters(StrictModel):
    kind: list[str] = Field(default_factory=list)
    tag: list[str] = Field(default_factory=list)
    source: list[str] = Field(default_factory=list)
    since: str | None = None
    until: str | None = None
    id: list[str] = Field(default_factory=list)
    importance: list[str] = Field(default_factory=list)

    def selection(self) -> Selection:
        return Selection.of(self.kind, self.tag, self.source, self.since, self.until, self.id, self.importance)


class RecipeBase(StrictModel):
    name: str = Field(min_length=1)
    description: str = ""
    output: str = Field(min_length=1, description="File name, relative to the output folder.")
    filters: Filters = Field(default_factory=Filters)

    @field_validator("output")
    @classmethod
    def _inside_output_folder(cls, value: str) -> str:
        problem = relative_output_problem(value)
        if problem:
            raise ValueError(problem)
        return value


class AnkiRecipe(RecipeBase):
    format: Literal["anki"]
    deck_id: int | None = Field(None, ge=1, lt=DECK_ID_LIMIT,
                                description="Fixed Anki deck id; derived from the name when absent.")
    types: list[ItemType] = Field(default_factory=lambda: list(DECK_TYPES),
                                      description="The kinds of card the deck holds, and of items on several facts.")

    def resolved_deck_id(self) -> int:
        return self.deck_id if self.deck_id is not None else deck_id_for(self.name)


class QuizRecipe(RecipeBase):
    format: Literal["quiz"]
    title: str | None = None
    types: list[ItemType] = Field(default_factory=lambda: list(QUIZ_TYPES))
    seed: int = 0  # a deck has none: its notes are the same in every deck
    count: int | None = Field(None, gt=0)
    versions: int = Field(1, ge=1, le=26)
    paper: Paper = "a4"
    key: str | None = Field(None, description="Answer key file name; default: <output>-key.pdf.")

    @field_validator("key")
    @classmethod
    def _key_inside_output_folder(cls, value: str | None) -> str | None:
        problem = relative_output_problem(value) if value is not None else None
        if problem:
            raise ValueError(problem)
        return value


class HandoutRecipe(RecipeBase):
    format: Literal["handout"]
    title: str | None = None
    paper: Paper = "a4"
    full: bool = Field(False, description="The full reference of every selected fact, not the two-page sheet.")


class ExportRecipe(RecipeBase):
    """A quiz for a learning platform: every item of the selected facts, in one export format."""

    format: ExportFormat
    title: str | None = None
    types: list[ItemType] = Field(default_factory=lambda: list(QUIZ_TYPES))
    seed: int = 0
    count: int | None = Field(None, gt=0, description="Only the questions of a quiz of this size (as printed).")


AnyRecipe = Union[AnkiRecipe, QuizRecipe, HandoutRecipe, ExportRecipe]
RECIPE_FORMATS = ("anki", "quiz", "handout", *EXPORT_FORMATS)
Recipe = Annotated[AnyRecipe, Field(discriminator="format")]
_RECIPE = TypeAdapter(Recipe)


def deck_id_for(name: str) -> int:
    """A stable deck id from a deck name: the same name always gives the same Anki deck."""
    return 1 << 30 | int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") >> 2


def load_recipe(path: Path) -> AnyRecipe:
    file = str(path)
    try:
        data: dict[str, Any] = tomllib.loads(read_regular(path, MAX_RECIPE_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise QuizgenError(Problem(file, None, None, "recipe not found")) from None
    except UnreadableInput as err:
        raise QuizgenError(Problem(file, None, None, f"cannot read recipe: {err.reason}")) from None
    except UnicodeDecodeError as err:
        raise QuizgenError(Problem(file, None, None, f"cannot read recipe: not UTF-8 (byte {err.start})")) from None
    except tomllib.TOMLDecodeError as err:
        raise QuizgenError(Problem(file, None, None, f"invalid TOML: {err}")) from None
    try:
        return _RECIPE.validate_python(data)
    except ValidationError as err:
        problems = []
        for error in err.errors():
            loc = [str(part) for part in error["loc"] if part not in RECIPE_FORMATS]
            reason = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
            if error["type"] == "value_error":
                reason = str(error["ctx"]["error"])
            if error["type"] == "union_tag_invalid":
                reason = f"unknown format {error['ctx']['tag']!r}; valid formats: {', '.join(RECIPE_FORMATS)}"
                loc = ["format"]
            problems.append(Problem(file, None, ".".join(loc) or "format", reason))
        raise QuizgenError(problems) from None


def load_recipes(folder: Path) -> list[tuple[Path, AnyRecipe]]:
    paths = sorted(folder.glob("*.toml"))
    if not paths:
        raise QuizgenError(Problem(str(folder), None, None, "no recipes (*.toml) in this folder"))
    recipes, problems = [], []
    for path in paths:
        try:
            recipes.append((path, load_recipe(path)))
        except QuizgenError as err:
            problems += err.problems
    if problems:
        raise QuizgenError(problems)
    return recipes
