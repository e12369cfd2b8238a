"""Finding and reading plan files without trusting what is on disk.

A plans folder is user input too: a file may be a FIFO that blocks forever, a device
that never ends, a link to a private file elsewhere, or simply huge. Only regular
files inside the plans folder, up to `MAX_BYTES`, are read; anything else is a
located message that never shows what a link points at.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.errors import Location, Problem

PLAN_FILE = "plan.yaml"
COMPANIES_DIR = "companies"
INBOUND_FILE = "inbound.yaml"
# Written by `playbook import linkedin`: LinkedIn's counts for the LinkedIn budget.
LINKEDIN_FILE = "linkedin.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 10 * 1024 * 1024


def company_files(plans_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The company files, sorted, and a problem for each entry that cannot be one."""
    folder = plans_dir / COMPANIES_DIR
    if not os.path.lexists(folder):
        return [], []
    if not folder.is_dir():
        message = f"'{COMPANIES_DIR}' must be a folder holding one YAML file per company"
        return [], [Problem(Location(folder), message)]
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        return [], [Problem(Location(folder), f"cannot list the folder: {exc.strerror}")]
    files, problems = [], []
    for entry in entries:
        if entry.name.startswith(".") or entry.suffix not in YAML_SUFFIXES:
            continue
        if entry.is_dir() and not entry.is_symlink():
            message = "a folder named like a company file; a company is one YAML file"
            problems.append(Problem(Location(entry), message))
            continue
        files.append(entry)
    return files, problems


def read_text(path: Path, plans_dir: Path) -> tuple[str | None, list[Problem]]:
    """The file as text with LF line endings (UTF-8, a byte-order mark allowed)."""
    raw, problem = _read_bytes(path, plans_dir)
    if raw is None:
        return None, [problem] if problem else []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = (
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X}); save it with UTF-8 encoding"
        )
        return None, [Problem(Location(path, line, col), message)]
    return as_text(text), []


def as_text(text: str) -> str:
    """Text as the reader sees it: no byte-order mark, LF line endings."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path, plans_dir: Path) -> tuple[bytes | None, Problem | None]:
    where = Location(path)
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            return None, Problem(where, "a link to a file that does not exist")
        return None, Problem(where, "file not found")
    except (RuntimeError, OSError) as exc:
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            return None, Problem(where, "a link that loops back on itself")
        return None, Problem(where, f"cannot read the file: {exc.strerror}")
    if not target.is_relative_to(plans_dir.resolve()):
        message = "a link to a file outside the plans folder; plan files must live in it"
        return None, Problem(where, message)
    try:
        descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return None, Problem(where, f"cannot read the file: {exc.strerror}")
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            return None, Problem(where, "a folder where a YAML file was expected")
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(where, "not a regular file (a device, pipe or socket)")
        if info.st_size > MAX_BYTES:
            megabytes = info.st_size / 1024 / 1024
            message = f"the file is {megabytes:.0f} MB; a plan file may hold at most 10 MB"
            return None, Problem(where, message)
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, Problem(where, f"cannot read the file: {exc.strerror}")
    finally:
        os.close(descriptor)
    if len(raw) > MAX_BYTES:
        return None, Problem(where, "the file grew past 10 MB while being read")
    return raw, None
