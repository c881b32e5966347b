"""Short stable ids (Moodle's idnumber holds 100 characters) and NCNames for QTI."""

from __future__ import annotations

import re

from export_support import all_items
from hypothesis import given
from hypothesis import strategies as st

from quizgen.export.ids import MAX_ID_LENGTH, ncname, short_id

NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,40}", fullmatch=True)
item_ids = st.builds(lambda kind, role, facts: f"{kind}:{role}:{'+'.join(facts)}",
                     st.sampled_from(["mcq", "matching", "ordering", "qa"]),
                     st.sampled_from(["date", "dates", "events", "acronym:UN", "alias-of:Río Tinto"]),
                     st.lists(slugs, min_size=1, max_size=8, unique=True))


def test_short_ids_fit_and_stay_put() -> None:
    for base in ("shipped", "apollo"):
        ids = [item.id for item in all_items(base)]
        shorts = [short_id(i) for i in ids]
        assert all(len(s) <= MAX_ID_LENGTH for s in shorts)
        assert len(set(shorts)) == len(ids)
        fitting = [i for i in ids if len(i) <= MAX_ID_LENGTH]
        assert [s for s, i in zip(shorts, ids, strict=True) if len(i) <= MAX_ID_LENGTH] == fitting


def test_a_long_id_keeps_its_type_role_and_first_fact() -> None:
    long_id = "matching:dates:" + "+".join(f"fact-number-{n}-with-a-long-slug" for n in range(6))
    short = short_id(long_id)
    assert short.startswith("matching:dates:fact-number-0-with-a-long-slug+5more~")
    assert short == short_id(long_id) and len(short) <= MAX_ID_LENGTH


@given(item_ids, item_ids)
def test_short_ids_and_ncnames_are_unique_and_valid(first: str, second: str) -> None:
    assert len(short_id(first)) <= MAX_ID_LENGTH
    assert NCNAME.fullmatch(ncname(first))
    if first != second:
        assert short_id(first) != short_id(second)
        assert ncname(first) != ncname(second)
