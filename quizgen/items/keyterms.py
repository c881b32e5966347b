"""Where a fact's key term stands in its statement: what a cloze blanks and a true-or-false swaps.

A cloze teaches the term it blanks, so it blanks the one that matters: the name of
the place, person or body the fact is about, the figure of a figure, the proper name
of an event, and only then a date. A blank on a word such as "the" or "began" teaches
nothing and is never made.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import accumulate

from quizgen.claims import ATTRIBUTED_STATUSES, speaker_names
from quizgen.items.questions import Question, Value, text_surface
from quizgen.model import AgreementFact, EventFact, Fact, OrganizationFact, PersonFact, PlaceFact
from quizgen.phrases import contains_phrase, content_words, normalise, words, words_of_all

Found = tuple[str, int, int, Callable[[Value], str]]

# the order in which a question's answer makes a good blank: the fact's own name first, a date last
_CLOZE_ORDER = ("identify", "who", "side-name", "alias-of", "value", "duration", "key-term", "mention", "mediator",
                "parties", "role", "located-in", "date")
# the order in which an answer makes a good false statement when swapped for a plausible alternative
# what a false statement may swap, the likeliest first. Not a person's name or title: "Charles Michel,
# the Russian President" is false to anyone who knows either, and teaches a wrong pairing to anyone who does not
SWAP_ORDER = ("value", "duration", "date", "side-name", "alias-of", "located-in", "mediator", "mention")


def answer_in_statement(question: Question, common: CommonTerms | None = None) -> Found | None:
    """Where the answer stands in the statement, as whole words, where a blank or a swap teaches it.

    Never inside the attribution: deleting "Russia" from "Russia claimed …" would hide
    whose claim it is, and swapping it would falsify the attribution, not the claim. Never
    beside a parenthesis: "the ___ (OSCE)" shows its answer, and so does "(___)" after its
    expansion. Never a term so common in the fact base (the ``common`` terms) that other
    fills are as right as the keyed one.
    """
    fact = question.fact
    statement = fact.statement
    lowered = normalise(statement)
    claimant = normalise(fact.according_to or "")
    guarded = attribution_spans(fact)
    for form, render in question.surface:
        if not form or normalise(form) not in lowered:
            continue
        if claimant and fact.status in ATTRIBUTED_STATUSES and (
                normalise(form) in claimant or claimant in normalise(form)):
            continue
        if common is not None and form in common:
            continue
        start = statement.find(form)
        if start < 0 or statement.find(form, start + 1) >= 0:
            continue  # twice in the sentence: a blank or a swap in one place would leave the other
        end = start + len(form)
        if (start and statement[start - 1].isalnum()) or (end < len(statement) and statement[end].isalnum()):
            continue
        if len(words(statement)) - len(words(form)) < 3:
            continue  # not the whole sentence
        if any(start < until and end > since for since, until in guarded) or _beside_parenthesis(statement, start, end):
            continue
        return form, start, end, render
    return None


def attribution_spans(fact: Fact) -> list[tuple[int, int]]:
    """Where a statement says whose claim it is: its "According to X," and every naming of its claimant."""
    statement = fact.statement
    spans = [m.span() for m in re.finditer(r"\baccording to\b[^,.;]*[,.;]?", statement, re.IGNORECASE)]
    lowered = statement.lower()
    for name in speaker_names(fact.according_to) if fact.according_to else ():
        spans += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name.lower())}(?!\w)", lowered)]
    return spans


def _beside_parenthesis(statement: str, start: int, end: int) -> bool:
    """'the Organization … (OSCE)' or '… Europe (OSCE)': a term with its other form in parentheses beside it."""
    return statement[end:].lstrip().startswith("(") or statement[:start].rstrip().endswith("(")


def teaches_something(term: str) -> bool:
    """A blank worth filling: a name, a number or a date, not a function word."""
    return bool(content_words(term)) or bool(re.search(r"\d", term))


def _key_phrase(fact: Fact) -> Question | None:
    """The key term an editor named (``key_term``: "genocide" in the guide's claim), else an event's own proper name
    as its statement writes it ("the Bishkek Protocol"), as a blank."""
    if fact.key_term is not None:
        return Question(fact, "key-term", "", fact.key_term, "none", fact.key_term, surface=text_surface(fact.key_term))
    if not isinstance(fact, (EventFact, AgreementFact)):
        return None
    name = re.sub(r"\s*\([^)]*\)\s*$", "", fact.name)
    capitalised = re.findall(r"(?:[A-Z][\w’'-]+)(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w’'-]+)+", name)
    for phrase in sorted(capitalised, key=len, reverse=True):
        if phrase in fact.statement and len(phrase.split()) >= 2:
            return Question(fact, "key-term", "", phrase, "none", phrase, surface=text_surface(phrase))
    if fact.status in ATTRIBUTED_STATUSES:
        # a claim's own charge, as its name gives it ("Armenia's accusation of ethnic cleansing"): what the claim says
        # is what a cloze of it teaches, not who rejected it or where
        for phrase in _lowercase_runs(name):
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", fact.statement):
                return Question(fact, "key-term", "", phrase, "none", phrase, surface=text_surface(phrase))
    return None


def _lowercase_runs(name: str) -> list[str]:
    """The runs of two or more lowercase content words in a name, longest first ("ethnic cleansing")."""
    runs: list[list[str]] = [[]]
    for word in name.split():
        if word.islower() and word.isalpha() and content_words(word):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    # a run that opens with a verb's past ("announced measures") blanks what was done, not the charge
    return sorted((" ".join(run) for run in runs if len(run) >= 2 and not run[0].endswith("ed")), key=len,
                  reverse=True)


def cloze_surface(fact: Fact, questions: Sequence[Question], common: CommonTerms | None = None
                  ) -> tuple[Question, Found] | None:
    """The key term of a fact's statement and the question it answers; none if every term would blank badly."""
    phrase = _key_phrase(fact)
    candidates = [*questions, phrase] if phrase is not None else list(questions)
    ranked = sorted(candidates, key=lambda q: _CLOZE_ORDER.index(q.kind) if q.kind in _CLOZE_ORDER else 99)
    if fact.key_term is not None and phrase is not None:
        ranked = [phrase, *(q for q in ranked if q is not phrase)]  # an editor's choice before any rule's
    for question in ranked:
        found = answer_in_statement(question, common)
        if found is not None and teaches_something(found[0]) and not _possessive(fact.statement, found[2]) \
                and not _OWNED.search(fact.statement[:found[1]]) and not _listed(fact.statement, found[1], found[2]) \
                and not _NAME_HEAD.search(fact.statement[:found[1]]):
            return question, found
    return None


# "with its _____ in Yerevan": a blank after a possessive names a post, not the person who holds it
_OWNED = re.compile(r"\b(?:its|his|her|their)\s+$", re.IGNORECASE)


# "the International Committee of the _____": a blank that ends a longer name is filled by the name's own words
# (two capitalised words at least: "accused Azerbaijan of _____" blanks no name's end)
_NAME_HEAD = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s+of(?:\s+the)?\s+$")


# "The United States, Canada and the _____": one name of a list is blanked by chance, and any other name fits
_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
_LISTED_BEFORE = re.compile(rf"{_NAME}(?:,\s+{_NAME})*,?\s+(?:and|or)\s+(?:the\s+)?$")
_LISTED_AFTER = re.compile(rf"^(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME}")


def _listed(statement: str, start: int, end: int) -> bool:
    """The blank is one name of a list ("Armenia and _____", "_____, Canada and the European Union", "the _____ and
    other UN agencies")."""
    return bool(_LISTED_BEFORE.search(statement[:start]) or _LISTED_AFTER.match(statement[end:])
                or _OPEN_LIST_AFTER.match(statement[end:]))


# "including the _____ and other UN agencies": any member of the open list fills the blank
_OPEN_LIST_AFTER = re.compile(r"^,?\s+(?:and|or)\s+other\b")


def _possessive(statement: str, end: int) -> bool:
    """"the United Nations' first": a blank before a possessive reads "the _____' first"."""
    return statement[end:end + 1] in ("'", "’")


class Mentions:
    """Places, people and bodies a statement names: a blank for a cloze, a name to swap for a false statement.

    Names are indexed by their first word, so a statement is checked only against the
    names that could start at one of its words.
    """

    def __init__(self, facts: Sequence[Fact]) -> None:
        self._by_word: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # word -> (name, pool, fact id)
        # the same names keyed by all their words: a statement's runs of words are looked up, so a fact base
        # of many names that share a first word ("Town 1" … "Town 9000") costs no more than one of few
        self._by_words: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        self._longest = 1
        # a statement is read for the common terms, then again for its items
        self._named_in: dict[str, list[tuple[str, str, str]]] = {}
        for fact in facts:
            for name, pool in _names_of(fact):
                first = words(name)
                if first and len(name) > 3:
                    self._by_word[first[0]].append((name, pool, fact.id))
                    self._by_words[_key(first)].append((name, pool, fact.id))
                    self._longest = max(self._longest, len(first))

    def _named(self, text: str) -> list[tuple[str, str, str]]:
        """The (name, pool, owner) entries the text names, in the order its words name them."""
        found = self._named_in.get(text)
        if found is None:
            found = self._named_in[text] = self._find_named(text)
        return found

    def _find_named(self, text: str) -> list[tuple[str, str, str]]:
        tokens = words(text)
        later: list[str] = []  # the words as a name's later words are keyed, made when a name may start
        found: list[tuple[str, str, str]] = []
        for start, first in enumerate(tokens):
            if first not in self._by_word:
                continue  # no name starts with this word: no run of words from here is a name
            later = later or _later_words(tokens)
            for size in range(1, min(self._longest, len(tokens) - start) + 1):
                for entry in self._by_words.get(" ".join([first, *later[start + 1:start + size]]), ()):
                    if entry not in found and contains_phrase(text, entry[0]):
                        found.append(entry)
        return found

    def owners_named_often(self, texts: Sequence[str], least: float) -> Counter[str]:
        """How many of the texts name each fact, for the facts that more than ``least`` of them may name.

        A name is found only where each of its words is a word of the text, so how often its rarest word occurs
        in all the texts together bounds how many name it. Only the names whose bound exceeds ``least`` are
        counted, and only in the texts that hold that word: a large fact base has few such names, and most of
        its statements are never searched. Every fact counted is counted exactly as ``owners_in`` finds it.
        """
        occurs = Counter(words_of_all(texts))
        # a name's later words are looked up without a possessive: "Pelosi's" is also an occurrence of "pelosi"
        possessed = [word for word in occurs if "'" in word]
        for word, bare in zip(possessed, _later_words(possessed), strict=True):
            occurs[bare] += occurs[word]  # "Pelosi's" and "Pelosi'" both add to "pelosi"
        rarest: dict[str, list[str]] = defaultdict(list)  # owner -> the rarest word of each of its names
        bound: Counter[str] = Counter()
        for key, entries in self._by_words.items():
            word = min((word for word in key.split(" ") if word), key=occurs.__getitem__)  # "'s" alone keys as ""
            for _, _, owner in entries:
                bound[owner] += occurs[word]
                rarest[owner].append(word)
        often = {owner for owner, most in bound.items() if most > least}
        # where the names that may be common could be in most texts, every text is searched, as a small base is
        searched = range(len(texts)) if sum(bound[owner] for owner in often) >= len(texts) else \
            _holding(texts, {word for owner in often for word in rarest[owner]})
        named: Counter[str] = Counter()
        for index in searched:
            named.update(often & self.owners_in(texts[index]))
        return named

    def owners_in(self, text: str) -> set[str]:
        """The facts whose name or alias the text names."""
        return {owner for _, _, owner in self._named(text)}

    def continues_a_name(self, form: str, following: str) -> bool:
        """'Lachin' before 'corridor': the form and its next word are, or begin, a longer name ("Lachin corridor")."""
        first = words(form)
        if not first or not following:
            return False
        longer = normalise(f"{form} {following}")
        return any(normalise(name) == longer or normalise(name).startswith(longer + " ")
                   for name, _, _ in self._by_word.get(first[0], ()))

    def questions(self, fact: Fact) -> list[Question]:
        found: dict[str, Question] = {}
        for name, pool, owner in self._named(fact.statement):
            if owner != fact.id and name not in found:
                found[name] = Question(fact, "mention", "", name, pool, name, surface=text_surface(name))
        # the longest names first: "Nagorno-Karabakh Republic" before "Nagorno-Karabakh"
        return sorted(found.values(), key=lambda q: (-len(q.answer), q.answer))


def _holding(texts: Sequence[str], wanted: set[str]) -> list[int]:
    """The indexes of the texts whose normalised form holds any of the words (as a part of a word, even)."""
    if not wanted:
        return []
    normalised = [normalise(text) for text in texts]
    joined = "\n".join(normalised)
    starts = list(accumulate((len(text) + 1 for text in normalised), initial=0))
    found: set[int] = set()
    for word in wanted:
        at = joined.find(word)
        while at != -1:
            found.add(bisect_right(starts, at) - 1)
            at = joined.find(word, at + 1)
    return sorted(found)


def _key(tokens: Sequence[str]) -> str:
    """A run of words as a name's index key: a name's later words may carry a possessive ("Nancy Pelosi's",
    "the United Nations'"), as a whole-word match finds them; its first word is taken as it stands."""
    return " ".join([*tokens[:1], *_later_words(tokens[1:])])


def _later_words(tokens: Sequence[str]) -> list[str]:
    """Words as a name's later words are keyed: without a possessive."""
    return [w[:-2] if w.endswith("'s") else w.rstrip("'") for w in tokens]


def _names_of(fact: Fact) -> list[tuple[str, str]]:
    if isinstance(fact, PlaceFact):
        return [(fact.name, "place-name"), *((alias.name, "place-name") for alias in fact.aliases)]
    if isinstance(fact, PersonFact):
        return [(fact.name, "person")]
    if isinstance(fact, OrganizationFact):
        return [(fact.name, "organization")]
    return []


COMMON_SHARE = 0.08  # a name in more than this share of all statements is no blank: other fills are as right
COMMON_LEAST = 4  # ... and in at least this many: in a fact base of ten, two statements are no pattern


class CommonTerms:
    """Names the fact base uses so often (the topic's own name, its main parties) that they make no blank.

    A name counts with its aliases: a statement naming "Artsakh" names Nagorno-Karabakh too, and
    a blank on either could be filled with the other.
    """

    def __init__(self, facts: Sequence[Fact], mentions: Mentions, every_statement_read: bool = True) -> None:
        """``every_statement_read``: whether the names of every statement will be looked up anyway (the items of
        a whole base); if not (a quiz of a few facts), only the statements that may name a common name are."""
        least = max(COMMON_LEAST, COMMON_SHARE * len(facts))
        statements = [fact.statement for fact in facts]
        if every_statement_read:
            named: Counter[str] = Counter()
            for statement in statements:
                named.update(mentions.owners_in(statement))
        else:
            named = mentions.owners_named_often(statements, least)
        by_id = {fact.id: fact for fact in facts}
        self._names = frozenset(normalise(name) for owner, count in named.items() if count > least
                                for name, _ in _names_of(by_id[owner]))
        # the name the fact base speaks of most, where one stands out: the course's own subject
        ranked = named.most_common(2)
        subject = ranked[0][0] if ranked and ranked[0][1] > least and (
            len(ranked) == 1 or ranked[0][1] > 1.5 * ranked[1][1]) else None
        self.subject = frozenset(normalise(name) for name, _ in _names_of(by_id[subject])) if subject else frozenset()

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and normalise(term) in self._names

    @property
    def names(self) -> frozenset[str]:
        """Every common name, normalised."""
        return self._names
