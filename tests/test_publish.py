"""A build never leaves a half state: killed, out of disk, refused a folder, or racing
another build, `site/` is the whole old site or the whole new one."""

from __future__ import annotations

import errno
import fcntl
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.commands.build import build_site
from generator.errors import PlaybookError
from generator.site import publish
from tests.conftest import SMALL_PLAN, TODAY
from tests.helpers import build, make_project, replace_in, site_files

pytestmark = pytest.mark.slow
# Random kills per run; the nightly run (and the closing note's figure) uses 50.
KILLS = int(os.environ.get("PLAYBOOK_KILLS", "8"))


def scratch_folders(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if publish.SCRATCH_MARK in p.name)


@pytest.fixture(scope="module")
def built_twice(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A project whose site is built from plan A; the plan on disk is now plan B.
    Returns the project and the whole sites of A and of B."""
    project = make_project(tmp_path_factory.mktemp("built") / "p", SMALL_PLAN)
    volta = project / "plans" / "companies" / "volta-cells.yaml"
    replace_in(volta, "priority: 1", "priority: 2")
    assert build(project)[0] == 0
    site_b = site_files(project / "site")
    replace_in(volta, "priority: 2", "priority: 1")
    assert build(project)[0] == 0
    site_a = site_files(project / "site")
    replace_in(volta, "priority: 1", "priority: 2")
    assert site_a != site_b
    return project, site_a, site_b


@pytest.fixture
def two_sites(
    built_twice: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A copy of `built_twice` of the test's own, made once for the module: two builds
    per test would cost more than every other check here."""
    built, site_a, site_b = built_twice
    project = tmp_path / "p"
    shutil.copytree(built, project, symlinks=True)
    assert site_files(project / "site") == site_a
    return project, site_a, site_b


def test_killed_builds_leave_the_old_or_the_new_site_whole(
    two_sites: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    project, site_a, site_b = two_sites
    command = [
        sys.executable, "-m", "generator", "--plans", str(project / "plans"), "--today",
        TODAY.isoformat(), "build", "--config", str(project / "mkdocs.yml"),
    ]  # fmt: skip
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    duration = time.monotonic() - start
    chooser = random.Random(20261126)
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        # Alternate the site between A and B so every kill can be caught mid-swap.
        volta = project / "plans" / "companies" / "volta-cells.yaml"
        before = site_files(project / "site")
        target = site_b if before == site_a else site_a
        text = volta.read_text(encoding="utf-8")
        wanted = "priority: 2" if target is site_b else "priority: 1"
        volta.write_text(text.replace("priority: 1", wanted).replace("priority: 2", wanted))
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chooser.uniform(0.0, duration * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        after = site_files(project / "site")
        assert after in (before, target), "a killed build left a half-written site"
        outcomes["old" if after == before else "new"] += 1
    assert sum(outcomes.values()) == KILLS
    # The next build clears what killed builds left behind.
    subprocess.run(command, check=True, capture_output=True)
    assert scratch_folders(project) == []


def test_a_site_that_cannot_be_replaced_stays_whole(
    two_sites: tuple[Path, dict[str, bytes], dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, site_a, _ = two_sites

    def refuse(*args: object) -> bool:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(project / "site"))

    monkeypatch.setattr(publish, "_exchange", refuse)
    with pytest.raises(PlaybookError) as raised:
        build_site(project / "mkdocs.yml", project / "plans", TODAY)
    assert raised.value.format_message() == (
        f"cannot build the site: Operation not permitted ({project / 'site'}); "
        "the old site is unchanged"
    )
    assert site_files(project / "site") == site_a
    assert scratch_folders(project) == []


def test_when_the_second_rename_fails_the_old_site_is_put_back(
    two_sites: tuple[Path, dict[str, bytes], dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without an atomic exchange, the swap is two renames; the second may fail."""
    project, site_a, _ = two_sites
    monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    real_rename = os.rename

    def failing_rename(source: object, target: object) -> None:
        if str(target) == str(project / "site") and "previous-site" not in str(source):
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(target))
        real_rename(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", failing_rename)
    with pytest.raises(PlaybookError):
        build_site(project / "mkdocs.yml", project / "plans", TODAY)
    assert site_files(project / "site") == site_a


@pytest.mark.parametrize("after_files", [0, 7, 15])
def test_a_full_disk_is_one_message_and_the_old_site_stays(
    two_sites: tuple[Path, dict[str, bytes], dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    after_files: int,
) -> None:
    import mkdocs.utils

    project, site_a, _ = two_sites
    real_write = mkdocs.utils.write_file
    written = 0

    def write_until_full(content: bytes, path: str) -> None:
        nonlocal written
        written += 1
        if written > after_files:
            raise OSError(errno.ENOSPC, "No space left on device", path)
        real_write(content, path)

    monkeypatch.setattr(mkdocs.utils, "write_file", write_until_full)
    with pytest.raises(PlaybookError) as raised:
        build_site(project / "mkdocs.yml", project / "plans", TODAY)
    message = raised.value.format_message()
    assert message.startswith("cannot build the site: No space left on device (")
    assert message.endswith("); the old site is unchanged")
    assert site_files(project / "site") == site_a
    assert scratch_folders(project) == []


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    folder = os.open(project, os.O_RDONLY)
    fcntl.flock(folder, fcntl.LOCK_EX)
    waited: list[bool] = []
    threading.Timer(1.0, lambda: os.close(folder)).start()
    report = build_site(
        project / "mkdocs.yml", project / "plans", TODAY, on_wait=lambda: waited.append(True)
    )
    assert waited == [True]
    assert report.page_count == 18


def test_a_build_that_cannot_get_the_lock_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    folder = os.open(project, os.O_RDONLY)
    fcntl.flock(folder, fcntl.LOCK_EX)
    try:
        with pytest.raises(PlaybookError) as raised:
            build_site(project / "mkdocs.yml", project / "plans", TODAY, lock_wait=0.3)
    finally:
        os.close(folder)
    assert raised.value.format_message() == (
        "another playbook command (an edit or a build) is still running on this playbook; "
        "try again when it has finished"
    )
    assert not (project / "site").exists()


def test_stale_scratch_folders_are_removed_at_the_next_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    stale = project / ".site.playbook-build-123-dead"
    (stale / "site" / "people").mkdir(parents=True)
    (stale / "site" / "people" / "jan.html").write_text("personal data", encoding="utf-8")
    (stale / "site" / "people").chmod(0o500)
    assert build(project)[0] == 0
    assert scratch_folders(project) == []
