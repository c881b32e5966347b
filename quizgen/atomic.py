"""Writing outputs atomically: a failed build never leaves a partial file or clobbers a good one."""

from __future__ import annotations

import contextlib
import json
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


# --- outputs that belong together ------------------------------------------------------
#
# A quiz and its key, a deck and its manifest: a reader must never find a new quiz beside an
# old key. Each file is written to a temporary file beside its target; then a journal that
# lists every move is written (atomically), the moves are made, and the journal is removed.
# A run killed before the journal exists leaves the old files, and its temporary files are
# removed by the next run; a run killed after it has its moves completed by the next run.
# A lock on each output folder keeps two builds from mixing their outputs.

JOURNAL_NAME = ".quizgen-commit.json"
LOCK_NAME = ".quizgen.lock"
TEMP_SUFFIX = ".part"


class OutputBatch:
    """Files written together: ``temp_for(target)`` gives the path to write; ``commit`` moves them all."""

    def __init__(self) -> None:
        self.moves: list[tuple[Path, Path]] = []

    def temp_for(self, target: Path | str) -> Path:
        target = Path(target)
        ensure_writable_dir(target)
        if any(target.resolve() == existing.resolve() for _, existing in self.moves):
            raise QuizgenError(Problem(str(target), None, None, "two outputs of one build name the same file"))
        try:
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent or ".")
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
        if not self.moves:
            return
        umask = os.umask(0)
        os.umask(umask)
        journal = self.moves[0][1].parent / JOURNAL_NAME
        try:
            for temp, _ in self.moves:
                os.chmod(temp, 0o666 & ~umask)  # mkstemp makes files private; an output gets the usual mode
            entries = [[str(temp.resolve()), str(target.resolve())] for temp, target in self.moves]
            write_atomic(journal, json.dumps(entries))
            _complete(entries)
            journal.unlink(missing_ok=True)
        except OSError as err:
            raise QuizgenError(Problem(str(self.moves[0][1]), None, None, f"cannot write: {_describe(err)}")) from None
        self.moves = []


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
        if stale.is_file():
            stale.unlink(missing_ok=True)


@contextlib.contextmanager
def locked_folders(folders: list[Path]) -> Iterator[None]:
    """Hold the output lock of each folder (sorted, so two builds never wait on each other in a cycle)."""
    import fcntl

    handles = []
    try:
        for folder in sorted({f.resolve() for f in folders}):
            lock = folder / LOCK_NAME
            try:
                handle = open(lock, "a")  # noqa: SIM115 (held until the block ends)
            except OSError as err:
                raise QuizgenError(Problem(str(folder), None, None, f"cannot write: {_describe(err)}")) from None
            handles.append(handle)
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise QuizgenError(Problem(str(folder), None, None, "another quizgen build is writing to this folder; "
                                           "wait for it to finish")) from None
        # every interrupted batch is finished before any temporary file is taken for stale
        locked = sorted({f.resolve() for f in folders})
        for folder in locked:
            finish_interrupted(folder)
        for folder in locked:
            remove_stale_temporaries(folder)
        yield
    finally:
        for handle in handles:
            handle.close()


@contextlib.contextmanager
def output_batch(*targets: Path | str) -> Iterator[OutputBatch]:
    """Write ``targets`` together: all of them replace the old files, or none does."""
    folders = [Path(t).parent if str(Path(t).parent) else Path(".") for t in targets]
    for target in targets:
        ensure_writable_dir(Path(target))
    batch = OutputBatch()
    with locked_folders(folders):
        try:
            yield batch
        except BaseException:
            batch.discard()
            raise
        batch.commit()
