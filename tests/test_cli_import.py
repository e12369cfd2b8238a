"""`playbook import linkedin FILE` on the small plan, with a Connections.csv as LinkedIn writes it."""

from __future__ import annotations

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
        f"  {talent}:10: Piotr Żółć: LinkedIn address added",
        f"  {nordic}:10: Åsa Lindqvist: e-mail added",
        f"  {volta}:21: Anna Nowak: LinkedIn address and e-mail added",
        f"  {volta}:25: Anna Nowak: connected on 2026-11-05 (linkedin)",
    ]


TAIL = [
    "",
    "Not changed, because the match is not certain:",
    "  Anna Nowak at Acme Logistics, Inc. on LinkedIn; the plan has Anna Nowak (Nordic "
    "Robotics), Anna Nowak (Volta Cells).",
    "",
    "People you already know at target companies (1), for step 3:",
    f"  {ADD_MARTA}",
]


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
    assert result.output.splitlines() == [
        f"Read 9 connections from {source} (2 without a name skipped).",
        "5 are people in the plan; 4 changes made:",
        *changes(small_plan),
        *TAIL,
    ]
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
        f"Read 9 connections from {source} (2 without a name skipped).",
        "5 are people in the plan; 4 changes would be made:",
        *changes(small_plan),
        "",
        "The files this would change:",
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
            f"Read 9 connections from {source} (2 without a name skipped).",
            "5 are people in the plan; nothing to change.",
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
    assert result.output.splitlines() == [
        f"Read 9 connections from {archive}:{folder}/Connections.csv (2 without a name skipped).",
        "5 are people in the plan; 4 changes made:",
        *changes(small_plan),
        *TAIL,
    ]
    assert snapshot(small_plan) == expected_after_import(before)


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
        f"Read 9 connections from {source} (2 without a name skipped).",
        "6 are people in the plan; 1 change made:",
        f"  {nordic}:26: Marta Wiśniewska: connected on 2025-03-12 (linkedin)",
        *TAIL[:3],
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
    """A Connected On that cannot be read ("Mrz" is German) is no reason to stop the import."""
    source = write_connections(
        tmp_path,
        HEADER
        + "Anna,Nowak,https://www.linkedin.com/in/anna-nowak-nordic-example,,"
        + "Nordic Robotics,Talent Acquisition Lead,15 Mrz 2024\r\n",
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0
    nordic = small_plan / "companies" / "nordic-robotics.yaml"
    assert result.output.splitlines() == [
        f"Read 1 connection from {source} (1 without a readable date: no `connected` touch "
        "for them).",
        "1 is a person in the plan; 1 change made:",
        f"  {nordic}:20: Anna Nowak: LinkedIn address added",
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


def test_a_zip_without_connections_is_one_error(small_plan: Path, tmp_path: Path) -> None:
    archive = tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Basic_LinkedInDataExport_11-26-2026/Profile.csv", "First Name\r\n")
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(archive))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{archive}: no Connections.csv in this zip; expected LinkedIn's data export "
        "(Basic_LinkedInDataExport_….zip or Complete_LinkedInDataExport_….zip)\n"
    )
    assert snapshot(small_plan) == before


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_a_path_that_is_not_a_file_is_one_error(
    small_plan: Path, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "Connections.csv"
    if kind == "folder":
        path.mkdir()
    reason = "file not found" if kind == "missing" else "not a regular file"
    before = snapshot(small_plan)
    result = run(small_plan, "import", "linkedin", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}: {reason}; expected LinkedIn's Connections.csv or the data-export zip "
        "it comes in\n"
    )
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
    assert output[:5] == [
        f"Read 30001 connections from {source}.",
        "1 is a person in the plan; 2 changes made:",
        f"  {volta}:21: Anna Nowak: LinkedIn address and e-mail added",
        f"  {volta}:25: Anna Nowak: connected on 2026-11-05 (linkedin)",
        "",
    ]
    # Every fifth connection works at Nordic Robotics (as "Nordic Robotics AB").
    assert output[5] == "People you already know at target companies (6000), for step 3:"
    assert output[6] == (
        "  playbook add person 'Person1 Surname1' --company 'Nordic Robotics' "
        "--role 'Engineer, level 1' --linkedin https://www.linkedin.com/in/person-1"
    )
    assert len(output) == 6 + 6000
    assert snapshot(small_plan) == {**before, "companies/volta-cells.yaml": VOLTA_CELLS.encode()}


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
    assert "Not changed, because the match is not certain:" not in result.output
    assert (
        "  playbook add person 'Marta Kowal' --company 'Nordic Robotics' --role 'QA Lead' "
        "--linkedin https://www.linkedin.com/in/marta-kowal-example"
    ) in result.output.splitlines()


def test_values_the_plan_would_refuse_are_left_out(small_plan: Path, tmp_path: Path) -> None:
    source = write_connections(
        tmp_path,
        HEADER + "Anna,Nowak,not a url,anna.nowak@volta,Volta Cells,HR,05 Nov 2026\r\n",
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.exit_code == 0, result.output
    volta = small_plan / "companies" / "volta-cells.yaml"
    assert result.output.splitlines() == [
        f"Read 1 connection from {source}.",
        "1 is a person in the plan; 1 change made:",
        f"  {volta}:23: Anna Nowak: connected on 2026-11-05 (linkedin)",
        "",
        "Values left out (the plan would refuse them):",
        "  Anna Nowak: e-mail 'anna.nowak@volta' is not valid",
        "  Anna Nowak: LinkedIn address 'not a url' is not valid",
    ]


def test_a_namesake_at_another_company_gets_the_command_to_accept_it(
    small_plan: Path, tmp_path: Path
) -> None:
    source = write_connections(
        tmp_path, HEADER + "Ewa,Kot,,,Hays Poland,Consultant,02 Sep 2026\r\n"
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert result.output.splitlines()[-1] == (
        "  Ewa Kot at Hays Poland on LinkedIn; the plan has Ewa Kot (Talent Bridge). If it is "
        "the same person: playbook log 'Ewa Kot' connected --company 'Talent Bridge' "
        "--date 2026-09-02 --channel linkedin"
    )


@pytest.mark.parametrize(
    ("company", "known"),
    [
        ("Talent Bridge Group", True),
        ("Talent Bridge", True),
        ("Bridge", False),
        ("Talent", False),
    ],
)
def test_company_names_match_word_for_word(
    small_plan: Path, tmp_path: Path, company: str, known: bool
) -> None:
    source = write_connections(
        tmp_path, HEADER + f"Ola,Nowicka,,,{company},Consultant,02 Sep 2026\r\n"
    )
    result = run(small_plan, "import", "linkedin", str(source))
    assert ("People you already know at target companies (1)" in result.output) is known
