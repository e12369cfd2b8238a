"""`playbook init`: a private playbook of one's own that checks and builds at once."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import load_plan
from generator.cli import cli
from generator.commands.init import FILES, SKELETON, playbook_command
from generator.metrics.checklist import checklist
from tests.helpers import snapshot


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """git configured only by a file of this test (a name and e-mail by default)."""
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Test Person\n\temail = test@example.com\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("AUTHOR", "COMMITTER"):
        for what in ("NAME", "EMAIL"):
            monkeypatch.delenv(f"GIT_{name}_{what}", raising=False)
    monkeypatch.setenv("EMAIL", "")
    return config


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    ).stdout


CREATED = (
    "  plans/plan.yaml\n  plans/companies/example-company.yaml\n  plans/inbound.yaml\n"
    "  mkdocs.yml\n  content/index.md\n  content/method.md\n  .gitignore\n"
    "  Makefile\n  README.md\n"
)
REPOSITORY = "a new git repository with no remote: the plan stays on this machine"
NEXT = (
    "Next: fill in plans/plan.yaml (by hand, or with `playbook me` and `playbook rename "
    "sector`),\nthen `make site` (or `make serve`); `playbook check` lists any placeholder "
    "left.\n"
)


def test_init_makes_a_playbook_that_checks(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    code, output = run("init", str(folder))
    assert code == 0, output
    git_line = (
        f"{REPOSITORY}; first commit made"
        if GIT
        else "git is not installed: keep this folder under version control yourself"
    )
    assert output == (f"Created your playbook in {folder}/:\n{CREATED}git: {git_line}.\n\n{NEXT}")
    for source, target in FILES.items():
        assert (folder / target).read_bytes() == (SKELETON / source).read_bytes()
    makefile = (folder / "Makefile").read_text(encoding="utf-8")
    assert f"PLAYBOOK := {playbook_command()}\n" in makefile
    assert "\tcd " not in makefile and "\t$(PLAYBOOK) build\n" in makefile
    code, output = run("--plans", str(folder / "plans"), "check")
    assert code == 0, output
    assert output.splitlines()[-2:] == [
        f"{folder / 'plans'}: not filled in yet: 3 sectors, 0 companies, 0 people, "
        "0 inbound contacts; 10 warnings",
        "9 placeholders from playbook init are left, each named above with the command that "
        "replaces it: first who you are (playbook me --name … --headline … --goal …), then "
        "your sectors (playbook rename sector OLD NEW).",
    ]


@needs_git
def test_the_first_commit_holds_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    assert run("init", str(folder))[0] == 0
    assert git(folder, "log", "--format=%an <%ae>|%s") == (
        "Test Person <test@example.com>|A new playbook, as playbook init wrote it\n"
    )
    assert git(folder, "status", "--porcelain") == ""
    committed = sorted(git(folder, "ls-files").split())
    assert committed == sorted([*FILES.values(), "Makefile", "README.md"])


@needs_git
def test_without_a_git_identity_the_first_commit_is_playbooks(
    tmp_path: Path, git_identity: Path
) -> None:
    git_identity.write_text("")
    folder = tmp_path / "mine"
    code, output = run("init", str(folder))
    assert code == 0
    assert (
        f"git: {REPOSITORY}; first commit made as 'Playbook', as git does not know your name "
        'yet (git config --global user.name "…"; git config --global user.email …).\n'
    ) in output
    assert git(folder, "log", "--format=%an <%ae>") == "Playbook <playbook@localhost>\n"
    assert git(folder, "config", "--list", "--local").count("user.") == 0, "nothing stored"


@needs_git
def test_no_commit_leaves_the_files_uncommitted(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    code, output = run("init", str(folder), "--no-commit")
    assert code == 0
    assert f"git: {REPOSITORY}.\n" in output
    assert "plans/" in git(folder, "status", "--porcelain")
    log = subprocess.run(["git", "-C", str(folder), "log"], capture_output=True, check=False)
    assert log.returncode != 0, "no commit yet"


@needs_git
def test_an_existing_repository_is_left_uncommitted(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    git(folder, "init", "--quiet")
    code, output = run("init", str(folder))
    assert code == 0
    assert (
        "git: the folder is already a git repository; left as it is (nothing committed).\n"
        in output
    )
    assert "plans/" in git(folder, "status", "--porcelain")


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


# ---------------------------------------------------------------- set up by command


def plan_changes(folder: Path) -> list[str]:
    """The lines of the new plan.yaml that differ from the skeleton's, as +/- lines."""
    before = (SKELETON / "plans" / "plan.yaml").read_text(encoding="utf-8").splitlines()
    after = (folder / "plans" / "plan.yaml").read_text(encoding="utf-8").splitlines()
    return [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


ANSWERS = [
    "Marta Kowalska",
    "Supply-chain analyst, 5 years in FMCG",
    "",  # the goal is required: asked again
    "Head of Logistics at a 3PL by 2029",
    "Lisbon, Portugal",
    "xing.com/profile/marta",  # refused: asked again
    "linkedin/marta-k",  # refused, with the address meant: asked again
    "linkedin.com/in/marta-k",
    "",  # no e-mail
    "Third-party logistics",
    "third-party logistics",  # a sector twice: asked again
    "FMCG manufacturing",
    "",  # two sectors are enough
]


def test_init_me_asks_and_writes_the_answers(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    result = CliRunner().invoke(
        cli, ["init", str(folder), "--me"], input="\n".join(ANSWERS) + "\n", catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "A few questions for your plan (you can change every answer later: playbook me):\n"
        "Your name, as on LinkedIn: Marta Kowalska\n"
    )
    assert (
        "Your LinkedIn profile, linkedin.com/in/… (Enter to skip): xing.com/profile/marta\n"
        "Error: expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
        "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
        "'xing.com/profile/marta' (xing.com is not LinkedIn)\n"
        "Your LinkedIn profile, linkedin.com/in/… (Enter to skip): linkedin/marta-k\n"
        "Error: expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
        "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
        "'linkedin/marta-k'; linkedin.com/in/marta-k would do\n"
    ) in result.output
    assert (
        "Sector 2 you aim at (Enter when done): third-party logistics\n"
        "Error: 'third-party logistics' is one of your sectors already\n"
    ) in result.output
    assert result.output.endswith(
        "Next, in that folder: `playbook add company NAME --sector SECTOR` for each company,\n"
        "then `make site` (or `make serve`); `playbook check` lists any placeholder left.\n"
    )
    assert plan_changes(folder) == [
        "-  name: Your Name                          # as on LinkedIn",
        '-  headline: What you do today, in one line # who I am: "Supply-chain analyst, 5 years in FMCG"',
        '-  goal: The role you want in a few years   # what I want: "Head of Logistics at a 3PL by 2029"',
        "-  location: Your City, Your Country        # the last part counts as your home country",
        "-  country: Your Country                    # optional: else taken from location",
        "-  linkedin: https://www.linkedin.com/in/your-profile   # optional",
        "-  email: you@example.com                   # optional",
        "+  name: Marta Kowalska                     # as on LinkedIn",
        '+  headline: Supply-chain analyst, 5 years in FMCG # who I am: "Supply-chain analyst, 5 years in FMCG"',
        '+  goal: Head of Logistics at a 3PL by 2029 # what I want: "Head of Logistics at a 3PL by 2029"',
        "+  location: Lisbon, Portugal               # the last part counts as your home country",
        "+  linkedin: https://www.linkedin.com/in/marta-k        # optional",
        "-  - name: Your first sector",
        "-    why: Where the role you want exists",
        "-  - name: Your second sector",
        "-    why: A neighbouring industry that hires the same profile",
        "+  - name: Third-party logistics",
        "+  - name: FMCG manufacturing",
    ]
    assert not (folder / "plans" / "companies" / "example-company.yaml").exists()
    assert (folder / "plans" / "companies").is_dir()
    code, output = run("--plans", str(folder / "plans"), "check")
    assert code == 0
    assert (
        output == f"{folder / 'plans'}: ok: 3 sectors, 0 companies, 0 people, 0 inbound contacts\n"
    )
    plan = load_plan(folder / "plans", dt.date(2026, 11, 26))
    assert checklist(plan)[0].done


@pytest.mark.parametrize(
    ("sectors", "expected"),
    [
        (["Retail"], ["Retail", "Recruitment"]),
        (["Retail", "Recruitment"], ["Retail", "Recruitment"]),
        (["Retail", "Logistics"], ["Retail", "Logistics", "Recruitment"]),
        (["Retail", "Logistics", "Ports"], ["Retail", "Logistics", "Ports", "Recruitment"]),
    ],
)
def test_init_options_give_the_sectors(
    tmp_path: Path, sectors: list[str], expected: list[str]
) -> None:
    folder = tmp_path / "mine"
    options = [word for sector in sectors for word in ("--sector", sector)]
    code, output = run("init", str(folder), "--no-commit", *options)
    assert code == 0, output
    plan = load_plan(folder / "plans", dt.date(2026, 11, 26))
    assert [s.name for s in plan.plan.sectors] == expected
    assert [s.recruiters for s in plan.plan.sectors] == [False] * (len(expected) - 1) + [True]
    # Only the sectors were given: me keeps its placeholders, for check to point at.
    assert plan.plan.me.name == "Your Name"


def test_init_options_are_checked_before_anything_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    code, output = run("init", str(folder), "--name", "Marta", "--email", "marta@")
    assert code == 1
    assert output == (
        "--email: expected one e-mail address (name@example.com); got 'marta@'; "
        "nothing was written\n"
    )
    assert not folder.exists()
    code, output = run("init", str(folder), "--sector", "Retail", "--sector", "retail")
    assert code == 1
    assert output == "--sector: 'retail' is one of your sectors already; nothing was written\n"
    assert not folder.exists()


def test_the_new_playbooks_mkdocs_yml_names_each_theme_feature_once() -> None:
    import yaml

    skeleton = Path(__file__).parent.parent / "generator" / "skeleton" / "mkdocs.yml"
    features = yaml.safe_load(skeleton.read_text(encoding="utf-8"))["theme"]["features"]
    assert "content.tooltips" in features
    assert len(features) == len(set(features)), features
