"""`playbook log`, `add company`, `add person` and `inbound`: a week's work without an
editor. Each command checks its options as the plan would (reported as `--email: …`),
makes one surgical edit, checks the whole plan with it before writing, and reports
what changed and where."""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.editing import yaml_edit
from generator.editing.session import EditReport, EditSession
from generator.errors import Location, PlaybookError, shown
from generator.model.lookup import (
    Ambiguous,
    InboundMatcher,
    NotFound,
    find_company,
    find_person,
    look_alikes,
)
from generator.model.model import Company, Person, Plan, Touch
from generator.model.names import close_matches, fold
from generator.model.slugs import slugify
from generator.model.vocabulary import PLANNED, Action, Channel, Focus
from generator.reading import schema
from generator.reading.fields import (
    INVALID,
    Context,
    Field,
    Name,
    Text,
    Url,
)
from generator.reading.files import COMPANIES_DIR, INBOUND_FILE


def _present(values: Mapping[str, object | None]) -> dict[str, object]:
    """The options the user gave, in the order the file keeps them."""
    return {key: value for key, value in values.items() if value not in (None, "")}


def checked_option(field: Field, value: str, option: str) -> Any:
    """An option's value checked by the same field as the plan file's key."""
    try:
        return checked(field, value)
    except PlaybookError as exc:
        raise PlaybookError(f"{option}: {exc.message}; nothing was written") from None


def checked(field: Field, value: str) -> Any:
    """A value checked by a plan field; PlaybookError says what was expected."""
    if not value:
        return value
    ctx = Context(Path("value"), "")
    cleaned = field.clean(ctx, value, "", Location(Path("value")))
    if cleaned is INVALID:
        raise PlaybookError(ctx.problems[0].message)
    return cleaned


def _index_in_file(person: Person) -> int:
    return next(i for i, other in enumerate(person.company.people) if other is person)


def _clock(time: dt.time | None) -> str | None:
    """A time as a touch's `time` key holds it: `10:00`."""
    return f"{time:%H:%M}" if time is not None else None


def _same_day_touch(
    person: Person, action: Action, day: dt.date, at: dt.time | None
) -> Touch | None:
    """A touch of this action on this day: one per person, action and day (a second
    meeting logged the same day is the first one logged twice), unless both have a
    time and the times differ (a call at 9:00, another at 16:00)."""
    same_time = (t for t in person.touches if at is None or t.time is None or t.time == at)
    return next((t for t in same_time if t.action is action and t.date == day), None)


# What the other person does: it happens to me, so it has a day but cannot be booked ahead.
THEIRS = frozenset({Action.CONNECTED, Action.REPLIED, Action.DECLINED, Action.REFERRED})


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


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
    day = date or today
    if day > today and action in THEIRS:
        raise PlaybookError(
            f"{_a(PLANNED[action]).capitalize()} cannot be planned: {day.isoformat()} is "
            f"after today ({today.isoformat()}); give the day it happened with --date, or "
            "leave --date out for today; nothing was written"
        )
    session = EditSession(plans_dir, today)
    person = find_person(session.plan, who, company)
    touch = _present(
        {
            "date": day.isoformat(),
            "time": _clock(at),
            "action": action.value,
            "channel": channel.value if channel else None,
            "note": checked_option(Text(max_length=2000, multiline=True), note, "--note"),
        }
    )
    when = f"{day.isoformat()} at {touch['time']}" if at is not None else day.isoformat()
    existing = _same_day_touch(person, action, day, at)
    if existing is not None:
        noun = _a(PLANNED.get(action, action.value.replace("_", " ")))
        raise PlaybookError(
            f"{person.name} already has {noun} on {when} ({existing.location}): "
            "one touch per person, action and day; nothing was written"
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
    name = checked_option(Name(), name, "NAME")
    if not name:
        raise PlaybookError("NAME: a company needs a name; nothing was written")
    existing = next((c for c in session.plan.companies if fold(c.name) == fold(name)), None)
    if existing is not None:
        raise PlaybookError(
            f"{existing.name} is already in {shown(existing.location.path)}; nothing was written"
        )
    company = _present(
        {
            "name": name,
            "sector": _sector_name(session.plan, sector),
            "country": checked_option(Text(max_length=100), country, "--country"),
            "website": checked_option(Url(), website, "--website"),
            "why": checked_option(Text(max_length=1000), why, "--why"),
            "priority": priority,
        }
    )
    path = _company_file(plans_dir, name)
    session.create(path, yaml_edit.company_file(company), f"new company {name}")
    report = session.finish(dry_run)
    twins = look_alikes(name, session.plan.companies)
    if twins:
        report.notes.append(f"warning: {_looks_like(name, twins)}")
    return report


# Look-alikes named in the warning; a longer list says how many more.
TWINS_SHOWN = 3


def _looks_like(name: str, twins: list[Company]) -> str:
    named = [f"'{twin.name}' ({twin.location.path})" for twin in twins[:TWINS_SHOWN]]
    if len(twins) > TWINS_SHOWN:
        named.append(f"{len(twins) - TWINS_SHOWN} more")
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return (
        f"'{name}' looks like {listed}: the same company twice? "
        f"If so, keep one: playbook remove company {shlex.quote(name)}"
    )


@dataclass(frozen=True)
class PersonDetails:
    first_name: str = ""
    role: str = ""
    focus: Focus | None = None
    country: str = ""
    linkedin: str = ""
    email: str = ""
    hook: str = ""


def _person_values(details: PersonDetails) -> dict[str, object]:
    """The details given, each checked by the plan's own field for its key."""
    values = {key: getattr(details, key) for key in SETTABLE}
    checked = {
        key: value.value
        if isinstance(value, Focus)
        else checked_option(schema.PERSON.keys[key].field, value, f"--{key.replace('_', '-')}")
        for key, value in values.items()
        if value not in (None, "")
    }
    return _present(checked)


def _written_keys(session: EditSession, person: Person) -> set[str]:
    """The keys the person's entry in the file has (the model fills in the others:
    focus other, the first word of the name, the company's country)."""
    data = yaml_edit.read_data(session.text(person.company.location.path))
    entry = data["people"][_index_in_file(person)]
    return {str(key) for key, value in entry.items() if value is not None}


# The keys `playbook set` changes, in the order a person's keys are written.
SETTABLE = ("first_name", "role", "focus", "country", "linkedin", "email", "hook")


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
    name = checked_option(Name(), name, "NAME")
    if not name:
        raise PlaybookError("NAME: a person needs a name; nothing was written")
    if any(fold(p.name) == fold(name) for p in company.people):
        raise PlaybookError(f"{name} is already listed at {company.name}; nothing was written")
    person = {"name": name, **_person_values(details)}
    session.apply(
        company.location.path,
        lambda text: yaml_edit.add_person(text, person),
        f"{name} added to {company.name}",
    )
    return session.finish(dry_run)


def set_person(
    plans_dir: Path,
    today: dt.date,
    who: str,
    details: PersonDetails,
    company: str | None = None,
    clear: tuple[str, ...] = (),
    dry_run: bool = False,
) -> EditReport:
    """Set or replace keys of a person already in the plan, each where it stands;
    the keys in `clear` are removed."""
    session = EditSession(plans_dir, today)
    values = _person_values(details)
    if not values and not clear:
        options = ", ".join(f"--{key.replace('_', '-')}" for key in SETTABLE)
        raise PlaybookError(f"nothing to set: give one or more of {options}")
    person = find_person(session.plan, who, company)
    written = _written_keys(session, person)
    current = {key: str(getattr(person, key)) for key in (*values, *clear)}
    changed = {k: v for k, v in values.items() if current[k] != v or k not in written}
    cleared = tuple(key for key in clear if key in written)
    if not changed and not cleared:
        given = [f"{key} {value}" for key, value in values.items()] + [f"no {k}" for k in clear]
        report = EditReport([], "", written=False)
        report.notes.append(f"{person.name} has {', '.join(given)} already; nothing to change")
        return report
    parts = []
    for key, value in changed.items():
        was = f" (was {current[key]})" if key in written else ""
        parts.append(f"{key} {value}{was}")
    parts += [f"{key} removed (was {current[key]})" for key in cleared]
    where = ("people", _index_in_file(person))

    def edit(text: str) -> yaml_edit.Edit:
        lines = []
        if changed:
            done = yaml_edit.set_fields(text, where, changed, yaml_edit.PERSON_KEYS)
            text, lines = done.text, [done.line]
        if cleared:
            done = yaml_edit.remove_fields(text, where, cleared)
            text, lines = done.text, [*lines, done.line]
        return yaml_edit.Edit(text, min(lines))

    session.apply(person.company.location.path, edit, f"{person.name}: {', '.join(parts)}")
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
    in_plan: Company | None = InboundMatcher(plan.companies).company(company)
    try:
        return find_person(plan, who, in_plan.name if in_plan else None)
    except Ambiguous:
        raise
    except NotFound:
        return None


def record_inbound(
    plans_dir: Path, today: dt.date, who: str, details: InboundDetails, dry_run: bool = False
) -> EditReport:
    """An inbound contact; a `who` that names someone in the plan is written as the plan
    spells them, with their company when none is given."""
    session = EditSession(plans_dir, today)
    who = checked_option(Name(), who, "WHO")
    if not who:
        raise PlaybookError("WHO: say who contacted you; nothing was written")
    company = checked_option(Name(), details.company, "--company")
    person = _inbound_person(session.plan, who, company)
    name = person.name if person else who
    if person is not None and not company:
        company = person.company.name
    matched = InboundMatcher(session.plan.companies)
    if matched.company(company) is not None:
        company = matched.company(company).name  # type: ignore[union-attr]
    day = details.date or today
    entry = _present(
        {
            "date": day.isoformat(),
            "who": name,
            "company": company,
            "channel": details.channel.value if details.channel else None,
            "about": checked_option(Text(max_length=1000), details.about, "--about"),
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
