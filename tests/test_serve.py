"""`playbook serve`: partial rebuilds equal a clean build; one build per save; private."""

from __future__ import annotations

import http.client
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.commands.serve import Preview, Rebuilder
from generator.site.session import SiteSession
from tests.conftest import SMALL_PLAN, TODAY
from tests.helpers import make_project, replace_in, site_files

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def rebuilder(project: Path, site: Path, lines: list[str]) -> Rebuilder:
    session = SiteSession(plans_dir=project / "plans", today=TODAY, keep_last_good=True)
    return Rebuilder(
        project / "mkdocs.yml",
        session,
        site,
        "http://127.0.0.1:8000/",
        lines.append,
        inputs=[project / "content", project / "mkdocs.yml"],
    )


def test_partial_rebuilds_equal_a_clean_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    lines: list[str] = []
    served = rebuilder(project, tmp_path / "served", lines)
    served()
    volta = project / "plans" / "companies" / "volta-cells.yaml"
    edits = [
        ("{date: 2026-10-20, action: met, note: Coffee in Wrocław}",
         "{date: 2026-10-20, action: met, note: Coffee in Wrocław}\n"
         "      - {date: 2026-11-25, action: followed_up, note: Sent the deck}"),
        ("role: HR Business Partner", "role: HR Director"),
        ("why: New gigafactory near Wrocław", "why: New gigafactory near Wrocław, hiring"),
    ]  # fmt: skip
    for old, new in edits:
        replace_in(volta, old, new)
        served()
    assert [line.split(" in ")[0] for line in lines] == [
        "built 18 pages",
        "rebuilt 2 changed pages",  # Jan's page and the company's
        "rebuilt 2 changed pages",  # Anna's page and the company's
        "rebuilt 1 changed page",  # the company's
    ]
    clean = rebuilder(project, tmp_path / "clean", [])
    clean()
    assert site_files(tmp_path / "served") == site_files(tmp_path / "clean")


def test_a_new_company_rebuilds_everything(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    lines: list[str] = []
    served = rebuilder(project, tmp_path / "served", lines)
    served()
    (project / "plans" / "companies" / "new.yaml").write_text(
        "name: New Works\nsector: Automation\n", encoding="utf-8"
    )
    served()
    assert lines[-1].startswith("built"), lines
    assert (tmp_path / "served" / "companies" / "new-works.html").is_file()
    clean = rebuilder(project, tmp_path / "clean", [])
    clean()
    assert site_files(tmp_path / "served") == site_files(tmp_path / "clean")


def test_a_broken_edit_keeps_the_last_good_site_with_a_banner(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    lines: list[str] = []
    served = rebuilder(project, tmp_path / "served", lines)
    served()
    replace_in(project / "plans" / "companies" / "volta-cells.yaml", "priority: 1", "priority: 9")
    served()
    page = (tmp_path / "served" / "people" / "jan-nowak.html").read_text(encoding="utf-8")
    assert "The plan has errors; this preview shows the last version that worked." in page
    assert "priority: expected a whole number from 1 to 3; got 9" in page
    assert any("got 9" in line for line in lines)
    replace_in(project / "plans" / "companies" / "volta-cells.yaml", "priority: 9", "priority: 1")
    served()
    page = (tmp_path / "served" / "people" / "jan-nowak.html").read_text(encoding="utf-8")
    assert "The plan has errors" not in page


def test_starting_with_a_broken_plan_shows_the_errors_and_waits(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    replace_in(project / "plans" / "companies" / "volta-cells.yaml", "priority: 1", "priority: 9")
    lines: list[str] = []
    served = rebuilder(project, tmp_path / "served", lines)
    served()
    index = (tmp_path / "served" / "index.html").read_text(encoding="utf-8")
    assert "The plan has errors" in index and "got 9" in index
    replace_in(project / "plans" / "companies" / "volta-cells.yaml", "priority: 9", "priority: 1")
    served()
    assert lines[-1].startswith("built"), lines


def test_a_save_re_reads_one_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    served = rebuilder(project, tmp_path / "served", [])
    served()
    reads = served.session.cache.reads
    replace_in(project / "plans" / "companies" / "volta-cells.yaml", "priority: 1", "priority: 2")
    served()
    assert served.session.cache.reads - reads == 1


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Preview, list[str]]]:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    lines: list[str] = []
    running = Preview(project / "mkdocs.yml", project / "plans", TODAY, free_port(), lines.append)
    running.open()
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.server.observer.is_alive():
        time.sleep(0.05)
    time.sleep(0.5)  # the watcher's first look at the files, before any test edits them
    yield running, lines
    running.close()
    thread.join(timeout=10)


def get(preview: Preview, path: str, host: str | None = None) -> tuple[int, bytes]:
    port = preview.server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", f"127.0.0.1:{port}" if host is None else host)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, response.read()


def test_one_build_per_save(preview: tuple[Preview, list[str]]) -> None:
    running, lines = preview
    plans = running.rebuild.session.plans_dir
    builds = running.rebuild.builds
    replace_in(plans / "companies" / "volta-cells.yaml", "role: HR Business Partner", "role: HR")
    deadline = time.monotonic() + 15
    while running.rebuild.builds == builds and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.5)  # long enough for a second build to start if the first woke the watcher
    assert running.rebuild.builds == builds + 1, lines
    assert get(running, "/people/anna-nowak-volta-cells.html")[0] == 200


def test_only_localhost_names_are_answered(preview: tuple[Preview, list[str]]) -> None:
    running, _ = preview
    port = running.server.server_address[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "localhost"):
        assert get(running, "/", host)[0] == 200, host
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.evil.example:{port}", ""):
        status, body = get(running, "/", host)
        assert status == 403 and b"answers only to localhost" in body, host


def test_a_null_byte_is_a_bad_request(preview: tuple[Preview, list[str]]) -> None:
    running, lines = preview
    assert get(running, "/%00")[0] == 400
    assert get(running, "/people/%00.html")[0] == 400
    assert get(running, "/nothing-here.html")[0] == 404
    assert not [line for line in lines if "Traceback" in line or "500" in line]


def test_a_busy_port_is_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            cli,
            ["--plans", str(SMALL_PLAN), "serve", "--port", str(port), "--config",
             str(Path(__file__).parent.parent / "mkdocs.yml")],
            catch_exceptions=False,
        )  # fmt: skip
        prefix = f"port {port} is busy (another preview?); choose another: make serve PORT="
        assert result.exit_code == 1
        assert result.output.startswith(prefix)
        free = int(result.output[len(prefix) :].split(",")[0])
        assert result.output == f"{prefix}{free}, or playbook serve --port {free}\n"
        assert free > port
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", free))  # the port suggested is free


def test_sigterm_stops_the_preview_and_removes_its_copy_of_the_site(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    project = make_project(tmp_path / "p", SMALL_PLAN)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--plans", str(project / "plans"), "serve",
         "--port", str(port), "--config", str(project / "mkdocs.yml")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )  # fmt: skip
    assert server.stdout is not None
    for line in server.stdout:
        if line.startswith("Serving the playbook on"):
            break
    copies = list(tmp_path.glob("playbook-serve-*"))
    assert len(copies) == 1
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=20) == 0
    assert server.stdout.read().splitlines()[-1] == "Stopped."
    assert not copies[0].exists()


def wait_for_builds(running: Preview, builds: int, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while running.rebuild.builds < builds and time.monotonic() < deadline:
        time.sleep(0.1)


def test_a_plans_folder_deleted_and_made_again_is_watched_again(
    preview: tuple[Preview, list[str]], tmp_path: Path
) -> None:
    running, lines = preview
    plans = running.rebuild.session.plans_dir
    shutil.copytree(plans, tmp_path / "backup")
    shutil.rmtree(plans)
    time.sleep(1.5)  # the watcher sees the folder gone (and watchdog stops watching it)
    assert any("plan.yaml: file not found" in line for line in lines), lines
    builds = running.rebuild.builds
    shutil.copytree(tmp_path / "backup", plans)
    replace_in(plans / "companies" / "volta-cells.yaml", "role: HR Business Partner", "role: HR")
    wait_for_builds(running, builds + 1)
    assert running.rebuild.builds > builds, lines
    page = running.site_dir / "people" / "anna-nowak-volta-cells.html"
    # A save after the folder came back is seen too, not only the return itself.
    builds = running.rebuild.builds
    replace_in(plans / "companies" / "volta-cells.yaml", "role: HR", "role: People Director")
    wait_for_builds(running, builds + 1)
    assert "People Director" in page.read_text(encoding="utf-8"), lines


def test_a_killed_previews_copy_is_removed_by_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl
    import os

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    project = make_project(tmp_path / "p", SMALL_PLAN)
    abandoned = tmp_path / "playbook-serve-abandoned"
    (abandoned / "site" / "people").mkdir(parents=True)
    (abandoned / "site" / "people" / "jan.html").write_text("personal data", encoding="utf-8")
    in_use = tmp_path / "playbook-serve-in-use"
    in_use.mkdir()
    held = os.open(in_use, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)
    try:
        running = Preview(project / "mkdocs.yml", project / "plans", TODAY, free_port(), print)
        assert not abandoned.exists()
        assert in_use.exists()
        assert running.scratch.parent == tmp_path
        running.server.server_close()
        shutil.rmtree(running.scratch)
    finally:
        os.close(held)
