"""`playbook next`: this week's outreach with each draft, what is pending or due, what is
coming up."""

from __future__ import annotations

import textwrap

import click

from generator.drafts.drafts import first_draft_kind
from generator.metrics import counts, outreach
from generator.model.model import Person, Plan
from generator.model.vocabulary import PLANNED, MessageKind


def _indented(text: str) -> list[str]:
    return [textwrap.indent(line, "     ") if line else "" for line in text.split("\n")]


def _describe(person: Person) -> str:
    company = person.company
    role = f"{person.role}, " if person.role else ""
    return (
        f"{person.name}: {role}{company.name} (priority {company.priority}, {company.sector.name})"
    )


def _first_message(person: Person) -> list[str]:
    kind = first_draft_kind(person)
    drafts = person.drafts
    if kind is MessageKind.EMAIL:
        return [
            f"   e-mail to {person.email}",
            f"   subject: {drafts[MessageKind.EMAIL_SUBJECT].text}",
            *_indented(drafts[MessageKind.EMAIL].text),
        ]
    draft = drafts[MessageKind.INVITE]
    length = f"{draft.length} / {draft.limit} characters"
    if draft.over_limit:
        length = click.style(f"{length}: too long", fg="red")
    return [f"   {person.linkedin}", f"   LinkedIn note ({length}):", *_indented(draft.text)]


def _heading(text: str) -> list[str]:
    return [click.style(text, bold=True), ""]


def next_text(plan: Plan, follow_ups: bool = True) -> list[str]:
    cadence = plan.targets.invites_per_week
    batch = outreach.next_batch(plan)
    monday = counts.week_start(plan.today).isoformat()
    lines = _heading(
        f"Week of {monday}: {counts.invited_this_week(plan)} / {cadence} invitations sent"
    )
    if not batch:
        lines += [outreach.why_no_batch(plan), ""]
    for number, person in enumerate(batch, 1):
        lines.append(f"{number}. {click.style(_describe(person), bold=True)}")
        lines += _first_message(person)
        lines.append("")
    nudges = outreach.pending_invitations(plan)
    if nudges:
        lines += _heading(f"Invitations pending for 3+ weeks ({len(nudges)})")
        for nudge in nudges:
            how = f"try e-mail: {nudge.person.email}" if nudge.person.email else nudge.advice
            lines.append(
                f"- {nudge.person.name} ({nudge.person.company.name}): "
                f"invited {nudge.since.isoformat()}, {nudge.days} days ago; {how}"
            )
        lines.append("")
    due = outreach.follow_ups_due(plan) if follow_ups else []
    if due:
        keep_alive = plan.targets.keep_alive_days
        lines += _heading(f"Follow-ups due ({len(due)}): no contact for {keep_alive}+ days")
        for number, person in enumerate(due, 1):
            last = person.last_contact.isoformat() if person.last_contact else "never"
            lines.append(f"{number}. {click.style(_describe(person), bold=True)}")
            lines.append(f"   last contact {last}; follow-up:")
            lines += _indented(person.drafts[MessageKind.FOLLOW_UP].text)
            lines.append("")
    planned = outreach.coming_up(plan)
    if planned:
        lines += _heading(f"Coming up ({len(planned)})")
        for item in planned:
            touch = item.touch
            shown = touch.channel and touch.channel.value != PLANNED[touch.action]
            channel = f" ({touch.channel})" if shown else ""
            note = f": {touch.note}" if touch.note else ""
            lines.append(
                f"- {touch.when}: {PLANNED[touch.action]}{channel} with "
                f"{item.person.name} ({item.person.company.name}){note}"
            )
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return [line.rstrip() for line in lines]
