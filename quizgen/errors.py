"""Problems found in input, reported as one line each: file, fact id, field, reason."""

from __future__ import annotations

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
        return printable(f"{self.file}: {self.fact_id or '-'}: {self.field or '-'}: {self.reason}")

    def __str__(self) -> str:
        return self.line()


class QuizgenError(Exception):
    """Bad input or an impossible request. The CLI prints each problem and exits 2."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(p.line() for p in self.problems))


def fail(file: str, reason: str, *, fact_id: str | None = None, field: str | None = None) -> QuizgenError:
    """Build the error for a single problem: ``raise fail(path, "reason")``."""
    return QuizgenError(Problem(file, fact_id, field, reason))
