"""One lock per playbook, so that no two commands change it at once.

Every command that writes plan files (through `EditSession`) and every build takes
an exclusive `flock` on the playbook folder: the folder that holds `plans/` (and, for
a build, the folder that holds `site/`). A second command waits and says so once; the
lock goes with the process, so a killed command never leaves it held. No lock file
is written: the lock is on the folder itself.

Within one process the lock is re-entrant (a build inside an edit, or an edit whose
session was never finished, does not wait for itself); one process edits from one
thread.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import PlaybookError, echo

WAIT_SECONDS = 600.0
WAITING = "Waiting for another playbook command (an edit or a build) on this playbook to finish…"
BUSY = (
    "another playbook command (an edit or a build) is still running on this playbook; "
    "try again when it has finished"
)

Key = tuple[int, int]  # device and inode of the locked folder
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}


@dataclass
class _Held:
    descriptor: int
    depth: int


_held: dict[Key, _Held] = {}
_guard = threading.Lock()


def _forget_after_fork() -> None:
    """A forked child does not own its parent's lock: it must take its own."""
    for held in _held.values():
        os.close(held.descriptor)
    _held.clear()


os.register_at_fork(after_in_child=_forget_after_fork)


def tell_waiting() -> None:
    echo(WAITING, err=True)


def playbook_folder(plans_dir: Path) -> Path:
    """The folder whose lock guards a plans folder: the one that holds it."""
    return Path(os.path.realpath(plans_dir)).parent


@dataclass
class Lock:
    """A held lock on one or more folders; `release` is safe to call twice."""

    keys: list[Key]
    released: bool = False

    def release(self) -> None:
        with _guard:
            if self.released:
                return
            self.released = True
            for key in reversed(self.keys):
                held = _held[key]
                held.depth -= 1
                if held.depth == 0:
                    del _held[key]
                    os.close(held.descriptor)


def acquire(
    folders: list[Path],
    on_wait: Callable[[], None] | None = tell_waiting,
    wait_seconds: float = WAIT_SECONDS,
    blocking: bool = True,
) -> Lock | None:
    """Lock every folder that exists (in one global order, so two commands cannot
    deadlock). Returns None only when `blocking` is False and another process holds
    one of them; raises PlaybookError when waiting takes longer than `wait_seconds`."""
    opened: dict[Key, int] = {}
    for folder in folders:
        try:
            descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except FileNotFoundError:
            continue
        except OSError as exc:
            for other in opened.values():
                os.close(other)
            raise PlaybookError(f"cannot lock the playbook folder: {exc.strerror}") from None
        info = os.fstat(descriptor)
        key = (info.st_dev, info.st_ino)
        if key in opened:
            os.close(descriptor)
        else:
            opened[key] = descriptor
    lock = Lock([])
    told = False
    deadline = time.monotonic() + wait_seconds
    try:
        for key in sorted(opened):
            pause = 0.002  # an edit takes tens of milliseconds: look again soon, then less often
            while not _take(key, opened):
                if not blocking:
                    lock.release()
                    return None
                if not told and on_wait is not None:
                    on_wait()
                    told = True
                if time.monotonic() > deadline:
                    raise PlaybookError(BUSY)
                time.sleep(pause)
                pause = min(pause * 2, 0.1)
            lock.keys.append(key)
    except BaseException:
        lock.release()
        raise
    finally:
        for descriptor in opened.values():
            if descriptor >= 0:
                os.close(descriptor)
    return lock


def _take(key: Key, opened: dict[Key, int]) -> bool:
    """Take one folder's lock, or count one more use of it by this process."""
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.depth += 1
            return True
        try:
            fcntl.flock(opened[key], fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            # A file system without locks (some network shares): go on without one; the
            # check that each file is unchanged before it is replaced still stands.
            if exc.errno not in _NO_LOCKS:
                raise PlaybookError(f"cannot lock the playbook folder: {exc.strerror}") from None
        _held[key] = _Held(opened[key], 1)
        opened[key] = -1  # now owned by the lock
        return True


@contextlib.contextmanager
def locked(
    folders: list[Path],
    on_wait: Callable[[], None] | None = tell_waiting,
    wait_seconds: float = WAIT_SECONDS,
) -> Iterator[None]:
    lock = acquire(folders, on_wait, wait_seconds)
    try:
        yield
    finally:
        if lock is not None:
            lock.release()
