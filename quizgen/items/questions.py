"""Questions: the prompt/answer pairs a fact supports, before they become items.

Each kind of fact knows which questions are worth asking of it. A question also says
which pool its wrong answers come from (``pool``), its answer as a value (a date, a
number, a name) so that distractors can be compared as values, and the forms in which
the answer may appear inside the fact's statement (for cloze and true-or-false).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizgen.dates import MONTH_NAMES, PartialDate, Precision
from quizgen.model import (
    AgreementFact,
    EventFact,
    Fact,
    FigureFact,
    OrganizationFact,
    PersonFact,
    PlaceFact,
    When,
)
from quizgen.text import approximation_prefix, format_number

Value = PartialDate | float | str

AGREEMENT_VERBS = {
    "treaty": "signed", "ceasefire": "agreed", "protocol": "signed", "deal": "reached", "decree": "signed",
    "negotiation-format": "created", "talks": "held",
}


@dataclass(frozen=True, slots=True)
class Question:
    fact: Fact
    role: str
    prompt: str
    answer: str
    pool: str  # where wrong answers of the same kind come from: "date:3", "number:people", "person"…
    value: Value
    alternatives: tuple[str, ...] = ()
    # forms the answer may take inside the statement, each with how to render a substitute in that form
    surface: tuple[tuple[str, Callable[[Value], str]], ...] = ()


def american(date: PartialDate) -> str:
    if date.precision is Precision.DAY:
        return f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"
    return date.human()


def date_surfaces(date: PartialDate) -> tuple[tuple[str, Callable[[Value], str]], ...]:
    def human(value: Value) -> str:
        assert isinstance(value, PartialDate)
        return value.human()

    def us(value: Value) -> str:
        assert isinstance(value, PartialDate)
        return american(value)

    forms: list[tuple[str, Callable[[Value], str]]] = [(date.human(), human)]
    if date.precision is Precision.DAY:
        forms.append((american(date), us))
    return tuple(forms)


def text_surface(text: str) -> tuple[tuple[str, Callable[[Value], str]], ...]:
    return ((text, str),)


UNASKABLE_QUALIFIERS = ("before", "after", "by")


def _date_question(fact: Fact, when: When, prompt: str) -> Question | None:
    if when.end is not None:
        return None  # a range is not one date to recall or to swap
    if when.qualifier in UNASKABLE_QUALIFIERS:
        return None  # "after 1994" places a fact on a timeline; it is no date to recall
    date = when.start
    answer = when.human()
    alternatives = tuple(dict.fromkeys(a for a in (date.human(), american(date), date.iso()) if a != answer))
    # "early October 2023" is no date to set among plain months: it gets no options to choose from
    pool = f"date:{int(date.precision)}" if not when.qualifier else "qualified-date"
    return Question(fact, "date", prompt, answer, pool, date, alternatives,
                    date_surfaces(date) if not when.qualifier else ())


def event_questions(fact: EventFact) -> Iterator[Question]:
    question = _date_question(fact, fact.when, f"When did this take place: {fact.name}?")
    if question:
        yield question
    yield from _on_date_question(fact, fact.when)


def _on_date_question(fact: EventFact | AgreementFact, when: When | None) -> Iterator[Question]:
    # only a day names one event; a month or a year ("what happened in 2023?") names many
    if when is None or when.end is not None or when.qualifier or when.precision is not Precision.DAY:
        return
    yield Question(fact, "on-date", f"What took place on {when.human()}?", fact.name, "event-name",
                   fact.name, surface=())


def agreement_questions(fact: AgreementFact) -> Iterator[Question]:
    label = fact.agreement_type.replace("-", " ")
    verb = AGREEMENT_VERBS[fact.agreement_type]
    if fact.when is not None:
        question = _date_question(fact, fact.when, f"When was this {label} {verb}: {fact.name}?")
        if question:
            yield question
    if fact.mediators:
        answer = " and ".join(fact.mediators) if len(fact.mediators) < 3 else \
            ", ".join(fact.mediators[:-1]) + " and " + fact.mediators[-1]
        yield Question(fact, "mediator", f"Who mediated this {label}: {fact.name}?", answer,
                       "mediator" if len(fact.mediators) == 1 else "mediators", answer, surface=text_surface(answer))
    yield from _on_date_question(fact, fact.when)


def place_questions(fact: PlaceFact, container: PlaceFact | None) -> Iterator[Question]:
    for alias in fact.aliases:
        if alias.used_by:
            yield Question(fact, f"alias-of:{alias.name}", f"What name is used by {alias.used_by} for {fact.name}?",
                           alias.name, "place-name", alias.name, surface=text_surface(alias.name))
            yield Question(fact, f"place-called:{alias.name}",
                           f"Which place is called {alias.name} by {alias.used_by}?", fact.name, "place-name",
                           fact.name)
        else:
            yield Question(fact, f"alias-of:{alias.name}", f"By what other name is {fact.name} known?", alias.name,
                           "place-name", alias.name, surface=text_surface(alias.name))
    yield from identify_question(fact, fact.place_type)
    if container is not None:
        yield Question(fact, "located-in", f"Where is {fact.name} ({fact.place_type})?", container.name,
                       "place-name", container.name, surface=text_surface(container.name))


def identify_question(fact: PlaceFact | OrganizationFact, what: str) -> Iterator[Question]:
    """Which place (or body) is this? Its statement, with its name taken out, is the prompt."""
    statement = fact.statement
    if fact.name not in statement:
        return
    described = statement.replace(fact.name, "…")
    yield Question(fact, "identify", f"Which {what} is described here: “{described}”", fact.name,
                   "place-name" if isinstance(fact, PlaceFact) else "organization", fact.name)


def person_questions(fact: PersonFact) -> Iterator[Question]:
    yield Question(fact, "who", f"Who is described as {_with_article(fact.role)} in the texts?", fact.name,
                   "person", fact.name, surface=text_surface(fact.name))
    yield Question(fact, "role", f"What role do the texts give {fact.name}?", fact.role, "role", fact.role,
                   surface=text_surface(fact.role))


def _with_article(role: str) -> str:
    lowered = role.casefold()
    if lowered.startswith(("the ", "a ", "an ", "one ")):
        return role
    return "the " + role


def organization_questions(fact: OrganizationFact) -> Iterator[Question]:
    yield from identify_question(fact, "organization")
    for alias in fact.aliases:
        if alias.name.isupper() and len(alias.name) <= 8:
            yield Question(fact, f"acronym:{alias.name}", f"What does {alias.name} stand for?", fact.name,
                           "organization", fact.name, surface=text_surface(fact.name))


def figure_questions(fact: FigureFact) -> Iterator[Question]:
    as_of = fact.as_of.human()
    dated = "" if as_of.split()[-1] in fact.name else f" ({as_of})"
    prompt = f"What figure is given for: {fact.name}{dated}?"
    if fact.wording:
        # a vague figure is taught in the text's words; no number is made up for it
        yield Question(fact, "value", prompt, fact.wording, "figure-wording", fact.wording,
                       surface=text_surface(fact.wording))
        return
    if fact.value is None:
        return  # a range is reported in full on the card; it is no value to pick among others
    number = format_number(fact.value)
    answer = f"{approximation_prefix(fact.approximation)}{number} {fact.unit}"
    yield Question(fact, "value", prompt, answer,
                   f"number:{fact.unit}", float(fact.value), (number,),
                   surface=((number, _number_text),))


def _number_text(value: Value) -> str:
    assert isinstance(value, float)
    return format_number(value)


def questions_for(fact: Fact, places: dict[str, PlaceFact]) -> list[Question]:
    if isinstance(fact, EventFact):
        return list(event_questions(fact))
    if isinstance(fact, AgreementFact):
        return list(agreement_questions(fact))
    if isinstance(fact, PlaceFact):
        return list(place_questions(fact, places.get(fact.located_in or "")))
    if isinstance(fact, PersonFact):
        return list(person_questions(fact))
    if isinstance(fact, OrganizationFact):
        return list(organization_questions(fact))
    return list(figure_questions(fact))
