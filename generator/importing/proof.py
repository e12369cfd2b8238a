"""What the export proves about one person of the plan, as touches the plan lacks.

| in the export                                 | becomes                                  |
|-----------------------------------------------|------------------------------------------|
| a connection                                  | `connected` on Connected On (once ever), |
|                                               | their address and e-mail if missing      |
| my invitation (OUTGOING)                      | `invited`                                |
| their invitation (INCOMING)                   | an inbound entry                         |
| my message                                    | `messaged`; `followed_up` while my last  |
|                                               | message to them is unanswered            |
| theirs, after any outreach of mine            | `replied`                                |
| theirs, when I never wrote                    | an inbound entry (in a group: listed)    |

Times are UTC in the export and become days on this computer's clock. One touch per
person, action and day; a touch of the plan with the same action within a day of it
(a day either way: time zones) is the same touch, so importing again, or importing an
older export after a newer one, adds nothing. `messaged` and `followed_up` are one
action for that purpose: which of the two a message is can depend on what the plan
knew when it was logged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.importing.matching import Match, Profile
from generator.importing.messages import Message
from generator.model.facts import PersonFacts, PlanFacts
from generator.model.model import Person, Touch
from generator.model.vocabulary import ANSWERS, OUTREACH, Action, Channel

# Touches that are one for the purpose of "the same touch".
_FAMILY = {
    Action.INVITED: Action.INVITED,
    Action.CONNECTED: Action.CONNECTED,
    Action.MESSAGED: Action.MESSAGED,
    Action.FOLLOWED_UP: Action.MESSAGED,
    Action.REPLIED: Action.REPLIED,
}
# How long an inbound entry's `about` may be; a message's text is cut to it.
ABOUT_LENGTH = 120
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class NewTouch:
    person: Person
    day: dt.date
    action: Action


@dataclass(frozen=True)
class NewInbound:
    person: Person
    day: dt.date
    about: str


@dataclass
class Proof:
    """What the export adds for one person."""

    person: Person
    fields: dict[str, str] = field(default_factory=dict)  # linkedin, email
    touches: list[NewTouch] = field(default_factory=list)
    inbound: list[NewInbound] = field(default_factory=list)
    later: int = 0  # things dated after today: not logged yet
    # Days with messages from them in a group conversation when I never wrote to them.
    group_only: list[dt.date] = field(default_factory=list)


def prove(facts: PlanFacts, match: Match) -> Proof:
    person = match.person
    assert person is not None, "only a certain match proves anything"
    profile = match.profile
    proof = Proof(person)
    if not person.linkedin and profile.url and profile.key:
        proof.fields["linkedin"] = profile.url
    if not person.email and profile.email:
        proof.fields["email"] = profile.email
    today = facts.today

    wanted: list[tuple[dt.date, Action]] = []
    connected_on = profile.connected_on
    if connected_on is not None and not any(t.action is Action.CONNECTED for t in person.touches):
        wanted.append((connected_on, Action.CONNECTED))
    inbound: dict[dt.date, str] = {}
    for invitation in profile.invitations:
        day = invitation.when.local_day()
        if invitation.outgoing:
            wanted.append((day, Action.INVITED))
        else:
            about = "Invited you on LinkedIn" + (f": {invitation.note}" if invitation.note else "")
            inbound.setdefault(day, about)
    replies, first_contacts, group_only = _conversation(facts[person], profile)
    wanted += replies
    for day, about in first_contacts:
        inbound.setdefault(day, about)
    proof.group_only = sorted({day for day in group_only if day <= today})

    proof.later = sum(1 for day, _ in wanted if day > today) + sum(1 for d in inbound if d > today)
    wanted = [(day, action) for day, action in wanted if day <= today]
    for action in dict.fromkeys(_FAMILY[a] for _, a in wanted):
        days = sorted({(day, a) for day, a in wanted if _FAMILY[a] is action})
        have = [t.date for t in person.touches if _same_kind(t, action)]
        new = _new_days([day for day, _ in days], have)
        chosen = {day: a for day, a in days}
        proof.touches += [NewTouch(person, day, chosen[day]) for day in new]
    proof.touches.sort(key=lambda touch: (touch.day, list(_FAMILY).index(touch.action)))
    had = [
        e.date for e in facts.plan.inbound if e.person is person and e.channel is Channel.LINKEDIN
    ]
    for day in _new_days(sorted(d for d in inbound if d <= today), had):
        proof.inbound.append(NewInbound(person, day, _shortened(inbound[day])))
    return proof


def _same_kind(touch: Touch, action: Action) -> bool:
    """A touch of the plan that an exported one of this action may be: the same action
    (message and follow-up alike), on LinkedIn or on no channel named."""
    if _FAMILY.get(touch.action) is not action:
        return False
    return action is Action.CONNECTED or touch.channel in (None, Channel.LINKEDIN)


def _new_days(proposed: list[dt.date], existing: list[dt.date]) -> list[dt.date]:
    """The proposed days no existing touch stands for: each existing touch stands for one
    proposed day, its own first, else one a day either side of it."""
    left = sorted(existing)
    unmatched = []
    for day in proposed:
        if day in left:
            left.remove(day)
        else:
            unmatched.append(day)
    new = []
    for day in unmatched:
        near = next((d for d in left if abs(d - day) <= ONE_DAY), None)
        if near is None:
            new.append(day)
        else:
            left.remove(near)
    return new


def _conversation(
    person: PersonFacts, profile: Profile
) -> tuple[list[tuple[dt.date, Action]], list[tuple[dt.date, str]], list[dt.date]]:
    """My messages and theirs, in time order, as (touches, inbound, group-only days)."""
    mine = sorted({_at(m): m for m in profile.sent}.items())
    theirs = sorted({_at(m): (m, group) for m, group in profile.received}.items())
    outreach = [
        inv.when.instant or _start(inv.when.day) for inv in profile.invitations if inv.outgoing
    ]
    outreach += [at for at, _ in mine]
    events: list[tuple[dt.datetime, bool, Message, bool]] = [
        *((at, True, message, False) for at, message in mine),
        *((at, False, message, group) for at, (message, group) in theirs),
    ]
    events.sort(key=lambda event: (event[0], event[1]))
    touches: list[tuple[dt.date, Action]] = []
    inbound: list[tuple[dt.date, str]] = []
    group_only: list[dt.date] = []
    last_mine: dt.date | None = None
    answered = True
    for at, from_me, message, group in events:
        day = message.when.local_day()
        if from_me:
            if last_mine == day:
                continue  # one touch a day: the first message of the day decides
            unanswered = last_mine is not None and not answered
            if unanswered and last_mine is not None and _plan_answered(person, last_mine, day):
                unanswered = False
            touches.append((day, Action.FOLLOWED_UP if unanswered else Action.MESSAGED))
            last_mine, answered = day, False
            continue
        answered = True
        if any(when < at for when in outreach) or _plan_outreach_before(person, day):
            touches.append((day, Action.REPLIED))
        elif group:
            group_only.append(day)
        else:
            text = message.subject or message.start
            inbound.append((day, "Message on LinkedIn" + (f": {text}" if text else "")))
    return touches, inbound, group_only


def _at(message: Message) -> dt.datetime:
    return message.when.instant or _start(message.when.day)


def _start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _plan_outreach_before(person: PersonFacts, day: dt.date) -> bool:
    """Outreach the plan holds before a message of theirs: on another channel up to that
    day; on LinkedIn (or none named) two days before, as a touch a day either side of it
    may be this very export's own message, whose time the export knows better."""
    for touch in person.person.touches:
        if touch.action not in OUTREACH:
            continue
        if touch.channel in (None, Channel.LINKEDIN):
            if touch.date <= day - 2 * ONE_DAY:
                return True
        elif touch.date <= day:
            return True
    return False


def _plan_answered(person: PersonFacts, since: dt.date, day: dt.date) -> bool:
    """An answer from them the plan holds between two messages of mine."""
    answers = any(t.action in ANSWERS and since <= t.date <= day for t in person.person.touches)
    return answers or any(since <= entry.date <= day for entry in person.inbound)


def _shortened(text: str) -> str:
    if len(text) <= ABOUT_LENGTH:
        return text
    return text[: ABOUT_LENGTH - 1].rstrip() + "…"
