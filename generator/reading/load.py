"""Read a plans folder into the model: every file read once, every problem collected.

Each file is parsed (with positions) and checked against the schema on its own; then
the files are joined: companies to their sectors, inbound contacts to people. Only
problems of the files' content come from here; facts about the plan as of a day
(stages, drafts, advice) come later, in `generator.checking`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Location, Problem, Severity
from generator.model.lookup import InboundMatcher
from generator.model.model import (
    Company,
    Inbound,
    InvitationDay,
    LinkedInCounts,
    Me,
    Messages,
    PendingDay,
    Person,
    Plan,
    PlanMessages,
    Sector,
    Targets,
    Touch,
)
from generator.model.names import nearest_word
from generator.model.profiles import profile_key
from generator.model.vocabulary import MessageKind
from generator.reading import schema
from generator.reading.cache import CheckedFile, ReadCache
from generator.reading.fields import INVALID, Context, Field, Record
from generator.reading.files import (
    COMPANIES_DIR,
    INBOUND_FILE,
    LINKEDIN_FILE,
    PLAN_FILE,
    as_text,
    company_files,
    read_text,
)
from generator.reading.yaml_source import parse_yaml
from generator.wording import plural

# File texts that stand in for what is on disk: {path: text}; None for a file an
# edit removes.
Overrides = Mapping[Path, str | None]

_EMPTY_HINT = {
    "plan": "expected a mapping with me, targets, sectors and messages",
    "company": "expected one company: a mapping with at least name and sector",
    "linkedin": (
        "expected LinkedIn's counts as `playbook import linkedin` writes them "
        "(delete the file; the next import writes it again)"
    ),
}
_SCHEMAS: dict[str, Field] = {
    "plan": schema.PLAN,
    "company": schema.COMPANY,
    "inbound": schema.INBOUND,
    "linkedin": schema.LINKEDIN_COUNTS,
}


def check_text(path: Path, text: str, kind: str) -> CheckedFile:
    """Parse and validate one file's text against the schema of its kind."""
    data, problems = parse_yaml(path, text)
    if problems:
        return CheckedFile(None, problems)
    if data is None:
        if kind == "inbound":
            return CheckedFile([], [])
        if kind == "company":
            # A file of comments (such as the example `playbook init` writes) holds
            # no company yet: worth a word, not a failed build.
            message = (
                f"the file holds no company yet; {_EMPTY_HINT[kind]} "
                "(an example to copy? delete it once you have your own: "
                f"playbook remove company {path.stem})"
            )
            return CheckedFile(None, [Problem(Location(path, 1, 1), message, Severity.WARNING)])
        message = f"the file is empty; {_EMPTY_HINT[kind]}"
        return CheckedFile(None, [Problem(Location(path, 1, 1), message)])
    ctx = Context(path, text)
    cleaned = _SCHEMAS[kind].clean(ctx, data, "", Location(path, 1, 1))
    problems = ctx.problems
    if "*" in text and "&" in text:  # only then can the file hold an alias
        problems = [*problems, *_aliases(path, text)]
    return CheckedFile(None if cleaned is INVALID else cleaned, problems)


# Every warning about what the editing commands cannot do to a file says this.
NOT_EDITABLE = "playbook's commands cannot change"


def _aliases(path: Path, text: str) -> list[Problem]:
    """An alias of a text is read, but the editing commands cannot change the value it
    repeats (nor the alias) without changing both: worth one warning per file."""
    found = [
        event.start_mark
        for event in yaml.parse(text, Loader=yaml.CSafeLoader)
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None
    ]
    if not found:
        return []
    more = (
        f" (and {plural(len(found) - 1, 'more alias', 'more aliases')})" if len(found) > 1 else ""
    )
    message = (
        f"an alias (*name) repeats a value written elsewhere{more}; {NOT_EDITABLE} either "
        "value: write the value out"
    )
    mark = found[0]
    return [Problem(Location(path, mark.line + 1, mark.column + 1), message, Severity.WARNING)]


def _checked(
    path: Path, kind: str, plans_dir: Path, cache: ReadCache, overrides: Overrides
) -> CheckedFile:
    if path in overrides:
        text = overrides[path]
        if text is None:
            return CheckedFile(None, [Problem(Location(path), "file not found")])
        return check_text(path, as_text(text), kind)
    return cache.checked(
        path,
        kind,
        read=lambda: read_text(path, plans_dir),
        check=lambda text: check_text(path, text, kind),
    )


def read_plan(
    plans_dir: Path, cache: ReadCache | None = None, overrides: Overrides | None = None
) -> tuple[Plan | None, list[Problem]]:
    """The plan as written (nothing derived yet), or None; and every problem found.

    `overrides` gives the text of files as an edit would leave them (new files
    included), so an edit is checked before anything is written.
    """
    cache = cache if cache is not None else ReadCache()
    overrides = overrides or {}
    problems: list[Problem] = []
    plan_file = _checked(plans_dir / PLAN_FILE, "plan", plans_dir, cache, overrides)
    problems += plan_file.problems
    paths, listing_problems = company_files(plans_dir)
    problems += listing_problems
    folder = plans_dir / COMPANIES_DIR
    paths = sorted({*paths, *(p for p in overrides if p.parent == folder)})
    paths = [p for p in paths if p not in overrides or overrides[p] is not None]
    company_records = []
    for path in paths:
        checked = _checked(path, "company", plans_dir, cache, overrides)
        problems += checked.problems
        if checked.content is not None:
            company_records.append(checked.content)
    inbound_path = plans_dir / INBOUND_FILE
    inbound: list[Record] = []
    present = inbound_path.exists() or inbound_path.is_symlink()
    if inbound_path in overrides:
        present = overrides[inbound_path] is not None
    if present:
        checked = _checked(inbound_path, "inbound", plans_dir, cache, overrides)
        problems += checked.problems
        inbound = checked.content or []
    linkedin_path = plans_dir / LINKEDIN_FILE
    linkedin: Record | None = None
    if linkedin_path.exists() or linkedin_path.is_symlink() or linkedin_path in overrides:
        checked = _checked(linkedin_path, "linkedin", plans_dir, cache, overrides)
        problems += checked.problems
        linkedin = checked.content
    cache.forget_missing({plans_dir / PLAN_FILE, inbound_path, linkedin_path, *paths})
    if plan_file.content is None:
        return None, problems
    record = plan_file.content
    sectors = _sectors(record, problems)
    companies = []
    for company_record in company_records:
        company = _company(sectors, company_record, problems)
        if company is not None:
            companies.append(company)
    _check_unique(((c.name, c.location) for c in companies), "company", problems)
    _check_profiles([person for c in companies for person in c.people], problems)
    matcher = InboundMatcher(companies)
    values = record.values
    me = values["me"]
    plan = Plan(
        me=Me(**me.values, key_locations=dict(me.value_locations)),
        targets=Targets(**values["targets"].values),
        sectors=sectors,
        messages=_plan_messages(values["messages"]),
        location=record.location,
        companies=tuple(companies),
        inbound=tuple(_inbound(matcher, entry) for entry in inbound),
        linkedin=_linkedin_counts(linkedin) if linkedin is not None else None,
    )
    return plan, problems


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


def _check_profiles(people: list[Person], problems: list[Problem]) -> None:
    """One LinkedIn profile is one member: two people with one address (however it is
    written) are one person listed twice, and the import could not tell them apart."""
    seen: dict[str, Person] = {}
    for person in people:
        key = profile_key(person.linkedin)
        if not key:
            continue
        first = seen.setdefault(key, person)
        if first is person:
            continue
        where = first.location if first.location.path != person.location.path else None
        at = f"line {first.location.line}" if where is None else str(first.location)
        _error(
            problems,
            person.location,
            f"{person.name} ({person.company.name}) has the LinkedIn profile of "
            f"{first.name} ({first.company.name}, {at}): one profile is one person; "
            "keep one of them, or correct the address",
        )


def _linkedin_counts(record: Record) -> LinkedInCounts:
    values = record.values
    return LinkedInCounts(
        exported_on=values["exported_on"],
        invitations=tuple(
            InvitationDay(location=r.location, **r.values) for r in values["invitations"]
        ),
        pending=tuple(PendingDay(location=r.location, **r.values) for r in values["pending"]),
        location=record.location,
    )


_KINDS = {kind.value for kind in MessageKind}


def _messages(record: Record) -> Messages:
    return {MessageKind(k): v for k, v in record.values.items() if k in _KINDS and v is not None}


def _plan_messages(record: Record) -> PlanMessages:
    """The shared templates, their language, and the sections per language (every
    other key)."""
    values = dict(record.values)
    language = values.pop("language")
    languages = {code: _messages(section) for code, section in values.items() if code not in _KINDS}
    return PlanMessages(_messages(record), language, languages)


def _sectors(record: Record, problems: list[Problem]) -> tuple[Sector, ...]:
    sectors = tuple(Sector(location=s.location, **s.values) for s in record.values["sectors"])
    if not sectors and not any(p.is_error for p in problems):
        _error(problems, record.where("sectors"), "sectors: list at least one sector")
    _check_unique(((s.name, s.location) for s in sectors), "sector", problems, "sectors: ")
    return sectors


def _company(
    sectors: tuple[Sector, ...], record: Record, problems: list[Problem]
) -> Company | None:
    values = dict(record.values)
    sector = _sector(sectors, values["sector"], record.where("sector"), problems)
    if sector is None:
        return None
    values["sector"] = sector
    values["people"] = tuple(_person(person) for person in values["people"])
    company = Company(location=record.location, **values)
    _check_unique(((p.name, p.location) for p in company.people), "person", problems, "people: ")
    return company


def _sector(
    sectors: tuple[Sector, ...], name: str, where: Location, problems: list[Problem]
) -> Sector | None:
    found = next((s for s in sectors if s.name.casefold() == name.casefold()), None)
    if found is not None or not sectors:
        return found  # with no valid sector, the sectors' own error says it all
    names = [s.name for s in sectors]
    message = f"sector: '{name}' is not a sector of plan.yaml"
    close = nearest_word(name, names)
    if close:
        message += f"; did you mean '{close}'?"
    else:
        message += f"; expected one of {', '.join(names)}"
    _error(problems, where, message)
    return None


def _person(record: Record) -> Person:
    values: dict[str, Any] = dict(record.values)
    values["messages"] = _messages(values["messages"])
    values["touches"] = tuple(
        Touch(location=t.where("date"), **t.values) for t in values["touches"]
    )
    return Person(location=record.location, **values)


def _inbound(matcher: InboundMatcher, record: Record) -> Inbound:
    """An inbound entry joined to the person and company it names; a person named
    without a company brings their own."""
    values = record.values
    source = matcher.company(values["company"])
    person = matcher.person(values["who"], values["company"])
    if not values["company"] and person is not None:
        source = person.company
    return Inbound(location=record.location, person=person, source=source, **values)
