"""`playbook export csv|vcard|ics`: the plan in formats other tools read."""

from __future__ import annotations

from pathlib import Path

from generator.atomic import atomic_write
from generator.errors import PlaybookError, shown
from generator.exporting.calendar import week_calendar
from generator.exporting.contacts import contacts_csv, vcards
from generator.metrics.situation import Situation
from generator.site.publish import refuse_inside_plans


def export_data(
    situation: Situation, format: str, to_file: bool = True, todo: bool = False
) -> bytes:
    if format == "csv":
        return contacts_csv(situation, for_spreadsheet=to_file).encode("utf-8")
    if format == "vcard":
        return vcards(situation).encode("utf-8")
    return week_calendar(situation, todo=todo)


def write_export(path: Path, data: bytes, plans_dir: Path) -> None:
    """Write the export whole, never into the plans folder (it would replace the plan)."""
    refuse_inside_plans(path, plans_dir, "--output")
    try:
        atomic_write(path, data.decode("utf-8"))
    except OSError as exc:
        raise PlaybookError(f"{shown(path)}: cannot write it: {exc.strerror}") from None
