"""Prompts that hand over another item's answer.

"Stepanakert, which Azerbaijan calls Khankendi, …" in one fact's true-or-false prompt
answers another fact's "What does Azerbaijan call Stepanakert?". A prompt gives a
question away when it shows both the question's cue (what it asks about) and its
answer. Cues are indexed by their words, so each prompt is looked up by the word
sequences it contains, never compared with every question.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from quizgen.items.questions import Question
from quizgen.phrases import normalise, phrase_in, words

SHORTEST_ANSWER = 3  # "UN" beside "United Nations" is too short to be sure it is the answer shown
LONGEST_CUE = 12  # words; a longer cue is a description, not a name a prompt would repeat


class Giveaways:
    def __init__(self, questions: Iterable[Question]) -> None:
        self._by_cue: dict[tuple[str, ...], list[Question]] = defaultdict(list)
        for question in questions:
            cue = tuple(words(question.cue))
            if cue and len(cue) <= LONGEST_CUE and len(question.answer) >= SHORTEST_ANSWER:
                self._by_cue[cue].append(question)
        self._longest = max((len(cue) for cue in self._by_cue), default=0)
        self._first_words = frozenset(cue[0] for cue in self._by_cue)

    def given_away(self, prompt: str, fact_ids: Iterable[str]) -> list[Question]:
        """The questions of other facts whose cue and answer this prompt both shows."""
        own = set(fact_ids)
        found: list[Question] = []
        shown = words(prompt)
        text = normalise(prompt)
        for start in range(len(shown)):
            if shown[start] not in self._first_words:
                continue  # no cue starts with this word
            for end in range(start + 1, min(start + self._longest, len(shown)) + 1):
                for question in self._by_cue.get(tuple(shown[start:end]), ()):
                    if question.fact.id not in own and question not in found and _answer_shown(text, question):
                        found.append(question)
        return found


def _answer_shown(text: str, question: Question) -> bool:
    """The question's answer stands in ``text`` (a prompt, normalised)."""
    return phrase_in(text, question.answer) or any(phrase_in(text, alt) for alt in question.alternatives)
