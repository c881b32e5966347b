"""``quizgen export``: counts that match ``quizgen items``, byte-identical reruns, recipes, bad input."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from export_support import BASES, questions_by_type
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.export.moodle import moodle_type
from quizgen.export.qti12 import canvas_type
from quizgen.export.qti21 import interaction_name

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("moodle", "gift", "qti12", "qti21", "tsv")
GIFT_TYPES = {"mcq": "multichoice", "true-false": "truefalse", "short-answer": "shortanswer", "qa": "shortanswer",
              "cloze": "shortanswer", "matching": "match", "ordering": "match"}
ALL_TYPES = "qa,cloze,mcq,true-false,matching,ordering,short-answer"


def _platform_types(export_format: str, counts: Counter[str]) -> Counter[str]:
    """What ``counts`` of our item types become on the platform."""
    name = {"moodle": moodle_type, "gift": GIFT_TYPES.__getitem__, "qti12": canvas_type,
            "qti21": interaction_name, "tsv": lambda _: "card"}[export_format]
    result: Counter[str] = Counter()
    for item_type, count in counts.items():
        result[name(item_type)] += count  # type: ignore[operator]
    return result


def _items_count(runner: CliRunner, facts: Path, *options: str) -> Counter[str]:
    result = runner.invoke(app, ["items", "--facts", str(facts), "--json", *options])
    assert result.exit_code == 0, result.output
    return Counter(item["type"] for item in json.loads(result.stdout))


@pytest.mark.parametrize("base", ["shipped", "apollo"])
@pytest.mark.parametrize("types", [ALL_TYPES, "ordering,matching", "cloze"])
def test_every_selected_item_exported_once(base: str, types: str, runner: CliRunner, tmp_path: Path) -> None:
    expected = _items_count(runner, BASES[base], "--types", types)
    for export_format in FORMATS:
        out = tmp_path / f"export.{export_format}"
        result = runner.invoke(app, ["export", export_format, "--facts", str(BASES[base]), "--types", types,
                                     "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert questions_by_type(export_format, out.read_bytes()) == _platform_types(export_format, expected)


@pytest.mark.parametrize("export_format", FORMATS)
def test_same_inputs_same_bytes(export_format: str, runner: CliRunner, tmp_path: Path) -> None:
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        result = runner.invoke(app, ["export", export_format, "--facts", str(BASES["apollo"]), "--types", ALL_TYPES,
                                     "--seed", "3", "--out", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_works_with_no_options_on_the_shipped_base(runner: CliRunner, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "facts.json", tmp_path / "facts.json")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    for export_format in FORMATS:
        result = runner.invoke(app, ["export", export_format])
        assert result.exit_code == 0, result.output
        assert "wrote" in result.output
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(
        ["facts.json", "quiz-moodle.xml", "quiz.gift.txt", "quiz-canvas-qti12.zip", "quiz-qti21.zip", "cards.tsv"])


@pytest.mark.parametrize(("args", "message"), [
    (["export", "slides"], "FORMAT: unknown value 'slides'; valid values: moodle, gift, qti12, qti21, tsv"),
    (["export", "moodle", "--types", "essay"], "--types: unknown value 'essay'"),
    (["export", "gift", "--kind", "planet"], "--kind"),
    (["export", "qti21", "--out", "missing-folder/quiz.zip"], "folder missing-folder does not exist"),
])
def test_bad_input_one_line_exit_2(args: list[str], message: str, runner: CliRunner, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*args, "--facts", str(BASES["apollo"])])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not any(tmp_path.iterdir())


def test_shipped_export_recipes_build(runner: CliRunner, tmp_path: Path) -> None:
    recipes = tmp_path / "decks"
    recipes.mkdir()
    for name in ("class-quiz-moodle.toml", "class-quiz-canvas.toml"):
        shutil.copy(ROOT / "decks" / name, recipes / name)
    result = runner.invoke(app, ["build", "--facts", str(BASES["shipped"]), "--recipes", str(recipes),
                                 "--out", str(tmp_path / "dist")])
    assert result.exit_code == 0, result.output
    moodle = (tmp_path / "dist" / "class-quiz-moodle.xml").read_bytes()
    canvas = (tmp_path / "dist" / "class-quiz-canvas-qti12.zip").read_bytes()
    # the 20 questions of the printed class quiz, version A
    from quizgen.build import planned_quiz
    from quizgen.factbase import load_factbase
    from quizgen.select import Selection

    quiz = planned_quiz(load_factbase(BASES["shipped"]), Selection.of(importances=["core"]),
                        ["mcq", "true-false", "matching", "ordering", "short-answer"], count=20, seed=7)
    expected = Counter(question.item.type for question in quiz.versions[0].questions)
    assert sum(expected.values()) == 20
    assert questions_by_type("moodle", moodle) == _platform_types("moodle", expected)
    assert questions_by_type("qti12", canvas) == _platform_types("qti12", expected)


def test_count_exports_the_questions_of_the_printed_quiz(runner: CliRunner, tmp_path: Path) -> None:
    from quizgen.build import planned_quiz
    from quizgen.factbase import load_factbase
    from quizgen.select import Selection

    out = tmp_path / "quiz.txt"
    result = runner.invoke(app, ["export", "gift", "--facts", str(ROOT / "facts.json"), "--importance", "core",
                                 "--count", "12", "--seed", "7", "--out", str(out)])
    assert result.exit_code == 0, result.output
    quiz = planned_quiz(load_factbase(ROOT / "facts.json"), Selection.of(importances=["core"]),
                        ["mcq", "true-false", "short-answer"], count=12, seed=7)
    ids = [question.item.id for question in quiz.versions[0].questions]
    assert "12 questions" in " ".join(result.output.split())  # rich wraps the line at the terminal width
    text = out.read_text(encoding="utf-8")
    assert all(item_id in text or item_id[:60] in text for item_id in ids)


def test_a_build_plans_the_class_quiz_once_for_the_pdf_and_its_exports(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The printed quiz and the exports of its questions share one plan; version A's questions, which the
    exports take, do not depend on how many versions are printed."""
    import quizgen.build as build
    from quizgen.factbase import load_factbase
    from quizgen.select import Selection

    base = load_factbase(BASES["shipped"])
    types = ["mcq", "true-false", "matching", "ordering", "short-answer"]
    core = Selection.of(importances=["core"])
    one, two = (build.planned_quiz(base, core, types, count=20, seed=7, versions=v) for v in (1, 2))  # type: ignore[arg-type]
    assert [q.item.id for q in one.versions[0].questions] == [q.item.id for q in two.versions[0].questions]

    planned = []
    original = build.planned_quiz
    monkeypatch.setattr(build, "planned_quiz", lambda *a, **k: planned.append(k) or original(*a, **k))
    build.build_all(BASES["shipped"], ROOT / "decks", tmp_path / "dist")
    assert [k["versions"] for k in planned] == [2]
