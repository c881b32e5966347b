"""The public API: what README's "Use it from Python" shows runs as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import quizgen
from tests.conftest import ROOT


def _readme_python() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it from Python", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_readme_examples_run_as_written(tmp_path: Path) -> None:
    shutil.copy(ROOT / "facts.json", tmp_path / "facts.json")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    blocks = _readme_python()
    assert blocks
    for block in blocks:
        result = subprocess.run([sys.executable, "-c", block], cwd=tmp_path, capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0, result.stderr
    for name in ("core.apkg", "quiz.pdf", "quiz-key.pdf", "sheet.pdf", "quiz.xml"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert "--paper: unknown value 'a5'" in result.stdout


def test_every_public_name_resolves() -> None:
    assert set(quizgen.__all__) == {"__version__", *quizgen._EXPORTS}
    for name in quizgen.__all__:
        assert getattr(quizgen, name) is not None


def test_importing_quizgen_loads_no_heavy_library() -> None:
    heavy = "('pydantic', 'genanki', 'reportlab', 'lxml')"
    code = f"import sys, quizgen; print(sorted(m for m in {heavy} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_one_answer_text_reads_the_same_in_the_key_the_cards_and_tsv() -> None:
    from quizgen.export.tsv import render
    from quizgen.render.anki_fields import answer_html
    from quizgen.render.card_text import card_text
    from tests.conftest import APOLLO

    base = quizgen.load_factbase(APOLLO)
    items = quizgen.items_for(base, None, ["mcq", "true-false"], seed=3, every_form=True)
    false = next(item for item in items if item.type == "true-false" and item.correction)
    assert quizgen.answer_text(false) == f"False — {false.correction}"
    mcq = next(item for item in items if item.type == "mcq")
    assert quizgen.answer_text(mcq) == f"{'ABCD'[mcq.correct_option or 0]}. {mcq.answer}"
    tsv = render(items, "Quiz").decode("utf-8")
    for item in (false, mcq):
        assert answer_html(item) == card_text(quizgen.answer_text(item))
        assert f"\t{quizgen.answer_text(item)} — " in tsv


def test_renderers_take_plans_and_never_read_the_fact_base() -> None:
    package = ROOT / "quizgen"
    for folder in ("render", "export"):
        for path in sorted((package / folder).glob("*.py")):
            code = path.read_text(encoding="utf-8")
            for stage in ("quizgen.factbase", "quizgen.model", "quizgen.select"):
                assert stage not in code, f"{path.name} reads {stage}"


def _bad_calls(base: quizgen.FactBase, out: Path) -> dict[str, object]:
    every = quizgen.Selection()
    return {
        "--types": lambda: quizgen.items_for(base, None, ["essay"], every_form=True),
        "--kind": lambda: quizgen.select_facts(base, quizgen.Selection.of(kinds="battle")),
        "--paper": lambda: quizgen.build_handout(base, every, out / "h.pdf", paper="A4"),
        "--count": lambda: quizgen.build_quiz(base, every, None, out / "q.pdf", count=0),
        "--versions": lambda: quizgen.build_quiz(base, every, None, out / "q.pdf", versions=27),
        "--deck-id": lambda: quizgen.build_deck(base, every, None, out / "d.apkg", deck_id=2**64),
        "FORMAT": lambda: quizgen.build_export(base, every, None, "slides", out / "x"),
    }


def test_a_bad_value_is_the_librarys_own_error_naming_the_option(tmp_path: Path) -> None:
    from tests.conftest import APOLLO

    base = quizgen.load_factbase(APOLLO)
    for option, call in _bad_calls(base, tmp_path).items():
        try:
            call()  # type: ignore[operator]
        except quizgen.InvalidOption as err:
            (problem,) = err.problems
            assert problem.line().startswith(f"{option}: "), problem.line()
        else:
            raise AssertionError(f"{option}: no error")
    assert not list(tmp_path.iterdir())  # nothing written


def test_the_library_owns_the_defaults(tmp_path: Path) -> None:
    from tests.conftest import APOLLO

    base = quizgen.load_factbase(APOLLO)
    deck = quizgen.build_deck(base, quizgen.Selection.of(kinds="person"), None, tmp_path / "crew.apkg")
    assert deck.deck_name == "quizgen::crew" and set(deck.items_by_type) <= set(quizgen.DECK_TYPES)
    export = quizgen.build_export(base, quizgen.Selection(), None, "tsv", tmp_path / "cards.tsv")
    assert set(export.by_type) <= set(quizgen.DECK_TYPES)
