"""Plans for the metric tests: the small fixture on any day, and tiny made-up plans."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from generator.checking import load_plan
from generator.metrics.situation import Situation
from generator.model.model import Person
from tests.conftest import SMALL_PLAN


@cache
def small_on(day: dt.date) -> Situation:
    """The small fixture plan as of `day` (read-only: shared between tests)."""
    return load_plan(SMALL_PLAN, day)


def names(people: list[Person]) -> list[str]:
    return [f"{p.name} ({p.company.name})" for p in people]


def plan_with(tmp_path: Path, companies: dict[str, tuple[str, int, list[str]]]) -> Path:
    """A plan whose companies are {file: (sector, priority, [focus of each uncontacted person])}."""
    plans = tmp_path / "plans"
    (plans / "companies").mkdir(parents=True)
    (plans / "plan.yaml").write_text(
        "me: {name: Me, headline: H, goal: G, location: 'Oslo, Norway'}\n"
        "targets: {invites_per_week: 4}\n"
        "sectors:\n  - name: A\n  - name: B\n  - name: R\n    recruiters: true\n",
        encoding="utf-8",
    )
    for slug, (sector, priority, focuses) in companies.items():
        people = "".join(
            f"  - name: {slug.upper()} {i}\n    focus: {focus}\n    email: p{i}@{slug}.example\n"
            for i, focus in enumerate(focuses)
        )
        (plans / "companies" / f"{slug}.yaml").write_text(
            f"name: {slug.upper()}\nsector: {sector}\npriority: {priority}\npeople:\n{people}",
            encoding="utf-8",
        )
    return plans
