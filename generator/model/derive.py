"""Facts computed from the data, in one place and as of one day.

Stages, last contact, outreach dates, pending and withdrawn invitations, outreach nobody
answered, connections older than the plan, home/abroad, slugs and the links between
inbound contacts and people: every page, command and metric reads these fields instead
of working them out again.
"""

from __future__ import annotations

import datetime as dt

from generator.model.lookup import InboundMatcher
from generator.model.model import Person, Plan, Touch, Unanswered
from generator.model.slugs import unique_slugs
from generator.model.vocabulary import (
    ADVANCES,
    INVITATION_ANSWERS,
    NOT_CONTACT,
    OUTREACH,
    Action,
    Channel,
    Stage,
    depth,
)


def reached_stage(touches: list[Touch]) -> Stage:
    """The furthest stage any touch reached, whatever happened after it."""
    stages = [ADVANCES[t.action] for t in touches if t.action in ADVANCES]
    return max(stages, key=depth, default=Stage.IDENTIFIED)


def stage_of(touches: list[Touch]) -> Stage:
    """Furthest stage reached by any touch; `declined` when the latest touch declines."""
    if not touches:
        return Stage.IDENTIFIED
    latest = max(enumerate(touches), key=lambda pair: (pair[1].date, pair[0]))[1]
    if latest.action is Action.DECLINED:
        return Stage.DECLINED
    return reached_stage(touches)


def is_linkedin_invitation(touch: Touch) -> bool:
    """An invitation with no channel given is a LinkedIn one (the usual kind)."""
    return touch.action is Action.INVITED and touch.channel in (None, Channel.LINKEDIN)


def pending_since(touches: list[Touch]) -> dt.date | None:
    """The latest LinkedIn invitation, while nothing came back from it (no connect,
    reply, meeting or decline afterwards) and I did not withdraw it. An e-mail is not
    pending in that sense."""
    invited = [t.date for t in touches if is_linkedin_invitation(t)]
    if not invited:
        return None
    last = max(invited)
    ended = INVITATION_ANSWERS | {Action.WITHDRAWN}
    if any(t.action in ended and t.date >= last for t in touches):
        return None
    return last


def withdrawn_on(touches: list[Touch]) -> dt.date | None:
    """When the latest LinkedIn invitation was withdrawn, unless it was answered or sent
    again since (a withdrawal on the invitation's own day follows it)."""
    invited = [t.date for t in touches if is_linkedin_invitation(t)]
    if not invited:
        return None
    last = max(invited)
    withdrawals = [t.date for t in touches if t.action is Action.WITHDRAWN and t.date >= last]
    if not withdrawals or any(t.action in INVITATION_ANSWERS and t.date >= last for t in touches):
        return None
    return max(withdrawals)


def old_connections(touches: list[Touch], campaign_start: dt.date | None) -> list[Touch]:
    """Connections that predate any outreach: dated before my first outreach to the
    person, or, when I never wrote to them, before my first outreach to anyone (a
    connection made once the plan runs is taken as its work, invitation logged or not).
    With no outreach at all yet, every connection is older than the plan."""
    first = min((t.date for t in touches if t.action in OUTREACH), default=campaign_start)
    return [
        t for t in touches if t.action is Action.CONNECTED and (first is None or t.date < first)
    ]


def unanswered(touches: list[Touch], inbound_dates: list[dt.date]) -> Unanswered | None:
    """My outreach, one attempt a day, while nothing ever came back from the person: no
    connect, reply, meeting or decline, and no call from them."""
    if inbound_dates or any(t.action in INVITATION_ANSWERS for t in touches):
        return None
    by_day = {t.date: t for t in touches if t.action in OUTREACH}
    if not by_day:
        return None
    return Unanswered(tuple(by_day[day] for day in sorted(by_day)))


def first_name_of(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def _is_abroad(country: str, home_country: str) -> bool:
    if not country or not home_country:
        return False
    return country.casefold() != home_country.casefold()


def derive_person(
    person: Person, home_country: str, today: dt.date, campaign_start: dt.date | None
) -> None:
    person.touches.sort(key=lambda touch: touch.date)
    person.history = [t for t in person.touches if t.date <= today]
    person.planned = [t for t in person.touches if t.date > today]
    old = old_connections(person.history, campaign_start)
    person.already_connected_on = min((t.date for t in old), default=None)
    person.campaign = [t for t in person.history if not any(t is o for o in old)]
    person.stage = stage_of(person.campaign)
    person.reached = reached_stage(person.campaign)
    contact_dates = [t.date for t in person.history if t.action not in NOT_CONTACT]
    contact_dates += [i.date for i in person.inbound]
    person.last_contact = max(contact_dates, default=None)
    person.reached_out_on = min(
        (t.date for t in person.history if t.action in OUTREACH), default=None
    )
    person.pending_since = pending_since(person.history)
    person.withdrawn_on = withdrawn_on(person.history)
    person.unanswered = unanswered(person.campaign, [i.date for i in person.inbound])
    person.first_name = person.first_name or first_name_of(person.name)
    person.country = person.country or person.company.country
    person.abroad = _is_abroad(person.country, home_country)


def link_inbound(plan: Plan, today: dt.date) -> None:
    """Tie each inbound entry to the company and person it names (no case, no accents).

    Only entries up to `today` count as contact with the person.
    """
    matcher = InboundMatcher(plan)
    for entry in plan.inbound:
        entry.source = matcher.company(entry.company)
        entry.person = matcher.person(entry.who, entry.company)
        if not entry.company and entry.person is not None:
            entry.source = entry.person.company
        if entry.date > today:
            continue
        if entry.person is not None:
            entry.person.inbound.append(entry)
        if entry.source is not None:
            entry.source.inbound.append(entry)


def derive_plan(plan: Plan, today: dt.date) -> None:
    """Set every derived field of the plan as of `today`; called once, after reading."""
    plan.today = today
    home = plan.home_country
    link_inbound(plan, today)
    plan.first_outreach = min(
        (
            t.date
            for p in plan.people
            for t in p.touches
            if t.action in OUTREACH and t.date <= today
        ),
        default=None,
    )
    for company in plan.companies:
        company.abroad = _is_abroad(company.country, home)
        for person in company.people:
            derive_person(person, home, today, plan.first_outreach)
    sector_slugs = unique_slugs((s.name, "") for s in plan.sectors)
    for sector, slug in zip(plan.sectors, sector_slugs, strict=True):
        sector.slug = slug
    company_slugs = unique_slugs((c.name, c.country) for c in plan.companies)
    for company, slug in zip(plan.companies, company_slugs, strict=True):
        company.slug = slug
    people = plan.people
    person_slugs = unique_slugs(((p.name, p.company.name) for p in people), "person")
    for person, slug in zip(people, person_slugs, strict=True):
        person.slug = slug
