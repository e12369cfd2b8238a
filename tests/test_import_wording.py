"""What `playbook import linkedin` says, on the example plan's own export and broken
copies of it written here: where the export's date comes from, the people you already
know with their company, a header row short of a column, and each date it cannot read.
Every message is compared whole."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from tests.conftest import EXAMPLE_PLAN, FIXTURES
from tests.helpers import replace_in, snapshot, time_zone

EXPORT = FIXTURES / "linkedin" / "Basic_LinkedInDataExport_11-26-2026"
TODAY = dt.date(2026, 11, 26)
INVITATIONS_HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
MESSAGES_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT"
)


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the example plan in plans/, the current folder, on a clock in Warsaw."""
    shutil.copytree(EXAMPLE_PLAN, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    for _ in time_zone("Europe/Warsaw"):
        yield tmp_path


def copy_of_export(name: str) -> Path:
    """The fixture export, unpacked into a folder of this name (in the current folder)."""
    return Path(shutil.copytree(EXPORT, Path(name)))


def run(*args: str) -> Result:
    return CliRunner().invoke(
        cli,
        ["--plans", "plans", "--today", TODAY.isoformat(), "import", "linkedin", *args],
        catch_exceptions=False,
    )


def block(output: str, title: str) -> list[str]:
    """The lines of one part of the report: its title line up to the next blank line."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    end = next((i for i in range(start, len(lines)) if not lines[i]), len(lines))
    return lines[start:end]


BUDGET = (
    "LinkedIn: 5 / 100 invitations this week · 3 notes this month · 26 pending, 13 for 3+ weeks."
)


# ---------------------------------------------------------------- the export's date


def test_the_date_in_the_folders_name_is_said(playbook: Path) -> None:
    folder = copy_of_export(EXPORT.name)
    result = run(str(folder), "--dry-run")
    assert result.exit_code == 0, result.output
    assert block(result.output, "LinkedIn: ") == [
        BUDGET,
        "  (The export is taken as of 2026-11-26, the date in the folder's name "
        "(Basic_LinkedInDataExport_11-26-2026).)",
    ]
    # One of its files alone: the date is still the folder's.
    alone = run(str(folder / "Invitations.csv"), "--dry-run")
    assert block(alone.output, "LinkedIn: ")[1] == (
        "  (The export is taken as of 2026-11-26, the date in the folder's name "
        "(Basic_LinkedInDataExport_11-26-2026).)"
    )


def test_a_guessed_date_is_explained(playbook: Path) -> None:
    """A renamed folder holds no date: the newest day in the export stands in for it
    (an invitation sent on 25 November, 07:45 UTC), and the report says so."""
    folder = copy_of_export("my-linkedin-data")
    result = run(str(folder), "--dry-run")
    assert result.exit_code == 0, result.output
    assert block(result.output, "LinkedIn: ") == [
        BUDGET,
        "  (The export is taken as of 2026-11-25, the newest day anything in it happened: no "
        "date in its name (LinkedIn names the zip and its folder "
        "Basic_LinkedInDataExport_MM-DD-YYYY; give those to count from LinkedIn's own date).)",
    ]


# ---------------------------------------------------------------- people you already know


def test_people_you_already_know_are_named_with_their_company(playbook: Path) -> None:
    result = run(str(copy_of_export(EXPORT.name)), "--dry-run")
    known = [
        line
        for line in block(result.output, "People you already know there")
        if not line.lstrip().startswith("playbook ")
    ]
    assert known == [
        "People you already know there: 4 connections at companies of the plan, not in it yet; "
        "the roles the plan lacks first:",
        "  operations, where the plan has nobody for it yet (1):",
        "    Tomasz Lis, Plant Manager at Kalina Home Appliances (connected 2022-03-03; "
        "2 messages, the last on 2026-09-02)",
        "  HR, where the plan has nobody for it yet (1):",
        "    Ewa Kamińska, HR Manager at Kopernik Home Appliances (Kopernik Home Appliances "
        "Sp. z o.o. on LinkedIn; connected 2023-05-11)",
        "  others (2):",
        "    Lukas Schmidt, Head of Production at Rheinklima Technik (Rheinklima Technik GmbH "
        "on LinkedIn; connected 2024-01-05)",
        "    Bence Kiss, Sales Director at Hőforrás Climate (connected 2024-09-20)",
    ]


@pytest.mark.parametrize(
    ("people_per_company", "short"),
    [(2, True), (1, False)],
    ids=["1 person of 2: short", "1 person of 1: not short"],
)
def test_abroad_at_a_company_short_of_people(
    playbook: Path, people_per_company: int, short: bool
) -> None:
    """Hőforrás Climate (Hungary: abroad) with one person left, against the target of
    people per company: below it, Bence Kiss is listed as the abroad contact it lacks."""
    hoforras = Path("plans/companies/hoforras-climate.yaml")
    text = hoforras.read_text(encoding="utf-8")
    hoforras.write_text(text[: text.index("  - name: Eszter Fekete")], encoding="utf-8")
    replace_in(
        Path("plans/plan.yaml"),
        "  people_per_company: 2 ",
        f"  people_per_company: {people_per_company} ",
    )
    result = run(str(copy_of_export(EXPORT.name)), "--dry-run")
    assert result.exit_code == 0, result.output
    groups = [
        line for line in block(result.output, "People you already know there") if line[2] != " "
    ]
    bence = "    Bence Kiss, Sales Director at Hőforrás Climate (connected 2024-09-20)"
    known = block(result.output, "People you already know there")
    abroad = "  abroad, at companies still short of people (1):"
    if short:
        assert groups[1:] == [
            "  operations, where the plan has nobody for it yet (1):",
            "  HR, where the plan has nobody for it yet (1):",
            abroad,
            "  others (1):",
        ]
        assert known[known.index(abroad) + 1] == bence
    else:
        assert abroad not in groups
        assert known[known.index("  others (2):") + 3] == bence


# ---------------------------------------------------------------- a header row short of a column


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "Invitations.csv",
            "From,To,Sent At,",
            "From,To,Sent,",
            "{path}:1: the header row has no column Sent At; expected LinkedIn's "
            f"Invitations.csv: a header row with {INVITATIONS_HEADER}",
        ),
        (
            "Connections.csv",
            "First Name,Last Name,",
            "Given Name,Family Name,",
            "{path}:4: the header row has no columns First Name, Last Name; expected "
            f"LinkedIn's Connections.csv: a header row with {CONNECTIONS_HEADER}",
        ),
        (
            "messages.csv",
            '"FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE"',
            '"SENDER","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","SENT"',
            "{path}:1: the header row has no columns FROM, DATE; expected LinkedIn's "
            f"messages.csv: a header row with {MESSAGES_HEADER}",
        ),
    ],
)
def test_a_header_row_short_of_a_column_names_what_it_lacks(
    playbook: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = copy_of_export(EXPORT.name)
    replace_in(folder / file, old, new)
    before = snapshot(playbook / "plans")
    result = run(str(folder))
    assert (result.exit_code, result.output) == (
        1,
        message.format(path=folder / file) + "\n",
    )
    assert snapshot(playbook / "plans") == before


def test_a_file_of_unknown_name_and_header_lists_every_header(playbook: Path) -> None:
    download = Path("download.csv")
    text = (EXPORT / "Connections.csv").read_text(encoding="utf-8-sig")
    download.write_text(text.replace("First Name,", "Given Name,"), encoding="utf-8")
    result = run(str(download))
    assert (result.exit_code, result.output) == (
        1,
        "download.csv: not one of the export's files (no header row of Connections.csv, "
        "Invitations.csv or messages.csv found); expected LinkedIn's data export: the zip, "
        "the folder it unpacks to, or one of its files (Connections.csv, Invitations.csv or "
        "messages.csv), whose header rows are "
        f"Connections.csv: {CONNECTIONS_HEADER}; Invitations.csv: {INVITATIONS_HEADER}; "
        f"messages.csv: {MESSAGES_HEADER}\n",
    )


# ---------------------------------------------------------------- dates it cannot read


def test_every_unreadable_date_is_named_by_file_line_and_column(playbook: Path) -> None:
    folder = copy_of_export(EXPORT.name)
    connections, invitations, messages = (
        folder / name for name in ("Connections.csv", "Invitations.csv", "messages.csv")
    )
    replace_in(connections, "Plant Manager,27 Mar 2026", "Plant Manager,")  # line 5: empty
    replace_in(connections, "Product Lead,31 Jul 2023", "Product Lead,31 Jxl 2023")  # line 20
    replace_in(invitations, '"11/21/26, 3:00 AM"', '"11/31/26, 3:00 AM"')  # line 13: 31 Nov
    replace_in(messages, "2026-11-03 08:00:00 UTC", "2026-11-03 08:00:00 UTX")  # line 2
    result = run(str(folder), "--dry-run")
    assert result.exit_code == 0, result.output
    assert block(result.output, "Read LinkedIn's export:")[1] == (
        f"  {connections}: 18 connections (1 without a name skipped; 2 without a readable "
        "date: no `connected` touch for them)"
    )
    assert block(result.output, "Not logged:") == [
        "Not logged:",
        f"  {connections}:5:106: Connected On is empty; expected a date like 27 Mar 2026",
        f"  {connections}:20:91: Connected On '31 Jxl 2023' is not a date; expected one like "
        "27 Mar 2026",
        f"  {invitations}:13:28: Sent At '11/31/26, 3:00 AM' is not a date; expected one like "
        "11/10/26, 3:43 PM",
        f"  {messages}:2:147: DATE '2026-11-03 08:00:00 UTX' is not a date; expected one like "
        "2026-11-15 10:00:00 UTC",
    ]


def test_a_date_after_a_quoted_cell_over_two_lines_is_found(playbook: Path) -> None:
    """The column counts characters of the line the cell is on: a message of two lines
    before it moves it to the next line."""
    messages = Path("messages.csv")
    messages.write_text(
        f"{MESSAGES_HEADER}\r\n"
        'c1,"A title, ""quoted""\r\nover two lines",Ola,https://www.linkedin.com/in/ola,'
        "Jolanta Żurawska,https://www.linkedin.com/in/jolanta-zurawska-example,"
        "someday,,Hi,INBOX,,No,No\r\n",
        encoding="utf-8",
    )
    result = run(str(messages), "--dry-run")
    assert block(result.output, "Not logged:") == [
        "Not logged:",
        "  messages.csv:3:123: DATE 'someday' is not a date; expected one like "
        "2026-11-15 10:00:00 UTC",
    ]
