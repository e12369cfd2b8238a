"""`playbook log`, `add company`, `add person` and `inbound`: a week's work without an
editor. Each command checks its options as the plan would (reported as `--email: …`),
makes one surgical edit, checks the whole plan with it before writing, and reports
what changed and where."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.editing import yaml_edit
from generator.editing.session import EditReport, EditSession
from generator.errors import Location, PlaybookError
from generator.model.lookup import InboundMatcher, NotFound, find_company, find_person
from generator.model.model import Company, Person, Plan
from generator.model.names import close_matches, fold
from generator.model.slugs import slugify
from generator.model.vocabulary import PLANNED, Action, Channel, Focus
from generator.reading.fields import (
    INVALID,
    Context,
    Email,
    Field,
    LinkedInUrl,
    Name,
    Text,
    Url,
)
from generator.reading.files import COMPANIES_DIR, INBOUND_FILE


def _present(values: Mapping[str, object | None]) -> dict[str, object]:
    """The options the user gave, in the order the file keeps them."""
    return {key: value for key, value in values.items() if value not in (None, "")}


def _option(field: Field, value: str, option: str) -> Any:
    """An option's value checked by the same field as the plan file's key."""
    if not value:
        return value
    ctx = Context(Path(option), "")
    cleaned = field.clean(ctx, value, "", Location(Path(option)))
    if cleaned is INVALID:
        raise PlaybookError(f"{option}: {ctx.problems[0].message}; nothing was written")
    return cleaned


def _index_in_file(person: Person) -> int:
    return next(i for i, other in enumerate(person.company.people) if other is person)


def _clock(time: dt.time | None) -> str | None:
    """A time as a touch's `time` key holds it: `10:00`."""
    return f"{time:%H:%M}" if time is not None else None


def _same_touch(person: Person, touch: dict[str, object]) -> bool:
    """The very touch is recorded already (the command run twice)."""
    for t in person.touches:
        existing = {
            "date": t.date.isoformat(),
            "time": _clock(t.time),
            "action": t.action.value,
            "channel": t.channel.value if t.channel else None,
            "note": t.note or None,
        }
        if _present(existing) == touch:
            return True
    return False


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
    at: dt.time | None = None,
    dry_run: bool = False,
) -> EditReport:
    session = EditSession(plans_dir, today)
    person = find_person(session.plan, who, company)
    day = date or today
    touch = _present(
        {
            "date": day.isoformat(),
            "time": _clock(at),
            "action": action.value,
            "channel": channel.value if channel else None,
            "note": _option(Text(max_length=2000, multiline=True), note, "--note"),
        }
    )
    when = f"{day.isoformat()} at {touch['time']}" if at is not None else day.isoformat()
    if _same_touch(person, touch):
        raise PlaybookError(
            f"{person.name} already has this {action.value.replace('_', ' ')} on "
            f"{when}; nothing was written"
        )
    how = f" ({channel.value})" if channel else ""
    if day > today:
        summary = f"{person.name}: {PLANNED[action]} planned for {when}{how}"
    else:
        summary = f"{person.name}: {action.value.replace('_', ' ')} on {when}{how}"
    index = _index_in_file(person)
    session.apply(
        person.company.location.path,
        lambda text: yaml_edit.add_touch(text, index, {k: str(v) for k, v in touch.items()}),
        summary,
    )
    return session.finish(dry_run)


def _sector_name(plan: Plan, sector: str) -> str:
    for known in plan.sectors:
        if fold(known.name) == fold(sector):
            return known.name
    names = [s.name for s in plan.sectors]
    near = close_matches(sector, ((n, n) for n in names), n=1)
    hint = f"did you mean '{near[0]}'?" if near else f"expected one of {', '.join(names)}"
    raise PlaybookError(
        f"--sector: '{sector}' is not a sector of plan.yaml; {hint} (nothing was written)"
    )


def _company_file(plans_dir: Path, name: str) -> Path:
    folder = plans_dir / COMPANIES_DIR
    path = folder / f"{slugify(name, 'company')}.yaml"
    number = 2
    while path.exists():
        path = folder / f"{slugify(name, 'company')}-{number}.yaml"
        number += 1
    return path


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
    name = _option(Name(), name, "NAME")
    if not name:
        raise PlaybookError("NAME: a company needs a name; nothing was written")
    existing = next((c for c in session.plan.companies if fold(c.name) == fold(name)), None)
    if existing is not None:
        raise PlaybookError(
            f"{existing.name} is already in {existing.location.path}; nothing was written"
        )
    company = _present(
        {
            "name": name,
            "sector": _sector_name(session.plan, sector),
            "country": _option(Text(max_length=100), country, "--country"),
            "website": _option(Url(), website, "--website"),
            "why": _option(Text(max_length=1000), why, "--why"),
            "priority": priority,
        }
    )
    path = _company_file(plans_dir, name)
    session.create(path, yaml_edit.company_file(company), f"new company {name}")
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
    name = _option(Name(), name, "NAME")
    if not name:
        raise PlaybookError("NAME: a person needs a name; nothing was written")
    if any(fold(p.name) == fold(name) for p in company.people):
        raise PlaybookError(f"{name} is already listed at {company.name}; nothing was written")
    person = _present(
        {
            "name": name,
            "first_name": _option(Name(), details.first_name, "--first-name"),
            "role": _option(Text(), details.role, "--role"),
            "focus": details.focus.value if details.focus else None,
            "country": _option(Text(max_length=100), details.country, "--country"),
            "linkedin": _option(LinkedInUrl(), details.linkedin, "--linkedin"),
            "email": _option(Email(), details.email, "--email"),
            "hook": _option(Text(max_length=1000), details.hook, "--hook"),
        }
    )
    session.apply(
        company.location.path,
        lambda text: yaml_edit.add_person(text, person),
        f"{name} added to {company.name}",
    )
    return session.finish(dry_run)


@dataclass(frozen=True)
class InboundDetails:
    date: dt.date | None = None
    company: str = ""
    channel: Channel | None = None
    about: str = ""
    relevance: int | None = None


def _inbound_person(plan: Plan, who: str, company: str) -> Person | None:
    """The person of the plan `who` names, as `log` finds them (a surname is enough);
    None for someone outside the plan. An ambiguous name is an error."""
    in_plan: Company | None = InboundMatcher(plan).company(company)
    try:
        return find_person(plan, who, in_plan.name if in_plan else None)
    except NotFound as exc:
        if "matches" in exc.format_message():
            raise
        return None


def record_inbound(
    plans_dir: Path, today: dt.date, who: str, details: InboundDetails, dry_run: bool = False
) -> EditReport:
    """An inbound contact; a `who` that names someone in the plan is written as the plan
    spells them, with their company when none is given."""
    session = EditSession(plans_dir, today)
    who = _option(Name(), who, "WHO")
    if not who:
        raise PlaybookError("WHO: say who contacted you; nothing was written")
    company = _option(Name(), details.company, "--company")
    person = _inbound_person(session.plan, who, company)
    name = person.name if person else who
    if person is not None and not company:
        company = person.company.name
    matched = InboundMatcher(session.plan)
    if matched.company(company) is not None:
        company = matched.company(company).name  # type: ignore[union-attr]
    day = details.date or today
    entry = _present(
        {
            "date": day.isoformat(),
            "who": name,
            "company": company,
            "channel": details.channel.value if details.channel else None,
            "about": _option(Text(max_length=1000), details.about, "--about"),
            "relevance": details.relevance,
        }
    )
    linked = matched.person(name, company)
    known = "" if linked is not None else " (not a person in the plan)"
    from_company = f" of {company}" if company else ""
    session.apply(
        plans_dir / INBOUND_FILE,
        lambda text: yaml_edit.add_inbound(text, entry),
        f"inbound on {day.isoformat()} from {name}{from_company}{known}",
    )
    return session.finish(dry_run)
