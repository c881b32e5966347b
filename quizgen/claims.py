"""Teaching a party's claim as that party's claim: one rule for every output."""

from __future__ import annotations

import re

from quizgen.choices import Status
from quizgen.model import Fact
from quizgen.phrases import contains_phrase, normalise

ATTRIBUTED_STATUSES: tuple[Status, ...] = ("claimed", "disputed", "reported")


# opening words that may be lowercased after "According to X, "; anything else may be a name
_FUNCTION_WORDS = frozenset([
    "a", "an", "the", "in", "on", "at", "by", "for", "from", "with", "after", "before", "during", "when",
    "what", "who", "which", "where", "how", "this", "that", "these", "those", "its", "it", "there", "some",
    "many", "most", "all", "both", "as", "if", "while", "since", "until", "although", "though", "because",
])


def speaker_names(according_to: str) -> tuple[str, ...]:
    """How a text may name a claimant, each form naming it as plainly as "According to X" would.

    "Al Jazeera's live blog" is also "Al Jazeera"; "Nikolay Mitrokhin, University of Bremen" is
    Nikolay Mitrokhin; "the separatist authorities of Nagorno-Karabakh" are also "separatist
    authorities" and "Nagorno-Karabakh's separatist authorities"; "the government of Armenia" is
    also "Armenia's government".
    """
    core = according_to.split(",")[0].strip()
    core = core[4:] if core.lower().startswith("the ") else core
    names = [core, re.split(r"['’]s\b", core)[0]]
    held = re.match(r"(?P<who>.+?) (?:of|in) (?:the )?(?P<where>.+)$", core)
    if held is not None:
        who, where = held.group("who"), held.group("where")
        names.append(f"{where}'s {who}")
        if len(who.split()) >= 2:  # "separatist authorities"; a bare "government" names no one in particular
            names.append(who)
    # "a resident speaking to CNN" is named by "a resident told CNN"
    speaking = re.match(r".+? (?:speaking|talking) to (?P<outlet>.+)$", core)
    if speaking is not None:
        names.append(f"told {speaking.group('outlet')}")
    # "the Azerbaijani security service" is "Azerbaijan's security service", "Armenian officials" "Armenia's officials"
    adjective = re.match(r"(?P<people>[A-Z][a-z]+(?:i|n)) (?P<rest>[a-z].+)$", core)
    if adjective is not None:
        people, rest = adjective.group("people"), adjective.group("rest")
        names.append(f"{people[:-1]}'s {rest}")
    return tuple(dict.fromkeys(name for name in names if len(name) > 2))


def names_claimant(text: str, fact: Fact) -> bool:
    """The text already says whose claim it is: it says "according to", or names the claimant."""
    if not fact.according_to:
        return False
    return "according to" in normalise(text) or any(
        contains_phrase(text, name) for name in speaker_names(fact.according_to)) or _speaks_as_its_state(text, fact)


def _speaks_as_its_state(text: str, fact: Fact) -> bool:
    """"Azerbaijan announced …", claimed by the government of Azerbaijan: the state named as the subject is its
    government speaking ("According to the government of Azerbaijan, Azerbaijan announced …" says it twice)."""
    held = re.match(r"(?:the )?government of (?P<state>[A-Z][\w-]+)$", (fact.according_to or "").split(",")[0].strip())
    return held is not None and text.startswith(f"{held.group('state')} ")


def attribute(text: str, fact: Fact) -> str:
    """'According to X, …' once: not where the text already names X or says 'according to'."""
    if fact.status not in ATTRIBUTED_STATUSES or not fact.according_to or not text:
        return text
    if names_claimant(text, fact):
        return text
    first = text.split(" ", 1)[0]
    opening = text[0].lower() + text[1:] if first.lower() in _FUNCTION_WORDS else text
    return f"According to {fact.according_to}, {opening}"
