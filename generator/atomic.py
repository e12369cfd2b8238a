"""Write files so that a reader, a crash or a kill sees the old texts or the new, never a mix.

One file: the text goes to a temporary file in the same folder (so the rename cannot
cross file systems), is flushed to disk, and then replaces the target in one rename.

Several files (`commit`): every new text is written and synced first, and every file
about to be replaced or removed gets a second name (a hard link, else a copy), so a
failure while writing (a full disk, a read-only file) changes nothing. Then a journal
naming each step is written, the renames run, and the journal is deleted: that
deletion is the moment the change happens. A rename that fails puts back what was
renamed before it; a run killed between the journal and its deletion is undone by
`recover` at the next start (under the playbook lock). Whatever a killed run leaves
is named `.<file>.playbook-<random>.tmp` and removed at the next start too.

Folders are synced so that the renames survive a power cut. Text is written as UTF-8
bytes exactly as given: no newline translation, so CRLF files stay CRLF.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

JOURNAL = ".playbook-journal"
TEMP_MARK = ".playbook-"
# Our temporary names; the second form is what versions before the journal left.
_STALE = re.compile(r"^\..+\.playbook-[A-Za-z0-9_]+\.tmp$|^\..+\.ya?ml\.[a-z0-9_]{8}\.tmp$")


def atomic_write(path: Path, text: str) -> None:
    """Replace (or create) `path` with `text`, keeping the old file's permission bits."""
    commit({path: text})


def atomic_write_all(files: dict[Path, str]) -> None:
    """Change several files together or not at all (without a journal: a kill between
    two renames is not undone; `commit` with a journal folder is)."""
    commit(files)


@dataclass
class _Step:
    """One file of a change: `new` replaces (or creates) `target`; `old` is a second
    name of what `target` held, to put it back (None for a file that is new)."""

    target: Path
    new: Path | None
    old: Path | None


def commit(
    writes: dict[Path, str],
    creates: dict[Path, str] | None = None,
    removes: Iterable[Path] = (),
    journal_dir: Path | None = None,
) -> None:
    """Write, create and remove files as one change. Raises OSError whose `filename` is
    the file concerned (never a temporary name); nothing is changed then.

    A link is followed (the file it points at is written, the link stays); a pipe or a
    device is written into, never replaced by a regular file (and cannot be undone).
    A file without any write permission is refused, as a read-only file is a wish.
    """
    steps: list[_Step] = []
    try:
        for path, text in writes.items():
            step = _stage_write(path, text)
            if step is not None:
                steps.append(step)
        for path, text in (creates or {}).items():
            steps.append(_stage_create(path, text))
        for path in removes:
            steps.append(_stage_remove(path))
        for folder in _folders(steps):
            _sync_folder(folder)
        journal = _write_journal(journal_dir, steps) if journal_dir is not None else None
    except BaseException:
        _clean(steps)
        raise
    done = 0
    try:
        for step in steps:
            _apply(step)
            done += 1
        for folder in _folders(steps):
            _sync_folder(folder)
    except BaseException:
        for step in reversed(steps[: done + 1]):
            _undo(step)
        _finish(steps, journal)
        raise
    _finish(steps, journal)


def _stage_write(path: Path, text: str) -> _Step | None:
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return _stage_create(target, text)
    except OSError as exc:
        raise _about(exc, path) from None
    if not stat.S_ISREG(info.st_mode):
        try:
            _write_into(target, text)
        except OSError as exc:
            raise _about(exc, path) from None
        return None
    _refuse_read_only(path, target, info)
    mode = stat.S_IMODE(info.st_mode)
    new = _write_temp(target, text.encode("utf-8"), mode, shown=path)
    try:
        old = _second_name(target, mode, shown=path)
    except BaseException:
        _remove(new)
        raise
    return _Step(target, new, old)


def _stage_create(path: Path, text: str) -> _Step:
    if os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "it exists already", str(path))
    return _Step(path, _write_temp(path, text.encode("utf-8"), _default_mode(), shown=path), None)


def _stage_remove(path: Path) -> _Step:
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except OSError as exc:
        raise _about(exc, path) from None
    _refuse_read_only(path, target, info)
    return _Step(target, None, _second_name(target, stat.S_IMODE(info.st_mode), shown=path))


class ReadOnlyFile(PermissionError):
    """The file has no write permission: the user made it read-only, so it stays as it is."""


def _refuse_read_only(path: Path, target: Path, info: os.stat_result) -> None:
    if not info.st_mode & 0o222:
        raise ReadOnlyFile(errno.EACCES, "the file is read-only", str(path))
    if not os.access(target, os.W_OK):
        reason = "the file may not be written (it is immutable, or not yours to write)"
        raise PermissionError(errno.EACCES, reason, str(path))


def _apply(step: _Step) -> None:
    try:
        if step.new is None:
            os.unlink(step.target)
        elif step.old is None:
            os.link(step.new, step.target)  # fails if the file appeared meanwhile
        else:
            os.replace(step.new, step.target)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "it was created meanwhile", str(step.target)) from None
    except OSError as exc:
        if step.old is None and step.new is not None:
            _create_exclusive(step.target, step.new)  # a file system without hard links
            return
        raise _about(exc, step.target) from None


def _undo(step: _Step) -> None:
    """Put a file back as it was; harmless for a step that did not happen."""
    with contextlib.suppress(OSError):
        if step.old is not None:
            os.replace(step.old, step.target)
        elif step.new is not None and _same_file(step.new, step.target):
            os.unlink(step.target)


def _finish(steps: list[_Step], journal: Path | None) -> None:
    if journal is not None:
        _remove(journal)
        _sync_folder(journal.parent)
    _clean(steps)


def _clean(steps: list[_Step]) -> None:
    for step in steps:
        for name in (step.new, step.old):
            if name is not None:
                _remove(name)


def _folders(steps: list[_Step]) -> set[Path]:
    return {step.target.parent for step in steps}


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _about(exc: OSError, path: Path) -> OSError:
    """The same error, naming the plan file instead of whatever name it was about."""
    return OSError(exc.errno, exc.strerror or str(exc), str(path))


# ---------------------------------------------------------------- the journal


def _write_journal(folder: Path, steps: list[_Step]) -> Path:
    """Name every step, relative to `folder` (so a moved playbook still recovers)."""
    base = Path(os.path.realpath(folder))

    def name(path: Path | None) -> str | None:
        return None if path is None else os.path.relpath(path, base)

    entries = [{"target": name(s.target), "new": name(s.new), "old": name(s.old)} for s in steps]
    text = json.dumps({"playbook-journal": 1, "steps": entries}, indent=1)
    journal = base / JOURNAL
    temp = _write_temp(journal, text.encode("utf-8"), 0o600, shown=journal)
    try:
        os.replace(temp, journal)
    except OSError as exc:
        _remove(temp)
        raise _about(exc, journal) from None
    _sync_folder(base)
    return journal


def recover(plans_dir: Path) -> list[Path]:
    """Undo a change a killed run left unfinished and remove what such runs left
    behind. Call it holding the playbook lock. Returns the files put back."""
    base = Path(os.path.realpath(plans_dir))
    journal = base / JOURNAL
    restored: list[Path] = []
    folders = {base, base / "companies"}
    if os.path.lexists(journal):
        steps = _read_journal(base, journal)
        for step in reversed(steps):
            _undo(step)
            restored.append(step.target)
        for folder in _folders(steps):
            _sync_folder(folder)
        folders |= _folders(steps)
        _remove(journal)
        _sync_folder(base)
    for folder in folders:
        for stale in stale_copies(folder):
            _remove(stale)
    return restored


def _read_journal(base: Path, journal: Path) -> list[_Step]:
    """The steps of a journal; none when it was never finished (then no rename ran)."""
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        return [
            _Step(
                _inside(base, entry["target"]),
                None if entry["new"] is None else _inside(base, entry["new"]),
                None if entry["old"] is None else _inside(base, entry["old"]),
            )
            for entry in data["steps"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _inside(base: Path, name: object) -> Path:
    """A journal's path, only if it stays inside the plans folder."""
    if not isinstance(name, str):
        raise ValueError(name)
    path = Path(os.path.normpath(base / name))
    if not path.is_relative_to(base):
        raise ValueError(name)
    return path


def stale_copies(folder: Path) -> list[Path]:
    """Temporary copies a killed write left in a folder."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(folder / name for name in names if name.startswith(".") and _STALE.match(name))


def pending(plans_dir: Path) -> bool:
    """Whether a killed run left anything for `recover` to do (cheap: two listings)."""
    if os.path.lexists(plans_dir / JOURNAL):
        return True
    return bool(stale_copies(plans_dir) or stale_copies(plans_dir / "companies"))


# ---------------------------------------------------------------- files


def atomic_create(path: Path, text: str) -> None:
    """Create `path` with `text`; FileExistsError if it exists, even if another writer races us.

    The full text is linked into place, so `path` never exists half-written; where the
    file system has no hard links, an exclusive create is the fallback.
    """
    commit({}, creates={path: text})


def _write_into(target: Path, text: str) -> None:
    with open(target, "wb") as handle:
        handle.write(text.encode("utf-8"))


def _write_temp(path: Path, data: bytes, mode: int, shown: Path) -> Path:
    """A flushed and synced temporary file beside `path`, holding `data` with `mode`."""
    try:
        fd, tmp = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}{TEMP_MARK}", suffix=".tmp"
        )
    except OSError as exc:
        raise _about(exc, shown) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException as exc:
        _remove(Path(tmp))
        if isinstance(exc, OSError):
            raise _about(exc, shown) from None
        raise
    return Path(tmp)


def _second_name(target: Path, mode: int, shown: Path) -> Path:
    """Another name for the file as it is now: a hard link, else a synced copy."""
    for _ in range(100):
        name = target.parent / f".{target.name}{TEMP_MARK}{secrets.token_hex(4)}.tmp"
        try:
            os.link(target, name)
            return name
        except FileExistsError:
            continue
        except OSError:
            try:
                data = target.read_bytes()
            except OSError as error:
                raise _about(error, shown) from None
            return _write_temp(target, data, mode, shown)
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(shown))


def _create_exclusive(path: Path, source: Path | None) -> None:
    data = source.read_bytes() if source is not None else b""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _default_mode())
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "it was created meanwhile", str(path)) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _default_mode() -> int:
    """What a plain open() would give a new file: 0o666 less the umask (mkstemp gives 0o600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _sync_folder(folder: Path) -> None:
    """Make the renames durable; some platforms cannot open or sync a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
