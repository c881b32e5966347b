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
    # as in a real fact base, most facts crowd into a few recent years: many share a month, some a day
    year = rng.randint(2019, 2023) if rng.random() < 0.7 else rng.randint(1900, 2018)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f"{year:04d}-{month:02d}-{day:02d}", f"{day} {MONTHS[month - 1]} {year}"


# names as real fact bases have them: diacritics, other scripts, and the same place under two names
TOWN_STEMS = ("Ağdərə", "Şuşa", "Gəncə", "Łódź", "Zürich", "Ստեփան", "Kraków", "Ærø")
PERSON_STEMS = ("Əli Məmmədov", "Łucja Wąsik", "Ստեփան Ավագյան", "Jürgen Größ", "Zoë Ñúñez", "Ivan Petrov")


def _town(number: int) -> str:
    return f"{TOWN_STEMS[number % len(TOWN_STEMS)]} {number}"


def _fact(index: int, rng: random.Random, places: int) -> tuple[dict[str, object], list[str]]:
    """A fact and the sentences of the source that support it (two or three citations each)."""
    kind = KINDS[index % len(KINDS)]
    place = _town(rng.randrange(max(places, 1)))
    common: dict[str, object] = {"id": f"fact-{index}", "kind": kind, "status": "established",
                                 "importance": IMPORTANCES[index % len(IMPORTANCES)],
                                 "tags": [f"period::era-{index % 7}", f"topic::theme-{index % 11}"],
                                 "vetting": {"reviewed_on": "2024-01-01"}}
    if kind == "event":
        iso, human = _date(rng)
        claimed = index % 4 == 0  # a quarter of the events are one side's account
        opening = "According to the South Guild, on" if claimed else "On"
        sentence = f"{opening} {human}, Assembly {index} met in {place} and voted on motion {index}."
        asides = [f"The minutes of Assembly {index} survive in the archive of {place}."]
        if index % 3 == 0:
            asides.append(f"Delegates to Assembly {index} travelled to {place} for the vote.")
        fact = {**common, "name": f"Assembly {index}", "statement": sentence, "when": {"date": iso},
                "questions": [{"prompt": f"On what date did Assembly {index} meet in {place}?", "asks": "date"}]}
        if claimed:
            fact.update(status="claimed", according_to="the South Guild")
            fact["questions"] = [{"prompt": f"According to the South Guild, on what date did Assembly {index} "
                                            "meet?", "asks": "date"}]
        return fact, [sentence, *asides]
    if kind == "agreement":
        iso, human = _date(rng)
        mediator = f"Mediator {rng.randrange(50)}"
        sentence = f"On {human}, Treaty {index} was signed, mediated by {mediator}."
        asides = [f"Treaty {index} bound the North Guild and the South Guild.",
                  f"Copies of Treaty {index} were sealed in {place}."]
        return {**common, "name": f"Treaty {index}", "statement": sentence, "agreement_type": "treaty",
                "when": {"date": iso}, "mediators": [mediator], "parties": ["North Guild", "South Guild"],
                "questions": [{"prompt": f"Who mediated Treaty {index}?", "asks": "mediators"}]}, [sentence, *asides]
    if kind == "place":
        town = _town(index)
        sentence = f"{town} is a market town, which the South Guild calls Burg {index}."
        aside = f"Traders from {town} crossed the river each spring."
        return {**common, "name": town, "statement": sentence, "place_type": "town",
                "aliases": [{"name": f"Burg {index}", "used_by": "the South Guild"}],
                "questions": [{"prompt": f"What does the South Guild call {town}?", "asks": "side-names"}]}, \
            [sentence, aside]
    if kind == "person":
        person = f"{PERSON_STEMS[index % len(PERSON_STEMS)]} {index}"
        sentence = f"{person} served as keeper of ledger {index} for the North Guild."
        aside = f"Ledger {index} was kept by {person} in {place}."
        return {**common, "name": person, "statement": sentence,
                "role": f"keeper of ledger {index}", "affiliation": "North Guild"}, [sentence, aside]
    if kind == "organization":
        sentence = f"The Society of Weavers {index} (SW{index}) kept the looms of {place}."
        aside = f"Weavers of SW{index} sold their cloth at the fair of {place}."
        return {**common, "name": f"Society of Weavers {index}", "statement": sentence,
                "aliases": [{"name": f"SW{index}"}]}, [sentence, aside]
    iso, human = _date(rng)
    value = rng.randrange(100, 100_000)
    sentence = f"On {human}, Survey {index} counted {value:,} people in {place}."
    aside = f"Survey {index} was taken by clerks of the North Guild."
    return {**common, "name": f"People counted by Survey {index}", "statement": sentence, "value": value,
            "unit": "people", "as_of": {"date": iso}, "status": "reported", "according_to": "the North Guild",
            "questions": [{"prompt": f"According to the North Guild, how many people did Survey {index} count?",
                           "asks": "value"}]}, [sentence, aside]


def generate(count: int, folder: Path, seed: int = 0) -> Path:
    """Write ``facts.json`` and its sources under ``folder``; return the fact base's path."""
    rng = random.Random(seed)
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    facts, sources = [], []
    for first in range(0, count, FACTS_PER_SOURCE):
        source_id = f"chronicle-{first // FACTS_PER_SOURCE}"
        parts, offset = [], 0
        for index in range(first, min(first + FACTS_PER_SOURCE, count)):
            fact, sentences = _fact(index, rng, count // 6)
            fact["citations"] = []
            for sentence in sentences:
                fact["citations"].append({"source": source_id, "start": offset, "end": offset + len(sentence),
                                          "quote": sentence})
                parts.append(sentence)
                offset += len(sentence) + 1
            facts.append(fact)
        text = "\n".join(parts) + "\n"
        path = folder / "sources" / f"{source_id}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append({"id": source_id, "title": f"Chronicle {first // FACTS_PER_SOURCE}",
                        "publisher": "Synthetic Press", "published": "2024-01-01",
                        "note": "Generated for benchmarks.", "file": f"sources/{source_id}.txt",
                        "sha256": hashlib.sha256(text.encode()).hexdigest()})
    facts_path = folder / "facts.json"
    # saved as an editor saves it: UTF-8 as is, with a final newline
    facts_path.write_text(json.dumps({"sources": sources, "facts": facts}, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    return facts_path


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
