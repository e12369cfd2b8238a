"""`playbook import linkedin FILE`: LinkedIn's connections, matched to the plan.

A connection whose name is a person in the plan (accents and case ignored, the
company as a tie-breaker) gets a `connected` touch dated "Connected On" if they have
none, and their LinkedIn address and e-mail if the plan lacks them. Ambiguous names
are reported, never guessed. Connections who work at a target company but are not in
the plan are listed with a ready `playbook add person` line: the people you already
know, for step 3. Importing the same file again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.editing import yaml_edit
from generator.editing.session import EditReport, EditSession
from generator.errors import Location, PlaybookError
from generator.importing.linkedin import Connection, ConnectionsError, read_connections
from generator.model.model import Company, Person, Plan
from generator.model.names import fold
from generator.model.vocabulary import Action
from generator.reading.fields import (
    FIRST_YEAR,
    INVALID,
    LAST_YEAR,
    Context,
    Email,
    Field,
    LinkedInUrl,
)
from generator.wording import plural

Progress = Callable[[list[Connection]], Iterable[Connection]]


@dataclass
class ImportReport:
    source: str
    connections: int
    skipped_without_name: int
    undated: int
    matched: list[tuple[Connection, Person]] = field(default_factory=list)
    # Connections that may be people of the plan, left alone, with the reason.
    uncertain: list[tuple[Connection, list[Person], str]] = field(default_factory=list)
    known_at_targets: list[tuple[Connection, Company]] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    edits: EditReport | None = None


def _words(text: str) -> str:
    """A company name as words: 'Nordic Robotics, AB' → 'nordic robotics ab'."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def _same_company(text: str, company: Company) -> bool:
    """'DHL Supply Chain Poland' and 'Nordic Robotics, AB' work at 'DHL Supply Chain' and
    'Nordic Robotics', and 'Raben Logistics' at 'Raben Logistics Polska': one name holds
    the other, word for word, and the shorter has two words at least ('Bridge' is not
    'Talent Bridge')."""
    given, ours = _words(text), _words(company.name)
    if not given:
        return False
    if given == ours:
        return True
    shorter, longer = sorted((given, ours), key=len)
    return len(shorter.split()) >= 2 and f" {shorter} " in f" {longer} "


class _Matcher:
    def __init__(self, plan: Plan) -> None:
        self.companies = plan.companies
        self.people: dict[str, list[Person]] = {}
        for person in plan.people:
            self.people.setdefault(fold(person.name), []).append(person)

    def people_named(self, connection: Connection) -> list[Person]:
        """The plan's people this connection may be. With a company on both sides, the
        company must agree: a namesake elsewhere is not written into someone's entry."""
        found = self.people.get(fold(connection.name), [])
        if not connection.company:
            return found
        return [p for p in found if _same_company(connection.company, p.company)]

    def target_company(self, connection: Connection) -> Company | None:
        if not connection.company:
            return None
        return next((c for c in self.companies if _same_company(connection.company, c)), None)


def import_linkedin(
    plans_dir: Path,
    today: dt.date,
    file: Path,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    try:
        data = read_connections(file)
    except ConnectionsError as exc:
        raise PlaybookError(str(exc)) from None
    session = EditSession(plans_dir, today)
    matcher = _Matcher(session.plan)
    report = ImportReport(
        data.source, len(data.connections), data.skipped_without_name, data.undated
    )
    data_rows = [_checked(connection, report) for connection in data.connections]
    rows = progress(data_rows) if progress else data_rows
    found: dict[int, list[Connection]] = {}
    for connection in rows:
        people = matcher.people_named(connection)
        if len(people) == 1:
            found.setdefault(id(people[0]), []).append(connection)
            report.matched.append((connection, people[0]))
        elif len(people) > 1:
            report.uncertain.append((connection, people, "the name fits several people"))
        elif namesakes := matcher.people.get(fold(connection.name), []):
            report.uncertain.append((connection, namesakes, "another company"))
        elif (company := matcher.target_company(connection)) is not None:
            report.known_at_targets.append((connection, company))
    # Two connections taken for one person: neither is trusted with their entry.
    twice = [(c, p) for c, p in report.matched if len(found[id(p)]) > 1]
    report.matched = [(c, p) for c, p in report.matched if len(found[id(p)]) == 1]
    report.uncertain += [(c, [p], "more than one connection fits") for c, p in twice]
    for connection, person in report.matched:
        _update(session, connection, person)
    if session.changes:
        report.edits = session.finish(dry_run)
    return report


def _checked(connection: Connection, report: ImportReport) -> Connection:
    """The connection with every value the plan would refuse left out, and noted."""
    changes: dict[str, Any] = {}
    for key, kind, shown in (
        ("email", Email(), "e-mail"),
        ("url", LinkedInUrl(), "LinkedIn address"),
    ):
        value = getattr(connection, key)
        if value and _refused(kind, value):
            changes[key] = ""
            report.left_out.append(f"{connection.name}: {shown} {value!r} is not valid")
    day = connection.connected_on
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        changes["connected_on"] = None
        report.left_out.append(f"{connection.name}: Connected On {day.isoformat()} is not valid")
    return replace(connection, **changes) if changes else connection


def _refused(field: Field, value: str) -> bool:
    ctx = Context(Path("import"), "")
    return field.clean(ctx, value, "", Location(Path("import"))) is INVALID


def _update(session: EditSession, connection: Connection, person: Person) -> None:
    index = next(i for i, p in enumerate(person.company.people) if p is person)
    path = person.company.location.path
    fields = {}
    if not person.linkedin and connection.url:
        fields["linkedin"] = connection.url
    if not person.email and connection.email:
        fields["email"] = connection.email
    if fields:
        session.apply(
            path,
            lambda text: yaml_edit.set_person_fields(text, index, fields),
            f"{person.name}: {' and '.join(_SHOWN[key] for key in fields)} added",
        )
    connected = any(t.action is Action.CONNECTED for t in person.touches)
    if not connected and connection.connected_on is not None:
        touch = {
            "date": connection.connected_on.isoformat(),
            "action": Action.CONNECTED.value,
            "channel": "linkedin",
        }
        session.apply(
            path,
            lambda text: yaml_edit.add_touch(text, index, touch),
            f"{person.name}: connected on {touch['date']} (linkedin)",
        )


_SHOWN = {"linkedin": "LinkedIn address", "email": "e-mail"}


def _uncertain(connection: Connection, people: list[Person], why: str) -> str:
    at = f" at {connection.company}" if connection.company else ""
    plan = ", ".join(f"{p.name} ({p.company.name})" for p in people)
    if why != "another company":
        return f"{connection.name}{at} on LinkedIn: {why}: {plan}"
    text = f"{connection.name}{at} on LinkedIn; the plan has {plan}."
    if len(people) == 1 and connection.connected_on is not None:
        words = [
            "playbook", "log", people[0].name, "connected", "--company", people[0].company.name,
            "--date", connection.connected_on.isoformat(), "--channel", "linkedin",
        ]  # fmt: skip
        text += f" If it is the same person: {shlex.join(words)}"
    return text


def add_person_line(connection: Connection, company: Company) -> str:
    """The command that adds a known connection to the plan."""
    words = ["playbook", "add", "person", connection.name, "--company", company.name]
    if connection.position:
        words += ["--role", connection.position]
    if connection.url:
        words += ["--linkedin", connection.url]
    if connection.email:
        words += ["--email", connection.email]
    return shlex.join(words)


def report_lines(report: ImportReport, dry_run: bool) -> list[str]:
    notes = []
    if report.skipped_without_name:
        notes.append(f"{report.skipped_without_name} without a name skipped")
    if report.undated:
        notes.append(f"{report.undated} without a readable date: no `connected` touch for them")
    read = plural(report.connections, "connection", "connections")
    lines = [
        f"Read {read} from {report.source}" + (f" ({'; '.join(notes)})" if notes else "") + "."
    ]
    changes = report.edits.changes if report.edits else []
    verb = "would change" if dry_run else "changed"
    matched = plural(len(report.matched), "is a person", "are people")
    made = "would be made" if dry_run else "made"
    lines.append(
        f"{matched} in the plan; {plural(len(changes), 'change', 'changes')} {made}:"
        if changes
        else f"{matched} in the plan; nothing to change."
    )
    lines += [f"  {change}" for change in changes]
    if dry_run and report.edits and report.edits.diff:
        lines += ["", f"The files this {verb}:", report.edits.diff.rstrip("\n")]
    if report.uncertain:
        lines += ["", "Not changed, because the match is not certain:"]
        for connection, people, why in report.uncertain:
            lines.append(f"  {_uncertain(connection, people, why)}")
    if report.left_out:
        lines += ["", "Values left out (the plan would refuse them):"]
        lines += [f"  {line}" for line in report.left_out]
    if report.known_at_targets:
        lines += [
            "",
            f"People you already know at target companies ({len(report.known_at_targets)}), "
            "for step 3:",
        ]
        lines += [f"  {add_person_line(c, company)}" for c, company in report.known_at_targets]
    if dry_run:
        lines += ["", "Dry run: nothing was written."]
    return lines
