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

from prework import QUIZ_QUESTIONS  # noqa: E402
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


def test_the_bare_reportlab_script_lays_out_as_many_questions_as_quizgen_pdf(prepared: Path) -> None:
    versions = json.loads((prepared / "questions.json").read_text(encoding="utf-8"))
    result = subprocess.run([sys.executable, "-m", "quizgen", "pdf", "--facts", str(prepared / "facts.json"),
                             "--count", str(QUIZ_QUESTIONS), "--out", str(prepared / "quiz.pdf")],
                            capture_output=True, text=True, check=True)
    assert f"1 version(s) of {len(versions[0])} questions" in " ".join(result.stdout.split())
    out = prepared / "bare.pdf"
    result = subprocess.run([sys.executable, str(BENCHMARKS / "bare_reportlab.py"), str(prepared / "questions.json"),
                             str(out)], capture_output=True, text=True, check=True)
    assert float(result.stdout) > 0
    assert out.read_bytes().startswith(b"%PDF") and out.with_name("bare-key.pdf").exists()


@pytest.mark.parametrize("mode", ["anki", "pdf"])
def test_prework_runs_as_its_own_process(prepared: Path, mode: str) -> None:
    subprocess.run([sys.executable, str(BENCHMARKS / "prework.py"), mode, str(prepared / "facts.json")], check=True)


def test_prework_refuses_an_unknown_mode(prepared: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "prework.py"), "epub", str(prepared / "facts.json")],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "unknown mode 'epub'" in result.stderr
