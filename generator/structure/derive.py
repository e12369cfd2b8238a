"""Facts computed from the data, in one place: stages, contact dates, slugs, home/abroad."""

from __future__ import annotations

import datetime as dt

from generator.structure.model import STAGES, Person, Plan, Touch
from generator.structure.slugs import unique_slugs

# The stages a touch can advance a person to; other actions only count as contact.
_ADVANCES = {"invited": 1, "connected": 2, "replied": 3, "met": 4}


def reached_stage(touches: list[Touch]) -> str:
    """The furthest stage any touch reached, whatever happened after it."""
    furthest = max((_ADVANCES.get(touch.action, 0) for touch in touches), default=0)
    return STAGES[furthest]


def stage_of(touches: list[Touch]) -> str:
    """Furthest stage reached by any touch; `declined` when the latest touch declines."""
    if not touches:
        return "identified"
    latest = max(enumerate(touches), key=lambda pair: (pair[1].date, pair[0]))[1]
    if latest.action == "declined":
        return "declined"
    return reached_stage(touches)


def last_contact(touches: list[Touch]) -> dt.date | None:
    return max((touch.date for touch in touches), default=None)


def first_invited(touches: list[Touch]) -> dt.date | None:
    return min((touch.date for touch in touches if touch.action == "invited"), default=None)


def first_name_of(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def derive_person(person: Person, home_country: str, today: dt.date) -> None:
    """Facts as of `today`: touches dated later (plans, or typos) do not count yet."""
    person.touches.sort(key=lambda touch: touch.date)
    person.history = [touch for touch in person.touches if touch.date <= today]
    person.stage = stage_of(person.history)
    person.reached = reached_stage(person.history)
    person.last_contact = last_contact(person.history)
    person.invited_on = first_invited(person.history)
    person.first_name = person.first_name or first_name_of(person.name)
    person.country = person.country or person.company.country
    person.abroad = _is_abroad(person.country, home_country)


def _is_abroad(country: str, home_country: str) -> bool:
    if not country or not home_country:
        return False
    return country.casefold() != home_country.casefold()


def derive_plan(plan: Plan, today: dt.date) -> None:
    """Set every derived field of the plan as of `today`; called once, after loading."""
    home = plan.home_country
    for company in plan.companies:
        company.abroad = _is_abroad(company.country, home)
        for person in company.people:
            derive_person(person, home, today)
    for sector, slug in zip(
        plan.sectors, unique_slugs((s.name, "") for s in plan.sectors), strict=True
    ):
        sector.slug = slug
    company_slugs = unique_slugs((c.name, c.country) for c in plan.companies)
    for company, slug in zip(plan.companies, company_slugs, strict=True):
        company.slug = slug
    people = plan.people
    person_slugs = unique_slugs(((p.name, p.company.name) for p in people), "person")
    for person, slug in zip(people, person_slugs, strict=True):
        person.slug = slug
