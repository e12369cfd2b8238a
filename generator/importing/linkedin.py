"""Read LinkedIn's Connections.csv, on its own or inside the data-export zip LinkedIn sends.

The export ("Get a copy of your data" → Connections) is UTF-8, sometimes with a BOM, with
CRLF or LF line endings, and starts with a few lines of notes before the header row. The
header row is found by its columns, so the notes, the column order and extra columns do
not matter. Rows of members who hide their name have empty names: they are counted and
skipped. Dates that cannot be read become None and are counted, never fatal.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

CONNECTIONS_CSV = "Connections.csv"

# Nothing larger is read into memory: a full network (30,000 connections) is a few MB.
MAX_BYTES = 100 * 1024 * 1024

COLUMNS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
EXPECTED_CSV = f"expected LinkedIn's Connections.csv: a header row with {COLUMNS}"
EXPECTED_INPUT = "expected LinkedIn's Connections.csv or the data-export zip it comes in"
EXPECTED_ZIP = (
    "expected LinkedIn's data export "
    "(Basic_LinkedInDataExport_….zip or Complete_LinkedInDataExport_….zip)"
)
UNBALANCED_QUOTES = (
    'malformed CSV row: unbalanced quotes; expected each quoted field to close with " '
    'before the next comma, and a " inside it written twice ("Head of ""Ops""")'
)

# Header cells, compared with whitespace folded and case ignored.
_HEADER_FIELDS = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "email": "email",
    "e-mail address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


# Control characters have no place in a name or an address, and would reach terminals:
# each becomes a space, and runs of spaces one.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class ConnectionsError(Exception):
    """A file we cannot read as LinkedIn connections; str(exc) is one message naming the file
    (and line when known) and what was expected."""


@dataclass(frozen=True)
class Connection:
    first_name: str
    last_name: str
    url: str  # "" when absent; https://www.linkedin.com/in/<id> for a LinkedIn profile
    email: str  # "" when absent
    company: str
    position: str
    connected_on: datetime.date | None
    line: int  # 1-based line in the CSV where the row starts

    @property
    def name(self) -> str:
        """First and last name, whitespace folded."""
        return " ".join(f"{self.first_name} {self.last_name}".split())


@dataclass(frozen=True)
class ConnectionsFile:
    source: str  # "Connections.csv" or "export.zip:Connections.csv"
    connections: list[Connection]
    skipped_without_name: int
    undated: int


def read_connections(path: Path) -> ConnectionsFile:
    """Read Connections.csv, or take it from LinkedIn's data-export zip."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ConnectionsError(f"{path}: file not found; {EXPECTED_INPUT}") from None
    except OSError as exc:
        raise ConnectionsError(
            f"{path}: cannot read it ({exc.strerror}); {EXPECTED_INPUT}"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise ConnectionsError(f"{path}: not a regular file; {EXPECTED_INPUT}")
    try:
        with path.open("rb") as file:
            head = file.read(4)
            if head in _ZIP_MAGIC or path.suffix.lower() == ".zip":
                return _read_zip(path)
            too_big = (
                f"{path}: over {_size(MAX_BYTES)}; "
                "expected LinkedIn's Connections.csv, which is a few MB at most"
            )
            if info.st_size > MAX_BYTES:
                raise ConnectionsError(too_big)
            data = head + file.read(MAX_BYTES + 1 - len(head))
            if len(data) > MAX_BYTES:  # it grew after stat()
                raise ConnectionsError(too_big)
    except OSError as exc:
        raise ConnectionsError(
            f"{path}: cannot read it ({exc.strerror}); {EXPECTED_INPUT}"
        ) from None
    return parse_connections(_decode(data, str(path)), str(path))


def parse_connections(text: str, source: str = CONNECTIONS_CSV) -> ConnectionsFile:
    """Parse the text of Connections.csv; `source` names it in messages."""
    lines = io.StringIO(text.removeprefix("\ufeff"), newline="")
    header_line, columns = _find_header(lines, source)
    at = {field: columns.index(field) for field in _HEADER_FIELDS.values() if field in columns}
    first, last, url, email = (at.get(f, -1) for f in ("first_name", "last_name", "url", "email"))
    company, position, connected_on = (
        at.get(f, -1) for f in ("company", "position", "connected_on")
    )

    connections: list[Connection] = []
    skipped_without_name = 0
    undated = 0
    dates: dict[str, datetime.date | None] = {}
    reader = csv.reader(lines, strict=True)
    end = header_line  # the last line read so far
    try:
        for row in reader:
            start, end = end + 1, header_line + reader.line_num
            cells = [" ".join(_CONTROL.sub(" ", cell).split()) for cell in row]
            if not any(cells):
                continue
            cells.extend([""] * (len(columns) - len(cells)))
            first_name, last_name = _cell(cells, first), _cell(cells, last)
            if not first_name and not last_name:
                skipped_without_name += 1
                continue
            when_text = _cell(cells, connected_on)
            if when_text not in dates:
                dates[when_text] = parse_date(when_text)
            when = dates[when_text]
            if when is None:
                undated += 1
            connections.append(
                Connection(
                    first_name=first_name,
                    last_name=last_name,
                    url=normalise_url(_cell(cells, url)),
                    email=_cell(cells, email),
                    company=_cell(cells, company),
                    position=_cell(cells, position),
                    connected_on=when,
                    line=start,
                )
            )
    except csv.Error:  # every csv.Error left in 3.11 comes from a quote that does not close
        raise ConnectionsError(f"{source}:{end + 1}: {UNBALANCED_QUOTES}") from None
    return ConnectionsFile(source, connections, skipped_without_name, undated)


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index >= 0 else ""


def _find_header(lines: Iterator[str], source: str) -> tuple[int, list[str]]:
    """Read lines up to and including the header row; its line number and column fields.

    Fields are names from _HEADER_FIELDS' values, or "" for a column we do not read.
    """
    blank = True
    for number, line in enumerate(lines, start=1):
        folded = " ".join(line.casefold().split())
        blank = blank and not folded
        if "first name" not in folded or "last name" not in folded:
            continue
        try:
            cells = next(csv.reader([line], strict=True))
        except csv.Error:
            continue
        columns = [_HEADER_FIELDS.get(" ".join(cell.split()).casefold(), "") for cell in cells]
        columns = [field if field not in columns[:i] else "" for i, field in enumerate(columns)]
        if "first_name" in columns and "last_name" in columns:
            return number, columns
    if blank:
        raise ConnectionsError(f"{source}: the file is empty; {EXPECTED_CSV}")
    raise ConnectionsError(f"{source}: no header row found; {EXPECTED_CSV}")


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]  # lines end as csv sees them: CRLF, LF or a lone CR
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        raise ConnectionsError(
            f"{source}:{line}: not UTF-8 text (byte 0x{body[exc.start]:02X}); "
            "expected LinkedIn's Connections.csv as exported, in UTF-8 "
            "(if a spreadsheet saved it again, export it again or save it as CSV UTF-8)"
        ) from None
    raise AssertionError("unreachable: utf-8-sig failed where utf-8 did not")  # pragma: no cover


def _read_zip(path: Path) -> ConnectionsFile:
    source = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            member = _find_member(archive, path)
            source = f"{path}:{member.filename}"
            bomb = (
                f"{source}: over {_size(MAX_BYTES)} uncompressed; refusing it as a possible "
                "zip bomb (LinkedIn's Connections.csv is a few MB at most)"
            )
            if member.file_size > MAX_BYTES:
                raise ConnectionsError(bomb)
            with archive.open(member) as file:
                data = file.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise ConnectionsError(bomb)
    except zipfile.BadZipFile as exc:
        if source == str(path):
            raise ConnectionsError(f"{path}: not a readable zip ({exc}); {EXPECTED_ZIP}") from None
        raise ConnectionsError(f"{source}: cannot read it from the zip ({exc})") from None
    except (RuntimeError, NotImplementedError, zlib.error, EOFError, OSError) as exc:
        raise ConnectionsError(f"{source}: cannot read it from the zip ({exc})") from None
    return parse_connections(_decode(data, source), source)


def _find_member(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    """Connections.csv anywhere in the zip, in any case; the least deeply nested first."""
    found = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and PurePosixPath(info.filename).name.casefold() == CONNECTIONS_CSV.casefold()
        and not info.filename.startswith("__MACOSX/")
    ]
    if not found:
        raise ConnectionsError(f"{path}: no {CONNECTIONS_CSV} in this zip; {EXPECTED_ZIP}")
    return min(found, key=lambda info: (info.filename.count("/"), info.filename))


def _size(limit: int) -> str:
    megabytes, rest = divmod(limit, 1024 * 1024)
    return f"{megabytes} MB" if megabytes and not rest else f"{limit} bytes"


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})([ -])([A-Za-z]+)\.?\2(\d{4}|\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_date(text: str) -> datetime.date | None:
    """LinkedIn's "15 Mar 2024", also "15-Mar-24", "2024-03-15" and "03/15/2024"; else None.

    Month names are English whatever the locale; a two-digit year is in this century.
    """
    text = text.strip()
    try:
        if match := _DAY_MONTH_YEAR.fullmatch(text):
            day, _, month_name, year = match.groups()
            month = _MONTHS.get(month_name.casefold())
            if month is None:
                return None
            full_year = int(year) + 2000 if len(year) == 2 else int(year)
            return datetime.date(full_year, month, int(day))
        if match := _ISO_DATE.fullmatch(text):
            year, month_number, day = match.groups()
            return datetime.date(int(year), int(month_number), int(day))
        if match := _US_DATE.fullmatch(text):
            month_number, day, year = match.groups()
            return datetime.date(int(year), int(month_number), int(day))
    except ValueError:  # 30 Feb and the like
        return None
    return None


_PROFILE_URL = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com(?::\d+)?/in/([^/?#\s]+)", re.IGNORECASE
)


def normalise_url(url: str) -> str:
    """https://www.linkedin.com/in/<id> for any form of a LinkedIn profile URL; others as given."""
    url = url.strip()
    if match := _PROFILE_URL.match(url):
        return f"https://www.linkedin.com/in/{match.group(1)}"
    return url
