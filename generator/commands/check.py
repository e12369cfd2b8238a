"""`playbook check`: validate the whole plan and summarise it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.config.load import load_plan
from generator.errors import InvalidPlan, Problem, sort_problems
from generator.render.drafts import draft_problems


@dataclass
class CheckReport:
    warnings: list[Problem]
    summary: str


def run_check(plans_dir: Path, today: dt.date) -> CheckReport:
    """Raises InvalidPlan when anything is wrong; otherwise returns warnings and a summary."""
    plan = load_plan(plans_dir, today)
    broken_drafts = draft_problems(plan)
    if broken_drafts:
        raise InvalidPlan(plan.warnings + broken_drafts)
    people = plan.people
    warnings = sort_problems(plan.warnings)
    summary = (
        f"{plans_dir}: ok: {len(plan.sectors)} sectors, {len(plan.companies)} companies, "
        f"{len(people)} people, {len(plan.inbound)} inbound contacts"
    )
    if warnings:
        summary += f"; {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    return CheckReport(warnings, summary)
