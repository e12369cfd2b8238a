"""The week's work: who to invite, who is due a reminder or a follow-up, what is pending,
withdrawn or coming up, and which targets stay silent.

Two cycles follow a person after my first message. While they have never answered, a
reminder is due `follow_up_after_days` business days after my last message, at most
twice; after that, the advice is to try someone else at the company (the 3B7 routine).
Once they answered (connected, replied, met) or called, the keep-alive cycle takes over:
a follow-up after `keep_alive_days` without contact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.drafts.drafts import first_draft_kind
from generator.metrics import memo
from generator.metrics.counts import invitations, invited_this_week, week_start
from generator.model.derive import is_linkedin_invitation
from generator.model.model import Company, Person, Plan, Touch
from generator.model.vocabulary import (
    ANSWERS,
    OUTREACH,
    OUTREACH_ORDER,
    Channel,
    Focus,
    MessageKind,
    Stage,
)
from generator.wording import plural

SILENT_AFTER_DAYS = 30
PENDING_AFTER_DAYS = 21
FOLLOW_UPS_PER_WEEK = 20
# Reminders to someone who never answered, before trying someone else at the company.
MAX_REMINDERS = 2
MAX_REMINDERS_WORDS = "two"
# LinkedIn lets you invite someone again three weeks after withdrawing an invitation.
REINVITE_AFTER_DAYS = 21
# Reached on some channel, so in the keep-alive cycle; a call from someone who is still
# "identified" puts them in it too.
FOLLOW_UP_STAGES = (Stage.INVITED, Stage.CONNECTED, Stage.REPLIED, Stage.MET)


def next_batch(plan: Plan) -> list[Person]:
    """This week's invitations: one person per company, by priority, sectors interleaved.

    A company that already had an invitation this week waits for next week, so no
    company is ever invited all at once.
    """
    return memo(plan, "batch", _next_batch)


def _next_batch(plan: Plan) -> list[Person]:
    quota = max(0, plan.targets.invites_per_week - invited_this_week(plan))
    monday = week_start(plan.today)
    batch: list[Person] = []
    for company in _companies_in_outreach_order(plan):
        if len(batch) >= quota:
            break
        if any(t.date >= monday for p in company.people for t in invitations(p)):
            continue
        waiting = [p for p in company.people if not p.in_touch and p.reachable]
        if waiting:
            batch.append(min(waiting, key=_first_to_contact))
    return batch


def _first_to_contact(person: Person) -> tuple[int, bool]:
    """The future boss first, then the middleman, then HR; an existing connection before
    a stranger of the same kind (a message gets read more often than an invitation)."""
    return OUTREACH_ORDER.index(person.focus), person.already_connected_on is None


def in_batch(plan: Plan, person: Person) -> bool:
    return any(member is person for member in next_batch(plan))


def _companies_in_outreach_order(plan: Plan) -> list[Company]:
    ordered: list[Company] = []
    for priority in sorted({c.priority for c in plan.companies}):
        queues = [[c for c in s.companies if c.priority == priority] for s in plan.sectors]
        while any(queues):
            for queue in queues:
                if queue:
                    ordered.append(queue.pop(0))
    return ordered


def why_no_batch(plan: Plan) -> str:
    """What to do when this week's batch is empty."""
    if not plan.people:
        return "Nobody in the plan yet: add companies and the people to contact there."
    waiting = [p for p in plan.people if not p.in_touch]
    if not waiting:
        return (
            "Everyone in the plan has been contacted: add companies or people, "
            "and keep the connections alive."
        )
    if invited_this_week(plan) >= plan.targets.invites_per_week:
        return "This week's invitations are sent: spend the time on follow-ups."
    unreachable = [p for p in waiting if not p.reachable]
    advice = []
    if len(unreachable) < len(waiting):
        advice.append(
            "everyone else still to contact works at a company invited this week, "
            "so list more companies"
        )
    if unreachable:
        still = plural(len(unreachable), "person", "people")
        advice.append(f"add a linkedin or email to the {still} still to contact without one")
    text = "; ".join(advice)
    return text[0].upper() + text[1:] + "."


def follow_ups_due(plan: Plan) -> list[Person]:
    """People reached (on any channel), or who called, and untouched for
    `keep_alive_days`, longest silence first. A LinkedIn invitation still pending gets a
    nudge instead; someone with a touch booked is already coming up."""
    return memo(plan, "follow_ups", _follow_ups_due)


def _follow_ups_due(plan: Plan) -> list[Person]:
    cutoff = plan.today - dt.timedelta(days=plan.targets.keep_alive_days)
    due = [
        person
        for person in plan.people
        if (person.stage in FOLLOW_UP_STAGES or person.inbound)
        and person.unanswered is None
        and person.pending_since is None
        and not person.planned
        and person.last_contact is not None
        and person.last_contact <= cutoff
    ]
    return sorted(due, key=lambda p: (p.last_contact or plan.today, p.name))


def follow_ups_this_week(plan: Plan) -> list[Person]:
    """The longest-silent follow-ups, as many as one week can take."""
    return follow_ups_due(plan)[:FOLLOW_UPS_PER_WEEK]


def is_follow_up_due(plan: Plan, person: Person) -> bool:
    return any(due is person for due in follow_ups_due(plan))


@dataclass(frozen=True)
class Nudge:
    """An invitation left unanswered for weeks, and what to do about it."""

    person: Person
    since: dt.date
    days: int

    @property
    def advice(self) -> str:
        """E-mail is worth a try until it has been tried; after that, the invitation
        only counts against you."""
        run = self.person.unanswered
        if self.person.email and not (run is not None and run.emailed):
            return "try e-mail"
        return "withdraw it; LinkedIn lets you invite again three weeks later"


def pending_invitations(plan: Plan) -> list[Nudge]:
    """Invitations pending for 21+ days: LinkedIn counts them against you."""
    return memo(plan, "pending", _pending_invitations)


def _pending_invitations(plan: Plan) -> list[Nudge]:
    nudges = []
    for person in plan.people:
        since = person.pending_since
        if since is None or person.stage is not Stage.INVITED:
            continue
        days = (plan.today - since).days
        if days >= PENDING_AFTER_DAYS:
            nudges.append(Nudge(person, since, days))
    return sorted(nudges, key=lambda n: (n.since, n.person.name))


def nudge_for(plan: Plan, person: Person) -> Nudge | None:
    return next((n for n in pending_invitations(plan) if n.person is person), None)


def add_business_days(day: dt.date, count: int) -> dt.date:
    """The day `count` working days (Monday to Friday) after `day`."""
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def reminder_due_on(plan: Plan, person: Person) -> dt.date | None:
    """When my last unanswered message has waited long enough for a reminder (or, after
    the last reminder, for moving on)."""
    run = person.unanswered
    if run is None:
        return None
    return add_business_days(run.last.date, plan.targets.follow_up_after_days)


@dataclass(frozen=True)
class Reminder:
    """A message nobody answered, and the follow-up it is due."""

    person: Person
    after: Touch  # my last message, unanswered
    number: int  # the first or the second reminder
    channel: Channel | None
    # The draft to send: a reminder on the channel already used, or the first e-mail
    # when a LinkedIn invitation went unanswered and e-mail has not been tried.
    kind: MessageKind
    due: dt.date

    @property
    def how(self) -> str:
        if self.kind is MessageKind.EMAIL:
            return "try e-mail"
        where = f" by {_CHANNEL_WORDS[self.channel]}" if self.channel else ""
        return f"send reminder {self.number} of {MAX_REMINDERS}{where}"

    @property
    def sent(self) -> str:
        """My unanswered message, named: "invited on LinkedIn 2026-11-02"."""
        after = self.after
        if after.channel is Channel.EMAIL:
            verb = "e-mailed"
        elif is_linkedin_invitation(after):
            verb = "invited on LinkedIn"
        elif after.channel is Channel.LINKEDIN:
            verb = "messaged on LinkedIn"
        elif after.channel is Channel.PHONE:
            verb = "called"
        else:
            verb = "wrote"
        return f"{verb} {after.date.isoformat()}"

    @property
    def text(self) -> str:
        return self.person.drafts[self.kind].text

    @property
    def subject(self) -> str:
        """For an e-mail: the first e-mail's subject, as a reply to it for a reminder."""
        if self.channel is not Channel.EMAIL:
            return ""
        subject = self.person.drafts[MessageKind.EMAIL_SUBJECT].text
        return f"Re: {subject}" if self.kind is MessageKind.REMINDER else subject


_CHANNEL_WORDS = {
    Channel.EMAIL: "e-mail",
    Channel.LINKEDIN: "LinkedIn message",
    Channel.PHONE: "phone",
    Channel.MEETING: "meeting",
    Channel.OTHER: "the same channel",
}


def reminder_route(person: Person) -> tuple[Channel | None, MessageKind] | None:
    """Where a reminder can go: e-mail once e-mail was tried; after a LinkedIn invitation
    nothing can be sent there before they accept, so the first e-mail if there is an
    address; else the channel of my last message."""
    run = person.unanswered
    if run is None:
        return None
    if run.emailed:
        return (Channel.EMAIL, MessageKind.REMINDER) if person.email else None
    if is_linkedin_invitation(run.last):
        return (Channel.EMAIL, MessageKind.EMAIL) if person.email else None
    return run.last.channel or person.channel, MessageKind.REMINDER


def next_draft(person: Person) -> MessageKind:
    """The draft for this person's next step, shown first on their page.

    Nobody has been in touch yet: the first message for their channel. My outreach is
    unanswered: the draft its reminder would use (the first e-mail after an unanswered
    invitation, else the reminder). Everyone else: the keep-alive follow-up.
    """
    if not person.contacted:
        return first_draft_kind(person)
    route = reminder_route(person)
    if route is not None:
        return route[1]
    return MessageKind.FOLLOW_UP


def reminders_due(plan: Plan) -> list[Reminder]:
    """People who never answered, `follow_up_after_days` business days after my last
    message, with fewer than two reminders sent; the longest waiting first."""
    due = [r for p in plan.people if (r := reminder_for(plan, p)) is not None]
    return sorted(due, key=lambda r: (r.due, r.person.name))


def reminder_for(plan: Plan, person: Person) -> Reminder | None:
    run, day, route = person.unanswered, reminder_due_on(plan, person), reminder_route(person)
    if run is None or day is None or route is None or person.planned:
        return None
    if run.follow_ups >= MAX_REMINDERS or day > plan.today:
        return None
    channel, kind = route
    return Reminder(person, run.last, run.follow_ups + 1, channel, kind, day)


@dataclass(frozen=True)
class MoveOn:
    """Someone who answered neither my message nor two reminders: time to try someone
    else at the company (`instead`, when the plan names someone not yet contacted)."""

    person: Person
    attempts: int
    since: dt.date
    instead: Person | None


def try_someone_else(plan: Plan) -> list[MoveOn]:
    """After two unanswered reminders and the wait after the last one, until someone
    else at the company is written to."""
    found = [m for p in plan.people if (m := move_on_for(plan, p)) is not None]
    return sorted(found, key=lambda m: (m.since, m.person.name))


def move_on_for(plan: Plan, person: Person) -> MoveOn | None:
    run, day = person.unanswered, reminder_due_on(plan, person)
    if run is None or day is None or person.planned:
        return None
    if run.follow_ups < MAX_REMINDERS or day > plan.today:
        return None
    others = [p for p in person.company.people if p is not person]
    if any(t.action in OUTREACH and t.date > run.last.date for p in others for t in p.history):
        return None
    fresh = [p for p in others if not p.in_touch]
    instead = min(fresh, key=lambda p: (not p.reachable, *_first_to_contact(p)), default=None)
    return MoveOn(person, len(run.attempts), run.first.date, instead)


@dataclass(frozen=True)
class Reinvite:
    """A withdrawn invitation and the day LinkedIn lets me send it again."""

    person: Person
    withdrawn: dt.date
    allowed_from: dt.date

    def ready(self, today: dt.date) -> bool:
        return today >= self.allowed_from

    def when(self, today: dt.date) -> str:
        if self.ready(today):
            return f"invite again now (allowed since {self.allowed_from.isoformat()})"
        return f"invite again from {self.allowed_from.isoformat()}"


def withdrawn_invitations(plan: Plan) -> list[Reinvite]:
    """Invitations I withdrew and have not sent again, with when I may: none for someone
    already reminded twice (try someone else instead) or with something booked."""
    found = [r for p in plan.people if (r := reinvite_for(plan, p)) is not None]
    return sorted(found, key=lambda r: (r.allowed_from, r.person.name))


def reinvite_for(plan: Plan, person: Person) -> Reinvite | None:
    run, withdrawn = person.unanswered, person.withdrawn_on
    if withdrawn is None or person.planned:
        return None
    if run is not None and run.follow_ups >= MAX_REMINDERS:
        return None
    return Reinvite(person, withdrawn, withdrawn + dt.timedelta(days=REINVITE_AFTER_DAYS))


@dataclass(frozen=True)
class Planned:
    person: Person
    touch: Touch


def coming_up(plan: Plan) -> list[Planned]:
    """Touches dated after today (a booked call or meeting), soonest first."""
    return memo(plan, "coming_up", _coming_up)


def _coming_up(plan: Plan) -> list[Planned]:
    items = [Planned(p, t) for p in plan.people for t in p.planned]
    return sorted(items, key=lambda item: (item.touch.date, item.person.name))


def silent_companies(plan: Plan) -> list[Company]:
    """Everyone reached 30+ days ago, nobody answered, and nothing came in from there.

    A decline is an answer too, so a company where someone declined is not silent;
    accepting the invitation (connected) without a word is.
    """
    return memo(plan, "silent", _silent_companies)


def _silent_companies(plan: Plan) -> list[Company]:
    cutoff = plan.today - dt.timedelta(days=SILENT_AFTER_DAYS)
    return [
        company
        for company in plan.companies
        if company.people
        and not company.inbound
        and all(p.reached_out_on is not None and p.reached_out_on <= cutoff for p in company.people)
        and not any(t.action in ANSWERS for p in company.people for t in p.history)
    ]


def next_step(plan: Plan, person: Person) -> str:
    """What the week holds for this person: the same answer on every page, in `next`
    and in the exports."""
    if in_batch(plan, person):
        return "in this week's batch: send the first message now"
    reminder = reminder_for(plan, person)
    if reminder is not None:
        days = plan.targets.follow_up_after_days
        return f"no answer for {plural(days, 'business day', 'business days')}: {reminder.how}"
    move_on = move_on_for(plan, person)
    if move_on is not None:
        tried = plural(move_on.attempts, "message", "messages")
        return f"no answer to {tried}: try someone else at {person.company.name}"
    nudge = nudge_for(plan, person)
    if nudge is not None:
        return f"invitation pending for {nudge.days} days: {nudge.advice}"
    reinvite = reinvite_for(plan, person)
    if reinvite is not None:
        return f"invitation withdrawn on {reinvite.withdrawn}: {reinvite.when(plan.today)}"
    if is_follow_up_due(plan, person):
        return "due a follow-up"
    waiting = _waiting_for_answer(plan, person)
    if waiting:
        return waiting
    if not person.in_touch and not person.reachable:
        return "no linkedin or email yet: add one to reach out"
    if not person.in_touch and person.already_connected_on is not None:
        since = person.already_connected_on
        return f"already connected (since {since}): message them in a future batch"
    if not person.in_touch:
        return "waiting for a future batch"
    return ""


def _waiting_for_answer(plan: Plan, person: Person) -> str:
    """Before a reminder is due: when it will be, or when to move on after the last one."""
    run, due = person.unanswered, reminder_due_on(plan, person)
    if run is None or due is None or due <= plan.today:
        return ""
    if run.follow_ups >= MAX_REMINDERS:
        return f"waiting for an answer: try someone else from {due} if none comes"
    if reminder_route(person) is None:
        return ""
    return f"waiting for an answer: remind them from {due} if none comes"


def missing_roles(company: Company) -> list[Focus]:
    """The decision-makers a company still lacks: operations and HR, or a recruiter."""
    focuses = {person.focus for person in company.people}
    needed = (Focus.RECRUITER,) if company.sector.recruiters else (Focus.OPERATIONS, Focus.HR)
    return [focus for focus in needed if focus not in focuses]
