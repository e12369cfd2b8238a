"""Putting a new site in place: whole or not at all, one build at a time.

A build writes into a scratch folder beside `site/` and then swaps the two folders.
On Linux the swap is one atomic exchange (`renameat2` with RENAME_EXCHANGE); elsewhere
it is two renames with the old site restored if the second fails. A killed build
leaves its scratch folder behind; the next build, holding the lock, removes it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.errors import PlaybookError

SCRATCH_MARK = ".playbook-build-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def scratch_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}{SCRATCH_MARK}"


def stale_scratch(site_dir: Path) -> list[Path]:
    parent = site_dir.parent
    if not parent.is_dir():
        return []
    prefix = scratch_prefix(site_dir)
    return sorted(p for p in parent.iterdir() if p.name.startswith(prefix))


def new_scratch(site_dir: Path) -> Path:
    folder = site_dir.parent / f"{scratch_prefix(site_dir)}{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir(mode=0o700)
    return folder


def remove(path: Path) -> None:
    """Remove a folder we made, even if parts were made read-only."""

    def retry_writable(function: Callable[..., object], name: str, _: object) -> None:
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(name), 0o700)
            function(name)

    if path.exists() or path.is_symlink():
        shutil.rmtree(path, onerror=retry_writable)


@contextlib.contextmanager
def build_lock(
    folder: Path, wait_seconds: float = 600.0, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold an exclusive lock on the folder that holds the site; a second build waits."""
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and on_wait is not None:
                    on_wait()
                    told = True
                if time.monotonic() > deadline:
                    raise PlaybookError(
                        "another build of this playbook is still running; "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(descriptor)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths; False when the system cannot (then nothing changed)."""
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(new_site: Path, site_dir: Path, scratch: Path) -> None:
    """Make `new_site` the site; the old one ends up inside `scratch` (removed by the caller)."""
    if not (site_dir.exists() or site_dir.is_symlink()):
        os.rename(new_site, site_dir)
        return
    if _exchange(new_site, site_dir):
        return
    backup = scratch / "previous-site"
    os.rename(site_dir, backup)
    try:
        os.rename(new_site, site_dir)
    except OSError:
        os.rename(backup, site_dir)
        raise
