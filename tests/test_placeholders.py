"""An untouched `init` plan loads and builds, but it is not a plan: `check` warns about
every placeholder left, and step 1 waits for real sectors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.commands.init import SKELETON
from generator.metrics.checklist import checklist
from generator.model import placeholders
from generator.reading.yaml_source import parse_yaml
from tests.conftest import TODAY
from tests.helpers import replace_in


@pytest.fixture
def untouched(tmp_path: Path) -> Path:
    code, output = run_in(tmp_path, "init", str(tmp_path / "mine"), "--no-commit")
    assert code == 0, output
    return tmp_path / "mine" / "plans"


def run_in(plans: Path, *args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from generator.cli import cli

    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", "2026-11-26", *args], catch_exceptions=False
    )
    return result.exit_code, result.output


def test_the_placeholders_are_the_skeletons() -> None:
    """One list of placeholders, the very values the skeleton's plan.yaml holds."""
    data, problems = parse_yaml(Path("plan.yaml"), (SKELETON / "plans" / "plan.yaml").read_text())
    assert problems == []
    assert dict(data["me"]) == placeholders.ME
    named = [sector["name"] for sector in data["sectors"] if not sector.get("recruiters")]
    assert tuple(named) == placeholders.SECTORS


def test_check_warns_about_every_placeholder(untouched: Path) -> None:
    code, output = run_in(untouched, "check")
    assert code == 0
    plan = untouched / "plan.yaml"
    example = untouched / "companies" / "example-company.yaml"
    optional = "write yours (playbook me --{0} …) or remove it (playbook me --{0} '')"
    assert output.splitlines() == [
        f"{example}:1:1: warning: the file holds no company yet; expected one company: a "
        "mapping with at least name and sector (an example to copy? delete it once you have "
        "your own: playbook remove company example-company)",
        f"{plan}:15:9: warning: me.name: still the placeholder 'Your Name' from playbook init; "
        "write yours: playbook me --name …",
        f"{plan}:16:13: warning: me.headline: still the placeholder 'What you do today, in one "
        "line' from playbook init; write yours: playbook me --headline …",
        f"{plan}:17:9: warning: me.goal: still the placeholder 'The role you want in a few "
        "years' from playbook init; write yours: playbook me --goal …",
        f"{plan}:18:13: warning: me.location: still the placeholder 'Your City, Your Country' "
        f"from playbook init; {optional.format('location')}",
        f"{plan}:19:12: warning: me.country: still the placeholder 'Your Country' from "
        f"playbook init; {optional.format('country')}",
        f"{plan}:20:13: warning: me.linkedin: still the placeholder "
        "'https://www.linkedin.com/in/your-profile' from playbook init; "
        f"{optional.format('linkedin')}",
        f"{plan}:21:10: warning: me.email: still the placeholder 'you@example.com' from "
        f"playbook init; {optional.format('email')}",
        f"{plan}:40:5: warning: sectors[0]: 'Your first sector' is still a placeholder from "
        "playbook init; name the sector: playbook rename sector 'Your first sector' …",
        f"{plan}:42:5: warning: sectors[1]: 'Your second sector' is still a placeholder from "
        "playbook init; name the sector: playbook rename sector 'Your second sector' …",
        f"{untouched}: not filled in yet: 3 sectors, 0 companies, 0 people, 0 inbound "
        "contacts; 10 warnings",
        "9 placeholders from playbook init are left, each named above with the command that "
        "replaces it: first who you are (playbook me --name … --headline … --goal …), then "
        "your sectors (playbook rename sector OLD NEW).",
    ]


def test_check_says_what_to_fill_in_first_down_to_the_last_placeholder(untouched: Path) -> None:
    """The summary is "not filled in yet" while one placeholder is left (a warning: exit
    0), and "ok" once none is; what to fill in first follows what is left."""

    def summary() -> list[str]:
        code, output = run_in(untouched, "check")
        assert code == 0, output
        return output.splitlines()[-2:]

    counts = "3 sectors, 0 companies, 0 people, 0 inbound contacts"
    fill_in = "each named above with the command that replaces it: first"
    assert run_in(untouched, "remove", "company", "example-company")[0] == 0
    assert run_in(untouched, "me", "--name", "Marta Kowalska", "--goal", "Lead by 2029")[0] == 0
    assert summary()[1] == (
        f"7 placeholders from playbook init are left, {fill_in} who you are (playbook me "
        "--headline …), then your sectors (playbook rename sector OLD NEW)."
    )
    assert run_in(untouched, "me", "--headline", "Analyst")[0] == 0
    # Only optional keys left: they are named, to fill in or remove.
    assert summary()[1] == (
        f"6 placeholders from playbook init are left, {fill_in} who you are (playbook me "
        "--location … --country … --linkedin … --email …), then your sectors (playbook rename "
        "sector OLD NEW)."
    )
    empty = ["--location", "", "--country", "", "--linkedin", "", "--email", ""]
    assert run_in(untouched, "me", *empty)[0] == 0
    assert run_in(untouched, "rename", "sector", "Your first sector", "Logistics")[0] == 0
    assert summary() == [
        f"{untouched}: not filled in yet: {counts}; 1 warning",
        f"1 placeholder from playbook init is left, {fill_in} your sectors (playbook rename "
        "sector OLD NEW).",
    ]
    assert run_in(untouched, "rename", "sector", "Your second sector", "Retail")[0] == 0
    assert summary()[-1] == f"{untouched}: ok: {counts}"


def test_a_placeholder_is_known_in_any_case(untouched: Path) -> None:
    replace_in(untouched / "plan.yaml", "name: Your Name", "name: your  name")
    warnings = [w.message for w in load_plan(untouched, TODAY).warnings]
    assert any(w.startswith("me.name: still the placeholder") for w in warnings)


def test_a_filled_in_plan_has_no_placeholder_warning(untouched: Path) -> None:
    for command in (
        ["me", "--name", "Marta Kowalska", "--headline", "Analyst", "--goal", "Lead by 2029",
         "--location", "Lisbon, Portugal", "--country", "", "--linkedin", "", "--email", ""],
        ["rename", "sector", "Your first sector", "Logistics"],
        ["rename", "sector", "Your second sector", "Retail"],
        ["remove", "company", "example-company"],
    ):  # fmt: skip
        code, output = run_in(untouched, *command)
        assert code == 0, output
    code, output = run_in(untouched, "check")
    assert output == (f"{untouched}: ok: 3 sectors, 0 companies, 0 people, 0 inbound contacts\n")


def test_step_1_waits_for_real_sectors(untouched: Path) -> None:
    def step_1() -> tuple[bool, str]:
        step = checklist(load_plan(untouched, TODAY))[0]
        return step.done, step.next_action

    assert step_1() == (
        False,
        "Name your sectors: 'Your first sector' is a placeholder (playbook rename sector).",
    )
    assert run_in(untouched, "rename", "sector", "Your first sector", "Logistics")[0] == 0
    # One placeholder left: still not done.
    assert step_1() == (
        False,
        "Name your sectors: 'Your second sector' is a placeholder (playbook rename sector).",
    )
    assert run_in(untouched, "rename", "sector", "Your second sector", "Retail")[0] == 0
    assert step_1() == (True, "Keep the sectors under review as your goal sharpens.")
