"""Pausing the cycle collector for bulk building leaves the collector as the caller had it."""

import gc

import pytest

from quizgen.gc_pause import collector_paused, long_lived_objects


def test_the_collector_pause_restores_the_collectors_state() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), long_lived_objects():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with long_lived_objects():
            pass
        assert not gc.isenabled()  # a caller's own choice is left alone
    finally:
        gc.enable()


def test_a_pause_for_short_lived_objects_freezes_nothing_and_restores_the_collector() -> None:
    frozen = gc.get_freeze_count()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        kept = [[] for _ in range(1000)]
        raise RuntimeError
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen and kept
