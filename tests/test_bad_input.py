"""Bad input through the CLI: one clear line, exit code 2, no traceback, no output touched."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quizgen import QuizgenError, load_factbase
from quizgen.atomic import write_with
from quizgen.cli import app
from tests.conftest import APOLLO, BROKEN, ROOT

GOOD_BYTES = b"an earlier, good output"


def commands(facts: Path, out: Path) -> dict[str, list[str]]:
    """Each command that reads a fact base and writes an output, pointed at ``out``."""
    return {
        "anki": ["anki", "--facts", str(facts), "--out", str(out / "deck.apkg")],
        "pdf": ["pdf", "--facts", str(facts), "--out", str(out / "quiz.pdf")],
        "handout": ["handout", "--facts", str(facts), "--out", str(out / "handout.pdf")],
    }


def earlier_outputs(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("deck.apkg", "quiz.pdf", "quiz-key.pdf", "handout.pdf"):
        (out / name).write_bytes(GOOD_BYTES)


def assert_untouched(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == ["deck.apkg", "handout.pdf", "quiz-key.pdf", "quiz.pdf"]
    assert all(p.read_bytes() == GOOD_BYTES for p in out.iterdir())


def assert_clean_failure(result, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines == [expected], lines


BROKEN_CASES = {
    "bad-json": "-: -: invalid JSON at line 46 column 7: Expecting ',' delimiter",
    "bom": "-: -: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM",
    "not-utf8": "-: -: not valid UTF-8 at line 291 (byte 8095)",
    "empty": "-: -: file is empty; a fact base is a JSON object with sources and facts",
    "unknown-key": "nasa: founded: unknown key (not part of the fact format; see facts.schema.json)",
    "wrong-type": "television-audience: value: Input should be a valid number (got a string)",
    "unknown-kind": "splashdown: kind: unknown kind 'voyage'; valid kinds: event, agreement, place, person, "
                    "organization, figure",
    "missing-source-file": "-: sources[apollo-notes].file: source file not found: "
                           + str(BROKEN / "sources" / "apollo-12-notes.txt"),
    "quote-off-offsets": "eagle-landing: citations[0].quote: quote not at offsets 195:268; the text there reads "
                         "'July 20, 1969, the lunar module Eagle landed in the Sea of …'",
    "offsets-outside-text": "splashdown: citations[0].quote: offsets 5000:5010 run past the end of the text "
                            "(978 characters)",
    "duplicate-id": "nasa: id: duplicate id: facts[9] and facts[11] share it",
    "dangling-reference": "eagle-landing: conflicts_with[0]: no fact has the id 'moon-landing-hoax'",
    "impossible-date": "splashdown: when.date: '1969-02-30' is an impossible date: February 1969 has 28 days",
    "missing-citation": "splashdown: citations: at least one citation is required",
    "missing-according-to": "television-audience: according_to: required for a reported fact: say who makes "
                            "the claim",
    "sic-not-in-quote": "splashdown: citations[0].sic: 'Romania' is not in the quote",
}


@pytest.mark.parametrize("case", sorted(BROKEN_CASES))
@pytest.mark.parametrize("command", ["anki", "pdf", "handout"])
def test_broken_fact_base_leaves_outputs_untouched(case: str, command: str, tmp_path: Path) -> None:
    facts = BROKEN / f"{case}.json"
    out = tmp_path / "out"
    earlier_outputs(out)
    result = CliRunner().invoke(app, commands(facts, out)[command])
    assert_clean_failure(result, f"{facts}: {BROKEN_CASES[case]}")
    assert_untouched(out)


def test_source_edited_after_anchoring(apollo_copy: Path, tmp_path: Path) -> None:
    source = apollo_copy.parent / "sources" / "apollo-11-notes.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Four days later", "Four days on"),
                      encoding="utf-8")
    out = tmp_path / "out"
    earlier_outputs(out)
    result = CliRunner().invoke(app, commands(apollo_copy, out)["anki"])
    assert result.exit_code == 2 and "sources[apollo-notes].sha256" in result.stderr
    assert "the text changed after its quotes were anchored" in result.stderr
    assert_untouched(out)


@pytest.mark.parametrize(("args", "expected"), [
    (["--kind", "treaty"], "--kind: unknown value 'treaty'; valid values: event, agreement, place, person, "
                           "organization, figure"),
    (["--source", "wikipedia"], "--source: unknown value 'wikipedia'; valid values: apollo-notes"),
    (["--since", "2023-02-30"], "--since: '2023-02-30' is an impossible date: February 2023 has 28 days"),
    (["--kind", "agreement", "--since", "2000"], f"{APOLLO}: -: filters: no fact matches the filters (kind=agreement "
                                                 "since=2000)"),
])
@pytest.mark.parametrize("command", ["anki", "pdf", "handout"])
def test_bad_filters(args: list[str], expected: str, command: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    earlier_outputs(out)
    result = CliRunner().invoke(app, commands(APOLLO, out)[command] + args)
    assert_clean_failure(result, expected)
    assert_untouched(out)


@pytest.mark.parametrize(("recipe", "expected"), [
    ("unknown-key", "colour: unknown key"),
    ("unknown-format", "format: unknown format 'slides'; valid formats: anki, quiz, handout, moodle, gift, qti12, "
                       "qti21, tsv"),
])
def test_bad_recipe(recipe: str, expected: str, tmp_path: Path) -> None:
    recipes = tmp_path / "recipes"
    recipes.mkdir()
    shutil.copy(BROKEN / "recipes" / f"{recipe}.toml", recipes)
    out = tmp_path / "out"
    earlier_outputs(out)
    result = CliRunner().invoke(app, ["build", "--facts", str(APOLLO), "--recipes", str(recipes), "--out", str(out)])
    assert_clean_failure(result, f"{recipes / (recipe + '.toml')}: -: {expected}")
    assert_untouched(out)


def test_missing_fact_base(tmp_path: Path) -> None:
    out = tmp_path / "out"
    earlier_outputs(out)
    missing = tmp_path / "facts.json"
    result = CliRunner().invoke(app, commands(missing, out)["pdf"])
    assert_clean_failure(result, f"{missing}: -: -: fact base not found")
    assert_untouched(out)


@pytest.mark.parametrize("command", ["anki", "pdf", "handout"])
def test_output_in_a_missing_folder(command: str, tmp_path: Path) -> None:
    out = tmp_path / "nowhere"
    args = commands(APOLLO, out)[command]
    result = CliRunner().invoke(app, args)
    target = Path(args[-1])
    assert_clean_failure(result, f"{target}: -: -: cannot write: folder {out} does not exist")
    assert not out.exists()


@pytest.mark.parametrize("command", ["anki", "pdf", "handout"])
def test_output_in_a_read_only_folder(command: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    earlier_outputs(out)
    # the tests may run as root, for whom chmod does not stop writing: ask os.access to say no
    real_access = __import__("os").access
    monkeypatch.setattr("os.access", lambda path, mode: False if Path(path) == out else real_access(path, mode))
    args = commands(APOLLO, out)[command]
    result = CliRunner().invoke(app, args)
    assert_clean_failure(result, f"{args[-1]}: -: -: cannot write: folder {out} is not writable")
    assert_untouched(out)


def test_interrupted_build_keeps_the_earlier_good_outputs(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "dist"
    runner = CliRunner()
    recipes = tmp_path / "recipes"
    recipes.mkdir()
    (recipes / "a-deck.toml").write_text('format = "anki"\nname = "Apollo"\noutput = "apollo.apkg"\n')
    (recipes / "b-quiz.toml").write_text('format = "quiz"\nname = "Apollo quiz"\noutput = "apollo.pdf"\n'
                                         'versions = 2\n')
    assert runner.invoke(app, ["build", "--facts", str(APOLLO), "--recipes", str(recipes),
                               "--out", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def interrupted(path, story, **metadata):  # type: ignore[no-untyped-def]
        def half_written(temp: Path) -> None:
            temp.write_bytes(b"%PDF-1.4 half a quiz")
            raise KeyboardInterrupt  # the user presses Ctrl-C mid-write

        write_with(path, half_written)

    monkeypatch.setattr("quizgen.render.quiz_pdf.write_pdf", interrupted)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # the deck is rebuilt newer first
    result = runner.invoke(app, ["build", "--facts", str(APOLLO), "--recipes", str(recipes), "--out", str(out)])
    assert result.exit_code == 130  # click's exit code for Ctrl-C (128 + SIGINT)
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after["apollo.pdf"] == before["apollo.pdf"] and after["apollo-key.pdf"] == before["apollo-key.pdf"]
    assert not [name for name in after if name.endswith(".part")]


def test_html_long_and_unusual_text_builds(apollo_copy: Path, tmp_path: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    fact = doc["facts"][2]
    fact["statement"] = ("The crew <b>returned</b> & <script>x()</script> on 24 July 1969, "
                         + "splashing down in the Pacific Ocean; " * 60 + "Ω ə Ա “quoted” — done.")
    fact["name"] = "Splashdown <i>of</i> Apollo 11 — “Columbia”"
    apollo_copy.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for args in commands(apollo_copy, out).values():
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "quizgen", "check", "--facts", str(BROKEN / "bad-json.json")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"{BROKEN / 'bad-json.json'}: {BROKEN_CASES['bad-json']}"
    assert "Traceback" not in result.stderr


# --- fuzzing ---------------------------------------------------------------------------------

APOLLO_DOC = json.loads(APOLLO.read_text(encoding="utf-8"))
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=8), children, max_size=4), max_leaves=12)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def mutated_documents(draw: st.DrawFn) -> object:
    """The Apollo fact base with one value somewhere replaced by arbitrary JSON."""
    doc = json.loads(json.dumps(APOLLO_DOC))
    fact = draw(st.sampled_from(doc["facts"]))
    key = draw(st.sampled_from(sorted(fact)))
    fact[key] = draw(json_values)
    return doc


def _loads_cleanly(path: Path) -> None:
    try:
        load_factbase(path)
    except QuizgenError as err:
        assert err.problems and all(p.line().count("\n") == 0 for p in err.problems)


@FUZZ
@given(data=st.binary(max_size=300))
def test_fuzz_any_bytes(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_bytes(data)
    _loads_cleanly(path)


@FUZZ
@given(doc=mutated_documents())
def test_fuzz_mutated_fact_base(doc: object, apollo_copy: Path) -> None:
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    _loads_cleanly(apollo_copy)


@FUZZ
@given(args=st.lists(st.sampled_from(["--kind", "--tag", "--source", "--since", "--until", "--id", "--type",
                                       "--seed", "event", "2023", "x", "-1", "1969-07", "nasa", "mcq", "::"]),
                     max_size=6))
def test_fuzz_cli_arguments(args: list[str]) -> None:
    result = CliRunner().invoke(app, ["items", "--facts", str(APOLLO), *args])
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
