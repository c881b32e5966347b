"""Photo captions: what a picture showed is no event to learn a date for.

A caption is recognised by its photo credit ("Irakli Gedenidze/Reuters", "[Karen
Minasyan/AFP]", "AP Photo"), at the end of the caption's line or on the line after it.
A fact whose every passage is a caption is known only from a photo: items do not
teach it as an event (no date, no "what happened on …").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from quizgen.model import Fact

# what a fact known only from a photo may still ask: who or what the picture shows, and where it is
CAPTION_ROLES = ("identify", "who", "located-in")

_AGENCY = r"(?:Reuters|AFP|AP(?: Photo)?|Getty Images|EPA|Associated Press|Anadolu|SOPA Images|Sputnik|TASS)"
_CREDIT = re.compile(rf"(?:\[[^\]\n]*/[^\]\n]*\]|\S+/\S*{_AGENCY}|\bvia {_AGENCY}|{_AGENCY}\s*$)")
_LONGEST_CREDIT_LINE = 80


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1: len(text) if next_end < 0 else next_end]
    return text[line_start:line_end], following


def is_caption(text: str, start: int, end: int) -> bool:
    """Whether the passage text[start:end] stands in a photo caption."""
    return _credited(*_line_around(text, start, end))


def _credited(line: str, following: str) -> bool:
    """A caption's line ends with a photo credit, or a short line after it is one."""
    return bool(_CREDIT.search(line)) or (len(following) <= _LONGEST_CREDIT_LINE and bool(_CREDIT.search(following)))


def reads_as_caption(quote: str, after: str) -> bool:
    """Whether a passage, with the text that follows it in its context, stands in a photo caption: its line, or the
    line after it, ends with a photo credit. For a passage known only with its context (a card's evidence)."""
    line_end = after.find("\n")
    rest = after if line_end < 0 else after[:line_end]
    following = "" if line_end < 0 else after[line_end + 1:].split("\n", 1)[0]
    return _credited(quote + rest, following)


def caption_first(fact: Fact, texts: Mapping[str, str]) -> bool:
    """The passage the fact states (its first citation) is a photo caption."""
    citation = fact.citations[0]
    return citation.source in texts and is_caption(texts[citation.source], citation.start, citation.end)


def caption_only(fact: Fact, texts: dict[str, str]) -> bool:
    """Every passage the fact cites is a photo caption."""
    return all(citation.source in texts and is_caption(texts[citation.source], citation.start, citation.end)
               for citation in fact.citations)


class Captions:
    """The ids of facts known only from photo captions, each found when first asked about.

    A quiz of forty questions from fifty thousand facts asks about a few hundred of them.
    """

    def __init__(self, by_id: Mapping[str, Fact], texts: dict[str, str]) -> None:
        self._by_id = by_id
        self._texts = texts
        self._known: dict[str, bool] = {}

    def __contains__(self, fact_id: object) -> bool:
        if not isinstance(fact_id, str):
            return False
        known = self._known.get(fact_id)
        if known is None:
            fact = self._by_id.get(fact_id)
            known = self._known[fact_id] = fact is not None and caption_only(fact, self._texts)
        return known
