"""The CSV files of LinkedIn's data export, read without trusting them.

Every file of the export is UTF-8, sometimes with a byte-order mark, with CRLF or LF
line endings, and may start with a few lines of notes before its header row. The
header row is found by its column names (LinkedIn translates them: a German export
writes `Vorname,Nachname,…`), so the notes, the column order and extra columns do not
matter. A quote that never closes, a field over the CSV field-size limit and text that
is not UTF-8 are each one message naming the file and line.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from generator.characters import BIDI_CONTROLS, CONTROLS, any_of

# Nothing larger is read into memory; a full network's export is tens of MB.
MAX_BYTES = 100 * 1024 * 1024
# Python's csv module refuses longer fields by default; no field of LinkedIn's is near it
# (a message holds at most 8,000 characters), so a longer one is named as what it is.
FIELD_LIMIT = 131_072

UNBALANCED_QUOTES = (
    'malformed CSV row: unbalanced quotes; expected each quoted field to close with " '
    'before the next comma, and a " inside it written twice ("Head of ""Ops""")'
)

# Control characters have no place in a name or an address, and would reach terminals:
# each becomes a space, and runs of spaces one.
_CONTROL = any_of(CONTROLS, BIDI_CONTROLS)

# Wraps the rows of a file in a progress display: (rows, how many lines, label).
Progress = Callable[[Iterable[list[str]], int, str], Iterable[list[str]]]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row left out, or a cell of it not read: where (`source:line:column`) and why."""

    where: str
    why: str

    def __str__(self) -> str:
        return f"{self.where}: {self.why}"


def not_a_date(title: str, text: str, example: str) -> str:
    """Why a date cell is not read: its column, what it holds, what one looks like."""
    if not text:
        return f"{title} is empty; expected a date like {example}"
    return f"{title} {text!r} is not a date; expected one like {example}"


class ExportError(Exception):
    """A file we cannot read as part of LinkedIn's export; str(exc) is one message naming
    the file (and line when known) and what was expected."""


def clean(cell: str) -> str:
    """The cell without control characters, its whitespace folded to single spaces."""
    if cell.isprintable() and "  " not in cell:
        return cell.strip()
    return " ".join(_CONTROL.sub(" ", cell).split())


def decode(data: bytes, source: str, expected: str) -> str:
    """UTF-8 text (a byte-order mark dropped), or an error at the line of the first bad byte."""
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
        raise ExportError(
            f"{source}:{line}: not UTF-8 text (byte 0x{body[exc.start]:02X}); "
            f"expected {expected} as exported, in UTF-8 "
            "(if a spreadsheet saved it again, export it again or save it as CSV UTF-8)"
        ) from None
    raise AssertionError("unreachable: utf-8-sig failed where utf-8 did not")  # pragma: no cover


def fold_header(cell: str) -> str:
    return " ".join(cell.split()).casefold()


@dataclass(frozen=True)
class Layout:
    """How to recognise one kind of file: its name and the names of its columns."""

    name: str  # "Connections.csv"
    aliases: Mapping[str, str]  # folded header cell → field
    required: tuple[str, ...]  # fields the header row must have
    columns: str  # the English header, for messages
    # To tell a file of unknown name by its header, one of these fields too.
    evidence: tuple[str, ...] = ()

    @property
    def expected(self) -> str:
        return f"expected LinkedIn's {self.name}: a header row with {self.columns}"

    def title(self, field: str) -> str:
        """The English header of a field's column ("Sent At" for sent_at)."""
        titles = {self.aliases.get(fold_header(cell), ""): cell for cell in self.columns.split(",")}
        return titles.get(field, field)

    def recognised(self, line: str) -> list[str]:
        """The fields whose column names a line holds, as cells of a CSV row."""
        try:
            cells = next(csv.reader([line], strict=True))
        except (csv.Error, StopIteration):
            return []
        fields = [self.aliases.get(fold_header(cell), "") for cell in cells]
        return list(dict.fromkeys(field for field in fields if field))

    def could_be_header(self, folded_line: str) -> bool:
        """A cheap test before parsing a line as CSV: every required column's name is in it."""
        return all(
            any(alias in folded_line for alias, f in self.aliases.items() if f == field)
            for field in self.required
        )


@dataclass
class Table:
    """The rows of one file after its header: `rows()` yields (line, cells)."""

    source: str
    layout: Layout
    header_line: int
    columns: list[str]  # the field of each column, "" for a column not read
    text: Iterator[str]  # the lines after the header
    progress: Progress | None = None
    lines: int = 0
    _row_lines: list[str] = dataclass_field(default_factory=list)
    _row_start: int = 0

    def index(self, field: str) -> int:
        """The column holding a field, -1 when the file has none."""
        return self.columns.index(field) if field in self.columns else -1

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) for each row; while a row is handled, `position(column)` says
        where one of its cells starts."""
        raw: list[list[str]] = [[]]  # the physical lines of the row being read

        def recorded() -> Iterator[str]:
            for line in self.text:
                raw[0].append(line)
                yield line

        reader = csv.reader(recorded(), strict=True)
        source: Iterable[list[str]] = reader
        if self.progress is not None:
            source = self.progress(reader, self.lines, f"Reading {self.layout.name}")
        width = len(self.columns)
        end = self.header_line  # the last line read so far
        with _field_limit(MAX_BYTES + 1):
            try:
                for row in source:
                    start, end = end + 1, self.header_line + reader.line_num
                    self._row_lines, raw[0] = raw[0], []
                    self._row_start = start
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    if max(map(len, row)) > FIELD_LIMIT:
                        longest = max(map(len, row))
                        raise ExportError(
                            f"{self.source}:{start}: a field of {longest:,} characters is over "
                            f"the CSV field-size limit of {FIELD_LIMIT:,} characters; "
                            f"{self.layout.expected} (no field LinkedIn writes is that long)"
                        )
                    if len(row) < width:
                        row.extend([""] * (width - len(row)))
                    yield start, row
            except csv.Error:  # with the limit out of the way, only a quote that never closes
                raise ExportError(f"{self.source}:{end + 1}: {UNBALANCED_QUOTES}") from None

    def position(self, column: int) -> tuple[int, int]:
        """(line, column) where a cell of the current row starts, both from 1, the column
        counted in characters (a quoted cell starts at its quote), as an editor shows it."""
        line, cell, quoted, previous = self._row_start, 0, False, ""
        for text in self._row_lines:
            body = text.rstrip("\r\n")
            for character, char in enumerate(body, start=1):
                if cell == column:
                    return line, character
                if char == '"':
                    # Opening at a cell's start, closing, or a doubled quote inside.
                    quoted = not quoted if quoted or previous in ("", ",", '"') else quoted
                elif char == "," and not quoted:
                    cell += 1
                previous = char
            if cell == column:
                return line, len(body) + 1
            line, previous = line + 1, "\n"
        return line - 1, 1

    def where(self, column: int) -> str:
        """`source:line:column` of a cell of the current row."""
        line, character = self.position(column)
        return f"{self.source}:{line}:{character}"


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """csv's field-size limit is global: raise it while one file is read, then restore it."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def table(text: str, source: str, layout: Layout, progress: Progress | None = None) -> Table:
    """The file's text as a table: the header row found, the rows ready to read."""
    stream = lines_of(text.removeprefix("\ufeff"))
    header_line, columns = _find_header(stream, source, layout)
    lines = text.count("\n") - header_line if progress is not None else 0
    return Table(source, layout, header_line, columns, stream, progress, lines)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def lines_of(text: str) -> Iterator[str]:
    """The text's lines with their endings (CRLF, LF or a lone CR), one at a time: a
    file of a hundred MB is not copied whole again."""
    return (match.group() for match in _LINE.finditer(text))


# A header row is among a file's first lines (after LinkedIn's notes); a row there with
# this many of the file's column names is taken for a header row with a column missing.
HEAD_LINES = 30
NEAR_HEADER = 2


def _find_header(lines: Iterator[str], source: str, layout: Layout) -> tuple[int, list[str]]:
    blank = True
    near: tuple[int, list[str]] | None = None  # the line most like a header, its fields
    for number, line in enumerate(lines, start=1):
        folded = fold_header(line)
        blank = blank and not folded
        if number <= HEAD_LINES and folded:
            fields = layout.recognised(line)
            if len(fields) >= NEAR_HEADER and (near is None or len(fields) > len(near[1])):
                near = number, fields
        if not layout.could_be_header(folded):
            continue
        try:
            cells = next(csv.reader([line], strict=True))
        except csv.Error:
            continue
        columns = [layout.aliases.get(fold_header(cell), "") for cell in cells]
        columns = [field if field not in columns[:i] else "" for i, field in enumerate(columns)]
        if all(field in columns for field in layout.required):
            return number, columns
    if blank:
        raise ExportError(f"{source}: the file is empty; {layout.expected}")
    if near is not None:
        line_number, fields = near
        missing = [layout.title(field) for field in layout.required if field not in fields]
        noun = "column" if len(missing) == 1 else "columns"
        raise ExportError(
            f"{source}:{line_number}: the header row has no {noun} "
            f"{', '.join(missing)}; {layout.expected}"
        )
    raise ExportError(f"{source}: no header row found; {layout.expected}")


def sniff(text: str, layouts: Iterable[Layout], lines: int = HEAD_LINES) -> Layout | None:
    """The layout whose header row is among the file's first lines, if any."""
    head = text.removeprefix("\ufeff")[:20_000].splitlines()[:lines]
    for layout in layouts:
        for line in head:
            folded = fold_header(line)
            if not layout.could_be_header(folded):
                continue
            try:
                cells = next(csv.reader([line]))
            except csv.Error:
                continue
            fields = {layout.aliases.get(fold_header(cell), "") for cell in cells}
            evident = not layout.evidence or any(field in fields for field in layout.evidence)
            if evident and all(field in fields for field in layout.required):
                return layout
    return None


# ---------------------------------------------------------------- dates and times

# Month names in the languages LinkedIn exports in; none means two different months.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january", "januar", "janv", "janvier", "ene", "enero", "gen", "sty"),
            ("feb", "february", "februar", "févr", "fevr", "février", "fev", "fév", "lut"),
            ("mar", "march", "mär", "mrz", "märz", "mars", "marzo", "mrt", "maart"),
            ("apr", "april", "avr", "avril", "abr", "abril", "kwi"),
            ("may", "mai", "mayo", "mei", "mag", "maj"),
            ("jun", "june", "juni", "juin", "junio", "giu", "cze"),
            ("jul", "july", "juli", "juil", "juillet", "julio", "lug", "lip"),
            ("aug", "august", "août", "aout", "ago", "agosto", "sie"),
            ("sep", "sept", "september", "septembre", "set", "septiembre", "wrz"),
            ("oct", "october", "okt", "oktober", "octobre", "octubre", "ott", "out", "paź", "paz"),
            ("nov", "november", "novembre", "noviembre", "lis"),
            ("dec", "december", "dez", "dezember", "déc", "décembre", "dic", "diciembre", "gru"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?([ -])(\w+)\.?\2(\d{4}|\d{2})")
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?)?"
)
_US = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?(?:\s*(UTC|GMT))?)?"
)
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_date(text: str) -> dt.date | None:
    """A day as the export writes one: "15 Mar 2024", "15-Mar-24", "15 Mrz 2024" (any
    language LinkedIn exports in), "2024-03-15", "03/15/2024", "15.03.2024"; else None.
    A two-digit year is in this century."""
    moment = parse_moment(text)
    return moment.day if moment is not None else None


@dataclass(frozen=True)
class Moment:
    """When something happened: the day as written, and the instant when a time is given
    (LinkedIn writes times in UTC)."""

    day: dt.date
    instant: dt.datetime | None = None

    def local_day(self) -> dt.date:
        """The day on this computer's clock: a message sent at 23:30 UTC is the next
        morning in Warsaw."""
        if self.instant is None:
            return self.day
        return self.instant.astimezone().date()

    def utc_day(self) -> dt.date:
        """The day in UTC, the same on every computer."""
        if self.instant is None:
            return self.day
        return self.instant.astimezone(dt.UTC).date()


def parse_moment(text: str) -> Moment | None:
    text = text.strip()
    try:
        if match := _DAY_MONTH_YEAR.fullmatch(text):
            day, _, month_name, year = match.groups()
            month = _MONTHS.get(month_name.casefold())
            if month is None:
                return None
            full_year = int(year) + 2000 if len(year) == 2 else int(year)
            return Moment(dt.date(full_year, month, int(day)))
        if match := _ISO.fullmatch(text):
            year, month_number, day, hour, minute, second, zone = match.groups()
            date = dt.date(int(year), int(month_number), int(day))
            if hour is None:
                return Moment(date)
            offset = _offset(zone)
            instant = dt.datetime(
                date.year, date.month, date.day, int(hour), int(minute), int(second or 0),
                tzinfo=offset,
            )  # fmt: skip
            return Moment(date, instant)
        if match := _US.fullmatch(text):
            month_number, day, year, hour, minute, second, half, _ = match.groups()
            full_year = int(year) + 2000 if len(year) == 2 else int(year)
            date = dt.date(full_year, int(month_number), int(day))
            if hour is None:
                return Moment(date)
            hours = int(hour)
            if half is not None:
                if not 1 <= hours <= 12:
                    return None
                hours = hours % 12 + (12 if half[0] in "Pp" else 0)
            instant = dt.datetime(
                date.year, date.month, date.day, hours, int(minute), int(second or 0),
                tzinfo=dt.UTC,
            )  # fmt: skip
            return Moment(date, instant)
        if match := _DOTTED.fullmatch(text):
            day, month_number, year = match.groups()
            return Moment(dt.date(int(year), int(month_number), int(day)))
    except ValueError:  # 30 Feb, 25:00 and the like
        return None
    return None


def _offset(zone: str | None) -> dt.tzinfo:
    if zone is None or zone in ("UTC", "GMT", "Z"):
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
