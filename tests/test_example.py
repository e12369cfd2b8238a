"""The example plan shows the product at its best: it checks and builds without a single
warning (every warning it printed would be a bug in the example), and its outreach is
steady enough that the scoreboard's streak is not zero."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import EXAMPLE_PLAN, TODAY
from tests.helpers import build, make_project


def run(*args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--plans", str(EXAMPLE_PLAN), "--today", TODAY.isoformat(), *args],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


def test_the_example_checks_without_a_warning() -> None:
    assert run("check") == (
        f"{EXAMPLE_PLAN}: ok: 3 sectors, 43 companies, 103 people, 20 inbound contacts\n"
    )


def test_the_example_reaches_its_weekly_target_in_recent_weeks() -> None:
    status = json.loads(run("status", "--json"))
    assert status["weeks_on_target"] == 3
    assert status["invited_this_week"] == 2  # this week not yet on target: the streak holds


@pytest.mark.slow
def test_the_example_builds_without_a_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path / "example", EXAMPLE_PLAN)
    code, output = build(project, TODAY.isoformat())
    assert code == 0, output
    assert "warning" not in output.casefold()
    assert output.splitlines()[0] == f"Site built in {project / 'site'}/ (155 pages)."
