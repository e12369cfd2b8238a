"""The playbook lock: one holder at a time across processes, re-entrant within one."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

import pytest

from generator import locking
from generator.errors import PlaybookError


def held_elsewhere(folder: Path) -> bool:
    """Whether a fresh open of the folder can take the lock (as another process would)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def test_the_lock_is_held_until_released(tmp_path: Path) -> None:
    lock = locking.acquire([tmp_path])
    assert lock is not None
    assert held_elsewhere(tmp_path)
    lock.release()
    lock.release()  # twice is harmless
    assert not held_elsewhere(tmp_path)


def test_within_one_process_the_lock_is_re_entrant(tmp_path: Path) -> None:
    outer = locking.acquire([tmp_path])
    inner = locking.acquire([tmp_path, tmp_path], on_wait=None, wait_seconds=0.1)
    assert outer is not None and inner is not None
    inner.release()
    assert held_elsewhere(tmp_path)  # the outer holder still has it
    outer.release()
    assert not held_elsewhere(tmp_path)


def test_a_busy_lock_is_waited_for_then_refused(tmp_path: Path) -> None:
    other = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(other, fcntl.LOCK_EX)
    waits: list[bool] = []
    try:
        assert locking.acquire([tmp_path], blocking=False) is None
        with pytest.raises(PlaybookError) as raised:
            locking.acquire([tmp_path], lambda: waits.append(True), wait_seconds=0.2)
    finally:
        os.close(other)
    assert waits == [True]  # said once, however long it waited
    assert raised.value.format_message() == locking.BUSY


def test_a_refusal_on_the_second_folder_lets_go_of_the_first(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    other = os.open(second, os.O_RDONLY)
    fcntl.flock(other, fcntl.LOCK_EX)
    try:
        assert locking.acquire([first, second], blocking=False) is None
        assert not held_elsewhere(first)
    finally:
        os.close(other)


def test_a_missing_folder_is_no_lock_and_no_error(tmp_path: Path) -> None:
    lock = locking.acquire([tmp_path / "not-there"])
    assert lock is not None and lock.keys == []


def test_a_forked_child_does_not_inherit_the_lock(tmp_path: Path) -> None:
    lock = locking.acquire([tmp_path])
    assert lock is not None
    try:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os._exit(0 if locking.acquire([tmp_path], blocking=False) is None else 1)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        lock.release()


@pytest.mark.parametrize("code", [errno.ENOLCK, errno.EOPNOTSUPP])
def test_a_file_system_without_locks_goes_on_without_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def unsupported(descriptor: int, operation: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fcntl, "flock", unsupported)
    lock = locking.acquire([tmp_path])
    assert lock is not None
    lock.release()


def test_another_lock_failure_is_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(descriptor: int, operation: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(fcntl, "flock", broken)
    with pytest.raises(PlaybookError) as raised:
        locking.acquire([tmp_path])
    assert raised.value.format_message() == ("cannot lock the playbook folder: Input/output error")
