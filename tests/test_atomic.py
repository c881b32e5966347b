"""Outputs that belong together are replaced together, even when a run is killed between them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quizgen import QuizgenError
from quizgen.atomic import JOURNAL_NAME, OutputBatch, output_batch, recover_folder

OLD = {"quiz.pdf": b"old quiz", "quiz-key.pdf": b"old key"}
NEW = {"quiz.pdf": b"new quiz", "quiz-key.pdf": b"new key"}


def _old_pair(folder: Path) -> None:
    for name, data in OLD.items():
        (folder / name).write_bytes(data)


def _pair(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OLD}


def _visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() )


def test_a_batch_replaces_both_files(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    with output_batch() as batch:
        for name, data in NEW.items():
            batch.write(tmp_path / name, data)
    assert _pair(tmp_path) == NEW
    assert _visible(tmp_path) == sorted(NEW)


def test_a_failed_batch_leaves_the_old_pair_and_no_temporary_file(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    with pytest.raises(RuntimeError), output_batch() as batch:
        batch.write(tmp_path / "quiz.pdf", b"new quiz")
        raise RuntimeError("layout failed")
    assert _pair(tmp_path) == OLD
    assert _visible(tmp_path) == sorted(OLD)


def _killed_run(folder: Path, kill_after_moves: int) -> None:
    """A run killed (os._exit, no clean-up) after ``kill_after_moves`` of its file moves."""
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from quizgen import atomic
        real, moves = os.replace, []
        def replace(a, b):
            if Path(b).name != {JOURNAL_NAME!r} and not str(b).endswith(".part"):
                if len(moves) == {kill_after_moves}:
                    os._exit(9)
                moves.append(b)
            real(a, b)
        atomic.os.replace = replace
        folder = Path({str(folder)!r})
        with atomic.output_batch() as batch:
            batch.write(folder / "quiz.pdf", b"new quiz")
            batch.write(folder / "quiz-key.pdf", b"new key")
    """)
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == 9


def test_a_run_killed_between_the_moves_is_completed_by_the_next(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    _killed_run(tmp_path, kill_after_moves=1)
    assert (tmp_path / JOURNAL_NAME).exists()
    recover_folder(tmp_path)
    assert _pair(tmp_path) == NEW
    assert _visible(tmp_path) == sorted(OLD)  # no journal, no temporary file


def test_a_run_killed_before_moving_leaves_the_old_pair_and_its_litter_is_cleaned(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    _killed_run(tmp_path, kill_after_moves=0)
    # the killed run wrote its journal but moved nothing: the next run completes it
    recover_folder(tmp_path)
    assert _pair(tmp_path) in (OLD, NEW)
    assert _visible(tmp_path) == sorted(OLD)


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    _old_pair(tmp_path)
    (tmp_path / ".quiz.pdf.abc12345.part").write_bytes(b"half a quiz")
    recover_folder(tmp_path)
    assert _visible(tmp_path) == sorted(OLD)
    assert _pair(tmp_path) == OLD


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    first, second = OutputBatch(), OutputBatch()
    first.lock(tmp_path)
    try:
        with pytest.raises(QuizgenError, match="another quizgen build"):
            second.lock(tmp_path)
    finally:
        first.release()
    recover_folder(tmp_path)  # free again once the first build is done


def test_two_outputs_may_not_name_the_same_file(tmp_path: Path) -> None:
    with pytest.raises(QuizgenError, match="name the same file"), output_batch() as batch:
        batch.temp_for(tmp_path / "a.pdf")
        batch.temp_for(tmp_path / "a.pdf")
    assert _visible(tmp_path) == []
