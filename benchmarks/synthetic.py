"""Synthetic fact bases of any size, with real sources and valid anchors.

Each fact contributes one sentence to a source text, and its citation quotes that
sentence at its exact offsets, so ``quizgen check`` has real work to do. The subject
is invented (assemblies, towns, guild members), like any fact base on any subject.

    python benchmarks/synthetic.py 10000 /tmp/bench-10k
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

FACTS_PER_SOURCE = 1000
IMPORTANCES = ("core", "supporting", "detail")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
KINDS = ("event",) * 8 + ("agreement",) * 2 + ("place",) * 3 + ("person",) * 2 + ("organization",) * 2 + \
        ("figure",) * 3


def _date(rng: random.Random) -> tuple[str, str]:
    year, month, day = rng.randint(1700, 2020), rng.randint(1, 12), rng.randint(1, 28)
    return f"{year:04d}-{month:02d}-{day:02d}", f"{day} {MONTHS[month - 1]} {year}"


def _fact(index: int, rng: random.Random, places: int) -> tuple[dict[str, object], str]:
    """A fact and the sentence of the source that supports it."""
    kind = KINDS[index % len(KINDS)]
    place = f"Town {rng.randrange(max(places, 1))}"
    common: dict[str, object] = {"id": f"fact-{index}", "kind": kind, "status": "established",
                                 "importance": IMPORTANCES[index % len(IMPORTANCES)],
                                 "tags": [f"period::era-{index % 7}", f"topic::theme-{index % 11}"],
                                 "vetting": {"reviewed_on": "2024-01-01"}}
    if kind == "event":
        iso, human = _date(rng)
        sentence = f"On {human}, Assembly {index} met in {place} and voted on motion {index}."
        return {**common, "name": f"Assembly {index}", "statement": sentence, "when": {"date": iso}}, sentence
    if kind == "agreement":
        iso, human = _date(rng)
        mediator = f"Mediator {rng.randrange(50)}"
        sentence = f"On {human}, Treaty {index} was signed, mediated by {mediator}."
        return {**common, "name": f"Treaty {index}", "statement": sentence, "agreement_type": "treaty",
                "when": {"date": iso}, "mediators": [mediator], "parties": ["North Guild", "South Guild"]}, sentence
    if kind == "place":
        sentence = f"Town {index} is a market town, which the South Guild calls Burg {index}."
        return {**common, "name": f"Town {index}", "statement": sentence, "place_type": "town",
                "aliases": [{"name": f"Burg {index}", "used_by": "the South Guild"}]}, sentence
    if kind == "person":
        sentence = f"Member {index} served as keeper of ledger {index} for the North Guild."
        return {**common, "name": f"Member {index}", "statement": sentence,
                "role": f"keeper of ledger {index}", "affiliation": "North Guild"}, sentence
    if kind == "organization":
        sentence = f"The Society of Weavers {index} (SW{index}) kept the looms of {place}."
        return {**common, "name": f"Society of Weavers {index}", "statement": sentence,
                "aliases": [{"name": f"SW{index}"}]}, sentence
    iso, human = _date(rng)
    value = rng.randrange(100, 100_000)
    sentence = f"On {human}, Survey {index} counted {value:,} people in {place}."
    return {**common, "name": f"People counted by Survey {index}", "statement": sentence, "value": value,
            "unit": "people", "as_of": {"date": iso}}, sentence


def generate(count: int, folder: Path, seed: int = 0) -> Path:
    """Write ``facts.json`` and its sources under ``folder``; return the fact base's path."""
    rng = random.Random(seed)
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    facts, sources = [], []
    for first in range(0, count, FACTS_PER_SOURCE):
        source_id = f"chronicle-{first // FACTS_PER_SOURCE}"
        parts, offset = [], 0
        for index in range(first, min(first + FACTS_PER_SOURCE, count)):
            fact, sentence = _fact(index, rng, count // 6)
            fact["citations"] = [{"source": source_id, "start": offset, "end": offset + len(sentence),
                                  "quote": sentence}]
            facts.append(fact)
            parts.append(sentence)
            offset += len(sentence) + 1
        text = "\n".join(parts) + "\n"
        path = folder / "sources" / f"{source_id}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append({"id": source_id, "title": f"Chronicle {first // FACTS_PER_SOURCE}",
                        "publisher": "Synthetic Press", "published": "2024-01-01",
                        "note": "Generated for benchmarks.", "file": f"sources/{source_id}.txt",
                        "sha256": hashlib.sha256(text.encode()).hexdigest()})
    facts_path = folder / "facts.json"
    facts_path.write_text(json.dumps({"sources": sources, "facts": facts}, indent=1), encoding="utf-8")
    return facts_path


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
