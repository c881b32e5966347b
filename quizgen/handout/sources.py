"""Source keys: the short markers ([1], [1, 3]) that resolve in a handout's Sources list."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.dates import parse_partial_date
from quizgen.model import Fact, Source


@dataclass(frozen=True)
class SourceEntry:
    """One line of a Sources list: its key, then title, publisher and date."""

    key: int
    title: str
    publisher: str
    date: str

    def line(self) -> str:
        return f"[{self.key}] {self.title}. {self.publisher}, {self.date}."


class SourceKeys:
    """Numbers sources in the order a handout first cites them."""

    def __init__(self, sources: dict[str, Source]) -> None:
        self._sources = sources
        self._keys: dict[str, int] = {}

    def keys_for(self, fact: Fact) -> tuple[int, ...]:
        keys = []
        for citation in fact.citations:
            key = self._keys.setdefault(citation.source, len(self._keys) + 1)
            if key not in keys:
                keys.append(key)
        return tuple(sorted(keys))

    def entries(self) -> list[SourceEntry]:
        entries = []
        for source_id, key in self._keys.items():
            source = self._sources[source_id]
            date = parse_partial_date(source.published).human() if source.published else "undated"
            entries.append(SourceEntry(key, source.title, source.publisher, date))
        return sorted(entries, key=lambda entry: entry.key)


def marker(keys: tuple[int, ...]) -> str:
    return f"[{', '.join(map(str, keys))}]" if keys else ""
