"""Facts computed from the data, in one place and as of one day.

Stages, last contact, outreach dates, pending invitations, home/abroad, slugs and the
links between inbound contacts and people: every page, command and metric reads these
fields instead of working them out again.
"""

from __future__ import annotations

import datetime as dt

from generator.model.lookup import InboundMatcher
from generator.model.model import Person, Plan, Touch
from generator.model.slugs import unique_slugs
from generator.model.vocabulary import (
    ADVANCES,
    INVITATION_ANSWERS,
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


def pending_since(touches: list[Touch]) -> dt.date | None:
    """The latest LinkedIn invitation, while nothing came back from it (no connect,
    reply, meeting or decline afterwards). An e-mail is not pending in that sense."""
    invited = [
        t.date
        for t in touches
        if t.action is Action.INVITED and t.channel in (None, Channel.LINKEDIN)
    ]
    if not invited:
        return None
    last = max(invited)
    if any(t.action in INVITATION_ANSWERS and t.date >= last for t in touches):
        return None
    return last


def first_name_of(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def _is_abroad(country: str, home_country: str) -> bool:
    if not country or not home_country:
        return False
    return country.casefold() != home_country.casefold()


def derive_person(person: Person, home_country: str, today: dt.date) -> None:
    person.touches.sort(key=lambda touch: touch.date)
    person.history = [t for t in person.touches if t.date <= today]
    person.planned = [t for t in person.touches if t.date > today]
    person.stage = stage_of(person.history)
    person.reached = reached_stage(person.history)
    contact_dates = [t.date for t in person.history] + [i.date for i in person.inbound]
    person.last_contact = max(contact_dates, default=None)
    person.reached_out_on = min(
        (t.date for t in person.history if t.action in OUTREACH), default=None
    )
    person.pending_since = pending_since(person.history)
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
    for company in plan.companies:
        company.abroad = _is_abroad(company.country, home)
        for person in company.people:
            derive_person(person, home, today)
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
