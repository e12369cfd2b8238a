"""`playbook next`: who wrote first and waits for an answer, this week's outreach with each
draft, the reminders and follow-ups due, what is pending or withdrawn, what is coming up."""

from __future__ import annotations

import textwrap

import click

from generator.drafts.drafts import as_linkedin_message, first_draft_kind
from generator.metrics import counts, outreach
from generator.metrics.budget import LinkedInBudget, budget_lines, linkedin_budget
from generator.metrics.situation import Situation
from generator.model.model import Person
from generator.model.vocabulary import PLANNED, Channel, MessageKind
from generator.render.terms import channel_label
from generator.wording import plural

# A numbered entry's details start under its text: "9. " and " 9. " / "10. " alike.
_DETAIL = "   "


def _indented(text: str, indent: str = _DETAIL + "  ") -> list[str]:
    return [textwrap.indent(line, indent) if line else "" for line in text.split("\n")]


def _numbered(count: int) -> tuple[list[str], str]:
    """Numbers right-aligned for `count` entries, and the indent of the lines below each."""
    width = len(str(count))
    return [f"{n:>{width}}. " for n in range(1, count + 1)], " " * (width + 2)


def _describe(person: Person) -> str:
    company = person.company
    role = f"{person.role}, " if person.role else ""
    return (
        f"{person.name}: {role}{company.name} (priority {company.priority}, {company.sector.name})"
    )


def _first_message(
    situation: Situation, person: Person, indent: str, budget: LinkedInBudget
) -> list[str]:
    known = situation[person]
    kind = first_draft_kind(known)
    drafts = situation.drafts[person]
    if kind is MessageKind.INVITE and budget.notes_used_up:
        draft = drafts[MessageKind.INVITE]
        return [
            f"{indent}{person.linkedin}",
            f"{indent}Invite without a note ({budget.notes_gone}); "
            "once they accept, send this message:",
            *_indented(draft.text, indent + "  "),
        ]
    if as_linkedin_message(known, kind):
        return [
            f"{indent}{person.linkedin}",
            f"{indent}LinkedIn message (connected since {known.already_connected_on}):",
            *_indented(drafts[MessageKind.EMAIL].text, indent + "  "),
        ]
    if kind is MessageKind.EMAIL:
        subject = drafts[MessageKind.EMAIL_SUBJECT].text
        return _email(person, subject, drafts[MessageKind.EMAIL].text, indent)
    draft = drafts[MessageKind.INVITE]
    length = f"{draft.length} / {draft.limit} characters"
    if draft.over_limit:
        length = click.style(f"{length}: too long", fg="red")
    return [
        f"{indent}{person.linkedin}",
        f"{indent}LinkedIn note ({length}):",
        *_indented(draft.text, indent + "  "),
    ]


def _email(person: Person, subject: str, text: str, indent: str) -> list[str]:
    return [
        f"{indent}e-mail to {person.email}",
        f"{indent}subject: {subject}",
        *_indented(text, indent + "  "),
    ]


def _reminder(reminder: outreach.Reminder, indent: str) -> list[str]:
    person = reminder.person
    if reminder.channel is Channel.EMAIL:
        return _email(person, reminder.subject, reminder.text, indent)
    where = [f"{indent}{person.linkedin}"] if reminder.channel is Channel.LINKEDIN else []
    return [*where, *_indented(reminder.text, indent + "  ")]


def _heading(text: str) -> list[str]:
    return [click.style(text, bold=True), ""]


def next_text(situation: Situation, follow_ups: bool = True) -> list[str]:
    plan = situation.plan
    cadence = plan.targets.invites_per_week
    batch = situation.next_batch
    monday = counts.week_start(situation.today).isoformat()
    budget = linkedin_budget(situation)
    lines = _heading(
        f"Week of {monday}: {counts.invited_this_week(situation)} / {cadence} invitations sent"
    )
    lines[-1:-1] = budget_lines(budget)
    lines += _answer_them_text(situation)
    if not batch:
        lines += [outreach.why_no_batch(situation), ""]
    numbers, indent = _numbered(len(batch))
    for number, person in zip(numbers, batch, strict=True):
        lines.append(f"{number}{click.style(_describe(person), bold=True)}")
        lines += _first_message(situation, person, indent, budget)
        lines.append("")
    lines += _reminders_text(situation)
    moving_on = outreach.try_someone_else(situation)
    if moving_on:
        heading = f"No answer after {outreach.MAX_REMINDERS_WORDS} reminders: try someone else"
        lines += _heading(f"{heading} ({len(moving_on)})")
        for move_on in moving_on:
            lines.append(f"- {_move_on_line(situation, move_on)}")
        lines.append("")
    nudges = situation.pending_invitations
    if nudges:
        lines += _heading(f"Invitations pending for 3+ weeks ({len(nudges)})")
        for nudge in nudges:
            how = nudge.advice
            if how == "try e-mail":
                how = f"try e-mail: {nudge.person.email}"
            lines.append(
                f"- {nudge.person.name} ({nudge.person.company.name}): "
                f"invited {nudge.since.isoformat()}, {nudge.days} days ago; {how}"
            )
        lines.append("")
    withdrawn = outreach.withdrawn_invitations(situation)
    if withdrawn:
        lines += _heading(f"Withdrawn invitations ({len(withdrawn)})")
        for reinvite in withdrawn:
            lines.append(
                f"- {reinvite.person.name} ({reinvite.person.company.name}): "
                f"withdrawn {reinvite.withdrawn.isoformat()}; {reinvite.when(situation.today)}"
            )
        lines.append("")
    due = situation.follow_ups_due if follow_ups else []
    if due:
        keep_alive = plan.targets.keep_alive_days
        lines += _heading(f"Follow-ups due ({len(due)}): no contact for {keep_alive}+ days")
        numbers, indent = _numbered(len(due))
        for number, person in zip(numbers, due, strict=True):
            last_contact = situation[person].last_contact
            last = last_contact.isoformat() if last_contact else "never"
            lines.append(f"{number}{click.style(_describe(person), bold=True)}")
            lines.append(f"{indent}last contact {last}; follow-up:")
            follow_up = situation.drafts[person][MessageKind.FOLLOW_UP]
            lines += _indented(follow_up.text, indent + "  ")
            lines.append("")
    planned = situation.coming_up
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


def _answer_them_text(situation: Situation) -> list[str]:
    """People who reached out first and never heard from me: before any new outreach."""
    people = situation.answer_them
    if not people:
        return []
    lines = _heading(f"Answer them: they reached out first ({len(people)})")
    for person in people:
        entry = situation[person].waiting_for_me
        if entry is None:
            continue
        about = f": {entry.about}" if entry.about else ""
        lines.append(
            f"- {person.name} ({person.company.name}): contacted you {entry.date.isoformat()} "
            f"({channel_label(entry.channel)}){about}"
        )
        lines.append(
            f"  once answered, log it: {outreach.answered_command(situation.plan, person, entry)}"
        )
    return [*lines, ""]


def _reminders_text(situation: Situation) -> list[str]:
    reminders = situation.reminders_due
    if not reminders:
        return []
    days = plural(situation.plan.targets.follow_up_after_days, "business day", "business days")
    lines = _heading(f"No answer yet: reminders due ({len(reminders)}), {days} after each message")
    numbers, indent = _numbered(len(reminders))
    for number, reminder in zip(numbers, reminders, strict=True):
        lines.append(f"{number}{click.style(_describe(reminder.person), bold=True)}")
        lines.append(f"{indent}{reminder.sent}, no answer; {reminder.how}:")
        lines += _reminder(reminder, indent)
        lines.append("")
    return lines


def _move_on_line(situation: Situation, item: outreach.MoveOn) -> str:
    person, company = item.person, item.person.company.name
    tried = plural(item.attempts, "message", "messages")
    if item.instead is None:
        advice = f"name someone else at {company} to write to"
    else:
        batch = " (in this week's batch)" if situation.in_batch(item.instead) else ""
        advice = f"next at {company}: {item.instead.name}, {item.instead.focus}{batch}"
    return f"{person.name} ({company}): {tried} since {item.since.isoformat()}; {advice}"
