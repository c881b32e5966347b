"""The benchmark tools still work: they run on demand, so nothing else would notice them break.

Nothing here is timed; these tests hold what the benchmarks compare to be the same work.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.factbase import load_factbase

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from synthetic import generate  # noqa: E402

SIZE = 240


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic base and what the bare scripts are fed, made as `run.py` makes them."""
    folder = tmp_path_factory.mktemp("bench")
    subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "prepare", str(SIZE), str(folder)], check=True)
    return folder


def test_the_synthetic_base_passes_check_with_every_fact(prepared: Path) -> None:
    factbase = load_factbase(prepared / "facts.json")
    assert len(factbase.facts) == SIZE
    result = subprocess.run([sys.executable, "-m", "quizgen", "check", "--facts", str(prepared / "facts.json")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    first = generate(50, tmp_path / "a").read_bytes()
    assert generate(50, tmp_path / "b").read_bytes() == first


def test_the_bare_genanki_script_writes_the_notes_quizgen_writes(prepared: Path) -> None:
    deck = prepared / "deck.apkg"
    subprocess.run([sys.executable, "-m", "quizgen", "anki", "--facts", str(prepared / "facts.json"),
                    "--out", str(deck)], check=True, capture_output=True)
    manifest = json.loads(deck.with_name("deck.apkg.manifest.json").read_text(encoding="utf-8"))
    notes = json.loads((prepared / "notes.json").read_text(encoding="utf-8"))["notes"]
    # the note's key is every note's last field: the same notes, in the same order
    assert [note["fields"][-1] for note in notes] == [note["key"] for note in manifest["notes"]]
    out = prepared / "bare.apkg"
    result = subprocess.run([sys.executable, str(BENCHMARKS / "bare_genanki.py"), str(prepared / "notes.json"),
                             str(out)], capture_output=True, text=True, check=True)
    assert float(result.stdout) > 0  # the seconds it spent in genanki, which run.py reads
    assert out.stat().st_size > 0


def test_the_bare_build_writes_what_the_shipped_build_writes(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "prepare-build", str(tmp_path)], check=True)
    spec = json.loads((tmp_path / "outputs.json").read_text(encoding="utf-8"))
    assert len(spec["decks"]) == 3 and len(spec["pdfs"]) == 4 and spec["files"]
    subprocess.run([sys.executable, str(BENCHMARKS / "bare_build.py"), str(tmp_path / "outputs.json"),
                    str(tmp_path / "bare")], check=True)
    written = {path.name for path in (tmp_path / "dist").iterdir()}
    assert {path.name for path in (tmp_path / "bare").iterdir()} == written
    from run import _deck_contents

    for deck in spec["decks"]:
        bare = _deck_contents(tmp_path / "bare" / deck["file"])
        assert [(n["guid"], n["fields"], n["cards"]) for n in bare["notes"]] == \
            [(n["guid"], n["fields"], n["cards"]) for n in deck["notes"]]


def test_the_bare_command_line_has_quizgen_commands() -> None:
    def commands(args: list[str]) -> list[str]:
        shown = subprocess.run(args, capture_output=True, text=True, check=True, env={"COLUMNS": "200"}).stdout
        return [line.split()[1] for line in shown.split("╭─ Commands")[1].splitlines()[1:]
                if line.startswith("│ ") and not line.startswith("│  ")]

    quizgen = commands([sys.executable, "-m", "quizgen", "--help"])
    assert commands([sys.executable, str(BENCHMARKS / "bare_cli.py"), "--help"]) == quizgen and "build" in quizgen


def test_each_timed_run_sees_another_fact_base(prepared: Path, tmp_path: Path) -> None:
    from run import edit

    facts = tmp_path / "facts.json"
    facts.write_bytes((prepared / "facts.json").read_bytes())
    seen = {facts.read_bytes()}
    for _ in range(3):
        edit(facts)
        assert facts.read_bytes() not in seen and facts.read_bytes().endswith(b"\n")
        seen.add(facts.read_bytes())
    assert json.loads(facts.read_text(encoding="utf-8")) == json.loads((prepared / "facts.json").read_text("utf-8"))


@pytest.mark.parametrize("mode", ["anki", "pdf", "load"])
def test_prework_runs_as_its_own_process(prepared: Path, mode: str) -> None:
    subprocess.run([sys.executable, str(BENCHMARKS / "prework.py"), mode, str(prepared / "facts.json")], check=True)


def test_prework_refuses_an_unknown_mode(prepared: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "prework.py"), "epub", str(prepared / "facts.json")],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "unknown mode 'epub'" in result.stderr


def test_prework_build_makes_the_notes_and_quizzes_the_shipped_build_makes(tmp_path: Path) -> None:
    from prework import planned_build

    from quizgen.build import QuizReport, build_all
    from quizgen.deck_plan import NoteBook

    root = BENCHMARKS.parent
    results = build_all(root / "facts.json", root / "decks", tmp_path / "dist")
    printed = sum(report.questions for result in results for report in result.reports
                  if isinstance(report, QuizReport))
    notes = len(NoteBook(load_factbase(root / "facts.json")).notes)
    assert printed and planned_build(root / "decks", root / "facts.json") == notes + printed
