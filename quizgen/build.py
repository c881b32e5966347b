"""Building outputs: the library operations behind ``quizgen anki`` and ``quizgen build``.

Each output is written atomically, and beside each deck a small manifest records the
notes it holds (GUID, key, fact ids) and every note it held before and no longer does,
with the Anki search that finds it: the list of retired notes grows across builds.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.atomic import ensure_writable_dir, output_batch, write_with
from quizgen.choices import DECK_TYPES, QUIZ_TYPES, item_types, paper_size
from quizgen.deck_plan import DeckPlan, NoteBook
from quizgen.errors import InvalidOption, Problem, QuizgenError, option_problem
from quizgen.export.formats import DEFAULT_OUTPUT, export_format_named
from quizgen.factbase import FactBase, load_factbase
from quizgen.items import Item, ItemType, items_for
from quizgen.items.seeding import seeded_rng
from quizgen.items.shared_indexes import shared_indexes
from quizgen.model import Fact
from quizgen.output_paths import input_files, refuse_inputs, refuse_shared
from quizgen.recipes import AnkiRecipe, AnyRecipe, ExportRecipe, QuizRecipe, load_recipes
from quizgen.select import Selection, select_facts
from quizgen.templates import templates_dir

if TYPE_CHECKING:
    from quizgen.quiz import Quiz
    from quizgen.render.anki import AnkiBuild, DeckSpec, NoteRecord


LATEST_STAMP = 253_402_300_799  # 9999-12-31 23:59:59 UTC


def inputs_timestamp(factbase: FactBase, *extra: Path) -> float:
    """When the inputs last changed: stamps notes so Anki sees an edited deck as newer.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) overrides it.
    """
    fixed = os.environ.get("SOURCE_DATE_EPOCH")
    if fixed:
        # the convention: a whole number of seconds since 1970; nothing past the year 9999 makes a date
        if not fixed.strip().isdecimal() or not 0 <= int(fixed) <= LATEST_STAMP:
            raise QuizgenError(Problem("SOURCE_DATE_EPOCH", None, None,
                                       f"{fixed!r} is not a whole number of seconds since 1970 (0 to {LATEST_STAMP})"))
        return float(int(fixed))
    paths = [factbase.path, *(text.path for text in factbase.texts.values()), *extra]
    paths += [p for p in templates_dir().rglob("*") if p.is_file()]
    return max(path.stat().st_mtime for path in paths)


@dataclass
class RetiredNote:
    """A note an earlier build of this deck held and this one does not: its fact left the fact base, say."""

    guid: str
    key: str
    fact_ids: tuple[str, ...]
    search: str  # paste into Anki's browser to find the note, in any deck


@dataclass
class DeckReport:
    path: Path
    deck_name: str
    notes: int
    cards: int
    items_by_type: dict[str, int]  # the deck's cards by kind
    new_guids: int = 0
    retired: list[RetiredNote] = field(default_factory=list)  # every note retired so far, kept across builds
    newly_retired: int = 0
    retired_facts: list[str] = field(default_factory=list)

    @property
    def retired_search(self) -> str:
        """One Anki search that finds every retired note."""
        from quizgen.render.anki_notetype import search_for_keys

        return search_for_keys([note.key for note in self.retired]) if self.retired else ""


def manifest_path(out: Path) -> Path:
    return out.with_name(out.name + ".manifest.json")


def build_deck(factbase: FactBase, selection: Selection, types: Sequence[str] | None, out: Path | str,
               name: str | None = None, deck_id: int | None = None, description: str = "",
               timestamp: float | None = None, *, notebook: NoteBook | None = None) -> DeckReport:
    """One Anki deck: the notes of the selected facts, with their cards of the kinds in ``types``
    (``DECK_TYPES`` when None). The deck's name defaults to ``quizgen::<file name>``, its id to one
    derived from the name.

    ``notebook`` shares the notes of one fact base between the decks of one build.
    """
    from quizgen.recipes import DECK_ID_LIMIT, deck_id_for
    from quizgen.render.anki import DeckSpec, write_apkg

    out = Path(out)
    name = name or f"quizgen::{out.stem}"
    wanted = item_types(types, DECK_TYPES)
    if deck_id is not None and not 1 <= deck_id < DECK_ID_LIMIT:
        raise InvalidOption(option_problem("--deck-id", f"must be between 1 and {DECK_ID_LIMIT - 1}, not {deck_id}"))
    ensure_writable_dir(out)  # fail before doing the work
    refuse_inputs([out, manifest_path(out)], factbase_inputs(factbase))
    plan = planned_deck(factbase, selection, wanted, notebook)
    stamp = timestamp if timestamp is not None else inputs_timestamp(factbase)
    counts = dict(Counter(str(item.type) for note in plan.notes for item in plan.cards(note)))
    spec = DeckSpec(name, deck_id if deck_id is not None else deck_id_for(name), description)
    with output_batch():  # the deck and its manifest are replaced together
        built = write_apkg(plan, spec, out, stamp)
        del plan  # a large deck's notes are done with: free them before reading the last build's manifest
        report = _deck_report(factbase, out, name, spec, built, counts)
    return report


def _deck_report(factbase: FactBase, out: Path, name: str, spec: DeckSpec, built: AnkiBuild,
                 counts: dict[str, int]) -> DeckReport:
    """What the build changed against the last build's manifest, and the new manifest written beside the deck."""
    previous = read_manifest(manifest_path(out))
    report = DeckReport(out, name, len(built.notes), built.cards, counts)
    current = {note.guid for note in built.notes}
    earlier = previous.notes if previous else []
    report.new_guids = len(current - {note.guid for note in earlier})
    report.retired = _retired(earlier, previous.retired if previous else [], current)
    report.newly_retired = sum(1 for note in earlier if note.guid not in current)
    report.retired_facts = sorted({fid for note in earlier for fid in note.fact_ids} - set(factbase.by_id))
    manifest = Manifest(name, spec.deck_id, factbase.document.namespace, built.notes, report.retired)
    write_with(manifest_path(out), manifest.write)
    return report


def planned_deck(factbase: FactBase, selection: Selection, types: Sequence[ItemType],
                 notebook: NoteBook | None = None) -> DeckPlan:
    """The notes a deck of the selected facts holds, and its kinds of card, before anything is written."""
    book = notebook if notebook is not None else NoteBook(factbase)
    return book.plan(select_facts(factbase, selection), types)


def _retired(earlier: Sequence[NoteRecord], retired_before: Sequence[RetiredNote], current: set[str]
             ) -> list[RetiredNote]:
    """The notes retired before and the ones this build retires; a note that came back is no longer retired."""
    from quizgen.render.anki_notetype import search_for_keys

    retired = {note.guid: note for note in retired_before if note.guid not in current}
    for note in earlier:
        if note.guid not in current:
            retired[note.guid] = RetiredNote(note.guid, note.key, note.fact_ids, search_for_keys([note.key]))
    return sorted(retired.values(), key=lambda note: note.key)


@dataclass
class Manifest:
    """What a deck holds (each note's GUID, key and fact ids), beside the deck, and what it no longer holds."""

    deck: str
    deck_id: int
    namespace: str
    notes: Sequence[NoteRecord]
    retired: Sequence[RetiredNote]

    def write(self, path: Path) -> None:
        """One note per line: readable, diffable, and written as it goes for a large deck."""
        head = {"deck": self.deck, "deck_id": self.deck_id, "namespace": self.namespace}
        with path.open("w", encoding="utf-8") as out:
            out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "notes": [\n')
            for index, note in enumerate(self.notes):
                record = {"guid": note.guid, "key": note.key, "fact_ids": list(note.fact_ids)}
                out.write((",\n" if index else "") + json.dumps(record, ensure_ascii=False))
            out.write('\n], "retired": [\n')
            for index, gone in enumerate(self.retired):
                record = {"guid": gone.guid, "key": gone.key, "fact_ids": list(gone.fact_ids), "search": gone.search}
                out.write((",\n" if index else "") + json.dumps(record, ensure_ascii=False))
            out.write("\n]}\n")


def read_manifest(path: Path) -> Manifest | None:
    """The last build's manifest; None when there is none, or it is unreadable or from before note keys."""
    from quizgen.render.anki import NoteRecord

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        notes = [NoteRecord(str(n["guid"]), str(n["key"]), tuple(str(f) for f in n["fact_ids"]))
                 for n in data["notes"]]
        retired = [RetiredNote(str(n["guid"]), str(n["key"]), tuple(str(f) for f in n["fact_ids"]), str(n["search"]))
                   for n in data.get("retired", [])]
        return Manifest(str(data["deck"]), int(data["deck_id"]), str(data.get("namespace", "")), notes, retired)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # nothing to compare against


def selected_items(factbase: FactBase, selection: Selection, types: Sequence[ItemType], seed: int = 0) -> list[Item]:
    """The items the selected facts yield, as an export or ``quizgen items`` shows them."""
    return _items_or_fail(factbase, select_facts(factbase, selection), types, seed)


def _items_or_fail(factbase: FactBase, facts: Sequence[Fact], types: Sequence[ItemType], seed: int,
                  every_form: bool = False) -> list[Item]:
    items = items_for(factbase, facts, types, seed, every_form=every_form)
    if not items:
        raise QuizgenError(Problem(str(factbase.path), None, "--types",
                                   f"the selected facts yield no item of type {', '.join(types)}"))
    return items


def _count_types(items: Sequence[Item]) -> dict[str, int]:
    return dict(Counter(item.type for item in items))


@dataclass
class BuildResult:
    recipe: Path
    reports: list[object]


def build_recipe(factbase: FactBase, recipe_path: Path, recipe: AnyRecipe, out_dir: Path,
                 notebook: NoteBook | None = None, quizzes: QuizBook | None = None) -> list[object]:
    """Build one recipe into ``out_dir``; returns the reports of what was written."""
    if isinstance(recipe, ExportRecipe):
        return [build_export(factbase, recipe.filters.selection(), recipe.types, recipe.format,
                             out_dir / recipe.output, seed=recipe.seed, title=recipe.title or recipe.name,
                             count=recipe.count, quizzes=quizzes)]
    if isinstance(recipe, AnkiRecipe):
        timestamp = inputs_timestamp(factbase, recipe_path)
        return [build_deck(factbase, recipe.filters.selection(), recipe.types, out_dir / recipe.output,
                           recipe.name, recipe.resolved_deck_id(), recipe.description, timestamp, notebook=notebook)]
    selection = recipe.filters.selection()
    if isinstance(recipe, QuizRecipe):
        key = out_dir / recipe.key if recipe.key else None
        return [build_quiz(factbase, selection, recipe.types, out_dir / recipe.output, key=key, count=recipe.count,
                           versions=recipe.versions, seed=recipe.seed, paper=recipe.paper,
                           title=recipe.title or recipe.name, quizzes=quizzes)]
    return [build_handout(factbase, selection, out_dir / recipe.output, title=recipe.title or recipe.name,
                          paper=recipe.paper, full=recipe.full)]


@dataclass
class QuizReport:
    path: Path
    key: Path
    versions: int
    questions: int
    points: int
    by_type: dict[str, int]
    asked: int | None = None  # the number of questions asked for: said beside the count when the quiz has fewer

    def __str__(self) -> str:
        types = ", ".join(f"{count} {kind}" for kind, count in sorted(self.by_type.items()))
        written = (f"wrote {self.path} and {self.key}: {self.versions} version(s) of {self.questions} questions, "
                   f"{self.points} points ({types})")
        if self.asked is not None and self.asked > self.questions:
            # said, not hidden: a teacher who asked for 40 and counts 17 on the page should know why
            written += (f"; {self.asked} were asked for, but the selection yields no more that one quiz may ask "
                        "(one question per fact, none answering another): select more facts or item types")
        return written


@dataclass
class HandoutReport:
    path: Path
    pages: int
    entries: int
    full: bool = False

    def __str__(self) -> str:
        what = "full reference" if self.full else "study sheet"
        return f"wrote {self.path}: {what}, {self.entries} entries on {self.pages} page(s)"


def default_key_path(out: Path) -> Path:
    return out.with_name(f"{out.stem}-key{out.suffix or '.pdf'}")


def build_quiz(factbase: FactBase, selection: Selection, types: Sequence[str] | None, out: Path | str, *,
               key: Path | str | None = None, count: int | None = None, versions: int = 1, seed: int = 0,
               paper: str = "a4", title: str = "Quiz", quizzes: QuizBook | None = None) -> QuizReport:
    """A printable quiz in ``versions`` versions, and its answer key with sources and passages; ``types``
    defaults to ``QUIZ_TYPES``. ``quizzes`` shares the plans of one build."""
    from quizgen.quiz import DEFAULT_QUESTION_COUNT
    from quizgen.render.key_pdf import write_key
    from quizgen.render.quiz_pdf import write_quiz

    wanted, size = item_types(types, QUIZ_TYPES), paper_size(paper)  # fail before doing the work
    out = Path(out)
    key_path = Path(key) if key is not None else default_key_path(out)
    ensure_writable_dir(out)
    ensure_writable_dir(key_path)
    if key_path.resolve() == out.resolve():
        raise QuizgenError(Problem(str(key_path), None, "--key", "the answer key would overwrite the quiz"))
    refuse_inputs([out], factbase_inputs(factbase))
    refuse_inputs([key_path], factbase_inputs(factbase), "--key")
    if quizzes is not None:
        quiz = quizzes.plan(selection, wanted, count=count, versions=versions, seed=seed, title=title)
    else:
        quiz = planned_quiz(factbase, selection, wanted, count=count, versions=versions, seed=seed, title=title)
    with output_batch():  # a quiz never stands beside another quiz's key
        write_quiz(quiz, out, size)
        write_key(quiz, key_path, size)
    first = quiz.versions[0]
    return QuizReport(out, key_path, versions, len(first.questions), sum(s.points for s in first.sections),
                      _count_types(quiz.items), count if count is not None else DEFAULT_QUESTION_COUNT)


def planned_quiz(factbase: FactBase, selection: Selection, types: Sequence[ItemType], *, count: int | None = None,
                 versions: int = 1, seed: int = 0, title: str = "Quiz") -> Quiz:
    """The quiz's questions in every version, before any page is laid out."""
    from quizgen.quiz import DEFAULT_QUESTION_COUNT, plan_quiz

    wanted = count if count is not None else DEFAULT_QUESTION_COUNT
    facts = quiz_candidates(select_facts(factbase, selection), wanted, seed)

    def redraw(chosen: Sequence[Item], version: int) -> list[Item]:
        # the same multiple-choice items drawn with another seed: other distractors, so a date's letter can move
        wanted_ids = {item.id for item in chosen}
        # only the facts of the questions redrawn: a few facts, however large the selection
        wanted_facts = [fact for fact in facts if any(fact.id in item.fact_ids for item in chosen)]
        return [item for draw in range(REDRAWS_PER_VERSION)
                for item in items_for(factbase, wanted_facts, ["mcq"], seed * 1009 + version * 31 + draw,
                                      every_form=True)
                if item.id in wanted_ids]

    with shared_indexes(factbase):  # every redraw is an engine of its own: all use the first one's indexes
        items = _items_or_fail(factbase, facts, types, seed, every_form=True)  # the quiz takes one item per fact itself
        return plan_quiz(items, title, wanted, versions, seed, redraw, kinds={fact.id: fact.kind for fact in facts})


QuizKey = tuple[Selection, tuple[str, ...], int | None, int]  # selection, types, count, seed


class QuizBook:
    """The quizzes one build plans, shared: a printed quiz and the exports of its questions (the same
    selection, types, count and seed) choose the same questions, so they are chosen once.

    An export takes only version A's questions, in order, which do not depend on how many versions are
    printed; a printed quiz takes a plan of exactly its number of versions (a date question's letter in
    version A may come from another draw of its distractors when there are more)."""

    def __init__(self, factbase: FactBase, printed: dict[QuizKey, int] | None = None) -> None:
        self.factbase = factbase
        self.printed = printed or {}  # the versions a build's printed quiz of each key takes
        self.plans: dict[QuizKey, list[Quiz]] = {}

    def plan(self, selection: Selection, types: Sequence[ItemType], *, count: int | None, seed: int, title: str,
             versions: int | None = None) -> Quiz:
        """The quiz of these options; ``versions`` None for an export, which needs only version A's questions."""
        from dataclasses import replace

        key: QuizKey = (selection, tuple(types), count, seed)
        planned = self.plans.setdefault(key, [])
        for quiz in planned:
            if versions is None or len(quiz.versions) == versions:
                return quiz if quiz.title == title else replace(quiz, title=title)
        quiz = planned_quiz(self.factbase, selection, types, count=count, seed=seed, title=title,
                            versions=versions if versions is not None else self.printed.get(key, 1))
        planned.append(quiz)
        return quiz


QUIZ_CANDIDATES_PER_QUESTION = 6
REDRAWS_PER_VERSION = 4  # other draws of distractors a date question may take its letter from


def quiz_candidates(facts: Sequence[Fact], count: int, seed: int) -> list[Fact]:
    """The facts worth turning into items for a quiz of ``count`` questions.

    A quiz of twenty questions from fifty thousand facts needs items for a seeded
    sample of them, not for all: the sample is generous (several facts per question)
    so that every section still finds its items.
    """
    wanted = count * QUIZ_CANDIDATES_PER_QUESTION
    if len(facts) <= max(wanted, 400):
        return list(facts)
    chosen = seeded_rng(seed, "quiz-candidates").sample(range(len(facts)), wanted)
    return [facts[i] for i in sorted(chosen)]


SHEET_PAGES = 2
# how far the sheet's budget shrinks, step by step, until the sheet fits its pages
SHEET_BUDGET_SHARES = (1.0, 0.9, 0.8, 0.7, 0.55, 0.4, 0.25)


def build_handout(factbase: FactBase, selection: Selection, out: Path | str, *, title: str = "Study handout",
                  paper: str = "a4", full: bool = False) -> HandoutReport:
    """A two-page study sheet of the selection's most important facts, or (``full``) the full reference."""
    from quizgen.handout.sheet import SheetBudget, plan_study_sheet
    from quizgen.render.handout_pdf import laid_out_sheet, write_study_sheet

    out = Path(out)
    paper = paper_size(paper)
    ensure_writable_dir(out)
    refuse_inputs([out], factbase_inputs(factbase))
    facts = select_facts(factbase, selection)
    if full:
        from quizgen.handout.reference import plan_full_reference
        from quizgen.render.reference_pdf import write_full_reference

        reference = plan_full_reference(factbase, facts, title)
        return HandoutReport(out, write_full_reference(reference, out, paper), reference.entries, full=True)
    whole = plan_study_sheet(factbase, facts, title)
    sheet = whole
    for share in SHEET_BUDGET_SHARES:
        sheet = plan_study_sheet(factbase, facts, title, SheetBudget.share_of(whole, share)) if share < 1 else whole
        laid = laid_out_sheet(sheet, paper)  # the layout that fits is the one written
        if laid.pages <= SHEET_PAGES:
            break
    return HandoutReport(out, write_study_sheet(sheet, out, paper, laid), sheet.entries)


def build_all(facts: Path | str, recipes_dir: Path | str, out_dir: Path | str,
              progress: Callable[[str], None] | None = None) -> list[BuildResult]:
    """Build every recipe in ``recipes_dir`` into ``out_dir`` (created if missing)."""
    recipes_dir, out_dir = Path(recipes_dir), Path(out_dir)
    factbase = load_factbase(facts)
    recipes = load_recipes(recipes_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise QuizgenError(Problem(str(out_dir), None, None, f"cannot create output folder: {err.strerror}")) from None
    targets = [(target, str(path)) for path, recipe in recipes for target in recipe_outputs(recipe, out_dir)]
    refuse_shared(targets)
    refuse_inputs([target for target, _ in targets], factbase_inputs(factbase, *(path for path, _ in recipes)))
    results = []
    notebook = NoteBook(factbase)  # every deck holds the same notes: made once
    quizzes = QuizBook(factbase, {(recipe.filters.selection(), tuple(item_types(recipe.types, QUIZ_TYPES)),
                                   recipe.count, recipe.seed): recipe.versions
                                  for _, recipe in recipes if isinstance(recipe, QuizRecipe)})
    # one batch: a recipe that fails leaves every earlier output of this build as it was; the items of every
    # recipe come from indexes of the whole base built once
    with output_batch(), shared_indexes(factbase):
        for path, recipe in recipes:
            if progress:
                progress(recipe.name)
            results.append(BuildResult(path, build_recipe(factbase, path, recipe, out_dir, notebook, quizzes)))
    return results


def recipe_outputs(recipe: AnyRecipe, out_dir: Path) -> list[Path]:
    """Every file a recipe writes into ``out_dir``."""
    out = out_dir / recipe.output
    if isinstance(recipe, AnkiRecipe):
        return [out, manifest_path(out)]
    if isinstance(recipe, QuizRecipe):
        return [out, out_dir / recipe.key if recipe.key else default_key_path(out)]
    return [out]


def factbase_inputs(factbase: FactBase, *extra: Path) -> list[Path]:
    return input_files(factbase.path, [text.path for text in factbase.texts.values()], *extra)


@dataclass
class ExportReport:
    path: Path
    export_format: str
    by_type: dict[str, int]

    def __str__(self) -> str:
        types = ", ".join(f"{count} {kind}" for kind, count in sorted(self.by_type.items()))
        return f"wrote {self.path}: {sum(self.by_type.values())} questions for {self.export_format} ({types})"


def build_export(factbase: FactBase, selection: Selection, types: Sequence[str] | None, export_format: str,
                 out: Path | str | None = None, *, seed: int = 0, title: str = "Quiz",
                 count: int | None = None, quizzes: QuizBook | None = None) -> ExportReport:
    """Every item of the selected facts (what ``quizgen items`` shows), written for a platform; with ``count``,
    only the questions of the quiz ``build_quiz`` prints with the same options (version A's order).

    ``types`` defaults to ``DECK_TYPES`` for ``tsv`` (flashcards) and to ``QUIZ_TYPES`` otherwise; ``out`` to
    the format's default file name (``DEFAULT_OUTPUT``)."""
    from quizgen.export import write_export

    chosen_format = export_format_named(export_format)
    types = item_types(types, DECK_TYPES if chosen_format == "tsv" else QUIZ_TYPES)
    out = Path(out if out is not None else DEFAULT_OUTPUT[chosen_format])
    ensure_writable_dir(out)
    refuse_inputs([out], factbase_inputs(factbase))
    if count is not None:
        book = quizzes if quizzes is not None else QuizBook(factbase)
        quiz = book.plan(selection, types, count=count, seed=seed, title=title)
        items = [question.item for question in quiz.versions[0].questions]
    else:
        items = selected_items(factbase, selection, types, seed)
    write_export(items, chosen_format, out, title)
    return ExportReport(out, chosen_format, _count_types(items))
