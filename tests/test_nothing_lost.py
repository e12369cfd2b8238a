"""Issue 14's smaller promises: outputs never land on the plan, file names never drive
the terminal, aliases cost what their text costs, a literal `\\N` stays text in the
calendar, `init` on a full disk leaves nothing (and finishes what a killed one began),
and an edit can remove a file in the same change as its other edits."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from generator import atomic
from generator.cli import cli
from generator.commands.init import init_playbook
from generator.editing import yaml_edit
from generator.editing.session import EditSession
from generator.errors import PlaybookError
from generator.reading.yaml_source import MAX_REPEATED, parse_yaml
from tests.conftest import SMALL_PLAN, TODAY
from tests.helpers import make_project, replace_in, snapshot


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def plan_args(plans: Path) -> list[str]:
    return ["--plans", str(plans), "--today", TODAY.isoformat()]


# ---------------------------------------------------------------- outputs


@pytest.mark.parametrize("target", ["plan.yaml", "companies/volta-cells.yaml", "new.csv"])
def test_an_export_never_lands_in_the_plans_folder(small_plan: Path, target: str) -> None:
    before = snapshot(small_plan)
    result = run(*plan_args(small_plan), "export", "csv", "--output", str(small_plan / target))
    assert result.exit_code == 1
    assert result.output == (
        f"--output: {small_plan / target} is in the plans folder ({small_plan}) or holds it; "
        "choose a place outside it (nothing was written)\n"
    )
    assert snapshot(small_plan) == before


def test_an_export_through_a_link_into_the_plans_folder_is_refused(
    small_plan: Path, tmp_path: Path
) -> None:
    link = tmp_path / "contacts.csv"
    link.symlink_to(small_plan / "plan.yaml")
    before = snapshot(small_plan)
    result = run(*plan_args(small_plan), "export", "csv", "--output", str(link))
    assert result.exit_code == 1
    assert snapshot(small_plan) == before


def test_an_export_next_to_the_plans_folder_is_written(small_plan: Path, tmp_path: Path) -> None:
    output = tmp_path / "plans-export.csv"  # a name that starts like the folder's
    result = run(*plan_args(small_plan), "export", "csv", "--output", str(output))
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8-sig").startswith("name,company")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", SMALL_PLAN)


def build(project: Path) -> Result:
    return run(*plan_args(project / "plans"), "build", "--config", str(project / "mkdocs.yml"))


def test_a_site_that_is_a_link_is_not_replaced(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "web-root"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine\n", encoding="utf-8")
    (project / "site").symlink_to(elsewhere)
    result = build(project)
    assert result.exit_code == 1
    assert result.output.startswith(f"{project / 'site'} is a link; a build replaces")
    assert (project / "site").is_symlink()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]


def test_a_site_that_is_a_file_is_not_replaced(project: Path) -> None:
    (project / "site").write_text("my notes\n", encoding="utf-8")
    result = build(project)
    assert result.exit_code == 1
    assert result.output.startswith(f"{project / 'site'} is a file, not the site folder")
    assert (project / "site").read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.parametrize(
    ("site_dir", "message"),
    [
        ("plans/site", "site_dir: {site} is in the plans folder"),
        ("plans", "site_dir: {site} is in the plans folder"),
        (".", "the site build failed"),  # MkDocs: the docs would be inside the site
    ],
)
def test_a_site_folder_in_or_around_the_plans_is_refused(
    project: Path, site_dir: str, message: str
) -> None:
    replace_in(project / "mkdocs.yml", "site_dir: site", f"site_dir: {site_dir}")
    before = snapshot(project)
    result = build(project)
    assert result.exit_code == 1
    site = os.path.normpath(project / site_dir)
    assert result.output.startswith(message.format(site=site)), result.output
    assert snapshot(project) == before


def test_markdown_pages_never_go_into_the_plans_folder(small_plan: Path) -> None:
    result = run(*plan_args(small_plan), "build", "--markdown", str(small_plan / "pages"))
    assert result.exit_code == 1
    assert result.output.startswith("--markdown: ")
    assert not (small_plan / "pages").exists()


# ---------------------------------------------------------------- file names


def test_a_company_file_name_cannot_drive_the_terminal(small_plan: Path) -> None:
    volta = small_plan / "companies" / "volta-cells.yaml"
    odd = small_plan / "companies" / "volta\x1b[2J\nfake line.yaml"
    volta.rename(odd)
    result = run(*plan_args(small_plan), "log", "Jan Nowak", "met", "--company", "Volta Cells")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert result.output == (
        f"{small_plan}/companies/volta\\x1b[2J\\nfake line.yaml:18: Jan Nowak: met on 2026-11-26\n"
    )
    odd.chmod(0o444)
    result = run(*plan_args(small_plan), "log", "Jan Nowak", "replied", "--company", "Volta Cells")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "\x1b" not in result.output


# ---------------------------------------------------------------- costs


def test_aliases_of_a_long_text_cost_what_the_text_costs() -> None:
    """3,000 aliases of a megabyte once took 15 s; they stop at the file-size budget."""
    big = "x" * 1_000_000
    lines = [f"- about: &a {big}"] + ["- about: *a"] * 3000
    start = time.perf_counter()
    data, problems = parse_yaml(Path("inbound.yaml"), "\n".join(lines) + "\n")
    assert time.perf_counter() - start < 5  # a generous bound: it takes milliseconds
    assert data is None
    assert [str(p) for p in problems] == [
        "inbound.yaml:1:10: aliases (*name) repeat this text more than a plan file may hold "
        "(10 MB); write the text out where it is needed"
    ]


@pytest.mark.parametrize(("size", "aliases", "refused"), [(1000, 10, False), (64, 10, False)])
def test_aliases_of_short_texts_are_read(size: int, aliases: int, refused: bool) -> None:
    lines = [f"- about: &a {'y' * size}"] + ["- about: *a"] * aliases
    data, problems = parse_yaml(Path("f.yaml"), "\n".join(lines) + "\n")
    assert problems == []
    assert [entry["about"] for entry in data] == ["y" * size] * (aliases + 1)


def test_the_alias_budget_at_its_threshold() -> None:
    text_length = 1024 * 1024
    allowed = MAX_REPEATED // text_length  # repeats that fit exactly
    for repeats, refused in ((allowed, False), (allowed + 1, True)):
        lines = [f"- about: &a {'z' * text_length}"] + ["- about: *a"] * repeats
        _, problems = parse_yaml(Path("f.yaml"), "\n".join(lines) + "\n")
        assert bool(problems) is refused, repeats


# ---------------------------------------------------------------- calendar


def test_a_literal_backslash_n_stays_text_in_the_calendar(small_plan: Path) -> None:
    replace_in(small_plan / "companies" / "nordic-robotics.yaml", "Anna Nowak", "Anna \\N; Nowak")
    result = run(*plan_args(small_plan), "export", "ics")
    assert result.exit_code == 0, result.output
    assert "SUMMARY:Reach out to Anna \\\\N\\; Nowak (Nordic Robotics)\n" in result.stdout
    calendar = Calendar.from_ical(result.stdout)
    summaries = [str(c["SUMMARY"]) for c in calendar.walk() if "SUMMARY" in c]
    assert "Reach out to Anna \\N; Nowak (Nordic Robotics)" in summaries


# ---------------------------------------------------------------- init


def test_init_on_a_full_disk_leaves_nothing_and_can_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    real = atomic._write_temp
    written = 0

    def full_after_four(path: Path, data: bytes, mode: int, shown: Path) -> Path:
        nonlocal written
        written += 1
        if written > 4:
            raise OSError(errno.ENOSPC, "No space left on device", str(shown))
        return real(path, data, mode, shown)

    monkeypatch.setattr(atomic, "_write_temp", full_after_four)
    with pytest.raises(PlaybookError) as raised:
        init_playbook(folder)
    assert raised.value.format_message() == (
        "cannot create the playbook: No space left on device "
        f"({folder / 'content' / 'index.md'}); nothing was written"
    )
    assert not folder.exists()
    monkeypatch.undo()
    assert init_playbook(folder).folder == folder
    assert (folder / "plans" / "plan.yaml").is_file()


def test_init_finishes_what_a_killed_init_began(tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    init_playbook(whole)
    half = tmp_path / "half"
    for name in ("plans/plan.yaml", "mkdocs.yml"):  # what a killed init had linked
        (half / name).parent.mkdir(parents=True, exist_ok=True)
        (half / name).write_bytes((whole / name).read_bytes())
    init_playbook(half)
    files = {k: v for k, v in snapshot(half).items() if not k.startswith(".git/")}
    assert files == {k: v for k, v in snapshot(whole).items() if not k.startswith(".git/")}


def test_init_still_refuses_a_plan_of_ones_own(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    (folder / "plans").mkdir(parents=True)
    (folder / "plans" / "plan.yaml").write_text("me: {name: Me}\n", encoding="utf-8")
    with pytest.raises(PlaybookError, match="already holds a plan"):
        init_playbook(folder)


# ---------------------------------------------------------------- removing a file


def test_a_session_removes_a_file_with_its_other_edits(small_plan: Path) -> None:
    talent = small_plan / "companies" / "talent-bridge.yaml"
    volta = small_plan / "companies" / "volta-cells.yaml"
    inbound = small_plan / "inbound.yaml"
    inbound.write_text("[]\n", encoding="utf-8")  # Ewa Kot of Talent Bridge called in
    session = EditSession(small_plan, TODAY)
    session.remove(talent, "Talent Bridge removed")
    session.apply(
        volta,
        lambda text: yaml_edit.add_touch(text, 0, {"date": "2026-11-20", "action": "met"}),
        "Jan Nowak: met",
    )
    report = session.finish()
    assert [str(change) for change in report.changes] == [
        f"{talent}: Talent Bridge removed",
        f"{volta}:18: Jan Nowak: met",
    ]
    assert not talent.exists()
    assert "2026-11-20" in volta.read_text(encoding="utf-8")
    assert run(*plan_args(small_plan), "check").exit_code == 0


def test_a_removal_that_fails_keeps_every_file(
    small_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    talent = small_plan / "companies" / "talent-bridge.yaml"
    volta = small_plan / "companies" / "volta-cells.yaml"
    (small_plan / "inbound.yaml").write_text("[]\n", encoding="utf-8")
    before = snapshot(small_plan)
    unlink = os.unlink

    def refuse(path: object, *args: object, **kwargs: object) -> None:
        if str(path) == os.path.realpath(talent):
            raise PermissionError(errno.EPERM, "Operation not permitted", str(path))
        unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    session = EditSession(small_plan, TODAY)
    session.apply(
        volta,
        lambda text: yaml_edit.add_touch(text, 0, {"date": "2026-11-20", "action": "met"}),
        "Jan Nowak: met",
    )
    session.remove(talent, "Talent Bridge removed")
    monkeypatch.setattr(os, "unlink", refuse)
    with pytest.raises(PlaybookError) as raised:
        session.finish()
    monkeypatch.undo()
    assert raised.value.format_message() == (
        f"{os.path.realpath(talent)}: cannot write it: Operation not permitted; nothing was written"
    )
    assert snapshot(small_plan) == before


def test_a_removal_in_a_dry_run_is_a_diff_and_changes_nothing(small_plan: Path) -> None:
    talent = small_plan / "companies" / "talent-bridge.yaml"
    before = snapshot(small_plan)
    session = EditSession(small_plan, TODAY)
    session.remove(talent, "Talent Bridge removed")
    diff = session.finish(dry_run=True).diff
    assert diff.startswith(f"--- {talent}\n+++ /dev/null\n@@ -1,22 +0,0 @@\n-name: Talent Bridge\n")
    assert snapshot(small_plan) == before


def test_removing_a_file_that_is_not_there_is_refused(small_plan: Path) -> None:
    session = EditSession(small_plan, TODAY)
    with pytest.raises(PlaybookError) as raised:
        session.remove(small_plan / "companies" / "gone.yaml", "gone")
    session.close()
    assert raised.value.format_message() == (
        f"{small_plan / 'companies' / 'gone.yaml'} does not exist; nothing was written"
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_what_a_killed_command_leaves_is_ignored_by_git(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    init_playbook(folder)
    left = [
        "plans/companies/.volta-cells.yaml.playbook-1a2b3c4d.tmp",
        "plans/.inbound.yaml.playbook-0f0f0f0f.tmp",
        "plans/.playbook-journal",
        "plans/companies/.volta-cells.yaml.k2j4h5l6.tmp",
    ]
    kept = ["plans/companies/volta-cells.yaml", "plans/notes.tmp"]
    for name in [*left, *kept]:
        (folder / name).write_text("x\n", encoding="utf-8")
    ignored = subprocess.run(
        ["git", "-C", str(folder), "check-ignore", *left, *kept],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert ignored.stdout.splitlines() == left
