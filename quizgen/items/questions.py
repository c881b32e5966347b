"""Template questions: the prompt/answer pairs a fact supports when no teacher wrote one.

Each kind of fact knows which questions are worth asking of it. Stems are made from
the fact's vetted statement (``quizgen.items.stems``), or from a name only where the
name is a proper name a sentence can use ("the Bishkek Protocol"): never from a
label, which is why no stem reads "When did this take place: …?".

A question also says which pool its wrong answers come from (``pool``), its answer as
a value (a date, a number, a name) so that distractors can be compared as values, the
forms in which the answer may appear inside the statement (for cloze and true-or-false)
and its ``cue``: the words that, shown beside its answer in another item's prompt,
would give it away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass, field

from quizgen.authored import role_forms, span_text, worded
from quizgen.dates import MONTH_NAMES, PartialDate, Precision
from quizgen.items.roles import Role, role_kind
from quizgen.items.stems import (
    as_question,
    blanked,
    claim_alone,
    is_proper_name,
    number_span,
    plural_subject,
    with_article,
    without_count,
    without_date,
)
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
from quizgen.numbers_in_text import format_number
from quizgen.phrases import contains_phrase, slug

Value = PartialDate | float | str
Surface = tuple[tuple[str, Callable[[Value], str]], ...]

AGREEMENT_VERBS = {
    "treaty": "signed", "ceasefire": "agreed", "protocol": "signed", "deal": "reached", "decree": "signed",
    "negotiation-format": "created", "talks": "held",
}
TIME_UNITS = frozenset(["day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours"])
UNASKABLE_QUALIFIERS = ("before", "after", "by")


@dataclass(frozen=True, slots=True)
class Question:
    fact: Fact
    role: str  # a Role, with a suffix where a fact has several of one kind ("side-name:khankendi")
    prompt: str
    answer: str
    pool: str  # where wrong answers of the same kind come from: "date:3", "number:people", "person"…
    value: Value
    alternatives: tuple[str, ...] = ()
    # forms the answer may take inside the statement, each with how to render a substitute in that form
    surface: Surface = ()
    cue: str = ""  # what the prompt asks about: with the answer beside it, any prompt gives this one away
    authored: bool = False
    extra_facts: tuple[str, ...] = field(default=())  # other facts the question rests on (which-first)
    choices: tuple[str, ...] = ()  # the wrong answers, where the question brings its own (pool "given")

    @property
    def kind(self) -> Role:
        return role_kind(self.role)  # type: ignore[return-value]


@dataclass(frozen=True)
class Context:
    """What a fact's questions need to know beyond the fact: its neighbours in the fact base."""

    by_id: Mapping[str, Fact]
    published: Mapping[str, str | None]  # source id -> publication date
    captions: Container[str]  # ids of facts known only from photo captions


def american(date: PartialDate) -> str:
    if date.precision is Precision.DAY:
        return f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"
    return date.human()


def date_surfaces(date: PartialDate) -> Surface:
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


def text_surface(text: str) -> Surface:
    return ((text, str),)


def _when_question(when: When) -> str:
    if when.qualifier:
        return "When did this happen?"
    return {Precision.YEAR: "In what year did this happen?", Precision.MONTH: "In what month and year did this happen?",
            Precision.DAY: "On what date did this happen?"}[when.precision]


def dated_by_publication(fact: Fact, published: Mapping[str, str | None], statuses: Container[str] = (
        "claimed", "disputed")) -> bool:
    """A claim dated only by the day a cited text appeared: the day someone said it is no date worth learning.

    An event that a text reports on the day it happened (a decree signed that day) keeps its date.
    """
    when = fact.date
    if when is None or when.precision is not Precision.DAY or fact.status not in statuses:
        return False
    return any(published.get(c.source) == when.start.iso() for c in fact.citations)


def date_unaskable(fact: Fact, published: Mapping[str, str | None]) -> str | None:
    """Why no question may ask the fact's date, a teacher's or a template's, or None.

    A key must show its answer as the text gives it: "after 9 November 2020" for "after the 2020 truce" is the
    fact base's reading, not the text's words; the day a text appeared is no date worth learning of what someone
    said; and the year of a supporting detail dated only by the paragraph around it ("part of the 2023 talks
    paragraph") is the editor's inference. A core event keeps these date questions: its date was read against
    every text, and a course is built on it.
    """
    when = fact.date
    if when is None:
        return None
    if when.qualifier in UNASKABLE_QUALIFIERS:
        return f"its date is only a bound ({when.qualifier!r}): no date a text gives"
    if fact.importance == "core":
        return None
    if dated_by_publication(fact, published, ("claimed", "disputed", "reported")):
        return "what someone said, dated only by the day its text appeared"
    if fact.vetting.relative_date:
        return "a supporting fact dated from its context (vetting.relative_date), not by its own words"
    return None


LONGEST_DATE_STEM = 28  # words: past this a sentence tells more than one thing, and "when?" is ambiguous


def _one_event(sentence: str) -> bool:
    """A sentence short and simple enough that "when did this happen?" can only mean one thing."""
    return len(sentence.split()) <= LONGEST_DATE_STEM and sentence.count(",") <= 1 and ";" not in sentence \
        and not _UNNAMED_EVENT.search(sentence)


# "During the war …, before Russia brokered the deal": which war, which deal? With its date taken out, a
# sentence that points at an event it does not name asks a question with more than one answer
_UNNAMED_EVENT = re.compile(r"\bthe (?:war|deal|talks|ceasefire|truce|agreement|offensive|attack|conflict|fighting)\b"
                            r"(?!\s+(?:of|over|in|on|that|which|between|ending|ended|known|brokered|agreed))",
                            re.IGNORECASE)


def date_question(fact: Fact, when: When, context: Context) -> Question | None:
    if when.end is not None or when.qualifier in UNASKABLE_QUALIFIERS or fact.id in context.captions:
        return None  # a range is no date to recall; "after 1994" only places a fact on a timeline
    if dated_by_publication(fact, context.published):
        return None
    if fact.status in ("claimed", "disputed"):
        return None  # "According to X, … In what year did this happen?": the claim's year or the event's?
    date = when.start
    sentence = without_date(fact.statement, date)
    if sentence is None or not _one_event(sentence):
        return None
    answer = when.human()
    alternatives = tuple(dict.fromkeys(a for a in (date.human(), american(date), date.iso()) if a != answer))
    # "early October 2023" is no date to set among plain months: it gets no options to choose from
    pool = f"date:{int(date.precision)}" if not when.qualifier else "qualified-date"
    return Question(fact, "date", f"{sentence} {_when_question(when)}", answer, pool, date, alternatives,
                    date_surfaces(date) if not when.qualifier else ())


def on_date_question(fact: EventFact | AgreementFact, context: Context) -> Iterator[Question]:
    # only a day names one event; a month or a year ("what happened in 2023?") names many
    when = fact.when
    if when is None or when.end is not None or when.qualifier or when.precision is not Precision.DAY:
        return
    if fact.id in context.captions or dated_by_publication(fact, context.published) or not is_proper_name(fact.name):
        return
    yield Question(fact, "on-date", f"What happened on {when.human()}?", fact.name, "event-name", fact.name,
                   cue=when.human())


def duration_question(fact: EventFact | AgreementFact) -> Iterator[Question]:
    span = span_text(fact)
    when = fact.when
    if span is None or when is None or fact.status != "established":
        return
    if min(when.start.precision, (when.finish or when.start).precision) < Precision.MONTH:
        return  # "1991 – 1994" is two to four years: a length in years is asked only where the text gives it
    sentence: str | None = fact.statement
    for date in (when.start, when.finish):
        if date is not None and sentence is not None:
            sentence = without_date(sentence, date)
    count = span.removeprefix("about ").split()[0]
    sentence = without_count(sentence, float(count)) if sentence is not None else None
    if sentence is None:
        return
    yield Question(fact, "duration", f"{sentence} How long did it last?", span, "duration", float(count),
                   (span.removeprefix("about "),))


def who_said_question(fact: Fact) -> Iterator[Question]:
    # "who says so?" tests a claim, one side's word; of a plain report ("according to the tracker") it only
    # asks which reading the learner met it in
    if fact.status not in ("claimed", "disputed") or not fact.according_to:
        return
    claim = claim_alone(fact.statement, fact.according_to)
    if claim is None:
        return
    yield Question(fact, "who-said", f"Who says that {as_question(claim)}", fact.according_to, "claimant",
                   fact.according_to)


def event_questions(fact: EventFact, context: Context) -> Iterator[Question]:
    question = date_question(fact, fact.when, context)
    if question:
        yield question
    yield from duration_question(fact)
    yield from on_date_question(fact, context)
    yield from who_said_question(fact)


def agreement_questions(fact: AgreementFact, context: Context) -> Iterator[Question]:
    if fact.when is not None:
        question = date_question(fact, fact.when, context)
        if question:
            yield question
        yield from duration_question(fact)
    if is_proper_name(fact.name):
        named = with_article(fact.name)
        if fact.mediators:
            answer = joined(fact.mediators)
            asked = f"Who led {named} as mediators?" if fact.agreement_type == "negotiation-format" \
                else f"Who mediated {named}?"
            yield Question(fact, "mediator", asked, answer,
                           "mediator" if len(fact.mediators) == 1 else "mediators", answer,
                           surface=text_surface(answer), cue=fact.name)
        if fact.parties:
            answer = joined(fact.parties)
            yield Question(fact, "parties", f"Who were the parties to {named}?", answer, "parties", answer,
                           cue=fact.name)
    yield from on_date_question(fact, context)
    yield from who_said_question(fact)


def joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def place_questions(fact: PlaceFact, context: Context) -> Iterator[Question]:
    for alias in fact.aliases:
        if alias.used_by:
            who = alias.used_by.split(",")[0].strip()
            verb = "do" if plural_subject(who) else "does"
            yield Question(fact, f"side-name:{slug(alias.name)}", f"What {verb} {who} call {place_phrase(fact.name)}?",
                           alias.name, "place-name", alias.name, surface=text_surface(alias.name),
                           cue=fact.name)
            yield Question(fact, f"place-called:{alias.name}", f"Which place {verb} {who} call {alias.name}?",
                           fact.name, "place-name", fact.name, cue=alias.name)
        else:
            yield Question(fact, f"alias-of:{alias.name}", f"By what other name is {fact.name} known?", alias.name,
                           "place-name", alias.name, surface=text_surface(alias.name), cue=fact.name)
    container = context.by_id.get(fact.located_in or "")
    if isinstance(container, PlaceFact):
        yield Question(fact, "located-in", f"In which {container.place_type} is {place_phrase(fact.name)}?",
                       container.name,
                       "place-name", container.name, surface=text_surface(container.name), cue=fact.name)


def place_phrase(name: str) -> str:
    """A place's name as a sentence uses it: "the Lachin corridor", "the Republic of Artsakh", "Stepanakert"."""
    words = name.split()
    common = any(w[:1].islower() and w not in ("of", "and") for w in words[1:])
    return with_article(name) if common or " of " in name or len(words) >= 3 else name


def is_office(role: str) -> bool:
    """"President of Azerbaijan" is an office to recall; "the Soviet who put Artsakh into Soviet Azerbaijan" is a
    sentence about a person, neither a question's answer nor an option beside offices."""
    return not re.search(r"\b(?:who|which|that)\b", role)


def person_questions(fact: PersonFact) -> Iterator[Question]:
    # in the past tense: a role is as of the texts' time ("who is president" of a republic since dissolved)
    # "Who was the Kremlin spokesman?" names no event: another holder of the office is as right (a teacher's
    # question ties the person to what the texts say of them); the name is still blanked in its statement
    role = fact.role
    if not is_office(role):
        return
    yield Question(fact, "role", f"Who was {fact.name}?", role, "role", role, role_forms(fact)[1:],
                   surface=text_surface(role), cue=fact.name)


def own_name(fact: Fact) -> list[Question]:
    """A place's or body's own name where its statement says it: a blank to fill, never a question to ask (a
    question made of the statement, "Which organization does this describe: “…”?", quotes words no text wrote)."""
    if not isinstance(fact, (PlaceFact, OrganizationFact, PersonFact)) or fact.name not in fact.statement:
        return []
    pool = "place-name" if isinstance(fact, PlaceFact) else "person" if isinstance(fact, PersonFact) \
        else "organization"
    aliases = tuple(alias.name for alias in getattr(fact, "aliases", []))
    return [Question(fact, "who" if isinstance(fact, PersonFact) else "identify", "", fact.name, pool, fact.name,
                     aliases, text_surface(fact.name))]


def organization_questions(fact: OrganizationFact) -> Iterator[Question]:
    for alias in fact.aliases:
        if alias.name.isupper() and len(alias.name) <= 8:
            yield Question(fact, f"acronym:{alias.name}", f"What does {alias.name} stand for?", fact.name,
                           "expansion", fact.name, surface=text_surface(fact.name), cue=alias.name)


def figure_questions(fact: FigureFact, context: Context) -> Iterator[Question]:
    role = "duration" if fact.unit.lower() in TIME_UNITS else "value"
    if fact.wording:
        # a vague figure is taught in the text's words; no number is made up for it
        if contains_phrase(fact.statement, fact.wording):
            at = fact.statement.lower().find(fact.wording.lower())
            stem = fact.statement[:at] + "___" + fact.statement[at + len(fact.wording):]
            yield Question(fact, role, completion(stem), fact.wording, "figure-wording",
                           fact.wording, surface=text_surface(fact.wording))
    elif fact.value is not None:
        span = number_span(fact.statement, fact.value)
        if span is not None:
            shown = fact.statement[span.start:span.end]
            number = format_number(fact.value)
            full = worded(fact, number)
            # "___ liters (1.3 gallons)": a conversion beside the blank gives the number away
            stem = _CONVERSION_AFTER_BLANK.sub(r"\1", blanked(fact.statement, span), count=1)
            yield Question(fact, role, completion(stem, "number"), number,
                           f"number:{fact.unit}", float(fact.value), tuple(dict.fromkeys(a for a in (full, shown)
                                                                                          if a != number)),
                           surface=((shown, _number_text),))
    yield from who_said_question(fact)


_CONVERSION_AFTER_BLANK = re.compile(r"(___[^(]{0,30}?)\s*\([^()]*\d[^()]*\)")


def completion(sentence: str, what: str = "words") -> str:
    """A completion stem that is still a question. A count asks for itself where the blank stands: "… told Al
    Jazeera that it took how many hours to reach Goris?" (the sentence is the fact's, not the text's: in quotation
    marks it would read as a quote); anything else, "Which number fills the blank in “… ___ …”?"."""
    sentence = sentence.rstrip().rstrip(".")
    counted = _COUNTED_BLANK.search(sentence)
    if what == "number" and counted is not None:
        asked = f"{sentence[:counted.start()]}how many {counted.group('noun')}{sentence[counted.end():]}?"
        return asked[0].upper() + asked[1:]
    return f"Which {what} fill{'s' if what == 'number' else ''} the blank in “{sentence}”?"


# "___ hours", "___ people": a count of things, asked as "how many hours" (not "___ percent", no count)
# (a noun of four letters or more, not "as", "was", "this", "across" or "less")
_COUNTED_BLANK = re.compile(r"___ (?P<noun>(?:(?!(?:this|was|has|its|his|is|as|us|thus|across|less|plus|unless|towards)"
                            r"\b)[a-z]{3,}[^s\W]s|people|children|men|women)\b)")


def _number_text(value: Value) -> str:
    assert isinstance(value, float)
    return format_number(value)


def figure_surface(fact: FigureFact, answer: str) -> Surface:
    """A figure's answer as the statement words it ("more than 80 percent"), and a substitute in the same words.

    The substitute keeps the answer's prefix, unit and format ("more than 60 percent"), never a bare "60.0".
    """
    assert fact.value is not None
    number = format_number(fact.value)
    at = answer.find(number)
    if at < 0:
        def in_words(value: Value) -> str:
            return worded(fact, _number_text(value))
        return ((answer, in_words),)

    def same_words(value: Value) -> str:
        return answer[:at] + _number_text(value) + answer[at + len(number):]
    return ((answer, same_words),)


def questions_for(fact: Fact, context: Context) -> list[Question]:
    if isinstance(fact, EventFact):
        return list(event_questions(fact, context))
    if isinstance(fact, AgreementFact):
        return list(agreement_questions(fact, context))
    if isinstance(fact, PlaceFact):
        return list(place_questions(fact, context))
    if isinstance(fact, PersonFact):
        return list(person_questions(fact))
    if isinstance(fact, OrganizationFact):
        return list(organization_questions(fact))
    return list(figure_questions(fact, context))
