"""The week's work: who to invite, who is due a reminder or a follow-up, what is pending,
withdrawn or coming up, and which targets stay silent.

Two cycles follow a person after my first message. While they have never answered, a
reminder is due `follow_up_after_days` business days after my last message, at most
twice; after that, the advice is to try someone else at the company (the 3B7 routine).
Once they answered (connected, replied, met, declined) or called, the keep-alive cycle
takes over: a follow-up after `keep_alive_days` without contact. A company where the
no-answer cycle ran out for everyone is a silent target (`is_silent`). Someone who
wrote to me before I ever contacted them waits for my answer (`answer_them`).

These work the figures out from the plan's facts; `situation.Situation` keeps the ones
asked for again and again (this week's batch, the follow-ups, the pending invitations)
and answers for one person (`next_step`).
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Mapping
from dataclasses import dataclass

from generator.drafts.drafts import Drafts, first_draft_kind
from generator.drafts.order import email_subject
from generator.metrics.counts import invitations, invited_this_week, week_start
from generator.model.derive import is_linkedin_invitation
from generator.model.facts import PersonFacts, PlanFacts
from generator.model.model import Company, Inbound, Person, Plan, Touch
from generator.model.names import fold
from generator.model.vocabulary import (
    OUTREACH,
    OUTREACH_ORDER,
    Channel,
    Focus,
    MessageKind,
    Stage,
)
from generator.wording import plural

PENDING_AFTER_DAYS = 21
FOLLOW_UPS_PER_WEEK = 20
# Reminders to someone who never answered, before trying someone else at the company.
MAX_REMINDERS = 2
MAX_REMINDERS_WORDS = "two"
# LinkedIn lets you invite someone again three weeks after withdrawing an invitation.
REINVITE_AFTER_DAYS = 21
# Reached on some channel, so in the keep-alive cycle once they answered; a call from
# someone I contacted puts them in it whatever their stage.
FOLLOW_UP_STAGES = (Stage.INVITED, Stage.CONNECTED, Stage.REPLIED, Stage.MET)


def next_batch(facts: PlanFacts) -> list[Person]:
    """This week's invitations: one person per company, by priority, sectors interleaved.

    A company that already had an invitation this week waits for next week, so no
    company is ever invited all at once.
    """
    quota = max(0, facts.plan.targets.invites_per_week - invited_this_week(facts))
    monday = week_start(facts.today)
    batch: list[Person] = []
    for company in _companies_in_outreach_order(facts.plan):
        if len(batch) >= quota:
            break
        people = facts[company].people
        if any(t.date >= monday for p in people for t in invitations(p)):
            continue
        waiting = [p for p in people if not p.in_touch and p.person.reachable]
        if waiting:
            batch.append(min(waiting, key=_first_to_contact).person)
    return batch


def _first_to_contact(person: PersonFacts) -> tuple[int, bool]:
    """The future boss first, then the middleman, then HR; an existing connection before
    a stranger of the same kind (a message gets read more often than an invitation)."""
    return OUTREACH_ORDER.index(person.person.focus), person.already_connected_on is None


def _companies_in_outreach_order(plan: Plan) -> list[Company]:
    ordered: list[Company] = []
    for priority in sorted({c.priority for c in plan.companies}):
        queues = [[c for c in s.companies if c.priority == priority] for s in plan.sectors]
        while any(queues):
            for queue in queues:
                if queue:
                    ordered.append(queue.pop(0))
    return ordered


def why_no_batch(facts: PlanFacts) -> str:
    """What to do when this week's batch is empty."""
    if not facts.people:
        return "Nobody in the plan yet: add companies and the people to contact there."
    waiting = [p for p in facts.people if not p.in_touch]
    if not waiting and any(p.waiting_for_me is not None for p in facts.people):
        return (
            "Everyone else in the plan has been contacted: answer those who wrote to you "
            "first, add companies or people, and keep the connections alive."
        )
    if not waiting:
        return (
            "Everyone in the plan has been contacted: add companies or people, "
            "and keep the connections alive."
        )
    if invited_this_week(facts) >= facts.plan.targets.invites_per_week:
        return "This week's invitations are sent: spend the time on follow-ups."
    unreachable = [p for p in waiting if not p.person.reachable]
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


def follow_ups_due(facts: PlanFacts) -> list[Person]:
    """People I reached (on any channel) who answered in any way, untouched for
    `keep_alive_days`, longest silence first. A LinkedIn invitation still pending gets a
    nudge instead; someone with a touch booked is already coming up; someone who wrote
    to me first and never heard back is to be answered (`answer_them`)."""
    cutoff = facts.today - dt.timedelta(days=facts.plan.targets.keep_alive_days)
    due = [
        person
        for person in facts.people
        if (person.stage in FOLLOW_UP_STAGES or person.inbound)
        and person.contacted
        and person.answered
        and person.pending_since is None
        and not person.planned
        and person.last_contact is not None
        and person.last_contact <= cutoff
    ]
    due.sort(key=lambda p: (p.last_contact or facts.today, p.person.name))
    return [p.person for p in due]


@dataclass(frozen=True)
class Nudge:
    """An invitation left unanswered for weeks, and what to do about it."""

    person: Person
    since: dt.date
    days: int
    # Whether any message of mine to them went by e-mail.
    emailed: bool

    @property
    def advice(self) -> str:
        """E-mail is worth a try until it has been tried; after that, the invitation
        only counts against you."""
        if self.person.email and not self.emailed:
            return "try e-mail"
        return "withdraw it; LinkedIn lets you invite again three weeks later"


def pending_invitations(facts: PlanFacts) -> list[Nudge]:
    """Invitations pending for 21+ days: LinkedIn counts them against you. Whoever
    answered in any way since the invitation (a call too) is not pending."""
    nudges = []
    for person in facts.people:
        since = person.pending_since
        if since is None or person.stage is not Stage.INVITED:
            continue
        days = (facts.today - since).days
        if days >= PENDING_AFTER_DAYS:
            nudges.append(Nudge(person.person, since, days, person.emailed))
    return sorted(nudges, key=lambda n: (n.since, n.person.name))


def add_business_days(day: dt.date, count: int) -> dt.date:
    """The day `count` working days (Monday to Friday) after `day`."""
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def reminder_due_on(facts: PlanFacts, person: Person) -> dt.date | None:
    """When my last unanswered message has waited long enough for a reminder (or, after
    the last reminder, for moving on)."""
    run = facts[person].unanswered
    if run is None:
        return None
    return add_business_days(run.last.date, facts.plan.targets.follow_up_after_days)


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
    # The draft's text, and for an e-mail its subject: the first e-mail's, as a reply to
    # it for a reminder ("Re: …"); "" for any other channel.
    text: str
    subject: str

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


def _subject(drafts: Drafts, channel: Channel | None, kind: MessageKind) -> str:
    return email_subject(drafts, kind) if channel is Channel.EMAIL else ""


_CHANNEL_WORDS = {
    Channel.EMAIL: "e-mail",
    Channel.LINKEDIN: "LinkedIn message",
    Channel.PHONE: "phone",
    Channel.MEETING: "meeting",
    Channel.OTHER: "the same channel",
}


def reminder_route(person: PersonFacts) -> tuple[Channel | None, MessageKind] | None:
    """Where a reminder can go: e-mail once e-mail was tried; after a LinkedIn invitation
    nothing can be sent there before they accept, so the first e-mail if there is an
    address; else the channel of my last message."""
    run = person.unanswered
    if run is None:
        return None
    email = person.person.email
    if run.emailed:
        return (Channel.EMAIL, MessageKind.REMINDER) if email else None
    if is_linkedin_invitation(run.last):
        return (Channel.EMAIL, MessageKind.EMAIL) if email else None
    return run.last.channel or person.person.channel, MessageKind.REMINDER


def next_draft(person: PersonFacts, follow_up_due: bool) -> MessageKind | None:
    """The draft for this person's next step, marked as such on their page; None when
    no draft is the next step.

    Nobody has been in touch yet: the first message for their channel. They wrote to
    me first: none (answer what they wrote). Something is booked: none (the meeting is
    next). My outreach is unanswered: the draft its reminder would use (the first e-mail
    after an unanswered invitation, else the reminder; none when nothing can be sent, or
    after the last reminder: then the next step is someone else at the company).
    They answered: the keep-alive follow-up once it is due, none before (after a reply
    or a meeting, the next step is the meeting or the thanks).
    """
    if person.planned or person.waiting_for_me is not None:
        return None
    if not person.contacted:
        return first_draft_kind(person)
    run, route = person.unanswered, reminder_route(person)
    if run is not None and run.follow_ups >= MAX_REMINDERS:
        return None
    if route is not None:
        return route[1]
    if follow_up_due:
        return MessageKind.FOLLOW_UP
    return None


def opened_draft(person: PersonFacts, next_kind: MessageKind | None) -> MessageKind | None:
    """The draft a page opens first: the next step's; for someone who wrote first, the
    e-mail (who I am and what I want, to send as my answer); for someone who answered,
    the follow-up (the draft of their stage); else the page's first."""
    if next_kind is not None:
        return next_kind
    if person.waiting_for_me is not None:
        return MessageKind.EMAIL
    return MessageKind.FOLLOW_UP if person.answered else None


def answer_them(facts: PlanFacts) -> list[PersonFacts]:
    """People who called or wrote to me first and whom I never contacted: they wait for
    my answer. The longest waiting first."""
    waiting = [p for p in facts.people if p.waiting_for_me is not None]
    return sorted(waiting, key=lambda p: (_waiting_since(p, facts.today), p.person.name))


def answered_command(plan: Plan, person: Person, entry: Inbound) -> str:
    """What to run once I have answered someone who wrote first: on the channel they used,
    with their company when the plan holds a namesake."""
    namesakes = sum(1 for other in plan.people if fold(other.name) == fold(person.name))
    company = f" --company {shlex.quote(person.company.name)}" if namesakes > 1 else ""
    return f"playbook log {shlex.quote(person.name)} messaged{company} --channel {entry.channel}"


def _waiting_since(person: PersonFacts, today: dt.date) -> dt.date:
    entry = person.waiting_for_me
    return entry.date if entry is not None else today


def reminders_due(facts: PlanFacts, drafts: Mapping[Person, Drafts]) -> list[Reminder]:
    """People who never answered, `follow_up_after_days` business days after my last
    message, with fewer than two reminders sent; the longest waiting first."""
    due = [r for p in facts.plan.people if (r := reminder_for(facts, p, drafts[p])) is not None]
    return sorted(due, key=lambda r: (r.due, r.person.name))


def reminder_for(facts: PlanFacts, person: Person, drafts: Drafts) -> Reminder | None:
    known = facts[person]
    run, day, route = known.unanswered, reminder_due_on(facts, person), reminder_route(known)
    if run is None or day is None or route is None or known.planned:
        return None
    if run.follow_ups >= MAX_REMINDERS or day > facts.today:
        return None
    channel, kind = route
    text, subject = drafts[kind].text, _subject(drafts, channel, kind)
    return Reminder(person, run.last, run.follow_ups + 1, channel, kind, day, text, subject)


@dataclass(frozen=True)
class MoveOn:
    """Someone who answered neither my message nor two reminders: time to try someone
    else at the company (`instead`, when the plan names someone not yet contacted)."""

    person: Person
    attempts: int
    since: dt.date
    instead: Person | None


def try_someone_else(facts: PlanFacts) -> list[MoveOn]:
    """After two unanswered reminders and the wait after the last one, until someone
    else at the company is written to."""
    found = [m for p in facts.plan.people if (m := move_on_for(facts, p)) is not None]
    return sorted(found, key=lambda m: (m.since, m.person.name))


def move_on_for(facts: PlanFacts, person: Person) -> MoveOn | None:
    known = facts[person]
    run, day = known.unanswered, reminder_due_on(facts, person)
    if run is None or day is None or known.planned:
        return None
    if run.follow_ups < MAX_REMINDERS or day > facts.today:
        return None
    others = [p for p in facts[person.company].people if p.person is not person]
    if any(t.action in OUTREACH and t.date > run.last.date for p in others for t in p.history):
        return None
    fresh = [p for p in others if not p.in_touch]
    instead = min(
        fresh, key=lambda p: (not p.person.reachable, *_first_to_contact(p)), default=None
    )
    chosen = instead.person if instead is not None else None
    return MoveOn(person, len(run.attempts), run.first.date, chosen)


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


def withdrawn_invitations(facts: PlanFacts) -> list[Reinvite]:
    """Invitations I withdrew and have not sent again, with when I may: none for someone
    already reminded twice (try someone else instead) or with something booked."""
    found = [r for p in facts.plan.people if (r := reinvite_for(facts, p)) is not None]
    return sorted(found, key=lambda r: (r.allowed_from, r.person.name))


def reinvite_for(facts: PlanFacts, person: Person) -> Reinvite | None:
    known = facts[person]
    run, withdrawn = known.unanswered, known.withdrawn_on
    if withdrawn is None or known.planned:
        return None
    if run is not None and run.follow_ups >= MAX_REMINDERS:
        return None
    return Reinvite(person, withdrawn, withdrawn + dt.timedelta(days=REINVITE_AFTER_DAYS))


@dataclass(frozen=True)
class Planned:
    person: Person
    touch: Touch


def coming_up(facts: PlanFacts) -> list[Planned]:
    """Touches dated after today (a booked call or meeting), soonest first."""
    items = [Planned(p.person, t) for p in facts.people for t in p.planned]
    return sorted(items, key=lambda item: (item.touch.date, item.person.name))


def is_silent(facts: PlanFacts, person: PersonFacts) -> bool:
    """The no-answer cycle is over for them: my outreach never got an answer (the same
    answers that end the reminders: accepted, replied, met, declined, a call), the
    reminders are sent (two, or none where none can go: a LinkedIn invitation and no
    e-mail address), and `follow_up_after_days` business days passed since my last
    message."""
    run, due = person.unanswered, reminder_due_on(facts, person.person)
    if run is None or due is None or due > facts.today:
        return False
    return run.follow_ups >= MAX_REMINDERS or reminder_route(person) is None


def silent_companies(facts: PlanFacts) -> list[Company]:
    """Companies where everyone the plan names is silent (`is_silent`) and nothing came
    in from the company: one definition with the reminder cycle's."""
    return [
        company.company
        for company in facts.company_facts.values()
        if company.people
        and not company.inbound
        and all(is_silent(facts, p) for p in company.people)
    ]


def waiting_for_answer(facts: PlanFacts, person: Person) -> str:
    """Before a reminder is due: when it will be, or when to move on after the last one."""
    run, due = facts[person].unanswered, reminder_due_on(facts, person)
    if run is None or due is None or due <= facts.today:
        return ""
    if run.follow_ups >= MAX_REMINDERS:
        return f"waiting for an answer: try someone else from {due} if none comes"
    if reminder_route(facts[person]) is None:
        if not any(is_linkedin_invitation(touch) for touch in run.attempts):
            return ""
        return (
            "waiting for them to accept the invitation: no way to remind them before "
            "(an e-mail address would give one)"
        )
    return f"waiting for an answer: remind them from {due} if none comes"


def missing_roles(company: Company) -> list[Focus]:
    """The decision-makers a company still lacks: operations and HR, or a recruiter."""
    focuses = {person.focus for person in company.people}
    needed = (Focus.RECRUITER,) if company.sector.recruiters else (Focus.OPERATIONS, Focus.HR)
    return [focus for focus in needed if focus not in focuses]
