from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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


# Hypothesis: few examples in `make test`, many in the nightly fuzz run
# (`HYPOTHESIS_PROFILE=nightly make test`).
settings.register_profile("default", deadline=None, max_examples=60)
settings.register_profile(
    "nightly", deadline=None, max_examples=2000, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
