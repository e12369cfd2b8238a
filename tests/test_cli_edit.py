"""`log`, `add company`, `add person`, `inbound`: exact output, whole files compared,
and nothing written when an edit is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import TODAY
from tests.helpers import replace_in, snapshot

TALENT = "companies/talent-bridge.yaml"


def run(plans: Path, *args: str, today: str = "2026-11-26") -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", today, *args], catch_exceptions=False
    )
    return result.exit_code, result.output


def inserted(before: str, after_line: str, new: str) -> str:
    """The whole file as it should be: `new` inserted after the line `after_line`."""
    lines = before.splitlines(keepends=True)
    index = lines.index(after_line) + 1
    return "".join([*lines[:index], new, *lines[index:]])


def test_log_adds_a_touch_in_date_order_in_the_person_style(small_plan: Path) -> None:
    path = small_plan / TALENT
    before = path.read_text(encoding="utf-8")
    code, output = run(
        small_plan, "log", "zolc", "followed_up", "--date", "2026-05-10", "--note", "Sent: a deck"
    )
    assert code == 0
    assert output == f"{path}:13: Piotr Żółć: followed up on 2026-05-10\n"
    assert path.read_text(encoding="utf-8") == inserted(
        before,
        "      - {date: 2026-05-06, action: connected}\n",
        '      - {date: 2026-05-10, action: followed_up, note: "Sent: a deck"}\n',
    )


def test_log_defaults_to_today_and_takes_any_case(small_plan: Path) -> None:
    path = small_plan / TALENT
    before = path.read_text(encoding="utf-8")
    code, output = run(small_plan, "log", "EWA KOT", "Replied", "--channel", "LinkedIn")
    assert code == 0, output
    assert output == f"{path}:23: Ewa Kot: replied on 2026-11-26 (linkedin)\n"
    assert path.read_text(encoding="utf-8") == before + (
        "      - {date: 2026-11-26, action: replied, channel: linkedin}\n"
    )


def test_a_date_after_today_is_planned(small_plan: Path) -> None:
    code, output = run(small_plan, "log", "Ewa Kot", "met", "--date", "2026-12-03")
    assert code == 0
    assert output.endswith("Ewa Kot: meeting planned for 2026-12-03\n")
    code, next_output = run(small_plan, "next")
    assert "- 2026-12-03: meeting with Ewa Kot (Talent Bridge)" in next_output


@pytest.mark.parametrize(
    ("action", "day", "written"),
    [
        ("replied", "2026-11-25", "replied on 2026-11-25"),
        ("replied", "2026-11-26", "replied on 2026-11-26"),
        ("replied", "2026-11-27", None),
        ("connected", "2026-11-27", None),
        ("declined", "2026-12-24", None),
        ("referred", "2026-11-27", None),
        ("messaged", "2026-11-27", "message planned for 2026-11-27"),
    ],
)
def test_what_they_do_cannot_be_planned(
    small_plan: Path, action: str, day: str, written: str | None
) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "log", "Ewa Kot", action, "--date", day)
    if written is not None:
        assert (code, output.endswith(f"Ewa Kot: {written}\n")) == (0, True), output
        return
    noun = {"replied": "A reply", "connected": "A connection", "declined": "A decline"}
    assert code == 1
    assert output == (
        f"{noun.get(action, 'A referral')} cannot be planned: {day} is after today "
        "(2026-11-26); give the day it happened with --date, or leave --date out for today; "
        "nothing was written\n"
    )
    assert snapshot(small_plan) == before


def test_an_ambiguous_name_lists_the_candidates(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "log", "anna nowak", "invited")
    assert code == 1
    assert output == (
        "2 people are called 'Anna Nowak':\n"
        "  Anna Nowak (Nordic Robotics)\n"
        "  Anna Nowak (Volta Cells)\n"
        "Choose one with --company, e.g. --company 'Nordic Robotics'.\n"
    )
    assert snapshot(small_plan) == before
    code, output = run(small_plan, "log", "anna nowak", "invited", "--company", "volta")
    assert code == 0
    assert "Anna Nowak: invited on 2026-11-26" in output


def test_an_unknown_name_suggests_close_ones(small_plan: Path) -> None:
    code, output = run(small_plan, "log", "Jan Nowack", "met")
    assert code == 1
    assert (
        output
        == "nobody called 'Jan Nowack' in the plan; did you mean 'Jan Nowak' (Volta Cells)?\n"
    )
    code, output = run(small_plan, "log", "Lindqvst", "met")
    assert output.startswith("nobody called 'Lindqvst' in the plan; did you mean 'Åsa Lindqvist'")


def test_an_unknown_action_is_a_usage_error(small_plan: Path) -> None:
    code, output = run(small_plan, "log", "Ewa Kot", "waved")
    assert code == 2
    assert "'waved' is not one of" in output


def test_dry_run_prints_the_diff_and_writes_nothing(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "log", "Ewa Kot", "met", "--dry-run")
    assert code == 0
    path = small_plan / TALENT
    assert output == (
        f"--- {path}\n+++ {path}\n@@ -20,3 +20,4 @@\n"
        "       - {date: 2026-09-02, action: connected}\n"
        "       - {date: 2026-09-09, action: replied}\n"
        "       - {date: 2026-09-30, action: followed_up}\n"
        "+      - {date: 2026-11-26, action: met}\n"
        "Dry run: nothing was written.\n"
    )
    assert snapshot(small_plan) == before


def test_an_invalid_plan_is_not_edited(small_plan: Path) -> None:
    replace_in(small_plan / TALENT, "priority: 1", "priority: 5")
    before = snapshot(small_plan)
    code, output = run(small_plan, "log", "Ewa Kot", "met")
    assert code == 1
    assert output.splitlines() == [
        "The plan has errors; fix them before editing it (nothing was written):",
        f"{small_plan / TALENT}:4:11: priority: expected a whole number from 1 to 3; got 5",
        "1 error found",
    ]
    assert snapshot(small_plan) == before


def test_an_option_the_plan_would_refuse_is_named(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(
        small_plan, "add", "person", "Ola Nowak", "--company", "Talent Bridge", "--email", "ola@"
    )
    assert code == 1
    assert output == (
        "--email: expected one e-mail address (name@example.com); got 'ola@'; nothing was written\n"
    )
    assert snapshot(small_plan) == before


def test_an_edit_that_would_break_the_plan_is_refused(small_plan: Path) -> None:
    """Whatever the options, the plan is read again with the edit before writing."""
    from generator.editing.session import EditSession
    from generator.editing.yaml_edit import Edit
    from generator.errors import InvalidPlan

    before = snapshot(small_plan)
    session = EditSession(small_plan, TODAY)
    path = small_plan / TALENT
    session.apply(path, lambda text: Edit(text.replace("priority: 1", "priority: 9"), 4), "x")
    with pytest.raises(InvalidPlan) as refused:
        session.finish()
    assert refused.value.format_message().splitlines() == [
        "This edit would leave the plan invalid, so nothing was written:",
        f"{path}:4:11: priority: expected a whole number from 1 to 3; got 9",
        "1 error found",
    ]
    assert snapshot(small_plan) == before


def test_the_same_touch_twice_is_refused(small_plan: Path) -> None:
    assert run(small_plan, "log", "Ewa Kot", "replied", "--note", "Call in January")[0] == 0
    after_first = snapshot(small_plan)
    code, output = run(small_plan, "log", "Ewa Kot", "replied", "--note", "Call in January")
    assert code == 1
    assert output == (
        f"Ewa Kot already has a reply on 2026-11-26 ({small_plan / TALENT}:23:16): one touch "
        "per person, action and day; nothing was written\n"
    )
    assert snapshot(small_plan) == after_first


def test_add_person_appends_in_the_file_style(small_plan: Path) -> None:
    path = small_plan / TALENT
    before = path.read_text(encoding="utf-8")
    code, output = run(
        small_plan,
        "add", "person", "Ola Nowak", "--company", "talent bridge", "--role", "Researcher",
        "--focus", "Recruiter", "--linkedin", "linkedin.com/in/ola-nowak",
    )  # fmt: skip
    assert code == 0, output
    assert output == f"{path}:23: Ola Nowak added to Talent Bridge\n"
    assert path.read_text(encoding="utf-8") == before + (
        "  - name: Ola Nowak\n"
        "    role: Researcher\n"
        "    focus: recruiter\n"
        "    linkedin: https://www.linkedin.com/in/ola-nowak\n"
    )


def test_add_company_writes_a_new_file(small_plan: Path) -> None:
    code, output = run(
        small_plan,
        "add", "company", "Łódź Robotics", "--sector", "automation", "--country", "Poland",
        "--priority", "2", "--why", "Hiring: two plants",
    )  # fmt: skip
    path = small_plan / "companies" / "lodz-robotics.yaml"
    assert code == 0, output
    assert output == f"{path}:1: new company Łódź Robotics\n"
    assert path.read_text(encoding="utf-8") == (
        "name: Łódź Robotics\nsector: Automation\ncountry: Poland\n"
        'why: "Hiring: two plants"\npriority: 2\n'
    )
    code, output = run(small_plan, "add", "company", "łódź  robotics", "--sector", "Automation")
    assert code == 1
    assert output == f"Łódź Robotics is already in {path}; nothing was written\n"


def test_add_company_in_an_unknown_sector_is_refused(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "add", "company", "X", "--sector", "Automaton")
    assert code == 1
    assert "'Automaton' is not a sector of plan.yaml; did you mean 'Automation'?" in output
    assert snapshot(small_plan) == before


def test_inbound_matches_a_person_and_goes_in_date_order(small_plan: Path) -> None:
    path = small_plan / "inbound.yaml"
    before = path.read_text(encoding="utf-8")
    code, output = run(
        small_plan, "inbound", "piotr zolc", "--channel", "phone", "--about", "Interim role",
        "--relevance", "4", "--date", "2026-11-20",
    )  # fmt: skip
    assert code == 0, output
    # The log is not in date order: the entry goes after the last one dated before it.
    assert output == f"{path}:18: inbound on 2026-11-20 from Piotr Żółć of Talent Bridge\n"
    assert path.read_text(encoding="utf-8") == before + (
        "- date: 2026-11-20\n  who: Piotr Żółć\n  company: Talent Bridge\n  channel: phone\n"
        "  about: Interim role\n  relevance: 4\n"
    )


def test_inbound_from_someone_outside_the_plan(small_plan: Path) -> None:
    code, output = run(small_plan, "inbound", "Marek Zieliński", "--company", "Hays Poland")
    assert code == 0
    assert output.endswith(
        "inbound on 2026-11-26 from Marek Zieliński of Hays Poland (not a person in the plan)\n"
    )


def test_inbound_creates_the_log_when_missing(small_plan: Path) -> None:
    (small_plan / "inbound.yaml").unlink()
    code, output = run(small_plan, "inbound", "Ewa Kot", "--channel", "email")
    assert code == 0, output
    assert (small_plan / "inbound.yaml").read_text(encoding="utf-8") == (
        "- date: 2026-11-26\n  who: Ewa Kot\n  company: Talent Bridge\n  channel: email\n"
    )


def test_every_command_shows_an_example() -> None:
    for command in (
        [], ["check"], ["build"], ["serve"], ["status"], ["next"], ["log"], ["add", "company"],
        ["add", "person"], ["inbound"], ["import", "linkedin"], ["export"], ["init"],
    ):  # fmt: skip
        result = CliRunner().invoke(cli, [*command, "--help"], catch_exceptions=False)
        assert result.exit_code == 0
        assert "Example" in result.output and "playbook " in result.output, command


def test_text_options_refuse_control_characters_and_broken_unicode(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "log", "Ewa Kot", "met", "--note", "a\x1b]0;owned\x07")
    assert code == 2
    assert output == "--note: holds a control character; retype it\n"
    code, output = run(small_plan, "add", "person", "X\udcffY", "--company", "Talent Bridge")
    assert code == 2
    assert output == "NAME: holds bytes that are not UTF-8 text; retype it\n"
    assert snapshot(small_plan) == before
