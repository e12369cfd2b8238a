"""`playbook import linkedin FILE` on the small plan, with a Connections.csv as LinkedIn writes it."""

from __future__ import annotations

import os
import shlex
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from tests.helpers import replace_in, snapshot

NOTES = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"

# The small plan's people as LinkedIn spells them, and others.
ROWS = [
    # Piotr Żółć without accents, from a country subdomain with a trailing slash: he lacks
    # a linkedin (filled, normalised) and already has `connected` (no new touch).
    'Piotr,Zolc,https://pl.linkedin.com/in/piotr-zolc-example/,,Talent Bridge,"Senior Consultant, IT & Engineering",14 Feb 2025',
    # Åsa Lindqvist in other cases, without the ring: she lacks an e-mail (filled).
    "asa,LINDQVIST,https://www.linkedin.com/in/asa-lindqvist-example,asa.lindqvist@mail.example,Nordic Robotics,VP Operations,03 Jun 2026",
    # One of the two Anna Nowaks, picked by the company: she has no linkedin, no e-mail and
    # no `connected` touch, so she gets all three.
    'Anna,Nowak,https://www.linkedin.com/in/anna-nowak-volta-example,anna.nowak@volta-cells.example,Volta Cells Sp. z o.o.,"HR Business Partner, Wrocław",05 Nov 2026',
    # An Anna Nowak at neither company: ambiguous.
    'Anna,Nowak,,,"Acme Logistics, Inc.",Buyer,10 Jan 2025',
    # Someone at a target company who is not in the plan.
    'Marta,Wiśniewska,https://www.linkedin.com/in/marta-wisniewska-example,marta.w@nordic-robotics.example,Nordic Robotics AB,"Head of Quality, Nordics",12 Mar 2025',
    # In the plan with everything already: matched, nothing to change.
    "JAN,NOWAK,https://www.linkedin.com/in/jan-nowak-example,,Volta Cells,COO,05 Oct 2026",
    "EWA,KOT,https://www.linkedin.com/in/ewa-kot-example,,Talent Bridge,Partner,02 Sep 2026",
    # Members who hide their name.
    ",,,,,,12 Sep 2023",
    ",,,,Hidden Holdings,Manager,03 Aug 2023",
    # Nothing to do with the plan.
    "Priya,Raman,https://www.linkedin.com/in/priya-raman-example,,Fintech Example,Product Lead,31 Jul 2023",
    'Dana,"Smith, PhD",https://www.linkedin.com/in/dana-smith-example,dana.smith@research.example,Example University,"Head of ""Ops"", Research",01 Oct 2023',
]
CONNECTIONS = "\ufeff" + NOTES + HEADER + "".join(f"{row}\r\n" for row in ROWS)

TALENT_BRIDGE = """\
name: Talent Bridge
sector: Recruitment
country: Poland
priority: 1
people:
  - name: Piotr Żółć
    role: Senior Consultant
    email: piotr@talent-bridge.example
    focus: recruiter
    linkedin: https://www.linkedin.com/in/piotr-zolc-example
    touches:
      - {date: 2026-05-04, action: invited}
      - {date: 2026-05-06, action: connected}
      - {date: 2026-05-20, action: messaged}
  - name: Ewa Kot
    role: Partner
    linkedin: https://www.linkedin.com/in/ewa-kot-example
    focus: recruiter
    touches:
      - {date: 2026-09-01, action: invited}
      - {date: 2026-09-02, action: connected}
      - {date: 2026-09-09, action: replied}
      - {date: 2026-09-30, action: followed_up}
"""

NORDIC_ROBOTICS = """\
name: Nordic Robotics
sector: Automation
country: Sweden
priority: 2
people:
  - name: Åsa Lindqvist
    role: VP Operations
    linkedin: https://www.linkedin.com/in/asa-lindqvist-example
    focus: operations
    email: asa.lindqvist@mail.example
    touches:
      - {date: 2026-06-01, action: invited}
      - {date: 2026-06-03, action: connected}
      - {date: 2026-06-10, action: replied}
      - {date: 2026-07-01, action: declined}
  - name: Anna Nowak
    role: Talent Acquisition Lead
    email: anna.nowak@nordic-robotics.example
    focus: hr
    country: Poland
"""

VOLTA_CELLS = """\
name: Volta Cells
sector: Battery cells
country: Poland
website: https://volta-cells.example
why: New gigafactory near Wrocław
priority: 1
people:
  - name: Jan Nowak
    role: Chief Operating Officer
    focus: operations
    linkedin: https://www.linkedin.com/in/jan-nowak-example
    email: jan.nowak@volta-cells.example
    hook: We both spoke at Battery Days 2025
    touches:
      - {date: 2026-10-02, action: invited, channel: linkedin}
      - {date: 2026-10-05, action: connected}
      - {date: 2026-10-20, action: met, note: Coffee in Wrocław}
  - name: Anna Nowak
    role: HR Business Partner
    focus: hr
    linkedin: https://www.linkedin.com/in/anna-nowak-volta-example
    email: anna.nowak@volta-cells.example
    touches:
      - {date: 2026-11-02, action: invited, channel: linkedin}
      - {date: 2026-11-05, action: connected, channel: linkedin}
"""

ADD_MARTA = (
    "playbook add person 'Marta Wiśniewska' --company 'Nordic Robotics' "
    "--role 'Head of Quality, Nordics' --linkedin https://www.linkedin.com/in/marta-wisniewska-example "
    "--email marta.w@nordic-robotics.example"
)


COUNTS_HEADER = """\
# LinkedIn's own counts, written by `playbook import linkedin` from your data export
# for the LinkedIn budget: LinkedIn's limits count every invitation you send, also
# those to people outside the plan. It names nobody; days are UTC days, as LinkedIn
# writes them. Each import of a newer export updates it: no need to edit it.
"""


def run(plans: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", "2026-11-26", *args], catch_exceptions=False
    )


def write_connections(folder: Path, text: str = CONNECTIONS) -> Path:
    path = folder / "Connections.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


def changes(plans: Path) -> list[str]:
    talent, nordic, volta = (
        plans / "companies" / name
        for name in ("talent-bridge.yaml", "nordic-robotics.yaml", "volta-cells.yaml")
    )
    return [
        f"  {nordic}:10: Åsa Lindqvist: e-mail added",
        f"  {talent}:10: Piotr Żółć: LinkedIn address added",
        f"  {volta}:21: Anna Nowak: LinkedIn address and e-mail added",
        f"  {volta}:25: Anna Nowak: connected on 2026-11-05 (linkedin)",
    ]


def head(source: object, dry_run: bool = False) -> list[str]:
    return [
        "Read LinkedIn's export:",
        f"  {source}: 9 connections (2 without a name skipped)",
        "Found 5 people of the plan in it (3 by profile address, 2 by name and company).",
        ("To add" if dry_run else "Added")
        + ": 1 touch (1 connected), 2 LinkedIn addresses and 2 e-mail addresses.",
        f"4 changes {'would be made' if dry_run else 'made'} in 3 files:",
    ]


UNCERTAIN = [
    "",
    "Not certain, so nothing was logged for them; if it is the same person, run the command, "
    "then import again:",
    "  Anna Nowak at Acme Logistics, Inc. (connected 2025-01-10): the name of Anna Nowak "
    "(Nordic Robotics), at another company.",
    "    If it is the same person: playbook log 'Anna Nowak' connected --company 'Nordic "
    "Robotics' --date 2025-01-10 --channel linkedin",
    "  (If not, give the plan's person their own profile address with `playbook set NAME "
    "--linkedin URL`, and the import stops asking.)",
]
KNOWN = [
    "",
    "People you already know there: 1 connection at companies of the plan, not in it yet; "
    "the roles the plan lacks first:",
    "  others (1):",
    "    Marta Wiśniewska, Head of Quality, Nordics at Nordic Robotics (Nordic Robotics AB on "
    "LinkedIn; connected 2025-03-12)",
    f"      {ADD_MARTA}",
]
ELSEWHERE = ["", "Outside the plan: 2 connections with people at other companies; nothing to do."]
TAIL = [*UNCERTAIN, *KNOWN, *ELSEWHERE]


def expected_after_import(before: dict[str, bytes]) -> dict[str, bytes]:
    return {
        **before,
        "companies/talent-bridge.yaml": TALENT_BRIDGE.encode(),
        "companies/nordic-robotics.yaml": NORDIC_ROBOTICS.encode(),
        "companies/volta-cells.yaml": VOLTA_CELLS.encode(),
    }


def test_import_fills_the_plan_and_lists_known_people(small_plan: Path, tmp_path: Path) -> None:
    source = write_connections(tmp_path)
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.output.splitlines() == [*head(source), *changes(small_plan), *TAIL]
    after = snapshot(small_plan)
    assert after == expected_after_import(before)
    # The plan the import leaves is valid, and Anna of Volta Cells is now connected.
    check = run(small_plan, "check")
    assert check.exit_code == 0
    # ...and no longer the one person of the plan without a linkedin or an e-mail.
    assert check.output.splitlines() == [
        f"{small_plan}: ok: 3 sectors, 3 companies, 6 people, 3 inbound contacts"
    ]


def test_dry_run_shows_the_diff_and_writes_nothing(small_plan: Path, tmp_path: Path) -> None:
    source = write_connections(tmp_path)
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(source), "--dry-run")
    assert result.exit_code == 0
    assert snapshot(small_plan) == before
    talent, nordic, volta = (
        small_plan / "companies" / name
        for name in ("talent-bridge.yaml", "nordic-robotics.yaml", "volta-cells.yaml")
    )
    assert result.output.splitlines() == [
        *head(source, dry_run=True),
        *changes(small_plan),
        "",
        "The files this would change:",
        f"--- {nordic}",
        f"+++ {nordic}",
        "@@ -7,6 +7,7 @@",
        "     role: VP Operations",
        "     linkedin: https://www.linkedin.com/in/asa-lindqvist-example",
        "     focus: operations",
        "+    email: asa.lindqvist@mail.example",
        "     touches:",
        "       - {date: 2026-06-01, action: invited}",
        "       - {date: 2026-06-03, action: connected}",
        f"--- {talent}",
        f"+++ {talent}",
        "@@ -7,6 +7,7 @@",
        "     role: Senior Consultant",
        "     email: piotr@talent-bridge.example",
        "     focus: recruiter",
        "+    linkedin: https://www.linkedin.com/in/piotr-zolc-example",
        "     touches:",
        "       - {date: 2026-05-04, action: invited}",
        "       - {date: 2026-05-06, action: connected}",
        f"--- {volta}",
        f"+++ {volta}",
        "@@ -18,5 +18,8 @@",
        "   - name: Anna Nowak",
        "     role: HR Business Partner",
        "     focus: hr",
        "+    linkedin: https://www.linkedin.com/in/anna-nowak-volta-example",
        "+    email: anna.nowak@volta-cells.example",
        "     touches:",
        "       - {date: 2026-11-02, action: invited, channel: linkedin}",
        "+      - {date: 2026-11-05, action: connected, channel: linkedin}",
        *TAIL,
        "",
        "Dry run: nothing was written.",
    ]
    # What the dry run shows is what the real run then does.
    assert run(small_plan, "import", "linkedin", str(source)).exit_code == 0
    assert snapshot(small_plan) == expected_after_import(before)


def test_importing_the_same_file_again_changes_nothing(small_plan: Path, tmp_path: Path) -> None:
    source = write_connections(tmp_path)
    assert run(small_plan, "import", "linkedin", str(source)).exit_code == 0
    once = snapshot(small_plan)
    for extra in ([], ["--dry-run"]):
        result = run(small_plan, "import", "linkedin", str(source), *extra)
        assert result.exit_code == 0
        assert result.output.splitlines() == [
            *head(source)[:2],
            # The first import gave them their addresses.
            "Found 5 people of the plan in it (5 by profile address).",
            "Nothing to add: the plan already holds everything the export proves.",
            *TAIL,
            *(["", "Dry run: nothing was written."] if extra else []),
        ]
        assert snapshot(small_plan) == once


def test_the_data_export_zip(small_plan: Path, tmp_path: Path) -> None:
    folder = "Basic_LinkedInDataExport_11-26-2026"
    archive = tmp_path / f"{folder}.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{folder}/Profile.csv", "First Name,Last Name,Headline\r\nŁucja,Test,QA\r\n")
        zf.writestr(f"{folder}/Connections.csv", CONNECTIONS.encode("utf-8"))
        zf.writestr(f"{folder}/Invitations.csv", "From,To,Sent At,Message,Direction\r\n")
        zf.writestr(f"__MACOSX/{folder}/._Connections.csv", b"\x00\x05\x16\x07junk")
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(archive))
    assert result.exit_code == 0
    counts = small_plan / "linkedin.yaml"
    assert result.output.splitlines() == [
        "Read LinkedIn's export:",
        f"  {archive}:{folder}/Connections.csv: 9 connections (2 without a name skipped)",
        f"  {archive}:{folder}/Invitations.csv: 0 invitations (0 sent, 0 received)",
        *head(archive)[2:4],
        "5 changes made in 4 files:",
        *changes(small_plan),
        f"  {counts}:1: LinkedIn's counts for the budget",
        "",
        # The export lists no invitation: as of its day, none is pending or sent.
        "LinkedIn: 0 / 100 invitations this week · 0 notes this month · 0 pending.",
        # Where the date the counts are kept as of comes from.
        f"  (The export is taken as of 2026-11-26, the date in the zip's name ({folder}.zip).)",
        *TAIL,
    ]
    assert snapshot(small_plan) == {
        **expected_after_import(before),
        "linkedin.yaml": (
            COUNTS_HEADER + "exported_on: 2026-11-26\ninvitations: []\npending: []\n"
        ).encode(),
    }


def test_the_add_person_line_adds_the_connection(small_plan: Path, tmp_path: Path) -> None:
    source = write_connections(tmp_path)
    assert run(small_plan, "import", "linkedin", str(source)).exit_code == 0
    words = shlex.split(ADD_MARTA)
    assert words[:3] == ["playbook", "add", "person"]
    added = run(small_plan, *words[1:])
    assert added.exit_code == 0, added.output
    nordic = small_plan / "companies" / "nordic-robotics.yaml"
    assert nordic.read_text(encoding="utf-8") == NORDIC_ROBOTICS + (
        "  - name: Marta Wiśniewska\n"
        "    role: Head of Quality, Nordics\n"
        "    linkedin: https://www.linkedin.com/in/marta-wisniewska-example\n"
        "    email: marta.w@nordic-robotics.example\n"
    )
    # Imported again, Marta is a person of the plan: she gets her `connected` touch and is
    # no longer listed for step 3.
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        *head(source)[:2],
        "Found 6 people of the plan in it (6 by profile address).",
        "Added: 1 touch (1 connected).",
        "1 change made in 1 file:",
        f"  {nordic}:26: Marta Wiśniewska: connected on 2025-03-12 (linkedin)",
        *UNCERTAIN,
        ELSEWHERE[0],
        # Marta's "Nordic Robotics AB" made her one of Nordic Robotics; Anna of Acme and
        # the two others stay outside.
        "Outside the plan: 2 connections with people at other companies; nothing to do.",
    ]
    assert nordic.read_text(encoding="utf-8").endswith(
        "  - name: Marta Wiśniewska\n"
        "    role: Head of Quality, Nordics\n"
        "    linkedin: https://www.linkedin.com/in/marta-wisniewska-example\n"
        "    email: marta.w@nordic-robotics.example\n"
        "    touches:\n"
        "      - date: 2025-03-12\n"
        "        action: connected\n"
        "        channel: linkedin\n"
    )


def test_an_undated_connection_fills_fields_but_adds_no_touch(
    small_plan: Path, tmp_path: Path
) -> None:
    """A Connected On that cannot be read ("Smarch" is no month) is no reason to stop the import."""
    source = write_connections(
        tmp_path,
        HEADER
        + "Anna,Nowak,https://www.linkedin.com/in/anna-nowak-nordic-example,,"
        + "Nordic Robotics,Talent Acquisition Lead,15 Smarch 2024\r\n",
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0
    nordic = small_plan / "companies" / "nordic-robotics.yaml"
    assert result.output.splitlines() == [
        "Read LinkedIn's export:",
        f"  {source}: 1 connection (1 without a readable date: no `connected` touch for them)",
        "Found 1 person of the plan in it (1 by name and company).",
        "Added: 1 LinkedIn address.",
        "1 change made in 1 file:",
        f"  {nordic}:20: Anna Nowak: LinkedIn address added",
        "",
        "Not logged:",
        f"  {source}:2:107: Connected On '15 Smarch 2024' is not a date; expected one like "
        "27 Mar 2026",
    ]
    assert nordic.read_text(encoding="utf-8").endswith(
        "  - name: Anna Nowak\n"
        "    role: Talent Acquisition Lead\n"
        "    email: anna.nowak@nordic-robotics.example\n"
        "    focus: hr\n"
        "    country: Poland\n"
        "    linkedin: https://www.linkedin.com/in/anna-nowak-nordic-example\n"
    )


UNREADABLE = {
    "latin-2": (
        "Connections.csv",
        HEADER.encode() + b"Piotr,\xafo\xb3\xe6,,,Talent Bridge,Consultant,14 Feb 2025\r\n",
        "{path}:2: not UTF-8 text (byte 0xAF); expected LinkedIn's Connections.csv as "
        "exported, in UTF-8 (if a spreadsheet saved it again, export it again or save it as "
        "CSV UTF-8)",
    ),
    "no header": (
        "Connections.csv",
        b"Name,Company\r\nPiotr Zolc,Talent Bridge\r\n",
        "{path}: no header row found; expected LinkedIn's Connections.csv: a header row with "
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ),
    "empty": (
        "Connections.csv",
        b"",
        "{path}: the file is empty; expected LinkedIn's Connections.csv: a header row with "
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ),
    "unbalanced quotes": (
        "Connections.csv",
        HEADER.encode() + b'Piotr,Zolc,,,"Talent Bridge,Consultant,14 Feb 2025\r\n',
        "{path}:2: malformed CSV row: unbalanced quotes; expected each quoted field to close "
        'with " before the next comma, and a " inside it written twice ("Head of ""Ops""")',
    ),
    "broken zip": (
        "Basic_LinkedInDataExport_11-26-2026.zip",
        b"PK\x03\x04 this is not the rest of a zip",
        "{path}: not a readable zip (File is not a zip file); expected LinkedIn's data export "
        "(Basic_LinkedInDataExport_….zip or Complete_LinkedInDataExport_….zip)",
    ),
}


@pytest.mark.parametrize("case", UNREADABLE)
def test_an_unreadable_file_is_one_error_and_changes_nothing(
    small_plan: Path, tmp_path: Path, case: str
) -> None:
    name, data, message = UNREADABLE[case]
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == message.format(path=path) + "\n"
    assert snapshot(small_plan) == before


def test_a_zip_without_any_file_of_the_export_is_one_error(
    small_plan: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Basic_LinkedInDataExport_11-26-2026/Profile.csv", "First Name\r\n")
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(archive))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{archive}: no Connections.csv, Invitations.csv or messages.csv in this zip; expected "
        "LinkedIn's data export (Basic_LinkedInDataExport_….zip or "
        "Complete_LinkedInDataExport_….zip)\n"
    )
    assert snapshot(small_plan) == before


@pytest.mark.parametrize("kind", ["missing", "empty folder", "fifo"])
def test_a_path_that_is_not_the_export_is_one_error(
    small_plan: Path, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "Connections.csv"
    expected = (
        "expected LinkedIn's data export: the zip, the folder it unpacks to, or one of its files "
        "(Connections.csv, Invitations.csv or messages.csv)"
    )
    reason = {
        "missing": f"file not found; {expected}",
        "empty folder": f"no Connections.csv, Invitations.csv or messages.csv in this folder; {expected}",
        "fifo": f"not a regular file or a folder; {expected}",
    }[kind]
    if kind == "empty folder":
        path.mkdir()
        (path / "Profile.csv").write_text("First Name\n", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"{path}: {reason}\n"
    assert snapshot(small_plan) == before


def test_a_full_network_of_30000_connections(small_plan: Path, tmp_path: Path) -> None:
    companies = ["Acme Logistics", "Nordic Robotics AB", "Globex", "Initech", "Umbrella"]
    lines = [NOTES, HEADER]
    for i in range(30_000):
        company = companies[i % len(companies)]
        lines.append(
            f'Person{i},Surname{i},https://www.linkedin.com/in/person-{i},,"{company}",'
            f'"Engineer, level {i % 7}",{1 + i % 28:02d} Mar 2024\r\n'
        )
    lines.insert(2 + 12_345, ROWS[2] + "\r\n")  # Volta's Anna Nowak, somewhere in the middle
    source = write_connections(tmp_path, "\ufeff" + "".join(lines))
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0
    output = result.output.splitlines()
    volta = small_plan / "companies" / "volta-cells.yaml"
    assert output[:11] == [
        "Read LinkedIn's export:",
        f"  {source}: 30001 connections",
        "Found 1 person of the plan in it (1 by name and company).",
        "Added: 1 touch (1 connected), 1 LinkedIn address and 1 e-mail address.",
        "2 changes made in 1 file:",
        f"  {volta}:21: Anna Nowak: LinkedIn address and e-mail added",
        f"  {volta}:25: Anna Nowak: connected on 2026-11-05 (linkedin)",
        "",
        # Every fifth connection works at Nordic Robotics (as "Nordic Robotics AB"), which
        # has its operations and HR contacts: a long list, shown in part.
        "People you already know there: 6000 connections at companies of the plan, not in it "
        "yet; the roles the plan lacks first:",
        "  others (6000):",
        "    Person1 Surname1, Engineer, level 1 at Nordic Robotics (Nordic Robotics AB on "
        "LinkedIn; connected 2024-03-02)",
    ]
    assert output[11] == (
        "      playbook add person 'Person1 Surname1' --company 'Nordic Robotics' "
        "--role 'Engineer, level 1' --linkedin https://www.linkedin.com/in/person-1"
    )
    assert output[-3] == "    … and 5970 more (all of them: --all)"
    assert output[-1] == (
        "Outside the plan: 24000 connections with people at other companies; nothing to do."
    )
    assert len(output) == 10 + 2 * 30 + 3
    assert snapshot(small_plan) == {**before, "companies/volta-cells.yaml": VOLTA_CELLS.encode()}
    every = run(small_plan, "import", "linkedin", str(source), "--all", "--dry-run")
    listed = [line for line in every.output.splitlines() if line.startswith("      playbook add")]
    assert len(listed) == 6000


# Bugs


def test_two_connections_named_like_one_person(small_plan: Path, tmp_path: Path) -> None:
    source = write_connections(
        tmp_path,
        HEADER
        + "Piotr,Zolc,https://www.linkedin.com/in/piotr-zolc-example,,Talent Bridge,Consultant,14 Feb 2025\r\n"
        + "Piotr,Żółć,https://www.linkedin.com/in/piotr-zolc-driver,,Other Corp,Driver,02 Jan 2024\r\n",
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0, result.output
    talent = (small_plan / "companies" / "talent-bridge.yaml").read_text(encoding="utf-8")
    assert "piotr-zolc-driver" not in talent  # never the namesake's profile


def test_a_namesake_connection_adds_no_second_connected_touch(
    small_plan: Path, tmp_path: Path
) -> None:
    # Jan Nowak has a linkedin and an e-mail but no `connected` touch yet.
    volta = small_plan / "companies" / "volta-cells.yaml"
    replace_in(volta, "      - {date: 2026-10-05, action: connected}\n", "")
    source = write_connections(
        tmp_path,
        HEADER
        + "Jan,Nowak,https://www.linkedin.com/in/jan-nowak-example,,Volta Cells,COO,05 Oct 2026\r\n"
        + "Jan,Nowak,https://www.linkedin.com/in/jan-nowak-plumber,,Nowak Plumbing,Owner,17 Jun 2019\r\n",
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0
    text = volta.read_text(encoding="utf-8")
    assert text.count("action: connected") == 1
    assert "2019-06-17" not in text


def test_a_company_with_a_comma_before_its_legal_form(small_plan: Path, tmp_path: Path) -> None:
    source = write_connections(
        tmp_path,
        HEADER
        + 'Marta,Kowal,https://www.linkedin.com/in/marta-kowal-example,,"Nordic Robotics, AB",QA Lead,14 Feb 2025\r\n'
        + 'Anna,Nowak,https://www.linkedin.com/in/anna-nowak-volta-example,,"Volta Cells, Inc.",HR,05 Nov 2026\r\n',
    )
    result = run(small_plan, "import", "linkedin", str(source), "--dry-run")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "Found 1 person of the plan in it (1 by name and company)." in lines
    assert not any(line.startswith("Not certain") for line in lines)
    assert (
        "      playbook add person 'Marta Kowal' --company 'Nordic Robotics' --role 'QA Lead' "
        "--linkedin https://www.linkedin.com/in/marta-kowal-example"
    ) in lines


def test_values_the_plan_would_refuse_are_left_out(small_plan: Path, tmp_path: Path) -> None:
    source = write_connections(
        tmp_path,
        HEADER
        + "Anna,Nowak,not a url,anna.nowak@volta,Volta Cells,HR,05 Nov 2026\r\n"
        + "Ola,Nowicka,https://www.linkedin.com/in/ola-nowicka,ola@x,Volta Cells,Buyer,05 Nov 2026\r\n",
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0, result.output
    volta = small_plan / "companies" / "volta-cells.yaml"
    assert result.output.splitlines() == [
        "Read LinkedIn's export:",
        f"  {source}: 2 connections",
        "Found 1 person of the plan in it (1 by name and company).",
        "Added: 1 touch (1 connected).",
        "1 change made in 1 file:",
        f"  {volta}:23: Anna Nowak: connected on 2026-11-05 (linkedin)",
        "",
        "Values left out (the plan would refuse them):",
        "  Anna Nowak: e-mail 'anna.nowak@volta' is not valid",
        "  Anna Nowak: LinkedIn address 'not a url' is not valid",
        "  Ola Nowicka: e-mail 'ola@x' is not valid",
        "",
        "People you already know there: 1 connection at companies of the plan, not in it yet; "
        "the roles the plan lacks first:",
        "  others (1):",
        "    Ola Nowicka, Buyer at Volta Cells (connected 2026-11-05)",
        "      playbook add person 'Ola Nowicka' --company 'Volta Cells' --role Buyer "
        "--linkedin https://www.linkedin.com/in/ola-nowicka",
    ]


def test_a_namesake_at_another_company_gets_the_command_that_settles_it(
    small_plan: Path, tmp_path: Path
) -> None:
    """The command gives the plan's person the export's address (`playbook set`), so the
    next import knows them for certain; never a second `connected` touch."""
    source = write_connections(
        tmp_path,
        HEADER
        + "Anna,Nowak,https://nl.linkedin.com/in/Anna-Nowak-Hays/,,Hays Poland,Consultant,02 Sep 2026\r\n",
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.output.splitlines()[2:] == [
        "Found nobody of the plan in it.",
        "Nothing to add: the plan already holds everything the export proves.",
        "",
        "Not certain, so nothing was logged for them; if it is the same person, run the command, "
        "then import again:",
        "  Anna Nowak at Hays Poland (connected 2026-09-02): the name of Anna Nowak (Nordic "
        "Robotics) and Anna Nowak (Volta Cells), at another company.",
        "    If it is the same person: playbook set 'Anna Nowak' --company 'Nordic Robotics' "
        "--linkedin https://www.linkedin.com/in/Anna-Nowak-Hays",
        "    If it is the same person: playbook set 'Anna Nowak' --company 'Volta Cells' "
        "--linkedin https://www.linkedin.com/in/Anna-Nowak-Hays",
        "  (If not, give the plan's person their own profile address with `playbook set NAME "
        "--linkedin URL`, and the import stops asking.)",
    ]


def test_advice_already_followed_is_not_repeated(small_plan: Path, tmp_path: Path) -> None:
    """Once the plan's person has the address the advice gave (or their own), the import
    knows who is who: it asks no more, and remembers nothing to do so."""
    source = write_connections(
        tmp_path,
        HEADER
        + "Anna,Nowak,https://www.linkedin.com/in/anna-nowak-hays,,Hays Poland,Consultant,02 Sep 2026\r\n",
    )
    nordic = small_plan / "companies" / "nordic-robotics.yaml"
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        "    role: HR Business Partner\n",
        "    role: HR Business Partner\n    linkedin: https://www.linkedin.com/in/anna-nowak-volta\n",
    )
    replace_in(
        nordic,
        "    email: anna.nowak@nordic-robotics.example\n",
        "    email: anna.nowak@nordic-robotics.example\n"
        "    linkedin: https://www.linkedin.com/in/anna-nowak-hays\n",
    )
    followed = run(small_plan, "import", "linkedin", str(source)).output
    assert "Not certain" not in followed
    assert f"  {nordic}:" in followed  # her connection, logged now
    replace_in(nordic, "anna-nowak-hays", "anna-nowak-nordic")
    refused = run(small_plan, "import", "linkedin", str(source)).output
    assert "Not certain" not in refused
    assert (
        "Namesakes of people in the plan, other members (their profiles differ): "
        "Anna Nowak at Hays Poland."
    ) in refused.splitlines()


def test_a_namesake_with_nothing_to_add_is_listed_without_advice(
    small_plan: Path, tmp_path: Path
) -> None:
    source = write_connections(
        tmp_path, HEADER + "Ewa,Kot,,,Hays Poland,Consultant,02 Sep 2026\r\n"
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.output.splitlines()[-3:] == [
        "Nothing to add: the plan already holds everything the export proves.",
        "",
        "Maybe people of the plan, but nothing to add even if they are: Ewa Kot at Hays Poland.",
    ]


@pytest.mark.parametrize(
    ("company", "known"),
    [
        ("Talent Bridge Group", True),
        ("Talent Bridge", True),
        ("Talent Bridge Sp. z o.o.", True),
        ("TalentBridge", True),
        ("Talent-Bridge", True),
        ("Talent", True),  # the first word alone: as "DHL" is "DHL Supply Chain"
        ("Bridge", False),
        ("Bridge Talent", False),
        ("T", False),
    ],
)
def test_company_names_match_word_for_word(
    small_plan: Path, tmp_path: Path, company: str, known: bool
) -> None:
    source = write_connections(
        tmp_path, HEADER + f"Ola,Nowicka,,,{company},Consultant,02 Sep 2026\r\n"
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert ("People you already know there: 1 connection" in result.output) is known


def test_lines_reported_are_those_of_the_file_after_every_change(small_plan: Path) -> None:
    """A change above an earlier one moves it down: the report points at the final line."""
    from generator.commands.import_linkedin import _Editor
    from generator.editing import yaml_edit
    from generator.editing.session import EditSession
    from tests.conftest import TODAY

    session = EditSession(small_plan, TODAY)
    editor = _Editor(session)
    volta = small_plan / "companies" / "volta-cells.yaml"
    touch = {"date": "2026-11-05", "action": "connected", "channel": "linkedin"}
    editor.apply(volta, lambda text: yaml_edit.add_touch(text, 1, touch), "Anna: connected")
    editor.apply(
        volta,
        lambda text: yaml_edit.add_touch(text, 0, {"date": "2026-10-25", "action": "replied"}),
        "Jan: replied",
    )
    editor.apply(
        volta,
        lambda text: yaml_edit.set_person_fields(text, 1, {"email": "anna@volta.example"}),
        "Anna: e-mail added",
    )
    lines = session.text(volta).splitlines()
    reported = {change.summary: change.line for change in editor.changes}
    assert lines[reported["Jan: replied"] - 1] == "      - {date: 2026-10-25, action: replied}"
    assert lines[reported["Anna: e-mail added"] - 1] == "    email: anna@volta.example"
    assert lines[reported["Anna: connected"] - 1] == (
        "      - {date: 2026-11-05, action: connected, channel: linkedin}"
    )
    # Anna's touch was written at line 23; two lines went in above it since.
    assert reported == {"Anna: connected": 25, "Jan: replied": 18, "Anna: e-mail added": 22}


def test_the_advice_is_a_command_that_works(small_plan: Path, tmp_path: Path) -> None:
    """Run the printed `playbook set`, import again: the person is found by their address
    now and gets the touches the export proves; the advice is not printed again."""
    source = write_connections(
        tmp_path,
        HEADER
        + "Piotr,Zolc,https://www.linkedin.com/in/piotr-zolc-new,,Hays Poland,Consultant,"
        + "02 Sep 2026\r\n",
    )
    first = run(small_plan, "import", "linkedin", str(source)).output.splitlines()
    [advice] = [line for line in first if "If it is the same person:" in line]
    command = advice.split("If it is the same person: ", 1)[1]
    assert command == (
        "playbook set 'Piotr Żółć' --linkedin https://www.linkedin.com/in/piotr-zolc-new"
    )
    done = run(small_plan, *shlex.split(command)[1:])
    assert done.exit_code == 0, done.output
    again = run(small_plan, "import", "linkedin", str(source)).output
    assert "Found 1 person of the plan in it (1 by profile address)." in again
    assert "If it is the same person" not in again
    talent = (small_plan / "companies" / "talent-bridge.yaml").read_text(encoding="utf-8")
    # Piotr was connected already (2026-05-06): no second `connected` touch.
    assert talent.count("action: connected") == 2


@pytest.mark.parametrize(
    ("terminal", "lines", "shown"),
    [(True, 20_000, True), (True, 19_999, False), (False, 50_000, False)],
)
def test_a_progress_bar_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    terminal: bool,
    lines: int,
    shown: bool,
) -> None:
    import sys

    from generator.cli import _progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    rows = [["a"]] * 3
    assert list(_progress(iter(rows), lines, "Reading messages.csv")) == rows
    assert ("Reading messages.csv" in capsys.readouterr().err) is shown
