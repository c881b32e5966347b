"""Where outputs may go: inside the output folder, never onto an input, never two onto one file.

Recipes may come from someone else: an ``output = "../../x"`` must not write outside the
folder the user named, and no output may overwrite the fact base, a source text, a recipe
or a template it was built from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from quizgen.confined import leaves_folder
from quizgen.errors import Problem, QuizgenError


def relative_output_problem(value: str) -> str | None:
    """Why a recipe's output name cannot be used, or None: it must be a relative path inside the folder."""
    if not value.strip():
        return "is empty"
    if "\x00" in value:
        return "contains a NUL byte"
    escape = leaves_folder(value)
    if escape == "absolute":
        return "is an absolute path; give a file name inside the output folder"
    if escape == "parent":
        return "contains '..'; an output stays inside the output folder"
    if value.endswith(("/", "\\")):
        return "names a folder, not a file"
    return None


def _real(path: Path) -> str:
    return os.path.realpath(path)


def refuse_inputs(targets: Iterable[Path], inputs: Iterable[Path], option: str = "--out") -> None:
    """An output may never be one of the files it is built from."""
    protected = {_real(path): path for path in inputs}
    problems = [Problem(str(target), None, option, f"would overwrite an input ({protected[_real(target)]}); "
                                                   "choose another output")
                for target in targets if _real(target) in protected]
    if problems:
        raise QuizgenError(problems)


def refuse_shared(targets: Iterable[tuple[Path, str]]) -> None:
    """No two outputs of one build may name the same file (each target comes with who names it)."""
    seen: dict[str, str] = {}
    problems = []
    for target, owner in targets:
        real = _real(target)
        if real in seen:
            problems.append(Problem(owner, None, "output", f"{target} is also written by {seen[real]}"))
        else:
            seen[real] = owner
    if problems:
        raise QuizgenError(problems)


def input_files(fact_base: Path, sources: Iterable[Path], *extra: Path) -> list[Path]:
    """Every file a build reads: the fact base, its sources, the recipes and templates named in ``extra``."""
    from quizgen.templates import templates_dir

    templates = [p for p in templates_dir().rglob("*") if p.is_file()]
    return [fact_base, *sources, *extra, *templates]
