"""The week's work as an iCalendar file (RFC 5545): to-dos and booked events.

A to-do per follow-up or reminder due, per person in this week's batch (with the
draft), per invitation left pending and per withdrawn one (due the day LinkedIn lets
you invite again); an all-day event per planned touch. UIDs come from the data
(who, what, which date), so importing the file again updates entries instead of
adding copies.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, Todo

from generator import __version__
from generator.drafts.drafts import as_linkedin_message, first_draft_kind
from generator.exporting.contacts import person_key
from generator.metrics import outreach
from generator.model.model import Person, Plan
from generator.model.vocabulary import PLANNED, MessageKind

PRODID = f"-//Playbook//playbook {__version__}//EN"
_DOMAIN = "playbook.invalid"


def _uid(kind: str, person: Person, *parts: str) -> str:
    """From what the item is about, never from a page address (which can move when a
    namesake joins the plan)."""
    return "-".join([kind, person_key(person), *parts]) + f"@{_DOMAIN}"


def _who(person: Person) -> str:
    return f"{person.name} ({person.company.name})"


def _draft(person: Person) -> str:
    kind = first_draft_kind(person)
    if as_linkedin_message(person, kind):
        return f"LinkedIn message for {person.linkedin}:\n\n" + person.drafts[kind].text
    if kind is MessageKind.EMAIL:
        subject = person.drafts[MessageKind.EMAIL_SUBJECT].text
        address = f"E-mail to {person.email}\nSubject: {subject}\n\n"
        return address + person.drafts[MessageKind.EMAIL].text
    note = person.drafts[MessageKind.INVITE].text
    where = f" for {person.linkedin}" if person.linkedin else ""
    return f"LinkedIn note{where}:\n\n{note}"


def week_calendar(plan: Plan) -> bytes:
    today = plan.today
    stamp = dt.datetime.combine(today, dt.time(0), tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Playbook: {plan.me.name}")
    week_end = today + dt.timedelta(days=6 - today.weekday())
    for person in outreach.next_batch(plan):
        calendar.add_component(
            _todo(
                _uid("reach-out", person),
                f"Reach out to {_who(person)}",
                _draft(person),
                week_end,
                stamp,
            )
        )
    keep_alive = dt.timedelta(days=plan.targets.keep_alive_days)
    for person in outreach.follow_ups_due(plan):
        assert person.last_contact is not None
        due = person.last_contact + keep_alive
        text = person.drafts[MessageKind.FOLLOW_UP].text
        uid = _uid("follow-up", person, person.last_contact.isoformat())
        calendar.add_component(_todo(uid, f"Follow up with {_who(person)}", text, due, stamp))
    for nudge in outreach.pending_invitations(plan):
        person = nudge.person
        summary = f"Invitation to {_who(person)} pending {nudge.days} days: {nudge.advice}"
        uid = _uid("pending", person, nudge.since.isoformat())
        calendar.add_component(_todo(uid, summary, _draft(person), today, stamp))
    for reminder in outreach.reminders_due(plan):
        person = reminder.person
        summary = f"No answer from {_who(person)}: {reminder.how}"
        subject = f"Subject: {reminder.subject}\n\n" if reminder.subject else ""
        uid = _uid("reminder", person, reminder.after.date.isoformat())
        calendar.add_component(_todo(uid, summary, subject + reminder.text, today, stamp))
    for reinvite in outreach.withdrawn_invitations(plan):
        person = reinvite.person
        due = max(today, reinvite.allowed_from)
        uid = _uid("reinvite", person, reinvite.withdrawn.isoformat())
        summary = f"Invite {_who(person)} again (withdrawn {reinvite.withdrawn.isoformat()})"
        calendar.add_component(_todo(uid, summary, _draft(person), due, stamp))
    for item in outreach.coming_up(plan):
        calendar.add_component(_event(item, stamp))
    data: bytes = calendar.to_ical()
    return data


def _todo(uid: str, summary: str, description: str, due: dt.date, stamp: dt.datetime) -> Todo:
    todo = Todo()
    todo.add("uid", uid)
    todo.add("dtstamp", stamp)
    todo.add("summary", summary)
    todo.add("description", description)
    todo.add("due", due)
    todo.add("status", "NEEDS-ACTION")
    return todo


def _event(item: outreach.Planned, stamp: dt.datetime) -> Event:
    touch, person = item.touch, item.person
    event = Event()
    action = PLANNED[touch.action]
    event.add("uid", _uid("planned", person, touch.date.isoformat(), touch.action.value))
    event.add("dtstamp", stamp)
    event.add("summary", f"{action.capitalize()}: {_who(person)}")
    event.add("dtstart", touch.date)
    event.add("dtend", touch.date + dt.timedelta(days=1))
    details = [touch.note] if touch.note else []
    if touch.channel:
        details.append(f"Channel: {touch.channel.value}")
    if details:
        event.add("description", "\n".join(details))
    return event
