"""Questions that compare facts: which of two events came first, which source gives a figure.

Only a fact base that keeps its sources and its conflicts can ask these: ``which-source``
sets a figure beside the other versions recorded in ``conflicts_with`` and asks whose
it is. Both are built from indexes, never from all pairs of facts: sorting the events
once lets each find its partner by bisection.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache

from quizgen.dates import MONTH_NAMES
from quizgen.items.questions import Context, Question
from quizgen.items.seeding import seeded_rng
from quizgen.items.stems import as_question, claim_alone
from quizgen.model import AgreementFact, EventFact, Fact, FigureFact, Source
from quizgen.numbers_in_text import format_number
from quizgen.phrases import normalise

# two events are fair to order when this many days separate them, by the precision of the vaguer date
_FAIR_GAP_DAYS = {1: 366, 2: 62, 3: 14}
PARTNERS_CONSIDERED = 4


@lru_cache(maxsize=1 << 16)  # an event's name is shown, compared and grouped many times over
def display_name(name: str) -> str:
    """A name without the source label in parentheses that lists add ("… (Azad Archives guide)")."""
    return _SOURCE_LABEL.sub("", name).strip()


_SOURCE_LABEL = re.compile(r"\s*\([^)]*\)\s*$")


# a name that tells its own time or place in a sequence: "War … in the early 1990s", "the Second … War", "Ceasefire
# after Azerbaijan's offensive" beside the offensive
_SELF_DATING = re.compile(r"\b(?:\d{3,4}s?|first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th)|after|before|"
                          r"following|prior to)\b", re.IGNORECASE)
# two events this far apart are ordered by anyone who knows the century: no question
_OBVIOUS_GAP_DAYS = 20 * 365


def dates_itself(name: str) -> bool:
    """The name gives away where its event stands in time ("the Second … War", "Ceasefire after …")."""
    return bool(_SELF_DATING.search(display_name(name)))


def _orderable(fact: Fact, context: Context) -> bool:
    when = fact.date
    return (isinstance(fact, (EventFact, AgreementFact)) and when is not None and fact.status == "established"
            and when.qualifier not in ("before", "after", "by", "about") and fact.id not in context.captions
            and not dates_itself(fact.name))


def which_first(facts: Sequence[Fact], context: Context, seed: int) -> Iterator[Question]:
    """For each event, a later one far enough apart to be fair: "Which happened first?"."""
    events = sorted((f for f in facts if _orderable(f, context)), key=lambda f: (f.date.start, f.id))  # type: ignore[union-attr]
    starts = [f.date.start.first_day().toordinal() for f in events]  # type: ignore[union-attr]
    names_seen: set[tuple[str, str]] = set()
    for index, fact in enumerate(events):
        when = fact.date
        assert when is not None
        last = when.span()[1].toordinal()
        gap = _FAIR_GAP_DAYS[int(min(when.precision, when.last.precision))]
        at = bisect.bisect_left(starts, last + gap, lo=index + 1)
        partners = [p for p in events[at:at + PARTNERS_CONSIDERED * 3]
                    if normalise(display_name(p.name)) != normalise(display_name(fact.name))
                    and p.date is not None and _OBVIOUS_GAP_DAYS > p.date.start.first_day().toordinal() - last
                    >= _FAIR_GAP_DAYS[int(p.date.precision)]][:PARTNERS_CONSIDERED]
        if not partners:
            continue
        partner = partners[seeded_rng(seed, "which-first", fact.id).randrange(len(partners))]
        key = (fact.id, partner.id)
        if key in names_seen:
            continue
        names_seen.add(key)
        earlier, later = display_name(fact.name), display_name(partner.name)
        shown = [earlier, later]
        seeded_rng(seed, "which-first-order", fact.id).shuffle(shown)
        yield Question(fact, "which-first", f"Which happened first: “{shown[0]}” or “{shown[1]}”?", earlier, "given",
                       earlier, cue="", extra_facts=(partner.id,), choices=(later,))


def source_of(fact: Fact, sources: Mapping[str, Source]) -> str:
    """Who gives a figure: the party it is attributed to, else the text it is cited from."""
    if fact.according_to:
        return fact.according_to
    source = sources[fact.citations[0].source]
    return f"{source.publisher}, {source.title}" if len(source.title) < 40 else source.publisher


def which_source(fact: FigureFact, context: Context, sources: Mapping[str, Source]) -> Iterator[Question]:
    """Sources disagree on this figure: which of them gives this value?"""
    if fact.value is None or fact.wording:
        return
    others = [context.by_id[i] for i in fact.conflicts_with if i in context.by_id]
    answer = source_of(fact, sources)
    rivals: dict[str, FigureFact] = {}
    for other in others:
        if not isinstance(other, FigureFact) or other.unit != fact.unit or other.value is None:
            continue
        if abs(other.value - fact.value) <= 0.05 * abs(fact.value) or _both_may_hold(fact, other):
            continue  # the same figure from another source, or one its bound allows: a second true answer
        who = _speaker(source_of(other, sources))
        if who != _speaker(answer):
            rivals.setdefault(who, other)
    same_value = {_speaker(source_of(o, sources)) for o in others if isinstance(o, FigureFact)
                  and o.value is not None and abs(o.value - fact.value) <= 0.05 * abs(fact.value)}
    choices = tuple(source_of(r, sources) for key, r in sorted(rivals.items()) if key not in same_value)
    if not choices:
        return
    claim = claim_alone(fact.statement, fact.according_to) if fact.according_to else None
    topic = _shared_topic(fact, list(rivals.values()))
    figure = f"{format_number(fact.value)} {fact.unit}"
    if claim is not None:
        prompt = f"The sources give different figures. Which of them says that {as_question(claim)}"
    elif topic is not None:
        # a person quoted by a text gives the figure, not the text: "who", so the text is no second answer; and a
        # person is no "source" a learner read (one text can quote both figures)
        if _a_persons(answer):
            prompt = f"Estimates of {topic} differ. Who puts it at {figure}?"
        else:
            prompt = f"The sources disagree on {topic}. Which of them puts it at {figure}?"
    else:
        return
    yield Question(fact, "which-source", prompt, answer, "given", answer, cue="",
                   extra_facts=tuple(r.id for r in rivals.values()), choices=choices[:3])


def _a_persons(claimant: str) -> bool:
    """The claimant is a person, named and described ("Nikolay Mitrokhin, University of Bremen"), as the fact
    base writes people who say something; a text is named by its title ("Al Jazeera's live blog")."""
    name, comma, _ = claimant.partition(",")
    return bool(comma) and all(word[:1].isupper() for word in name.split())


def _span(fact: FigureFact) -> tuple[float, float]:
    """The values a figure allows: "over three-quarters" is anything above 75. "About 600 million" stays 600
    million: two round figures that differ are two versions, not one."""
    value = fact.value
    assert value is not None
    return {"more-than": (value, math.inf), "at-least": (value, math.inf), "up-to": (0.0, value),
            "fewer-than": (0.0, value)}.get(fact.approximation, (value, value))


def _both_may_hold(fact: FigureFact, other: FigureFact) -> bool:
    """"80 percent" and "over three-quarters" do not disagree: a figure within the other's bound is no rival, and
    "which source puts it at 80 percent?" would have two defensible answers."""
    low, high = _span(fact)
    other_low, other_high = _span(other)
    return low <= other_high and other_low <= high


def _shared_topic(fact: Fact, others: list[Fact]) -> str | None:
    """The words the rival figures' names share, as a topic: "the population of Nagorno-Karabakh"."""
    mine = display_name(fact.name).split()
    best: list[str] = []
    for other in others:
        theirs = [w.lower() for w in display_name(other.name).split()]
        for i in range(len(mine)):
            for j in range(i + len(best) + 1, len(mine) + 1):
                piece = [w.lower() for w in mine[i:j]]
                if _contains(theirs, piece):
                    best = mine[i:j]
                else:
                    break
    best = _with_its_clause(mine, best, others)
    if not best:
        return None
    # "Nagorno-Karabakh's" is a word of content as much as "population" is
    content = [w for w in best if w.replace("-", "").replace("'", "").isalpha()
               and w.lower() not in ("of", "the", "in", "a", "by", "and", "to") and w.capitalize() not in MONTH_NAMES]
    if len(content) < 2:
        return None
    while best and best[-1].lower() in _DANGLING:
        best = best[:-1]
    text = " ".join(best).strip(" ,")
    first = text.split()[0]
    if first[:1].isupper() and not re.search(rf"(?<!^)(?<![.] )\b{re.escape(first)}\b", fact.statement):
        text = text[0].lower() + text[1:]  # a common noun that opened a label: "Population of …"
    return text if text.lower().startswith("the ") else f"the {text}"


def _with_its_clause(mine: list[str], best: list[str], others: list[Fact]) -> list[str]:
    """"the share of the population" cut before "that fled" names another figure: a shared piece that stops at a
    relative pronoun keeps the clause's words the rivals' names also hold ("that fled" of "that had fled"), and
    is no topic at all without them."""
    pronouns = ("that", "who", "which")
    end = next((i + len(best) for i in range(len(mine)) if mine[i:i + len(best)] == best), len(mine))
    if best and best[-1].lower() in pronouns:
        best, end = best[:-1], end - 1
    if not best or end >= len(mine) or mine[end].lower() not in pronouns:
        return best
    theirs = {w.lower() for other in others for w in display_name(other.name).split()}
    clause = list(itertools.takewhile(lambda w: w.lower() in theirs, mine[end + 1:]))
    return [*best, mine[end], *clause] if clause else []


_DANGLING = frozenset(["of", "the", "in", "a", "by", "and", "to", "that", "which", "who", "as", "for", "on", "at"])


def _speaker(according_to: str) -> str:
    """Who speaks, without what they were doing: "Al Jazeera's live blog, reporting …" is Al Jazeera's live blog."""
    return normalise(according_to.split(",")[0].removeprefix("the "))


def _contains(haystack: list[str], needle: list[str]) -> bool:
    return any(haystack[k:k + len(needle)] == needle for k in range(len(haystack) - len(needle) + 1))
