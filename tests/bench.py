"""Speed and memory of the playbook (`make bench`), against bare Material.

For the example plan and synthetic plans of 1,000, 2,000 and 5,000 people, each in a
fresh process: loading and checking the plan, rendering its pages, the whole
`playbook build` (CPU and wall), peak memory, pages, site size; the same pages built
by Material with its search plugin and nothing else (the floor any MkDocs site pays);
the old round-trip loader on the same files; and the time from an edit to the
rebuilt preview. Prints a table and writes tests/bench-results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)
SIZES = ("example", "1000", "2000", "5000")
RESULTS = Path(__file__).resolve().parent / "bench-results.md"
ACTIONS = ("invited", "connected", "replied", "met", "declined")
# Goals from the issue: (figure, limit, how the figure compares).
GOALS = {
    "build_vs_material": 1.3,
    "load_share": 0.10,
    "loader_speedup": 5.0,
    "edit_vs_build": 0.2,
    "rss_mb_5000": 300,
}


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


def cpu_and_wall(action: Callable[[], Any]) -> tuple[float, float, Any]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = action()
    return time.process_time() - cpu, time.perf_counter() - wall, result


# The last version with the round-trip loader: the baseline of the fast read path.
PREVIOUS_VERSION = "514423b"
# A key or action newer than that version (`withdrawn`, `messages.reminder`) is an error
# to it, found after it has read and checked every file; only deriving the model is left
# out, which makes the old loader look a little faster, never slower.
_OLD_LOAD = """
import datetime, sys, time
sys.path.insert(0, sys.argv[1])
from generator.config.load import load_plan
from generator.errors import InvalidPlan
start = time.process_time()
try:
    load_plan(__import__("pathlib").Path(sys.argv[2]), datetime.date(2026, 11, 26))
except InvalidPlan:
    pass
print(time.process_time() - start)
"""


def old_loader_seconds(plans: Path, scratch: Path) -> float:
    """The previous version's loader (ruamel.yaml round-trip, then validation) on the
    same files, in its own process; without git, its parsing alone (a lower bound)."""
    old = scratch / "previous"
    old.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", PREVIOUS_VERSION, "generator"],
        capture_output=True, check=False,
    )  # fmt: skip
    if archive.returncode == 0:
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        done = subprocess.run(
            [sys.executable, "-c", _OLD_LOAD, str(old), str(plans)],
            capture_output=True, text=True, check=True, cwd=scratch,
        )  # fmt: skip
        return float(done.stdout.strip())
    from ruamel.yaml import YAML

    start = time.process_time()
    for path in sorted(plans.rglob("*.yaml")):
        YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    return time.process_time() - start


def bare_material_seconds(project: Path, pages: dict[str, str], nav: list[Any]) -> float:
    """The same pages built by Material with its search plugin and nothing else."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = project / "bare-docs"
    for uri, text in pages.items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    home = (REPO / "content" / "index.md").read_text(encoding="utf-8")
    (docs / "index.md").write_text(home, encoding="utf-8")
    shutil.copy(REPO / "content" / "method.md", docs / "method.md")
    config = {
        "site_name": "Playbook",
        "docs_dir": str(docs),
        "site_dir": str(project / "bare-site"),
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False, "features": ["navigation.tabs",
                  "navigation.indexes", "navigation.sections", "content.code.copy"]},
        "plugins": ["search"],
        "nav": nav,
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables",
                                {"toc": {"permalink": False}}, "pymdownx.superfences",
                                "pymdownx.highlight", {"pymdownx.tasklist": {"custom_checkbox": True}}],
        "validation": {"nav": {"omitted_files": "ignore"}},
    }  # fmt: skip
    (project / "bare.yml").write_text(json.dumps(config), encoding="utf-8")
    cpu, _, _ = cpu_and_wall(lambda: build(load_config(str(project / "bare.yml"))))
    return cpu


def build_rss_mb(project: Path) -> float:
    """Peak memory of `playbook build` run on its own, as `make site` runs it."""
    command = [
        sys.executable, "-m", "generator", "--plans", str(project / "plans"),
        "--today", TODAY.isoformat(), "build", "--config", str(project / "mkdocs.yml"),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def edit_to_preview(project: Path) -> tuple[float, float]:
    """(full build, rebuild after one touch) in seconds, as `playbook serve` does them."""
    from generator.commands.serve import Rebuilder
    from generator.site.session import SiteSession

    session = SiteSession(plans_dir=project / "plans", today=TODAY, keep_last_good=True)
    rebuild = Rebuilder(
        project / "mkdocs.yml",
        session,
        project / "served",
        "http://127.0.0.1:8000/",
        lambda line: None,
        inputs=[project / "content", project / "mkdocs.yml"],
    )
    _, full, _ = cpu_and_wall(rebuild)
    company = sorted((project / "plans" / "companies").glob("*.yaml"))[1]
    with company.open("a", encoding="utf-8") as stream:
        stream.write("")  # a save that changes nothing yet: the next line is the edit
    text = company.read_text(encoding="utf-8")
    marker = "    touches:\n" if "    touches:\n" in text else None
    if marker:
        text = text.replace(marker, marker + f"      - {{date: {TODAY}, action: messaged}}\n", 1)
    company.write_text(text, encoding="utf-8")
    _, edit, _ = cpu_and_wall(rebuild)
    assert rebuild.builds == 2
    return full, edit


def measure(size: str) -> dict[str, Any]:
    """One plan size, in this process (called in a fresh process per size)."""
    from generator.checking import load_plan
    from generator.commands.build import build_site
    from generator.reading.load import read_plan
    from generator.render.pages import all_pages
    from generator.site.nav import expand_nav, sectors_section
    from tests.helpers import make_project

    root = Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    try:
        plans = REPO / "plans" if size == "example" else write_plan(root / "src", int(size))
        project = make_project(root / "project", plans)
        load_cpu, _, _ = cpu_and_wall(lambda: read_plan(project / "plans"))
        check_cpu, _, plan = cpu_and_wall(lambda: load_plan(project / "plans", TODAY))
        render_cpu, _, pages = cpu_and_wall(lambda: all_pages(plan))
        old_loader = old_loader_seconds(project / "plans", root)
        build_cpu, build_wall, report = cpu_and_wall(
            lambda: build_site(project / "mkdocs.yml", project / "plans", TODAY)
        )
        site_bytes = sum(f.stat().st_size for f in (project / "site").rglob("*") if f.is_file())
        nav = expand_nav(
            ["index.md", {"This week": "this-week/index.md"}, {"Scoreboard": "scoreboard/index.md"},
             {"Sectors": "sectors/index.md"}, {"Method": "method.md"}],
            sectors_section(plan),
        )  # fmt: skip
        rss = build_rss_mb(project)
        bare = bare_material_seconds(project, pages, nav or [])
        full, edit = edit_to_preview(project)
        return {
            "size": size,
            "people": len(plan.people),
            "pages": report.page_count,
            "load_cpu": load_cpu,
            "check_cpu": check_cpu,
            "render_cpu": render_cpu,
            "mkdocs_cpu": build_cpu - check_cpu - render_cpu,
            "build_cpu": build_cpu,
            "build_wall": build_wall,
            "bare_material_cpu": bare,
            "old_loader_cpu": old_loader,
            "serve_full_wall": full,
            "serve_edit_wall": edit,
            "site_mb": site_bytes / 1e6,
            "rss_mb": rss,
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| plan | people | pages | load + validate CPU | full check CPU | render CPU | MkDocs CPU "
        "| build CPU | build wall | bare Material CPU | build ÷ bare | ms/page | old loader "
        "| loader speed-up | load share | full preview | edit → preview | edit ÷ full "
        "| build peak RSS | site |",
        "|" + "---|" * 20,
    ]
    for r in rows:
        lines.append(
            f"| {r['size']} | {r['people']} | {r['pages']} | {r['load_cpu']:.2f} s "
            f"| {r['check_cpu']:.2f} s | {r['render_cpu']:.2f} s | {r['mkdocs_cpu']:.2f} s | {r['build_cpu']:.2f} s "
            f"| {r['build_wall']:.2f} s | {r['bare_material_cpu']:.2f} s "
            f"| {r['build_cpu'] / r['bare_material_cpu']:.2f} "
            f"| {1000 * r['build_cpu'] / r['pages']:.1f} | {r['old_loader_cpu']:.2f} s "
            f"| {r['old_loader_cpu'] / r['load_cpu']:.1f}× | {r['load_cpu'] / r['build_cpu']:.1%} "
            f"| {r['serve_full_wall']:.2f} s | {r['serve_edit_wall']:.2f} s "
            f"| {r['serve_edit_wall'] / r['serve_full_wall']:.2f} | {r['rss_mb']:.0f} MB "
            f"| {r['site_mb']:.1f} MB |"
        )
    return lines


def verdicts(rows: list[dict[str, Any]]) -> list[str]:
    by_size = {r["size"]: r for r in rows}
    found = []
    for size in ("1000", "5000"):
        if size in by_size:
            r = by_size[size]
            ratio = r["build_cpu"] / r["bare_material_cpu"]
            found.append(
                f"- build CPU at {size} people is {ratio:.2f}× bare Material "
                f"(goal ≤ {GOALS['build_vs_material']}): {'met' if ratio <= GOALS['build_vs_material'] else 'MISSED'}"
            )
    if "5000" in by_size:
        r = by_size["5000"]
        share, speedup = r["load_cpu"] / r["build_cpu"], r["old_loader_cpu"] / r["load_cpu"]
        found.append(
            f"- load + validate at 5000 people: {share:.1%} of the build (goal ≤ 10%), "
            f"{speedup:.1f}× faster than the round-trip loader (goal ≥ 5×): "
            f"{'met' if share <= GOALS['load_share'] and speedup >= GOALS['loader_speedup'] else 'MISSED'}"
        )
        found.append(
            f"- peak RSS of `playbook build` at 5000 people: {r['rss_mb']:.0f} MB (goal ≤ 300 MB): "
            f"{'met' if r['rss_mb'] <= GOALS['rss_mb_5000'] else 'MISSED'}"
        )
    for size in ("example", "2000"):
        if size in by_size:
            r = by_size[size]
            ratio = r["serve_edit_wall"] / r["serve_full_wall"]
            found.append(
                f"- edit → preview at {r['pages']} pages: {ratio:.2f}× a full build "
                f"(goal ≤ {GOALS['edit_vs_build']}): {'met' if ratio <= GOALS['edit_vs_build'] else 'MISSED'}"
            )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="*", default=list(SIZES))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    rows = []
    for size in args.sizes:
        print(f"measuring {size}…", file=sys.stderr, flush=True)
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench", "--one", size],
            cwd=REPO, capture_output=True, text=True, check=True,
        )  # fmt: skip
        rows.append(json.loads(done.stdout.splitlines()[-1]))
    lines = table(rows)
    found = verdicts(rows)
    print("\n".join([*lines, "", *found]))
    header = (
        f"# Benchmark results\n\n{dt.date.today().isoformat()}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}; `make bench` writes this file.\n"
    )
    RESULTS.write_text("\n".join([header, *lines, "", *found, ""]), encoding="utf-8")
    return 0 if all(line.endswith("met") for line in found) else 1


if __name__ == "__main__":
    sys.exit(main())
