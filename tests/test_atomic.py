"""atomic_write and atomic_create: the target holds the old text or the new, never half."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.atomic import atomic_create, atomic_write

ROOT = Path(__file__).resolve().parent.parent


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_writes_a_new_file_byte_for_byte(tmp_path: Path) -> None:
    target = tmp_path / "odra.yaml"
    text = "\ufeffname: Odra\r\nwhy: Wrocław\r\nlast: no newline"
    atomic_write(target, text)
    assert target.read_bytes() == text.encode("utf-8")
    assert leftovers(tmp_path) == []


def test_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    atomic_write(target, "a: 1\n")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "odra.yaml"
    target.write_text("old: 1\n")
    target.chmod(0o640)
    atomic_write(target, "new: 2\n")
    assert target.read_text() == "new: 2\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_failed_replace_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "odra.yaml"
    target.write_bytes(b"old: 1\n")

    def refuse(src: object, dst: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk on fire"):
        atomic_write(target, "new: 2\n" * 1000)
    assert target.read_bytes() == b"old: 1\n"
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "odra.yaml"
    target.write_bytes(b"old: 1\n")

    def fail(fd: int) -> None:
        raise OSError("no space left")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="no space left"):
        atomic_write(target, "new: 2\n")
    assert target.read_bytes() == b"old: 1\n"
    assert leftovers(tmp_path) == []


CHILD = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from generator.atomic import atomic_write

def stall(src, dst):
    print("ready", flush=True)
    time.sleep(60)

os.replace = stall
atomic_write(Path(sys.argv[2]), "touch: 2026-03-23\\n" * 300_000)
"""


def test_a_killed_writer_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "odra.yaml"
    old = "name: Odra, Wrocław\r\n".encode() * 1000
    target.write_bytes(old)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ROOT), str(target)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        # The new text is written and synced in full (beside a second name of the old
        # file), the rename has not happened.
        sizes = sorted((tmp_path / name).stat().st_size for name in leftovers(tmp_path))
        assert sizes == [len(old), len("touch: 2026-03-23\n") * 300_000]
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == old


def test_create_makes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "kalina.yaml"
    atomic_create(target, "name: Kalina\r\n")
    assert target.read_bytes() == b"name: Kalina\r\n"
    assert leftovers(tmp_path) == []


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "kalina.yaml"
    target.write_text("mine\n")
    with pytest.raises(FileExistsError):
        atomic_create(target, "theirs\n")
    assert target.read_text() == "mine\n"
    assert leftovers(tmp_path) == []


def test_create_refuses_a_file_that_appears_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer creates the file between our check and our link."""
    target = tmp_path / "kalina.yaml"
    link = os.link

    def race(src: str, dst: Path) -> None:
        dst.write_text("other writer\n")
        link(src, dst)

    monkeypatch.setattr(os, "link", race)
    with pytest.raises(FileExistsError):
        atomic_create(target, "mine\n")
    assert target.read_text() == "other writer\n"
    assert leftovers(tmp_path) == []


def test_create_without_hard_links_still_creates_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(src: str, dst: Path) -> None:
        raise PermissionError("no hard links here")

    monkeypatch.setattr(os, "link", unsupported)
    target = tmp_path / "kalina.yaml"
    atomic_create(target, "name: Kalina\n")
    assert target.read_text() == "name: Kalina\n"
    with pytest.raises(FileExistsError):
        atomic_create(target, "again\n")
    assert leftovers(tmp_path) == []


def race(target: Path) -> list[str]:
    """Two threads create `target` at once; what each of them got."""
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def create(text: str) -> None:
        start.wait()
        try:
            atomic_create(target, text)
            outcomes.append(text)
        except FileExistsError:
            outcomes.append("refused")

    threads = [threading.Thread(target=create, args=(text,)) for text in ("a\n", "b\n")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_creators_one_winner(tmp_path: Path) -> None:
    for round_ in range(20):
        target = tmp_path / f"race-{round_}.yaml"
        winner, loser = race(target)
        assert loser == "refused"
        assert target.read_text() == winner
    assert leftovers(tmp_path) == []


def test_folder_sync_failures_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some platforms refuse to fsync a folder; the write has still happened."""
    fsync = os.fsync

    def files_only(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError("folders cannot be synced here")
        fsync(fd)

    monkeypatch.setattr(os, "fsync", files_only)
    atomic_write(tmp_path / "a.yaml", "a: 1\n")
    assert (tmp_path / "a.yaml").read_text() == "a: 1\n"


def test_a_link_is_followed_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "shared.yaml"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "company.yaml"
    link.symlink_to(target)
    atomic_write(link, "new\n")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    import threading

    pipe = tmp_path / "fifo"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    atomic_write(pipe, "through the pipe\n")
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_several_files_change_together_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import atomic

    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("a\n", encoding="utf-8")
    second.write_text("b\n", encoding="utf-8")
    real = atomic._write_temp
    calls = 0

    def full_disk_on_the_second(path: Path, data: bytes, mode: int, shown: Path) -> Path:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device", str(shown))
        return real(path, data, mode, shown)

    monkeypatch.setattr(atomic, "_write_temp", full_disk_on_the_second)
    with pytest.raises(OSError):
        atomic.atomic_write_all({first: "A\n", second: "B\n"})
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == ("a\n", "b\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]
