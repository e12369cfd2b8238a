"""Commands run at the same moment on one playbook: every change lands, none is lost.

Each pair is two real processes started together. Without the playbook lock, 5 in 6
pairs of `log` lost one of the two touches (issue 14); with it, the second command
waits, reads the plan the first left, and adds its own change to it.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.locking import WAITING
from generator.reading.load import read_plan
from tests.processes import Outcome, run_together

PAIRS = 20
ROUNDS = 4  # rounds of each of the other races
START = dt.date(2026, 1, 1)
CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Anna,Nowak,https://www.linkedin.com/in/anna-nowak-volta-example,,Volta Cells,HR,05 Nov 2026\n"
    "Piotr,Żółć,https://www.linkedin.com/in/piotr-zolc-example,,Talent Bridge,Partner,"
    "01 Sep 2026\n"
)


def base(plans: Path) -> list[str]:
    return ["--plans", str(plans), "--today", "2026-11-26"]


def add_person(plans: Path, name: str) -> list[str]:
    return [*base(plans), "add", "person", name, "--company", "Volta Cells"]


def log(plans: Path, who: str, action: str, day: str) -> list[str]:
    return [*base(plans), "log", who, action, "--company", "Volta Cells", "--date", day]


def touches(plans: Path, who: str, company: str = "Volta Cells") -> list[tuple[str, str]]:
    plan, _ = read_plan(plans)
    assert plan is not None
    person = next(p for c in plan.companies if c.name == company for p in c.people if p.name == who)
    return [(t.date.isoformat(), t.action.value) for t in person.touches]


def all_ok(outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        assert outcome.code == 0, outcome.output
        assert "Traceback" not in outcome.output


def leftovers(plans: Path) -> list[str]:
    return sorted(p.name for p in plans.rglob(".*") if p.is_file())


def test_twenty_pairs_of_log_on_one_file_lose_nothing(small_plan: Path) -> None:
    jan, anna = touches(small_plan, "Jan Nowak"), touches(small_plan, "Anna Nowak")
    waited = 0
    for pair in range(PAIRS):
        day = (START + dt.timedelta(days=pair)).isoformat()
        outcomes = run_together(
            [
                log(small_plan, "Jan Nowak", "messaged", day),
                log(small_plan, "Anna Nowak", "messaged", day),
            ]
        )
        all_ok(outcomes)
        waited += sum(o.output.startswith(WAITING) for o in outcomes)
    days = [(START + dt.timedelta(days=n)).isoformat() for n in range(PAIRS)]
    added = [(day, "messaged") for day in days]
    assert sorted(touches(small_plan, "Jan Nowak")) == sorted(jan + added)
    assert sorted(touches(small_plan, "Anna Nowak")) == sorted(anna + added)
    assert waited >= 1  # the pairs did meet: a command said once that it waited
    assert leftovers(small_plan) == []


def test_log_and_import_at_once_both_land(small_plan: Path, tmp_path: Path) -> None:
    export = tmp_path / "Connections.csv"
    export.write_text(CONNECTIONS, encoding="utf-8")
    for pair in range(ROUNDS):
        day = (START + dt.timedelta(days=pair)).isoformat()
        outcomes = run_together(
            [
                log(small_plan, "Jan Nowak", "met", day),
                [*base(small_plan), "import", "linkedin", str(export)],
            ]
        )
        all_ok(outcomes)
        assert (day, "met") in touches(small_plan, "Jan Nowak")
    assert ("2026-11-05", "connected") in touches(small_plan, "Anna Nowak")
    volta = (small_plan / "companies" / "volta-cells.yaml").read_text(encoding="utf-8")
    assert "linkedin: https://www.linkedin.com/in/anna-nowak-volta-example" in volta
    talent = (small_plan / "companies" / "talent-bridge.yaml").read_text(encoding="utf-8")
    assert "linkedin: https://www.linkedin.com/in/piotr-zolc-example" in talent


def test_inbound_pairs_lose_nothing(small_plan: Path) -> None:
    for pair in range(ROUNDS):
        day = (START + dt.timedelta(days=pair)).isoformat()
        all_ok(
            run_together(
                [
                    [*base(small_plan), "inbound", f"Caller A{pair}", "--date", day],
                    [*base(small_plan), "inbound", f"Caller B{pair}", "--date", day],
                    log(small_plan, "Jan Nowak", "replied", day),
                ]
            )
        )
    plan, _ = read_plan(small_plan)
    assert plan is not None
    callers = {entry.who for entry in plan.inbound}
    assert {f"Caller {side}{n}" for side in "AB" for n in range(ROUNDS)} <= callers
    assert len(plan.inbound) == 3 + 2 * ROUNDS


def test_add_person_and_log_on_one_company_lose_nothing(small_plan: Path) -> None:
    for pair in range(ROUNDS):
        day = (START + dt.timedelta(days=pair)).isoformat()
        all_ok(
            run_together(
                [
                    add_person(small_plan, f"Ola Nowa{pair}"),
                    add_person(small_plan, f"Ela Stara{pair}"),
                    log(small_plan, "Jan Nowak", "referred", day),
                ]
            )
        )
    plan, _ = read_plan(small_plan)
    assert plan is not None
    volta = next(c for c in plan.companies if c.name == "Volta Cells")
    names = [p.name for p in volta.people]
    assert len(names) == 2 + 2 * ROUNDS
    assert {f"Ola Nowa{n}" for n in range(ROUNDS)} | {
        f"Ela Stara{n}" for n in range(ROUNDS)
    } <= set(names)
    assert len([t for t in touches(small_plan, "Jan Nowak") if t[1] == "referred"]) == ROUNDS


def test_add_company_twice_at_once_is_one_file_and_one_clear_refusal(small_plan: Path) -> None:
    for pair in range(3):
        name = f"Kalina Works {pair}"
        outcomes = run_together(
            [
                [*base(small_plan), "add", "company", name, "--sector", "Automation"],
                [*base(small_plan), "add", "company", name, "--sector", "Automation"],
                [*base(small_plan), "add", "company", f"Other {pair}", "--sector", "Automation"],
            ]
        )
        codes = sorted(outcome.code for outcome in outcomes)
        assert codes == [0, 0, 1], outcomes
        refused = next(outcome.output for outcome in outcomes if outcome.code == 1)
        refused = refused.removeprefix(WAITING + "\n")
        assert re.fullmatch(
            rf"{name} is already in .*kalina-works-{pair}\.yaml; nothing was written\n", refused
        ), refused
        assert "None" not in refused
    files = sorted(p.name for p in (small_plan / "companies").iterdir())
    assert [f for f in files if f.startswith(("kalina", "other"))] == [
        "kalina-works-0.yaml",
        "kalina-works-1.yaml",
        "kalina-works-2.yaml",
        "other-0.yaml",
        "other-1.yaml",
        "other-2.yaml",
    ]


def test_a_waiting_command_says_so_once_on_stderr(small_plan: Path) -> None:
    """Another process holds the playbook for a moment; `log` waits, says so, then writes."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(small_plan.parent)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        result = CliRunner().invoke(
            cli,
            [*base(small_plan), "log", "Jan Nowak", "met", "--company", "Volta Cells"],
            catch_exceptions=False,
        )
    finally:
        holder.wait(timeout=10)
    assert result.exit_code == 0
    assert result.stderr == WAITING + "\n"
    assert result.stdout.endswith(": Jan Nowak: met on 2026-11-26\n")


HOLD = """
import fcntl, os, sys, time
folder = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(folder, fcntl.LOCK_EX)
print("holding", flush=True)
time.sleep(0.5)
"""
