"""Mutation testing, a development tool (`make mutation`): not part of `make test` or CI.

mutmut (pinned in requirements/mutation.lock) changes the modules whose rules a user
reads, one small change at a time (`>=` to `>`, 21 to 22, `and` to `or`, `min` to
`max`), and runs the fast tests that reach the changed function; a change no test
notices "survives". pyproject.toml's `[tool.mutmut]` names the modules and the test
modules. This prints, per module, the mutants killed out of those that are not
equivalent (tests/mutation-survivors.md lists the equivalent ones, each with why), then
every other survivor with its diff, and exits 1 when fewer than GOAL are killed.

    python -m tests.mutation              a fresh run over every module
    python -m tests.mutation NAME|GLOB…   run these mutants again, keep the other results
    python -m tests.mutation --report     print the figures of the last run

MUTATION_JOBS (default 2) sets how many mutants run at once.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
SURVIVORS_FILE = ROOT / "tests" / "mutation-survivors.md"
GOAL = 0.90
# mutmut's exit codes, as its own results command reads them.
KILLED = {1, 3}
TIMEOUT = {-24, 24, 152, 255, 36}
SURVIVED = {0}
NO_TESTS = {5, 33}
# An equivalent mutant in tests/mutation-survivors.md: "- `name`: why".
_LISTED = re.compile(r"^- `([\w.]+__mutmut_\d+)`")


@dataclass
class Module:
    path: str
    outcomes: dict[str, str] = field(default_factory=dict)

    def count(self, outcome: str) -> int:
        return sum(1 for found in self.outcomes.values() if found == outcome)


def outcome_of(code: int | None) -> str:
    if code in KILLED or code in TIMEOUT:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in NO_TESTS:
        return "no tests"
    if code is None:
        return "not run"
    return "suspicious"


def modules_mutated() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = config["tool"]["mutmut"]["only_mutate"]
    found = {
        str(path.relative_to(ROOT))
        for pattern in patterns
        for path in ROOT.glob(pattern)
        if path.suffix == ".py"
    }
    return sorted(found)


def results() -> list[Module]:
    modules = []
    for path in modules_mutated():
        meta = MUTANTS / f"{path}.meta"
        module = Module(path)
        if meta.exists():
            codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
            module.outcomes = {name: outcome_of(code) for name, code in codes.items()}
        modules.append(module)
    return modules


def listed_equivalent() -> set[str]:
    text = SURVIVORS_FILE.read_text(encoding="utf-8") if SURVIVORS_FILE.exists() else ""
    return {m.group(1) for line in text.splitlines() if (m := _LISTED.match(line))}


def diff(name: str) -> str:
    shown = subprocess.run(
        [str(Path(sys.executable).parent / "mutmut"), "show", name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = shown.stdout.splitlines()
    return "\n".join(line for line in lines if line[:1] in "+-@" and line[:3] not in ("---", "+++"))


def report() -> bool:
    """Print the figures and the survivors; True when the goal is met."""
    modules = results()
    equivalent = listed_equivalent()
    everything = {name for module in modules for name in module.outcomes}
    killed_total = counted_total = 0
    print(f"\n{'module':<34} {'killed':>7} {'of':>5} {'score':>7}  equivalent  other")
    for module in modules:
        counted = {n: o for n, o in module.outcomes.items() if n not in equivalent}
        tally = Counter(counted.values())
        killed, total = tally["killed"], len(counted)
        killed_total += killed
        counted_total += total
        score = f"{100 * killed / total:.1f}%" if total else "-"
        others = ", ".join(f"{n} {o}" for o, n in sorted(tally.items()) if o != "killed")
        listed = len(module.outcomes) - total
        print(f"{module.path:<34} {killed:>7} {total:>5} {score:>7}  {listed:>10}  {others}")
    overall = killed_total / counted_total if counted_total else 0.0
    print(f"{'all':<34} {killed_total:>7} {counted_total:>5} {100 * overall:>6.1f}%")
    survivors = [
        name
        for module in modules
        for name, outcome in module.outcomes.items()
        if outcome not in ("killed", "not run") and name not in equivalent
    ]
    if survivors:
        print(f"\n{len(survivors)} mutants not killed (`.venv/bin/mutmut show NAME` for one):")
        for name in survivors:
            print(f"\n{name}\n{diff(name)}")
    stale = sorted(
        n for n in equivalent if n not in everything or outcome_of_name(modules, n) == "killed"
    )
    if stale:
        print("\nListed as equivalent but no longer a surviving mutant (update the list):")
        print("\n".join(f"  {name}" for name in stale))
    under = modules_under_goal(modules, equivalent)
    print(f"\nGoal: {100 * GOAL:.0f}% of the non-equivalent mutants killed in every module", end="")
    print(f"; under it: {', '.join(under)}." if under else ": met.")
    return not under


def outcome_of_name(modules: list[Module], name: str) -> str:
    for module in modules:
        if name in module.outcomes:
            return module.outcomes[name]
    return ""


def modules_under_goal(modules: list[Module], equivalent: set[str]) -> list[str]:
    """The modules with mutants where fewer than GOAL of the non-equivalent are killed
    (a mutant not run counts as not killed)."""
    under = []
    for module in modules:
        counted = [o for n, o in module.outcomes.items() if n not in equivalent]
        if counted and counted.count("killed") / len(counted) < GOAL:
            under.append(module.path)
    return under


def refresh_unmutated() -> None:
    """mutmut copies the package into mutants/ once and then keeps every file it does not
    mutate: copy those again, so a run on named mutants tests today's code."""
    mutated = set(modules_mutated())
    for path in (ROOT / "generator").rglob("*"):
        relative = str(path.relative_to(ROOT))
        if path.is_file() and relative not in mutated and "__pycache__" not in relative:
            target = MUTANTS / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def run(names: list[str]) -> int:
    """mutmut's own run: a fresh one, or these mutants again; its exit code."""
    jobs = os.environ.get("MUTATION_JOBS", "2")
    if not names:
        shutil.rmtree(MUTANTS, ignore_errors=True)
    else:
        refresh_unmutated()
    mutmut = str(Path(sys.executable).parent / "mutmut")
    command = [mutmut, "run", "--max-children", jobs, *names]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def main(argv: list[str]) -> int:
    if argv != ["--report"]:
        code = run(argv)
        if code != 0:
            print(f"mutmut stopped (exit {code}); its output above says why", file=sys.stderr)
            return code
    return 0 if report() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
