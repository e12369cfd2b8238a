"""`playbook status`: the scoreboard in the terminal, or as JSON for scripts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from generator import metrics
from generator.structure.model import Plan


def status_data(plan: Plan, today: dt.date) -> dict[str, Any]:
    """Everything `status --json` prints; the contract's keys come first."""
    people = plan.people
    return {
        "sectors": len(plan.sectors),
        "companies": len(plan.companies),
        "people": len(people),
        "stages": metrics.stage_counts(people),
        "inbound_last_12_months": len(metrics.inbound_last_12_months(plan, today)),
        "follow_ups_due": len(metrics.follow_ups_due(plan, today)),
        "invited_this_week": metrics.invited_this_week(plan, today),
        "today": today.isoformat(),
        "contacted": metrics.contacted_count(people),
        "invites_per_week_target": plan.targets.invites_per_week,
        "weeks_on_target": metrics.streak(plan, today),
        "average_relevance": metrics.average_relevance(plan, today),
        "silent_targets": [c.name for c in metrics.silent_companies(plan, today)],
        "conversions": {k: _rounded(v) for k, v in metrics.conversions(people).items()},
        "checklist": [
            {
                "step": step.number,
                "title": step.title,
                "done": step.done,
                "progress": step.progress,
                "next_action": step.next_action,
            }
            for step in metrics.checklist(plan, today)
        ],
        "invitations_per_week": [
            {"week": monday.isoformat(), "invited": count}
            for monday, count in metrics.invites_per_week(plan, today)
        ],
        "inbound_per_month": [
            {"month": month.strftime("%Y-%m"), "inbound": count}
            for month, count in metrics.inbound_per_month(plan, today)
        ],
        "inbound_by_sector": metrics.inbound_by_sector(plan, today),
    }


def _rounded(share: float | None) -> float | None:
    return None if share is None else round(share, 3)


def _row(label: str, value: object, note: str = "") -> str:
    line = f"  {label:<24}{value!s:>9}"
    return f"{line}   {click.style(note, dim=True)}" if note else line


def status_text(plan: Plan, today: dt.date) -> list[str]:
    """The scoreboard as aligned lines, styled for a terminal (click strips it when piped)."""
    data = status_data(plan, today)
    lines = [
        click.style(f"{plan.me.name}, as of {today.isoformat()}", bold=True),
        f"Goal: {plan.me.goal}",
        "",
        click.style("The four steps", bold=True),
    ]
    for step in metrics.checklist(plan, today):
        box = click.style("[x]", fg="green") if step.done else click.style("[ ]", fg="yellow")
        lines.append(f"  {box} {step.number}. {step.title:<22} {' · '.join(step.progress)}")
        if not step.done:
            lines.append(f"         next: {step.next_action}")
    lines += ["", click.style("Funnel", bold=True)]
    lines += [_row(stage, count) for stage, count in data["stages"].items()]
    conversions = " · ".join(
        f"{step} {metrics.percent(share)}" for step, share in data["conversions"].items()
    )
    lines += [f"  {conversions}", "", click.style("Results", bold=True)]
    relevance = data["average_relevance"]
    lines += [
        _row(
            "inbound (12 months)",
            data["inbound_last_12_months"],
            f"average relevance {relevance}" if relevance is not None else "",
        ),
        _row(
            "invited this week",
            f"{data['invited_this_week']} / {data['invites_per_week_target']}",
            f"{data['weeks_on_target']} weeks in a row on target",
        ),
        _row("follow-ups due", data["follow_ups_due"]),
        _row("silent targets", len(data["silent_targets"]), ", ".join(data["silent_targets"])),
    ]
    return lines
