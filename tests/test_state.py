from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InvalidPlan
from generator.site import state


@pytest.fixture
def project(small_plan: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(state, "_loaded", None)
    monkeypatch.setenv(state.PLANS_ENV, str(small_plan))
    monkeypatch.setenv(state.TODAY_ENV, "2026-11-26")
    return small_plan.parent


def break_plan(project: Path) -> None:
    (project / "plans" / "companies" / "zz.yaml").write_text(
        "name: X\nsector: Nope\n", encoding="utf-8"
    )


def test_the_plan_is_reloaded_only_when_a_file_changes(project: Path) -> None:
    first = state.current(project)
    assert state.current(project) is first
    (project / "plans" / "inbound.yaml").write_text("[]\n", encoding="utf-8")
    second = state.current(project)
    assert second is not first and second.plan.inbound == []


def test_while_serving_a_broken_edit_keeps_the_last_good_plan(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(state.SERVING_ENV, "1")
    good, problems = state.current_or_last_good(project)
    assert problems == []
    break_plan(project)
    shown, problems = state.current_or_last_good(project)
    assert shown is good
    assert problems == [
        f"{project / 'plans' / 'companies' / 'zz.yaml'}:2:9: sector: 'Nope' is not a sector of "
        "plan.yaml; expected one of Battery cells, Automation, Recruitment",
        "1 error found",
    ]


def test_outside_serve_a_broken_plan_is_an_error(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(state.SERVING_ENV, raising=False)
    state.current(project)
    break_plan(project)
    with pytest.raises(InvalidPlan):
        state.current_or_last_good(project)
