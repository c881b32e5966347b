"""Turning a fact's statement into a question's stem: take out what the question asks.

A template question is built from the statement a teacher already vetted, never from
a fact's ``name`` (a label for lists, not a phrase to put in a sentence). The answer
is taken out of the sentence together with the words that only carry it ("on", "in",
"early"), so that what remains still reads as a sentence; a number is replaced by a
blank. Where the answer cannot be taken out cleanly, no stem is made and the question
is not asked: a stem never shows its own answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.dates import MONTH_NAMES, PartialDate, Precision
from quizgen.phrases import normalise

BLANK = "___"

_MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
_QUALIFIER = r"(?:(?:early|mid|late|about|around|mid-)\s*-?\s*)"
_PREPOSITION = r"(?:in|on|by|since|during|from|until|of|at)"
# the forms a text writes a date in, each with the fields it names
_DATE_FORMS = [
    (re.compile(rf"(\d{{1,2}}) ({_MONTH}),? (\d{{4}})"), ("day", "month", "year")),
    (re.compile(rf"({_MONTH}) (\d{{1,2}}),? (\d{{4}})"), ("month", "day", "year")),
    (re.compile(rf"({_MONTH}) (?:of )?(\d{{4}})"), ("month", "year")),
    (re.compile(r"(?<![\d,.])(\d{4})s?(?![\d,])"), ("year",)),
    (re.compile(rf"(\d{{1,2}}) ({_MONTH})(?! \d)"), ("day", "month")),
    (re.compile(rf"({_MONTH}) (\d{{1,2}})(?![\d,])"), ("month", "day")),
]
_TIDY = [(re.compile(r"\s+([,.;:?])"), r"\1"), (re.compile(r",\s*,"), ","), (re.compile(r"\(\s*\)"), ""),
         (re.compile(r"\s{2,}"), " "), (re.compile(r"^[\s,;:]+"), ""), (re.compile(r",\s*\."), "."),
         (re.compile(r"(According to [^,]+, )[,\s]+"), r"\1")]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def date_spans(text: str, date: PartialDate) -> list[Span]:
    """Where the text names this date or its year (a year alone hints at any finer date)."""
    spans: list[Span] = []
    taken: list[Span] = []
    for pattern, fields in _DATE_FORMS:
        for match in pattern.finditer(text):
            if any(s.start <= match.start() < s.end for s in taken):
                continue
            parts = dict(zip(fields, match.groups(), strict=True))
            year = int(parts["year"]) if "year" in parts else date.year
            month = MONTH_NAMES.index(parts["month"]) + 1 if "month" in parts else None
            day = int(parts["day"]) if "day" in parts else None
            taken.append(Span(match.start(), match.end()))
            if year != date.year:
                continue
            if month is not None and date.precision >= Precision.MONTH and month != date.month:
                continue
            if day is not None and date.precision is Precision.DAY and day != date.day:
                continue
            spans.append(Span(match.start(), match.end()))
    return sorted(spans, key=lambda s: s.start)


# a date inside a clause set off by a comma that opens with a participle or a relative word
_SUBORDINATE_DATE = re.compile(r",\s*(?:\w+ed|which|who|whose|when|where|while)\b[^,.;:]*$", re.IGNORECASE)


def without_date(statement: str, date: PartialDate) -> str | None:
    """The statement with every mention of this date (and of its year) taken out, or None if none can be.

    "In 1923 the Soviet Union established …" → "The Soviet Union established …";
    "… the deal of 9 November 2020." → "… the deal."; "the 1994 ceasefire" → "the ceasefire".
    """
    spans = date_spans(statement, date)
    if not spans:
        return statement
    if any(_SUBORDINATE_DATE.search(statement[:span.start]) for span in spans):
        # "the Minsk Group, created in 1994 …, led the talks": the date belongs to a side clause, and
        # "when did this happen?" would not say which of the two things it asks about
        return None
    text = statement
    for span in reversed(spans):
        start, end = span.start, span.end
        before = text[:start]
        qualifier = re.search(rf"\b{_QUALIFIER}$", before, flags=re.IGNORECASE)
        if qualifier:
            start = qualifier.start()
            before = text[:start]
        preposition = re.search(rf"(?:^|(?<=[\s,]))(?:the day after |shortly after )?{_PREPOSITION}\s+$", before,
                                flags=re.IGNORECASE)
        after = text[end:]
        if preposition:
            start = preposition.start()
        elif not re.match(r"\s+\w", after) and not re.search(r"(the|a|its|their)\s+$", before, re.IGNORECASE):
            # a date standing alone ("The blockade, 2023, …"): nothing reads well without it
            return None
        if after.startswith(",") and (not text[:start].strip() or text[:start].rstrip().endswith(",")):
            end += 1  # an opening phrase ("In 1923, …") takes its comma; one mid-sentence leaves it
        text = text[:start] + " " + text[end:]
    return tidy(text)


def tidy(text: str) -> str:
    for pattern, replacement in _TIDY:
        text = pattern.sub(replacement, text)
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


# --- numbers -----------------------------------------------------------------------

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                 "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORD = "|".join(sorted([*_WORD_NUMBERS, *_SCALE_WORDS], key=len, reverse=True))
_SPELLED = re.compile(rf"\b(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*\b", re.IGNORECASE)
_DIGITS = re.compile(r"(?<![\w.])\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(million|billion|thousand|bn|m)\b)?")
_SCALES = {"million": 1_000_000, "billion": 1_000_000_000, "thousand": 1_000, "bn": 1_000_000_000, "m": 1_000_000}


def _spelled(phrase: str) -> float:
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word in _WORD_NUMBERS:
            current += _WORD_NUMBERS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _SCALE_WORDS[word]
            current = 0
    return total + current


def number_span(text: str, value: float) -> Span | None:
    """Where the text states this number, in digits ("70,500", "10 billion") or words ("seven thousand")."""
    for match in _DIGITS.finditer(text):
        whole, fraction, scale = match.groups()
        number = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
        if scale:
            number *= _SCALES[scale.lower()]
        if number == value and not re.match(r"-(year|day|week|month)", text[match.end():]):
            return Span(match.start(), match.end())
    for match in _SPELLED.finditer(text):
        if _spelled(match.group(0)) == value:
            return Span(match.start(), match.end())
    return None


def without_count(sentence: str, count: float) -> str | None:
    """The sentence without a stated length of time ("for nine months", "the six-week"), which would answer it."""
    span = number_span(sentence, count)
    if span is None:
        return sentence
    unit = re.match(r"[\s-]*(?:days?|weeks?|months?|years?|hours?)\b", sentence[span.end:])
    if unit is None:
        return None
    before = re.search(r"(?:\b(?:for|after|of|lasting)\s+)?$", sentence[:span.start])
    start = before.start() if before else span.start
    return tidy(sentence[:start] + " " + sentence[span.end + unit.end():])


def blanked(text: str, span: Span) -> str:
    return text[: span.start] + BLANK + text[span.end:]


# --- attribution -----------------------------------------------------------------

_SAYING = (r"(?:told [^,“]+? that|(?:said|says|claimed|claims|reported|reports|wrote|writes|stated|states|argued|"
           r"argues|warned|warns|called|calls)(?: (?:on|in) [^,“]+? that| that)?)")


def without_attribution(statement: str, according_to: str) -> str | None:
    """The claim alone, for asking who makes it: "According to X, S." → "S"; "X said that S." → "S"."""
    core = according_to.split(",")[0].strip()
    core = core[4:] if core.lower().startswith("the ") else core
    name = re.escape(core)
    appositives = r"(?:,[^,“]{1,60}){0,2}"  # "X, head of the Atlas Center in Baku, …"
    opening = re.match(rf"^According to (?:{re.escape(according_to)}|[^,“]*?\b{name}\b[^,“]*{appositives}),\s*"
                       r"(?:(?:as quoted by|speaking to) [^,“]+,\s*)?", statement, re.IGNORECASE)
    if opening:
        return _lower_first(statement[opening.end():])
    tail = re.search(rf",?\s*according to [^,“]*?\b{name}\b[^,“.]*\.$", statement, re.IGNORECASE)
    if tail:
        return _lower_first(statement[: tail.start()] + ".")
    said = re.match(rf"^(?P<lead>[^“,]+,\s+)?(?P<who>[^,“]*?\b{name}\b(?:,[^,“]+){{0,2}},?)\s+{_SAYING}\s+", statement)
    if said:
        lead = said.group("lead") or ""
        return _lower_first(lead) + statement[said.end():]
    return None


_REFERS_BACK = re.compile(r"\b(?:its|it|they|their|them|he|his|she|her)\b", re.IGNORECASE)


def claim_alone(statement: str, according_to: str) -> str | None:
    """The claim without its claimant, if it reads on its own ("its forces" would point at no one)."""
    claim = without_attribution(statement, according_to)
    if claim is None or _REFERS_BACK.search(claim):
        return None
    return claim


_KEEP_CAPITAL = re.compile(r"^(?:[A-Z]{2,}|[A-Z][a-z]*[A-Z]|I\b)")


def _lower_first(text: str) -> str:
    """Lowercase a sentence's first word only if it is an ordinary word ("The war" → "the war", not "Russia")."""
    first = text.split(" ", 1)[0]
    if first.lower() in _ORDINARY_OPENINGS and not _KEEP_CAPITAL.match(first):
        return text[:1].lower() + text[1:]
    return text


_ORDINARY_OPENINGS = frozenset([
    "a", "an", "the", "in", "on", "at", "by", "for", "from", "with", "after", "before", "during", "when", "its",
    "it", "there", "some", "many", "most", "all", "both", "only", "more", "over", "about", "this", "that", "these",
    "those", "since", "until", "while", "as", "if", "no", "each", "every", "armed", "heavy", "military",
])


def as_question(sentence: str) -> str:
    """A sentence's final stop made a question mark."""
    return sentence.rstrip().rstrip(".") + "?"


def plural_subject(who: str) -> bool:
    """Whether "do" rather than "does" follows: "Armenians", "the authorities", "France and Russia"."""
    head = normalise(who).split(",")[0].split()
    if not head:
        return False
    if "and" in head:
        return True
    last = head[-1]
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def with_article(phrase: str) -> str:
    """'the Bishkek Protocol', 'the OSCE Minsk Group': a name as it stands in a sentence."""
    lowered = phrase.lower()
    if lowered.startswith(("the ", "a ", "an ")) or "'s " in lowered or "’s " in lowered:
        return phrase
    return "the " + phrase


def is_proper_name(name: str) -> bool:
    """A name a sentence can use as it is ("Bishkek Protocol"), not a descriptive label."""
    if "(" in name or ":" in name:
        return False
    words = [w for w in re.split(r"[\s–-]+", name) if w]
    small = {"of", "the", "and", "for", "in", "on", "to", "a", "de", "du"}
    return bool(words) and all(w[0].isupper() or w.lower() in small or w[0].isdigit() for w in words)
