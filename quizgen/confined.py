"""Reading input safely: only regular files, of bounded size, inside the folder they belong to.

A fact base and its recipes may come from someone else. Their paths must not reach other
files on the machine (an absolute path, ``..``, a symlink that leaves the folder), and a
FIFO or ``/dev/zero`` must give a clear error instead of a hang or an exhausted memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

MiB = 1024 * 1024
MAX_FACTBASE_BYTES = 512 * MiB
MAX_SOURCE_BYTES = 64 * MiB
MAX_RECIPE_BYTES = 1 * MiB


class UnreadableInput(Exception):
    """Why an input file cannot be read; the caller names the file and field. ``is_directory`` says so
    where a caller words that case its own way, rather than reading the reason's text."""

    def __init__(self, reason: str, *, is_directory: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.is_directory = is_directory


def _size_text(size: int) -> str:
    return f"{size / MiB:.1f} MiB" if size >= MiB else f"{size:,} bytes"


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than ``limit``.

    Raises FileNotFoundError as ``open`` does, and UnreadableInput for everything else.
    The file is opened before it is examined (no gap between check and use), and
    non-blocking, so that opening a FIFO with no writer returns at once.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except ValueError:
        raise UnreadableInput("the path contains a NUL byte") from None
    except OSError as err:
        raise UnreadableInput(f"cannot read: {err.strerror or err.__class__.__name__}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInput("is a directory, not a file", is_directory=True)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableInput("is not a regular file (a FIFO, device or socket); give a file")
        if info.st_size > limit:
            raise UnreadableInput(f"is {_size_text(info.st_size)}; the limit is {_size_text(limit)}")
        # a buffer of the file's size, not of the limit (512 MiB for a fact base); what the file gained since
        # fstat is read too, up to one byte past the limit
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:  # grew while being read
        raise UnreadableInput(f"is larger than the limit of {_size_text(limit)}")
    return data


def leaves_folder(relative: str) -> Literal["absolute", "parent"] | None:
    """How a path written in a file (a source, a recipe's output) would leave the folder it belongs to:
    an absolute path (POSIX or Windows), or a '..' part; None when it stays inside."""
    if PurePosixPath(relative).is_absolute() or PureWindowsPath(relative).is_absolute() or relative.startswith("\\"):
        return "absolute"
    if ".." in PurePosixPath(relative.replace("\\", "/")).parts:
        return "parent"
    return None


def confined_path(folder: Path, relative: str) -> Path:
    """``folder / relative``, provided it stays inside ``folder`` even after symlinks are followed."""
    if "\x00" in relative:
        raise UnreadableInput("the path contains a NUL byte")
    escape = leaves_folder(relative)
    if escape == "absolute":
        raise UnreadableInput("is an absolute path; give a path relative to the fact base's folder")
    if escape == "parent":
        raise UnreadableInput("contains '..'; a file must be inside the fact base's folder")
    target = folder / relative
    real_folder = os.path.realpath(folder)
    real_target = os.path.realpath(target)
    if os.path.commonpath([real_folder, real_target]) != real_folder:
        raise UnreadableInput("is a symlink that leads outside the fact base's folder")
    return target
