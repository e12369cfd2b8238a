"""Reading LinkedIn's Connections.csv, alone or inside the data-export zip."""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.importing import csvfile, linkedin
from generator.importing.csvfile import Skipped
from generator.importing.export import read_connections
from generator.importing.linkedin import (
    Connection,
    ConnectionsError,
    ConnectionsFile,
    parse_connections,
)
from tests.conftest import FIXTURES

LINKEDIN = FIXTURES / "linkedin"
CONNECTIONS = LINKEDIN / "Connections.csv"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
EXPECTED_CSV = f"expected LinkedIn's Connections.csv: a header row with {HEADER}"
EXPECTED_INPUT = "expected LinkedIn's Connections.csv or the data-export zip it comes in"
EXPECTED_ZIP = "expected LinkedIn's data export (Basic_LinkedInDataExport_….zip or Complete_LinkedInDataExport_….zip)"
UNBALANCED = 'malformed CSV row: unbalanced quotes; expected each quoted field to close with " before the next comma, and a " inside it written twice ("Head of ""Ops""")'


# Line 10 (no name) and line 12 (no name, only a company) are skipped; line 13's date is Russian,
# a language whose month names the reader does not know.
FIXTURE_CONNECTIONS = [
    Connection(
        first_name="Agnieszka",
        last_name="Żółkiewska",
        url="https://www.linkedin.com/in/agnieszka-zolkiewska-example",
        email="",
        company="Wisła Analytics",
        position="Head of Data",
        connected_on=date(2024, 3, 15),
        line=5,
    ),
    Connection(
        first_name="Bence",
        last_name="Hőforrás",
        url="https://www.linkedin.com/in/bence-hoforras-example",
        email="bence@hoforras.example",
        company="Duna Labs Kft.",
        position="Staff Engineer",
        connected_on=date(2024, 2, 2),
        line=6,
    ),
    Connection(
        first_name="Ingrid",
        last_name="Lindqvist",
        url="https://www.linkedin.com/in/ingrid-lindqvist-example",
        email="",
        company="Norrsken Partners, AB",
        position="Partner",
        connected_on=date(2023, 12, 28),
        line=7,
    ),
    Connection(
        first_name="Jonas",
        last_name="Müller",
        url="https://www.linkedin.com/in/jonas-muller-example",
        email="",
        company="Rheinwerk GmbH",
        position='Head of "Ops"',
        connected_on=date(2023, 11, 7),
        line=8,
    ),
    Connection(
        first_name="Dana",
        last_name="Smith, PhD",
        url="https://www.linkedin.com/in/dana-smith-example",
        email="dana.smith@research.example",
        company="Example University",
        position="Professor, Computer Science",
        connected_on=date(2023, 10, 1),
        line=9,
    ),
    Connection(
        first_name="Priya",
        last_name="Raman",
        url="https://www.linkedin.com/in/priya-raman-example",
        email="",
        company="Fintech Example",
        position="Product Lead",
        connected_on=date(2023, 7, 31),
        line=11,
    ),
    Connection(
        first_name="Tomás",
        last_name="Ó Briain",
        url="https://www.linkedin.com/in/tomas-o-briain-example",
        email="",
        company="Example Ltd",
        position="CTO",
        connected_on=None,
        line=13,
    ),
    Connection(
        first_name="Kwame",
        last_name="Mensah",
        url="https://www.linkedin.com/in/kwame-mensah-example",
        email="kwame@mensah.example",
        company="",
        position="",
        connected_on=date(2023, 6, 19),
        line=14,
    ),
    Connection(
        first_name="Mei",
        last_name="Tanaka",
        url="https://www.linkedin.com/in/mei-tanaka-example",
        email="",
        company="Sakura Robotics, Inc.",
        position='VP "Growth", EMEA',
        connected_on=date(2022, 5, 5),
        line=15,
    ),
]


def fixture_text() -> str:
    return CONNECTIONS.read_bytes().decode("utf-8-sig")


def without_lines(connections: list[Connection]) -> list[Connection]:
    return [dataclasses.replace(c, line=0) for c in connections]


def error_of(path: Path) -> str:
    with pytest.raises(ConnectionsError) as raised:
        read_connections(path)
    return str(raised.value)


def parse_error_of(text: str) -> str:
    with pytest.raises(ConnectionsError) as raised:
        parse_connections(text)
    return str(raised.value)


def write_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


# --- the realistic export ----------------------------------------------------------------


def test_fixture_keeps_the_quirks_of_a_real_export() -> None:
    """Guards the fixture itself: git or an editor must not normalise it away."""
    raw = CONNECTIONS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNotes:\r\n")
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert b"\r\n\r\nFirst Name,Last Name,URL," in raw


def russian_date(source: str) -> list[Skipped]:
    """Line 13's date, named where it stands: the row is read, its date is not."""
    why = "Connected On '15 мар. 2024' is not a date; expected one like 27 Mar 2026"
    return [Skipped(f"{source}:13:84", why)]


def test_reads_the_whole_fixture() -> None:
    assert read_connections(CONNECTIONS) == ConnectionsFile(
        source=str(CONNECTIONS),
        connections=FIXTURE_CONNECTIONS,
        skipped_without_name=2,
        undated=1,
        unreadable_dates=russian_date(str(CONNECTIONS)),
    )


def test_name_folds_whitespace() -> None:
    assert [c.name for c in FIXTURE_CONNECTIONS[:5]] == [
        "Agnieszka Żółkiewska",
        "Bence Hőforrás",
        "Ingrid Lindqvist",
        "Jonas Müller",
        "Dana Smith, PhD",
    ]
    assert dataclasses.replace(FIXTURE_CONNECTIONS[0], first_name="Anna  Maria\t").name == (
        "Anna Maria Żółkiewska"
    )
    assert dataclasses.replace(FIXTURE_CONNECTIONS[0], first_name="").name == "Żółkiewska"


def test_parse_default_source_and_same_result_as_the_file() -> None:
    parsed = parse_connections(fixture_text())
    assert parsed.source == "Connections.csv"
    assert parsed.connections == FIXTURE_CONNECTIONS


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda t: t.replace("\r\n", "\n"), id="LF"),
        pytest.param(lambda t: t.replace("\r\n", "\r"), id="old Mac CR"),
        pytest.param(lambda t: "\ufeff" + t, id="BOM left in the text"),
        pytest.param(lambda t: t.removesuffix("\r\n"), id="no final newline"),
        pytest.param(lambda t: t + "\r\n\r\n,,,,,,\r\n", id="trailing blank rows"),
    ],
)
def test_line_endings_and_trailing_rows_do_not_matter(transform: Callable[[str], str]) -> None:
    parsed = parse_connections(transform(fixture_text()))
    assert (parsed.connections, parsed.skipped_without_name, parsed.undated) == (
        FIXTURE_CONNECTIONS,
        2,
        1,
    )


@pytest.mark.parametrize(
    ("preamble", "header_line"),
    [
        ("", 1),
        ("Notes:\n", 2),
        ('Notes:\n"Some e-mail addresses are missing."\n', 3),
        ('\n\nNotes:\n"Some e-mail addresses\nare missing."\n\n', 7),
        ("First Name and Last Name are always shown; e-mails are not.\n", 2),
    ],
)
def test_header_is_found_after_any_preamble(preamble: str, header_line: int) -> None:
    text = preamble + HEADER + "\nAda,Lovelace,,,,,10 Dec 2020\n"
    [ada] = parse_connections(text).connections
    assert (ada.name, ada.connected_on, ada.line) == (
        "Ada Lovelace",
        date(2020, 12, 10),
        header_line + 1,
    )


def test_header_moved_columns_reordered_and_extra_column() -> None:
    path = LINKEDIN / "Connections-moved.csv"
    assert read_connections(path) == ConnectionsFile(
        source=str(path),
        connections=[
            dataclasses.replace(FIXTURE_CONNECTIONS[0], line=4),
            dataclasses.replace(FIXTURE_CONNECTIONS[3], line=5),
        ],
        skipped_without_name=1,
        undated=0,
    )


def test_old_export_without_url_column() -> None:
    path = LINKEDIN / "Connections-old.csv"
    ingrid, dana = FIXTURE_CONNECTIONS[2], FIXTURE_CONNECTIONS[4]
    assert read_connections(path) == ConnectionsFile(
        source=str(path),
        connections=[
            dataclasses.replace(ingrid, url="", connected_on=date(2019, 12, 28), line=2),
            dataclasses.replace(dana, url="", connected_on=date(2018, 10, 1), line=3),
        ],
        skipped_without_name=0,
        undated=0,
    )


def test_only_names_are_required() -> None:
    text = " first  NAME ,LAST NAME\r\nAda,Lovelace\r\n,\r\nGrace\r\n"
    assert parse_connections(text) == ConnectionsFile(
        source="Connections.csv",
        connections=[
            Connection("Ada", "Lovelace", "", "", "", "", None, 2),
            Connection("Grace", "", "", "", "", "", None, 4),
        ],
        skipped_without_name=0,
        undated=2,
    )


def test_header_without_rows() -> None:
    assert parse_connections(HEADER + "\r\n") == ConnectionsFile("Connections.csv", [], 0, 0)


def test_short_rows_long_rows_and_duplicate_columns() -> None:
    text = (
        "First Name,Last Name,Company,Company\nAda,Lovelace\nAlan,Turing,Bletchley,Ignored,extra\n"
    )
    connections = parse_connections(text).connections
    assert [(c.name, c.company) for c in connections] == [
        ("Ada Lovelace", ""),
        ("Alan Turing", "Bletchley"),
    ]


def test_one_name_is_enough_both_empty_are_skipped() -> None:
    text = HEADER + "\nCher,,,,,,\n,Madonna,,,,,\n  ,\t,,,Hidden Co,CEO,01 Jan 2024\n"
    parsed = parse_connections(text)
    assert [c.name for c in parsed.connections] == ["Cher", "Madonna"]
    assert parsed.skipped_without_name == 1


def test_quoted_field_across_lines_keeps_later_line_numbers() -> None:
    text = HEADER + '\nAda,Lovelace,,,Analytical,"Founder\nAdvisor",\nAlan,Turing,,,,,\n'
    ada, alan = parse_connections(text).connections
    assert (ada.position, ada.line, alan.line) == ("Founder Advisor", 2, 4)


# --- dates and URLs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 Mar 2024", date(2024, 3, 15)),
        ("05 May 2022", date(2022, 5, 5)),
        ("5 May 2022", date(2022, 5, 5)),
        ("15 mar 2024", date(2024, 3, 15)),
        ("15 March 2024", date(2024, 3, 15)),
        ("15 Sept 2024", date(2024, 9, 15)),
        ("15-Mar-24", date(2024, 3, 15)),
        ("15-Mar-2024", date(2024, 3, 15)),
        ("2024-03-15", date(2024, 3, 15)),
        ("03/15/2024", date(2024, 3, 15)),
        ("3/5/2024", date(2024, 3, 5)),
        ("  15 Mar 2024 ", date(2024, 3, 15)),
        ("", None),
        ("15 Mrz 2024", date(2024, 3, 15)),
        ("15. März 2024", date(2024, 3, 15)),
        ("15 janv. 2024", date(2024, 1, 15)),
        ("15.03.2024", date(2024, 3, 15)),
        ("15 мар. 2024", None),
        ("15 Smarch 2024", None),
        ("30 Feb 2024", None),
        ("2024-13-01", None),
        ("15/03/2024", None),
        ("15 Mar-2024", None),
        ("Mar 2024", None),
        ("yesterday", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert linkedin.parse_date(text) == expected


def test_unparseable_and_missing_dates_are_counted() -> None:
    text = (
        HEADER
        + "\nA,One,,,,,15 Mar 2024\nB,Two,,,,,15 Smarch 2024\nC,Three,,,,,\nD,Four,,,,,15 Smarch 2024\n"
    )
    parsed = parse_connections(text)
    assert [c.connected_on for c in parsed.connections] == [date(2024, 3, 15), None, None, None]
    assert parsed.undated == 3


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.linkedin.com/in/ada-lovelace-example",
            "https://www.linkedin.com/in/ada-lovelace-example",
        ),
        (
            "http://www.linkedin.com/in/ada-lovelace-example",
            "https://www.linkedin.com/in/ada-lovelace-example",
        ),
        (
            "https://linkedin.com/in/ada-lovelace-example/",
            "https://www.linkedin.com/in/ada-lovelace-example",
        ),
        (
            "HTTPS://UK.LinkedIn.com/in/ada-lovelace-example?trk=public_profile#x",
            "https://www.linkedin.com/in/ada-lovelace-example",
        ),
        (
            "www.linkedin.com/in/ada-lovelace-example/en",
            "https://www.linkedin.com/in/ada-lovelace-example",
        ),
        (
            "https://www.linkedin.com/in/j%C3%B3zef-example",
            "https://www.linkedin.com/in/j%C3%B3zef-example",
        ),
        ("  https://www.linkedin.com/in/ada  ", "https://www.linkedin.com/in/ada"),
        ("", ""),
        (
            "https://www.linkedin.com/company/example-co",
            "https://www.linkedin.com/company/example-co",
        ),
        ("https://www.linkedin.com/in/", "https://www.linkedin.com/in/"),
        ("https://notlinkedin.com/in/ada", "https://notlinkedin.com/in/ada"),
        ("https://ada.example/in/ada", "https://ada.example/in/ada"),
    ],
)
def test_normalise_url(url: str, expected: str) -> None:
    assert linkedin.normalise_url(url) == expected


# --- the zip LinkedIn sends --------------------------------------------------------------


@pytest.mark.parametrize(
    "member",
    [
        "Connections.csv",
        "Basic_LinkedInDataExport_11-26-2026/Connections.csv",
        "export/connections.CSV",
    ],
)
def test_reads_connections_from_the_zip(tmp_path: Path, member: str) -> None:
    path = write_zip(
        tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip",
        {
            "Profile.csv": "First Name,Last Name,Headline\nAda,Lovelace,Countess\n",
            member: CONNECTIONS.read_bytes(),
            "Messages/messages.csv": "CONVERSATION ID,FROM\n",
        },
    )
    assert read_connections(path) == ConnectionsFile(
        source=f"{path}:{member}",
        connections=FIXTURE_CONNECTIONS,
        skipped_without_name=2,
        undated=1,
        unreadable_dates=russian_date(f"{path}:{member}"),
    )


def test_zip_prefers_the_least_nested_connections_csv(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "Complete_LinkedInDataExport_11-26-2026.zip",
        {
            "__MACOSX/Connections.csv": b"\x00\x05\x16\x07",
            "old/Connections.csv": HEADER + "\nOld,Copy,,,,,\n",
            "Connections.csv": HEADER + "\nAda,Lovelace,,,,,\n",
        },
    )
    parsed = read_connections(path)
    assert parsed.source == f"{path}:Connections.csv"
    assert [c.name for c in parsed.connections] == ["Ada Lovelace"]


def test_zip_detected_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.csv", {"Connections.csv": CONNECTIONS.read_bytes()})
    assert read_connections(path).source == f"{path}:Connections.csv"


def test_zip_without_connections(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip",
        {"Profile.csv": "First Name,Last Name\n", "Connections/": "", "Invitations.csv": ""},
    )
    assert error_of(path) == f"{path}: no Connections.csv in this zip; {EXPECTED_ZIP}"


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("Connections.csv", "w") as member,
    ):
        chunk = b"\0" * (1 << 20)
        for _ in range(100):
            member.write(chunk)
        member.write(b"\0")
    assert path.stat().st_size < 1 << 20
    assert error_of(path) == (
        f"{path}:Connections.csv: over 100 MB uncompressed; refusing it as a possible zip bomb "
        "(LinkedIn's Connections.csv is a few MB at most)"
    )


def test_member_just_under_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = HEADER + "\nAda,Lovelace,,,,,\n"
    monkeypatch.setattr(csvfile, "MAX_BYTES", len(text))
    path = write_zip(tmp_path / "export.zip", {"Connections.csv": text})
    assert len(read_connections(path).connections) == 1
    monkeypatch.setattr(csvfile, "MAX_BYTES", len(text) - 1)
    assert error_of(path) == (
        f"{path}:Connections.csv: over {len(text) - 1} bytes uncompressed; refusing it as a possible "
        "zip bomb (LinkedIn's Connections.csv is a few MB at most)"
    )


def test_not_a_zip_although_named_zip(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_text(HEADER + "\n", encoding="utf-8")
    assert error_of(path) == f"{path}: not a readable zip (File is not a zip file); {EXPECTED_ZIP}"


def test_corrupt_member(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "export.zip", {"Connections.csv": HEADER + "\nAda,Lovelace,,,,,\n" * 50}
    )
    raw = bytearray(path.read_bytes())
    start = raw.index(b"Connections.csv") + len("Connections.csv")
    raw[start + 10 : start + 20] = b"\xff" * 10
    path.write_bytes(bytes(raw))
    message = error_of(path)
    assert message.startswith(f"{path}:Connections.csv: cannot read it from the zip (")


def test_non_utf8_member_names_the_zip_and_member(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "export.zip",
        {"Connections.csv": (HEADER + "\nJonas,Müller,,,,,\n").encode("cp1252")},
    )
    assert error_of(path).startswith(f"{path}:Connections.csv:2: not UTF-8 text (byte 0xFC)")


# --- errors ------------------------------------------------------------------------------


def test_file_not_found(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    assert error_of(path) == f"{path}: file not found; {EXPECTED_INPUT}"


def test_not_a_regular_file(tmp_path: Path) -> None:
    assert error_of(tmp_path) == f"{tmp_path}: not a regular file; {EXPECTED_INPUT}"


def test_file_over_100_mb(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    with path.open("wb") as file:
        file.truncate(100 * 1024 * 1024 + 1)  # sparse: takes no room on disk
    assert error_of(path) == (
        f"{path}: over 100 MB; expected LinkedIn's Connections.csv, which is a few MB at most"
    )


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_not_utf8(tmp_path: Path, bom: bytes, newline: str) -> None:
    path = tmp_path / "Connections.csv"
    text = f"Notes:\r\n\r\n{HEADER}\r\nJonas,Müller,,,,,\r\n".replace("\r\n", newline)
    path.write_bytes(bom + text.encode("cp1252"))
    assert error_of(path) == (
        f"{path}:4: not UTF-8 text (byte 0xFC); expected LinkedIn's Connections.csv as exported, "
        "in UTF-8 (if a spreadsheet saved it again, export it again or save it as CSV UTF-8)"
    )


def test_utf16_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(HEADER + "\n", encoding="utf-16")
    assert error_of(path).startswith(f"{path}:1: not UTF-8 text (byte 0xFF); ")


@pytest.mark.parametrize(
    "text",
    [
        "Notes:\nThis is some other export.\nName,Company\nAda,Analytical\n",
        "FirstName,LastName\nAda,Lovelace\n",
        "\n" * 30 + "First Name,Company\n",
        '"First Name,Last Name",URL\n',
    ],
)
def test_no_header_row(text: str) -> None:
    assert parse_error_of(text) == f"Connections.csv: no header row found; {EXPECTED_CSV}"


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("First Name,Company\nAda,Analytical\n", "1: the header row has no column Last Name"),
        (
            "Notes:\n\nURL,Company,Position\n",
            "3: the header row has no columns First Name, Last Name",
        ),
        # Among the first 30 lines only (later, it is no header row at all: above).
        ("\n" * 29 + "First Name,Company\n", "30: the header row has no column Last Name"),
    ],
)
def test_a_header_row_missing_a_column_names_it(text: str, missing: str) -> None:
    """A row with two or more of the file's column names is its header, a column short;
    with one ("Name,Company"), no header row is found (above)."""
    assert parse_error_of(text) == f"Connections.csv:{missing}; {EXPECTED_CSV}"


@pytest.mark.parametrize("text", ["", "\ufeff", "\r\n\r\n", "  \n"])
def test_empty_file(text: str) -> None:
    assert parse_error_of(text) == f"Connections.csv: the file is empty; {EXPECTED_CSV}"


def test_no_header_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "Invitations.csv"
    path.write_text("From,To,Sent At\n", encoding="utf-8")
    assert error_of(path) == f"{path}: no header row found; {EXPECTED_CSV}"


def test_unclosed_quote_names_its_line(tmp_path: Path) -> None:
    text = fixture_text().replace('"Norrsken Partners, AB"', '"Norrsken Partners, AB')
    path = tmp_path / "Connections.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert error_of(path) == f"{path}:7: {UNBALANCED}"


@pytest.mark.parametrize(
    ("rows", "line"),
    [
        ('Ada,"Lovelace,,,,,\n', 2),
        ('Ada,Lovelace,,,,,\nAlan,"Turing,,,,,', 3),
        ('Ada,"Lovelace" Byron,,,,,\n', 2),
    ],
)
def test_malformed_rows(rows: str, line: int) -> None:
    assert parse_error_of(HEADER + "\n" + rows) == f"Connections.csv:{line}: {UNBALANCED}"


def test_unclosed_quote_in_a_big_file_names_its_line() -> None:
    """The quote swallows the rest of the file, past csv's field size limit."""
    rows = "".join(f"Person{i},Example{i},,,,,01 Jan 2024\n" for i in range(10_000))
    text = HEADER + "\nAda,Lovelace,,,,,01 Jan 2024\n" + 'Alan,"Turing,,,,,\n' + rows
    assert parse_error_of(text) == f"Connections.csv:3: {UNBALANCED}"


# --- size and round trip -----------------------------------------------------------------


def test_a_full_network_of_30000_connections() -> None:
    rows = [
        f"Person{i},Example{i},https://www.linkedin.com/in/person-{i}-example,,Company {i % 700},"
        f'"Engineer, level {i % 5}",{1 + i % 28:02d} {("Jan", "Feb", "Mar")[i % 3]} {2010 + i % 15}'
        for i in range(30_000)
    ]
    text = (
        '\ufeffNotes:\r\n"Some e-mail addresses are missing."\r\n\r\n'
        + HEADER
        + "\r\n"
        + "\r\n".join(rows)
        + "\r\n"
    )
    parsed = parse_connections(text)
    assert len(parsed.connections) == 30_000
    assert (parsed.skipped_without_name, parsed.undated) == (0, 0)
    assert parsed.connections[-1].line == 30_004
    assert parsed.connections[-1].position == "Engineer, level 4"


# Fields as the reader gives them back: no control characters, single spaces.
_FIELD = st.text(
    st.characters(
        blacklist_categories=["Cs", "Cc", "Zl", "Zp"],
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    )
).map(lambda text: " ".join(text.split()))


@given(
    people=st.lists(
        st.tuples(
            _FIELD.filter(bool),
            _FIELD,
            st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
            _FIELD,
            _FIELD,
            _FIELD,
            st.dates(date(2003, 1, 1), date(2030, 12, 31)),
        ),
        max_size=20,
    )
)
def test_whatever_csv_writes_reads_back(
    people: list[tuple[str, str, str, str, str, str, date]],
) -> None:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER.split(","))
    for first, last, slug, email, company, position, when in people:
        url = f"https://www.linkedin.com/in/{slug}"
        writer.writerow(
            [
                first,
                last,
                url,
                email,
                company,
                position,
                f"{when.day:02d} {months[when.month - 1]} {when.year}",
            ]
        )
    parsed = parse_connections("Notes:\r\n\r\n" + out.getvalue())
    expected = [
        Connection(
            first, last, f"https://www.linkedin.com/in/{slug}", email, company, position, when, 0
        )
        for first, last, slug, email, company, position, when in people
    ]
    assert without_lines(parsed.connections) == expected
    assert (parsed.skipped_without_name, parsed.undated) == (0, 0)


def test_control_characters_never_reach_a_terminal() -> None:
    text = HEADER + "\nMal\x1b[8m,Hidden\u202e,,,Acme\x07 Corp,Boss,\n"
    person = parse_connections(text).connections[0]
    assert (person.first_name, person.last_name, person.company) == (
        "Mal [8m",
        "Hidden",
        "Acme Corp",
    )
