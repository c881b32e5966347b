"""Both names of a place: a prompt that calls a place by one side's name also gives the main name.

A contested place is taught under the names both sides use. The fact base gives each place
its main name and the names others use (``aliases`` with ``used_by``); where a prompt quotes
a text that uses one side's name alone ("the road to Artsakh"), the learner also reads the
main name: "the road to Artsakh (Nagorno-Karabakh)". Acronyms and short forms are not a
side's name and are left as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from quizgen.items.claimants import calls_a_text, text_vocabulary
from quizgen.model import Fact, PlaceFact, Source
from quizgen.phrases import contains_phrase

# an alias used by no side: an acronym ("OSCE"), a short form ("Red Cross")
_NOT_A_SIDE = re.compile(r"^(?:acronym|short form|abbreviation)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


class BothNames:
    """The side names of a fact base's places, each with the place's main name."""

    def __init__(self, facts: Sequence[Fact], sources: Mapping[str, Source]) -> None:
        # a name one text uses ("Soviet Republic of Azerbaijan", used by the guide) is its wording, not a side's
        texts = [text_vocabulary(source) for source in sources.values()]

        # a few sides name the places of a whole base ("used by Armenia" on thousands of aliases): each is judged once
        sides: dict[str, bool] = {}

        def a_sides(used_by: str) -> bool:
            judged = sides.get(used_by)
            if judged is None:
                judged = sides[used_by] = not _NOT_A_SIDE.match(used_by) and not any(
                    calls_a_text(used_by, text) for text in texts)
            return judged

        found = [(alias.name, place.name) for place in facts if isinstance(place, PlaceFact)
                 for alias in place.aliases if alias.used_by and a_sides(alias.used_by)]
        # the longest first: "Republic of Artsakh" is one name, not "Republic of" and "Artsakh"
        found.sort(key=lambda pair: -len(pair[0]))
        # by the run of words of the name: a text is tried only against the names whose words it holds in a row,
        # so a fact base with a side's name for each of thousands of places costs a prompt a few lookups per word
        self._by_words: dict[tuple[str, ...], list[tuple[int, str, str]]] = {}
        for rank, (side, main) in enumerate(found):
            self._by_words.setdefault(tuple(_WORD.findall(side)), []).append((rank, side, main))
        self._longest = max(map(len, self._by_words), default=0)
        # a name's pattern is compiled when a text first holds its words: a quiz's prompts meet a few of the
        # thousands of names a large base has, and compiling them all took longer than the rest of this index
        self._patterns: dict[str, re.Pattern[str]] = {}

    def _patterns_in(self, text: str) -> list[tuple[re.Pattern[str], str, str]]:
        """The side names whose words stand in a row in ``text``, longest first."""
        words = _WORD.findall(text)
        found = {rank: (side, main) for at in range(len(words)) for size in range(1, self._longest + 1)
                 for rank, side, main in self._by_words.get(tuple(words[at:at + size]), ())}
        return [(self._pattern(found[rank][0]), *found[rank]) for rank in sorted(found)]

    def _pattern(self, side: str) -> re.Pattern[str]:
        """The side name standing alone, not inside a longer word or hyphenated name."""
        pattern = self._patterns.get(side)
        if pattern is None:
            pattern = self._patterns[side] = re.compile(rf"(?<![\w-]){re.escape(side)}(?![\w-])")
        return pattern

    def neutral(self, text: str) -> str:
        """``text`` with a side's one-word name for a place ("Artsakh") replaced by the main name: in "which text
        says …?" the side's word would name the text that uses it."""
        for pattern, side, main in self._patterns_in(text):
            if " " in side:
                continue  # "Republic of Artsakh" names a state, not the place: glossed, never replaced
            text = _replaced(text, pattern, main)
            text = text.replace(f"{main} ({main})", main)  # a gloss the prompt already gave
        return text

    def added(self, text: str, answer: str) -> str:
        """``text`` with the main name after the first of each side name that stands alone, where the text does
        not already give the main name, and where the main name is not the answer it asks for."""
        for pattern, side, main in self._patterns_in(text):
            if contains_phrase(text, main) or contains_phrase(answer, main) or contains_phrase(answer, side):
                continue
            for match in pattern.finditer(text):
                after = text[match.end():]
                # part of a longer name ("Artsakh War", "Artsakh Defence Army"), a possessive, or already glossed
                if not re.match(r"(?:\s+[A-Z]|'s\b|’s\b|\s*\()", after):
                    text = f"{text[:match.end()]} ({main}){after}"
                    break
        return text


def _in_longer_name(text: str, found: re.Match[str]) -> bool:
    """"Artsakh War", "Republic of Artsakh": the word is part of a longer name (a possessive is not)."""
    after, before = text[found.end():], text[:found.start()]
    return bool(re.match(r"\s+[A-Z]", after) or re.search(r"[A-Z][a-z]+\s+of\s+$", before))


def _replaced(text: str, pattern: re.Pattern[str], main: str) -> str:
    """Each standalone occurrence of the pattern replaced by ``main``; those inside a longer name kept."""
    return pattern.sub(lambda found: found.group(0) if _in_longer_name(text, found) else main, text)
