"""`playbook status`: the scoreboard in the terminal, or as JSON for scripts."""

from __future__ import annotations

from typing import Any

import click

from generator.metrics import counts, outreach
from generator.metrics.budget import linkedin_budget
from generator.metrics.checklist import checklist
from generator.model.model import Plan
from generator.wording import percent


def status_data(plan: Plan) -> dict[str, Any]:
    """Everything `status --json` prints; the contract's keys come first."""
    people = plan.people
    return {
        "sectors": len(plan.sectors),
        "companies": len(plan.companies),
        "people": len(people),
        "stages": {str(stage): n for stage, n in counts.stage_counts(people).items()},
        "inbound_last_12_months": len(counts.inbound_last_12_months(plan)),
        "follow_ups_due": len(outreach.follow_ups_due(plan)),
        "invited_this_week": counts.invited_this_week(plan),
        "today": plan.today.isoformat(),
        "contacted": counts.contacted_count(people),
        "invites_per_week_target": plan.targets.invites_per_week,
        "weeks_on_target": counts.streak(plan),
        "average_relevance": counts.average_relevance(plan),
        "silent_targets": [c.name for c in outreach.silent_companies(plan)],
        "pending_invitations": len(outreach.pending_invitations(plan)),
        "coming_up": len(outreach.coming_up(plan)),
        "conversions": {k: _rounded(v) for k, v in counts.conversions(people).items()},
        "checklist": [
            {
                "step": step.number,
                "title": step.title,
                "done": step.done,
                "progress": step.progress,
                "next_action": step.next_action,
            }
            for step in checklist(plan)
        ],
        "invitations_per_week": [
            {"week": monday.isoformat(), "invited": count}
            for monday, count in counts.invites_per_week(plan)
        ],
        "inbound_per_month": [
            {"month": month.strftime("%Y-%m"), "inbound": count}
            for month, count in counts.inbound_per_month(plan)
        ],
        "inbound_by_sector": counts.inbound_by_sector(plan),
        "linkedin_budget": linkedin_budget(plan).as_json(),
    }


def _rounded(share: float | None) -> float | None:
    return None if share is None else round(share, 3)


def _row(label: str, value: object, note: str = "") -> str:
    line = f"  {label:<24}{value!s:>9}"
    return f"{line}   {click.style(note, dim=True)}" if note else line


def status_text(plan: Plan) -> list[str]:
    """The scoreboard as aligned lines, styled for a terminal (click strips it when piped)."""
    data = status_data(plan)
    lines = [
        click.style(f"{plan.me.name}, as of {plan.today.isoformat()}", bold=True),
        f"Goal: {plan.me.goal}",
        "",
        click.style("The four steps", bold=True),
    ]
    for step in checklist(plan):
        box = click.style("[x]", fg="green") if step.done else click.style("[ ]", fg="yellow")
        lines.append(f"  {box} {step.number}. {step.title:<22} {' · '.join(step.progress)}")
        if not step.done:
            lines.append(f"         next: {step.next_action}")
    lines += ["", click.style("Funnel", bold=True)]
    lines += [_row(stage, count) for stage, count in data["stages"].items()]
    conversions = " · ".join(
        f"{step} {percent(share)}" for step, share in data["conversions"].items()
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
        _row("pending invitations", data["pending_invitations"], "3+ weeks without an answer"),
        _row(
            "LinkedIn this week",
            f"{data['linkedin_budget']['invitations_this_week']} / "
            f"{data['linkedin_budget']['invitations_per_week_limit']}",
            "invitations to anyone, LinkedIn's weekly limit",
        ),
        _row("silent targets", len(data["silent_targets"]), ", ".join(data["silent_targets"])),
        _row("coming up", data["coming_up"]),
    ]
    return lines
