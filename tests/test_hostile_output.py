"""Hardening II, the output side: writes stay in the output folder, never land on an input, and a
build is all or nothing; text from the fact base is shown as text in every output."""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from tests.pdf_reading import pages

DECK = 'format = "anki"\nname = "Apollo::{name}"\noutput = "{output}"\n'
QUIZ = 'format = "quiz"\nname = "Apollo quiz"\noutput = "{output}"\ncount = 5\n'


def _recipes(folder: Path, **recipes: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in recipes.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


def _build(runner: CliRunner, facts: Path, recipes: Path, out: Path, **env: str) -> Any:
    return runner.invoke(app, ["build", "--facts", str(facts), "--recipes", str(recipes), "--out", str(out)],
                         env=env or None)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("output", "reason"), [
    ("../escaped.apkg", "contains '..'; an output stays inside the output folder"),
    ("/tmp/quizgen-escaped.apkg", "is an absolute path; give a file name inside the output folder"),
    ("decks/", "names a folder, not a file"),
])
def test_a_recipe_cannot_write_outside_the_output_folder(apollo_copy: Path, tmp_path: Path, runner: CliRunner,
                                                         output: str, reason: str) -> None:
    recipes = _recipes(tmp_path / "decks", bad=DECK.format(name="Bad", output=output))
    result = _build(runner, apollo_copy, recipes, tmp_path / "dist")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"{recipes / 'bad.toml'}: -: output: {reason}"]
    assert not (tmp_path / "escaped.apkg").exists() and not Path("/tmp/quizgen-escaped.apkg").exists()


def test_two_recipes_may_not_write_the_same_file(apollo_copy: Path, tmp_path: Path, runner: CliRunner) -> None:
    recipes = _recipes(tmp_path / "decks", a=DECK.format(name="A", output="deck.apkg"),
                       b=DECK.format(name="B", output="deck.apkg"))
    result = _build(runner, apollo_copy, recipes, tmp_path / "dist")
    assert result.exit_code == 2
    assert f"{recipes / 'b.toml'}: -: output: {tmp_path / 'dist' / 'deck.apkg'} is also written by" in result.stderr
    assert not any((tmp_path / "dist").iterdir())


@pytest.mark.parametrize("args", [
    ["pdf", "--key", "{facts}"], ["pdf", "--out", "{facts}"], ["anki", "--out", "{source}"],
    ["handout", "--out", "{facts}"], ["export", "gift", "--out", "{facts}"],
])
def test_an_output_may_never_be_an_input(apollo_copy: Path, runner: CliRunner, tmp_path: Path,
                                         args: list[str]) -> None:
    source = next((apollo_copy.parent / "sources").iterdir())
    before = _snapshot(apollo_copy.parent)
    filled = [a.format(facts=apollo_copy, source=source) for a in args]
    if "--out" not in filled:
        filled += ["--out", str(tmp_path / "quiz.pdf")]
    result = runner.invoke(app, [*filled, "--facts", str(apollo_copy)])
    assert result.exit_code == 2, result.output
    assert "would overwrite an input" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _snapshot(apollo_copy.parent) == before


def test_a_recipe_that_fails_late_leaves_every_earlier_output_intact(apollo_copy: Path, tmp_path: Path,
                                                                    runner: CliRunner) -> None:
    recipes = _recipes(tmp_path / "decks", a=DECK.format(name="A", output="a.apkg"),
                       b=QUIZ.format(output="quiz.pdf"))
    out = tmp_path / "dist"
    assert _build(runner, apollo_copy, recipes, out, SOURCE_DATE_EPOCH="1700000000").exit_code == 0
    before = _snapshot(out)
    # the quiz now selects nothing: the build fails after the deck was made, and the deck stays as it was
    (recipes / "b.toml").write_text(QUIZ.format(output="quiz.pdf") + '[filters]\nsince = "2090"\n',
                                    encoding="utf-8")
    result = _build(runner, apollo_copy, recipes, out, SOURCE_DATE_EPOCH="1700000099")
    assert result.exit_code == 2, result.output
    assert _snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("value", ["nan", "inf", "-5", "1e9", "99999999999999999999", "soon"])
def test_source_date_epoch_is_validated(apollo_copy: Path, tmp_path: Path, runner: CliRunner, value: str) -> None:
    result = runner.invoke(app, ["anki", "--facts", str(apollo_copy), "--out", str(tmp_path / "d.apkg")],
                           env={"SOURCE_DATE_EPOCH": value})
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"SOURCE_DATE_EPOCH: -: -: {value!r} is not a whole number of seconds since 1970 (0 to 253402300799)"]
    assert not (tmp_path / "d.apkg").exists()


@pytest.mark.parametrize("deck_id", ["0", str(2**63), "-3"])
def test_deck_ids_are_in_anki_range(apollo_copy: Path, tmp_path: Path, runner: CliRunner, deck_id: str) -> None:
    result = runner.invoke(app, ["anki", "--facts", str(apollo_copy), "--out", str(tmp_path / "d.apkg"),
                                 "--deck-id", deck_id])
    assert result.exit_code == 2 and "--deck-id" in result.output and "Traceback" not in result.output
    recipes = _recipes(tmp_path / "decks", a=DECK.format(name="A", output="a.apkg") + f"deck_id = {deck_id}\n")
    result = _build(runner, apollo_copy, recipes, tmp_path / "dist")
    assert result.exit_code == 2 and ": -: deck_id: Input should be" in result.stderr


HOSTILE = "<b>bold</b> & <font size=40>big</font> {{c2::cloze}} [sound:a.mp3]"


def _hostile_base(apollo_copy: Path) -> Path:
    data = json.loads(apollo_copy.read_text(encoding="utf-8"))
    for fact in data["facts"]:
        if fact["id"] == "splashdown":
            fact["name"] = HOSTILE
    apollo_copy.write_text(json.dumps(data), encoding="utf-8")
    return apollo_copy


def test_anki_syntax_in_fact_text_stays_text(apollo_copy: Path, tmp_path: Path, runner: CliRunner) -> None:
    facts = _hostile_base(apollo_copy)
    deck = tmp_path / "d.apkg"
    assert runner.invoke(app, ["anki", "--facts", str(facts), "--out", str(deck)]).exit_code == 0
    with zipfile.ZipFile(deck) as package:
        (tmp_path / "col").write_bytes(package.read("collection.anki2"))
    fields = [row[0] for row in sqlite3.connect(tmp_path / "col").execute("select flds from notes")]
    shown = [f for f in fields if "bold" in f]
    assert shown and all("{{" not in f and "[sound:" not in f and "<b>bold" not in f for f in shown)
    assert any("&#123;&#123;c2::cloze&#125;&#125; &#91;sound:a.mp3&#93;" in f for f in shown)


def test_reportlab_markup_in_fact_text_is_printed_literally(apollo_copy: Path, tmp_path: Path,
                                                            runner: CliRunner) -> None:
    facts = _hostile_base(apollo_copy)
    out = tmp_path / "reference.pdf"
    assert runner.invoke(app, ["handout", "--full", "--facts", str(facts), "--out", str(out)]).exit_code == 0
    assert HOSTILE in " ".join(" ".join(pages(out)).split())


def test_very_long_text_is_laid_out_without_a_traceback(apollo_copy: Path, tmp_path: Path,
                                                        runner: CliRunner) -> None:
    data = json.loads(apollo_copy.read_text(encoding="utf-8"))
    data["facts"][1]["name"] = "Eagle " + "x" * 3000
    data["facts"][1]["statement"] = "The lunar module " + "landed " * 3000 + "."
    apollo_copy.write_text(json.dumps(data), encoding="utf-8")
    for args in (["handout"], ["handout", "--full"], ["pdf", "--types", "mcq,true-false,short-answer,matching"],
                 ["anki"]):
        out = tmp_path / ("x.apkg" if args == ["anki"] else "x.pdf")
        result = runner.invoke(app, [*args, "--facts", str(apollo_copy), "--out", str(out)])
        assert "Traceback" not in result.output
        assert result.exit_code == 0 or (result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1)


def test_a_killed_build_is_finished_by_the_next(apollo_copy: Path, tmp_path: Path) -> None:
    """A real process killed between moving a quiz and its key: the next command completes the pair."""
    import subprocess
    import sys
    import textwrap

    out = tmp_path / "out"
    out.mkdir()
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from quizgen import atomic
        real, moved = os.replace, []
        def replace(a, b):
            if Path(b).suffix == ".pdf":
                if moved:
                    os._exit(9)
                moved.append(b)
            real(a, b)
        atomic.os.replace = replace
        from quizgen.cli import main
        sys.argv = ["quizgen", "pdf", "--facts", {str(apollo_copy)!r}, "--out", {str(out / "quiz.pdf")!r},
                    "--count", "5"]
        main()
    """)
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 9
    assert (out / "quiz.pdf").exists() != (out / "quiz-key.pdf").exists()  # killed half way
    result = CliRunner().invoke(app, ["handout", "--facts", str(apollo_copy), "--out", str(out / "sheet.pdf")])
    assert result.exit_code == 0, result.output
    assert (out / "quiz.pdf").exists() and (out / "quiz-key.pdf").exists()
    assert sorted(p.name for p in out.iterdir()) == ["quiz-key.pdf", "quiz.pdf", "sheet.pdf"]
    assert os.stat(out / "quiz.pdf").st_size > 0
