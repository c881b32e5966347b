"""Writing outputs atomically: a failed build never leaves a partial file or clobbers a good one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from quizgen.errors import Problem, QuizgenError


def _describe(err: OSError) -> str:
    return err.strerror or err.__class__.__name__


def ensure_writable_dir(path: Path) -> None:
    """Fail early, before any work, when the folder for an output is missing or read-only."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise QuizgenError(Problem(str(path), None, None, f"cannot write: folder {folder} does not exist"))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QuizgenError(Problem(str(path), None, None, f"cannot write: folder {folder} is not writable"))
    if path.is_dir():
        raise QuizgenError(Problem(str(path), None, None, "cannot write: it is a directory"))


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.

    For writers such as genanki and reportlab that want a file name of their own.
    The temporary file lives in the same folder so the final rename is atomic.
    """
    target = Path(path)
    ensure_writable_dir(target)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    except OSError as err:
        raise QuizgenError(Problem(str(target), None, None, f"cannot write: {_describe(err)}")) from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        # mkstemp makes files private (0600); an output should get the usual mode
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except OSError as err:
        raise QuizgenError(Problem(str(target), None, None, f"cannot write: {_describe(err)}")) from None
    finally:
        temp.unlink(missing_ok=True)


def write_atomic(path: Path | str, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as temp:
        temp.write_bytes(payload)


def write_with(path: Path | str, writer: Callable[[Path], None]) -> None:
    """Run ``writer(temp_path)`` and move the result to ``path`` only when it succeeds."""
    with atomic_path(path) as temp:
        writer(temp)
