"""`playbook import linkedin FILE…`: LinkedIn's data export, logged into the plan.

The export proves most of a week's outreach (invitations, connections, messages and
replies), so the log keeps itself: every person of the plan found in it gets the
touches the plan lacks (`importing.proof`), their missing profile address and e-mail,
and inbound entries for whoever came to you first. Who is who is decided by
`importing.matching`; what is not certain is listed with the command that settles it,
never guessed, and strangers are never added. Every change is made through one
`EditSession`: the whole plan is checked with all of them, and every file is written
together or none is. Importing the same export again, or an older one, changes nothing.

The report says what was read, whom it found, each change with its file and line (as
the file reads after every change), what is uncertain, what was left out, and the
people you already know at companies of the plan, the roles the plan lacks first.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import shlex
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.editing import yaml_edit
from generator.editing.session import Change, EditReport, EditSession
from generator.errors import Location, PlaybookError
from generator.importing.counts import CountsUpdate, counts_update
from generator.importing.csvfile import ExportError, Progress
from generator.importing.export import Export, read_export
from generator.importing.matching import (
    Certainty,
    Doubt,
    Match,
    Matching,
    Profile,
    match_export,
)
from generator.importing.proof import NewInbound, Proof, prove
from generator.metrics.budget import LinkedInBudget, linkedin_budget
from generator.metrics.outreach import missing_roles
from generator.metrics.situation import Situation
from generator.model.facts import PlanFacts
from generator.model.model import Company, Person, Plan
from generator.model.names import fold
from generator.model.profiles import profile_key
from generator.model.vocabulary import Action, Focus
from generator.reading.fields import INVALID, Context, Email, Field, LinkedInUrl
from generator.reading.files import INBOUND_FILE, LINKEDIN_FILE
from generator.wording import plural

# People you already know at a company of the plan, listed per group unless --all.
KNOWN_SHOWN = 30
# Rows the export holds that could not be read, listed one by one up to this many.
SKIPPED_SHOWN = 10


@dataclass
class ImportReport:
    before: Situation  # the plan as it was before the import
    export: Export
    matching: Matching
    proofs: list[Proof]
    changes: list[Change]
    left_out: list[str]
    counts: CountsUpdate
    edits: EditReport | None = None
    budget: LinkedInBudget | None = None

    @property
    def plan(self) -> Plan:
        return self.before.plan


def import_linkedin(
    plans_dir: Path,
    today: dt.date,
    files: list[Path],
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    try:
        export = read_export(files, progress)
    except ExportError as exc:
        raise PlaybookError(str(exc)) from None
    session = EditSession(plans_dir, today)
    plan = session.plan
    matching = match_export(plan, export)
    left_out: list[str] = []
    for match in matching.matches:
        if match.certainty is Certainty.CERTAIN or match.company is not None:
            _check_values(match.profile, left_out)
    proofs = [prove(session.situation, match) for match in matching.certain()]
    editor = _Editor(session)
    for proof in sorted(proofs, key=lambda p: _file_order(p.person)):
        editor.person(proof)
    editor.inbound(sorted((i for p in proofs for i in p.inbound), key=lambda i: i.day))
    counts = counts_update(export, matching, plan.linkedin)
    if counts.text is not None:
        editor.counts(plans_dir / LINKEDIN_FILE, counts.text)
    before = session.situation
    report = ImportReport(before, export, matching, proofs, editor.changes, left_out, counts)
    after = session.check() if session.changes else before
    report.budget = linkedin_budget(after)
    if session.changes:
        report.edits = session.finish(dry_run)
    return report


def _file_order(person: Person) -> tuple[str, int]:
    index = next(i for i, p in enumerate(person.company.people) if p is person)
    return str(person.company.location.path), index


def _check_values(profile: Profile, left_out: list[str]) -> None:
    """Leave out (and note) a value the plan would refuse."""
    for key, kind, shown in (
        ("email", Email(), "e-mail"),
        ("url", LinkedInUrl(), "LinkedIn address"),
    ):
        value = getattr(profile, key)
        if value and _refused(kind, value):
            setattr(profile, key, "")
            left_out.append(f"{profile.name}: {shown} {value!r} is not valid")


def _refused(kind: Field, value: str) -> bool:
    ctx = Context(Path("import"), "")
    return kind.clean(ctx, value, "", Location(Path("import"))) is INVALID


_SHOWN = {"linkedin": "LinkedIn address", "email": "e-mail"}
_BREAK = re.compile(r"\r\n|\r|\n")


class _Editor:
    """The session's edits, with each change's line kept true as later changes insert
    lines above it (a report read after the import points at the right line)."""

    def __init__(self, session: EditSession) -> None:
        self.session = session
        self.changes: list[Change] = []

    def apply(self, path: Path, edit: Callable[[str], yaml_edit.Edit], summary: str) -> None:
        before = len(_BREAK.findall(self.session.text(path)))
        self.session.apply(path, edit, summary)
        added = len(_BREAK.findall(self.session.text(path))) - before
        change = self.session.changes[-1]
        if added:
            self.changes = [
                Change(c.path, c.line + added, c.summary)
                if c.path == path and c.line >= change.line
                else c
                for c in self.changes
            ]
        self.changes.append(change)

    def person(self, proof: Proof) -> None:
        person = proof.person
        index = next(i for i, p in enumerate(person.company.people) if p is person)
        path = person.company.location.path
        if proof.fields:
            values = dict(proof.fields)
            self.apply(
                path,
                lambda text: yaml_edit.set_person_fields(text, index, values),
                f"{person.name}: {' and '.join(_SHOWN[key] for key in values)} added",
            )
        for touch in proof.touches:
            fields = {
                "date": touch.day.isoformat(),
                "action": touch.action.value,
                "channel": "linkedin",
            }
            self.apply(
                path,
                functools.partial(yaml_edit.add_touch, person=index, touch=fields),
                f"{person.name}: {_action(touch.action)} on {touch.day.isoformat()} (linkedin)",
            )

    def inbound(self, entries: list[NewInbound]) -> None:
        for entry in entries:
            person = entry.person
            values = {
                "date": entry.day.isoformat(),
                "who": person.name,
                "company": person.company.name,
                "channel": "linkedin",
                "about": entry.about,
            }
            path = self.session.plans_dir / INBOUND_FILE
            summary = f"inbound on {values['date']} from {person.name} of {person.company.name}"
            self.apply(
                path,
                functools.partial(yaml_edit.add_inbound, entry=values),
                f"{summary} (linkedin)",
            )

    def counts(self, path: Path, text: str) -> None:
        """The machine-written file, replaced whole (or created)."""
        old = self.session.text(path)
        if old == text:
            return
        summary = "LinkedIn's counts for the budget" + (" updated" if old else "")
        self.session.apply(path, lambda _: yaml_edit.Edit(text, 1), summary)
        self.changes.append(self.session.changes[-1])


def _action(action: Action) -> str:
    return action.value.replace("_", " ")


# ---------------------------------------------------------------- the report


def report_lines(report: ImportReport, dry_run: bool, show_all: bool = False) -> list[str]:
    lines = _read_lines(report.export)
    lines += _found_lines(report)
    lines += _change_lines(report, dry_run)
    if dry_run and report.edits and report.edits.diff:
        lines += ["", "The files this would change:", report.edits.diff.rstrip("\n")]
    if report.budget is not None and report.export.invitations:
        lines += ["", _budget_line(report)]
    lines += _uncertain_lines(report)
    lines += _namesake_lines(report)
    if report.left_out:
        lines += ["", "Values left out (the plan would refuse them):"]
        lines += [f"  {line}" for line in report.left_out]
    lines += _not_logged_lines(report)
    lines += _known_lines(report, show_all)
    lines += _elsewhere_lines(report.matching)
    if dry_run:
        lines += ["", "Dry run: nothing was written."]
    return lines


def _read_lines(export: Export) -> list[str]:
    lines = []
    for file in export.connections:
        notes = []
        if file.skipped_without_name:
            notes.append(f"{file.skipped_without_name} without a name skipped")
        if file.undated:
            notes.append(f"{file.undated} without a readable date: no `connected` touch for them")
        extra = f" ({'; '.join(notes)})" if notes else ""
        lines.append(
            f"{file.source}: {plural(len(file.connections), 'connection', 'connections')}{extra}"
        )
    for invitations, _ in export.invitations:
        sent = sum(1 for i in invitations.invitations if i.outgoing)
        received = len(invitations.invitations) - sent
        lines.append(
            f"{invitations.source}: "
            f"{plural(len(invitations.invitations), 'invitation', 'invitations')} "
            f"({sent} sent, {received} received)"
        )
    for messages in export.messages:
        conversations = len({m.conversation for m in messages.messages})
        drafts = (
            f"; {plural(messages.drafts, 'draft', 'drafts')} ignored" if messages.drafts else ""
        )
        lines.append(
            f"{messages.source}: {plural(len(messages.messages), 'message', 'messages')} in "
            f"{plural(conversations, 'conversation', 'conversations')}{drafts}"
        )
    return ["Read LinkedIn's export:", *(f"  {line}" for line in lines)]


def _found_lines(report: ImportReport) -> list[str]:
    certain = report.matching.certain()
    if not certain:
        return ["Found nobody of the plan in it."]
    ways = Counter(match.how for match in certain)
    how = ", ".join(f"{ways[way]} by {way}" for way in _WAYS if way in ways)
    people = plural(len(certain), "person", "people")
    lines = [f"Found {people} of the plan in it ({how})."]
    plan_names = Counter(fold(person.name) for person in report.plan.people)
    for match in certain:
        person = match.person
        assert person is not None
        other = [n for n in match.profile.names if n and fold(n) != fold(person.name)]
        if other:
            lines.append(f"  {person.name} is {other[0]} on LinkedIn (the same {match.how})")
        profile = match.profile
        if profile.key and person.linkedin and profile.key != profile_key(person.linkedin):
            company = (
                ["--company", person.company.name] if plan_names[fold(person.name)] > 1 else []
            )
            command = shlex.join(
                ["playbook", "set", person.name, *company, "--linkedin", profile.url]
            )
            lines.append(
                f"  {person.name}'s profile on LinkedIn is {profile.url}, not the plan's: {command}"
            )
    return lines


_WAYS = ("profile address", "e-mail", "name and company")


def _change_lines(report: ImportReport, dry_run: bool) -> list[str]:
    touches: dict[Action, int] = {}
    for proof in report.proofs:
        for touch in proof.touches:
            touches[touch.action] = touches.get(touch.action, 0) + 1
    inbound = sum(len(p.inbound) for p in report.proofs)
    addresses = sum(1 for p in report.proofs if "linkedin" in p.fields)
    emails = sum(1 for p in report.proofs if "email" in p.fields)
    parts = []
    if touches:
        kinds = [f"{touches[a]} {_action(a)}" for a in Action if a in touches]
        parts.append(f"{plural(sum(touches.values()), 'touch', 'touches')} ({', '.join(kinds)})")
    if inbound:
        parts.append(plural(inbound, "inbound contact", "inbound contacts"))
    if addresses:
        parts.append(plural(addresses, "LinkedIn address", "LinkedIn addresses"))
    if emails:
        parts.append(plural(emails, "e-mail address", "e-mail addresses"))
    changes = report.changes
    if not changes:
        return ["Nothing to add: the plan already holds everything the export proves."]
    verb = "To add" if dry_run else "Added"
    files = len({c.path for c in changes})
    made = "would be made" if dry_run else "made"
    what = f"{verb}: {_joined(parts)}." if parts else ""
    return [
        *([what] if what else []),
        f"{plural(len(changes), 'change', 'changes')} {made} in {plural(files, 'file', 'files')}:",
        *(f"  {change}" for change in changes),
    ]


def _joined(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _budget_line(report: ImportReport) -> str:
    budget = report.budget
    assert budget is not None
    line = budget.summary() + "."
    if report.counts.note:
        line += f" ({report.counts.note}.)"
    counts = report.counts
    if counts.exported_on is not None and counts.dated_by:
        line += (
            f"\n  (The export is taken as of {counts.exported_on.isoformat()}, {counts.dated_by}.)"
        )
    return line


def _settle(match: Match, plan_names: Counter[str]) -> list[str]:
    """The commands that accept an uncertain match, one per person it may be."""
    profile = match.profile
    commands = []
    for person in match.candidates:
        words = ["playbook"]
        company = (
            ["--company", person.company.name] if plan_names.get(fold(person.name), 0) > 1 else []
        )
        if profile.url and profile.key and profile.key != profile_key(person.linkedin):
            words += ["set", person.name, *company, "--linkedin", profile.url]
        elif profile.email and profile.email.casefold() != person.email.casefold():
            words += ["set", person.name, *company, "--email", profile.email]
        elif profile.connected_on is not None and not any(
            t.action is Action.CONNECTED for t in person.touches
        ):
            date = profile.connected_on.isoformat()
            words += [
                "log",
                person.name,
                "connected",
                *company,
                "--date",
                date,
                "--channel",
                "linkedin",
            ]
        else:
            continue
        commands.append(shlex.join(words))
    return commands


def _doubt(match: Match) -> str:
    """Why a match is uncertain, naming the people of the plan it may be."""
    names = _joined([f"{p.name} ({p.company.name})" for p in match.candidates])
    texts = {
        Doubt.SHARED_ADDRESS: f"{names} all have this profile address in the plan",
        Doubt.SHARED_EMAIL: f"{names} all have this e-mail address in the plan",
        Doubt.SEVERAL_PROFILES: f"more than one member of LinkedIn fits {names}",
        Doubt.OTHER_ADDRESS: (
            f"the name and company of {names}, but another profile address in the plan"
        ),
        Doubt.NAMESAKES_HERE: f"the name of {names}, all at this company",
        Doubt.ANOTHER_COMPANY: f"the name of {names}, at another company",
        Doubt.NO_COMPANY: f"the name of {names}; the export gives no company to compare",
    }
    return texts[match.why] if match.why is not None else ""


def _held(profile: Profile) -> str:
    """What the export holds for someone: what accepting the match would bring in."""
    parts = []
    if profile.connected_on is not None:
        parts.append(f"connected {profile.connected_on.isoformat()}")
    if profile.invitations:
        parts.append(plural(len(profile.invitations), "invitation", "invitations"))
    messages = len(profile.sent) + len(profile.received)
    if messages:
        parts.append(plural(messages, "message", "messages"))
    return f" ({', '.join(parts)})" if parts else ""


def _described(profile: Profile) -> str:
    at = f" at {profile.company}" if profile.company else ""
    return f"{profile.name or profile.url}{at}"


def _uncertain_lines(report: ImportReport) -> list[str]:
    plan_names = Counter(fold(person.name) for person in report.plan.people)
    entries = []
    addressless = False  # someone the plan gives no address to tell them apart
    for match in report.matching.of(Certainty.UNCERTAIN):
        head = f"  {_described(match.profile)}{_held(match.profile)}: {_doubt(match)}."
        if match.why in (Doubt.SHARED_ADDRESS, Doubt.SHARED_EMAIL):
            entries += [head, "    Fix the plan first: `playbook check` names them."]
            continue
        commands = _settle(match, plan_names)
        if commands:
            entries.append(head)
            entries += [f"    If it is the same person: {command}" for command in commands]
            if match.why is Doubt.OTHER_ADDRESS:
                entries.append("    If not: nothing to do; the address in the plan is theirs.")
            else:
                addressless = True
    if not entries:
        return []
    closing = (
        "  (If not, give the plan's person their own profile address with `playbook set "
        "NAME --linkedin URL`, and the import stops asking.)"
    )
    return [
        "",
        "Not certain, so nothing was logged for them; if it is the same person, run the "
        "command, then import again:",
        *entries,
        *([closing] if addressless else []),
    ]


def _idle(report: ImportReport) -> list[Match]:
    """Uncertain matches that would add nothing even if accepted (the plan's person is
    connected already, and the export has no address or e-mail for them)."""
    plan_names = Counter(fold(person.name) for person in report.plan.people)
    return [
        match
        for match in report.matching.of(Certainty.UNCERTAIN)
        if match.why not in (Doubt.SHARED_ADDRESS, Doubt.SHARED_EMAIL)
        and not _settle(match, plan_names)
    ]


def _namesake_lines(report: ImportReport) -> list[str]:
    lines = []
    namesakes = report.matching.of(Certainty.NAMESAKE)
    if namesakes:
        listed = _joined([_described(m.profile) for m in namesakes])
        lines += [
            "",
            f"Namesakes of people in the plan, other members (their profiles differ): {listed}.",
        ]
    idle = _idle(report)
    if idle:
        listed = _joined([_described(m.profile) for m in idle])
        lines += ["", f"Maybe people of the plan, but nothing to add even if they are: {listed}."]
    return lines


def _not_logged_lines(report: ImportReport) -> list[str]:
    lines = []
    later = sum(p.later for p in report.proofs)
    if later:
        lines.append(
            f"{plural(later, 'touch', 'touches')} dated after today, to log once the day has come"
        )
    for proof in report.proofs:
        if proof.group_only:
            days = ", ".join(d.isoformat() for d in proof.group_only)
            lines.append(
                f"{proof.person.name}: messages in a group conversation before you ever wrote "
                f"to them ({days}); a group message is not a contact of theirs with you"
            )
    if report.matching.unattributed_messages:
        lines.append(
            f"{plural(report.matching.unattributed_messages, 'message', 'messages')} where it "
            "cannot be told which side is you: add your `linkedin` under `me` in plan.yaml"
        )
    skipped = [
        *(str(row) for file in report.export.connections for row in file.unreadable_dates),
        *(str(row) for file, _ in report.export.invitations for row in file.skipped),
        *(str(row) for file in report.export.messages for row in file.skipped),
    ]
    lines += skipped[:SKIPPED_SHOWN]
    if len(skipped) > SKIPPED_SHOWN:
        lines.append(f"and {len(skipped) - SKIPPED_SHOWN} more rows that could not be read")
    if not lines:
        return []
    return ["", "Not logged:", *(f"  {line}" for line in lines)]


# ---------------------------------------------------------------- people you already know

_HR = re.compile(
    r"\b(hr|hrbp|human resources?|people|talent|recruit\w*|personal\w*|kadr\w*|rh|"
    r"ressources humaines|personnel|recursos humanos)\b"
)
_OPERATIONS = re.compile(
    r"\b(operations?|operational|operating|coo|plant|production|manufacturing|factory|"
    r"logistics|supply chain|werk\w*|betrieb\w*|produktion\w*|operacj\w*|produkcj\w*|"
    r"zaklad\w*|fabrik\w*|usine|planta)\b"
)
_GROUPS = (
    "operations, where the plan has nobody for it yet",
    "HR, where the plan has nobody for it yet",
    "abroad, at companies still short of people",
    "others",
)


def guess_focus(position: str, company: Company) -> Focus | None:
    """The decision-maker a job title suggests, or None when it says nothing."""
    if company.sector.recruiters:
        return Focus.RECRUITER
    title = fold(position)
    if _HR.search(title):
        return Focus.HR
    if _OPERATIONS.search(title):
        return Focus.OPERATIONS
    return None


def _group(profile: Profile, company: Company, facts: PlanFacts) -> tuple[int, Focus | None]:
    focus = guess_focus(profile.position, company)
    missing = missing_roles(company)
    if focus is Focus.OPERATIONS and Focus.OPERATIONS in missing:
        return 0, focus
    if focus in (Focus.HR, Focus.RECRUITER) and focus in missing:
        return 1, focus
    if facts[company].abroad and len(company.people) < facts.plan.targets.people_per_company:
        return 2, focus
    return 3, focus


def add_person_line(profile: Profile, company: Company, focus: Focus | None) -> str:
    """The command that adds a known connection to the plan."""
    words = ["playbook", "add", "person", profile.name, "--company", company.name]
    if focus is not None:
        words += ["--focus", focus.value]
    if profile.position:
        words += ["--role", profile.position]
    if profile.url and profile.key:
        words += ["--linkedin", profile.url]
    if profile.email:
        words += ["--email", profile.email]
    return shlex.join(words)


def _known_lines(report: ImportReport, show_all: bool) -> list[str]:
    known = [
        m
        for m in report.matching.of(Certainty.STRANGER)
        if m.company is not None and m.profile.connection
    ]
    if not known:
        return []
    groups: list[list[tuple[Match, Focus | None]]] = [[], [], [], []]
    ranked = []
    for match in known:
        assert match.company is not None
        rank, focus = _group(match.profile, match.company, report.before)
        order = (
            rank,
            match.company.priority,
            match.company.name.casefold(),
            match.profile.name.casefold(),
        )
        ranked.append((order, match, focus))
    ranked.sort(key=lambda item: item[0])
    for order, match, focus in ranked:
        groups[order[0]].append((match, focus))
    lines = [
        "",
        f"People you already know there: {plural(len(known), 'connection', 'connections')} at "
        "companies of the plan, not in it yet; the roles the plan lacks first:",
    ]
    for title, members in zip(_GROUPS, groups, strict=True):
        if not members:
            continue
        lines.append(f"  {title} ({len(members)}):")
        shown = members if show_all else members[:KNOWN_SHOWN]
        for match, focus in shown:
            lines += _known_entry(match, focus)
        if len(members) > len(shown):
            lines.append(f"    … and {len(members) - len(shown)} more (all of them: --all)")
    return lines


def _known_entry(match: Match, focus: Focus | None) -> list[str]:
    profile, company = match.profile, match.company
    assert company is not None
    role = f", {profile.position}" if profile.position else ""
    facts = []
    if profile.company and fold(profile.company) != fold(company.name):
        facts.append(f"{profile.company} on LinkedIn")
    if profile.connected_on is not None:
        facts.append(f"connected {profile.connected_on.isoformat()}")
    messages = [m for m in profile.sent] + [m for m, _ in profile.received]
    if messages:
        last = max(m.when.local_day() for m in messages)
        facts.append(
            f"{plural(len(messages), 'message', 'messages')}, the last on {last.isoformat()}"
        )
    said = f" ({'; '.join(facts)})" if facts else ""
    return [
        f"    {profile.name}{role} at {company.name}{said}",
        f"      {add_person_line(profile, company, focus)}",
    ]


def _elsewhere_lines(matching: Matching) -> list[str]:
    parts = []
    if matching.elsewhere_connections:
        parts.append(plural(matching.elsewhere_connections, "connection", "connections"))
    if matching.elsewhere_invitations:
        parts.append(plural(matching.elsewhere_invitations, "invitation", "invitations"))
    if matching.elsewhere_conversations:
        parts.append(plural(matching.elsewhere_conversations, "conversation", "conversations"))
    if not parts:
        return []
    counted = " (the invitations count in the budget)" if matching.elsewhere_invitations else ""
    return [
        "",
        f"Outside the plan: {_joined(parts)} with people at other companies; "
        f"nothing to do{counted}.",
    ]
