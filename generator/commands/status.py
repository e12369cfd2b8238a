"""`playbook status`: the scoreboard in the terminal, or as JSON for scripts.

The funnel shows two different counts side by side, each named: where everyone is now
(`stages`: each person once, at their current stage) and how far the campaign got
(`reached`: everyone who got at least this far, so it only grows).
"""

from __future__ import annotations

from typing import Any

import click

from generator.metrics import counts, outreach
from generator.metrics.budget import linkedin_budget
from generator.metrics.checklist import checklist
from generator.metrics.situation import Situation
from generator.model.vocabulary import PROGRESSION
from generator.wording import percent, plural


def status_data(situation: Situation) -> dict[str, Any]:
    """Everything `status --json` prints; the contract's keys come first."""
    plan = situation.plan
    people = situation.people
    return {
        "sectors": len(plan.sectors),
        "companies": len(plan.companies),
        "people": len(people),
        "stages": {str(stage): n for stage, n in counts.stage_counts(people).items()},
        "inbound_last_12_months": len(counts.inbound_last_12_months(situation)),
        "follow_ups_due": len(situation.follow_ups_due),
        "invited_this_week": counts.invited_this_week(situation),
        "today": situation.today.isoformat(),
        "contacted": counts.contacted_count(people),
        "invites_per_week_target": plan.targets.invites_per_week,
        "weeks_on_target": counts.streak(situation),
        "average_relevance": counts.average_relevance(situation),
        "silent_targets": [c.name for c in situation.silent_companies],
        "pending_invitations": len(situation.pending_invitations),
        "coming_up": len(situation.coming_up),
        "conversions": {k: _rounded(v) for k, v in counts.conversions(people).items()},
        "reached": {
            str(stage): n for stage, n in counts.reached_counts(people).items() if stage in _REACH
        },
        "already_connected": counts.already_connected_count(people),
        "reminders_due": len(situation.reminders_due),
        "try_someone_else": [m.person.name for m in outreach.try_someone_else(situation)],
        "answer_them": [person.name for person in situation.answer_them],
        "withdrawn_invitations": len(outreach.withdrawn_invitations(situation)),
        "checklist": [
            {
                "step": step.number,
                "title": step.title,
                "done": step.done,
                "progress": step.progress,
                "next_action": step.next_action,
            }
            for step in checklist(situation)
        ],
        "invitations_per_week": [
            {"week": monday.isoformat(), "invited": count}
            for monday, count in counts.invites_per_week(situation)
        ],
        "inbound_per_month": [
            {"month": month.strftime("%Y-%m"), "inbound": count}
            for month, count in counts.inbound_per_month(situation)
        ],
        "inbound_by_sector": counts.inbound_by_sector(situation),
        "linkedin_budget": linkedin_budget(situation).as_json(),
    }


# Cumulative reach starts at the first message: nobody is "reached" by being identified.
_REACH = PROGRESSION[1:]


def _rounded(share: float | None) -> float | None:
    return None if share is None else round(share, 3)


def _row(label: str, value: object, note: str = "") -> str:
    line = f"  {label:<24}{value!s:>9}"
    return f"{line}   {click.style(note, dim=True)}" if note else line


def status_text(situation: Situation) -> list[str]:
    """The scoreboard as aligned lines, styled for a terminal (click strips it when piped)."""
    plan = situation.plan
    data = status_data(situation)
    days = plan.targets.follow_up_after_days
    keep_alive = plan.targets.keep_alive_days
    moving_on = data["try_someone_else"]
    lines = [
        click.style(f"{plan.me.name}, as of {situation.today.isoformat()}", bold=True),
        f"Goal: {plan.me.goal}",
        "",
        click.style("The four steps", bold=True),
    ]
    for step in checklist(situation):
        box = click.style("[x]", fg="green") if step.done else click.style("[ ]", fg="yellow")
        lines.append(f"  {box} {step.number}. {step.title:<22} {' · '.join(step.progress)}")
        if not step.done:
            lines.append(f"         next: {step.next_action}")
    lines += ["", _funnel_heading()]
    for stage, count in data["stages"].items():
        reached = data["reached"].get(stage, "")
        lines.append(f"{_row(stage, count)}{reached!s:>17}".rstrip())
    lines.append(
        click.style(
            "  now: each person once, at their current stage; "
            "reached so far: everyone who got at least this far",
            dim=True,
        )
    )
    if data["already_connected"]:
        waiting = plural(data["already_connected"], "person", "people")
        lines.append(
            f"  {waiting} already connected before the plan: counted as identified, "
            "not as reached, until you write to them"
        )
    conversions = " · ".join(
        f"{step} {percent(share)}" for step, share in data["conversions"].items()
    )
    lines += [f"  {conversions} (of those reached so far)", "", click.style("Results", bold=True)]
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
            f"{counts.weeks_in_a_row(data['weeks_on_target'])} on target",
        ),
        _row(
            "reminders due",
            data["reminders_due"],
            f"no answer for {plural(days, 'business day', 'business days')}",
        ),
        _row("answer them", len(data["answer_them"]), "they reached out first"),
        _row("try someone else", len(moving_on), ", ".join(moving_on)),
        _row("follow-ups due", data["follow_ups_due"], f"no contact for {keep_alive}+ days"),
        _row("pending invitations", data["pending_invitations"], "3+ weeks without an answer"),
        _row("withdrawn invitations", data["withdrawn_invitations"], "invite again after 3 weeks"),
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


def _funnel_heading() -> str:
    """Names both columns: the stage people are at now, and the campaign's reach."""
    return click.style(f"{'Funnel':<26}{'now':>9}{'reached so far':>17}", bold=True)
