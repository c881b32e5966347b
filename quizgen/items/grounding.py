"""Is the answer in the passage? Every item must be checkable against its text.

Dates are compared as dates ("September 19, 2023" grounds 19 September 2023), numbers
as numbers ("one hundred thousand" grounds 100,000), names by their words.
"""

from __future__ import annotations

from quizgen.dates import MONTH_NAMES, PartialDate, Precision
from quizgen.dates_in_text import date_in_text, dates_in
from quizgen.factbase import FactBase
from quizgen.items.questions import Question
from quizgen.model import Fact, FigureFact
from quizgen.numbers_in_text import numbers_in
from quizgen.phrases import contains_phrase, content_words, stem, words, words_appear_in


def _date_grounded(date: PartialDate, text: str, question: Question | Fact, factbase: FactBase) -> bool:
    if date_in_text(date, text):
        return True
    # "On September 19" in one passage and 2023 in another, or a text about one year
    years = {year for year, _, _ in dates_in(text) if year is not None}
    if date.year in years and date_in_text(date, text, context_year=date.year):
        return True
    if date.year in years and date.precision is Precision.MONTH and date.month is not None \
            and contains_phrase(text, MONTH_NAMES[date.month - 1]):
        return True  # "by early October" beside another passage's "September 24, 2023"
    # "Thursday" in a text dated that Thursday: grounded by the source's own date,
    # only where the fact records how the relative date was resolved
    fact = question.fact if isinstance(question, Question) else question
    if fact.vetting.relative_date:
        for citation in fact.citations:
            published = factbase.sources[citation.source].published
            if published and date.precision <= Precision.DAY and published.startswith(date.iso()):
                return True
    return False


def date_shown(fact: Fact, factbase: FactBase) -> bool:
    """The fact's own passages give its date (both ends of a range): a learner can check an order by them."""
    when = fact.date
    if when is None:
        return False
    text = "\n".join(citation.quote for citation in fact.citations)
    return all(_date_grounded(date, text, fact, factbase) for date in (when.start, when.finish) if date is not None)


def _duration_grounded(question: Question, text: str, factbase: FactBase) -> bool:
    """A length of time the text states, or one its passages give both ends of, at the same precision."""
    assert isinstance(question.value, float)
    if question.value in numbers_in(text):
        return True
    when = question.fact.date
    if when is None or when.finish is None or when.qualifier or when.start.precision != when.finish.precision:
        return False
    return _date_grounded(when.start, text, question, factbase) and _date_grounded(when.finish, text, question,
                                                                                     factbase)


def _place_grounded(place: Fact, text: str) -> bool:
    """A place by any of its names; "Tavush" grounds the place named "Tavush province"."""
    names = [place.name, *(alias.name for alias in getattr(place, "aliases", []))]
    kind = getattr(place, "place_type", "")
    if kind and place.name.lower().endswith(" " + kind.lower()):
        names.append(place.name[: -len(kind) - 1])
    return any(words_appear_in(name, text) for name in names)


def _range_grounded(question: Question, text: str, factbase: FactBase) -> bool:
    """A range answer (1991 – 1994, 50–1,000 people) is grounded by both its ends."""
    fact = question.fact
    when = fact.date
    if question.kind == "date" and when is not None and when.finish is not None:
        return _date_grounded(when.start, text, question, factbase) and \
            _date_grounded(when.finish, text, question, factbase)
    if question.kind == "value" and isinstance(fact, FigureFact) and fact.value is None and not fact.wording:
        given = numbers_in(text)
        return fact.low in given and fact.high in given
    return False


def answer_grounded(question: Question, factbase: FactBase) -> bool:
    text = "\n".join(citation.quote for citation in question.fact.citations)
    if _range_grounded(question, text, factbase):
        return True  # else the answer may still stand in the text as written ("the 4th century")
    if question.kind in ("place", "located-in") and question.authored:
        fact = question.fact
        ids = getattr(fact, "places", []) if question.kind == "place" else [getattr(fact, "located_in", None)]
        places = [factbase.by_id[i] for i in ids if i in factbase.by_id]
        return bool(places) and all(_place_grounded(place, text) for place in places)
    if question.kind == "side-name" and question.authored and question.alternatives:
        return all(words_appear_in(name, text) for name in question.alternatives)
    fact = question.fact
    if question.kind == "duration" and isinstance(fact, FigureFact) and fact.value is not None \
            and fact.value in numbers_in(text):
        return True  # a length counted in a time unit, "the six-week war" for 6 weeks
    kind = question.pool.partition(":")[0]
    if kind == "date" or (kind == "qualified-date" and question.fact.vetting.relative_date):
        # "late September 2023" where the vetting says how "immediately after 19 September" was read
        assert isinstance(question.value, PartialDate)
        return _date_grounded(question.value, text, question, factbase)
    if kind == "number":
        assert isinstance(question.value, float)
        return question.value in numbers_in(text)
    if kind == "duration":
        return _duration_grounded(question, text, factbase)
    if question.role == "on-date":
        # the date asked about must be in the text, and the passage must speak of the event named
        when = question.fact.date
        assert when is not None
        named = content_words(question.answer)
        present = {stem(w) for w in words(text)}
        shared = sum(1 for w in named if stem(w) in present)
        return _date_grounded(when.start, text, question, factbase) and shared * 2 >= len(named)
    return words_appear_in(question.answer, text)
