"""`playbook me`, `add sector`, `rename sector`, `remove sector`, `remove company`,
`remove person`: setting up a plan without opening an editor.

Each one is an edit like `log` or `add person`: options checked by the plan's own
fields, surgical changes (comments and layout kept), the whole plan checked before
anything is written, all files changed together or none (a renamed sector reaches
every company file of it in one change), `--dry-run` for the diff.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from generator.checking import load_plan
from generator.commands.edit import checked_option
from generator.editing import yaml_edit
from generator.editing.session import EditReport, EditSession
from generator.errors import PlaybookError
from generator.model.lookup import NotFound, find_company, find_person, find_sector
from generator.model.model import Company, Plan, Sector
from generator.model.names import fold
from generator.model.placeholders import ME as ME_PLACEHOLDERS
from generator.model.placeholders import REQUIRED
from generator.model.slugs import slugify
from generator.reading import schema
from generator.reading.files import company_files
from generator.wording import plural

ME_KEYS = tuple(schema.ME.keys)
SECTOR_KEYS = tuple(schema.SECTOR.keys)


# ---------------------------------------------------------------- me


def show_me(plans_dir: Path, today: dt.date) -> list[str]:
    """Who the plan says I am, key by key, placeholders marked."""
    plan = load_plan(plans_dir, today).plan
    lines = [f"{plan.location.path}: me"]
    for key in ME_KEYS:
        value = getattr(plan.me, key)
        if not value:
            continue
        mark = ""
        if fold(value) == fold(ME_PLACEHOLDERS.get(key, "")):
            mark = "   (placeholder from playbook init)"
        lines.append(f"  {key}: {value}{mark}")
    return lines


def set_me(
    plans_dir: Path, today: dt.date, values: Mapping[str, str | None], dry_run: bool = False
) -> EditReport:
    """Set `me`'s keys; an empty value removes an optional key."""
    session = EditSession(plans_dir, today)
    me = session.plan.me
    given = {key: value for key, value in values.items() if value is not None}
    changed: dict[str, object] = {}
    removed: list[str] = []
    for key, value in given.items():
        if not value:
            if key in REQUIRED:
                raise PlaybookError(f"--{key}: the plan needs your {key}; nothing was written")
            if key in me.key_locations:
                removed.append(key)
            continue
        cleaned = checked_option(schema.ME.keys[key].field, value, f"--{key}")
        if cleaned != getattr(me, key) or key not in me.key_locations:
            changed[key] = cleaned
    if not changed and not removed:
        report = EditReport([], "", written=False)
        report.notes.append("me already says so; nothing to change")
        return report
    path = session.plan.location.path
    if changed:
        parts = [_with_old(key, str(value), getattr(me, key)) for key, value in changed.items()]
        session.apply(
            path,
            lambda text: yaml_edit.set_fields(text, ("me",), changed, ME_KEYS),
            f"me: {', '.join(parts)}",
        )
    if removed:
        session.apply(
            path,
            lambda text: yaml_edit.remove_fields(text, ("me",), tuple(removed)),
            f"me: {', '.join(removed)} removed",
        )
    return session.finish(dry_run)


def _with_old(key: str, value: str, old: str) -> str:
    return f"{key} {value} (was {old})" if old else f"{key} {value}"


# ---------------------------------------------------------------- sectors


def add_sector(
    plans_dir: Path,
    today: dt.date,
    name: str,
    why: str = "",
    recruiters: bool = False,
    dry_run: bool = False,
) -> EditReport:
    """A new sector in plan.yaml: before the recruitment sector, which stays last."""
    session = EditSession(plans_dir, today)
    plan = session.plan
    name = checked_option(schema.SECTOR.keys["name"].field, name, "NAME")
    if not name:
        raise PlaybookError("NAME: a sector needs a name; nothing was written")
    same = next((s for s in plan.sectors if fold(s.name) == fold(name)), None)
    if same is not None:
        raise PlaybookError(f"sector '{same.name}' is already in plan.yaml; nothing was written")
    item: dict[str, object] = {"name": name}
    if why:
        item["why"] = checked_option(schema.SECTOR.keys["why"].field, why, "--why")
    if recruiters:
        item["recruiters"] = True
    index = len(plan.sectors)
    while not recruiters and index and plan.sectors[index - 1].recruiters:
        index -= 1
    session.apply(
        plan.location.path,
        lambda text: yaml_edit.add_item(text, ("sectors",), item, index),
        f"new sector {name}",
    )
    return session.finish(dry_run)


def rename_sector(
    plans_dir: Path,
    today: dt.date,
    old: str,
    new: str,
    dry_run: bool = False,
    why: str | None = None,
) -> EditReport:
    """Rename a sector in plan.yaml and in every company file of it, in one change;
    `why` gives it a new reason too."""
    session = EditSession(plans_dir, today)
    plan = session.plan
    sector = find_sector(plan, old)
    new = checked_option(schema.SECTOR.keys["name"].field, new, "NEW")
    if not new:
        raise PlaybookError("NEW: give the sector's new name; nothing was written")
    values = {"name": new} if new != sector.name else {}
    if why is not None and why != sector.why:
        values["why"] = checked_option(schema.SECTOR.keys["why"].field, why, "--why")
    other = next((s for s in plan.sectors if s is not sector and fold(s.name) == fold(new)), None)
    if other is not None:
        raise PlaybookError(
            f"sector '{other.name}' is already in plan.yaml; to join the two, move the companies "
            "of one (the sector: line of their files), then remove it; nothing was written"
        )
    renamed = new != sector.name or any(
        _written_sector(session, c) != new for c in sector.companies
    )
    if not renamed and "why" not in values:
        report = EditReport([], "", written=False)
        report.notes.append(f"the sector is called '{new}' already; nothing to change")
        return report
    index = plan.sectors.index(sector)
    said = f"sector '{sector.name}'" + (f" renamed '{new}'" if "name" in values else "")
    said += f", why: {values['why']}" if "why" in values else ""
    if values:
        session.apply(
            plan.location.path,
            lambda text: yaml_edit.set_fields(text, ("sectors", index), values, SECTOR_KEYS),
            said,
        )
    for company in sector.companies if renamed else ():
        session.apply(
            company.location.path,
            lambda text: yaml_edit.set_fields(text, (), {"sector": new}, yaml_edit.COMPANY_KEYS),
            f"{company.name}: sector {new}",
        )
    report = session.finish(dry_run)
    if sector.companies and renamed:
        report.notes.append(
            f"{plural(len(sector.companies) + 1, 'file', 'files')} changed together."
        )
    return report


def _written_sector(session: EditSession, company: Company) -> str:
    """The sector as the company's file spells it (the plan matches it in any case)."""
    data = yaml_edit.read_data(session.text(company.location.path))
    return str(data.get("sector", "")) if isinstance(data, dict) else ""


def remove_sector(plans_dir: Path, today: dt.date, name: str, dry_run: bool = False) -> EditReport:
    """Remove a sector that holds no company."""
    session = EditSession(plans_dir, today)
    plan = session.plan
    sector = find_sector(plan, name)
    if sector.companies:
        raise PlaybookError(_not_empty(sector))
    if len(plan.sectors) == 1:
        raise PlaybookError(
            f"'{sector.name}' is the plan's only sector; add another first; nothing was written"
        )
    index = plan.sectors.index(sector)
    session.apply(
        plan.location.path,
        lambda text: yaml_edit.remove_item(text, ("sectors",), index),
        f"sector '{sector.name}' removed",
    )
    return session.finish(dry_run)


def _not_empty(sector: Sector) -> str:
    names = ", ".join(c.name for c in sector.companies[:5])
    more = ", …" if len(sector.companies) > 5 else ""
    count = plural(len(sector.companies), "company", "companies")
    return (
        f"sector '{sector.name}' still holds {count} ({names}{more}); remove them first "
        "(playbook remove company NAME) or move them to another sector (the sector: line "
        "of their files); nothing was written"
    )


# ---------------------------------------------------------------- companies


def remove_company(
    plans_dir: Path, today: dt.date, name: str, force: bool = False, dry_run: bool = False
) -> EditReport:
    """Delete a company's file; one that lists people only with `force`. A file that
    holds no company (init's commented example) is found by its file name."""
    session = EditSession(plans_dir, today)
    plan = session.plan
    try:
        company = find_company(plan, name, offer_to_add=False)
    except NotFound:
        empty = _file_without_company(plan, name)
        if empty is None:
            raise
        session.remove(empty, "removed (it held no company, only comments)")
        return session.finish(dry_run)
    people = company.people
    if people and not force:
        touches = sum(len(p.touches) for p in people)
        listed = plural(len(people), "person", "people")
        raise PlaybookError(
            f"{company.name} lists {listed} ({plural(touches, 'touch', 'touches')}); "
            f"to remove them with it: playbook remove company {shlex.quote(company.name)} "
            "--force; nothing was written"
        )
    with_people = f" with {plural(len(people), 'person', 'people')}" if people else ""
    session.remove(company.location.path, f"{company.name} removed{with_people}")
    report = session.finish(dry_run)
    inbound = [entry for entry in plan.inbound if entry.source is company]
    if inbound:
        counted = "it counts" if len(inbound) == 1 else "they count"
        report.notes.append(
            f"{plural(len(inbound), 'inbound contact names', 'inbound contacts name')} "
            f"{company.name}: without the company, {counted} as from outside the plan"
        )
    return report


def remove_person(
    plans_dir: Path,
    today: dt.date,
    who: str,
    company: str | None = None,
    force: bool = False,
    dry_run: bool = False,
) -> EditReport:
    """Take someone off their company's list; someone with touches logged only with
    `force`, since their history goes with them (git still has it)."""
    session = EditSession(plans_dir, today)
    person = find_person(session.plan, who, company)
    owner = person.company
    if person.touches and not force:
        again = f"{shlex.quote(person.name)} --company {shlex.quote(owner.name)}"
        raise PlaybookError(
            f"{person.name} ({owner.name}) has {plural(len(person.touches), 'touch', 'touches')} "
            f"logged; to remove them with their history: playbook remove person {again} "
            "--force; nothing was written"
        )
    # The company's last person takes the `people:` key along, as `add company` leaves
    # a company without people (an empty block list would read as null).
    if len(owner.people) == 1:
        edit = partial(yaml_edit.remove_fields, where=(), keys=("people",))
    else:
        edit = partial(yaml_edit.remove_item, where=("people",), index=owner.people.index(person))
    session.apply(owner.location.path, edit, f"{person.name} removed from {owner.name}")
    report = session.finish(dry_run)
    inbound = sum(1 for entry in session.plan.inbound if entry.person is person)
    if inbound:
        named = plural(inbound, "inbound contact names", "inbound contacts name")
        kept = "it stays" if inbound == 1 else "they stay"
        report.notes.append(
            f"{named} {person.name}: {kept} in inbound.yaml, linked to no person of the plan"
        )
    return report


def _file_without_company(plan: Plan, query: str) -> Path | None:
    held = {company.location.path for company in plan.companies}
    wanted = Path(query)
    for path in company_files(plan.plans_dir)[0]:
        if path in held:
            continue
        if wanted.name in (path.name, path.stem) or slugify(query, "") == path.stem:
            return path
    return None
