"""`playbook next`: this week's invitations and the follow-ups due, with their drafts."""

from __future__ import annotations

import datetime as dt
import textwrap

import click

from generator import metrics
from generator.render.drafts import render_draft
from generator.structure.model import Person, Plan


def _indented(text: str) -> list[str]:
    return [textwrap.indent(line, "     ") if line else "" for line in text.split("\n")]


def _describe(person: Person) -> str:
    company = person.company
    role = f"{person.role}, " if person.role else ""
    return (
        f"{person.name}: {role}{company.name} (priority {company.priority}, {company.sector.name})"
    )


def next_text(plan: Plan, today: dt.date, follow_ups: bool = True) -> list[str]:
    invited = metrics.invited_this_week(plan, today)
    cadence = plan.targets.invites_per_week
    batch = metrics.next_batch(plan, today)
    monday = metrics.week_start(today).isoformat()
    lines = [
        click.style(f"Week of {monday}: {invited} / {cadence} invitations sent", bold=True),
        "",
    ]
    if not batch:
        lines += [metrics.why_no_batch(plan, today), ""]
    for number, person in enumerate(batch, 1):
        draft = render_draft(plan, person, "invite")
        length = f"{draft.length} / {draft.limit} characters"
        if draft.over_limit:
            length = click.style(f"{length}: too long", fg="red")
        lines.append(f"{number}. {click.style(_describe(person), bold=True)}")
        if person.linkedin:
            lines.append(f"   {person.linkedin}")
        lines.append(f"   invite ({length}):")
        lines += _indented(draft.text)
        lines.append("")
    due = metrics.follow_ups_due(plan, today) if follow_ups else []
    if due:
        heading = (
            f"Follow-ups due ({len(due)}): no contact for {plan.targets.keep_alive_days}+ days"
        )
        if lines[-1]:
            lines.append("")
        lines += [click.style(heading, bold=True), ""]
        for number, person in enumerate(due, 1):
            last = person.last_contact.isoformat() if person.last_contact else "never"
            lines.append(f"{number}. {click.style(_describe(person), bold=True)}")
            lines.append(f"   last contact {last}; follow-up:")
            lines += _indented(render_draft(plan, person, "follow_up").text)
            lines.append("")
    return [line.rstrip() for line in lines]
