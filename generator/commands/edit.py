"""`playbook log`, `add company`, `add person` and `inbound`: a week's work without an
editor. Each command makes one surgical edit, checked as a whole plan before it is
written, and reports what changed and where."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.editing import yaml_edit
from generator.editing.session import EditReport, EditSession
from generator.model.lookup import find_company, find_person
from generator.model.model import Company
from generator.model.names import fold
from generator.model.slugs import slugify
from generator.model.vocabulary import Action, Channel, Focus
from generator.reading.fields import complete_linkedin
from generator.reading.files import COMPANIES_DIR, INBOUND_FILE


def _present(values: dict[str, object | None]) -> dict[str, object]:
    """The options the user gave, in the order the file keeps them."""
    return {key: value for key, value in values.items() if value not in (None, "")}


def _index_in_file(company: Company, name: str) -> int:
    return next(i for i, person in enumerate(company.people) if person.name == name)


def log_touch(
    plans_dir: Path,
    today: dt.date,
    who: str,
    action: Action,
    *,
    date: dt.date | None = None,
    channel: Channel | None = None,
    note: str = "",
    company: str | None = None,
    dry_run: bool = False,
) -> EditReport:
    session = EditSession(plans_dir, today)
    person = find_person(session.plan, who, company)
    day = date or today
    touch = _present(
        {"date": day.isoformat(), "action": action.value, "channel": channel, "note": note}
    )
    index = _index_in_file(person.company, person.name)
    how = f" ({channel.value})" if channel else ""
    when = "planned for" if day > today else "on"
    summary = f"{person.name}: {action.value.replace('_', ' ')} {when} {day.isoformat()}{how}"
    session.apply(
        person.company.location.path,
        lambda text: yaml_edit.add_touch(text, index, {k: str(v) for k, v in touch.items()}),
        summary,
    )
    return session.finish(dry_run)


def add_company(
    plans_dir: Path,
    today: dt.date,
    name: str,
    sector: str,
    *,
    country: str = "",
    website: str = "",
    why: str = "",
    priority: int | None = None,
    dry_run: bool = False,
) -> EditReport:
    session = EditSession(plans_dir, today)
    known = {s.name.casefold(): s.name for s in session.plan.sectors}
    company = _present(
        {
            "name": name.strip(),
            "sector": known.get(sector.strip().casefold(), sector.strip()),
            "country": country,
            "website": website,
            "why": why,
            "priority": priority,
        }
    )
    folder = plans_dir / COMPANIES_DIR
    path = folder / f"{slugify(name, 'company')}.yaml"
    number = 2
    while path.exists():
        path = folder / f"{slugify(name, 'company')}-{number}.yaml"
        number += 1
    session.create(path, yaml_edit.company_file(company), f"new company {name.strip()}")
    return session.finish(dry_run)


@dataclass(frozen=True)
class PersonDetails:
    first_name: str = ""
    role: str = ""
    focus: Focus | None = None
    country: str = ""
    linkedin: str = ""
    email: str = ""
    hook: str = ""


def add_person(
    plans_dir: Path,
    today: dt.date,
    name: str,
    company_name: str,
    details: PersonDetails,
    dry_run: bool = False,
) -> EditReport:
    session = EditSession(plans_dir, today)
    company = find_company(session.plan, company_name)
    person = _present(
        {
            "name": name.strip(),
            "first_name": details.first_name,
            "role": details.role,
            "focus": details.focus.value if details.focus else None,
            "country": details.country,
            "linkedin": complete_linkedin(details.linkedin) if details.linkedin else "",
            "email": details.email,
            "hook": details.hook,
        }
    )
    session.apply(
        company.location.path,
        lambda text: yaml_edit.add_person(text, person),
        f"{name.strip()} added to {company.name}",
    )
    return session.finish(dry_run)


@dataclass(frozen=True)
class InboundDetails:
    date: dt.date | None = None
    company: str = ""
    channel: Channel | None = None
    about: str = ""
    relevance: int | None = None


def record_inbound(
    plans_dir: Path, today: dt.date, who: str, details: InboundDetails, dry_run: bool = False
) -> EditReport:
    """An inbound contact; a `who` that names someone in the plan is written as the plan
    spells them, with their company when none is given."""
    session = EditSession(plans_dir, today)
    plan = session.plan
    people = [p for p in plan.people if fold(p.name) == fold(who)]
    company = details.company
    if company:
        company = next((c.name for c in plan.companies if fold(c.name) == fold(company)), company)
        people = [p for p in people if p.company.name == company] or people
    name = people[0].name if len(people) == 1 else who.strip()
    if not company and len(people) == 1:
        company = people[0].company.name
    day = details.date or today
    entry = _present(
        {
            "date": day.isoformat(),
            "who": name,
            "company": company,
            "channel": details.channel.value if details.channel else None,
            "about": details.about,
            "relevance": details.relevance,
        }
    )
    known = "" if len(people) == 1 else " (not a person in the plan)"
    from_company = f" of {company}" if company else ""
    session.apply(
        plans_dir / INBOUND_FILE,
        lambda text: yaml_edit.add_inbound(text, entry),
        f"inbound on {day.isoformat()} from {name}{from_company}{known}",
    )
    return session.finish(dry_run)
