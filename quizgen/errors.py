"""Problems found in input, reported as one line each: file, fact id, field, reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


def printable(text: str) -> str:
    """Text from input as it may reach a terminal: control characters (escape sequences, line breaks,
    bells) are shown as escapes, never sent to the terminal to act on."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


@dataclass(frozen=True)
class Problem:
    file: str
    fact_id: str | None
    field: str | None
    reason: str
    severity: Severity = "error"

    def line(self) -> str:
        # input may put line breaks in ids and keys; a problem is always one line
        if not self.file:  # a value the caller passed (an option), not something in a file: name the option
            return printable(f"{self.field or '-'}: {self.reason}")
        return printable(f"{self.file}: {self.fact_id or '-'}: {self.field or '-'}: {self.reason}")

    def __str__(self) -> str:
        return self.line()


class QuizgenError(Exception):
    """Bad input or an impossible request. The CLI prints each problem and exits 2."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(p.line() for p in self.problems))


class InvalidOption(QuizgenError):
    """A value passed to a command's option or a library call's argument is not one it accepts; each
    problem names the option (``--kind: unknown value 'battle'; valid values: …``), not a file."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        super().__init__(problems)


def option_problem(option: str, reason: str) -> Problem:
    """A problem with a value the caller passed, named by its option."""
    return Problem("", None, option, reason)


def unknown_value(option: str, value: object, valid: Sequence[str]) -> Problem:
    """``--kind: unknown value 'battle'; valid values: event, agreement, …`` (a long list is cut at forty)."""
    shown = ", ".join(valid) if len(valid) <= 40 else ", ".join(valid[:40]) + f", … ({len(valid)} in all)"
    return option_problem(option, f"unknown value {value!r}; valid values: {shown}")


def fail(file: str, reason: str, *, fact_id: str | None = None, field: str | None = None) -> QuizgenError:
    """Build the error for a single problem: ``raise fail(path, "reason")``."""
    return QuizgenError(Problem(file, fact_id, field, reason))
