"""`plans/linkedin.yaml`: LinkedIn's own counts, for the LinkedIn budget.

LinkedIn's limits count every invitation sent, also those to people outside the plan,
and the plan holds touches only with its own people. So the import writes what the
budget needs and nothing more: invitations sent per day (and how many carried a
personalised note), for the year before the export, and how many invitations to people
outside the plan were still waiting on the day of the export, by the day they were
sent. It names nobody. The budget adds what the plan logs after the export's day.
Days are UTC days, as LinkedIn writes its times, so the file is the same whichever
time zone the computer importing it is in.

Updating it follows the rule of the whole import: an export older than the one the
file holds changes nothing; a newer one (or the same again) keeps, for each day, the
larger count, since an invitation withdrawn since may have left LinkedIn's list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from generator.editing.yaml_edit import format_scalar
from generator.importing.export import Export
from generator.importing.invitations import Invitation
from generator.importing.matching import Matching, fold_name
from generator.metrics.budget import COUNTED_DAYS
from generator.model.model import LinkedInCounts

# Days kept before the export's own: as far back as the budget reads them.
KEPT_DAYS = COUNTED_DAYS

HEADER = """\
# LinkedIn's own counts, written by `playbook import linkedin` from your data export
# for the LinkedIn budget: LinkedIn's limits count every invitation you send, also
# those to people outside the plan. It names nobody; days are UTC days, as LinkedIn
# writes them. Each import of a newer export updates it: no need to edit it.
"""


@dataclass(frozen=True)
class CountsUpdate:
    text: str | None  # the new file text; None: leave the file as it is
    exported_on: dt.date | None
    note: str  # what happened, for the report
    dated_by: str = ""  # where the export's date comes from, for the report


def counts_update(
    export: Export, matching: Matching, current: LinkedInCounts | None
) -> CountsUpdate:
    if not export.invitations:
        return CountsUpdate(None, None, "")
    exported_on, dated_by = max(
        (_export_day(export, file_day), export.dated_by.get(file.source, ""))
        for file, file_day in export.invitations
    )
    if not dated_by:
        dated_by = (
            "the newest day anything in it happened: no date in its name (LinkedIn names "
            "the zip and its folder Basic_LinkedInDataExport_MM-DD-YYYY; give those to count "
            "from LinkedIn's own date)"
        )
    if current is not None and exported_on < current.exported_on:
        return CountsUpdate(
            None,
            exported_on,
            f"the export of {exported_on.isoformat()} is older than the one counted already "
            f"({current.exported_on.isoformat()}): the counts stay as they are",
            dated_by,
        )
    first = exported_on - dt.timedelta(days=KEPT_DAYS)
    sent: dict[dt.date, list[int]] = {}
    for invitation in _unique(inv for file, _ in export.invitations for inv in file.invitations):
        day = invitation.when.utc_day()
        if invitation.outgoing and first <= day <= exported_on:
            counts = sent.setdefault(day, [0, 0])
            counts[0] += 1
            counts[1] += bool(invitation.note)
    if current is not None:
        for entry in current.invitations:
            if first <= entry.date <= exported_on:
                counts = sent.setdefault(entry.date, [0, 0])
                counts[0], counts[1] = max(counts[0], entry.sent), max(counts[1], entry.notes)
    pending = _pending(export, matching, exported_on)
    if pending is None:
        kept = current.pending if current is not None else []
        pending = {entry.date: entry.count for entry in kept if entry.count}
    return CountsUpdate(_text(exported_on, sent, pending), exported_on, "", dated_by)


def _export_day(export: Export, named: dt.date | None) -> dt.date:
    """The export's date: from its name, else the newest day anything in it happened."""
    if named is not None:
        return named
    days = [inv.when.utc_day() for file, _ in export.invitations for inv in file.invitations]
    days += [m.when.utc_day() for file in export.messages for m in file.messages]
    days += [
        c.connected_on for file in export.connections for c in file.connections if c.connected_on
    ]
    return max(days, default=dt.date.min)


def _unique(invitations: Iterable[Invitation]) -> list[Invitation]:
    """Each invitation once, though two archives of one export may both list it."""
    seen: dict[tuple[bool, str, object], Invitation] = {}
    for invitation in invitations:
        who = invitation.key or fold_name(invitation.name)
        seen.setdefault((invitation.outgoing, who, invitation.when), invitation)
    return list(seen.values())


def _pending(export: Export, matching: Matching, exported_on: dt.date) -> dict[dt.date, int] | None:
    """Invitations to people outside the plan still waiting in the newest export, by day
    sent; None when the export has no connections to tell which were accepted."""
    if not export.connections:
        return None
    newest = max(export.invitations, key=lambda pair: _export_day(export, pair[1]))[0]
    in_plan = {m.profile.key for m in matching.certain() if m.profile.key}
    in_plan_names = {fold_name(m.profile.name) for m in matching.certain() if not m.profile.key}
    pending: dict[dt.date, int] = {}
    for invitation in _unique(newest.invitations):
        if not invitation.outgoing:
            continue
        if invitation.key and (
            invitation.key in matching.connected_keys or invitation.key in in_plan
        ):
            continue
        if not invitation.key and fold_name(invitation.name) in in_plan_names:
            continue
        day = invitation.when.utc_day()
        if day <= exported_on:
            pending[day] = pending.get(day, 0) + 1
    return pending


def _text(exported_on: dt.date, sent: dict[dt.date, list[int]], pending: dict[dt.date, int]) -> str:
    lines = [HEADER.rstrip("\n"), f"exported_on: {exported_on.isoformat()}"]
    if sent:
        lines.append("invitations:  # sent per day, to anyone, and how many with a note")
        for day in sorted(sent):
            count, notes = sent[day]
            lines.append(f"  - {{date: {day.isoformat()}, sent: {count}, notes: {notes}}}")
    else:
        lines.append("invitations: []")
    if pending:
        lines.append("pending:  # sent to people outside the plan, not accepted yet, per day sent")
        for day in sorted(pending):
            lines.append(f"  - {{date: {day.isoformat()}, count: {format_scalar(pending[day])}}}")
    else:
        lines.append("pending: []")
    return "\n".join(lines) + "\n"
