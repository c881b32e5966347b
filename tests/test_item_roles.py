"""The roles only a fact base with sources and conflicts can ask, on the shipped base and on Apollo 11."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from quizgen.factbase import FactBase, load_factbase
from quizgen.items import Item, items_for
from quizgen.items.roles import ROLES
from quizgen.phrases import normalise
from tests.conftest import FACTS

NEW_ROLES = ("which-first", "who-said", "side-name", "which-source", "parties", "duration")
PRESS = "A press digest, 1969.\n\nSome 600 million viewers saw the first steps on the Moon, the digest said.\n"


def _cite(text: str, quote: str, source: str) -> dict[str, object]:
    start = text.index(quote)
    return {"source": source, "start": start, "end": start + len(quote), "quote": quote}


def apollo_with_rivals(path: Path) -> FactBase:
    """The Apollo fixture, plus a second text that gives another audience figure and a dated range."""
    data = json.loads(path.read_text(encoding="utf-8"))
    (path.parent / "sources" / "press.txt").write_text(PRESS, encoding="utf-8")
    data["sources"].append({"id": "press", "title": "Press digest", "publisher": "Test press", "published": "1969-08",
                            "note": "A second text that disagrees.", "file": "sources/press.txt",
                            "sha256": hashlib.sha256(PRESS.encode()).hexdigest()})
    notes = (path.parent / "sources" / "apollo-11-notes.txt").read_text(encoding="utf-8")
    by_id = {fact["id"]: fact for fact in data["facts"]}
    by_id["television-audience"]["conflicts_with"] = ["press-audience"]
    data["facts"] += [
        {"id": "press-audience", "kind": "figure", "name": "Television audience (press digest)",
         "statement": "According to the press digest, some 600 million viewers saw the first steps on the Moon.",
         "value": 600000000, "unit": "people", "approximation": "about", "as_of": {"date": "1969-07-20"},
         "status": "reported", "according_to": "the press digest", "importance": "supporting",
         "conflicts_with": ["television-audience"],
         "citations": [_cite(PRESS, "Some 600 million viewers saw the first steps on the Moon", "press")],
         "vetting": {"reviewed_on": "2024-03-01"}},
        {"id": "apollo-11-mission", "kind": "event", "name": "Apollo 11 mission",
         "statement": "The Apollo 11 mission lasted from its launch on 16 July 1969 to its splashdown on 24 July 1969.",
         "when": {"date": "1969-07-16", "end": "1969-07-24"}, "status": "established", "importance": "core",
         "citations": [_cite(notes, "On July 16, 1969, a Saturn V rocket launched Apollo 11", "apollo-notes"),
                       _cite(notes, "The crew returned to Earth on July 24, 1969", "apollo-notes")],
         "vetting": {"reviewed_on": "2024-03-01"}},
    ]
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return load_factbase(path)


def _by_role(items: list[Item]) -> dict[str, list[Item]]:
    found: dict[str, list[Item]] = {}
    for item in items:
        found.setdefault(item.role.split(":")[0], []).append(item)
    return found


def test_roles_are_one_closed_set() -> None:
    assert set(NEW_ROLES) <= set(ROLES)


def test_the_six_roles_on_apollo(apollo: FactBase, apollo_copy: Path) -> None:
    plain = _by_role(items_for(apollo, seed=0, every_form=True))
    assert "who-said" not in plain  # NASA's audience figure is a plain report, not one side's claim
    base = apollo_with_rivals(apollo_copy)
    roles = _by_role(items_for(base, seed=0, every_form=True))
    # a figure with rival versions is asked "which source", which asks who says it among them
    assert set(NEW_ROLES) - {"who-said"} <= set(roles), sorted(roles)
    first = roles["which-first"][0]
    assert len(first.fact_ids) == 2 and first.id == f"{first.type}:which-first:{','.join(first.fact_ids)}"
    assert first.answer == base.by_id[first.fact_ids[0]].name
    assert roles["side-name"][0].answer == "Mare Tranquillitatis"
    assert "astronomers" in roles["side-name"][0].prompt
    source = next(i for i in roles["which-source"] if i.fact_ids[0] == "television-audience")
    assert source.answer == "NASA" and "press-audience" in source.fact_ids
    if source.type == "mcq":
        assert set(source.options) == {"NASA", "the press digest"}
    assert roles["parties"][0].answer == "United States, United Kingdom and Soviet Union"
    assert roles["duration"][0].answer == "9 days" and "24 July" not in roles["duration"][0].prompt


def test_who_said_asks_whose_claim_it_is(apollo_copy: Path) -> None:
    import json

    data = json.loads(apollo_copy.read_text(encoding="utf-8"))
    for fact in data["facts"]:
        if fact["id"] == "television-audience":
            fact["status"] = "claimed"
    apollo_copy.write_text(json.dumps(data), encoding="utf-8")
    said = _by_role(items_for(load_factbase(apollo_copy), seed=0, every_form=True))["who-said"][0]
    assert said.answer == "NASA" and "according to" not in normalise(said.prompt)


def test_the_six_roles_on_the_shipped_base() -> None:
    base = load_factbase(FACTS)
    roles = _by_role(items_for(base, seed=0, every_form=True))
    assert set(NEW_ROLES) <= set(roles), sorted(roles)
    for item in roles["which-first"]:
        first, second = (base.by_id[i].date for i in item.fact_ids)
        assert first is not None and second is not None
        assert (first.finish or first.start).last_day() < second.start.first_day()
    for item in roles["who-said"]:
        claimant = base.by_id[item.fact_ids[0]].according_to or ""
        # a person among people is named alone: "Stefan Meister" for "Stefan Meister, German Council …"
        assert item.answer == claimant or (item.type == "mcq" and claimant.startswith(item.answer + ","))
    for item in roles["which-source"]:
        rivals = [base.by_id[i] for i in item.fact_ids[1:]]
        assert rivals and all(r.id in base.by_id[item.fact_ids[0]].conflicts_with for r in rivals)


@pytest.mark.parametrize("seed", [0, 5])
def test_which_first_options_name_both_events_in_either_order(seed: int) -> None:
    base = load_factbase(FACTS)
    mcqs = [i for i in items_for(base, types=["mcq"], seed=seed, every_form=True) if i.role == "which-first"]
    assert mcqs and {i.correct_option for i in mcqs} == {0, 1}
