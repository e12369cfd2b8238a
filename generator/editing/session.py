"""Edits to plan files, checked as a whole plan before anything is written.

An `EditSession` starts from a plan that loads; each edit is a surgical change to one
file's text (`yaml_edit`), kept in memory. `finish` reads the plan again with the
changed texts in place of the files: if anything would be wrong, nothing is written
and the error says why; otherwise each file is replaced atomically.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.checking import load_plan
from generator.editing.atomic import atomic_create, atomic_write_all
from generator.editing.yaml_edit import Edit, EditRefused
from generator.errors import InvalidPlan, PlaybookError
from generator.model.model import Plan


@dataclass(frozen=True)
class Change:
    path: Path
    line: int
    summary: str

    def __str__(self) -> str:
        if self.line <= 0:  # a file removed or changed as a whole
            return f"{self.path}: {self.summary}"
        return f"{self.path}:{self.line}: {self.summary}"


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
    plan: Plan = field(init=False)
    texts: dict[Path, str] = field(default_factory=dict)
    created: set[Path] = field(default_factory=set)
    removed: set[Path] = field(default_factory=set)
    changes: list[Change] = field(default_factory=list)

    def __post_init__(self) -> None:
        try:
            self.plan = load_plan(self.plans_dir, self.today)
        except InvalidPlan as exc:
            heading = "The plan has errors; fix them before editing it (nothing was written):"
            raise InvalidPlan(exc.problems, heading) from None

    def text(self, path: Path) -> str:
        """The file as the edits so far leave it, byte for byte as text."""
        if path in self.texts:
            return self.texts[path]
        try:
            return path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            return ""
        except (OSError, UnicodeDecodeError) as exc:
            raise PlaybookError(f"{path}: cannot read it: {exc}") from None

    def apply(self, path: Path, edit: Callable[[str], Edit], summary: str) -> None:
        try:
            result = edit(self.text(path))
        except EditRefused as exc:
            raise PlaybookError(
                f"{path}: cannot make this edit: {exc}; nothing was written"
            ) from None
        if not path.exists() and path not in self.texts:
            self.created.add(path)
        self.texts[path] = result.text
        self.changes.append(Change(path, result.line, summary))

    def create(self, path: Path, text: str, summary: str) -> None:
        if path.exists() or path in self.texts:
            raise PlaybookError(f"{path} already exists; nothing was written")
        self.created.add(path)
        self.texts[path] = text
        self.changes.append(Change(path, 1, summary))

    def remove(self, path: Path, summary: str) -> None:
        """Delete a file in the same all-or-nothing change as the other edits."""
        if path in self.texts or path in self.removed or not path.is_file():
            raise PlaybookError(f"{path}: cannot remove it; nothing was written")
        self.removed.add(path)
        self.changes.append(Change(path, 0, summary))

    def diff(self) -> str:
        parts: list[str] = []
        for path in sorted(self.removed):
            parts += difflib.unified_diff(
                self.text_on_disk(path).splitlines(keepends=True),
                [],
                fromfile=str(path),
                tofile="/dev/null",
            )
        for path, new in self.texts.items():
            old = "" if path in self.created else self.text_on_disk(path)
            parts += difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile="/dev/null" if path in self.created else str(path),
                tofile=str(path),
            )
        return "".join(parts)

    @staticmethod
    def text_on_disk(path: Path) -> str:
        return path.read_bytes().decode("utf-8")

    def check(self) -> Plan:
        """The plan as the edits would leave it; raises if it would be invalid."""
        try:
            # A removed company file is read as one holding nothing.
            gone = {path: "" for path in self.removed}
            return load_plan(self.plans_dir, self.today, overrides={**self.texts, **gone})
        except InvalidPlan as exc:
            heading = "This edit would leave the plan invalid, so nothing was written:"
            raise InvalidPlan(exc.problems, heading) from None

    def finish(self, dry_run: bool = False) -> EditReport:
        self.check()
        diff = self.diff()
        if not dry_run:
            changed = {p: t for p, t in self.texts.items() if p not in self.created}
            try:
                # Every changed file at once: a failure before the renames changes none.
                atomic_write_all(changed)
                for path in self.created:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    atomic_create(path, self.texts[path])
                for path in self.removed:
                    path.unlink()
            except OSError as exc:
                where = exc.filename or self.plans_dir
                raise PlaybookError(f"{where}: cannot write it: {exc.strerror}") from None
        return EditReport(list(self.changes), diff, written=not dry_run)
