"""The CLI, driven as a user drives it: exit codes, one-line errors, no tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.model import json_schema
from tests.conftest import APOLLO, BROKEN, FACTS, ROOT


def run(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_check_clean_fact_base_exits_zero_with_report(runner: CliRunner) -> None:
    result = run(runner, "check", "--facts", str(APOLLO))
    assert result.exit_code == 0, result.output
    assert "11 facts from 1 sources — clean" in result.output
    assert "by kind" in result.output and "person" in result.output


def test_check_shipped_fact_base(runner: CliRunner) -> None:
    result = run(runner, "check", "--facts", str(FACTS))
    assert result.exit_code == 0, result.output
    assert "contested" in result.output and "conflicts recorded" in result.output


def test_check_broken_exits_two_with_one_line_per_error(runner: CliRunner) -> None:
    path = BROKEN / "duplicate-id.json"
    result = run(runner, "check", "--facts", str(path))
    assert result.exit_code == 2
    assert f"{path}: nasa: id: duplicate id: facts[9] and facts[11] share it" in result.stderr.splitlines()
    assert "Traceback" not in result.output


def test_fix_offsets_through_the_cli(runner: CliRunner, apollo_copy: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    doc["facts"][2]["citations"][0]["start"] -= 2
    doc["facts"][2]["citations"][0]["end"] -= 2
    apollo_copy.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run(runner, "check", "--facts", str(apollo_copy)).exit_code == 2
    result = run(runner, "check", "--fix-offsets", "--facts", str(apollo_copy))
    assert result.exit_code == 0, result.output
    assert "re-anchored splashdown citations[0]" in result.output


def test_facts_list_with_filters(runner: CliRunner) -> None:
    result = run(runner, "facts", "list", "--facts", str(APOLLO), "--kind", "person")
    assert result.exit_code == 0
    assert "3 of 11 facts" in result.output and "buzz-aldrin" in result.output and "nasa" not in result.output


def test_facts_list_json(runner: CliRunner) -> None:
    result = run(runner, "facts", "list", "--facts", str(APOLLO), "--id", "nasa", "--json")
    assert [fact["id"] for fact in json.loads(result.stdout)] == ["nasa"]


def test_unknown_filter_value_lists_valid_ones(runner: CliRunner) -> None:
    result = run(runner, "facts", "list", "--facts", str(APOLLO), "--kind", "battle")
    assert result.exit_code == 2
    # an option error names the option, not the fact base: one line
    assert result.stderr.strip() == ("--kind: unknown value 'battle'; valid values: event, agreement, "
                                     "place, person, organization, figure")


def test_facts_show_prints_the_passage_in_its_context(runner: CliRunner) -> None:
    result = run(runner, "facts", "show", "eagle-landing", "--facts", str(APOLLO))
    assert result.exit_code == 0, result.output
    # the panel wraps lines and draws borders: read it as flowing text
    text = " ".join(result.output.replace("│", " ").replace("╭", " ").replace("─", " ").split())
    assert "Landing of the lunar module Eagle" in text
    assert "Four days later, on July 20, 1969, the lunar module Eagle landed" in text
    assert "Apollo 11: a short study text, quizgen test suite, 1 March 2024" in text


def test_facts_show_unknown_id(runner: CliRunner) -> None:
    result = run(runner, "facts", "show", "apollo-12", "--facts", str(APOLLO))
    assert result.exit_code == 2 and result.stderr.strip() == "--id: no fact has the id 'apollo-12'"


def test_schema_prints_the_generated_schema(runner: CliRunner) -> None:
    result = run(runner, "schema")
    assert json.loads(result.stdout) == json_schema()


def test_cite_prints_an_exact_citation(runner: CliRunner) -> None:
    result = run(runner, "cite", "apollo-notes", "NASA's estimate", "--facts", str(APOLLO))
    citation = json.loads(result.stdout)
    assert citation["quote"] == "NASA’s estimate" and citation["end"] - citation["start"] == 15


def test_missing_fact_base_in_current_directory(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "facts.json: -: -: fact base not found"


def test_python_dash_m_and_help_stay_light() -> None:
    code = ("import sys, runpy; sys.argv = ['quizgen', '--help']\n"
            "try:\n    runpy.run_module('quizgen', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('genanki', 'reportlab', 'pydantic') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "Usage: quizgen" in out and "check" in out
    assert "HEAVY []" in out


def test_anki_deck_of_only_agreements(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "agreements.apkg"
    result = run(runner, "anki", "--facts", str(FACTS), "--kind", "agreement", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.exists() and "notes" in result.output


def test_quiz_on_2023_twenty_questions_seed_7(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "quiz.pdf"
    args = ["pdf", "--facts", str(FACTS), "--since", "2023", "--until", "2023", "--count", "20", "--seed", "7",
            "--versions", "2", "--title", "2023", "--out", str(out)]
    result = run(runner, *args)
    assert result.exit_code == 0, result.output
    assert out.exists() and (tmp_path / "quiz-key.pdf").exists()
    said = " ".join(result.output.split())
    made = int(said.split("2 version(s) of ")[1].split()[0])
    # the year's facts give close to twenty questions no one of which answers another; fewer are said, not hidden
    assert 18 <= made <= 20 and (made == 20 or "20 were asked for" in said)
    first = out.read_bytes()
    assert run(runner, *args).exit_code == 0 and out.read_bytes() == first


def test_a_quiz_shorter_than_asked_for_says_so(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "quiz.pdf"
    result = run(runner, "pdf", "--facts", str(APOLLO), "--count", "200", "--out", str(out))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    made = int(said.split("version(s) of ")[1].split()[0])
    assert made < 200 and "200 were asked for" in said and out.exists()
    # a quiz of the size asked for says nothing more
    full = run(runner, "pdf", "--facts", str(APOLLO), "--count", "3", "--out", str(out))
    assert "3 questions" in " ".join(full.output.split()) and "asked for" not in full.output


def test_handout_command(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "handout", "--facts", str(APOLLO), "--out", str(tmp_path / "h.pdf"), "--paper", "letter")
    assert result.exit_code == 0, result.output


def test_build_writes_every_recipe(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "build", "--facts", str(FACTS), "--recipes", str(ROOT / "decks"), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = {p.name for p in tmp_path.iterdir()}
    assert {"nagorno-karabakh-full.apkg", "class-quiz.pdf", "class-quiz-key.pdf",
            "study-sheet.pdf", "full-reference.pdf"} <= written


def test_unknown_item_type_lists_valid_ones(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "items", "--facts", str(APOLLO), "--type", "essay")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("--types: unknown value 'essay'; valid values: qa, cloze, mcq, "
                                     "true-false, matching, ordering, short-answer")


def test_unwritable_output_is_one_line_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "deck.apkg"
    result = run(runner, "anki", "--facts", str(APOLLO), "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{out}: -: -: cannot write: folder {out.parent} does not exist"
    assert not out.parent.exists()


def test_unknown_paper(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "pdf", "--facts", str(APOLLO), "--paper", "a5", "--out", str(tmp_path / "q.pdf"))
    assert result.exit_code == 2 and result.stderr.strip() == "--paper: unknown value 'a5'; valid values: a4, letter"


def test_items_and_lint_commands(runner: CliRunner) -> None:
    items = run(runner, "items", "--facts", str(APOLLO), "--type", "mcq", "--seed", "3")
    assert items.exit_code == 0 and "✓" in items.output
    lint = run(runner, "lint", "--facts", str(APOLLO))
    # the fixture gives Michael Collins a role its quote does not state: an error, so exit 1
    assert lint.exit_code == 1
    assert (f"error: {APOLLO}: michael-collins: role: answer 'command module pilot' cannot be read in the cited "
            "passages") in lint.stderr
    warnings_only = run(runner, "lint", "--facts", str(APOLLO), "--kind", "event")
    assert warnings_only.exit_code == 0, warnings_only.output


def test_report_header_stays_on_one_line_for_a_long_path(runner: CliRunner, tmp_path: Path) -> None:
    import shutil

    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "apollo"
    shutil.copytree(APOLLO.parent, deep)
    result = run(runner, "check", "--facts", str(deep / "facts.json"))
    assert result.exit_code == 0
    assert f"{deep / 'facts.json'}: 11 facts from 1 sources — clean, 0 warning(s)" in result.output.splitlines()


def test_handout_full_reference(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "handout", "--facts", str(APOLLO), "--out", str(tmp_path / "r.pdf"), "--full")
    assert result.exit_code == 0, result.output
    assert "full reference" in " ".join(result.output.split()) and (tmp_path / "r.pdf").exists()


def test_a_sheet_with_nothing_to_show_exits_2_with_one_line(runner: CliRunner, apollo_copy: Path,
                                                            tmp_path: Path) -> None:
    doc = json.loads(apollo_copy.read_text(encoding="utf-8"))
    for fact in doc["facts"]:
        if fact["kind"] == "agreement":
            del fact["when"]  # an undated agreement: nothing a two-page sheet can place
    apollo_copy.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "h.pdf"
    result = run(runner, "handout", "--facts", str(apollo_copy), "--kind", "agreement", "--out", str(out))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "nothing to show" in result.stderr
    assert not out.exists()
    assert run(runner, "handout", "--facts", str(apollo_copy), "--kind", "agreement", "--out", str(out),
               "--full").exit_code == 0


def test_version_is_printed(runner: CliRunner) -> None:
    from quizgen import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"quizgen {__version__}"


def _commands() -> dict[str, object]:
    """Every registered command by its full name ("facts list"), groups included."""
    import typer.main

    found: dict[str, object] = {}

    def walk(command: object, path: str) -> None:
        found[path] = command
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(typer.main.get_command(app), "")
    return found


def test_help_shows_flags_as_flags(runner: CliRunner) -> None:
    for name in _commands():
        result = run(runner, *name.split(), "--help")
        assert result.exit_code == 0, (name, result.output)
        assert "<bool>" not in result.output, name
        assert "--help" in result.output


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    leaves = [name for name, command in _commands().items() if name and not hasattr(command, "commands")]
    assert len(leaves) >= 12
    for name in leaves:
        assert f"`quizgen {name}" in readme, name


@pytest.mark.parametrize(("args", "option"), [
    (["facts", "list", "--kind", "battle"], "--kind"),
    (["facts", "list", "--importance", "vital"], "--importance"),
    (["items", "--types", "essay"], "--types"),
    (["items", "--since", "1969-02-30"], "--since"),
    (["lint", "--tag", "nowhere"], "--tag"),
    (["pdf", "--paper", "a5", "--out", "q.pdf"], "--paper"),
    (["handout", "--paper", "legal", "--out", "h.pdf"], "--paper"),
    (["anki", "--types", "essay", "--out", "d.apkg"], "--types"),
    (["export", "moodle", "--source", "wiki"], "--source"),
])
def test_an_option_error_names_the_option_not_a_file(runner: CliRunner, args: list[str], option: str,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, *args, "--facts", str(APOLLO))
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{option}: "), line
    assert str(APOLLO) not in line
    assert not list(tmp_path.iterdir())  # nothing written


@pytest.mark.parametrize("args", [
    ["check"], ["facts", "list", "--kind", "person"], ["facts", "show", "nasa"], ["items", "--types", "mcq"],
    ["lint"],
])
def test_listing_commands_print_json(runner: CliRunner, args: list[str]) -> None:
    result = run(runner, *args, "--facts", str(APOLLO), "--json")
    assert result.exit_code in (0, 1), result.output  # lint exits 1 on errors, and says them in its JSON
    data = json.loads(result.stdout)
    assert data


def test_lint_json_carries_codes_and_severities(runner: CliRunner) -> None:
    from quizgen.lint import LINT_CODES

    findings = json.loads(run(runner, "lint", "--facts", str(APOLLO), "--json").stdout)
    assert findings and all(f["code"] in LINT_CODES and f["severity"] in ("error", "warning") for f in findings)


def test_items_json_is_written_in_batches_as_one_list(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON is written a batch of items at a time, and reads as the one list it always printed."""
    from dataclasses import asdict

    monkeypatch.setattr("quizgen.cli.items.JSON_BATCH", 20)

    from quizgen.factbase import load_factbase
    from quizgen.items import items_for

    expected = [asdict(item) for item in items_for(load_factbase(FACTS), seed=3)]
    assert len(expected) > 20  # more than one batch
    result = run(runner, "items", "--facts", str(FACTS), "--json", "--seed", "3")
    assert result.exit_code == 0, result.output
    assert result.stdout == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))
    nothing = run(runner, "items", "--facts", str(APOLLO), "--json", "--type", "ordering", "--kind", "place")
    assert nothing.exit_code == 0 and nothing.stdout == "[]\n"


def test_items_json_writes_what_json_dumps_writes() -> None:
    from dataclasses import asdict

    from hypothesis import given
    from hypothesis import strategies as st

    from quizgen.cli.items import _indented_json
    from quizgen.items import Passage

    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
    values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                           st.dictionaries(st.text(max_size=4), inner, max_size=3)))

    @given(values)
    def same(value: object) -> None:
        assert _indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)

    same()
    passage = Passage("f", "s", "Title “T”", 1, 9, "quote\n\u00a0é", before="b", source_short="S")
    assert _indented_json((passage, [])) == json.dumps((asdict(passage), []), indent=2, ensure_ascii=False)
