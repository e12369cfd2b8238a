"""The files of LinkedIn's export: Invitations.csv, messages.csv, Connections.csv in another
language, and finding them in a zip, a folder or alone."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from generator.importing import csvfile
from generator.importing.csvfile import ExportError, Moment, parse_moment
from generator.importing.export import find, read_export
from generator.importing.invitations import parse_invitations
from generator.importing.linkedin import parse_connections
from generator.importing.messages import parse_messages

UTC = dt.UTC
INVITATIONS = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
MESSAGES = (
    '"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    '"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS",'
    '"IS MESSAGE DRAFT","IS CONVERSATION DRAFT"\r\n'
)
ME = "https://www.linkedin.com/in/lucja-test-example"


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        (
            "11/10/26, 3:43 PM",
            Moment(dt.date(2026, 11, 10), dt.datetime(2026, 11, 10, 15, 43, tzinfo=UTC)),
        ),
        (
            "11/10/26, 12:05 AM",
            Moment(dt.date(2026, 11, 10), dt.datetime(2026, 11, 10, 0, 5, tzinfo=UTC)),
        ),
        (
            "11/10/26, 12:05 PM",
            Moment(dt.date(2026, 11, 10), dt.datetime(2026, 11, 10, 12, 5, tzinfo=UTC)),
        ),
        (
            "11/10/2026, 15:43:09",
            Moment(dt.date(2026, 11, 10), dt.datetime(2026, 11, 10, 15, 43, 9, tzinfo=UTC)),
        ),
        (
            "2026-11-15 10:00:00 UTC",
            Moment(dt.date(2026, 11, 15), dt.datetime(2026, 11, 15, 10, tzinfo=UTC)),
        ),
        (
            "2026-11-15T10:00:00Z",
            Moment(dt.date(2026, 11, 15), dt.datetime(2026, 11, 15, 10, tzinfo=UTC)),
        ),
        (
            "2026-11-15 10:00:00 +01:00",
            Moment(dt.date(2026, 11, 15), dt.datetime(2026, 11, 15, 9, tzinfo=UTC)),
        ),
        ("15 Mar 2024", Moment(dt.date(2024, 3, 15))),
        ("11/10/26, 13:43 PM", None),
        ("11/10/26, 0:43 AM", None),
        ("2026-11-15 25:00:00 UTC", None),
        ("soon", None),
    ],
)
def test_moments_in_both_styles(text: str, moment: Moment | None) -> None:
    assert parse_moment(text) == moment


def test_invitations_both_ways_with_and_without_a_note() -> None:
    text = (
        INVITATIONS
        + f'Łucja Test,Jan Nowak,"11/10/26, 3:43 PM","Hi Jan, we met in Wrocław",OUTGOING,{ME},https://pl.linkedin.com/in/Jan-Nowak/\r\n'
        + f'Ewa Kot,Łucja Test,"11/11/26, 9:00 AM",,incoming,https://www.linkedin.com/in/ewa-kot,{ME}\r\n'
        + f'Łucja Test,Ola,"yesterday",,OUTGOING,{ME},\r\n'
        + f'Łucja Test,Ala,"11/11/26, 9:00 AM",,SIDEWAYS,{ME},\r\n'
    )
    parsed = parse_invitations(text, "Invitations.csv")
    jan, ewa = parsed.invitations
    assert (jan.outgoing, jan.name, jan.url, jan.key, jan.note, jan.line) == (
        True,
        "Jan Nowak",
        "https://www.linkedin.com/in/Jan-Nowak",
        "linkedin.com/in/jan-nowak",
        "Hi Jan, we met in Wrocław",
        2,
    )
    assert (ewa.outgoing, ewa.name, ewa.key, ewa.note) == (
        False,
        "Ewa Kot",
        "linkedin.com/in/ewa-kot",
        "",
    )
    assert [str(row) for row in parsed.skipped] == [
        "Invitations.csv:4:16: Sent At 'yesterday' is not a date; expected one like "
        "11/10/26, 3:43 PM",
        "Invitations.csv:5:37: Direction 'SIDEWAYS' is neither OUTGOING nor INCOMING",
    ]
    assert parsed.me == "linkedin.com/in/lucja-test-example"


def test_messages_drafts_groups_and_names_with_commas() -> None:
    text = (
        MESSAGES
        + f'c1,,Łucja Test,{ME},"Dana Smith, PhD",https://www.linkedin.com/in/dana,2026-11-15 10:00:00 UTC,,"Hi, Dana",INBOX,,No,No\r\n'
        + f'c2,Team,Łucja Test,{ME},"Jan Nowak,Ewa Kot","https://www.linkedin.com/in/jan,https://www.linkedin.com/in/ewa",2026-11-15 11:00:00 UTC,,"Hi all",INBOX,,No,No\r\n'
        + f'c3,,Łucja Test,{ME},Ola,https://www.linkedin.com/in/ola,2026-11-16 11:00:00 UTC,,"Draft",INBOX,,Yes,No\r\n'
        + f'c4,,Łucja Test,{ME},Ola,https://www.linkedin.com/in/ola,2026-11-16 11:00:00 UTC,,"Draft",INBOX,,false,TRUE\r\n'
        + f'c5,,Ola,https://www.linkedin.com/in/ola,Łucja Test,{ME},someday,,"?",INBOX,,No,No\r\n'
        + f'c6,,Ola,https://www.linkedin.com/in/ola,Łucja Test,{ME},2026-11-17 08:00:00 UTC,,"Line one\nline\ttwo",INBOX,,No,No\r\n'
    )
    parsed = parse_messages(text, "messages.csv")
    assert parsed.drafts == 2
    assert [str(row) for row in parsed.skipped] == [
        "messages.csv:6:99: DATE 'someday' is not a date; expected one like 2026-11-15 10:00:00 UTC"
    ]
    dana, team, ola = parsed.messages
    assert [(r.name, r.key) for r in dana.recipients] == [
        ("Dana Smith, PhD", "linkedin.com/in/dana")
    ]
    assert [(r.name, r.key) for r in team.recipients] == [
        ("Jan Nowak", "linkedin.com/in/jan"),
        ("Ewa Kot", "linkedin.com/in/ewa"),
    ]
    assert (ola.start, ola.line) == ("Line one line two", 7)


def test_a_german_export_of_connections() -> None:
    text = (
        "Notes:\r\n\r\nVorname,Nachname,URL,E-Mail-Adresse,Unternehmen,Position,Verbunden am\r\n"
        "Jürgen,Weiß,https://de.linkedin.com/in/juergen-weiss/,j@w.example,Nordwärme GmbH,Werkleiter,15 Mär 2024\r\n"
    )
    [row] = parse_connections(text).connections
    assert (row.name, row.url, row.email, row.company, row.position, row.connected_on) == (
        "Jürgen Weiß",
        "https://www.linkedin.com/in/juergen-weiss",
        "j@w.example",
        "Nordwärme GmbH",
        "Werkleiter",
        dt.date(2024, 3, 15),
    )


@pytest.mark.parametrize(("length", "fails"), [(131_072, False), (131_073, True), (200_000, True)])
def test_the_csv_field_size_limit_is_named(length: int, fails: bool) -> None:
    text = INVITATIONS + f'Łucja Test,Jan,"11/10/26, 3:43 PM","{"x" * length}",OUTGOING,{ME},\r\n'
    if not fails:
        assert len(parse_invitations(text).invitations[0].note) == length
        return
    with pytest.raises(ExportError) as raised:
        parse_invitations(text)
    assert str(raised.value) == (
        f"Invitations.csv:2: a field of {length:,} characters is over the CSV field-size limit "
        "of 131,072 characters; expected LinkedIn's Invitations.csv: a header row with "
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl (no field "
        "LinkedIn writes is that long)"
    )


def test_a_quote_that_never_closes_is_not_the_field_size_limit() -> None:
    text = INVITATIONS + f'Łucja Test,Jan,"11/10/26, 3:43 PM","{"x" * 200_000},OUTGOING,{ME},\r\n'
    with pytest.raises(ExportError) as raised:
        parse_invitations(text)
    assert str(raised.value).startswith("Invitations.csv:2: malformed CSV row: unbalanced quotes")


def test_the_field_size_limit_is_restored() -> None:
    import csv

    before = csv.field_size_limit()
    parse_invitations(INVITATIONS)
    list(
        parse_invitations(INVITATIONS + f'a,b,"11/10/26, 3:43 PM",,OUTGOING,{ME},\r\n').invitations
    )
    assert csv.field_size_limit() == before


# --- finding the files ------------------------------------------------------------------------

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAda,Lovelace,,,,,\r\n"
)


def test_the_unpacked_folder_and_the_folder_holding_it(tmp_path: Path) -> None:
    export = tmp_path / "Downloads" / "Basic_LinkedInDataExport_11-26-2026"
    export.mkdir(parents=True)
    (export / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    (export / "Invitations.csv").write_text(INVITATIONS, encoding="utf-8")
    (export / "Profile.csv").write_text("First Name\r\n", encoding="utf-8")
    for folder in (export, export.parent):
        found = find(folder)
        assert [(f.layout.name, f.exported_on) for f in found] == [
            ("Connections.csv", dt.date(2026, 11, 26)),
            ("Invitations.csv", dt.date(2026, 11, 26)),
        ]


def test_two_exports_in_one_folder_is_one_error(tmp_path: Path) -> None:
    for name in ("Basic_LinkedInDataExport_10-01-2026", "Basic_LinkedInDataExport_11-26-2026"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        find(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path}: 2 files named Connections.csv ({tmp_path}/Basic_LinkedInDataExport_10-01-2026"
        f"/Connections.csv, {tmp_path}/Basic_LinkedInDataExport_11-26-2026/Connections.csv); "
        "give the folder of one export"
    )


def test_a_csv_named_by_a_browser_or_not_at_all(tmp_path: Path) -> None:
    renamed = tmp_path / "Connections (1).csv"
    renamed.write_text(CONNECTIONS, encoding="utf-8")
    unnamed = tmp_path / "download.csv"
    unnamed.write_text(MESSAGES, encoding="utf-8")
    other = tmp_path / "Profile.csv"
    other.write_text("First Name,Last Name,Headline\r\n", encoding="utf-8")
    assert [f.layout.name for f in find(renamed)] == ["Connections.csv"]
    assert [f.layout.name for f in find(unnamed)] == ["messages.csv"]
    with pytest.raises(ExportError) as raised:
        find(other)
    assert str(raised.value).startswith(
        f"{other}: not one of the export's files (no header row of Connections.csv, "
        "Invitations.csv or messages.csv found)"
    )


def test_the_zip_gives_every_file_and_its_date(tmp_path: Path) -> None:
    path = tmp_path / "Complete_LinkedInDataExport_11-26-2026.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Complete_LinkedInDataExport_11-26-2026/messages.csv", MESSAGES)
        archive.writestr("Complete_LinkedInDataExport_11-26-2026/Invitations.csv", INVITATIONS)
        archive.writestr("Complete_LinkedInDataExport_11-26-2026/Rich_Media.csv", "x\r\n")
    export = read_export([path, path])  # a path given twice is read once
    assert [file.source for file, _ in export.invitations] == [
        f"{path}:Complete_LinkedInDataExport_11-26-2026/Invitations.csv"
    ]
    assert [day for _, day in export.invitations] == [dt.date(2026, 11, 26)]
    assert len(export.messages) == 1 and not export.connections


def test_a_large_messages_file_is_refused_as_a_zip_bomb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvfile, "MAX_BYTES", len(MESSAGES) - 1)
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("messages.csv", MESSAGES)
    with pytest.raises(ExportError) as raised:
        find(path)
    assert str(raised.value) == (
        f"{path}:messages.csv: over {len(MESSAGES) - 1} bytes uncompressed; refusing it as a "
        "possible zip bomb (LinkedIn's messages.csv is tens of MB at most)"
    )
