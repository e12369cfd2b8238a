"""Parsed and checked plan files, kept between rebuilds of `playbook serve`.

A file is re-read only when its size or modification time changed, and re-parsed
only when its content did, so saving one company file costs one file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Problem

Stamp = tuple[int, int, int]  # inode, size, modification time in ns


@dataclass(frozen=True)
class CheckedFile:
    """One file's validated content (None when unusable) and its problems."""

    content: Any
    problems: list[Problem]


@dataclass
class _Entry:
    stamp: Stamp
    digest: str
    result: CheckedFile


@dataclass
class ReadCache:
    entries: dict[tuple[Path, str], _Entry] = field(default_factory=dict)
    reads: int = 0  # files whose bytes were read: what a test of "one file" counts

    def checked(
        self,
        path: Path,
        kind: str,
        read: Callable[[], tuple[str | None, list[Problem]]],
        check: Callable[[str], CheckedFile],
    ) -> CheckedFile:
        stamp = _stamp(path)
        entry = self.entries.get((path, kind))
        if entry is not None and stamp is not None and entry.stamp == stamp:
            return entry.result
        self.reads += 1
        text, problems = read()
        if text is None:
            self.entries.pop((path, kind), None)
            return CheckedFile(None, problems)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        unchanged = entry is not None and entry.digest == digest
        result = entry.result if entry is not None and unchanged else check(text)
        if stamp is not None:
            self.entries[(path, kind)] = _Entry(stamp, digest, result)
        return result

    def forget_missing(self, present: set[Path]) -> None:
        for key in [key for key in self.entries if key[0] not in present]:
            del self.entries[key]


def _stamp(path: Path) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns
