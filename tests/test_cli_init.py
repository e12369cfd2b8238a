"""`playbook init`: a private playbook of one's own that checks and builds at once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.commands.init import FILES, SKELETON, playbook_command
from tests.helpers import snapshot


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_init_makes_a_playbook_that_checks(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    code, output = run("init", str(folder))
    assert code == 0, output
    git = (
        "a new git repository with no remote: the plan stays on this machine"
        if shutil.which("git")
        else "git is not installed: keep this folder under version control yourself"
    )
    assert output == (
        f"Created your playbook in {folder}/:\n"
        "  plans/plan.yaml\n  plans/companies/example-company.yaml\n  plans/inbound.yaml\n"
        "  mkdocs.yml\n  content/index.md\n  content/method.md\n  .gitignore\n"
        f"  Makefile\n  README.md\ngit: {git}.\n\n"
        "Next: fill in plans/plan.yaml, then run `make site` there (or `make serve`).\n"
    )
    for source, target in FILES.items():
        assert (folder / target).read_bytes() == (SKELETON / source).read_bytes()
    makefile = (folder / "Makefile").read_text(encoding="utf-8")
    assert f"PLAYBOOK := {playbook_command()}\n" in makefile
    assert "\tcd " not in makefile and "\t$(PLAYBOOK) build\n" in makefile
    code, output = run("--plans", str(folder / "plans"), "check")
    assert code == 0, output
    assert output.splitlines()[-1] == (
        f"{folder / 'plans'}: ok: 3 sectors, 0 companies, 0 people, 0 inbound contacts; 1 warning"
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_playbook_is_a_repository_without_a_remote(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    assert run("init", str(folder))[0] == 0
    remotes = subprocess.run(
        ["git", "-C", str(folder), "remote"], capture_output=True, text=True, check=True
    )
    assert remotes.stdout == ""
    ignored = subprocess.run(
        ["git", "-C", str(folder), "check-ignore", "site/index.html"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ignored.stdout.strip() == "site/index.html"


@pytest.mark.slow
def test_the_new_playbook_builds(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    assert run("init", str(folder))[0] == 0
    code, output = run(
        "--plans", str(folder / "plans"), "build", "--config", str(folder / "mkdocs.yml")
    )
    assert code == 0, output
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert "Your Name" in home and "The four steps" in home
    assert "written by hand" not in home, "no note for developers"


def test_init_refuses_a_folder_with_a_plan(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    assert run("init", str(folder))[0] == 0
    before = snapshot(folder)
    code, output = run("init", str(folder))
    assert code == 1
    assert output == f"{folder} already holds a plan (plans/plan.yaml); nothing was written\n"
    assert snapshot(folder) == before


def test_init_never_overwrites_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "Makefile").write_text("mine\n", encoding="utf-8")
    code, output = run("init", str(folder))
    assert code == 1
    assert output == f"{folder} already has Makefile; choose a new folder (nothing was written)\n"
    assert sorted(p.name for p in folder.iterdir()) == ["Makefile"]


def test_the_repository_site_is_the_skeleton() -> None:
    """This project's mkdocs.yml and content/ are the skeleton's: one source for both."""
    repo = Path(__file__).resolve().parent.parent
    assert (repo / "mkdocs.yml").resolve() == SKELETON / "mkdocs.yml"
    assert (repo / "content").resolve() == SKELETON / "content"


def test_the_makefile_quotes_an_installation_path_with_spaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.commands import init

    monkeypatch.setattr(init, "playbook_words", lambda: ["/opt/my tools/$bin/playbook"])
    assert run("init", str(tmp_path / "mine"))[0] == 0
    makefile = (tmp_path / "mine" / "Makefile").read_text(encoding="utf-8")
    assert "PLAYBOOK := '/opt/my tools/$$bin/playbook'\n" in makefile
    readme = (tmp_path / "mine" / "README.md").read_text(encoding="utf-8")
    assert "    '/opt/my tools/$bin/playbook' log \"Jan Nowak\" invited" in readme


def test_a_playbook_inside_the_tools_clone_is_warned_about(tmp_path: Path) -> None:
    inside = SKELETON.parent.parent / "tmp-test-playbook"
    try:
        code, output = run("init", str(inside))
        assert code == 0
        assert "warning: this folder is inside Playbook's own clone" in output
    finally:
        shutil.rmtree(inside, ignore_errors=True)
    assert "warning" not in run("init", str(tmp_path / "elsewhere"))[1]
