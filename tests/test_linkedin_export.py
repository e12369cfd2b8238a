"""`playbook import linkedin` on a whole export of the example plan's owner.

The archive in tests/fixtures/linkedin/Basic_LinkedInDataExport_11-26-2026/ is written in
LinkedIn's formats: Connections.csv with its notes and byte-order mark, Invitations.csv
with `Sent At` like `11/24/26, 11:30 PM`, messages.csv with every header quoted and
`DATE` like `2026-11-19 16:00:00 UTC`; drafts, a group conversation, strangers,
namesakes, a profile address on a country subdomain with a trailing slash, a profile
known only by its e-mail, and a member under another name and company name. The
import's files and report are compared whole with golden files
(`PLAYBOOK_UPDATE_GOLDEN=1` rewrites them after a deliberate change).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.checking import load_plan
from generator.cli import cli
from generator.importing.csvfile import parse_moment
from tests.conftest import EXAMPLE_PLAN, FIXTURES
from tests.helpers import golden_update_requested, snapshot, time_zone

EXPORT = FIXTURES / "linkedin" / "Basic_LinkedInDataExport_11-26-2026"
GOLDEN = FIXTURES / "linkedin" / "golden"
TODAY = dt.date(2026, 11, 26)

# Every touch the export proves and the plan lacked: (person, day, action).
NEW_TOUCHES = {
    ("Bartosz Ziółkowski", "2019-06-12", "connected"),
    ("Adam Sikora", "2026-11-24", "replied"),
    ("Katrin Lehmann", "2026-11-18", "messaged"),
    ("Gábor Tóth", "2026-08-14", "connected"),
    ("Gábor Tóth", "2026-11-19", "messaged"),
    ("Gábor Tóth", "2026-11-19", "replied"),
    ("Monika Nowicka", "2026-11-16", "messaged"),
    ("Monika Nowicka", "2026-11-17", "replied"),
    ("Henrik Nilsson", "2026-11-19", "connected"),
    ("Erik Johansson", "2026-10-30", "connected"),
    ("Erik Johansson", "2026-11-02", "messaged"),
    ("Erik Johansson", "2026-11-12", "followed_up"),
    ("Linnea Holm", "2026-11-24", "invited"),
    ("Florian Bauer", "2026-11-02", "messaged"),
    ("Florian Bauer", "2026-11-03", "replied"),
    ("Jiří Dvořák", "2026-11-19", "messaged"),
    ("Jiří Dvořák", "2026-11-20", "replied"),
    ("Joanna Malinowska", "2026-11-20", "invited"),
}
# Who came to me first: (who, day).
NEW_INBOUND = {("Monika Nowicka", "2026-11-16"), ("Henrik Nilsson", "2026-11-18")}


@pytest.fixture
def warsaw() -> Iterator[None]:
    """The computer's clock in Warsaw: LinkedIn's UTC times become Polish days."""
    yield from time_zone("Europe/Warsaw")


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example plan in plans/, the current folder: paths read as typed."""
    shutil.copytree(EXAMPLE_PLAN, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def zipped(folder: Path, target: Path, members: list[str] | None = None) -> Path:
    """The export as LinkedIn sends it: the files in a folder named like the zip."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            if members is None or path.name in members:
                archive.write(path, f"{folder.name}/{path.name}")
    return target


def run(*args: str) -> Result:
    return CliRunner().invoke(
        cli,
        ["--plans", "plans", "--today", TODAY.isoformat(), "import", "linkedin", *args],
        catch_exceptions=False,
    )


def touches(plans: Path) -> set[tuple[str, str, str]]:
    plan = load_plan(plans, TODAY)
    people = plan.plan.people
    return {(p.name, t.date.isoformat(), t.action.value) for p in people for t in p.touches}


def inbound(plans: Path) -> set[tuple[str, str]]:
    return {(e.who, e.date.isoformat()) for e in load_plan(plans, TODAY).plan.inbound}


def golden(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if golden_update_requested():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert actual == path.read_bytes(), f"{name} differs from its golden file"


def test_every_touch_lands_with_its_date_and_nothing_else_changes(
    playbook: Path, warsaw: None
) -> None:
    archive = zipped(EXPORT, playbook / f"{EXPORT.name}.zip")
    plans = playbook / "plans"
    before, touches_before, inbound_before = snapshot(plans), touches(plans), inbound(plans)
    result = run(archive.name)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    golden("report.txt", result.stdout.encode())
    assert touches(plans) - touches_before == NEW_TOUCHES
    assert touches_before <= touches(plans)
    assert inbound(plans) - inbound_before == NEW_INBOUND
    after = snapshot(plans)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert changed == [
        "companies/bielawa-cooling.yaml",
        "companies/domira-appliances.yaml",
        "companies/hausgerat-saxonia.yaml",
        "companies/hoforras-climate.yaml",
        "companies/mazovia-heat-pumps.yaml",
        "companies/nordic-plant-leaders.yaml",
        "companies/nordkyl-appliances.yaml",
        "companies/sudhaus-executive.yaml",
        "companies/teplotech-brno.yaml",
        "companies/zefir-home.yaml",
        "inbound.yaml",
        "linkedin.yaml",
    ]
    assert set(before) <= set(after)
    for name in changed:
        golden(f"plans/{name}", after[name])


def test_a_second_import_changes_nothing(playbook: Path, warsaw: None) -> None:
    archive = zipped(EXPORT, playbook / f"{EXPORT.name}.zip")
    assert run(archive.name).exit_code == 0
    once = snapshot(playbook / "plans")
    again = run(archive.name)
    assert again.exit_code == 0
    assert snapshot(playbook / "plans") == once
    assert "Nothing to add: the plan already holds everything the export proves." in again.stdout


def test_the_folder_and_the_csvs_alone_do_what_the_zip_does(playbook: Path, warsaw: None) -> None:
    archive = zipped(EXPORT, playbook / f"{EXPORT.name}.zip")
    pristine = snapshot(playbook / "plans")
    assert run(archive.name).exit_code == 0
    from_zip = snapshot(playbook / "plans")
    for paths in (
        [str(EXPORT)],
        [str(EXPORT / name) for name in ("messages.csv", "Connections.csv", "Invitations.csv")],
    ):
        shutil.rmtree(playbook / "plans")
        (playbook / "plans").mkdir()
        for name, data in pristine.items():
            (playbook / "plans" / name).parent.mkdir(parents=True, exist_ok=True)
            (playbook / "plans" / name).write_bytes(data)
        assert run(*paths).exit_code == 0
        assert snapshot(playbook / "plans") == from_zip, paths


def test_the_two_archives_of_one_export_together(playbook: Path, warsaw: None) -> None:
    """LinkedIn may send the export in two parts, which overlap; given together they are
    one export."""
    whole = zipped(EXPORT, playbook / f"{EXPORT.name}.zip")
    (playbook / "parts").mkdir()
    basic = zipped(EXPORT, playbook / "parts" / whole.name, ["Connections.csv", "Invitations.csv"])
    complete = zipped(
        EXPORT,
        playbook / "parts" / "Complete_LinkedInDataExport_11-26-2026.zip",
        ["Connections.csv", "messages.csv"],
    )
    assert run(str(basic), str(complete)).exit_code == 0
    together = snapshot(playbook / "plans")
    shutil.rmtree(playbook / "plans")
    shutil.copytree(EXAMPLE_PLAN, playbook / "plans")
    assert run(whole.name).exit_code == 0
    assert snapshot(playbook / "plans") == together


def older_export(target: Path, last_day: str) -> Path:
    """The same export as LinkedIn would have sent it on an earlier day: rows dated after
    that day left out."""
    folder = target / f"Basic_LinkedInDataExport_{last_day[5:7]}-{last_day[8:]}-{last_day[:4]}"
    folder.mkdir(parents=True)
    day = dt.date.fromisoformat(last_day)
    for path in EXPORT.iterdir():
        text = path.read_bytes().decode("utf-8")
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")):
            moments = [parse_moment(cell) for cell in row]
            if not any(m is not None and m.day > day for m in moments):
                writer.writerow(row)
        (folder / path.name).write_bytes(out.getvalue().encode("utf-8"))
    return folder


def test_an_older_export_after_a_newer_changes_nothing(playbook: Path, warsaw: None) -> None:
    older = older_export(playbook / "older", "2026-11-15")
    assert "Nordkyl" not in (older / "Invitations.csv").read_text(encoding="utf-8")
    assert "Linnea Holm" not in (older / "Invitations.csv").read_text(encoding="utf-8")
    assert "Henrik Nilsson" not in (older / "Connections.csv").read_text(encoding="utf-8")
    assert run(str(zipped(EXPORT, playbook / f"{EXPORT.name}.zip"))).exit_code == 0
    newer = snapshot(playbook / "plans")
    result = run(str(older))
    assert result.exit_code == 0
    assert snapshot(playbook / "plans") == newer
    assert (
        "the export of 2026-11-15 is older than the one counted already (2026-11-26): the "
        "counts stay as they are"
    ) in result.stdout


def test_another_time_zone_finds_the_same_touches(playbook: Path) -> None:
    """Imported on a computer set to UTC, then again in Warsaw: a touch a day either side
    is the same touch, so the second import adds nothing."""
    archive = zipped(EXPORT, playbook / f"{EXPORT.name}.zip")
    for zone in ("UTC", "Europe/Warsaw"):
        for _ in time_zone(zone):
            assert run(archive.name).exit_code == 0
            if zone == "UTC":
                first = snapshot(playbook / "plans")
    assert snapshot(playbook / "plans") == first
    # Halina Borowska's invitation, 23:30 UTC on the 24th, is the plan's of the 25th.
    assert ("Halina Borowska", "2026-11-24", "invited") not in touches(playbook / "plans")


def test_dry_run_shows_the_diff_and_writes_nothing(playbook: Path, warsaw: None) -> None:
    before = snapshot(playbook / "plans")
    result = run(str(EXPORT), "--dry-run")
    assert result.exit_code == 0
    assert snapshot(playbook / "plans") == before
    lines = result.stdout.splitlines()
    assert "22 changes would be made in 12 files:" in lines
    assert "The files this would change:" in lines
    assert "+      - {date: 2026-11-12, action: followed_up, channel: linkedin}" in lines
    assert lines[-1] == "Dry run: nothing was written."
