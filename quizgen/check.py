"""Vetting: the report on a fact base, and re-anchoring quotes whose offsets drifted.

``check_factbase`` never raises for bad input: it gathers every problem it can
find so that a fact base can be repaired in one pass rather than error by error.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from quizgen.atomic import write_atomic
from quizgen.errors import Problem, QuizgenError
from quizgen.factbase import load_texts, parse_document, read_text, verify_factbase
from quizgen.model import Fact, FactBaseDocument, Source
from quizgen.sources import citation_mismatch, reanchor


@dataclass
class CheckReport:
    file: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def by_kind(self) -> Counter[str]:
        return Counter(fact.kind for fact in self.facts)

    @property
    def by_status(self) -> Counter[str]:
        return Counter(fact.status for fact in self.facts)

    @property
    def by_importance(self) -> Counter[str]:
        return Counter(fact.importance for fact in self.facts)

    @property
    def core_and_supporting(self) -> int:
        return sum(1 for fact in self.facts if fact.importance != "detail")

    @property
    def with_questions(self) -> int:
        """Core and supporting facts that carry at least one authored question."""
        return sum(1 for fact in self.facts if fact.importance != "detail" and fact.questions)

    @property
    def question_count(self) -> int:
        return sum(len(fact.questions) for fact in self.facts)

    @property
    def by_source(self) -> Counter[str]:
        """Facts citing each source (a fact citing two sources counts for both)."""
        return Counter(source for fact in self.facts for source in {c.source for c in fact.citations})

    @property
    def contested(self) -> list[Fact]:
        return [fact for fact in self.facts if fact.status in ("claimed", "disputed")]

    @property
    def conflicts(self) -> list[tuple[str, str]]:
        pairs = {tuple(sorted((fact.id, other))) for fact in self.facts for other in fact.conflicts_with}
        return sorted((a, b) for a, b in pairs)

    @property
    def slips(self) -> list[tuple[str, str]]:
        return [(fact.id, fact.vetting.slip) for fact in self.facts if fact.vetting.slip]

    @property
    def relative_dates(self) -> list[tuple[str, str]]:
        return [(fact.id, fact.vetting.relative_date) for fact in self.facts if fact.vetting.relative_date]


def _parse(path: Path) -> tuple[dict[str, object], FactBaseDocument]:
    text = read_text(path)
    document = parse_document(text, str(path))
    return json.loads(text), document


def check_factbase(path: Path | str) -> CheckReport:
    """Every problem in the fact base at ``path``, with the counts a reviewer wants to see."""
    path = Path(path)
    report = CheckReport(str(path))
    try:
        verified = verify_factbase(path)
    except QuizgenError as err:
        report.errors = err.problems
        return report
    report.errors, report.warnings = verified.errors, verified.warnings
    report.sources = list(verified.document.sources)
    report.facts = list(verified.document.facts)
    return report


@dataclass
class OffsetFix:
    fact_id: str
    citation: int
    old: tuple[int, int]
    new: tuple[int, int]


@dataclass
class FixResult:
    fixed: list[OffsetFix] = field(default_factory=list)
    unfixable: list[Problem] = field(default_factory=list)


def fix_offsets(path: Path | str) -> FixResult:
    """Re-anchor citations whose quote moved, where the new place is unambiguous; rewrite the file.

    Only ``start`` and ``end`` change, edited in the parsed JSON so that the rest of
    the file (key order, other fields) stays as its author wrote it.
    """
    path = Path(path)
    file = str(path)
    raw, document = _parse(path)
    texts, problems = load_texts(document, path.parent, file)
    if problems:
        raise QuizgenError(problems)
    result = FixResult()
    raw_facts = raw["facts"]
    assert isinstance(raw_facts, list)
    for index, fact in enumerate(document.facts):
        for i, citation in enumerate(fact.citations):
            loaded = texts.get(citation.source)
            if loaded is None or citation_mismatch(citation, loaded.text) is None:
                continue
            where = reanchor(citation, loaded.text)
            if isinstance(where, str):
                result.unfixable.append(Problem(file, fact.id, f"citations[{i}].quote", where))
                continue
            raw_citation = raw_facts[index]["citations"][i]
            raw_citation["start"], raw_citation["end"] = where
            result.fixed.append(OffsetFix(fact.id, i, (citation.start, citation.end), where))
    if result.fixed:
        write_atomic(path, json.dumps(raw, indent=2, ensure_ascii=False) + "\n")
    return result
