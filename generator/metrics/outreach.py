"""The week's work: who to invite, who is due a follow-up, what is pending or coming up,
and which targets stay silent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.metrics import memo
from generator.metrics.counts import invitations, invited_this_week, week_start
from generator.model.model import Company, Person, Plan, Touch
from generator.model.vocabulary import ANSWERS, OUTREACH_ORDER, Focus, Stage
from generator.wording import plural

SILENT_AFTER_DAYS = 30
PENDING_AFTER_DAYS = 21
FOLLOW_UPS_PER_WEEK = 20
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
            batch.append(min(waiting, key=lambda p: OUTREACH_ORDER.index(p.focus)))
    return batch


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
        if self.person.email:
            return "try e-mail"
        return "withdraw it and retry later"


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
    nudge = nudge_for(plan, person)
    if nudge is not None:
        return f"invitation pending for {nudge.days} days: {nudge.advice}"
    if is_follow_up_due(plan, person):
        return "due a follow-up"
    if not person.in_touch and not person.reachable:
        return "no linkedin or email yet: add one to reach out"
    if not person.in_touch:
        return "waiting for a future batch"
    return ""


def missing_roles(company: Company) -> list[Focus]:
    """The decision-makers a company still lacks: operations and HR, or a recruiter."""
    focuses = {person.focus for person in company.people}
    needed = (Focus.RECRUITER,) if company.sector.recruiters else (Focus.OPERATIONS, Focus.HR)
    return [focus for focus in needed if focus not in focuses]
