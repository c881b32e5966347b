"""Authored questions as the engine's questions: a teacher's wording, the fact's own answer.

``check`` has already held each authored question to its rules (a question mark, no
answer in the prompt, the claimant named). Here each becomes a ``Question`` with the
pool its distractors come from, and takes the role of the template it replaces, so
that an authored date question keeps the note identity the template's had.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from quizgen.authored import authored_answer
from quizgen.items.questions import Question, Surface, Value, date_surfaces, figure_surface, text_surface
from quizgen.model import AgreementFact, Asks, Fact, FigureFact, OrganizationFact, PersonFact, PlaceFact
from quizgen.phrases import slug

_ROLE_OF_ASKS: dict[str, str] = {
    "date": "date", "duration": "duration", "place": "place", "located-in": "located-in", "value": "value",
    "parties": "parties", "mediators": "mediator", "who": "who-said", "side-names": "side-name", "role": "role",
    "affiliation": "affiliation", "key_term": "key-term",
}


def _name_role(fact: Fact) -> tuple[str, str]:
    """The role and pool of a question whose answer is the fact's own name."""
    if isinstance(fact, PersonFact):
        return "who", "person"
    if isinstance(fact, PlaceFact):
        return "identify", "place-name"
    if isinstance(fact, OrganizationFact):
        return "identify", "organization"
    return "name", "event-name"


def _pool_and_value(fact: Fact, asks: Asks, answer: str) -> tuple[str, Value]:
    if asks == "date" and fact.date is not None:
        qualified = fact.date.qualifier is not None or fact.date.end is not None
        return ("qualified-date" if qualified else f"date:{int(fact.date.precision)}"), fact.date.start
    if asks == "value" and isinstance(fact, FigureFact):
        if fact.wording or fact.value is None:
            return "figure-wording", answer
        return f"number:{fact.unit}", float(fact.value)
    pools = {"place": "place-name", "located-in": "place-name", "role": "role", "who": "claimant",
             "mediators": "mediator" if isinstance(fact, AgreementFact) and len(fact.mediators) == 1 else "mediators",
             "parties": "parties"}
    return pools.get(asks, "none"), answer


def _surface(fact: Fact, pool: str, value: Value, answer: str) -> Surface:
    """Where the answer stands in the statement, and how a substitute is worded there."""
    if pool.startswith("date:") and not isinstance(value, (str, float)):
        return date_surfaces(value)
    if pool.startswith("number:") and isinstance(fact, FigureFact) and fact.value is not None:
        return figure_surface(fact, answer)  # "more than 60 percent", never a bare "60.0"
    return text_surface(answer) if pool not in ("claimant", "parties", "none") else ()


def authored_questions(fact: Fact, facts: Mapping[str, Fact]) -> Iterator[Question]:
    seen: dict[str, int] = {}
    for question in fact.questions:
        answer = authored_answer(fact, question.asks, facts)
        if isinstance(answer, str):
            continue  # check reports it; a fact base with errors never reaches the engine
        if question.asks == "name":
            role, pool = _name_role(fact)
            value: Value = fact.name
        else:
            role = _ROLE_OF_ASKS[question.asks]
            pool, value = _pool_and_value(fact, question.asks, answer.text)
        if role == "side-name":
            role = f"side-name:{slug(answer.forms[0])}"
        seen[role] = seen.get(role, 0) + 1
        if seen[role] > 1:
            role = f"{role}:{seen[role]}"
        surface = _surface(fact, pool, value, answer.text)
        alternatives = tuple(form for form in answer.forms if form != answer.text)
        yield Question(fact, role, question.prompt.strip(), answer.text, pool, value, alternatives, surface,
                       authored=True)
