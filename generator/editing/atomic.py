"""Write a file so that a reader, or a crash, sees either the old text or the new, never half.

The text goes to a temporary file in the same folder (so the rename cannot cross file
systems), is flushed to disk, and then replaces the target in one rename. The folder
is synced too, so that the rename itself survives a power cut. Text is written as
UTF-8 bytes exactly as given: no newline translation, so CRLF files stay CRLF.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def atomic_write(path: Path, text: str) -> None:
    """Replace (or create) `path` with `text`, keeping the old file's permission bits."""
    atomic_write_all({path: text})


def atomic_write_all(files: dict[Path, str]) -> None:
    """Write several files: every new text is written and synced first, and only then
    do the renames run, so a failure while writing (a full disk) changes no file.

    A link is followed (the file it points at is written, the link stays); a pipe or a
    device is written into, never replaced by a regular file.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files.items():
            target = Path(os.path.realpath(path))
            try:
                info = os.stat(target)
            except FileNotFoundError:
                info = None
            if info is not None and not stat.S_ISREG(info.st_mode):
                _write_into(target, text)
                continue
            mode = stat.S_IMODE(info.st_mode) if info is not None else _default_mode()
            staged.append((_write_temp(target, text, mode), target))
    except BaseException:
        for tmp, _ in staged:
            _remove(tmp)
        raise
    for index, (tmp, target) in enumerate(staged):
        try:
            os.replace(tmp, target)
        except BaseException:
            for later, _ in staged[index:]:
                _remove(later)
            raise
    for folder in {target.parent for _, target in staged}:
        _sync_folder(folder)


def _write_into(target: Path, text: str) -> None:
    with open(target, "wb") as handle:
        handle.write(text.encode("utf-8"))


def atomic_create(path: Path, text: str) -> None:
    """Create `path` with `text`; FileExistsError if it exists, even if another writer races us.

    The full text is linked into place, so `path` never exists half-written; where the
    file system has no hard links, an exclusive create is the fallback.
    """
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    tmp = _write_temp(path, text, _default_mode())
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        _create_exclusive(path, text)
    finally:
        _remove(tmp)
    _sync_folder(path.parent)


def _write_temp(path: Path, text: str, mode: int) -> str:
    """A flushed and synced temporary file beside `path`, holding `text` with `mode`."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _create_exclusive(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _default_mode())
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def _default_mode() -> int:
    """What a plain open() would give a new file: 0o666 less the umask (mkstemp gives 0o600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _remove(tmp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some platforms cannot open or sync a folder, which is fine."""
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
