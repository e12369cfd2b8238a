"""Tiny plans written for the outreach-cycle tests: companies, people and their touches."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.checking import load_plan
from generator.metrics.situation import Situation
from generator.model.model import Person


def touch(day: str, action: str, channel: str | None = None) -> str:
    how = f", channel: {channel}" if channel else ""
    return f"{{date: {day}, action: {action}{how}}}"


def person(
    name: str,
    *touches: str,
    focus: str = "operations",
    linkedin: bool = True,
    email: bool = True,
) -> str:
    slug = name.lower().replace(" ", "-")
    lines = [f"  - name: {name}", f"    focus: {focus}"]
    if linkedin:
        lines.append(f"    linkedin: https://www.linkedin.com/in/{slug}-example")
    if email:
        lines.append(f"    email: {slug}@example.com")
    if touches:
        lines.append("    touches:")
        lines += [f"      - {t}" for t in touches]
    return "\n".join(lines) + "\n"


def write_plan(
    tmp_path: Path,
    companies: dict[str, list[str]],
    targets: str = "invites_per_week: 5",
    sector: str = "Heat pumps",
) -> Path:
    """A plan with one sector plus recruiters; each company a file with the people given."""
    plans = tmp_path / "plans"
    (plans / "companies").mkdir(parents=True)
    (plans / "plan.yaml").write_text(
        "me: {name: Mia Test, headline: Plant engineer, goal: Plant director by 2030, "
        "location: 'Brno, Czechia'}\n"
        f"targets: {{{targets}}}\n"
        f"sectors:\n  - name: {sector}\n  - name: Recruitment\n    recruiters: true\n"
        "messages:\n"
        "  invite: 'Hi {{ person.first_name }}, an invitation.'\n"
        "  email_subject: 'Hello from {{ me.name }}'\n"
        "  email: 'Dear {{ person.first_name }}, a first e-mail.'\n"
        "  reminder: 'Hi {{ person.first_name }}, a reminder.'\n"
        "  follow_up: 'Hi {{ person.first_name }}, how are things?'\n",
        encoding="utf-8",
    )
    for number, (company, people) in enumerate(companies.items()):
        (plans / "companies" / f"c{number:03d}.yaml").write_text(
            f"name: {company}\nsector: {sector}\npriority: 1\npeople:\n{''.join(people)}",
            encoding="utf-8",
        )
    return plans


def on(plans: Path, day: str) -> Situation:
    return load_plan(plans, dt.date.fromisoformat(day))


def who(plan: Situation, name: str) -> Person:
    return next(p for p in plan.plan.people if p.name == name)
