from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import EXAMPLE_PLAN, SMALL_PLAN
from tests.helpers import replace_in


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


UNREACHABLE = [
    f"{SMALL_PLAN}/companies/volta-cells.yaml:18:5: warning: Anna Nowak: no linkedin or email, so no way to reach them",
]


def test_check_accepts_the_small_plan_with_advice() -> None:
    code, output = run("--plans", str(SMALL_PLAN), "--today", "2026-11-26", "check")
    assert code == 0
    assert output.splitlines() == [
        *UNREACHABLE,
        f"{SMALL_PLAN}: ok: 3 sectors, 3 companies, 6 people, 3 inbound contacts; 1 warning",
    ]


def test_check_warns_about_long_invites_and_thin_companies(small_plan: Path) -> None:
    plan_file = small_plan / "plan.yaml"
    replace_in(
        plan_file, "  people: 6\n", "  people: 6\n  people_per_company: 3\n  note_limit: 120\n"
    )
    code, output = run("--plans", str(small_plan), "--today", "2026-11-26", "check")
    assert code == 0
    volta = small_plan / "companies" / "volta-cells.yaml"
    assert [line for line in output.splitlines() if str(volta) in line] == [
        f"{volta}:1:1: warning: Volta Cells has 2 people; the target is 3 per company",
        f"{volta}:18:5: warning: Anna Nowak: no linkedin or email, so no way to reach them",
    ]
    assert (
        f"{plan_file}:24:5: warning: messages.invite: the invitation note runs over the limit "
        "for Jan Nowak: up to 142 characters; LinkedIn allows 120 (targets.note_limit)"
    ) in output.splitlines()


def test_a_long_invite_template_is_one_warning_with_a_count(small_plan: Path) -> None:
    plan_file = small_plan / "plan.yaml"
    replace_in(plan_file, "  people: 6\n", "  people: 6\n  note_limit: 60\n")
    code, output = run("--plans", str(small_plan), "--today", "2026-11-26", "check")
    assert code == 0
    assert [line for line in output.splitlines() if "invitation note" in line] == [
        f"{plan_file}:23:5: warning: messages.invite: the invitation note runs over the limit "
        "for 3 people (Åsa Lindqvist, …): up to 142 characters; LinkedIn allows 60 "
        "(targets.note_limit)"
    ]


def test_check_accepts_the_example_plan() -> None:
    code, output = run("--plans", str(EXAMPLE_PLAN), "--today", "2026-11-26", "check")
    assert code == 0, output
    assert output.splitlines()[-1].startswith(f"{EXAMPLE_PLAN}: ok: 3 sectors, ")


def test_check_lists_every_problem_then_fails(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SMALL_PLAN, plans)
    volta = plans / "companies" / "volta-cells.yaml"
    replace_in(volta, "priority: 1", "priority: 7")
    (plans / "companies" / "broken.yaml").write_text("name: [x\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()}
    code, output = run("--plans", str(plans), "check")
    assert code == 1
    assert output == (
        f"{plans}/companies/broken.yaml:1:7: this [ is never closed; add the ] (or a missing "
        "comma), or write the items one per line in block style\n"
        f"{plans}/companies/volta-cells.yaml:6:11: priority: "
        "expected a whole number from 1 to 3; got 7\n"
        "2 errors found\n"
    )
    assert before == {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()}


def test_check_warnings_do_not_fail(small_plan: Path) -> None:
    volta = small_plan / "companies" / "volta-cells.yaml"
    replace_in(volta, "2026-10-20", "2027-12-01")
    code, output = run("--plans", str(small_plan), "--today", "2026-11-26", "check")
    assert code == 0
    assert output.splitlines() == [
        f"{volta}:17:16: warning: date 2027-12-01 is more than a year after today (2026-11-26); a typo?",
        f"{volta}:18:5: warning: Anna Nowak: no linkedin or email, so no way to reach them",
        f"{small_plan}: ok: 3 sectors, 3 companies, 6 people, 3 inbound contacts; 2 warnings",
    ]


def test_bad_today_is_a_usage_error() -> None:
    code, output = run("--today", "26/11/2026", "check")
    assert code == 2
    assert output == (
        "--today: expected YYYY-MM-DD, the year first (5 March 2027 is 2027-03-05); "
        "got '26/11/2026'; did you mean 2026-11-26?\n"
    )


def test_check_renders_every_draft(small_plan: Path) -> None:
    volta = small_plan / "companies" / "volta-cells.yaml"
    replace_in(
        volta,
        "    focus: hr\n",
        "    focus: hr\n    messages:\n      invite: Hi {{ person.nick }}\n",
    )
    code, output = run("--plans", str(small_plan), "--today", "2026-11-26", "check")
    assert code == 1
    assert output.splitlines() == [
        f"{volta}:22:15: Anna Nowak's messages.invite: cannot write the draft for Anna Nowak: "
        "no such field 'nick'; it has name, first_name, role, focus, country, hook, linkedin, "
        "email, stage",
        "1 error found",
    ]


def test_template_runtime_errors_are_reported(small_plan: Path) -> None:
    plan_file = small_plan / "plan.yaml"
    replace_in(
        plan_file,
        'email_subject: "{{ me.name }}: {{ company.name }}"',
        'email_subject: "{{ 1 / 0 }}"',
    )
    code, output = run("--plans", str(small_plan), "--today", "2026-11-26", "check")
    assert code == 1
    assert (
        f"{plan_file}:23:18: messages.email_subject: cannot write the draft for Åsa Lindqvist "
        "and 5 other people: division by zero" in output
    )


def test_today_before_1900_is_refused() -> None:
    code, output = run("--today", "0001-01-05", "status")
    assert code == 2
    assert "expected a date between 1900 and 2999" in output


def test_dates_far_in_the_future_are_refused(small_plan: Path) -> None:
    code, output = run("--plans", str(small_plan), "--today", "9999-12-31", "check")
    assert code == 2
    assert "expected a date between 1900 and 2999; got '9999-12-31'" in output
    replace_in(small_plan / "companies" / "volta-cells.yaml", "2026-10-20", "9999-12-31")
    code, output = run("--plans", str(small_plan), "--today", "2026-11-26", "check")
    assert code == 1
    assert "expected a date as YYYY-MM-DD between 1900 and 2999; got '9999-12-31'" in output


def test_a_date_that_does_not_exist_says_why() -> None:
    code, output = run("--today", "2026-13-01", "check")
    assert code == 2
    assert "no such date: '2026-13-01' (month must be in 1..12)" in output


def test_a_value_shaped_like_a_number_but_not_one_is_text(small_plan: Path) -> None:
    replace_in(
        small_plan / "companies" / "volta-cells.yaml", "role: HR Business Partner", "role: ._"
    )
    code, output = run("--plans", str(small_plan), "--today", "2026-11-26", "check")
    assert code == 0, output


def test_a_file_name_cannot_drive_the_terminal(small_plan: Path) -> None:
    (small_plan / "companies" / "a\x1b[8mb.yaml").write_text("name: [x\n", encoding="utf-8")
    code, output = run("--plans", str(small_plan), "--today", "2026-11-26", "check")
    assert code == 1
    assert "\x1b" not in output
    assert "companies/a\\x1b[8mb.yaml:1:7: this [ is never closed" in output
