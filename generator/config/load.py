"""Load a plans folder into the model: every file read once, every problem collected."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.config import schema
from generator.config.fields import INVALID, Context, Field, Record
from generator.config.yaml_source import load_source
from generator.errors import InvalidPlan, Location, Problem, Severity
from generator.structure.derive import derive_plan
from generator.structure.model import (
    Company,
    Inbound,
    Me,
    Person,
    Plan,
    Sector,
    Targets,
    Touch,
)

PLAN_FILE = "plan.yaml"
COMPANIES_DIR = "companies"
INBOUND_FILE = "inbound.yaml"


def company_files(plans_dir: Path) -> list[Path]:
    folder = plans_dir / COMPANIES_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_plan(plans_dir: Path, today: dt.date) -> Plan:
    """Read, validate and derive the whole plan, or raise InvalidPlan listing every error."""
    problems: list[Problem] = []
    plan_record = _read(plans_dir / PLAN_FILE, schema.PLAN, problems, "plan")
    company_records = [
        record
        for path in company_files(plans_dir)
        if (record := _read(path, schema.COMPANY, problems, "company")) is not None
    ]
    inbound_path = plans_dir / INBOUND_FILE
    inbound_records: list[Record] = []
    if inbound_path.exists():
        inbound_records = _read(inbound_path, schema.INBOUND, problems, None) or []
    if plan_record is None:
        raise InvalidPlan(problems)
    plan = _build_plan(plans_dir, plan_record, problems)
    for record in company_records:
        company = _build_company(plan, record, problems)
        if company is not None:
            plan.companies.append(company)
    _check_unique(((c.name, c.location) for c in plan.companies), "company", problems)
    plan.inbound = [_build_inbound(plan, record) for record in inbound_records]
    _warn_future_dates(plan, today, problems)
    if any(p.is_error for p in problems):
        raise InvalidPlan(problems)
    derive_plan(plan, today)
    plan.warnings = problems
    return plan


_EMPTY_HINT = {
    "plan": "expected a mapping with me, targets, sectors and messages",
    "company": "expected one company: a mapping with at least name and sector",
}


def _read(path: Path, field: Field, problems: list[Problem], kind: str | None) -> Any:
    source, read_problems = load_source(path)
    problems.extend(read_problems)
    if source is None:
        return None
    if source.data is None:
        if kind is None:
            return []
        problems.append(Problem(Location(path, 1, 1), f"the file is empty; {_EMPTY_HINT[kind]}"))
        return None
    ctx = Context(path, source.text)
    cleaned = field.clean(ctx, source.data, "", Location(path, 1, 1))
    problems.extend(ctx.problems)
    return None if cleaned is INVALID else cleaned


def _error(problems: list[Problem], location: Location, message: str) -> None:
    problems.append(Problem(location, message))


def _check_unique(
    named: Iterable[tuple[str, Location]], what: str, problems: list[Problem], prefix: str = ""
) -> None:
    seen: dict[str, Location] = {}
    for name, location in named:
        key = name.casefold()
        if key in seen:
            first = seen[key]
            where = f"line {first.line}" if first.path == location.path else str(first)
            _error(problems, location, f"{prefix}{what} '{name}' is already listed at {where}")
        else:
            seen[key] = location


def _build_plan(plans_dir: Path, record: Record, problems: list[Problem]) -> Plan:
    me = record.get("me")
    sectors = [
        Sector(
            name=s.get("name"),
            location=s.location,
            why=s.get("why", ""),
            recruiters=s.get("recruiters", False),
        )
        for s in record.get("sectors", [])
    ]
    if not sectors:
        _error(problems, record.where("sectors"), "sectors: list at least one sector")
    _check_unique(((s.name, s.location) for s in sectors), "sector", problems, "sectors: ")
    messages = record.get("messages")
    return Plan(
        plans_dir=plans_dir,
        me=Me(**me.values),
        targets=Targets(**record.get("targets").values) if record.get("targets") else Targets(),
        sectors=sectors,
        messages=dict(messages.values) if messages else {},
        message_locations=dict(messages.value_locations) if messages else {},
    )


def _build_company(plan: Plan, record: Record, problems: list[Problem]) -> Company | None:
    sector_name = record.get("sector")
    sector = next((s for s in plan.sectors if s.name.casefold() == sector_name.casefold()), None)
    if sector is None:
        _error(problems, record.where("sector"), _unknown_sector(plan, sector_name))
        return None
    values = {k: v for k, v in record.values.items() if k not in ("sector", "people")}
    company = Company(sector=sector, location=record.location, **values)
    company.people = [_build_person(company, p) for p in record.get("people", [])]
    _check_unique(((p.name, p.location) for p in company.people), "person", problems, "people: ")
    sector.companies.append(company)
    return company


def _unknown_sector(plan: Plan, name: str) -> str:
    names = [s.name for s in plan.sectors]
    message = f"sector: '{name}' is not a sector of plan.yaml"
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    return f"{message}; expected one of {', '.join(names)}"


def _build_person(company: Company, record: Record) -> Person:
    values = {k: v for k, v in record.values.items() if k not in ("messages", "touches")}
    messages = record.get("messages")
    return Person(
        company=company,
        location=record.location,
        messages=dict(messages.values) if messages else {},
        message_locations=dict(messages.value_locations) if messages else {},
        touches=[Touch(location=t.where("date"), **t.values) for t in record.get("touches", [])],
        **values,
    )


def _build_inbound(plan: Plan, record: Record) -> Inbound:
    company_name = record.get("company", "")
    company = next(
        (c for c in plan.companies if c.name.casefold() == company_name.casefold()), None
    )
    who = record.get("who")
    candidates = [p for p in plan.people if p.name.casefold() == who.casefold()]
    in_company = [p for p in candidates if company is not None and p.company is company]
    matches = in_company or candidates
    person = matches[0] if matches else None
    if company is None and person is not None:
        company = person.company
    return Inbound(
        date=record.get("date"),
        who=who,
        location=record.location,
        company_name=company_name or (company.name if company else ""),
        channel=record.get("channel", "other"),
        about=record.get("about", ""),
        relevance=record.get("relevance"),
        person=person,
        company=company,
    )


def _warn_future_dates(plan: Plan, today: dt.date, problems: list[Problem]) -> None:
    dated: list[tuple[dt.date, Location]] = [(i.date, i.location) for i in plan.inbound]
    for person in plan.people:
        dated.extend((t.date, t.location or person.location) for t in person.touches)
    for date, location in dated:
        if date > today:
            message = f"date {date.isoformat()} is after today ({today.isoformat()})"
            problems.append(Problem(location, message, Severity.WARNING))
