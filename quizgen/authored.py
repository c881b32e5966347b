"""Authored questions: the answer each one has on its fact, and the rules ``check`` holds them to.

A teacher writes the prompt; the fact base already holds the answer. ``asks`` names the
field that answers it, so the answer is never typed twice and cannot drift from the fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from quizgen.dates import Precision
from quizgen.dates_in_text import date_in_text
from quizgen.errors import Problem
from quizgen.model import (
    AgreementFact,
    Asks,
    AuthoredQuestion,
    Fact,
    FigureFact,
    OrganizationFact,
    PersonFact,
    PlaceFact,
    When,
)
from quizgen.numbers_in_text import approximation_prefix, format_number, numbers_in
from quizgen.phrases import normalise, phrase_in, slug, surname

TIME_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
              "months": "months", "year": "years", "years": "years", "hour": "hours", "hours": "hours"}
ATTRIBUTED = ("reported", "claimed", "disputed")


@dataclass(frozen=True, slots=True)
class AuthoredAnswer:
    """What answers an authored question: the text a learner should give, and the forms it may take."""

    text: str
    forms: tuple[str, ...]  # each must stay out of the prompt: the answer and its aliases


def worded(fact: FigureFact, number: str, unit: str | None = None) -> str:
    """A number as the figure's answer words it: its approximation and unit ("more than 80,000 people"), or the
    shorter ``unit`` an option prints where its stem says the rest."""
    return f"{approximation_prefix(fact.approximation)}{number} {unit or fact.unit}"


def figure_text(fact: FigureFact) -> str:
    """A figure as a learner should give it: the text's own words when vague, else number and unit."""
    if fact.wording:
        return fact.wording
    if fact.value is not None:
        return worded(fact, format_number(fact.value))
    assert fact.low is not None and fact.high is not None
    return worded(fact, f"{format_number(fact.low)}–{format_number(fact.high)}")


def _figure_forms(fact: FigureFact) -> tuple[str, ...]:
    if fact.wording:
        return (fact.wording,)
    if fact.value is None and fact.low is not None and fact.high is not None:
        # a range's ends alone are half an answer ("50" of "50–1,000"), never another way to write it
        return (f"between {format_number(fact.low)} and {format_number(fact.high)}",)
    return (format_number(fact.value),) if fact.value is not None else ()


def span_text(fact: Fact) -> str | None:
    """How long a dated range lasted, at the precision of its dates ("44 days", "3 years")."""
    when = getattr(fact, "when", None)
    if when is None or when.finish is None:
        return None
    start, finish = when.start, when.finish
    if start.precision == finish.precision == Precision.DAY:
        count, unit = (finish.first_day() - start.first_day()).days + 1, "day"
    elif start.precision >= Precision.MONTH and finish.precision >= Precision.MONTH:
        count, unit = (finish.year - start.year) * 12 + finish.month - start.month, "month"
    else:
        count, unit = finish.year - start.year, "year"
    if count <= 0:
        return None
    about = "about " if start.precision != finish.precision or when.qualifier else ""
    return f"{about}{count} {unit}{'' if count == 1 else 's'}"


def _names(ids: list[str], facts: Mapping[str, Fact]) -> list[str]:
    return [facts[i].name for i in ids if i in facts]


def _aliases_of(ids: list[str], facts: Mapping[str, Fact]) -> list[str]:
    forms: list[str] = []
    for i in ids:
        fact = facts.get(i)
        if isinstance(fact, (PlaceFact, OrganizationFact)):
            forms += [alias.name for alias in fact.aliases]
    return forms


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _surname_alone(names: list[str], facts: Mapping[str, Fact]) -> list[str]:
    """"Shahramanyan" for the one signatory Samvel Shahramanyan: a person is also named by surname alone, where the
    fact base has the person's card; a body never is ("Union" is no answer for the European Union)."""
    alone = surname(names[0]) if len(names) == 1 else None
    person = facts.get(slug(names[0])) if alone else None  # a card's id is its name's slug, as the base writes it
    return [alone] if alone and isinstance(person, PersonFact) and person.name == names[0] else []


def authored_answer(fact: Fact, asks: Asks, facts: Mapping[str, Fact]) -> AuthoredAnswer | str:
    """The answer to a question that asks this field of this fact, or why the fact has none."""
    if asks == "date":
        when = fact.date
        return "the fact has no date" if when is None else _date_answer(when)
    if asks == "duration":
        if isinstance(fact, FigureFact) and fact.unit.lower() in TIME_UNITS:
            return AuthoredAnswer(figure_text(fact), _figure_forms(fact))
        span = span_text(fact)
        if span is None:
            return "the fact has neither a date range (when.end) nor a figure counted in a time unit"
        return AuthoredAnswer(span, (span.removeprefix("about "),))
    if asks == "place":
        places = getattr(fact, "places", [])
        if not places:
            return "the fact names no places"
        names = _names(places, facts)
        return AuthoredAnswer(_joined(names), tuple(names + _aliases_of(places, facts)))
    if asks == "located-in":
        if not isinstance(fact, PlaceFact) or not fact.located_in:
            return "the fact has no located_in"
        return AuthoredAnswer(facts[fact.located_in].name, (facts[fact.located_in].name,
                                                              *_aliases_of([fact.located_in], facts)))
    if asks == "value":
        if not isinstance(fact, FigureFact):
            return "only a figure has a value"
        return AuthoredAnswer(figure_text(fact), _figure_forms(fact))
    if asks == "name":
        aliases = [alias.name for alias in getattr(fact, "aliases", [])]
        return AuthoredAnswer(fact.name, (fact.name, *aliases))
    if asks in ("parties", "mediators"):
        listed = getattr(fact, asks, []) if isinstance(fact, AgreementFact) else []
        if not listed:
            return f"the fact has no {asks}"
        return AuthoredAnswer(_joined(listed), (*listed, *_surname_alone(listed, facts)))
    if asks == "key_term":
        if fact.key_term is None:
            return "the fact has no key_term"
        return AuthoredAnswer(fact.key_term, (fact.key_term,))
    if asks == "who":
        if not fact.according_to:
            return "the fact has no according_to"
        return AuthoredAnswer(fact.according_to, (fact.according_to,))
    if asks == "side-names":
        sided = [alias for alias in getattr(fact, "aliases", []) if alias.used_by]
        if not sided:
            return "the fact has no aliases that say who uses them (used_by)"
        # one name is the answer as written; several say whose each is, outside the name itself, so that the
        # label is never read as part of the name ("Khankendi (Azerbaijan)")
        text = sided[0].name if len(sided) == 1 else "; ".join(f"{a.name}, used by {a.used_by}" for a in sided)
        return AuthoredAnswer(text, tuple(alias.name for alias in sided))
    if asks == "role":
        if not isinstance(fact, PersonFact):
            return "only a person has a role"
        return AuthoredAnswer(fact.role, role_forms(fact))
    if not isinstance(fact, PersonFact) or not fact.affiliation:
        return "the fact has no affiliation"
    return AuthoredAnswer(fact.affiliation, (fact.affiliation,))


@lru_cache(maxsize=1 << 14)
def _date_answer(when: When) -> AuthoredAnswer:
    """The answer to "when?": made once per date, which many facts of a large base share."""
    start, human = when.start, when.human()
    if when.end is not None:
        # "1201" is not the 13th century, nor "1991" the war of 1991 – 1994: a range is written whole (the key's
        # marking rule gives half for one end)
        return AuthoredAnswer(human, (human,))
    forms = [human, start.human()]
    if start.precision == Precision.YEAR:
        forms.append(str(start.year))
    return AuthoredAnswer(human, tuple(forms))


def role_forms(fact: PersonFact) -> tuple[str, ...]:
    """A role as written in the fact and as its passages word it: "President of Azerbaijan" is "Azerbaijani
    President" in "Azerbaijani President Ilham Aliyev" (an answer a learner may write, and the key can mark)."""
    found = re.fullmatch(r"(?P<office>.+?) of (?P<place>[A-Z][\w-]+)", fact.role)
    forms = [fact.role]
    if found:
        inverted = re.compile(rf"\b({re.escape(found['place'][:5])}[a-z]*)\s+({re.escape(found['office'])})\b",
                              re.IGNORECASE)
        for citation in fact.citations:
            match = inverted.search(citation.quote)
            if match:
                forms.append(f"{match[1]} {match[2]}")
    return tuple(dict.fromkeys(forms))


def names_claimant(prompt: str, according_to: str) -> bool:
    """Whether a prompt says whose claim it asks about ("According to the guide, …")."""
    return _claimant_shown(normalise(prompt), according_to)


def _claimant_shown(shown: str, according_to: str) -> bool:
    """``names_claimant`` for a prompt already normalised."""
    core = according_to.strip()
    if core.lower().startswith("the "):
        core = core[4:]
    return phrase_in(shown, core) or phrase_in(shown, core.split(",")[0])


def question_problems(fact: Fact, index: int, question: AuthoredQuestion, facts: Mapping[str, Fact],
                      file: str) -> list[Problem]:
    """Every rule an authored question breaks, one problem each."""
    field = f"questions[{index}]"
    prompt = question.prompt.strip()
    answer = authored_answer(fact, question.asks, facts)
    if isinstance(answer, str):
        return [Problem(file, fact.id, f"{field}.asks", f"asks {question.asks!r}, but {answer}")]
    problems = []
    if not prompt.endswith("?"):
        problems.append(Problem(file, fact.id, f"{field}.prompt", "a question must end with '?'"))
    text = normalise(prompt)  # one prompt checked for many phrases: normalised once
    shown = _given_away(fact, question.asks, answer, prompt, text)
    if shown is not None:
        problems.append(Problem(file, fact.id, f"{field}.prompt", f"gives away its own answer ({shown!r})"))
    if (fact.status in ATTRIBUTED and question.asks != "who" and fact.according_to
            and not _claimant_shown(text, fact.according_to)):
        problems.append(Problem(file, fact.id, f"{field}.prompt",
                                f"a {fact.status} fact: the question must say whose claim it is "
                                f"({fact.according_to!r})"))
    return problems


def _given_away(fact: Fact, asks: Asks, answer: AuthoredAnswer, prompt: str, text: str) -> str | None:
    """The first form of the answer that the prompt itself shows (``text``: normalised), in words, as a date or
    as a number; the first is all a problem names, so the rest is not looked for."""
    # a side-names question may name the place by its main name: only the other names are its answer
    for form in answer.forms:
        if form.strip() and phrase_in(text, form):
            return form
    # every date a prompt can show has its year in digits (in ``text``, as the date search reads it): a prompt
    # without them shows no date, and most prompts are spared the search (most of a large base's checking time)
    if asks == "date" and fact.date is not None and str(fact.date.start.year) in text \
            and date_in_text(fact.date.start, prompt):
        return fact.date.human()
    if asks == "value" and isinstance(fact, FigureFact) and not fact.wording:
        given = numbers_in(prompt)
        for number in (fact.value, fact.low, fact.high):
            if number is not None and number in given:
                return format_number(number)
    return None


def authored_problems(facts: list[Fact], file: str) -> list[Problem]:
    by_id = {fact.id: fact for fact in facts}
    problems: list[Problem] = []
    for fact in facts:
        for index, question in enumerate(fact.questions):
            problems += question_problems(fact, index, question, by_id, file)
        if fact.key_term is not None and not re.search(rf"(?<!\w){re.escape(fact.key_term)}(?!\w)", fact.statement):
            problems.append(Problem(file, fact.id, "key_term", f"{fact.key_term!r} is not in the statement: a blank "
                                    "cuts the statement's own words, as it writes them"))
    return problems

