"""Writing outputs atomically: a failed build never leaves a partial file or clobbers a good one."""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from quizgen.errors import Problem, QuizgenError


def _describe(err: OSError) -> str:
    return err.strerror or err.__class__.__name__


def ensure_writable_dir(path: Path) -> None:
    """Fail early, before any work, when the folder for an output is missing or read-only."""
    if "\x00" in str(path):
        raise QuizgenError(Problem(repr(str(path))[1:-1], None, None, "cannot write: the path contains a NUL byte"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise QuizgenError(Problem(str(path), None, None, f"cannot write: folder {folder} does not exist"))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QuizgenError(Problem(str(path), None, None, f"cannot write: folder {folder} is not writable"))
    if path.is_dir():
        raise QuizgenError(Problem(str(path), None, None, "cannot write: it is a directory"))


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` only if the block succeeds.

    For writers such as genanki and reportlab that want a file name of their own. Inside an
    :func:`output_batch` the file is moved with the rest of the batch, when the batch ends.
    """
    with output_batch() as batch:
        temp = batch.temp_for(path)
        try:
            yield temp
        except OSError as err:  # a full disk, say: one line naming the output, and the batch is undone
            raise QuizgenError(Problem(str(path), None, None, f"cannot write: {_describe(err)}")) from None


def write_atomic(path: Path | str, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as temp:
        temp.write_bytes(payload)


def write_with(path: Path | str, writer: Callable[[Path], None]) -> None:
    """Run ``writer(temp_path)`` and move the result to ``path`` only when it succeeds."""
    with atomic_path(path) as temp:
        writer(temp)


# --- outputs that belong together ------------------------------------------------------
#
# A quiz and its key, a deck and its manifest: a reader must never find a new quiz beside an
# old key. Each file is written to a temporary file beside its target; then a journal that
# lists every move is written (atomically), the moves are made, and the journal is removed.
# A run killed before the journal exists leaves the old files, and its temporary files are
# removed by the next run; a run killed after it has its moves completed by the next run.
# A lock on each output folder keeps two builds from mixing their outputs.

JOURNAL_NAME = ".quizgen-commit.json"
TEMP_SUFFIX = ".part"


_ACTIVE: ContextVar[OutputBatch | None] = ContextVar("quizgen_output_batch", default=None)
# what mkstemp names our temporary files: ".NAME.XXXXXXXX.part"
_OUR_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")


class OutputBatch:
    """Files written together: ``temp_for(target)`` gives the path to write; ``commit`` moves them all.

    The first file written into a folder takes that folder's lock, finishes any batch a killed
    run left half moved there, and removes the temporary files it left.
    """

    def __init__(self) -> None:
        self.moves: list[tuple[Path, Path]] = []
        self._locks: dict[Path, int] = {}  # folder → the descriptor that holds its lock

    def lock(self, folder: Path) -> None:
        """Take the folder's lock (the folder itself is locked: no lock file is left behind)."""
        import fcntl

        real = folder.resolve()
        if real in self._locks:
            return
        try:
            fd = os.open(real, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError as err:
            raise QuizgenError(Problem(str(folder), None, None, f"cannot write: {_describe(err)}")) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise QuizgenError(Problem(str(folder), None, None,
                                       "another quizgen build is writing to this folder; wait for it to finish")
                               ) from None
        self._locks[real] = fd
        finish_interrupted(real)
        remove_stale_temporaries(real)

    def release(self) -> None:
        for fd in self._locks.values():
            os.close(fd)
        self._locks = {}

    def temp_for(self, target: Path | str) -> Path:
        target = Path(target)
        ensure_writable_dir(target)
        if any(target.resolve() == existing.resolve() for _, existing in self.moves):
            raise QuizgenError(Problem(str(target), None, None, "two outputs of one build name the same file"))
        folder = target.parent if str(target.parent) else Path(".")
        self.lock(folder)
        try:
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
        except OSError as err:
            raise QuizgenError(Problem(str(target), None, None, f"cannot write: {_describe(err)}")) from None
        os.close(handle)
        self.moves.append((Path(name), target))
        return Path(name)

    def write(self, target: Path | str, data: bytes | str) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        self.temp_for(target).write_bytes(payload)

    def discard(self) -> None:
        for temp, _ in self.moves:
            temp.unlink(missing_ok=True)
        self.moves = []

    def commit(self) -> None:
        """Move every file into place; a journal in each folder lets the next run finish if this one is killed."""
        if not self.moves:
            return
        umask = os.umask(0)
        os.umask(umask)
        entries = [[str(temp.resolve()), str(target.resolve())] for temp, target in self.moves]
        journals = sorted({Path(target).parent / JOURNAL_NAME for _, target in entries})
        try:
            for temp, _ in self.moves:
                os.chmod(temp, 0o666 & ~umask)  # mkstemp makes files private; an output gets the usual mode
            for journal in journals:
                _write_journal(journal, json.dumps(entries))
            _complete(entries)
            for journal in journals:
                journal.unlink(missing_ok=True)
        except OSError as err:
            raise QuizgenError(Problem(str(self.moves[0][1]), None, None, f"cannot write: {_describe(err)}")) from None
        self.moves = []


def _write_journal(path: Path, text: str) -> None:
    temp = path.with_name(path.name + TEMP_SUFFIX)
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _complete(entries: list[list[str]]) -> None:
    for temp, target in entries:
        if os.path.exists(temp):
            os.replace(temp, target)


def _is_own_move(entry: object) -> bool:
    """A journal entry moves a temporary file of ours onto its sibling, and nothing else."""
    if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(p, str) for p in entry)):
        return False
    temp, target = Path(entry[0]), Path(entry[1])
    return temp.parent == target.parent and temp.name.startswith(f".{target.name}.") \
        and temp.name.endswith(TEMP_SUFFIX)


def finish_interrupted(folder: Path) -> None:
    """Complete the moves of a batch that a killed run had begun (its journal lists them)."""
    journal = folder / JOURNAL_NAME
    if not journal.is_file():
        return
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        entries = []  # a journal cut short was never acted on: its run had not begun to move
    if isinstance(entries, list):
        _complete([entry for entry in entries if _is_own_move(entry)])
    journal.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files a killed run left. Only while holding the folder's lock: no build is writing there."""
    for stale in folder.glob(f".*{TEMP_SUFFIX}"):
        if (_OUR_TEMP.match(stale.name) or stale.name == JOURNAL_NAME + TEMP_SUFFIX) and stale.is_file():
            stale.unlink(missing_ok=True)


@contextlib.contextmanager
def output_batch() -> Iterator[OutputBatch]:
    """Files written in this block replace the old ones together when it ends, or none does.

    Inside another batch, the block joins it: a whole build is one batch.
    """
    active = _ACTIVE.get()
    if active is not None:
        yield active
        return
    batch = OutputBatch()
    token = _ACTIVE.set(batch)
    try:
        yield batch
        batch.commit()
    except BaseException:
        batch.discard()
        raise
    finally:
        _ACTIVE.reset(token)
        batch.release()


def recover_folder(folder: Path) -> None:
    """Finish what a killed run left in ``folder`` (see :class:`OutputBatch`), without writing anything."""
    with output_batch() as batch:
        batch.lock(folder)
