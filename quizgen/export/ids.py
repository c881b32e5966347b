"""Identifiers the platforms accept, derived from item ids and stable across builds.

An item about several facts has an id that names them all (``matching:dates:a+b+c+d+e``),
up to 175 characters today; Moodle keeps at most 100 in ``idnumber``. The short form keeps
the item's type, role and first fact, says how many more there are, and ends with a digest
of the whole id, so it is as stable and as unique as the id itself.
"""

from __future__ import annotations

import hashlib
import re

MAX_ID_LENGTH = 100  # Moodle's question_bank_entries.idnumber
_DIGEST_LENGTH = 10
_NOT_NCNAME = re.compile(r"[^A-Za-z0-9._-]")
_LOSSLESS = str.maketrans({":": ".", "+": "_", "~": "-"})


def digest(text: str, length: int = _DIGEST_LENGTH) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def short_id(item_id: str, limit: int = MAX_ID_LENGTH) -> str:
    """``item_id`` itself when it fits in ``limit`` characters, else its short stable form."""
    if len(item_id) <= limit:
        return item_id
    first, *others = item_id.split("+")
    tail = (f"+{len(others)}more" if others else "") + f"~{digest(item_id)}"
    return first[: limit - len(tail)] + tail


def ncname(item_id: str) -> str:
    """An XML NCName for QTI identifiers and file names: ``mcq:date:x`` becomes ``mcq.date.x``.

    ``:`` and ``+`` map to ``.`` and ``_``; when the id holds characters that make this mapping
    ambiguous (``.``, ``_`` or any character an NCName cannot hold), a digest keeps it unique.
    """
    short = short_id(item_id)
    mapped = short.translate(_LOSSLESS)
    name = _NOT_NCNAME.sub("_", mapped)
    shortened = short != item_id  # already ends with a digest of the whole id
    if not shortened and (name != mapped or any(ch in short for ch in "._")):
        name = f"{name}-{digest(item_id, 8)}"
    if not re.match(r"[A-Za-z_]", name):
        name = "_" + name
    return name
