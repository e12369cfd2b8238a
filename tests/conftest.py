from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_PLAN = FIXTURES / "small"
EXAMPLE_PLAN = Path(__file__).parent.parent / "plans"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def small_plan(tmp_path: Path) -> Path:
    """A writable copy of the small fixture plan."""
    target = tmp_path / "plans"
    shutil.copytree(SMALL_PLAN, target)
    return target
