"""Hardening II: a fact base or recipe written by someone else cannot reach outside its folder,
hang the tool, exhaust memory or slip a malformed value past the checks."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizgen import confined
from quizgen.cli import app
from tests.test_bad_input import assert_clean_failure, assert_untouched, earlier_outputs


def _edit(facts: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = json.loads(facts.read_text(encoding="utf-8"))
    change(data)
    facts.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return facts


def _source_file(value: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["sources"][0]["file"] = value
    return change


def _run(runner: CliRunner, facts: Path, out: Path, command: str = "anki") -> Any:
    earlier_outputs(out)
    args = {"anki": ["anki", "--facts", str(facts), "--out", str(out / "deck.apkg")],
            "check": ["check", "--facts", str(facts)]}[command]
    return runner.invoke(app, args)


@pytest.mark.parametrize(("file", "reason"), [
    ("/etc/passwd", "is an absolute path; give a path relative to the fact base's folder"),
    ("../../../../etc/passwd", "contains '..'; a file must be inside the fact base's folder"),
    ("sources/../../outside.txt", "contains '..'; a file must be inside the fact base's folder"),
])
def test_a_source_path_cannot_leave_the_fact_base_folder(apollo_copy: Path, tmp_path: Path, runner: CliRunner,
                                                         file: str, reason: str) -> None:
    facts = _edit(apollo_copy, _source_file(file))
    result = _run(runner, facts, tmp_path / "out")
    assert_clean_failure(result, f"{facts}: -: sources[apollo-notes].file: source file {file!r}: {reason}")
    assert_untouched(tmp_path / "out")


def test_a_symlink_that_leaves_the_folder_is_refused(apollo_copy: Path, tmp_path: Path, runner: CliRunner) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the deck", encoding="utf-8")
    (apollo_copy.parent / "sources" / "link.txt").symlink_to(secret)
    facts = _edit(apollo_copy, _source_file("sources/link.txt"))
    result = _run(runner, facts, tmp_path / "out")
    assert_clean_failure(result, f"{facts}: -: sources[apollo-notes].file: source file 'sources/link.txt': "
                                 "is a symlink that leads outside the fact base's folder")


def test_a_fifo_source_or_fact_base_fails_at_once(apollo_copy: Path, tmp_path: Path, runner: CliRunner) -> None:
    fifo = apollo_copy.parent / "sources" / "pipe.txt"
    os.mkfifo(fifo)
    facts = _edit(apollo_copy, _source_file("sources/pipe.txt"))
    result = _run(runner, facts, tmp_path / "out")
    assert_clean_failure(result, f"{facts}: -: sources[apollo-notes].file: source file 'sources/pipe.txt': "
                                 "is not a regular file (a FIFO, device or socket); give a file")
    result = _run(runner, fifo, tmp_path / "out2")
    assert_clean_failure(result, f"{fifo}: -: -: is not a regular file (a FIFO, device or socket); give a file")


def test_a_device_is_not_read(tmp_path: Path, runner: CliRunner) -> None:
    result = _run(runner, Path("/dev/zero"), tmp_path / "out")
    assert_clean_failure(result, "/dev/zero: -: -: is not a regular file (a FIFO, device or socket); give a file")


def test_an_oversized_source_is_refused(apollo_copy: Path, tmp_path: Path, runner: CliRunner,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(confined, "MAX_SOURCE_BYTES", 100)
    monkeypatch.setattr("quizgen.sources.MAX_SOURCE_BYTES", 100)
    result = _run(runner, apollo_copy, tmp_path / "out")
    assert result.exit_code == 2 and "the limit is 100 bytes" in result.stderr


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_errors_naming_the_field(apollo_copy: Path, tmp_path: Path, runner: CliRunner,
                                                       literal: str) -> None:
    text = apollo_copy.read_text(encoding="utf-8").replace('"value": 650000000', f'"value": {literal}')
    apollo_copy.write_text(text, encoding="utf-8")
    result = _run(runner, apollo_copy, tmp_path / "out")
    assert_clean_failure(result, f"{apollo_copy}: television-audience: value: Input should be a finite number")
    assert_untouched(tmp_path / "out")


@pytest.mark.parametrize(("old", "new", "where"), [
    ('"kind": "event",', '"kind": "event", "kind": "event",', "apollo-11-launch: kind"),
    ('"reviewed_on"', '"reviewed_on": "2024-01-01", "reviewed_on"', "apollo-11-launch: vetting.reviewed_on"),
    ('"sources": [', '"sources": [], "sources": [', "-: sources"),
])
def test_duplicate_keys_are_errors(apollo_copy: Path, tmp_path: Path, runner: CliRunner,
                                   old: str, new: str, where: str) -> None:
    text = apollo_copy.read_text(encoding="utf-8")
    assert old in text
    apollo_copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = _run(runner, apollo_copy, tmp_path / "out", "check")
    assert result.exit_code == 2
    assert f"{apollo_copy}: {where}: key given twice in one object; keep one" in result.stderr.splitlines()
    assert "Traceback" not in result.output


def test_a_fifo_recipe_fails_at_once(tmp_path: Path, runner: CliRunner) -> None:
    from quizgen.errors import QuizgenError
    from quizgen.recipes import load_recipe

    fifo = tmp_path / "deck.toml"
    os.mkfifo(fifo)
    with pytest.raises(QuizgenError, match="not a regular file"):
        load_recipe(fifo)


def test_fact_text_reaches_the_terminal_as_text(apollo_copy: Path, runner: CliRunner) -> None:
    hostile = "Eagle \x1b[31mred\x1b[0m [bold]bold[/bold] :rocket: \x07"

    def rename(data: dict[str, Any]) -> None:
        data["facts"][1]["name"] = hostile
    _edit(apollo_copy, rename)
    result = runner.invoke(app, ["facts", "list", "--facts", str(apollo_copy)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    result = runner.invoke(app, ["facts", "show", "eagle-landing", "--facts", str(apollo_copy)])
    assert "\x1b" not in result.output and "\x07" not in result.output
    flat = " ".join(result.output.split())  # the console wraps at its width
    assert "[bold]bold[/bold] :rocket:" in flat and "\\x1b[31mred" in flat


def test_item_ids_are_not_read_as_emoji_codes(apollo_copy: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["items", "--facts", str(apollo_copy), "--type", "qa"])
    assert result.exit_code == 0, result.output
    assert "qa:date:" in result.output
