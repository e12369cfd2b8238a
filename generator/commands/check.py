"""`playbook check`: validate the whole plan and summarise it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.checking import load_plan
from generator.errors import Problem, shown
from generator.model.placeholders import placeholder_summary
from generator.site.palette import palette_warnings


@dataclass
class CheckReport:
    warnings: list[Problem]
    summary: str
    ready: bool = True  # False while the plan holds placeholders of `playbook init`


def run_check(plans_dir: Path, today: dt.date) -> CheckReport:
    """Raises InvalidPlan when anything is wrong; otherwise returns warnings and a summary."""
    situation = load_plan(plans_dir, today)
    plan = situation.plan
    # The site's colours too: mkdocs.yml sits beside the plans folder.
    warnings = [*situation.warnings, *palette_warnings(plans_dir.parent / "mkdocs.yml")]
    placeholders = placeholder_summary(plan)
    state = "ok" if placeholders is None else "not filled in yet"
    summary = (
        f"{shown(plans_dir)}: {state}: {len(plan.sectors)} sectors, {len(plan.companies)} "
        f"companies, {len(plan.people)} people, {len(plan.inbound)} inbound contacts"
    )
    if warnings:
        summary += f"; {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    if placeholders is not None:
        summary += f"\n{placeholders}"
    return CheckReport(warnings, summary, ready=placeholders is None)
