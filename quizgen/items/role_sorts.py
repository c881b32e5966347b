"""The sort of post a role names, so that a role is offered only beside roles of its sort.

"Kremlin spokesman" beside "Armenian king" and "Baku-based analyst" is answered by the
options alone: a learner who knows only that the stem asks about a government's voice
picks the one office. Offices are set beside offices, an expert's post beside experts',
a post someone used to hold beside former posts.
"""

from __future__ import annotations

import re

# the words that make a role of a sort other than an office held; any other role is an office
_SORTS = (
    ("former", re.compile(r"^(?:former|ex-)\b", re.IGNORECASE)),
    ("expert", re.compile(r"\b(?:analyst|fellow|expert|researcher|professor|scholar|journalist|correspondent|"
                          r"reporter|editor|historian|academic|commentator)s?\b", re.IGNORECASE)),
    ("legislator", re.compile(r"\b(?:MP|member of (?:\w+ )*parliament|senator|congress(?:wo)?man|deputy)\b",
                              re.IGNORECASE)),
    ("monarch", re.compile(r"\b(?:king|queen|emperor|empress|tsar|czar|shah|sultan|khan|prince|princess)\b",
                           re.IGNORECASE)),
)


def role_sort(role: str) -> str:
    """"former Chief Prosecutor" is former, "Baku-based analyst" expert, "President of Azerbaijan" an office."""
    for sort, pattern in _SORTS:
        if pattern.search(role):
            return sort
    return "office"
