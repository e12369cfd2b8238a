"""`playbook check`: validate the whole plan and summarise it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator import metrics
from generator.config.load import load_plan
from generator.errors import InvalidPlan, Problem, Severity, sort_problems
from generator.render.drafts import draft_problems, render_draft
from generator.structure.model import Plan


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
    warnings = sort_problems(plan.warnings + advice(plan))
    summary = (
        f"{plans_dir}: ok: {len(plan.sectors)} sectors, {len(plan.companies)} companies, "
        f"{len(people)} people, {len(plan.inbound)} inbound contacts"
    )
    if warnings:
        summary += f"; {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    return CheckReport(warnings, summary)


def advice(plan: Plan) -> list[Problem]:
    """Things worth fixing that do not stop a build: long invites, thin companies, no contact."""
    found = []
    per_company = plan.targets.people_per_company
    for company in plan.companies:
        if len(company.people) < per_company:
            have = metrics.plural(len(company.people), "person", "people")
            message = f"{company.name} has {have}; the target is {per_company} per company"
            found.append(Problem(company.location, message, Severity.WARNING))
    for person in plan.people:
        invite = render_draft(plan, person, "invite")
        if invite.over_limit:
            message = (
                f"{person.name}: the invite draft is {invite.length} characters; "
                f"LinkedIn allows {invite.limit} (targets.note_limit)"
            )
            found.append(Problem(person.location, message, Severity.WARNING))
        if not person.linkedin and not person.email:
            message = f"{person.name}: no linkedin or email, so no way to reach them"
            found.append(Problem(person.location, message, Severity.WARNING))
    return found
