"""A change of several plan files lands whole or not at all: killed at any step, refused
one file (immutable, read-only, a failed rename), the plan is the old one or, once the
next command has run, the old or the new one whole; nothing temporary survives."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator import atomic
from generator.cli import cli
from tests.helpers import snapshot
from tests.processes import kill_self, run_together

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Anna,Nowak,https://www.linkedin.com/in/anna-nowak-volta-example,,Volta Cells,HR,05 Nov 2026\n"
    "Piotr,Żółć,https://www.linkedin.com/in/piotr-zolc-example,,Talent Bridge,Partner,"
    "01 Sep 2026\n"
    "Åsa,Lindqvist,,asa@mail.example,Nordic Robotics,VP,02 Jun 2026\n"
)
CHANGED = ("nordic-robotics.yaml", "talent-bridge.yaml", "volta-cells.yaml")


def run(plans: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", "2026-11-26", *args], catch_exceptions=False
    )


def everything(plans: Path) -> dict[str, bytes]:
    """Every file under the plans folder, hidden ones included."""
    return snapshot(plans)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS, encoding="utf-8")
    return path


@pytest.fixture
def imported(small_plan: Path, export: Path, tmp_path: Path) -> dict[str, bytes]:
    """The plan files as a whole import leaves them (in a copy)."""
    copy = tmp_path / "copy" / "plans"
    shutil.copytree(small_plan, copy)
    result = run(copy, "import", "linkedin", str(export))
    assert result.exit_code == 0, result.output
    after = everything(copy)
    assert [name for name in after if after[name] != everything(small_plan)[name]] == [
        f"companies/{name}" for name in CHANGED
    ]
    return after


def kill_at(function: str, call: int, after: bool = False) -> Callable[[], None]:
    """In the child: SIGKILL itself at the `call`-th call of atomic.<function>."""

    def prepare() -> None:  # pragma: no cover - runs in the child
        real = getattr(atomic, function)
        calls = 0

        def wrapper(*args: object, **kwargs: object) -> object:
            nonlocal calls
            calls += 1
            if calls == call and not after:
                kill_self()
            result = real(*args, **kwargs)
            if calls == call and after:
                kill_self()
            return result

        setattr(atomic, function, wrapper)

    return prepare


# Where a run is killed, and whether the change has happened by then.
KILL_POINTS = {
    "writing the second new text": (kill_at("_write_temp", 2), False),
    "after the journal, before any rename": (kill_at("_write_journal", 1, after=True), False),
    "after the first rename": (kill_at("_apply", 1, after=True), False),
    "after the second rename": (kill_at("_apply", 2, after=True), False),
    "after the last rename": (kill_at("_apply", 3, after=True), False),
    "after the journal is gone": (kill_at("_clean", 1), True),
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_a_killed_import_is_undone_or_whole_after_the_next_command(
    small_plan: Path, export: Path, imported: dict[str, bytes], point: str
) -> None:
    before = everything(small_plan)
    prepare, happened = KILL_POINTS[point]
    args = ["--plans", str(small_plan), "--today", "2026-11-26", "import", "linkedin"]
    [outcome] = run_together([[*args, str(export)]], prepare)
    assert outcome.code == -9, outcome.output
    # The next command, whichever it is, finishes the job first.
    result = run(small_plan, "status")
    assert result.exit_code == 0, result.output
    assert everything(small_plan) == (imported if happened else before)
    if not happened and point.startswith("after"):
        assert "its unfinished change was undone" in result.output
    assert not any(name.startswith(".") or "/." in name for name in everything(small_plan))


def test_a_rename_refused_half_way_puts_back_what_was_renamed(
    small_plan: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = everything(small_plan)
    volta = os.path.realpath(small_plan / "companies" / "volta-cells.yaml")
    replace = os.replace

    def immutable_volta(source: str, target: str) -> None:
        if str(target) == volta:
            raise PermissionError(errno.EPERM, "Operation not permitted", str(target))
        replace(source, target)

    monkeypatch.setattr(os, "replace", immutable_volta)
    result = run(small_plan, "import", "linkedin", str(export))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"{volta}: cannot write it: Operation not permitted; nothing was written"
    )
    assert everything(small_plan) == before


@pytest.fixture
def immutable(small_plan: Path) -> Iterator[Path]:
    """volta-cells.yaml made immutable (chattr +i), as the issue's attacker did."""
    path = small_plan / "companies" / "volta-cells.yaml"
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], check=False).returncode:
        pytest.skip("chattr +i needs a file system and rights that allow it")
    try:
        yield path
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_an_import_with_one_immutable_file_changes_nothing(
    small_plan: Path, export: Path, immutable: Path
) -> None:
    before = everything(small_plan)
    result = run(small_plan, "import", "linkedin", str(export))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"{immutable}: cannot write it: the file may not be written (it is immutable, or not "
        "yours to write); nothing was written"
    )
    assert everything(small_plan) == before


def test_a_read_only_file_is_refused_with_a_message(small_plan: Path, export: Path) -> None:
    volta = small_plan / "companies" / "volta-cells.yaml"
    volta.chmod(0o444)
    before = everything(small_plan)
    result = run(small_plan, "import", "linkedin", str(export))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"{volta} is read-only; make it writable (chmod u+w) to change it; nothing was written"
    )
    assert everything(small_plan) == before
    assert volta.stat().st_mode & 0o777 == 0o444
    log = run(small_plan, "log", "Jan Nowak", "met", "--company", "Volta Cells")
    assert log.exit_code == 1
    assert "is read-only" in log.output


def test_a_full_disk_names_the_plan_file_not_a_temporary_one(
    small_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = everything(small_plan)
    fsync = os.fsync

    def full(fd: int) -> None:
        if os.path.isfile(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    result = run(small_plan, "log", "Jan Nowak", "met", "--company", "Volta Cells")
    volta = small_plan / "companies" / "volta-cells.yaml"
    assert result.exit_code == 1
    assert result.output == (
        f"{volta}: cannot write it: No space left on device; nothing was written\n"
    )
    assert everything(small_plan) == before


def test_a_file_changed_by_hand_during_an_edit_is_not_overwritten(
    small_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.editing import session

    volta = small_plan / "companies" / "volta-cells.yaml"
    check = session.EditSession.check

    def saved_meanwhile(self: session.EditSession) -> object:
        plan = check(self)
        with volta.open("a", encoding="utf-8") as stream:
            stream.write("# saved in an editor meanwhile\n")
        return plan

    monkeypatch.setattr(session.EditSession, "check", saved_meanwhile)
    result = run(small_plan, "log", "Jan Nowak", "met", "--company", "Volta Cells")
    assert result.exit_code == 1
    assert result.output == f"{volta} changed while editing; nothing was written\n"
    assert volta.read_text(encoding="utf-8").endswith("# saved in an editor meanwhile\n")


def test_stale_temporary_copies_go_at_the_next_command(small_plan: Path) -> None:
    companies = small_plan / "companies"
    stale = [
        companies / ".volta-cells.yaml.playbook-1a2b3c4d.tmp",
        companies / ".nordic-robotics.yaml.k2j4h5l6.tmp",  # as older versions named them
        small_plan / ".inbound.yaml.playbook-deadbeef.tmp",
    ]
    for path in stale:
        path.write_text("name: a full copy of personal data\n", encoding="utf-8")
    mine = companies / ".notes.tmp"
    mine.write_text("the user's own file\n", encoding="utf-8")
    result = run(small_plan, "check")
    assert result.exit_code == 0, result.output
    assert [path.exists() for path in stale] == [False, False, False]
    assert mine.exists()


def test_a_broken_journal_means_no_rename_ran(small_plan: Path) -> None:
    before = everything(small_plan)
    (small_plan / atomic.JOURNAL).write_text('{"playbook-journal": 1, "steps": [{"tar', "utf-8")
    assert run(small_plan, "check").exit_code == 0
    assert everything(small_plan) == before


def test_a_journal_cannot_reach_outside_the_plans_folder(small_plan: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n", encoding="utf-8")
    journal = '{"playbook-journal": 1, "steps": [{"target": "../outside.txt", "new": null, "old": "companies/volta-cells.yaml"}]}'
    (small_plan / atomic.JOURNAL).write_text(journal, encoding="utf-8")
    before = everything(small_plan)
    assert run(small_plan, "check").exit_code == 0
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert everything(small_plan) == {k: v for k, v in before.items() if k != atomic.JOURNAL}


def test_recovery_waits_for_a_running_command(small_plan: Path) -> None:
    """A command at work holds the lock; its temporary files are not stale."""
    from generator import locking

    companies = small_plan / "companies"
    working = companies / ".volta-cells.yaml.playbook-0badc0de.tmp"
    working.write_text("being written\n", encoding="utf-8")
    lock = locking.acquire([locking.playbook_folder(small_plan)])
    assert lock is not None
    try:
        [other] = run_together([["--plans", str(small_plan), "--today", "2026-11-26", "check"]])
        assert other.code == 0, other.output
        assert working.exists()
    finally:
        lock.release()
    assert run(small_plan, "check").exit_code == 0
    assert not working.exists()
