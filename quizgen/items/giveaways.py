"""Prompts that hand over another item's answer.

"Stepanakert, which Azerbaijan calls Khankendi, …" in one fact's true-or-false prompt
answers another fact's "What does Azerbaijan call Stepanakert?". A prompt gives a
question away when it shows both the question's cue (what it asks about) and its
answer. Cues are indexed by their first word, so each prompt is checked against the
few questions whose cue it might contain, not against every question.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from quizgen.items.questions import Question
from quizgen.text import contains_phrase, words

SHORTEST_ANSWER = 3  # "UN" beside "United Nations" is too short to be sure it is the answer shown


class Giveaways:
    def __init__(self, questions: Iterable[Question]) -> None:
        self._by_word: dict[str, list[Question]] = defaultdict(list)
        for question in questions:
            cue_words = words(question.cue)
            if cue_words and len(question.answer) >= SHORTEST_ANSWER:
                self._by_word[cue_words[0]].append(question)

    def given_away(self, prompt: str, fact_ids: Iterable[str]) -> list[Question]:
        """The questions of other facts whose cue and answer this prompt both shows."""
        own = set(fact_ids)
        found: list[Question] = []
        for word in dict.fromkeys(words(prompt)):
            for question in self._by_word.get(word, ()):
                if question.fact.id in own or (question.authored and not question.cue):
                    continue
                if contains_phrase(prompt, question.cue) and (
                        contains_phrase(prompt, question.answer)
                        or any(contains_phrase(prompt, alt) for alt in question.alternatives)):
                    found.append(question)
        return found
