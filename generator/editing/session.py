"""Edits to plan files, checked as a whole plan and written as one change.

An `EditSession` takes the playbook's lock (so no other command edits or builds the
playbook meanwhile; a killed command's leftovers are undone first), then reads the
plan. Each edit is a surgical change to one file's text (`yaml_edit`), kept in
memory. `finish` reads the plan again with the changed texts in place of the files:
if anything would be wrong, nothing is written and the error says why. Otherwise each
file is checked to be byte for byte what the edits started from (an editor may have
saved it meanwhile) and every file is replaced, created or removed as one change
(`atomic.commit`), and the lock is released.

A command that stops before `finish` (an error of its own) releases the lock when
its click command ends, or when the session is dropped.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from generator import locking
from generator.atomic import ReadOnlyFile, commit
from generator.checking import load_plan
from generator.editing.yaml_edit import Edit, EditRefused
from generator.errors import InvalidPlan, PlaybookError, shown
from generator.metrics.situation import Situation
from generator.model.model import Plan
from generator.reading.cache import ReadCache


@dataclass(frozen=True)
class Change:
    path: Path
    line: int
    summary: str

    def __str__(self) -> str:
        if self.line <= 0:  # a file removed or changed as a whole
            return f"{shown(self.path)}: {self.summary}"
        return f"{shown(self.path)}:{self.line}: {self.summary}"


@dataclass
class EditReport:
    changes: list[Change]
    diff: str
    written: bool
    # Lines worth showing with the result: a warning about it, or why nothing changed.
    notes: list[str] = field(default_factory=list)


@dataclass
class EditSession:
    plans_dir: Path
    today: dt.date
    # The plan as the edits found it, checked, with its facts as of `today`.
    situation: Situation = field(init=False)
    texts: dict[Path, str] = field(default_factory=dict)
    created: set[Path] = field(default_factory=set)
    removed: set[Path] = field(default_factory=set)
    changes: list[Change] = field(default_factory=list)
    # Called once if another command holds the playbook: by default a line on stderr.
    on_wait: Callable[[], None] | None = field(default=locking.tell_waiting, repr=False)
    # Each file's bytes as the edits first read them (None: it did not exist).
    _read: dict[Path, bytes | None] = field(default_factory=dict, init=False, repr=False)
    _lock: locking.Lock | None = field(default=None, init=False, repr=False)
    _cache: ReadCache = field(default_factory=ReadCache, init=False, repr=False)

    def __post_init__(self) -> None:
        self._lock = locking.acquire([locking.playbook_folder(self.plans_dir)], self.on_wait)
        context = click.get_current_context(silent=True)
        if context is not None:
            context.call_on_close(self.close)
        try:
            self.situation = load_plan(self.plans_dir, self.today, self._cache)
        except InvalidPlan as exc:
            self.close()
            heading = "The plan has errors; fix them before editing it (nothing was written):"
            raise InvalidPlan(exc.problems, heading) from None
        except BaseException:
            self.close()
            raise

    @property
    def plan(self) -> Plan:
        return self.situation.plan

    def close(self) -> None:
        """Let other commands at the playbook; the session writes nothing after this."""
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def __del__(self) -> None:
        if getattr(self, "_lock", None) is not None:
            self.close()

    def text(self, path: Path) -> str:
        """The file as the edits so far leave it, byte for byte as text."""
        if path in self.texts:
            return self.texts[path]
        if path in self.removed:
            return ""
        data = self._bytes_on_disk(path)
        self._read.setdefault(path, data)
        if data is None:
            return ""
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PlaybookError(f"{shown(path)}: cannot read it: {exc}") from None

    @staticmethod
    def _bytes_on_disk(path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise PlaybookError(f"{shown(path)}: cannot read it: {exc.strerror}") from None

    def apply(self, path: Path, edit: Callable[[str], Edit], summary: str) -> None:
        try:
            result = edit(self.text(path))
        except EditRefused as exc:
            raise PlaybookError(
                f"{shown(path)}: cannot make this edit: {exc}; nothing was written"
            ) from None
        if self._read.get(path) is None and path not in self.texts:
            self.created.add(path)
        self.removed.discard(path)
        self.texts[path] = result.text
        self.changes.append(Change(path, result.line, summary))

    def create(self, path: Path, text: str, summary: str) -> None:
        if path in self.texts or (path not in self.removed and path.exists()):
            raise PlaybookError(f"{shown(path)} already exists; nothing was written")
        self._read.setdefault(path, None)
        if path in self.removed:
            self.removed.discard(path)  # removed and written again: a replacement
        else:
            self.created.add(path)
        self.texts[path] = text
        self.changes.append(Change(path, 1, summary))

    def remove(self, path: Path, summary: str) -> None:
        """Delete a file in the same all-or-nothing change as the other edits."""
        if path in self.created:
            self.created.discard(path)
            del self.texts[path]
        else:
            if path in self.removed or self._bytes_on_disk(path) is None:
                raise PlaybookError(f"{shown(path)} does not exist; nothing was written")
            self.text(path)  # remembers the bytes, to check them before removing
            self.texts.pop(path, None)
            self.removed.add(path)
        self.changes.append(Change(path, 0, summary))

    def diff(self) -> str:
        parts: list[str] = []
        for path in [*sorted(self.removed), *self.texts]:
            old = "" if path in self.created else self._original_text(path)
            new = self.texts.get(path, "")
            parts += difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile="/dev/null" if path in self.created else str(path),
                tofile="/dev/null" if path in self.removed else str(path),
            )
        return "".join(parts)

    def _original_text(self, path: Path) -> str:
        data = self._read.get(path)
        return "" if data is None else data.decode("utf-8", "replace")

    def check(self) -> Situation:
        """The plan as the edits would leave it; raises if it would be invalid."""
        overrides: dict[Path, str | None] = dict(self.texts)
        overrides.update(dict.fromkeys(self.removed))
        try:
            return load_plan(self.plans_dir, self.today, self._cache, overrides=overrides)
        except InvalidPlan as exc:
            heading = "This edit would leave the plan invalid, so nothing was written:"
            raise InvalidPlan(exc.problems, heading) from None

    def finish(self, dry_run: bool = False) -> EditReport:
        """Check the plan as the edits leave it, then write it (unless `dry_run`)."""
        if self._lock is None:
            raise PlaybookError("this edit session is closed; nothing was written")
        try:
            self.check()
            if dry_run:
                return EditReport(list(self.changes), self.diff(), written=False)
            self._write()
            return EditReport(list(self.changes), "", written=True)
        finally:
            self.close()

    def _write(self) -> None:
        for path in sorted({*self.texts, *self.removed}):
            if self._bytes_on_disk(path) != self._read.get(path):
                raise PlaybookError(f"{shown(path)} changed while editing; nothing was written")
        writes = {p: t for p, t in self.texts.items() if p not in self.created}
        creates = {p: t for p, t in self.texts.items() if p in self.created}
        try:
            for path in creates:
                path.parent.mkdir(parents=True, exist_ok=True)
            commit(writes, creates, sorted(self.removed), journal_dir=self.plans_dir)
        except ReadOnlyFile as exc:
            raise PlaybookError(
                f"{shown(exc.filename)} is read-only; make it writable (chmod u+w) to change "
                "it; nothing was written"
            ) from None
        except FileExistsError as exc:
            raise PlaybookError(
                f"{shown(exc.filename)} was created by something else meanwhile; "
                "nothing was written"
            ) from None
        except OSError as exc:
            where = shown(exc.filename or self.plans_dir)
            reason = exc.strerror or str(exc)
            raise PlaybookError(
                f"{where}: cannot write it: {reason}; nothing was written"
            ) from None
