from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for every browser test a test process runs: launching it
    costs more than most of the checks. Each test opens its own context (no shared
    cookies, storage or permissions)."""
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def cold_caches_under_mutation() -> None:
    """`make mutation` forks every mutant's test process from one that has already run
    the tests, so a cache (the editor's "may this text stay plain?") would answer from
    the unmutated code. Under a mutant, each test starts with empty caches."""
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return
    from generator.editing import yaml_edit

    yaml_edit._plain_ok.cache_clear()


# Hypothesis: few examples in `make test`, many in the nightly fuzz run
# (`HYPOTHESIS_PROFILE=nightly make test`).
settings.register_profile("default", deadline=None, max_examples=60)
settings.register_profile(
    "nightly", deadline=None, max_examples=2000, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
