from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pydantic import TypeAdapter
from typer.testing import CliRunner

from quizgen import FactBase, load_factbase

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
APOLLO = FIXTURES / "apollo" / "facts.json"
BROKEN = FIXTURES / "broken"

_Record = TypeVar("_Record")


def parse_as(cls: type[_Record], data: dict[str, Any]) -> _Record:
    """A fact-base record from JSON-shaped data, validated as the loader validates facts.json."""
    return TypeAdapter(cls).validate_json(json.dumps(data))


@pytest.fixture(scope="session")
def factbase() -> FactBase:
    return load_factbase(FACTS)


@pytest.fixture(scope="session")
def apollo() -> FactBase:
    return load_factbase(APOLLO)


@pytest.fixture
def apollo_copy(tmp_path: Path) -> Path:
    """A writable copy of the Apollo fixture fact base and its sources."""
    target = tmp_path / "apollo"
    shutil.copytree(APOLLO.parent, target)
    return target / "facts.json"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
