"""``quizgen lint``: what weakens the items a fact base yields, each defect by its code.

Errors are items a teacher would strike: a stem built from a label, a source label or a
date stuck onto a stem, broken grammar, a date question answered by the day a text was
published, a numeric distractor that no text could give, options unlike the answer, a
trivially false statement, a cloze blank that teaches nothing, one prompt asked both as
multiple choice and as short answer, an answer shown in its own prompt or in another
fact's, a photo caption taught as an event, an answer not in its passage, a core fact
with no item. Warnings are what makes items weaker or missing: a long answer, near
duplicate prompts, facts a learner will confuse, a fact with no item (with the reason).

The checks read the items as built (``lint_items``), so they hold any engine to the
rubric (docs/item-rubric.md), and a fixture of bad items proves each one fires.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations
from typing import Literal

from quizgen.claims import speaker_names
from quizgen.dates import MONTH_NAMES
from quizgen.errors import Problem, Severity
from quizgen.factbase import FactBase
from quizgen.items import Item, Rejection, build_items
from quizgen.items.captions import CAPTION_ROLES, caption_only
from quizgen.items.claimants import Claimants
from quizgen.items.giveaways import Giveaways
from quizgen.items.keyterms import teaches_something
from quizgen.items.likeness import alike
from quizgen.items.questions import Question, dated_by_publication
from quizgen.items.roles import COMPARING_ROLES
from quizgen.model import Fact, PersonFact, PlaceFact
from quizgen.numbers_in_text import numbers_in
from quizgen.phrases import contains_phrase, normalise, words

LintCode = Literal[
    "label-stem", "source-label", "double-attribution", "date-appended", "broken-grammar", "published-day",
    "numeric-distractor", "unlike-options", "implausible-false", "trivial-cloze", "same-prompt-twice",
    "answer-in-prompt", "gives-away", "caption-as-event", "ungrounded", "no-item", "coverage", "long-answer",
    "near-duplicate", "confusable",
]
LINT_CODES: tuple[LintCode, ...] = LintCode.__args__  # type: ignore[attr-defined]

LONG_ANSWER_WORDS = 12
NEAR_DUPLICATE = 0.9
CONFUSABLE_NAMES = 0.75
MOST_FACTS_WITHOUT_ITEM = 0.05
ASKING_TYPES = ("qa", "mcq", "short-answer")
_PLURAL_NOUNS = r"(?:talks|negotiations|hostilities|clashes|protests|elections|sanctions|hearings|games)"
_DATE_IN_PARENTHESES = re.compile(rf"\((?:[^)]*\b(?:\d{{4}}|{'|'.join(MONTH_NAMES)})\b[^)]*)\)\s*\??$")


@dataclass(frozen=True)
class Finding:
    """One defect: which code, how bad, and the problem line that names the fact and the item's role."""

    code: LintCode
    problem: Problem

    @property
    def severity(self) -> Severity:
        return self.problem.severity

    def line(self) -> str:
        return f"{self.problem.line()} [{self.code}]"

    def as_json(self) -> dict[str, str | None]:
        """What ``quizgen lint --json`` prints for the finding."""
        return {"code": self.code, "severity": self.severity, "fact_id": self.problem.fact_id,
                "item": self.problem.field, "reason": self.problem.reason}


class ItemLinter:
    """Checks items against the rubric; knows the fact base only for sources, captions and places."""

    def __init__(self, factbase: FactBase) -> None:
        self.factbase = factbase
        self.file = str(factbase.path)
        texts = {source_id: factbase.text_of(source_id) for source_id in factbase.texts}
        self.captions = {fact.id for fact in factbase.facts if caption_only(fact, texts)}
        self.text_labels = self._text_labels()
        # names the fact base gives its texts as claimants: options that are all texts are of one sort
        claimants = Claimants(factbase.facts, factbase.sources)
        self.text_claimants = {name for name, kind in claimants.kinds.items() if kind[0] == "text"}
        self.source_labels = self.text_labels | {normalise(f.according_to.split(",")[0].removeprefix("the "))
                                                 for f in factbase.facts if f.according_to}
        self.places = [normalise(f.name) for f in factbase.facts if isinstance(f, PlaceFact)]

    def _text_labels(self) -> set[str]:
        """How the catalog names its texts: publishers, and the labels in titles ("(guide)")."""
        labels = {normalise(s.publisher) for s in self.factbase.sources.values()}
        for source in self.factbase.sources.values():
            labels |= {normalise(p) for p in re.findall(r"\(([^)]+)\)", source.title)}
        return {label for label in labels if len(label) > 2}

    def finding(self, code: LintCode, item: Item | None, fact_id: str | None, reason: str,
                severity: Severity = "error") -> Finding:
        field = item.id if item is not None else "-"
        return Finding(code, Problem(self.file, fact_id, field, reason, severity))

    def check(self, items: Sequence[Item]) -> list[Finding]:
        found: list[Finding] = []
        for item in items:
            found += self.stem_findings(item)
            found += self.option_findings(item)
        found += self.pair_findings(items)
        return found

    # --- each item on its own ------------------------------------------------------------

    def stem_findings(self, item: Item) -> list[Finding]:
        fact_id = item.fact_ids[0]
        prompt = item.prompt
        out: list[Finding] = []
        if item.type in ASKING_TYPES:
            if re.search(r":\s+(?![“\"'])\S", prompt) and prompt.rstrip().endswith("?"):
                out.append(self.finding("label-stem", item, fact_id, f"stem built from a label: {prompt!r}"))
            if not prompt.rstrip().rstrip("”\"'").endswith("?") and not prompt.rstrip().endswith("?"):
                out.append(self.finding("broken-grammar", item, fact_id, f"a question must end with '?': {prompt!r}"))
            if item.role != "which-first" and item.answer and contains_phrase(prompt, item.answer):
                out.append(self.finding("answer-in-prompt", item, fact_id, f"the prompt shows its answer "
                                        f"{item.answer!r}"))
        names = " ".join((*item.options, *(left for left, _ in item.pairs)))
        labelled = [(label, self.source_labels) for label in re.findall(r"\(([^)]+)\)", names)]
        # a statement may spell out an acronym "(NASA)"; only a text's own label is a source label there
        labelled += [(label, self.text_labels) for label in re.findall(r"\(([^)]+)\)", prompt)]
        for label, sources in labelled:
            if any(source in normalise(label) for source in sources) or \
                    re.search(r"\b(?:caption|account|recap)\b", label, re.IGNORECASE):
                out.append(self.finding("source-label", item, fact_id, f"a source label in a name: ({label})"))
        opening = re.match(r"According to ([^,]+),", prompt)
        named_again = opening is not None and any(contains_phrase(prompt[opening.end():], name)
                                                  for name in speaker_names(opening.group(1)))
        if normalise(prompt).count("according to") > 1 or named_again or (
                "according to" in normalise(prompt) and re.search(r"\([^)]*\)\s*\??$", prompt)
                and any(s in normalise(prompt.rsplit("(", 1)[1]) for s in self.source_labels)):
            out.append(self.finding("double-attribution", item, fact_id, "the claimant is named twice"))
        if item.type in ASKING_TYPES and _DATE_IN_PARENTHESES.search(prompt):
            out.append(self.finding("date-appended", item, fact_id, f"a date stuck onto the stem: {prompt!r}"))
        if re.search(rf"\bthis {_PLURAL_NOUNS}\b", prompt, re.IGNORECASE) or self._article_before_place(prompt):
            out.append(self.finding("broken-grammar", item, fact_id, f"broken grammar: {prompt!r}"))
        out += self._date_findings(item)
        if item.type == "cloze" and item.cloze is not None and not teaches_something(item.cloze[1]):
            out.append(self.finding("trivial-cloze", item, fact_id, f"the blank {item.cloze[1]!r} teaches nothing"))
        return out

    def _article_before_place(self, prompt: str) -> bool:
        """'the Azerbaijan's': an article before a country's possessive."""
        for match in re.finditer(r"\bthe ([A-Z][\w-]+)['’]s\b", prompt):
            if normalise(match.group(1)) in self.places:
                return True
        return False

    def _date_findings(self, item: Item) -> list[Finding]:
        out: list[Finding] = []
        fact_id = item.fact_ids[0]
        fact = self.factbase.by_id.get(fact_id)
        if fact is None:
            return out
        # a photo caption may only say who or what it shows: no statement to complete or judge, no date, no claim
        if any(f in self.captions for f in item.fact_ids) and (
                item.type in ("cloze", "true-false", "matching", "ordering")
                or item.role.split(":")[0] not in CAPTION_ROLES):
            out.append(self.finding("caption-as-event", item, fact_id, "a photo caption taught as an event"))
        published = {source.id: source.published for source in self.factbase.sources.values()}
        if item.role == "date" and fact.date is not None and dated_by_publication(fact, published):
            out.append(self.finding("published-day", item, fact_id, "a claim's date question answered by the day "
                                    f"the text was published ({fact.date.human()})"))
        return out

    def option_findings(self, item: Item) -> list[Finding]:
        out: list[Finding] = []
        fact_id = item.fact_ids[0]
        role = item.role.split(":")[0]
        wrong = [o for i, o in enumerate(item.options) if i != item.correct_option]
        if item.type == "mcq" and role in ("value", "duration") and _number(item.answer) is not None:
            answer = _number(item.answer)
            assert answer is not None
            for option in wrong:
                value = _number(option)
                if value is None or not _plausible_number(value, answer, item.prompt):
                    out.append(self.finding("numeric-distractor", item, fact_id,
                                            f"{option!r} is no plausible value beside {item.answer!r}"))
        elif item.type == "mcq" and role not in ("date", *COMPARING_ROLES) and item.answer \
                and not all(normalise(o) in self.text_claimants for o in item.options):
            for option in wrong:
                if not alike(item.answer, option):
                    out.append(self.finding("unlike-options", item, fact_id,
                                            f"{option!r} differs from the answer {item.answer!r} in form or length"))
            if role == "acronym":
                acronym = item.role.split(":", 1)[1] if ":" in item.role else ""
                if any(o.isupper() or normalise(o) == normalise(acronym) for o in item.options):
                    out.append(self.finding("unlike-options", item, fact_id, "an acronym among the expansions"))
        if item.type == "true-false" and item.correction:
            reason = _implausible_swap(item.prompt, item.correction)
            if reason:
                out.append(self.finding("implausible-false", item, fact_id, reason))
        return out

    # --- items together ---------------------------------------------------------------

    def pair_findings(self, items: Sequence[Item]) -> list[Finding]:
        out: list[Finding] = []
        by_fact_prompt: dict[tuple[str, str], set[str]] = defaultdict(set)
        for item in items:
            if item.type in ("mcq", "short-answer"):
                by_fact_prompt[(item.fact_ids[0], normalise(item.prompt))].add(item.type)
        for (fact_id, prompt), types in by_fact_prompt.items():
            if len(types) == 2:
                out.append(self.finding("same-prompt-twice", None, fact_id,
                                        f"asked as multiple choice and as short answer in the same words: {prompt!r}"))
        return out


def gives_away_findings(linter: ItemLinter, items: Sequence[Item], questions: Iterable[Question]) -> list[Finding]:
    """Prompts that show another fact's item's cue and answer (the engine's own questions know their cues)."""
    giveaways = Giveaways(questions)
    out = []
    for item in items:
        if item.type in ("matching", "ordering"):
            continue
        for question in giveaways.given_away(" ".join((item.prompt, *item.options)), item.fact_ids):
            out.append(linter.finding("gives-away", item, item.fact_ids[0],
                                      f"shows the answer to {question.fact.id}'s {question.role} question"))
    return out


def _number(text: str) -> float | None:
    match = re.match(r"^(?:about |more than |at least |up to |fewer than )?([\d,]+(?:\.\d+)?)(?: (million|billion))?",
                     text.strip())
    if not match:
        return None
    scale = {"million": 1e6, "billion": 1e9}.get(match.group(2) or "", 1)
    return float(match.group(1).replace(",", "")) * scale


def _plausible_number(value: float, answer: float, prompt: str) -> bool:
    if answer > 0 and not answer / 3 <= value <= answer * 3:
        return False
    if re.search(r"___\s*(?:percent|%)", prompt) and not 0 < value <= 100:
        return False
    if float(answer).is_integer() and not float(value).is_integer():
        return False
    return not (value == 1 and re.search(r"___\s+\w+s\b", prompt))


def _implausible_swap(false: str, true: str) -> str | None:
    """What a false statement swapped in, if it is trivially false: a date decades off, a figure ten times off."""
    a, b = false.split(), true.split()
    swapped, original, beside = [], [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes():
        if tag != "equal":
            swapped += a[i1:i2]
            original += b[j1:j2]
            beside += a[max(i1 - 1, 0):i1] + a[i2:i2 + 1]  # "10" in "10 January" is a day
    if not swapped:
        return "the false statement says the same as the true one"
    years_a = [int(w) for w in re.findall(r"\b\d{4}\b", " ".join(swapped))]
    years_b = [int(w) for w in re.findall(r"\b\d{4}\b", " ".join(original))]
    if years_a and years_b and abs(years_a[0] - years_b[0]) > 40:
        return f"a date {abs(years_a[0] - years_b[0])} years off makes a trivially false statement"
    months = {month.lower() for month in MONTH_NAMES}
    if any(word.strip(",.").lower() in months for word in (*swapped, *original, *beside)):
        return None  # another day or month of a date ("2 September" for "30 August"), not a figure
    numbers_a, numbers_b = numbers_in(" ".join(swapped)), numbers_in(" ".join(original))
    if numbers_a and numbers_b and not years_a:
        x, y = max(numbers_a), max(numbers_b)
        if y and not y / 5 <= x <= y * 5:
            return f"{x:g} beside the true {y:g} makes a trivially false statement"
    return None


# --- the fact base -------------------------------------------------------------------

def lint_factbase(factbase: FactBase, facts: Sequence[Fact] | None = None, seed: int = 0) -> list[Finding]:
    """Every defect of the items the selected facts yield, and of the facts that yield none."""
    chosen = list(facts if facts is not None else factbase.facts)
    linter = ItemLinter(factbase)
    result = build_items(factbase, chosen, seed=seed)
    findings = linter.check(result.items)
    asked = {(item.fact_ids[0], item.role) for item in result.items if item.type in ASKING_TYPES}
    findings += gives_away_findings(linter, result.items,
                                    [q for q in result.questions if (q.fact.id, q.role) in asked])
    findings += _rejection_findings(linter, factbase, result.rejected)
    findings += _coverage_findings(linter, factbase, chosen, result.items, result.rejected)
    findings += _weaker_items(linter, result.items)
    findings += _confusable(chosen, linter)
    return findings


def _rejection_findings(linter: ItemLinter, factbase: FactBase, rejected: Sequence[Rejection]) -> list[Finding]:
    out = []
    for rejection in rejected:
        fact_id, role, reason = rejection.fact_id, rejection.role, rejection.reason
        if rejection.code != "ungrounded":
            continue  # the engine's other refusals are the items it protects the learner from
        fact = factbase.by_id[fact_id]
        # a date resolved from context ("Thursday") is recorded in the vetting note, not in the quote
        inferred = role == "date" and fact.vetting.relative_date is not None
        # a duration is computed from a range: the text need not state it, and the engine then asks none
        severity: Severity = "warning" if inferred or role in ("on-date", "duration") else "error"
        out.append(Finding("ungrounded", Problem(linter.file, fact_id, role, reason, severity)))
    return out


def _coverage_findings(linter: ItemLinter, factbase: FactBase, chosen: Sequence[Fact], items: Sequence[Item],
                       rejected: Sequence[Rejection]) -> list[Finding]:
    covered = {fact_id for item in items for fact_id in item.fact_ids}
    reasons = {r.fact_id: r.reason for r in rejected if r.role == "-"}
    out = []
    missing = [fact for fact in chosen if fact.id not in covered]
    for fact in missing:
        reason = reasons.get(fact.id) or _why_no_item(fact.id, rejected)
        severity: Severity = "error" if fact.importance == "core" else "warning"
        out.append(Finding("no-item", Problem(linter.file, fact.id, "-", f"yields no item: {reason}", severity)))
    # a fact known only from a photo caption is left untaught by design: it does not count against coverage
    untaught = [fact for fact in missing if fact.id not in linter.captions]
    if chosen and len(untaught) > MOST_FACTS_WITHOUT_ITEM * len(chosen):
        out.append(Finding("coverage", Problem(linter.file, None, "-", f"{len(untaught)} of {len(chosen)} facts "
                                               f"yield no item, photo captions aside "
                                               f"(at most {MOST_FACTS_WITHOUT_ITEM:.0%} may)")))
    return out


def _why_no_item(fact_id: str, rejected: Sequence[Rejection]) -> str:
    mine = [r for r in rejected if r.fact_id == fact_id]
    if not mine:
        return "no template fits its statement: add an authored question"
    return "; ".join(sorted({f"{r.role}: {r.reason}" for r in mine}))


def _weaker_items(linter: ItemLinter, items: Sequence[Item]) -> list[Finding]:
    out: list[Finding] = []
    qa = [item for item in items if item.type == "qa"]
    for item in qa:
        if len(item.answer.split()) > LONG_ANSWER_WORDS:
            out.append(linter.finding("long-answer", item, item.fact_ids[0], f"answer of {len(item.answer.split())} "
                                      "words is too long to recall", "warning"))
    # near duplicates share their opening: comparing within openings keeps this linear in practice
    by_opening: dict[str, list[Item]] = defaultdict(list)
    for item in qa:
        by_opening[normalise(item.prompt)[:24]].append(item)
    for group in by_opening.values():
        for a, b in combinations(group[:50], 2):
            if a.fact_ids == b.fact_ids or a.prompt == b.prompt or _differ_only_in_dates(a.prompt, b.prompt):
                continue
            if SequenceMatcher(None, normalise(a.prompt), normalise(b.prompt)).ratio() >= NEAR_DUPLICATE:
                out.append(linter.finding("near-duplicate", a, a.fact_ids[0], f"prompt nearly the same as "
                                          f"{b.fact_ids[0]}'s: {b.prompt!r}", "warning"))
    return out


def _differ_only_in_dates(a: str, b: str) -> bool:
    different = set(words(a)) ^ set(words(b))
    return all(word.isdigit() or word.capitalize() in MONTH_NAMES for word in different)


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, normalise(a), normalise(b)).ratio()


def _confusable(facts: list[Fact], linter: ItemLinter) -> list[Finding]:
    """Pairs a learner will mix up: same year and similar names, or near-identical people's names."""
    out = []
    by_year: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.date is not None:
            by_year[fact.date.start.year].append(fact)
    for year, group in by_year.items():
        for a, b in combinations(group[:200], 2):
            if a.kind == b.kind and _similar(a.name, b.name) >= CONFUSABLE_NAMES:
                out.append(linter.finding("confusable", None, a.id, f"easily confused with {b.id} (same year {year}, "
                                          "similar name): add a distinguishing cue", "warning"))
    people = [fact for fact in facts if isinstance(fact, PersonFact)]
    for a, b in combinations(people[:500], 2):
        if _similar(a.name, b.name) >= CONFUSABLE_NAMES:
            out.append(linter.finding("confusable", None, a.id, f"easily confused with {b.id} (similar name): "
                                      "make the role the cue", "warning"))
    return out


__all__ = ["LINT_CODES", "Finding", "ItemLinter", "LintCode", "lint_factbase"]
