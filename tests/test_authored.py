"""Authored questions: each rule ``check`` holds them to, with a fixture that breaks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen import check_factbase, load_factbase
from quizgen.authored import authored_answer


def _with_field(path: Path, fact_id: str, field: str, value: object) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    for fact in data["facts"]:
        if fact["id"] == fact_id:
            fact[field] = value
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def _with_questions(path: Path, fact_id: str, questions: list[dict[str, str]]) -> Path:
    return _with_field(path, fact_id, "questions", questions)


def _errors(path: Path) -> list[str]:
    return [f"{p.fact_id}: {p.field}: {p.reason}" for p in check_factbase(path).errors]


def test_good_questions_pass_and_answers_come_from_the_fact(apollo_copy: Path) -> None:
    _with_questions(apollo_copy, "eagle-landing", [
        {"prompt": "On what day did the Apollo 11 lunar module land on the Moon?", "asks": "date"},
        {"prompt": "In which lunar plain did the Apollo 11 lunar module land?", "asks": "place"},
    ])
    _with_questions(apollo_copy, "television-audience", [
        {"prompt": "According to NASA, how many people watched the first Moon landing on television?",
         "asks": "value"},
    ])
    assert _errors(apollo_copy) == []
    factbase = load_factbase(apollo_copy)
    landing = factbase.by_id["eagle-landing"]
    answers = [authored_answer(landing, q.asks, factbase.by_id) for q in landing.questions]
    assert [getattr(a, "text", a) for a in answers] == ["20 July 1969", "Sea of Tranquility"]


@pytest.mark.parametrize(("fact_id", "question", "reason"), [
    ("eagle-landing", {"prompt": "When did the Eagle land", "asks": "date"}, "must end with '?'"),
    ("eagle-landing", {"prompt": "What happened on 20 July 1969?", "asks": "date"}, "gives away its own answer"),
    ("eagle-landing", {"prompt": "What happened on July 20, 1969?", "asks": "date"}, "gives away its own answer"),
    # the year is looked for in the prompt as the date search reads it: full-width digits are digits
    ("eagle-landing", {"prompt": "What happened on July \uff12\uff10, \uff11\uff19\uff16\uff19?", "asks": "date"},
     "gives away its own answer"),
    ("eagle-landing", {"prompt": "Who signed the Eagle landing?", "asks": "parties"}, "has no parties"),
    ("splashdown", {"prompt": "Where did Apollo 11 splash down?", "asks": "place"}, "names no places"),
    ("neil-armstrong", {"prompt": "Was Neil Armstrong the commander?", "asks": "name"},
     "gives away its own answer"),
    ("sea-of-tranquility", {"prompt": "What do astronomers call the Sea of Tranquility?", "asks": "side-names"},
     None),
    ("sea-of-tranquility", {"prompt": "Is Mare Tranquillitatis its astronomers' name?", "asks": "side-names"},
     "gives away its own answer"),
    ("television-audience", {"prompt": "How many people watched the Moon landing on television?",
                             "asks": "value"}, "must say whose claim it is"),
    ("television-audience", {"prompt": "According to NASA, did 650 million people watch?", "asks": "value"},
     "gives away its own answer"),
    ("television-audience", {"prompt": "Who says 650 million people watched the landing?", "asks": "who"}, None),
])
def test_each_rule_is_enforced(apollo_copy: Path, fact_id: str, question: dict[str, str],
                               reason: str | None) -> None:
    errors = _errors(_with_questions(apollo_copy, fact_id, [question]))
    if reason is None:
        assert errors == []
    else:
        assert len(errors) == 1 and reason in errors[0] and errors[0].startswith(f"{fact_id}: questions[0]")


def test_an_unknown_asks_value_names_the_field(apollo_copy: Path) -> None:
    errors = _errors(_with_questions(apollo_copy, "eagle-landing", [{"prompt": "Why?", "asks": "reason"}]))
    assert len(errors) == 1 and errors[0].startswith("eagle-landing: questions[0].asks")


def test_a_key_term_is_the_statements_own_words_and_the_cloze_blanks_it(apollo_copy: Path) -> None:
    from quizgen.items import items_for

    statement = next(f for f in load_factbase(apollo_copy).facts if f.id == "eagle-landing").statement
    word = next(w for w in statement.split() if w.islower() and len(w) > 5)
    assert _errors(_with_field(apollo_copy, "eagle-landing", "key_term", word)) == []
    cloze = next(i for i in items_for(load_factbase(apollo_copy), seed=0, every_form=True)
                 if i.id == "cloze:eagle-landing")
    assert cloze.cloze is not None and cloze.cloze[1] == word  # the editor's blank, before any rule's
    # words the statement does not hold are refused, naming the fact and the field
    errors = _errors(_with_field(apollo_copy, "eagle-landing", "key_term", "no such words"))
    assert errors == ["eagle-landing: key_term: 'no such words' is not in the statement: a blank cuts the "
                      "statement's own words, as it writes them"]


def test_a_teachers_question_may_ask_the_key_term(apollo_copy: Path) -> None:
    from quizgen.items import items_for

    _with_field(apollo_copy, "eagle-landing", "key_term", "Eagle")
    asked = "What was the name of the Apollo 11 lunar module that landed on the Moon?"
    _with_questions(apollo_copy, "eagle-landing", [{"prompt": asked, "asks": "key_term"}])
    assert _errors(apollo_copy) == []
    every = items_for(load_factbase(apollo_copy), seed=0, every_form=True)
    card = next(i for i in every if i.id == "qa:key-term:eagle-landing")
    assert (card.prompt, card.answer) == (asked, "Eagle")
    # a flashcard's, not a written test's: a marker cannot list a claim's word's synonyms
    assert not [i for i in every if i.id == "short-answer:key-term:eagle-landing"]
    # without a key term the question has no answer, and check says so
    data = json.loads(apollo_copy.read_text(encoding="utf-8"))
    next(f for f in data["facts"] if f["id"] == "eagle-landing").pop("key_term")
    apollo_copy.write_text(json.dumps(data), encoding="utf-8")
    assert any("key_term" in error for error in _errors(apollo_copy))
