"""What a newcomer reads when a command goes wrong: one line naming what to fix, an
example where a format is expected, the command that helps; and the touches a second
logging would only repeat."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.helpers import replace_in, snapshot
from tests.test_cli_edit import run

VOLTA = "companies/volta-cells.yaml"
NORDIC = "companies/nordic-robotics.yaml"


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (
            ["log", "Ewa Kot", "met", "--date", "28.11.2026"],
            "--date: expected YYYY-MM-DD, the year first (5 March 2027 is 2027-03-05); "
            "got '28.11.2026'; did you mean 2026-11-28?",
        ),
        (
            ["log", "Ewa Kot", "met", "--date", "2026-02-30"],
            "--date: no such date: '2026-02-30' (day is out of range for month)",
        ),
        (["set"], "PERSON: missing (playbook set --help shows how)"),
        (
            ["set", "Ewa Kot", "--emial", "e@x.example"],
            "--emial: no such option; did you mean --email? (playbook set --help shows how)",
        ),
        (["add", "company", "X"], "--sector: missing (playbook add company --help shows how)"),
        (
            ["add", "company", "X", "--sector", "Automation", "--priority", "7"],
            "--priority: expected a whole number from 1 to 3; got 7",
        ),
        (
            ["log", "Ewa Kot", "replyed"],
            "ACTION: 'replyed' is not one of invited, connected, messaged, replied, met, "
            "referred, declined, followed_up, withdrawn; did you mean 'replied'?",
        ),
        (
            ["log", "Ewa", "Kot", "met"],
            "ACTION: 'Kot' is not one of invited, connected, messaged, replied, met, referred, "
            "declined, followed_up, withdrawn",
        ),
        (
            ["status", "now"],
            'unexpected extra words: now (a name with spaces goes in quotes: "Jan Nowak") '
            "(playbook status --help shows how)",
        ),
        (["stauts"], "playbook has no command 'stauts'; did you mean 'status'?"),
        (["add", "compny", "X"], "playbook add has no command 'compny'; did you mean 'company'?"),
    ],
)
def test_a_usage_mistake_is_one_line(small_plan: Path, args: list[str], output: str) -> None:
    before = snapshot(small_plan)
    code, shown = run(small_plan, *args)
    assert (code, shown) == (2, output + "\n")
    assert "Usage:" not in shown and "Try " not in shown
    assert snapshot(small_plan) == before


def test_no_command_at_all_shows_the_help() -> None:
    result = CliRunner().invoke(cli, [], catch_exceptions=False)
    assert result.output.startswith("Usage: playbook [OPTIONS] COMMAND [ARGS]...")


def test_outside_a_playbook_the_message_says_where_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output == (
        "plans/plan.yaml: file not found; run playbook in your playbook's folder (cd into the "
        "folder playbook init made) or name the plans folder with --plans DIR\n1 error found\n"
    )


def test_a_plans_folder_without_plan_yaml_gets_the_same_hint(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    code, output = run(tmp_path / "plans", "next")
    assert code == 1
    assert output.startswith(f"{tmp_path / 'plans' / 'plan.yaml'}: file not found; run playbook")


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (
            "https://www.xing.com/profile/Jan_Nowak",
            "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
            "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
            "'https://www.xing.com/profile/Jan_Nowak' (www.xing.com is not LinkedIn)",
        ),
        (
            "https://linkedin.com.evil.example/in/jan",
            "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
            "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
            "'https://linkedin.com.evil.example/in/jan' (linkedin.com.evil.example is not "
            "LinkedIn)",
        ),
        # Near misses: the address meant is offered (an address elsewhere never is).
        (
            "jan-nowak",
            "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
            "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
            "'jan-nowak'; linkedin.com/in/jan-nowak would do",
        ),
        (
            "linkedin/jan-nowak",
            "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
            "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
            "'linkedin/jan-nowak'; linkedin.com/in/jan-nowak would do",
        ),
        (
            "https://www.linkedn.com/in/jan-nowak/",
            "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
            "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
            "'https://www.linkedn.com/in/jan-nowak/'; linkedin.com/in/jan-nowak would do",
        ),
        (
            "linkedin/in/jan/nowak",
            "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
            "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
            "'linkedin/in/jan/nowak'",
        ),
        (
            "jan nowak",
            "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
            "as the browser shows it (https://www.linkedin.com/in/anna-nowak); got "
            "'jan nowak'",
        ),
    ],
)
def test_a_profile_elsewhere_is_not_a_linkedin_address(
    small_plan: Path, address: str, message: str
) -> None:
    replace_in(small_plan / VOLTA, "https://www.linkedin.com/in/jan-nowak-example", address)
    code, output = run(small_plan, "check")
    assert code == 1
    assert f"{small_plan / VOLTA}:11:15: people[0] (Jan Nowak).linkedin: {message}\n" in output


@pytest.mark.parametrize(
    "address",
    [
        "https://de.linkedin.com/in/jan-nowak",
        "linkedin.com/in/jan-nowak",
        "https://linkedin.com/in/x",
    ],
)
def test_linkedin_addresses_on_any_linkedin_host_pass(small_plan: Path, address: str) -> None:
    replace_in(small_plan / VOLTA, "https://www.linkedin.com/in/jan-nowak-example", address)
    assert run(small_plan, "check")[0] == 0


# ---------------------------------------------------------------- the same touch twice


def test_met_twice_on_one_day_is_the_same_meeting(small_plan: Path) -> None:
    assert run(small_plan, "log", "Ewa Kot", "met")[0] == 0
    after_first = snapshot(small_plan)
    path = small_plan / "companies" / "talent-bridge.yaml"
    for extra in ([], ["--channel", "meeting"], ["--note", "Second coffee"]):
        code, output = run(small_plan, "log", "Ewa Kot", "met", *extra)
        assert (code, output) == (
            1,
            f"Ewa Kot already has a meeting on 2026-11-26 ({path}:23:16): one touch per "
            "person, action and day; nothing was written\n",
        )
    assert snapshot(small_plan) == after_first


def test_another_day_or_another_action_is_a_new_touch(small_plan: Path) -> None:
    assert run(small_plan, "log", "Ewa Kot", "met")[0] == 0
    code, output = run(small_plan, "log", "Ewa Kot", "met", "--date", "2026-11-25")
    assert code == 0, output
    code, output = run(small_plan, "log", "Ewa Kot", "met", "--date", "2026-11-27")
    assert code == 0, output
    code, output = run(small_plan, "log", "Ewa Kot", "replied")
    assert code == 0, output


def test_two_times_on_one_day_are_two_touches(small_plan: Path) -> None:
    """With a time on both, 9:00 and 16:00 are two calls; without one, a second is the same."""
    args = ("log", "Ewa Kot", "met", "--date", "2026-12-03")
    assert run(small_plan, *args, "--at", "09:00")[0] == 0
    assert run(small_plan, *args, "--at", "16:00")[0] == 0
    code, output = run(small_plan, *args)
    assert code == 1
    assert output.startswith("Ewa Kot already has a meeting on 2026-12-03 (")


def test_the_first_touch_is_reported_at_its_own_line(small_plan: Path) -> None:
    """Anna Nowak of Nordic Robotics has no touches yet: the edit adds `touches:` and the
    touch; the line given is the touch's."""
    path = small_plan / NORDIC
    before = path.read_text(encoding="utf-8")
    code, output = run(small_plan, "log", "Anna Nowak", "invited", "--company", "nordic")
    assert code == 0
    assert output == f"{path}:21: Anna Nowak: invited on 2026-11-26\n"
    assert path.read_text(encoding="utf-8") == before + (
        "    touches:\n      - date: 2026-11-26\n        action: invited\n"
    )
    assert path.read_text(encoding="utf-8").splitlines()[20] == "      - date: 2026-11-26"


# ---------------------------------------------------------------- serve


def test_the_makefiles_pass_port_to_serve() -> None:
    repo = Path(__file__).resolve().parent.parent
    for makefile in (repo / "Makefile", repo / "generator" / "skeleton" / "Makefile.in"):
        text = makefile.read_text(encoding="utf-8")
        assert "PORT ?= 8000" in text
        assert "serve --port $(PORT)" in text.replace("$$", "$")


def test_a_playbook_that_lost_its_plan_yaml_is_told_how_to_bring_it_back(
    small_plan: Path,
) -> None:
    (small_plan / "plan.yaml").unlink()
    code, output = run(small_plan, "next")
    assert (code, output) == (
        1,
        f"{small_plan / 'plan.yaml'}: file not found: this plans folder has no plan.yaml; "
        f"bring it back (git checkout {small_plan / 'plan.yaml'}, if it was committed) or "
        "write it anew (playbook init makes a new playbook with one)\n1 error found\n",
    )


def test_errors_come_before_warnings(small_plan: Path) -> None:
    """The error is what stops the command: it is not to be found under the warnings of
    files that sort before it."""
    (small_plan / "companies" / "aaa.yaml").write_text("# nothing yet\n", encoding="utf-8")
    replace_in(small_plan / "plan.yaml", "  invites_per_week: 3", "  invites_per_week: many")
    code, output = run(small_plan, "check")
    lines = output.splitlines()
    assert code == 1
    assert lines[0].endswith(
        "plan.yaml:13:21: targets.invites_per_week: expected a whole "
        "number from 1 to 10000; got 'many'"
    )
    assert "aaa.yaml" in lines[1] and "warning: " in lines[1]
    assert lines[-1] == "1 error found"
