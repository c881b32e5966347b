from quizgen.claims import attribute
from quizgen.model import EventFact
from tests.conftest import parse_as

FACT = {
    "id": "x", "kind": "event", "name": "X", "statement": "S.", "when": {"date": "2023"},
    "citations": [{"source": "s", "start": 0, "end": 1, "quote": "S"}], "vetting": {"reviewed_on": "2024-01-01"},
    "importance": "core",
}


def fact(status: str, according_to: str | None) -> EventFact:
    return parse_as(EventFact, {**FACT, "status": status, "according_to": according_to})


def test_established_facts_are_not_attributed() -> None:
    assert attribute("The sky is blue.", fact("established", None)) == "The sky is blue."


def test_claims_are_attributed_and_function_words_lowercased() -> None:
    assert attribute("The sky is green.", fact("claimed", "the painter")) == (
        "According to the painter, the sky is green.")


def test_names_keep_their_capital() -> None:
    assert attribute("Azerbaijan denied it.", fact("disputed", "Armenian officials")) == (
        "According to Armenian officials, Azerbaijan denied it.")


def test_a_statement_naming_its_speaker_is_left_alone() -> None:
    claim = fact("claimed", "Nikolay Mitrokhin, University of Bremen")
    text = "Nikolay Mitrokhin of the University of Bremen referred to a population of 140,000."
    assert attribute(text, claim) == text
    assert attribute("According to her, it rained.", fact("claimed", "a witness")) == "According to her, it rained."


def test_a_speaker_who_told_an_outlet_is_named_by_telling_it() -> None:
    # "According to a resident speaking to CNN, a resident told CNN that …" names the claimant twice
    speaker = fact("reported", "a Nagorno-Karabakh resident speaking to CNN")
    said = "A resident told CNN that each family was offered 5 liters of fuel."
    assert attribute(said, speaker) == said
