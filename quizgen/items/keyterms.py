"""Where a fact's key term stands in its statement: what a cloze blanks and a true-or-false swaps.

A cloze teaches the term it blanks, so it blanks the one that matters: the name of
the place, person or body the fact is about, the figure of a figure, the proper name
of an event, and only then a date. A blank on a word such as "the" or "began" teaches
nothing and is never made.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from quizgen.attribution import ATTRIBUTED_STATUSES
from quizgen.items.questions import Question, Value, text_surface
from quizgen.model import AgreementFact, EventFact, Fact, OrganizationFact, PersonFact, PlaceFact
from quizgen.text import contains_phrase, content_words, normalise, words

Found = tuple[str, int, int, Callable[[Value], str]]

# the order in which a question's answer makes a good blank: the fact's own name first, a date last
_CLOZE_ORDER = ("identify", "who", "side-name", "alias-of", "value", "duration", "key-term", "mention", "mediator",
                "parties", "role", "located-in", "date")
# the order in which an answer makes a good false statement when swapped for a plausible alternative
SWAP_ORDER = ("value", "duration", "date", "side-name", "alias-of", "located-in", "who", "role", "mediator",
              "mention")


def answer_in_statement(question: Question) -> Found | None:
    """Where the answer stands in the statement, as whole words, outside the attribution.

    Never inside the attribution: deleting "Russia" from "Russia claimed …" would hide
    whose claim it is, and swapping it would falsify the attribution, not the claim.
    """
    fact = question.fact
    statement = fact.statement
    lowered = normalise(statement)
    claimant = normalise(fact.according_to or "")
    for form, render in question.surface:
        if not form or normalise(form) not in lowered:
            continue
        if claimant and fact.status in ATTRIBUTED_STATUSES and (
                normalise(form) in claimant or claimant in normalise(form)):
            continue
        start = statement.find(form)
        if start < 0 or statement.find(form, start + 1) >= 0:
            continue  # twice in the sentence: a blank or a swap in one place would leave the other
        end = start + len(form)
        if (start and statement[start - 1].isalnum()) or (end < len(statement) and statement[end].isalnum()):
            continue
        if len(words(statement)) - len(words(form)) < 3:
            continue  # not the whole sentence
        return form, start, end, render
    return None


def teaches_something(term: str) -> bool:
    """A blank worth filling: a name, a number or a date, not a function word."""
    return bool(content_words(term)) or bool(re.search(r"\d", term))


def _key_phrase(fact: Fact) -> Question | None:
    """An event's own proper name as its statement writes it ("the Bishkek Protocol"), as a blank."""
    if not isinstance(fact, (EventFact, AgreementFact)):
        return None
    name = re.sub(r"\s*\([^)]*\)\s*$", "", fact.name)
    capitalised = re.findall(r"(?:[A-Z][\w’'-]+)(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w’'-]+)+", name)
    for phrase in sorted(capitalised, key=len, reverse=True):
        if phrase in fact.statement and len(phrase.split()) >= 2:
            return Question(fact, "key-term", "", phrase, "none", phrase, surface=text_surface(phrase))
    return None


def cloze_surface(fact: Fact, questions: Sequence[Question]) -> tuple[Question, Found] | None:
    """The key term of a fact's statement and the question it answers."""
    phrase = _key_phrase(fact)
    candidates = [*questions, phrase] if phrase is not None else list(questions)
    ranked = sorted(candidates, key=lambda q: _CLOZE_ORDER.index(q.kind) if q.kind in _CLOZE_ORDER else 99)
    for question in ranked:
        found = answer_in_statement(question)
        if found is not None and teaches_something(found[0]):
            return question, found
    return None


class Mentions:
    """Places, people and bodies a statement names: a blank for a cloze, a name to swap for a false statement.

    Names are indexed by their first word, so a statement is checked only against the
    names that could start at one of its words.
    """

    def __init__(self, facts: Sequence[Fact]) -> None:
        self._by_word: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # word -> (name, pool, fact id)
        for fact in facts:
            for name, pool in _names_of(fact):
                first = words(name)
                if first and len(name) > 3:
                    self._by_word[first[0]].append((name, pool, fact.id))

    def questions(self, fact: Fact) -> list[Question]:
        found: dict[str, Question] = {}
        for word in dict.fromkeys(words(fact.statement)):
            for name, pool, owner in self._by_word.get(word, ()):
                if owner != fact.id and name not in found and contains_phrase(fact.statement, name):
                    found[name] = Question(fact, "mention", "", name, pool, name, surface=text_surface(name))
        # the longest names first: "Nagorno-Karabakh Republic" before "Nagorno-Karabakh"
        return sorted(found.values(), key=lambda q: (-len(q.answer), q.answer))


def _names_of(fact: Fact) -> list[tuple[str, str]]:
    if isinstance(fact, PlaceFact):
        return [(fact.name, "place-name"), *((alias.name, "place-name") for alias in fact.aliases)]
    if isinstance(fact, PersonFact):
        return [(fact.name, "person")]
    if isinstance(fact, OrganizationFact):
        return [(fact.name, "organization")]
    return []
