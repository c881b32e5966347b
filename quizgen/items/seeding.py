"""The one way quizgen seeds randomness: a generator per purpose, from the seed and stable keys."""

from __future__ import annotations

import hashlib
import random


def seeded_rng(*parts: object) -> random.Random:
    """A generator seeded by its parts ("7", "mcq:date:x"): stable across runs and Python versions."""
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))
