"""The week's work as an iCalendar file (RFC 5545): events, or to-dos if asked.

Each person who wrote first and waits for my answer, each person in this week's batch
(with the draft), each follow-up or reminder due and each invitation left pending is an
all-day event today: calendar apps import events
everywhere, while many (khal among them) drop to-dos. A withdrawn invitation is an
event on the day LinkedIn lets you invite again (today, once that day has come).
`--todo` makes them to-dos instead, due when the work is due: the batch by Sunday, the
rest today. Nothing is ever due on a day already past: an overdue follow-up is due today
and says since when it has been due. UIDs come from the data (who, what, which date), so
importing the file again moves an item that is still open to the new day instead of
copying it.

A planned touch (a booked call or meeting) is an event on its day; with a `time` it
is a timed event in floating time: 10:00 is 10:00 on the clock of whoever reads the
calendar, as the user wrote it (the plan names no time zone, and a meeting abroad is
at 10:00 local time there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event, Todo
from icalendar.prop import vText

from generator import __version__
from generator.drafts.drafts import as_linkedin_message, first_draft_kind
from generator.exporting.contacts import person_key
from generator.metrics import outreach
from generator.metrics.situation import Situation
from generator.model.model import Person, Touch
from generator.model.vocabulary import PLANNED, Action, Channel, MessageKind
from generator.render.terms import channel_label
from generator.wording import plural

PRODID = f"-//Playbook//playbook {__version__}//EN"
_DOMAIN = "playbook.invalid"
# How long a timed planned touch lasts in the calendar: a meeting an hour, anything
# else (a call, a message to send at that time) half an hour.
MEETING_MINUTES = 60
CALL_MINUTES = 30


@dataclass(frozen=True)
class Task:
    """A piece of the week's work: an all-day event today, or a to-do with a due date."""

    uid: str
    summary: str
    description: str
    due: dt.date
    # The first day the work can be done (an invitation withdrawn, not yet sent again).
    starts: dt.date | None = None


class _Text(vText):
    """TEXT escaped as RFC 5545 says, the backslash first: icalendar reads a written
    `\\N` as a line break before escaping, so a name holding it would be split."""

    def to_ical(self) -> bytes:
        text = str(self).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
        return text.encode("utf-8")


def _uid(kind: str, person: Person, *parts: str) -> str:
    """From what the item is about, never from a page address (which can move when a
    namesake joins the plan)."""
    return "-".join([kind, person_key(person), *parts]) + f"@{_DOMAIN}"


def _who(person: Person) -> str:
    return f"{person.name} ({person.company.name})"


def _draft(situation: Situation, person: Person) -> str:
    known, drafts = situation[person], situation.drafts[person]
    kind = first_draft_kind(known)
    if as_linkedin_message(known, kind):
        return f"LinkedIn message for {person.linkedin}:\n\n" + drafts[kind].text
    if kind is MessageKind.EMAIL:
        subject = drafts[MessageKind.EMAIL_SUBJECT].text
        address = f"E-mail to {person.email}\nSubject: {subject}\n\n"
        return address + drafts[MessageKind.EMAIL].text
    note = drafts[MessageKind.INVITE].text
    where = f" for {person.linkedin}" if person.linkedin else ""
    return f"LinkedIn note{where}:\n\n{note}"


def week_tasks(situation: Situation) -> list[Task]:
    """Who wrote first (due today), the batch (due by Sunday), follow-ups and reminders
    due and pending invitations (due today), withdrawn invitations (due the day they may
    be sent again)."""
    today = situation.today
    week_end = today + dt.timedelta(days=6 - today.weekday())
    tasks = [_answer(situation, person) for person in situation.answer_them]
    tasks += [
        Task(_uid("reach-out", p), f"Reach out to {_who(p)}", _draft(situation, p), week_end)
        for p in situation.next_batch
    ]
    tasks += [_follow_up(situation, person) for person in situation.follow_ups_due]
    for nudge in situation.pending_invitations:
        person = nudge.person
        summary = f"Invitation to {_who(person)} pending {nudge.days} days: {nudge.advice}"
        uid = _uid("pending", person, nudge.since.isoformat())
        tasks.append(Task(uid, summary, _draft(situation, person), today))
    for reminder in situation.reminders_due:
        person = reminder.person
        summary = f"No answer from {_who(person)}: {reminder.how}"
        subject = f"Subject: {reminder.subject}\n\n" if reminder.subject else ""
        uid = _uid("reminder", person, reminder.after.date.isoformat())
        tasks.append(Task(uid, summary, subject + reminder.text, today))
    for reinvite in outreach.withdrawn_invitations(situation):
        person = reinvite.person
        day = max(today, reinvite.allowed_from)
        summary = f"Invite {_who(person)} again (withdrawn {reinvite.withdrawn.isoformat()})"
        uid = _uid("reinvite", person, reinvite.withdrawn.isoformat())
        tasks.append(Task(uid, summary, _draft(situation, person), day, starts=day))
    return tasks


def _answer(situation: Situation, person: Person) -> Task:
    """Someone who called or wrote first: an answer is due today, before new outreach."""
    entry = situation[person].waiting_for_me
    assert entry is not None
    how = channel_label(entry.channel)
    about = f": {entry.about}" if entry.about else ""
    text = (
        f"Contacted you on {entry.date.isoformat()} ({how}){about}\n\n"
        f"Once answered, log it: {outreach.answered_command(situation.plan, person, entry)}"
    )
    uid = _uid("answer", person, entry.date.isoformat())
    return Task(uid, f"Answer {_who(person)}: they contacted you first", text, situation.today)


def _follow_up(situation: Situation, person: Person) -> Task:
    """Due `keep_alive_days` after the last contact, but never on a day already past."""
    last_contact = situation[person].last_contact
    assert last_contact is not None
    today = situation.today
    due = last_contact + dt.timedelta(days=situation.plan.targets.keep_alive_days)
    silent = plural((today - last_contact).days, "day", "days")
    since = "Due today" if due >= today else f"Overdue since {due.isoformat()}"
    why = f"{since}: last contact {last_contact.isoformat()}, {silent} ago."
    text = f"{why}\n\n{situation.drafts[person][MessageKind.FOLLOW_UP].text}"
    uid = _uid("follow-up", person, last_contact.isoformat())
    return Task(uid, f"Follow up with {_who(person)}", text, max(due, today))


def week_calendar(situation: Situation, todo: bool = False) -> bytes:
    stamp = dt.datetime.combine(situation.today, dt.time(0), tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _Text(f"Playbook: {situation.plan.me.name}"))
    for task in week_tasks(situation):
        calendar.add_component(_todo(task, stamp) if todo else _work_event(task, stamp))
    for item in situation.coming_up:
        calendar.add_component(_planned_event(item.person, item.touch, stamp))
    data: bytes = calendar.to_ical()
    return data


def _todo(task: Task, stamp: dt.datetime) -> Todo:
    todo = Todo()
    todo.add("uid", task.uid)
    todo.add("dtstamp", stamp)
    todo.add("summary", _Text(task.summary))
    todo.add("description", _Text(task.description))
    todo.add("due", task.due)
    todo.add("status", "NEEDS-ACTION")
    return todo


def _work_event(task: Task, stamp: dt.datetime) -> Event:
    """All day on the export's day (or the first day the work can be done), as free time:
    work to fit into the day, not an appointment."""
    event = Event()
    event.add("uid", task.uid)
    event.add("dtstamp", stamp)
    event.add("summary", _Text(task.summary))
    event.add("description", _Text(task.description))
    _all_day(event, task.starts or stamp.date())
    return event


def _all_day(event: Event, day: dt.date) -> None:
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")


def duration(touch: Touch) -> dt.timedelta:
    """A meeting takes an hour; a call (a meeting by phone) or anything else half one."""
    meeting = touch.action is Action.MET and touch.channel is not Channel.PHONE
    return dt.timedelta(minutes=MEETING_MINUTES if meeting else CALL_MINUTES)


def _planned_event(person: Person, touch: Touch, stamp: dt.datetime) -> Event:
    event = Event()
    action = PLANNED[touch.action]
    event.add("uid", _uid("planned", person, touch.date.isoformat(), touch.action.value))
    event.add("dtstamp", stamp)
    event.add("summary", _Text(f"{action.capitalize()}: {_who(person)}"))
    if touch.time is None:
        _all_day(event, touch.date)
    else:
        start = dt.datetime.combine(touch.date, touch.time)  # floating: no time zone
        event.add("dtstart", start)
        event.add("dtend", start + duration(touch))
    details = [touch.note] if touch.note else []
    if touch.channel:
        details.append(f"Channel: {touch.channel.value}")
    if details:
        event.add("description", _Text("\n".join(details)))
    return event
