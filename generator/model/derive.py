"""Facts computed from the data, in one place and as of one day (`plan_facts`).

Stages, last contact, outreach dates, pending and withdrawn invitations, outreach nobody
answered, connections older than the plan, home/abroad, a first name and a country
where the file gives none, slugs, and who called: every page, command and metric reads
the `model.facts` these make instead of working them out again. The plan itself is not
changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.model.facts import CompanyFacts, PersonFacts, PlanFacts, SectorFacts, Unanswered
from generator.model.model import Company, Inbound, Person, Plan, Touch
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


def reached_stage(touches: Sequence[Touch]) -> Stage:
    """The furthest stage any touch reached, whatever happened after it."""
    stages = [ADVANCES[t.action] for t in touches if t.action in ADVANCES]
    return max(stages, key=depth, default=Stage.IDENTIFIED)


def stage_of(touches: Sequence[Touch]) -> Stage:
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


def pending_since(
    touches: Sequence[Touch], inbound_dates: Sequence[dt.date] = ()
) -> dt.date | None:
    """The latest LinkedIn invitation, while nothing came back from it (no connect,
    reply, meeting or decline afterwards, and no call or message from them since) and I
    did not withdraw it. An e-mail is not pending in that sense."""
    invited = [t.date for t in touches if is_linkedin_invitation(t)]
    if not invited:
        return None
    last = max(invited)
    ended = INVITATION_ANSWERS | {Action.WITHDRAWN}
    if any(t.action in ended and t.date >= last for t in touches):
        return None
    if any(day >= last for day in inbound_dates):
        return None
    return last


def withdrawn_on(touches: Sequence[Touch]) -> dt.date | None:
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


def old_connections(touches: Sequence[Touch], campaign_start: dt.date | None) -> list[Touch]:
    """Connections that predate any outreach: dated before my first outreach to the
    person, or, when I never wrote to them, before my first outreach to anyone (a
    connection made once the plan runs is taken as its work, invitation logged or not).
    With no outreach at all yet, every connection is older than the plan."""
    first = min((t.date for t in touches if t.action in OUTREACH), default=campaign_start)
    return [
        t for t in touches if t.action is Action.CONNECTED and (first is None or t.date < first)
    ]


def unanswered(touches: Sequence[Touch], inbound_dates: list[dt.date]) -> Unanswered | None:
    """My outreach, one attempt a day, while nothing ever came back from the person: no
    connect, reply, meeting or decline, and no call from them."""
    if inbound_dates or any(t.action in INVITATION_ANSWERS for t in touches):
        return None
    outreach = [t for t in touches if t.action in OUTREACH]
    if not outreach:
        return None
    by_day = {t.date: t for t in outreach}
    emailed = any(t.channel is Channel.EMAIL for t in outreach)
    return Unanswered(tuple(by_day[day] for day in sorted(by_day)), emailed)


def first_name_of(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def _is_abroad(country: str, home_country: str) -> bool:
    if not country or not home_country:
        return False
    return country.casefold() != home_country.casefold()


def person_facts(
    person: Person,
    slug: str,
    inbound: tuple[Inbound, ...],
    home_country: str,
    today: dt.date,
    campaign_start: dt.date | None,
) -> PersonFacts:
    touches = sorted(person.touches, key=lambda touch: touch.date)
    history = [t for t in touches if t.date <= today]
    old = old_connections(history, campaign_start)
    campaign = [t for t in history if not any(t is o for o in old)]
    contact_dates = [t.date for t in history if t.action not in NOT_CONTACT]
    contact_dates += [i.date for i in inbound]
    country = person.country or person.company.country
    return PersonFacts(
        person=person,
        slug=slug,
        effective_first_name=person.first_name or first_name_of(person.name),
        effective_country=country,
        abroad=_is_abroad(country, home_country),
        history=tuple(history),
        planned=tuple(t for t in touches if t.date > today),
        campaign=tuple(campaign),
        already_connected_on=min((t.date for t in old), default=None),
        inbound=inbound,
        stage=stage_of(campaign),
        reached=reached_stage(campaign),
        last_contact=max(contact_dates, default=None),
        reached_out_on=min((t.date for t in history if t.action in OUTREACH), default=None),
        pending_since=pending_since(history, [i.date for i in inbound]),
        withdrawn_on=withdrawn_on(history),
        unanswered=unanswered(campaign, [i.date for i in inbound]),
    )


def plan_facts(plan: Plan, today: dt.date) -> PlanFacts:
    """Every fact of the plan as of `today`: worked out once, after reading.

    Only inbound entries up to `today` count as contact with a person or a company.
    """
    home = plan.home_country
    from_person: dict[Person, list[Inbound]] = {}
    from_company: dict[Company, list[Inbound]] = {}
    for entry in plan.inbound:
        if entry.date > today:
            continue
        if entry.person is not None:
            from_person.setdefault(entry.person, []).append(entry)
        if entry.source is not None:
            from_company.setdefault(entry.source, []).append(entry)
    first_outreach = min(
        (
            t.date
            for p in plan.people
            for t in p.touches
            if t.action in OUTREACH and t.date <= today
        ),
        default=None,
    )
    sector_slugs = unique_slugs((s.name, "") for s in plan.sectors)
    company_slugs = unique_slugs((c.name, c.country) for c in plan.companies)
    people = plan.people
    person_slugs = unique_slugs(((p.name, p.company.name) for p in people), "person")
    slugs = dict(zip(people, person_slugs, strict=True))
    of_people: dict[Person, PersonFacts] = {}
    of_companies: dict[Company, CompanyFacts] = {}
    for company, slug in zip(plan.companies, company_slugs, strict=True):
        members = tuple(
            person_facts(
                person,
                slugs[person],
                tuple(from_person.get(person, ())),
                home,
                today,
                first_outreach,
            )
            for person in company.people
        )
        of_people.update((member.person, member) for member in members)
        of_companies[company] = CompanyFacts(
            company=company,
            slug=slug,
            abroad=_is_abroad(company.country, home),
            inbound=tuple(from_company.get(company, ())),
            people=members,
        )
    of_sectors = {
        sector: SectorFacts(sector, slug, tuple(of_companies[c] for c in sector.companies))
        for sector, slug in zip(plan.sectors, sector_slugs, strict=True)
    }
    return PlanFacts(plan, today, first_outreach, of_people, of_companies, of_sectors)
