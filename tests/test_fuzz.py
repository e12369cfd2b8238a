"""Fuzzing `check` and `build`: random YAML, mutated example files and hostile text in
every field. Every run ends with a valid plan or with our located error: never a
traceback, never a hang. `make test` runs a few examples; set HYPOTHESIS_PROFILE=nightly
for thousands."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.checking import load_plan
from generator.cli import cli
from generator.commands.build import build_site
from generator.editing.yaml_edit import format_scalar
from generator.errors import InvalidPlan
from tests.conftest import EXAMPLE_PLAN, SMALL_PLAN, TODAY
from tests.helpers import make_project

EXAMPLE_COMPANIES = sorted((EXAMPLE_PLAN / "companies").glob("*.yaml"))
HOSTILE = [
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "{# x",
    "javascript:alert(1)",
    '--8<-- "/etc/passwd"',
    '{: onclick="alert(1)" }',
    "\x1b]0;owned\x07",
    '"unclosed',
    "key: value: more",
    "#hashtag",
    "&anchor",
    "*alias",
    "!!python/object:os.system",
    "|",
    "- item",
    "[",
    "{",
    "\u202e gnp.exe",
    "Zo\u200bë",
    "😀" * 50,
    "x" * 3000,
    "\\ud800",
    "NO",
    "010",
    "12:30",
    "~",
    "",
    " ",
    "https://example.com[x]",
    "a@b.example?cc=x%40y.example",
    "../../etc/passwd",
]
# Every line of our messages: a location (path, perhaps with line:col) then the text,
# or the summary.
MESSAGE = re.compile(
    r"^(\S.*?\.ya?ml(:\d+:\d+)?|\S+): .+|\d+ errors? found|.*: (ok|not filled in yet): .*$"
)


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """A hang is a failure: raise in the test if it runs past `seconds`."""

    def stop(signum: int, frame: Any) -> None:
        raise TimeoutError(f"no answer after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check(plans: Path) -> tuple[int, str]:
    with time_limit(60):
        result = CliRunner().invoke(
            cli, ["--plans", str(plans), "--today", TODAY.isoformat(), "check"],
            catch_exceptions=False,
        )  # fmt: skip
    return result.exit_code, result.output


def assert_clean_outcome(code: int, output: str) -> None:
    assert code in (0, 1), output
    for line in output.splitlines():
        if line.startswith("  "):  # the indented lines of a multi-line message
            continue
        assert MESSAGE.match(line), f"not one of our messages: {line!r}"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fresh_plan(scratch: Path, name: str) -> Path:
    plans = scratch / name
    if plans.exists():
        shutil.rmtree(plans)
    shutil.copytree(SMALL_PLAN, plans)
    return plans


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(HOSTILE),
    st.dates().map(dt.date.isoformat),
)
keys = st.one_of(
    st.sampled_from(
        ["name", "sector", "people", "touches", "date", "action", "focus", "email", "why",
         "priority", "linkedin", "messages", "invite", "country", "role", "note"]
    ),
    st.text(max_size=12),
)  # fmt: skip
structures = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=25,
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    document=structures, where=st.sampled_from(["companies/fuzz.yaml", "inbound.yaml", "plan.yaml"])
)
def test_random_yaml_structures(scratch: Path, document: Any, where: str) -> None:
    plans = fresh_plan(scratch, "structures")
    (plans / where).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert_clean_outcome(*check(plans))


def mutate(text: str, data: st.DataObject) -> str:
    lines = text.split("\n")
    kind = data.draw(
        st.sampled_from(["truncate", "delete", "duplicate", "indent", "hostile", "bytes"])
    )
    index = data.draw(st.integers(0, max(0, len(lines) - 1)))
    if kind == "truncate":
        return text[: data.draw(st.integers(0, len(text)))]
    if kind == "delete":
        return "\n".join(lines[:index] + lines[index + 1 :])
    if kind == "duplicate":
        return "\n".join(lines[: index + 1] + lines[index:])
    if kind == "indent":
        shift = data.draw(st.integers(-3, 3))
        line = lines[index]
        lines[index] = line[-shift:] if shift < 0 else " " * shift + line
        return "\n".join(lines)
    if kind == "hostile":
        fragment = data.draw(st.sampled_from(HOSTILE))
        line = lines[index]
        if ": " in line:
            key = line.split(": ", 1)[0]
            quoted = data.draw(st.booleans())
            value = format_scalar(fragment) if quoted else fragment
            lines[index] = f"{key}: {value}"
        return "\n".join(lines)
    position = data.draw(st.integers(0, len(text)))
    noise = data.draw(st.text(max_size=5))
    return text[:position] + noise + text[position:]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_mutations_of_the_example(scratch: Path, data: st.DataObject) -> None:
    plans = fresh_plan(scratch, "mutations")
    source = data.draw(st.sampled_from(EXAMPLE_COMPANIES))
    text = source.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        text = mutate(text, data)
    (plans / "companies" / "mutated.yaml").write_text(
        text, encoding="utf-8", errors="surrogatepass"
    )
    # The example's companies name the example's sectors: add them to the fixture's.
    plan_file = plans / "plan.yaml"
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace(
            "sectors:\n",
            "sectors:\n  - name: Heat pumps and HVAC\n  - name: Home appliances\n",
        ),
        encoding="utf-8",
    )
    code, output = check(plans)
    event(f"check exit {code}")
    assert_clean_outcome(code, output)


# Text that a plan may hold, hostile to every parser on the way: markup, template code,
# YAML indicators, bidirectional marks, emoji; and sometimes text it may not hold.
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))
ACCEPTABLE = [h for h in HOSTILE if h.strip() and len(h) < 150 and "\x1b" not in h]
# Each accepted example is a real build (about half a second): a few in `make test`.
BUILD_EXAMPLES = 300 if os.environ.get("HYPOTHESIS_PROFILE") == "nightly" else 10
texts = st.one_of(
    st.text(PRINTABLE, min_size=1, max_size=30),
    st.sampled_from(ACCEPTABLE),
    st.sampled_from(ACCEPTABLE),
    st.sampled_from(HOSTILE),
)
VALID_ADDRESSES = st.sampled_from(
    ["https://www.linkedin.com/in/a", "linkedin.com/in/b-c", "https://x.example/?q=%3C&r='s'&t=[1]"]
)
addresses = st.one_of(VALID_ADDRESSES, VALID_ADDRESSES, VALID_ADDRESSES, st.sampled_from(HOSTILE))


@st.composite
def people(draw: st.DrawFn) -> str:
    lines = [f"  - name: {format_scalar(draw(texts) or 'X')}"]
    for key in ("role", "hook", "country", "first_name"):
        if draw(st.booleans()):
            lines.append(f"    {key}: {format_scalar(draw(texts) or 'x')}")
    if draw(st.booleans()):
        lines.append(f"    linkedin: {format_scalar(draw(addresses))}")
    if draw(st.booleans()):
        emails = st.one_of(
            st.sampled_from(["a@b.example", "żółć@x.example"]), st.sampled_from(HOSTILE)
        )
        lines.append(f"    email: {format_scalar(draw(emails))}")
    touches = draw(
        st.lists(
            st.tuples(
                st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 1, 1)),
                st.sampled_from(
                    [
                        "invited",
                        "connected",
                        "messaged",
                        "replied",
                        "met",
                        "declined",
                        "followed_up",
                        "referred",
                    ]
                ),
                texts,
            ),
            max_size=4,
        )
    )
    if touches:
        lines.append("    touches:")
        for day, action, note in touches:
            lines.append(f"      - date: {day.isoformat()}")
            lines.append(f"        action: {action}")
            if note.strip():
                lines.append(f"        note: {format_scalar(note)}")
    return "\n".join(lines)


@settings(
    max_examples=BUILD_EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=texts,
    why=texts,
    website=addresses,
    members=st.lists(people(), min_size=1, max_size=3),
)
def test_whatever_check_accepts_builds(
    tmp_path_factory: pytest.TempPathFactory, name: str, why: str, website: str, members: list[str]
) -> None:
    project = make_project(tmp_path_factory.mktemp("accepted"), SMALL_PLAN)
    company = (
        f"name: {format_scalar(name or 'X')}\nsector: Automation\n"
        f"why: {format_scalar(why or 'x')}\nwebsite: {format_scalar(website or 'x')}\n"
        "people:\n" + "\n".join(members) + "\n"
    )
    (project / "plans" / "companies" / "fuzz.yaml").write_text(company, encoding="utf-8")
    try:
        with time_limit(60):
            load_plan(project / "plans", TODAY)
    except InvalidPlan:
        event("check refused the plan")
        return
    event("check accepted the plan: built")
    with time_limit(120):
        report = build_site(project / "mkdocs.yml", project / "plans", TODAY)
    assert report.page_count > 0
