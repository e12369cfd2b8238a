"""LinkedIn's data export, from whatever the user has: the zip LinkedIn sends (Basic_…
and Complete_…, several at once), the folder it unpacks to, or any of its CSVs alone.

Three files of it matter: Connections.csv, Invitations.csv and messages.csv; every other
file is ignored. Nothing is trusted: a path that is not a regular file or a folder, a
file over `MAX_BYTES`, a zip member that would inflate past it (a zip bomb), a zip that
is not one: each is one message naming the file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.importing import csvfile, invitations, linkedin, messages
from generator.importing.csvfile import ExportError, Layout, Progress
from generator.importing.invitations import InvitationsFile
from generator.importing.linkedin import ConnectionsFile
from generator.importing.messages import MessagesFile

LAYOUTS: tuple[Layout, ...] = (linkedin.LAYOUT, invitations.LAYOUT, messages.LAYOUT)
NAMES = "Connections.csv, Invitations.csv or messages.csv"
EXPECTED_INPUT = (
    "expected LinkedIn's data export: the zip, the folder it unpacks to, "
    f"or one of its files ({NAMES})"
)
EXPECTED_ZIP = (
    "expected LinkedIn's data export "
    "(Basic_LinkedInDataExport_….zip or Complete_LinkedInDataExport_….zip)"
)
# How large each file of a real export gets, for the message about one that is larger.
_USUAL_SIZE = {
    linkedin.CONNECTIONS_CSV: "a few MB at most",
    invitations.INVITATIONS_CSV: "a few MB at most",
    messages.MESSAGES_CSV: "tens of MB at most",
}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_EXPORT_DATE = re.compile(r"(\d{2})-(\d{2})-(\d{4})")
# A folder is searched this deep: the export's own folder, or the one holding it.
_FOLDER_DEPTH = 2


@dataclass(frozen=True)
class Found:
    """One file of the export, as text."""

    layout: Layout
    source: str  # how messages name it: "export.zip:Connections.csv"
    text: str
    exported_on: dt.date | None  # the date in the zip's or folder's name
    dated_by: str = ""  # where that date was read: "the zip's name (….zip)"


@dataclass
class Export:
    """Everything read from the paths given, file by file."""

    sources: list[str] = field(default_factory=list)
    connections: list[ConnectionsFile] = field(default_factory=list)
    invitations: list[tuple[InvitationsFile, dt.date | None]] = field(default_factory=list)
    messages: list[MessagesFile] = field(default_factory=list)
    # Where each file's date was read (by the file's source), for the report.
    dated_by: dict[str, str] = field(default_factory=dict)


def read_export(paths: list[Path], progress: Progress | None = None) -> Export:
    """Read and parse every file of the export found in `paths`; raises ExportError."""
    export = Export()
    seen: set[str] = set()
    for path in paths:
        for found in find(path):
            if found.source in seen:
                continue
            seen.add(found.source)
            export.sources.append(found.source)
            name = found.layout.name
            if name == linkedin.CONNECTIONS_CSV:
                export.connections.append(
                    linkedin.parse_connections(found.text, found.source, progress)
                )
            elif name == invitations.INVITATIONS_CSV:
                parsed = invitations.parse_invitations(found.text, found.source, progress)
                export.invitations.append((parsed, found.exported_on))
                export.dated_by[found.source] = found.dated_by
            else:
                export.messages.append(messages.parse_messages(found.text, found.source, progress))
    return export


def find(path: Path) -> list[Found]:
    """The export's files in a zip, a folder or one CSV."""
    info = _stat(path, EXPECTED_INPUT)
    if stat.S_ISDIR(info.st_mode):
        return _from_folder(path)
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{path}: not a regular file or a folder; {EXPECTED_INPUT}")
    if _is_zip(path):
        return _from_zip(path, LAYOUTS)
    layout = _layout_of(path)
    data = _read_file(path, layout.name if layout else "export's files")
    text = csvfile.decode(data, str(path), f"LinkedIn's {layout.name if layout else NAMES}")
    layout = layout or csvfile.sniff(text, LAYOUTS)
    if layout is None:
        headers = "; ".join(f"{each.name}: {each.columns}" for each in LAYOUTS)
        raise ExportError(
            f"{path}: not one of the export's files (no header row of {NAMES} found); "
            f"{EXPECTED_INPUT}, whose header rows are {headers}"
        )
    # A file of the unpacked folder still carries the export's date in the folder's name.
    return [Found(layout, str(path), text, *_dated(path.resolve().parent, "folder"))]


def read_connections(path: Path) -> ConnectionsFile:
    """Read Connections.csv, or take it from LinkedIn's data-export zip."""
    found = read_one(path, linkedin.LAYOUT)
    return linkedin.parse_connections(found.text, found.source)


def read_one(path: Path, layout: Layout) -> Found:
    """One kind of file, alone or from the zip (what `read_connections` reads)."""
    expected = f"expected LinkedIn's {layout.name} or the data-export zip it comes in"
    info = _stat(path, expected)
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{path}: not a regular file; {expected}")
    if _is_zip(path):
        found = _from_zip(path, (layout,))
        if not found:
            raise ExportError(f"{path}: no {layout.name} in this zip; {EXPECTED_ZIP}")
        return found[0]
    data = _read_file(path, layout.name)
    return Found(
        layout, str(path), csvfile.decode(data, str(path), f"LinkedIn's {layout.name}"), None
    )


def _stat(path: Path, expected: str) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        raise ExportError(f"{path}: file not found; {expected}") from None
    except OSError as exc:
        raise ExportError(f"{path}: cannot read it ({exc.strerror}); {expected}") from None


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            head = file.read(4)
    except OSError as exc:
        raise ExportError(f"{path}: cannot read it ({exc.strerror}); {EXPECTED_INPUT}") from None
    return head in _ZIP_MAGIC or path.suffix.lower() == ".zip"


def _read_file(path: Path, name: str) -> bytes:
    usual = _USUAL_SIZE.get(name, "tens of MB at most")
    too_big = (
        f"{path}: over {_size(csvfile.MAX_BYTES)}; expected LinkedIn's {name}, which is {usual}"
    )
    try:
        if path.stat().st_size > csvfile.MAX_BYTES:
            raise ExportError(too_big)
        with path.open("rb") as file:
            data = file.read(csvfile.MAX_BYTES + 1)
    except OSError as exc:
        raise ExportError(f"{path}: cannot read it ({exc.strerror}); {EXPECTED_INPUT}") from None
    if len(data) > csvfile.MAX_BYTES:  # it grew after stat()
        raise ExportError(too_big)
    return data


def _layout_of(path: Path) -> Layout | None:
    """The kind of file its name says: "Connections.csv", also "Connections (1).csv"."""
    name = path.name.casefold()
    for layout in LAYOUTS:
        if name == layout.name.casefold():
            return layout
    for layout in LAYOUTS:
        if layout.name.casefold().removesuffix("s.csv") in name:
            return layout
    return None


def _exported_on(name: str) -> dt.date | None:
    """The date in LinkedIn's name for the export: Basic_LinkedInDataExport_11-26-2026."""
    match = _EXPORT_DATE.search(name)
    if match is None:
        return None
    month, day, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dated(path: Path, kind: str) -> tuple[dt.date | None, str]:
    """The date in a zip's or folder's name, and where it was read ("" when none)."""
    day = _exported_on(path.name)
    return day, (f"the date in the {kind}'s name ({path.name})" if day is not None else "")


def _from_zip(path: Path, layouts: tuple[Layout, ...]) -> list[Found]:
    exported_on, dated_by = _dated(path, "zip")
    found = []
    source = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = _members(archive.infolist())
            for layout in layouts:
                member = members.get(layout.name.casefold())
                if member is None:
                    continue
                source = f"{path}:{member.filename}"
                usual = _USUAL_SIZE[layout.name]
                bomb = (
                    f"{source}: over {_size(csvfile.MAX_BYTES)} uncompressed; refusing it as a "
                    f"possible zip bomb (LinkedIn's {layout.name} is {usual})"
                )
                if member.file_size > csvfile.MAX_BYTES:
                    raise ExportError(bomb)
                with archive.open(member) as file:
                    data = file.read(csvfile.MAX_BYTES + 1)
                if len(data) > csvfile.MAX_BYTES:
                    raise ExportError(bomb)
                text = csvfile.decode(data, source, f"LinkedIn's {layout.name}")
                found.append(Found(layout, source, text, exported_on, dated_by))
    except zipfile.BadZipFile as exc:
        if source == str(path):
            raise ExportError(f"{path}: not a readable zip ({exc}); {EXPECTED_ZIP}") from None
        raise ExportError(f"{source}: cannot read it from the zip ({exc})") from None
    except (RuntimeError, NotImplementedError, zlib.error, EOFError, OSError) as exc:
        raise ExportError(f"{source}: cannot read it from the zip ({exc})") from None
    if not found and len(layouts) > 1:
        raise ExportError(f"{path}: no {NAMES} in this zip; {EXPECTED_ZIP}")
    return found


def _members(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """Each file name (case ignored) to its least deeply nested member."""
    best: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.is_dir() or info.filename.startswith("__MACOSX/"):
            continue
        name = PurePosixPath(info.filename).name.casefold()
        current = best.get(name)
        rank = (info.filename.count("/"), info.filename)
        if current is None or rank < (current.filename.count("/"), current.filename):
            best[name] = info
    return best


def _from_folder(folder: Path) -> list[Found]:
    wanted = {layout.name.casefold(): layout for layout in LAYOUTS}
    found: dict[str, list[Path]] = {}
    for paths in _levels(folder):
        level: dict[str, list[Path]] = {}
        for path in paths:
            name = path.name.casefold()
            if name in wanted and name not in found:
                level.setdefault(name, []).append(path)
        found.update(level)
    if not found:
        raise ExportError(f"{folder}: no {NAMES} in this folder; {EXPECTED_INPUT}")
    results = []
    for name, paths in found.items():
        if len(paths) > 1:
            listed = ", ".join(str(p) for p in sorted(paths))
            raise ExportError(
                f"{folder}: {len(paths)} files named {wanted[name].name} ({listed}); "
                "give the folder of one export"
            )
        path = paths[0]
        layout = wanted[name]
        data = _read_file(path, layout.name)
        text = csvfile.decode(data, str(path), f"LinkedIn's {layout.name}")
        exported_on, dated_by = _dated(path.parent, "folder")
        if exported_on is None:
            exported_on, dated_by = _dated(folder, "folder")
        results.append(Found(layout, str(path), text, exported_on, dated_by))
    order = [layout.name.casefold() for layout in LAYOUTS]
    return sorted(results, key=lambda f: order.index(f.layout.name.casefold()))


def _levels(folder: Path) -> list[list[Path]]:
    """The regular files at each depth of the folder (hidden entries skipped)."""
    levels: list[list[Path]] = []
    current = [folder]
    for _ in range(_FOLDER_DEPTH):
        files: list[Path] = []
        folders: list[Path] = []
        for parent in current:
            try:
                entries = sorted(parent.iterdir())
            except OSError as exc:
                raise ExportError(f"{parent}: cannot list the folder ({exc.strerror})") from None
            for entry in entries:
                if entry.name.startswith((".", "__MACOSX")):
                    continue
                if entry.is_symlink():
                    continue
                if entry.is_dir():
                    folders.append(entry)
                elif entry.is_file():
                    files.append(entry)
        levels.append(files)
        current = folders
    return levels


def _size(limit: int) -> str:
    megabytes, rest = divmod(limit, 1024 * 1024)
    return f"{megabytes} MB" if megabytes and not rest else f"{limit} bytes"
