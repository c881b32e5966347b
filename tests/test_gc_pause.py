"""Pausing the cycle collector for bulk building leaves the collector as the caller had it."""

import gc

import pytest

from quizgen.gc_pause import long_lived_objects


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
