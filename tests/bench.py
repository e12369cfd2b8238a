"""Speed and memory of the playbook on synthetic plans (`make bench`).

Plans of 1, 100, 1,000 and 5,000 people are generated into a temporary folder; for each
we time loading and checking, rendering every page, and (up to --build-limit people) a
full `mkdocs build --strict`. Goals are printed next to the measurements; the run fails
when a goal is missed, so a slowdown shows up here rather than in the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.checking import load_plan
from generator.commands.check import run_check
from generator.render.pages import all_pages
from tests.helpers import make_project

TODAY = dt.date(2026, 11, 26)
SIZES = (1, 100, 1000, 5000)
# Seconds allowed per person-count for each step (generous: a 2-core CI machine).
GOALS = {
    "check": {1: 1.0, 100: 2.0, 1000: 10.0, 5000: 45.0},
    "render": {1: 1.0, 100: 2.0, 1000: 10.0, 5000: 45.0},
    "build": {1: 15.0, 100: 30.0, 1000: 120.0, 5000: 600.0},
}
ACTIONS = ("invited", "connected", "replied", "met", "declined")


def write_plan(root: Path, people: int) -> Path:
    plans = root / "plans"
    (plans / "companies").mkdir(parents=True)
    (plans / "plan.yaml").write_text(
        "me:\n  name: Bench Person\n  headline: Engineer\n  goal: Director\n"
        "  location: Warsaw, Poland\n"
        "sectors:\n  - name: Alpha\n  - name: Beta\n  - name: Recruiters\n    recruiters: true\n"
        "messages:\n  invite: |\n    Hi {{ person.first_name }}, I'm {{ me.headline }}."
        "{% if person.hook %} {{ person.hook }}.{% endif %}\n",
        encoding="utf-8",
    )
    companies = max(1, people // 3)
    for c in range(companies):
        members = [p for p in range(people) if p % companies == c]
        lines = [
            f"name: Company {c}",
            f"sector: {('Alpha', 'Beta', 'Recruiters')[c % 3]}",
            "country: Poland" if c % 4 else "country: Germany",
            f"priority: {c % 3 + 1}",
            "people:",
        ]
        for p in members:
            lines += [
                f"  - name: Person {p}",
                f"    focus: {('operations', 'hr', 'recruiter', 'other')[p % 4]}",
                f"    linkedin: https://www.linkedin.com/in/person-{p}-example",
                f"    hook: Hook number {p}",
                "    touches:",
            ]
            start = TODAY - dt.timedelta(days=200 - p % 180)
            for step, action in enumerate(ACTIONS[: p % 5]):
                day = start + dt.timedelta(days=step * 3)
                lines.append(f"      - {{date: {day.isoformat()}, action: {action}}}")
            if p % 5 == 0:
                lines[-1] = "    touches: []"
        (plans / "companies" / f"company-{c}.yaml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    inbound = [
        f"- {{date: {(TODAY - dt.timedelta(days=d * 7)).isoformat()}, who: Person {d}, relevance: 3}}"
        for d in range(min(people, 40))
    ]
    (plans / "inbound.yaml").write_text("\n".join(inbound) + "\n", encoding="utf-8")
    return plans


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def build(project: Path) -> None:
    from generator.commands.build import build_site

    build_site(project / "mkdocs.yml", project / "plans", TODAY)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build-limit", type=int, default=1000)
    args = parser.parse_args()
    missed = []
    print(f"{'people':>7} {'step':<7} {'seconds':>8} {'goal':>6}  extra")
    for size in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            plans = write_plan(Path(folder) / "src", size)
            results = {
                "check": (timed(lambda p=plans: run_check(p, TODAY)), ""),
                "render": (
                    timed(lambda p=plans: all_pages(load_plan(p, TODAY))),
                    "",
                ),
            }
            if size <= args.build_limit:
                project = make_project(Path(folder) / "project", plans)
                seconds = timed(lambda p=project: build(p))
                site = project / "site"
                megabytes = sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6
                biggest = max((f.stat().st_size for f in site.rglob("*.html")), default=0) / 1e3
                results["build"] = (
                    seconds,
                    f"site {megabytes:.1f} MB, largest page {biggest:.0f} kB",
                )
            for step, (seconds, extra) in results.items():
                goal = GOALS[step][size]
                flag = "" if seconds <= goal else "  MISSED"
                if flag:
                    missed.append(f"{step} at {size} people")
                print(f"{size:>7} {step:<7} {seconds:>8.2f} {goal:>6.0f}  {extra}{flag}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    if missed:
        print("missed goals: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
