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
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from generator import locking
from generator.errors import PlaybookError, shown

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
    folders: list[Path], wait_seconds: float = 600.0, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the playbook's lock (the one every editing command takes) on the folders
    that hold the site and the plans: a second build, or an edit, waits."""
    with locking.locked(folders, on_wait, wait_seconds):
        yield


def refuse_inside_plans(output: Path, plans_dir: Path, option: str) -> None:
    """An output never lands in the plans folder, nor replaces it: that is the user's data."""
    where = Path(os.path.realpath(output))
    plans = Path(os.path.realpath(plans_dir))
    if where.is_relative_to(plans) or plans.is_relative_to(where):
        raise PlaybookError(
            f"{option}: {shown(output)} is in the plans folder ({shown(plans_dir)}) or holds it; "
            "choose a place outside it (nothing was written)"
        )


def check_site_dir(site_dir: Path, plans_dir: Path) -> None:
    """The site folder is one a build made (or none yet): never a link, a file, or a
    folder holding the plans, which the swap would replace."""
    refuse_inside_plans(site_dir, plans_dir, "site_dir")
    if site_dir.is_symlink():
        raise PlaybookError(
            f"{shown(site_dir)} is a link; a build replaces the site folder whole, so it "
            "will not replace a link: remove the link, or set site_dir in mkdocs.yml "
            "(nothing was written)"
        )
    if site_dir.exists() and not site_dir.is_dir():
        raise PlaybookError(
            f"{shown(site_dir)} is a file, not the site folder; move it away, or set "
            "site_dir in mkdocs.yml (nothing was written)"
        )


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
